"""The reading report as the editor gets it from `make-handout --check` (text) and `--check --json`."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from mghandout.cli import main
from mghandout.reading.report import WIDTH

ROOT = Path(__file__).resolve().parents[1]
MAGNESIUM = ROOT / "source" / "magnesium-muscle-contractions.yaml"
WORLD = ROOT / "tests" / "fixtures" / "world.yaml"
LONG = ROOT / "tests" / "fixtures" / "long-english.yaml"
SPANISH = ROOT / "tests" / "fixtures" / "spanish.yaml"


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def _documented(message: str) -> bool:
    """docs/errors.md lists every message an editor can meet, as the command prints it."""
    return f"`{message.strip()}`" in (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def magnesium_json() -> dict:  # type: ignore[type-arg]
    status, out, err = _run(str(MAGNESIUM), "--check", "--json")
    assert (status, err) == (0, "")
    (report,) = json.loads(out)
    return report


def test_text_report_is_one_screen_with_the_verdict_first(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(str(MAGNESIUM), "--check")
    lines = out.splitlines()
    assert status == 0, "advice is not an error"
    assert lines[0] == f"{MAGNESIUM}: reading level: SMOG 13, Flesch-Kincaid 13; target grade 8: not met"
    assert lines[-1] == f"{MAGNESIUM}: ok"
    assert len(lines) <= 60
    packed = [line for line in lines if line.startswith("    ")]  # the everyday swaps, several to a line
    assert len(packed) >= 5 and all(len(line) <= WIDTH for line in packed)


def test_text_report_places_sentences_and_words_as_file_line(magnesium_json: dict) -> None:  # type: ignore[type-arg]
    _, out, _ = _run(str(MAGNESIUM), "--check")
    for sentence in magnesium_json["hard_sentences"]:
        assert f"  {MAGNESIUM}:{sentence['line']}: grade {sentence['grade']}, {sentence['words']} words: " in out
    for term in magnesium_json["terms"]:
        assert f"  {MAGNESIUM}:{term['line']}: {term['word']} -> {term['plain']}\n" in out


def test_json_has_the_documented_fields(magnesium_json: dict) -> None:  # type: ignore[type-arg]
    reading = magnesium_json["reading"]
    assert (reading["smog"], reading["flesch_kincaid"], reading["met"]) == (13, 13, False)
    assert magnesium_json["target"] == 8 and magnesium_json["valid"] is True and magnesium_json["problems"] == []
    assert [s["title"] for s in magnesium_json["sections"]][:3] == ["Summary", "Introduction", "Key points"]
    for section in magnesium_json["sections"]:
        assert set(section) >= {"title", "line", "grade", "smog", "flesch_kincaid", "words", "sentences",
                                "over_20_words", "rough"}
        assert section["rough"] is (section["sentences"] < 30)
    assert len(magnesium_json["hard_sentences"]) == 5
    assert all(set(s) == {"line", "text", "words", "grade"} for s in magnesium_json["hard_sentences"])
    assert all(set(t) == {"word", "line", "plain"} for t in magnesium_json["terms"] + magnesium_json["swaps"])


@pytest.mark.parametrize("source", [MAGNESIUM, LONG, SPANISH], ids=lambda p: p.name)
def test_every_line_given_holds_what_it_points_at(source: Path) -> None:
    """An editor who jumps to FILE:LINE finds the sentence's first word, the medical word, the swap."""
    status, out, _ = _run(str(source), "--check", "--json")
    (report,) = json.loads(out)
    lines = source.read_text(encoding="utf-8").splitlines()
    assert report["hard_sentences"] and all(part["line"] for part in report["sections"])
    for sentence in report["hard_sentences"]:
        assert sentence["text"].split()[0] in lines[sentence["line"] - 1], sentence
    for flag in report["terms"] + report["swaps"]:
        assert flag["word"].split()[0] in lines[flag["line"] - 1], flag


def test_the_bundled_article_flags_its_hard_medical_words(magnesium_json: dict) -> None:  # type: ignore[type-arg]
    words = {t["word"].lower() for t in magnesium_json["terms"]}
    assert {"neuromuscular", "transdermal", "hyperexcitability", "cardiovascular", "palpitations",
            "electrolyte"} <= words
    assert "hypomagnesemia" not in words, "the summary explains it: 'a condition known as hypomagnesemia'"
    assert "arrhythmia" not in words, "explained where first used: 'irregular heart rhythms (arrhythmia)'"


def test_require_grade_turns_a_missed_target_into_exit_1() -> None:
    status, _, err = _run(str(MAGNESIUM), "--check", "--require-grade")
    assert status == 1
    expected = f"make-handout: error: {MAGNESIUM}: reads above its target grade 8 (--require-grade); see the report"
    assert err == expected + "\n"
    assert _documented(err.replace(str(MAGNESIUM), "topic.yaml"))


def test_a_language_without_a_grade_is_not_failed_by_require_grade() -> None:
    status, out, _ = _run(str(WORLD), "--check", "--require-grade")
    assert status == 0 and "reading level: no grade" in out


def test_json_needs_check() -> None:
    status, _, err = _run(str(MAGNESIUM), "--json")
    assert status == 2 and "add --check" in err
    assert _documented(err)


def test_json_for_an_invalid_source_lists_its_problems_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\n", encoding="utf-8")
    status, out, err = _run(str(bad), str(MAGNESIUM), "--check", "--json")
    first, second = json.loads(out)
    assert status == 2
    assert first["valid"] is False and first["problems"][0]["severity"] == "error" and "reading" not in first
    assert second["valid"] is True and second["reading"]["smog"] == 13
    assert f"{bad}:" in err



def test_the_spanish_fixture_is_graded_in_spanish() -> None:
    status, out, _ = _run(str(SPANISH), "--check", "--json")
    (report,) = json.loads(out)
    reading = report["reading"]
    assert status == 0 and reading["smog"] is None and reading["flesch_kincaid"] is None
    assert 0 < reading["fernandez_huerta"] <= 100 and reading["inflesz"] in {"normal", "bastante fácil", "muy fácil"}
    assert report["terms"] == [] and report["notes"] == ["medical words and everyday swaps are checked in English "
                                                         "sources only"]
