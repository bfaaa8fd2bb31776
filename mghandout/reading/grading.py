"""How each language is graded: its syllable counter and its validated formulas.

Only languages whose own validated formulas are built in are graded: English (SMOG,
Flesch-Kincaid) and Spanish (Fernández-Huerta, Szigriszt-Pazos). An English formula
on Vietnamese or Tagalog would print a number that means nothing, so they get none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from mghandout.reading import spanish, syllables
from mghandout.reading.formulas import (
    Counts,
    fernandez_huerta,
    flesch_kincaid,
    huerta_grade,
    smog,
    szigriszt_pazos,
    whole,
)

SCORES = ("smog", "flesch_kincaid", "fernandez_huerta", "szigriszt_pazos")
"""Every score a report may hold; a language has some of them."""
GRADES = ("smog", "flesch_kincaid")
"""The scores that are US school grades (the others are ease, 0-100, higher is easier)."""


class Grader(NamedTuple):
    """One language's syllables and formulas."""

    syllables: Callable[[str], int]
    scores: Callable[[Counts], dict[str, float]]
    grade: Callable[[Counts], float]
    """One US school grade for a sentence or a part, to rank and print them."""
    meets: Callable[[Counts, int], bool]
    """Whether a text reads at or below a target grade."""


def _english_scores(c: Counts) -> dict[str, float]:
    return {"smog": smog(c), "flesch_kincaid": flesch_kincaid(c)}


def _english_meets(c: Counts, target: int) -> bool:
    return whole(smog(c)) <= target and whole(flesch_kincaid(c)) <= target


def _spanish_scores(c: Counts) -> dict[str, float]:
    return {"fernandez_huerta": fernandez_huerta(c), "szigriszt_pazos": szigriszt_pazos(c)}


def _spanish_grade(c: Counts) -> float:
    """The grade of the score as printed (a score shown as 80 reads as grade 5, not as 79.6's grade 6)."""
    return huerta_grade(whole(fernandez_huerta(c)))


def _spanish_meets(c: Counts, target: int) -> bool:
    return _spanish_grade(c) <= target


GRADERS = {
    "en": Grader(syllables.syllables, _english_scores, flesch_kincaid, _english_meets),
    "es": Grader(spanish.syllables, _spanish_scores, _spanish_grade, _spanish_meets),
}


def grader(language: str) -> Grader | None:
    """The grader for a BCP 47 tag ('en-GB' and 'es-MX' are graded as English and Spanish), or None."""
    return GRADERS.get(language.split("-")[0].lower())
