"""Warnings where YAML quietly cuts text at a `#` or splits a `[...]` item at a comma."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from mghandout.cli import main
from mghandout.errors import Problem
from mghandout.source import read_article

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
ERRORS_DOC = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
FOODS = """      - foods:
          groups:
            - group: Dairy
              items: {items}
"""


def _warnings(tmp_path: Path, text: str) -> list[Problem]:
    path = tmp_path / "topic.yaml"
    path.write_text(text, encoding="utf-8")
    article, warnings = read_article(path)
    assert article is not None
    return warnings


def _with_items(items: str) -> str:
    paragraph = "      - paragraph: One paragraph.\n"
    return MINIMAL.replace(paragraph, paragraph + FOODS.format(items=items))


def _documented(problem: Problem) -> bool:
    """docs/errors.md shows this very warning, as `topic.yaml` prints it."""
    return f"warning: {str(problem).split(': warning: ', 1)[1]}`" in ERRORS_DOC


def test_a_comment_after_a_plain_value_is_a_located_warning(tmp_path: Path) -> None:
    text = MINIMAL.replace("summary: One summary sentence.", "summary: Call the clinic and press #2 for the nurse.")
    [warning] = _warnings(tmp_path, text)
    assert warning.severity == "warning"
    assert (warning.line, warning.column) == (4, 36)
    assert "'#2 for the nurse.' is read as a comment, so the text ends at 'Call the clinic and press'" in str(warning)
    assert "quote the text" in warning.hint
    assert _documented(warning)


def test_a_comment_line_where_the_text_would_continue_is_a_warning(tmp_path: Path) -> None:
    text = MINIMAL.replace("  - One introduction sentence.", "  - Call us and\n    #3 is the nurse line.")
    [warning] = _warnings(tmp_path, text)
    assert (warning.line, warning.column) == (7, 5)
    assert "'#3 is the nurse line.' is read as a comment, so the text ends at 'Call us and'" in str(warning)
    assert _documented(warning)


@pytest.mark.parametrize(
    "line",
    [
        'summary: "Call the clinic and press #2 for the nurse."',  # quoted: the # is text
        "summary: >-\n  Call the clinic and press #2 for the nurse.",  # a block: the # is text
        "summary: One summary sentence.  # a note",  # a finished sentence, then a note
        "summary: One summary  # set off by two spaces",
        "summary: See https://example.org/#part",  # no space before the #: text
        "summary: One summary sentence.\n# a note about the next key, at the key's indent",
    ],
)
def test_deliberate_comments_and_quoted_hashes_are_quiet(tmp_path: Path, line: str) -> None:
    assert _warnings(tmp_path, MINIMAL.replace("summary: One summary sentence.", line)) == []


def test_a_comment_after_a_code_is_quiet(tmp_path: Path) -> None:
    assert _warnings(tmp_path, MINIMAL + "language: en # English\n") == []


def test_the_bundled_source_has_no_warnings() -> None:
    """Its reconstructed FAQ questions carry `# reconstructed` notes: a finished question, then a note."""
    _, warnings = read_article(ROOT / "source" / "magnesium-muscle-contractions.yaml")
    assert warnings == []


@pytest.mark.parametrize(
    ("items", "words", "column"),
    [
        ("[Plain yogurt, low-fat (1 cup), Milk]", "the comma made 'Plain yogurt, low-fat (1 cup)' two items", 23),
        ("[Milk, 1 cup, Cheese]", "the comma made 'Milk, 1 cup' two items", 23),
        ("[Milk (whole, 2%), Cheese]", "the comma made 'Milk (whole, 2%)' two items", 23),
        ("[Yogurt, Milk, 1/2 cup]", "the comma made 'Milk, 1/2 cup' two items", 31),
    ],
)
def test_a_flow_item_that_is_the_tail_of_the_one_before_is_a_warning(
    tmp_path: Path, items: str, words: str, column: int
) -> None:
    [warning] = _warnings(tmp_path, _with_items(items))
    assert warning.severity == "warning" and words in str(warning)
    assert (warning.line, warning.column) == (17, column)
    assert "quote the item" in warning.hint


def test_the_split_warning_is_documented(tmp_path: Path) -> None:
    [warning] = _warnings(tmp_path, _with_items("[Plain yogurt, low-fat (1 cup), Milk]"))
    assert _documented(warning)


@pytest.mark.parametrize(
    "items",
    [
        "[almonds, cashews, peanuts]",  # lower-case throughout: the list's own style
        "[Whole milk, 2% milk]",  # a number that is not an amount
        '["Plain yogurt, low-fat (1 cup)", Milk]',  # quoted: one item
        "[Spinach (1 cup), Kale (2 cups)]",
        '[Plain yogurt, "low-fat (1 cup)"]',  # the editor quoted the tail on purpose
    ],
)
def test_ordinary_flow_lists_are_quiet(tmp_path: Path, items: str) -> None:
    assert _warnings(tmp_path, _with_items(items)) == []


def test_block_lists_are_never_split(tmp_path: Path) -> None:
    items = "\n                - Plain yogurt, low-fat (1 cup)\n                - Milk"
    assert _warnings(tmp_path, _with_items(items)) == []


def test_check_and_build_print_the_warnings_and_still_succeed(tmp_path: Path) -> None:
    path = tmp_path / "topic.yaml"
    path.write_text(
        _with_items("[Plain yogurt, low-fat (1 cup)]").replace("One summary sentence.", "Press #2 for the nurse."),
        encoding="utf-8",
    )
    for arguments in ([str(path), "--check"], [str(path), "-o", str(tmp_path / "out")]):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            assert main(arguments) == 0
        lines = err.getvalue().splitlines()
        assert [line.split(": warning: ")[0] for line in lines] == [f"{path}:4:16", f"{path}:17:23"]
    assert (tmp_path / "out" / "topic.pdf").exists()
