"""The reading analysis of a whole source: what is graded, what is flagged, and at which line."""

from __future__ import annotations

from pathlib import Path

import pytest

from mghandout.reading.analyse import analyse
from mghandout.reading.report import Report
from mghandout.reading.terms import medical_words
from mghandout.source import read_article_located

SOURCE = """\
title: Low Magnesium and Cramps
short_title: Cramps
date: 2026-01-02
summary: >-
  Low magnesium in the blood, called hypomagnesemia, can cause cramps. It can also cause
  palpitations, and you should utilize what your doctor says.
introduction:
  - Eat more greens. Utilize nuts too.
key_points:
  - title: Neuromuscular Point
    text: Magnesium helps.
sections:
  - title: Section one
    blocks:
      - paragraph: Eat greens.
        slide: Transdermal absorption is a long hard polysyllabic sentence here.
      - table:
          header: [Feature, Arrhythmia]
          rows:
            - [Heart, Irregular heart rhythms (arrhythmia)]
      - foods:
          groups:
            - {group: Cardiovascular Greens, items: [Spinach]}
      - callout: {title: Transdermal warning, items: [Call if you faint.]}
conclusion:
  title: Conclusion
  paragraphs: [One closing sentence.]
disclaimer:
  text: This is not medical advice.
"""


def _report(tmp_path: Path, text: str = SOURCE) -> Report:
    path = tmp_path / "topic.yaml"
    path.write_text(text, encoding="utf-8")
    article, _, starts = read_article_located(path)
    return analyse("topic.yaml", article, starts, text.splitlines())


def test_headings_and_slide_texts_are_not_graded_but_cells_and_items_are(tmp_path: Path) -> None:
    parts = {part.title: part.counts for part in _report(tmp_path).parts}
    assert list(parts) == ["Summary", "Introduction", "Key points", "Section one", "Conclusion", "Disclaimer"]
    # Low magnesium in the blood, called hypomagnesemia, can cause cramps. (10 words)
    # It can also cause palpitations, and you should utilize what your doctor says. (13 words)
    assert (parts["Summary"].sentences, parts["Summary"].words) == (2, 23)
    assert (parts["Key points"].sentences, parts["Key points"].words) == (1, 2)  # the title is a heading
    # 'Eat greens.' (2 words) + Feature, Arrhythmia (1, 1) + Heart, Irregular heart rhythms (arrhythmia) (1, 4)
    # + the food Spinach (1) + the callout's item 'Call if you faint.' (4); the group name and the callout title are
    # headings; the slide text is the editor's short form of the paragraph, not graded
    assert (parts["Section one"].sentences, parts["Section one"].words) == (7, 14)


def test_each_part_is_at_its_first_line(tmp_path: Path) -> None:
    lines = {part.title: part.line for part in _report(tmp_path).parts}
    assert lines == {"Summary": 5, "Introduction": 8, "Key points": 10, "Section one": 13, "Conclusion": 26,
                     "Disclaimer": 29}


def test_a_sentence_is_at_the_line_it_starts_on(tmp_path: Path) -> None:
    """The summary's second sentence starts at the end of line 5, inside a folded (>-) text."""
    hardest = _report(tmp_path).hard_sentences  # only sentences of 10 words or more are ranked
    assert sorted((s.line, s.words, s.text.split()[0]) for s in hardest) == [(5, 10, "Low"), (5, 13, "It")]


def test_medical_words_flagged_only_where_first_used_unexplained(tmp_path: Path) -> None:
    terms = [(t.word, t.line) for t in _report(tmp_path).terms]
    # hypomagnesemia is explained ('called'); Arrhythmia's first use is the bare header cell, explained only later;
    # the key point's title 'Neuromuscular Point', the food group and the callout title are headings (a heading
    # cannot hold an explanation); the slide text is not read at all.
    assert terms == [("palpitations", 6), ("Arrhythmia", 18)]
    assert _report(tmp_path).terms[0].plain == "a pounding, fluttering or racing heartbeat"


def test_swaps_at_every_line(tmp_path: Path) -> None:
    swaps = [(s.word, s.line, s.plain) for s in _report(tmp_path).swaps]
    assert swaps == [("utilize", 6, "use"), ("Utilize", 8, "use")]


def test_a_term_explained_where_first_used_is_not_flagged(tmp_path: Path) -> None:
    text = SOURCE.replace("palpitations,", "palpitations (a racing heartbeat),").replace(
        "[Feature, Arrhythmia]", "[Feature, Heart rhythm]")
    assert _report(tmp_path, text).terms == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Low magnesium, or hypomagnesemia, is common.",
        "Hypomagnesemia (low magnesium in the blood) is common.",
        "A condition known as hypomagnesemia is common.",
        "Low blood magnesium (hypomagnesemia) is common.",
        "Hypomagnesemia means low magnesium in the blood.",
        "Hypomagnesemia, the lack of magnesium in the blood, is common.",
    ],
)
def test_ways_of_explaining_a_word(tmp_path: Path, sentence: str) -> None:
    text = SOURCE.replace("called hypomagnesemia", "so").replace("Eat more greens. Utilize nuts too.", sentence)
    assert "hypomagnesemia" not in [t.word.lower() for t in _report(tmp_path, text).terms]
    unexplained = SOURCE.replace("called hypomagnesemia", "so").replace("Eat more greens.", "Hypomagnesemia is bad.")
    assert "hypomagnesemia" in [t.word.lower() for t in _report(tmp_path, unexplained).terms]


def test_english_grades_and_target(tmp_path: Path) -> None:
    report = _report(tmp_path, SOURCE + "reading_grade: 12\n")
    assert set(report.scores) == {"smog", "flesch_kincaid"}
    assert report.target == 12 and report.met is True
    assert _report(tmp_path, SOURCE + "reading_grade: 1\n").met is False


def test_spanish_is_graded_with_spanish_formulas(tmp_path: Path) -> None:
    report = _report(tmp_path, SOURCE + "language: es-MX\n")
    assert set(report.scores) == {"fernandez_huerta", "szigriszt_pazos"}
    assert report.terms == [] and report.swaps == []
    assert report.notes == ["medical words and everyday swaps are checked in English sources only"]


def test_a_language_without_a_formula_gets_no_grade_and_says_so(tmp_path: Path) -> None:
    report = _report(tmp_path, SOURCE + "language: vi\n")
    assert report.met is None and report.scores == {} and report.parts == [] and report.hard_sentences == []
    assert "no readability formula for language 'vi' is built in" in report.notes[0]
    assert report.as_text().splitlines()[0] == "topic.yaml: reading level: no grade"


def test_or_in_a_list_explains_nothing(tmp_path: Path) -> None:
    text = SOURCE.replace("called hypomagnesemia", "so").replace("Eat more greens.", "Cramps or hypomagnesemia or "
                                                                                      "tremors can happen.")
    assert {"hypomagnesemia", "tremors"} <= {t.word.lower() for t in _report(tmp_path, text).terms}


def test_words_are_found_in_text_whose_lower_case_is_longer() -> None:
    """'İ' lower-cases to two characters; the places found must still be those of the original text."""
    text = "İİ neuromuscular İ"
    (found,) = medical_words(text)
    assert text[found.start : found.end] == "neuromuscular" == found.word
