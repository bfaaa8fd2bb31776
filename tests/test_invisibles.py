"""Invisible characters: direction controls refused, zero-width characters and marks left out with a warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from topics import FIXTURES

from mghandout.errors import SourceError
from mghandout.model import iter_texts
from mghandout.source import read_article

MINIMAL = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
DOCS = (FIXTURES.parents[1] / "docs" / "errors.md").read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topic.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u2069", "\u202a"])
def test_a_direction_control_is_an_error_at_its_place_with_its_name(tmp_path: Path, char: str) -> None:
    path = _write(tmp_path, MINIMAL.replace("One paragraph.", f"One para{char}graph."))
    with pytest.raises(SourceError) as caught:
        read_article(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (13, 28)
    assert f"U+{ord(char):04X} " in problem.message and "direction control" in problem.message
    if char == "\u202e":
        assert f"error: {str(problem).split(': error: ', 1)[1]}`" in DOCS


@pytest.mark.parametrize(("char", "name"), [("\u200b", "ZERO WIDTH SPACE"), ("\u2060", "WORD JOINER"),
                                            ("\u200f", "RIGHT-TO-LEFT MARK"), ("\ufeff", "ZERO WIDTH NO-BREAK SPACE")])
def test_a_zero_width_character_is_a_warning_and_left_out(tmp_path: Path, char: str, name: str) -> None:
    path = _write(tmp_path, MINIMAL.replace("One paragraph.", f"One para{char}graph, wo{char}rd."))
    article, warnings = read_article(path)
    assert "One paragraph, word." in iter_texts(article)
    [warning] = warnings
    assert (warning.line, warning.column, warning.severity) == (13, 28, "warning")
    assert f"U+{ord(char):04X} {name} is an invisible character" in warning.message
    assert "(1 more in the file)" in warning.message
    if char == "\u200b":
        assert f"warning: {str(warning).split(': warning: ', 1)[1]}`" in DOCS


def test_joiners_that_scripts_need_are_kept(tmp_path: Path) -> None:
    """Persian writes ZWNJ inside words (می‌خواهم), Devanagari ZWJ (क्‍ष)."""
    path = _write(tmp_path, MINIMAL.replace("One paragraph.", "One\u200cpara\u200dgraph."))
    article, warnings = read_article(path)
    assert not [w for w in warnings if "invisible" in w.message]
    assert "One\u200cpara\u200dgraph." in iter_texts(article)


@pytest.mark.parametrize("blank", ["\u200b\u200b\u200b", "\u00a0\u00a0", "\u200b \u2060"])
def test_a_text_of_only_invisible_characters_is_empty(tmp_path: Path, blank: str) -> None:
    path = _write(tmp_path, MINIMAL.replace("short_title: Minimal", f'short_title: "{blank}"'))
    with pytest.raises(SourceError, match="'short_title' is empty"):
        read_article(path)
