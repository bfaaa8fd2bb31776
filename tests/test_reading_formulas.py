"""The formulas, pinned on short paragraphs whose sentences, words and syllables were counted by hand."""

from __future__ import annotations

import pytest

from mghandout.reading import spanish
from mghandout.reading.formulas import (
    Counts,
    fernandez_huerta,
    flesch_kincaid,
    huerta_grade,
    inflesz,
    school_grade,
    smog,
    szigriszt_pazos,
    whole,
)
from mghandout.reading.grading import grader
from mghandout.reading.sentences import split
from mghandout.reading.syllables import syllables

ENGLISH = (
    "Magnesium helps your muscles relax. Low magnesium can cause cramps. "
    "Eat more leafy greens, nuts, and beans each day."
)
"""Counted by hand:
  Magnesium(4) helps(1) your(1) muscles(2) relax(2)                      5 words, 10 syllables, 1 of 3+
  Low(1) magnesium(4) can(1) cause(1) cramps(1)                          5 words,  8 syllables, 1 of 3+
  Eat(1) more(1) leafy(2) greens(1) nuts(1) and(1) beans(1) each(1) day(1)  9 words, 10 syllables, 0 of 3+
  = 3 sentences, 19 words, 28 syllables, 2 polysyllables."""

SPANISH = "El magnesio ayuda a los músculos. Coma verduras y frutas cada día."
"""Counted by hand (Spanish syllables):
  El(1) mag-ne-sio(3) a-yu-da(3) a(1) los(1) mús-cu-los(3)   6 words, 12 syllables
  Co-ma(2) ver-du-ras(3) y(1) fru-tas(2) ca-da(2) dí-a(2)     6 words, 12 syllables
  = 2 sentences, 12 words, 24 syllables."""


def _counts(text: str, count_syllables) -> Counts:  # type: ignore[no-untyped-def]
    total = Counts()
    for sentence in split(text):
        per_word = [count_syllables(word) for word in sentence.words]
        total += Counts(1, len(per_word), sum(per_word), sum(n >= 3 for n in per_word), int(len(per_word) > 20))
    return total


def test_english_paragraph_counts_as_counted_by_hand() -> None:
    assert _counts(ENGLISH, syllables) == Counts(sentences=3, words=19, syllables=28, polysyllables=2)


def test_flesch_kincaid_on_the_hand_counts() -> None:
    # 0.39 x 19/3 + 11.8 x 28/19 - 15.59 = 2.470 + 17.389 - 15.59 = 4.269
    assert flesch_kincaid(Counts(3, 19, 28, 2)) == pytest.approx(4.269, abs=0.001)


def test_smog_on_the_hand_counts() -> None:
    # 1.043 x sqrt(2 x 30 / 3) + 3.1291 = 1.043 x 4.4721 + 3.1291 = 7.793
    assert smog(Counts(3, 19, 28, 2)) == pytest.approx(7.793, abs=0.001)


def test_english_grades_as_whole_numbers() -> None:
    english = grader("en-GB")
    assert english is not None
    scores = english.scores(_counts(ENGLISH, syllables))
    assert (whole(scores["smog"]), whole(scores["flesch_kincaid"])) == (8, 4)
    assert english.meets(Counts(3, 19, 28, 2), 8) and not english.meets(Counts(3, 19, 28, 2), 7)


def test_spanish_paragraph_counts_as_counted_by_hand() -> None:
    assert _counts(SPANISH, spanish.syllables) == Counts(sentences=2, words=12, syllables=24, polysyllables=4)


def test_fernandez_huerta_on_the_hand_counts() -> None:
    # 206.84 - 60 x 24/12 - 1.02 x 12/2 = 206.84 - 120 - 6.12 = 80.72: 'easy', grade 5 on Fernández-Huerta's table
    ease = fernandez_huerta(Counts(2, 12, 24))
    assert ease == pytest.approx(80.72)
    assert huerta_grade(ease) == 5


def test_fernandez_huerta_reads_longer_sentences_as_harder() -> None:
    """The formula as corrected (F = words per sentence): many tools get this backwards."""
    assert fernandez_huerta(Counts(1, 12, 24)) < fernandez_huerta(Counts(2, 12, 24))


def test_szigriszt_pazos_on_the_hand_counts() -> None:
    # 206.835 - 62.3 x 24/12 - 12/2 = 206.835 - 124.6 - 6 = 76.235: 'bastante fácil' on the INFLESZ scale
    perspicuity = szigriszt_pazos(Counts(2, 12, 24))
    assert perspicuity == pytest.approx(76.235)
    assert inflesz(perspicuity) == "bastante fácil"


@pytest.mark.parametrize(
    ("score", "band"), [(80, "muy fácil"), (79.9, "bastante fácil"), (55, "normal"), (54.9, "algo difícil"),
                        (39.9, "muy difícil")]
)
def test_inflesz_bands(score: float, band: str) -> None:
    assert inflesz(score) == band


@pytest.mark.parametrize(("ease", "grade"), [(95, 4), (85, 5), (75, 6), (65, 7), (55, 11), (40, 13), (10, 16)])
def test_huerta_table(ease: float, grade: int) -> None:
    assert huerta_grade(ease) == grade


def test_spanish_graded_by_spanish_formulas_and_vietnamese_not_at_all() -> None:
    castellano = grader("es-MX")
    assert castellano is not None and set(castellano.scores(Counts(2, 12, 24))) == {"fernandez_huerta",
                                                                                  "szigriszt_pazos"}
    assert grader("vi") is None


def test_whole_rounds_halves_up() -> None:
    assert [whole(12.5), whole(12.49), whole(13.5)] == [13, 12, 14]


def test_a_grade_is_never_printed_below_zero() -> None:
    # "One key point." 3 words, 3 syllables: 0.39 x 3 + 11.8 x 1 - 15.59 = -2.62
    assert flesch_kincaid(Counts(1, 3, 3)) == pytest.approx(-2.62)
    assert school_grade(-2.62) == 0 and school_grade(7.5) == 8
