"""Spanish syllables by rule: Spanish spelling says how a word is spoken, so no dictionary is needed.

A syllable has one vowel nucleus. Two vowels share a syllable (a diphthong) when one
of them is an unstressed i or u ("bien", "cuidado"); two strong vowels (a, e, o) or a
stressed í or ú split ("le-er", "dí-a"). The u of "que", "qui", "gue", "gui" is silent.
"""

from __future__ import annotations

import re

from mghandout.reading.numbers import spoken, spoken_spanish

_STRONG = set("aeoáéó")
_WEAK_STRESSED = set("íú")
_VOWEL_RUN = re.compile(r"[aeiouáéíóúü]+(?:y(?![aeiouáéíóúü]))?|y(?![aeiouáéíóúü])")
_SILENT_U = re.compile(r"(?<=[qg])u(?=[eiéí])")


def syllables(word: str) -> int:
    """How many syllables a Spanish word has when read aloud; numbers as spoken."""
    return max(sum(_syllables(part) for part in spoken(word, spoken_spanish)), 1)


def _syllables(word: str) -> int:
    lower = _SILENT_U.sub("", word.lower())
    return max(sum(_nuclei(run) for run in _vowel_runs(lower)), 1)


def _vowel_runs(word: str) -> list[str]:
    """Runs of vowels; a 'y' counts as a vowel only where no vowel follows it ('muy', 'y', not 'ayuda')."""
    return [match.group() for match in _VOWEL_RUN.finditer(word)]


def _nuclei(run: str) -> int:
    """Syllables in one run of vowels: each strong-strong pair and each stressed í or ú starts another."""
    count = 1
    for before, after in zip(run, run[1:], strict=False):
        if (before in _STRONG and after in _STRONG) or before in _WEAK_STRESSED or after in _WEAK_STRESSED:
            count += 1
    return count
