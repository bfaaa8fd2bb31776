"""Label templates: a field the writers do not fill, or an unpaired brace, is a located error, not a crash."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from mghandout.cli import main
from mghandout.errors import SourceError
from mghandout.placeholders import ALLOWED
from mghandout.source import load_article

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
ERRORS_DOC = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")


def _write(tmp_path: Path, labels: str) -> Path:
    path = tmp_path / "topic.yaml"
    path.write_text(MINIMAL + "labels:\n" + labels, encoding="utf-8")
    return path


def test_the_template_labels_are_the_ones_the_writers_fill() -> None:
    expected = {"page": {"page", "pages"}, "continued": {"title"}, "logo": {"clinic"}, "date": {"day", "month", "year"}}
    assert expected == ALLOWED


@pytest.mark.parametrize(
    ("labels", "words", "column"),
    [
        ('  continued: "{titel} (more)"\n', "the 'continued' label names a field {titel} that is not filled in", 14),
        ('  page: "Page {page} of {pages"\n', "the 'page' label has a '{' or '}' that does not pair", 9),
        ('  page: "Page {page:d} of {pages}"\n', "formats the field {page}", 9),
        ('  date: "{month.upper} {day}"\n', "names a field {month.upper}", 9),
    ],
)
def test_a_template_the_writers_cannot_fill_is_located(tmp_path: Path, labels: str, words: str, column: int) -> None:
    with pytest.raises(SourceError) as caught:
        load_article(_write(tmp_path, labels))
    [problem] = caught.value.problems
    assert words in problem.message and (problem.line, problem.column) == (20, column)


def test_the_message_is_documented(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        load_article(_write(tmp_path, '  continued: "{titel} (more)"\n'))
    assert f"error: {str(caught.value).split(': error: ', 1)[1]}`" in ERRORS_DOC


def test_good_templates_and_literal_braces_build(tmp_path: Path) -> None:
    """Before: KeyError and ValueError from str.format, exit 1. Now a template as the docs show builds."""
    path = _write(tmp_path, '  page: "{page} / {pages} {{p}}"\n  continued: "{title}, more"\n  summary: "In {brief}"\n')
    with contextlib.redirect_stdout(io.StringIO()):
        assert main([str(path), "-o", str(tmp_path / "out")]) == 0
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main([str(_write(tmp_path, '  continued: "{titel}"\n')), "-o", str(tmp_path / "bad")]) == 2
