"""The loader: the magnesium source carries the article, and every bad input is located and explained."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from mghandout.errors import Problem, SourceError
from mghandout.model import Table, iter_texts
from mghandout.source import MAX_BYTES, load_article, read_article

ROOT = Path(__file__).resolve().parents[1]
MAGNESIUM = ROOT / "source" / "magnesium-muscle-contractions.yaml"
# The article as it was captured from the web page (shared/article/ beside the project), kept here so
# the faithfulness tests run in any checkout.
ARTICLE = Path(__file__).parent / "fixtures" / "magnesium-article.txt"
MINIMAL = (Path(__file__).parent / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
ERRORS_DOC = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
FURNITURE = {
    "Skip to content",
    "4 min read",
    "In This Article",
    "Quick Summary",
    "Key Points",
    "Frequently Asked Questions",
    "References",
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _article_lines() -> list[str]:
    lines = [_norm(line.lstrip(" •")) for line in ARTICLE.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line and line not in FURNITURE and not re.fullmatch(r"(\d+\. )?\d+", line)]


def test_magnesium_source_carries_every_line_of_the_article() -> None:
    article = load_article(MAGNESIUM)
    texts = [_norm(text) for text in iter_texts(article)]
    corpus = "\n".join(texts)
    rows = {" ".join(row) for block in _tables(article) for row in [block.table.header, *block.table.rows]}
    missing = [line for line in _article_lines() if not _carried(line, corpus, rows)]
    assert not missing, missing


def _tables(article):  # type: ignore[no-untyped-def]
    return [block for section in article.sections for block in section.blocks if isinstance(block, Table)]


def _carried(line: str, corpus: str, rows: set[str]) -> bool:
    if line in corpus or line in rows:
        return True
    head, _, tail = line.partition(": ")
    if not tail or head not in corpus:
        return False
    if tail in corpus:
        return True
    items = re.split(r", (?:and )?| and ", tail)
    return all(item.lower() in corpus.lower() for item in items)


def test_magnesium_source_keeps_the_disclaimer_word_for_word() -> None:
    article = load_article(MAGNESIUM)
    assert article.disclaimer.text in ARTICLE.read_text(encoding="utf-8")


def test_magnesium_faq_questions_are_marked_reconstructed() -> None:
    text = MAGNESIUM.read_text(encoding="utf-8")
    questions = [line for line in text.splitlines() if line.strip().startswith("- question:")]
    assert len(questions) == 7
    assert all(line.endswith("# reconstructed") for line in questions)


def _problems(tmp_path: Path, text: str | bytes) -> list[Problem]:
    path = tmp_path / "topic.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_article(path)
    for problem in caught.value.problems:
        assert problem.file == str(path)
    return caught.value.problems


def _one(tmp_path: Path, text: str | bytes) -> Problem:
    problems = _problems(tmp_path, text)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_minimal_fixture_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert load_article(path).short_title == "Minimal"


# (what is wrong, the source text, words the message must hold, line, column)
CASES = [
    (
        "unknown key",
        MINIMAL.replace("short_title:", "short_titel:"),
        ["unknown key 'short_titel'", "did you mean 'short_title'"],
        2,
        1,
    ),
    (
        "unknown nested key",
        MINIMAL.replace("    text: One key point.", "    txt: One key point."),
        ["unknown key 'txt'", "did you mean 'text'"],
        9,
        5,
    ),
    ("missing field", MINIMAL.replace("summary: One summary sentence.\n", ""), ["missing key 'summary'"], 1, 1),
    ("empty text", MINIMAL.replace("summary: One summary sentence.", "summary:"), ["'summary' is empty"], 4, 9),
    ("blank text", MINIMAL.replace("summary: One summary sentence.", "summary: '   '"), ["'summary' is empty"], 4, 10),
    (
        "empty list",
        MINIMAL.replace("paragraphs: [One closing sentence.]", "paragraphs: []"),
        ["'paragraphs' is empty"],
        16,
        15,
    ),
    (
        "text where a list goes",
        MINIMAL.replace("introduction:\n  - One", "introduction: One"),
        ["'introduction' should be a list"],
        5,
        15,
    ),
    (
        "list where text goes",
        MINIMAL.replace("summary: One summary sentence.", "summary: [a, b]"),
        ["'summary' should be text"],
        4,
        10,
    ),
    (
        "mapping where a list goes",
        MINIMAL.replace("introduction:\n  - One introduction sentence.", "introduction: {a: b}"),
        ["'introduction' should be a list"],
        5,
        15,
    ),
    ("bad date", MINIMAL.replace("2026-01-02", "2026-02-30"), ["'2026-02-30' is not a date", "YYYY-MM-DD"], 3, 7),
    ("bad language", MINIMAL.replace("date:", "language: english\ndate:"), ["'english' is not a language tag"], 3, 11),
    (
        "unknown block kind",
        MINIMAL.replace("- paragraph: One", "- paragraf: One"),
        ["not a known kind of block", "did you mean 'paragraph'"],
        13,
        9,
    ),
    (
        "duplicate key",
        MINIMAL.replace("short_title: Minimal", "short_title: Minimal\ntitle: Again"),
        ["duplicate key 'title' (first at line 1)"],
        3,
        1,
    ),
    (
        "tab indentation",
        MINIMAL.replace("  - One introduction", "\t- One introduction"),
        ["a tab in the indentation"],
        6,
        1,
    ),
    (
        "syntax error",
        MINIMAL.replace("summary: One summary sentence.", "summary: [One summary"),
        ["not valid YAML"],
        5,
        13,
    ),
    (
        "alias",
        MINIMAL.replace("summary: One summary sentence.", "summary: &s One summary sentence.\nsubject: *s"),
        ["an alias (*name) repeats other content"],
        5,
        10,
    ),
    (
        "unknown key beside a block's kind",
        MINIMAL.replace("      - paragraph: One paragraph.", "      - paragraph: One paragraph.\n        colour: red"),
        ["unknown key 'colour'"],
        14,
        9,
    ),
    (
        "control character",
        MINIMAL.replace("- paragraph: One paragraph.", '- paragraph: "One\\a paragraph."'),
        ["a control character (U+0007) in the text"],
        13,
        20,
    ),
    ("empty file", "", ["the file is empty"], 1, 1),
    ("document marker only", "---\n", ["the file is empty"], 1, 1),
    ("comments only", "# nothing here\n", ["the file is empty"], 1, 1),
    (
        "short title too long",
        MINIMAL.replace("short_title: Minimal", "short_title: " + "x" * 61),
        ["'short_title' is too long", "60"],
        2,
        14,
    ),
    ("top level not a mapping", "- a\n- b\n", ["should be a mapping"], 1, 1),
    (
        "colon inside a [...] item",
        MINIMAL.replace("paragraphs: [One closing sentence.]", "paragraphs: [Magnesium: 400 mg, Zinc]"),
        ["this entry holds ': '", 'put the entry in quotes: "Magnesium: 400 mg"'],
        16,
        16,
    ),
    (
        "key point written as a sentence",
        MINIMAL.replace("  - title: Point\n    text: One key point.", "  - Drink water"),
        [
            "each entry of 'key_points' should be a mapping, not 'Drink water'",
            "`- title: ...` followed by `  text: ...` on the next line",
        ],
        8,
        5,
    ),
    (
        "'- ' inside [...]",
        MINIMAL.replace("key_points:\n  - title: Point\n    text: One key point.", "key_points: [- Drink water]"),
        ["a '- ' inside [...] does not start an entry", "on its own line starting with '- '"],
        7,
        14,
    ),
    (
        "curly quotes around a value that holds ': '",
        MINIMAL.replace("title: A minimal topic", "title: \u201cLow: magnesium\u201d"),
        ["curly quote \u201c where YAML expects a straight quote", 'write "..." with straight quotes'],
        1,
        8,
    ),
    (
        "curly quotes around a key",
        MINIMAL.replace("  - title: Point", "  - \u201ctitle\u201d: Point"),
        ["curly quote \u201c where YAML expects a straight quote"],
        8,
        5,
    ),
    (
        "curly quotes around a list entry that holds ': '",
        MINIMAL.replace("  - One introduction sentence.", "  - \u201cMagnesium: 400 mg\u201d"),
        ["curly quote \u201c where YAML expects a straight quote"],
        6,
        5,
    ),
    (
        "continuation line not indented",
        MINIMAL.replace("summary: One summary sentence.", "summary: One summary\nsentence."),
        ["this line has no 'key:' and is not indented under the line above", "indent it like that text"],
        5,
        1,
    ),
    (
        "misspelt key in capitals",
        MINIMAL.replace("disclaimer:", "FAQ: []\ndisclaimer:"),
        ["unknown key 'FAQ'", "did you mean 'faq'"],
        17,
        1,
    ),
    (
        "months: not twelve",
        MINIMAL + "labels:\n  months: [Jan, Feb, Mar]\n",
        ["'months' has 3 entries", "give exactly 12"],
        20,
        11,
    ),
    (
        "table header of one column",
        MINIMAL.replace(
            "      - paragraph: One paragraph.", "      - table:\n          header: [A]\n          rows: [[a]]"
        ),
        ["'header' has 1 entry", "give at least 2"],
        14,
        19,
    ),
    (
        "reading grade out of range",
        MINIMAL + "reading_grade: 20\n",
        ["'reading_grade' should be a whole number from 1 to 16, not '20'"],
        19,
        16,
    ),
    (
        "unknown callout kind",
        MINIMAL.replace(
            "      - paragraph: One paragraph.",
            "      - callout:\n          kind: urgent\n          title: Call\n          text: Now.",
        ),
        ["'kind' should be one of warning, tip, not 'urgent'"],
        14,
        17,
    ),
    (
        "callout with a title only",
        MINIMAL.replace("      - paragraph: One paragraph.", "      - callout:\n          title: Call us"),
        ["a callout needs text, items or both"],
        14,
        11,
    ),
    (
        "key is a mapping",
        MINIMAL.replace("short_title: Minimal", "? {a: b}\n: c\nshort_title: Minimal"),
        ["a key must be a plain word"],
        2,
        3,
    ),
]


@pytest.mark.parametrize(
    ("text", "words", "line", "column"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_bad_source_is_located_and_explained(
    tmp_path: Path, text: str, words: list[str], line: int, column: int
) -> None:
    problem = _one(tmp_path, text)
    for word in words:
        assert word in str(problem)
    assert (problem.line, problem.column) == (line, column)
    assert re.match(rf".*topic\.yaml:{line}:{column}: error: .+; .+", str(problem))
    assert _documented(problem)


def _documented(problem: Problem) -> bool:
    """docs/errors.md shows this very message."""
    severity = f"{problem.severity}: "
    return f"{severity}{str(problem).split(': ' + severity, 1)[1]}`" in ERRORS_DOC


TABLE = MINIMAL.replace(
    "      - paragraph: One paragraph.",
    """      - table:
          header: [A, B]
          rows:
            - [a1, b1]
            - [a2]
            - [a3, b3, c3]""",
)


def test_table_row_with_wrong_cell_count_points_at_the_row(tmp_path: Path) -> None:
    problem = _one(tmp_path, TABLE)
    assert "this row has 1 cell but the header has 2" in str(problem)
    assert _documented(problem)
    assert (problem.line, problem.column) == (17, 15)


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = MINIMAL.replace("short_title:", "short_titel:").replace("summary: One summary sentence.", "summary:")
    text = text.replace("- paragraph: One", "- paragraf: One") + "title: again\n"
    problems = _problems(tmp_path, text)
    assert len(problems) >= 4
    assert [p.line for p in problems] == sorted(p.line or 0 for p in problems)


def test_not_utf8_is_located(tmp_path: Path) -> None:
    problem = _one(tmp_path, MINIMAL.encode("utf-8").replace(b"Minimal", b"Minim\xe9l"))
    assert "is not UTF-8 text" in str(problem)
    assert (problem.line, problem.column) == (2, 19)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    assert "not a text file" in str(_one(tmp_path, b"\x00\x01\x02 PNG"))


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    started = time.perf_counter()
    problem = _one(tmp_path, MINIMAL + "# " + "x" * MAX_BYTES + "\n")
    assert "over the 1,000,000-byte limit" in str(problem)
    assert time.perf_counter() - started < 0.5


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    started = time.perf_counter()
    problems = _problems(tmp_path, "\n".join(lines) + "\n")
    assert len(problems) == 8, "one problem per line that uses aliases, not one per alias"
    assert all("alias (*name) repeats other content (9 on this line)" in str(problem) for problem in problems)
    assert time.perf_counter() - started < 1.0


def test_missing_path_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        load_article(tmp_path / "nope.yaml")
    with pytest.raises(SourceError, match="this is a folder"):
        load_article(tmp_path)


def test_plain_scalars_stay_the_text_typed(tmp_path: Path) -> None:
    path = tmp_path / "topic.yaml"
    path.write_text(
        MINIMAL.replace("One key point.", "Yes").replace("One paragraph.", "1.50 & <b>no</b>"), encoding="utf-8"
    )
    article = load_article(path)
    assert article.key_points[0].text == "Yes"
    assert "1.50 & <b>no</b>" in iter_texts(article)


def test_too_many_values_are_refused_before_building(tmp_path: Path) -> None:
    started = time.perf_counter()
    problem = _one(tmp_path, "summary: [" + ",".join(["a"] * 150_000) + "]\n")
    assert "the file has over 100,000 values" in str(problem)
    assert problem.line == 1
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(("text", "where"), [
    ("title: x\nsummary: " + "[" * 500 + "]" * 500 + "\n", (2, 33)),
    ("".join("  " * i + f"k{i}:\n" for i in range(900)) + "  " * 900 + "v\n", (25, 49)),
])
def test_deep_nesting_is_refused_at_its_place(tmp_path: Path, text: str, where: tuple[int, int]) -> None:
    problem = _one(tmp_path, text)
    assert "lists and mappings nest more than 24 deep here" in str(problem)
    assert (problem.line, problem.column) == where and _documented(problem)


def test_deep_nesting_under_check_and_in_a_brand_file_exits_2_without_a_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "deep.yaml").write_text("summary: " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    (tmp_path / "ok.yaml").write_text(MINIMAL, encoding="utf-8")
    for args in (["--check", "deep.yaml"], ["--check", "--brand", "deep.yaml", "ok.yaml"]):
        result = subprocess.run([sys.executable, "-m", "mghandout", *args], capture_output=True, text=True,
                                cwd=tmp_path, timeout=60, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert result.stderr.startswith("deep.yaml:1:") and "nest more than 24 deep" in result.stderr


def test_many_aliases_are_summed_up_after_ten_lines(tmp_path: Path) -> None:
    text = "a: &a x\n" + "".join(f"k{i}: [*a, *a]\n" for i in range(15))
    problems = _problems(tmp_path, text)
    assert [p.line for p in problems] == list(range(2, 12))
    assert "(30 aliases on 15 lines in all)" in str(problems[-1])


def test_text_wrapped_in_curly_quotes_is_a_warning_at_the_text(tmp_path: Path) -> None:
    path = tmp_path / "topic.yaml"
    path.write_text(MINIMAL.replace("title: A minimal topic", "title: \u201cLow magnesium\u201d"), encoding="utf-8")
    article, warnings = read_article(path)
    assert article.title == "\u201cLow magnesium\u201d"
    assert [(w.severity, w.line, w.column) for w in warnings] == [("warning", 1, 8)]
    assert "wrapped in curly quotes \u201c \u201d" in str(warnings[0])
    assert _documented(warnings[0])


def test_curly_quotes_inside_text_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "topic.yaml"
    text = "Ask about \u201clow magnesium\u201d, it\u2019s common."
    path.write_text(MINIMAL.replace("One paragraph.", text), encoding="utf-8")
    article, warnings = read_article(path)
    assert text in iter_texts(article) and not warnings


@pytest.mark.parametrize(("typed", "meant"), [("Key_Points", "key_points"), ("SUMMARY", "summary"), ("Faq", "faq")])
def test_did_you_mean_ignores_case(tmp_path: Path, typed: str, meant: str) -> None:
    problem = _one(tmp_path, MINIMAL + f"{typed}: x\n" if meant == "faq" else MINIMAL.replace(f"{meant}:", f"{typed}:"))
    assert f"unknown key '{typed}'; did you mean '{meant}'?" in str(problem)


def _refused(path: Path) -> str:
    with pytest.raises(SourceError) as caught:
        load_article(path)
    [problem] = caught.value.problems
    return str(problem)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_a_device_and_a_symlink_loop_are_named_for_what_they_are(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.yaml")
    assert "this is a named pipe (FIFO), not a source file" in _refused(tmp_path / "fifo.yaml")
    assert "this is a device, not a source file" in _refused(Path("/dev/zero"))
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    assert "a symbolic link that leads back to itself (a loop)" in _refused(tmp_path / "loop.yaml")
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    assert "a symbolic link to a file that does not exist" in _refused(tmp_path / "gone.yaml")


def test_a_nul_is_reported_at_its_column(tmp_path: Path) -> None:
    problem = _one(tmp_path, MINIMAL.replace("One summary", "One su\x00mmary"))
    assert "holds a NUL character" in str(problem) and (problem.line, problem.column) == (4, 16)
    assert _documented(problem)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_named_as_utf16(tmp_path: Path, encoding: str) -> None:
    problem = _one(tmp_path, MINIMAL.encode(encoding))
    assert "the file is UTF-16 text, not UTF-8; save it again as UTF-8" in str(problem) and _documented(problem)


@pytest.mark.parametrize("tag", ["!custom", "!!python/object:os.system", "!!binary"])
def test_a_tag_is_refused_where_it_is_written(tmp_path: Path, tag: str) -> None:
    problem = _one(tmp_path, MINIMAL.replace("summary: One", f"summary: {tag} One"))
    assert f"the tag '{tag}' has no meaning in a source" in str(problem)
    assert (problem.line, problem.column) == (4, 10)
    assert _documented(problem) or tag != "!custom"


def test_a_tag_that_keeps_a_value_text_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "topic.yaml"
    path.write_text(MINIMAL.replace("short_title: Minimal", "short_title: !!str 2026"), encoding="utf-8")
    assert load_article(path).short_title == "2026"
