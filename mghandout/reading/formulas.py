"""The readability formulas, on counts of sentences, words and syllables.

English: Flesch-Kincaid grade (Kincaid et al. 1975) and SMOG (McLaughlin 1969), both
US school grades. Spanish: Fernández-Huerta (1959), Flesch's reading ease adapted to
Spanish (as corrected by Law 2011), read as a school grade on Fernández-Huerta's own
table; and Szigriszt-Pazos (1993) perspicuity on the INFLESZ scale (Barrio-Cantalejo
et al. 2008), which was made for health texts.
"""

from __future__ import annotations

import math
from typing import NamedTuple

SMOG_SENTENCES = 30
"""SMOG was fitted on samples of 30 sentences; on fewer it is a rough guide."""
LONG_SENTENCE = 20
"""Words in a sentence past which it is long for a patient (plain-language guides say 15-20)."""


class Counts(NamedTuple):
    """What every formula counts, for a sentence, a part of the article, or all of it."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    polysyllables: int = 0
    """Words of three syllables or more (SMOG)."""
    long_sentences: int = 0
    """Sentences of more than LONG_SENTENCE words."""

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.sentences + other.sentences,
            self.words + other.words,
            self.syllables + other.syllables,
            self.polysyllables + other.polysyllables,
            self.long_sentences + other.long_sentences,
        )

    @property
    def long_share(self) -> float:
        """The share of sentences over LONG_SENTENCE words, 0 to 1."""
        return self.long_sentences / self.sentences if self.sentences else 0.0


def flesch_kincaid(c: Counts) -> float:
    """Flesch-Kincaid grade: 0.39 words per sentence + 11.8 syllables per word - 15.59."""
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59


def smog(c: Counts) -> float:
    """SMOG grade: 1.043 sqrt(polysyllables x 30 / sentences) + 3.1291."""
    return 1.0430 * math.sqrt(c.polysyllables * SMOG_SENTENCES / c.sentences) + 3.1291


def fernandez_huerta(c: Counts) -> float:
    """Fernández-Huerta ease, 0-100 (higher is easier): 206.84 - 60 syllables per word - 1.02 words per sentence.

    Published as 206.84 - 0.60 P - 1.02 F, with P syllables per 100 words and F words per
    sentence; many tools read F as sentences per 100 words, which makes shorter sentences
    harder (Law 2011 showed the error).
    """
    return 206.84 - 60 * c.syllables / c.words - 1.02 * c.words / c.sentences


def szigriszt_pazos(c: Counts) -> float:
    """Szigriszt-Pazos perspicuity, 0-100: 206.835 - 62.3 syllables per word - words per sentence."""
    return 206.835 - 62.3 * c.syllables / c.words - c.words / c.sentences


HUERTA_GRADES = ((90, 4), (80, 5), (70, 6), (60, 7), (50, 11), (30, 13))
"""Fernández-Huerta's table from ease to school grade: 60-70 'normal (for adults)' is grades 7-8,
50-60 pre-university (taken as 11), 30-50 first university courses (13); below 30, specialist (16)."""
HUERTA_SPECIALIST = 16


def huerta_grade(ease: float) -> int:
    """The lowest school grade of the band a Fernández-Huerta score falls in."""
    return next((grade for floor, grade in HUERTA_GRADES if ease >= floor), HUERTA_SPECIALIST)


INFLESZ = ((80, "muy fácil"), (65, "bastante fácil"), (55, "normal"), (40, "algo difícil"))
"""The INFLESZ bands of Szigriszt-Pazos perspicuity; below 40 'muy difícil'. 'Normal' suits health texts."""


def inflesz(perspicuity: float) -> str:
    """The INFLESZ band a Szigriszt-Pazos score falls in."""
    return next((band for floor, band in INFLESZ if perspicuity >= floor), "muy difícil")


def whole(value: float) -> int:
    """A score as a whole number, halves rounded up (12.5 is 13), as readers round."""
    return math.floor(value + 0.5)


def school_grade(value: float) -> int:
    """A grade as printed: whole, and never below 0 (Flesch-Kincaid goes negative on very short, plain sentences)."""
    return max(whole(value), 0)
