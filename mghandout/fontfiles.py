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

PACKAGES = {
    "Arimo": "fontpkg_arimo",
    "Atkinson Hyperlegible": "fontpkg_atkinson_hyperlegible",
    "Fira Sans": "fontpkg_fira_sans",
    "Inter": "fontpkg_inter",
    "Noto Sans": "fontpkg_noto_sans",
}
"""Each family the outputs use, and the package (a dependency in pyproject.toml) that ships it."""


@cache
def font_path(family: str, weight: int = 400) -> Path:
    """The file of `family` at `weight`, upright."""
    spec = find_spec(PACKAGES[family])
    if spec is None or not spec.submodule_search_locations:
        raise LookupError(f"the font package {PACKAGES[family]} is not installed; reinstall mghandout")
    root = Path(next(iter(spec.submodule_search_locations)))
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
