"""Where the bundled fonts' files are, found in their own packages rather than by a registry scan.

fontpkg finds a family by loading the entry points of every installed distribution:
importing it pulls in importlib.metadata and the email package (about 55 ms) and the
scan takes about 20 ms more, in each process that draws text, before the first glyph
of a cold build. Our families are fixed dependencies, so each is looked up in its own
package: its `metadata.json` (fontpkg's format) lists its files, and the file for a
weight is the upright one of that weight, or a variable one whose weight axis covers it.
A test holds every lookup equal to `fontpkg.path`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from mghandout.errors import BuildError

PACKAGES = {
    "Arimo": "fontpkg_arimo",
    "Atkinson Hyperlegible": "fontpkg_atkinson_hyperlegible",
    "Fira Sans": "fontpkg_fira_sans",
    "Inter": "fontpkg_inter",
    "Noto Sans": "fontpkg_noto_sans",
    "Noto Sans Arabic": "fontpkg_noto_sans_arabic",
    "Noto Sans Devanagari": "fontpkg_noto_sans_devanagari",
}
"""Each family the outputs use, and the package (a dependency in pyproject.toml) that ships it."""

CJK_PACKAGE = "justmytype_intl_cjk"
CJK = {"Noto Sans SC": "notosanssc", "Noto Sans TC": "notosanstc", "Noto Sans JP": "notosansjp",
       "Noto Sans KR": "notosanskr"}
"""The Chinese, Japanese and Korean faces (Google Fonts' variable Noto Sans CJK builds, TrueType outlines
that reportlab embeds) and their folders in the one PyPI package that ships all four."""


@cache
def font_path(family: str, weight: int = 400) -> Path:
    """The file of `family` at `weight`, upright (for a variable file, the weight to instance it at)."""
    if family in CJK:
        return _cjk_path(family)
    root = _package_root(PACKAGES[family])
    meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
    axis = next((a for a in meta.get("axes", []) if a["tag"] == "wght"), None)
    upright = [entry for entry in meta["files"] if entry.get("style", "normal") == "normal"]
    for entry in upright:
        if entry.get("weight") is not None and int(entry["weight"]) == weight:
            return root / entry["path"]
    for entry in upright:
        if entry.get("variable") and axis and axis["min"] <= weight <= axis["max"]:
            return root / entry["path"]
    raise LookupError(f"{family} has no upright file of weight {weight}")


class MissingFont(BuildError, LookupError):
    """A font package is not installed: the build stops with the command that installs it, never blank glyphs."""


def _package_root(package: str) -> Path:
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        distribution = package.replace("_", "-")
        raise MissingFont(f"the font package {distribution} is not installed; install it with: "
                          f"pip install {distribution}")
    return Path(next(iter(spec.submodule_search_locations)))


def _cjk_path(family: str) -> Path:
    """The one variable file of a CJK family (its weight axis covers 100 to 900)."""
    folder = _package_root(CJK_PACKAGE) / "fonts" / "ofl" / CJK[family]
    files = sorted(folder.glob("*.ttf"))
    if not files:
        raise MissingFont(f"{family} is missing from {CJK_PACKAGE}; reinstall it with: pip install "
                          f"--force-reinstall {CJK_PACKAGE.replace('_', '-')}")
    return files[0]
