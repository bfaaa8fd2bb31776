"""English syllables: the CMU Pronouncing Dictionary where it knows a word, rules where it does not.

Readability formulas are only as good as their syllable counts, and spelling rules alone
get many words wrong ("hypomagnesemia" has 7). The dictionary's counts ship as a compact
table (`data/cmu_syllables.txt`) holding only the words the rules below get wrong, so
loading it costs a millisecond or two instead of parsing the whole 3.6 MB dictionary.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from mghandout.reading.numbers import spoken, spoken_english

TABLE = "cmu_syllables.txt"
"""The dictionary's counts where the rules differ, one line per count: `N word word ...`."""

_VOWELS = re.compile(r"[aeiouy]+")
_TWO_VOWEL_SYLLABLES = re.compile(
    r"(?<![stcxg])io(?!u)|(?<![stc])ia|iu|ie(?=[rt])|eo|ua|uo|ii|[^aeiou]ue[^aeiou]|ea(?=l$)"
    r"|[aeouy]i(?=ngs?$)|[^aeiou]sms?$|(?<=[aeou])y(?=e)"
)
"""Vowels said apart (di-a, ne-on, go-ing, pris-m, play-er); not the one sound of -tion, -sion, -sia."""
_SILENT_E = re.compile(r"[^aeiouyl]e$|(?:[^aeiouyscgzxh]|[^cs]h)es$|[^aeiouydt]ed$|[^aeiouy]ely$")
"""A final e, -es, -ed or -ely that adds no syllable (make, makes, moved, lonely; not houses, wanted)."""
_LE = re.compile(r"[^aeiouy]les?$")
_PREFIX = re.compile(r"(anti|auto|cardio|contra|electro|extra|gastro|hypo|infra|intra|macro|micro|multi|neuro|pseudo"
                     r"|semi|supra|ultra)(?=[aeiou][a-z]{3})")
"""Prefixes ending in a vowel, split off before a vowel so the two are not read as one (contra-indicated)."""
_SPELLED = re.compile(r"[A-Z]{2,5}s?")
_LETTERS = {"w": 3}
"""Letters spoken as themselves (ATP, DNA) take one syllable each, but W takes three."""
UNITS = {"mg": "milligrams", "mcg": "micrograms", "µg": "micrograms", "ml": "milliliters", "kg": "kilograms",
         "g": "grams", "lb": "pounds", "lbs": "pounds", "oz": "ounces", "iu": "international units"}
"""Units read aloud in full: "8 mg" is "eight milligrams"."""


def syllables(word: str) -> int:
    """How many syllables `word` has when read aloud; numbers count as spoken ('300' is 'three hundred')."""
    word = word.strip("'’")
    if word.isalpha():
        return _word(word)
    return max(sum(_word(part) for part in spoken(word, spoken_english)), 1)


def _word(word: str) -> int:
    lower = word.lower().replace("’", "'")
    if lower in UNITS:
        return sum(_word(part) for part in UNITS[lower].split())
    known = _table().get(lower)
    if known is not None:
        return known
    if _SPELLED.fullmatch(word):
        return sum(_LETTERS.get(letter, 1) for letter in lower.rstrip("s"))
    return by_rules(_unaccented(lower))


def _unaccented(word: str) -> str:
    """'Fernández' as 'fernandez', so an accented vowel is still a vowel to the rules."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode() if not word.isascii() else word


def by_rules(word: str) -> int:
    """Syllables by spelling: vowel groups, less a silent final e, plus vowel pairs said as two (i-a, e-o)."""
    word = word.replace("'", "")
    prefix = _PREFIX.match(word)
    if prefix:
        return by_rules(prefix.group()) + by_rules(word[prefix.end() :])
    count = len(_VOWELS.findall(word)) + len(_TWO_VOWEL_SYLLABLES.findall(word))
    if _SILENT_E.search(word) and not _LE.search(word):
        count -= 1
    return max(count, 1)


@cache
def _table() -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in (Path(__file__).parent / "data" / TABLE).read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            number, _, words = line.partition(" ")
            counts.update(dict.fromkeys(words.split(), int(number)))
    return counts
