"""Medical words, and whether the text explains each where a reader first meets it.

A patient who stops at "hypomagnesemia" is lost for the rest of the paragraph; the
fix is a plain word beside it the first time ("hypomagnesemia (low magnesium in the
blood)"), after which the word may be used alone.
"""

from __future__ import annotations

import re

from mghandout.reading.wordlists import Found, find, load

MEDICAL_WORDS = "medical_words.txt"
_EXPLAINED_AFTER = re.compile(
    r"\s*(?:\(|,\s*or\s|,?\s*(?:which means|meaning|means|that is|i\.e\.)\b|,\s+(?:the|a|an)\s|\s*[—–:]\s)", re.I
)
_EXPLAINED_BEFORE = re.compile(r"(?:\(|\b(?:called|known as|named|termed)\s+|,\s*or\s+)$", re.I)
"""'or' explains only after a comma ('low magnesium, or hypomagnesemia'): 'cramps or spasms' is a list."""


def medical_words(text: str) -> list[Found]:
    """The medical words in `text` that the list knows, in order, each with a plain alternative."""
    return find(text, load(MEDICAL_WORDS))


def explained(text: str, word: Found) -> bool:
    """Whether `text` explains `word` where it stands: a plain form in brackets, or linked by 'called', 'or' ...

    'hypomagnesemia (low magnesium)', 'irregular heart rhythms (arrhythmia)', 'a condition
    known as hypomagnesemia', 'low magnesium, or hypomagnesemia' and 'hemoglobin, the part
    of red blood cells that carries oxygen' all explain the word.
    """
    return bool(_EXPLAINED_AFTER.match(text, word.end) or _EXPLAINED_BEFORE.search(text, 0, word.start))
