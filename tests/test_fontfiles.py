"""The fonts found in their own packages are the very files fontpkg's registry gives."""

from __future__ import annotations

import subprocess
import sys

import fontpkg
import pytest

from mghandout.fontfiles import PACKAGES, font_path


@pytest.mark.parametrize("family", sorted(PACKAGES))
@pytest.mark.parametrize("weight", [400, 700])
def test_each_family_and_weight_is_fontpkgs_file(family: str, weight: int) -> None:
    assert font_path(family, weight) == fontpkg.path(family, weight=weight)
    assert font_path(family, weight).is_file()


def test_a_weight_no_file_has_is_refused() -> None:
    with pytest.raises(LookupError, match="no upright file of weight 100"):
        font_path("Atkinson Hyperlegible", 100)


def test_rendering_imports_no_registry_scan() -> None:
    """The point of the module: drawing text no longer imports fontpkg and importlib.metadata."""
    code = (
        "import sys; from mghandout.handout.fonts import font_set; from mghandout.deck.measure import width; "
        "font_set(False); font_set(True); width('x', 12.0); "
        "print(sorted(m for m in ('fontpkg', 'importlib.metadata') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_missing_font_package_names_the_command_that_installs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Chinese handout on a machine without the CJK package stops with the pip command, not blank glyphs."""
    from mghandout import fontfiles

    monkeypatch.setattr(fontfiles, "CJK_PACKAGE", "justmytype_intl_cjk_absent")
    fontfiles.font_path.cache_clear()
    try:
        with pytest.raises(fontfiles.MissingFont, match=r"install it with: pip install justmytype-intl-cjk-absent"):
            font_path("Noto Sans SC")
    finally:
        fontfiles.font_path.cache_clear()


def test_the_script_faces_are_found_in_their_packages() -> None:
    for family in ("Noto Sans SC", "Noto Sans TC", "Noto Sans JP", "Noto Sans KR", "Noto Sans Arabic",
                   "Noto Sans Devanagari"):
        assert font_path(family).suffix == ".ttf" and font_path(family).is_file(), family
