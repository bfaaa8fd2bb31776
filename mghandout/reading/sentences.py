"""Sentences and words, as a reader meets them.

A formula counts sentences, so a wrong split moves the grade: "vs.", "e.g." and
"2.5" do not end a sentence, while every text of the article (a list item, a table
cell) ends one even without a full stop.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

WORD = re.compile(r"\d[\d,]*(?:\.\d+)?%?(?:st|nd|rd|th|s)?|[^\W\d_]+(?:[-'’.][^\W_]+)*%?|(?<![\w.])\.\d+")
"""A word: letters with inner hyphens or apostrophes ("magnesium-rich", "isn't"), or a number ("2.5", "70%")."""

_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
ABBREVIATIONS = frozenset(
    {"vs", "e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "st", "approx", "cf", "fig", "min", "max"}
    | {"p", "ej", "sr", "sra", "dra", "ud", "uds", "aprox", "pág", "ee", "uu"}
)
"""Words that a full stop follows without ending the sentence (English and Spanish). Units (mg, mL) are
written without a full stop, so one after them ends the sentence."""


class Sentence(NamedTuple):
    """One sentence: its text, where it starts in its source text, and its words."""

    text: str
    start: int
    words: tuple[str, ...]


def split(text: str) -> list[Sentence]:
    """The sentences of one text (a paragraph, a list item, a table cell); a text's end ends a sentence."""
    sentences = []
    start = 0
    for end in _ends(text):
        sentence = _sentence(text, start, end)
        if sentence:
            sentences.append(sentence)
        start = end
    last = _sentence(text, start, len(text))
    return [*sentences, last] if last else sentences


def stays_open(before: str, after: str) -> bool:
    """Whether a full stop between `before` and `after` leaves the sentence open.

    It does after an abbreviation ("vs.", "e.g.", "Dr."), an initial or initials
    ("J. Smith", "U.S. Department"), and after "No." before a number ("No. 5"); after
    "No." as an answer ("Is it catching? No. It is not.") a sentence ends.
    """
    words = before.rsplit(None, 1)
    word = words[-1].lower().lstrip("(\"'“‘¿¡") if words else ""
    if word == "no":
        return after.lstrip()[:1].isdigit()
    return word in ABBREVIATIONS or _INITIALS.fullmatch(word) is not None


_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
"""One letter, or letters each followed by a full stop but the last: "j", "u.s", "e.g"."""


def _ends(text: str) -> Iterator[int]:
    for match in _END.finditer(text):
        if match.group() == "." and stays_open(text[: match.start()], text[match.end() :]):
            continue
        yield match.end()


def _sentence(text: str, start: int, end: int) -> Sentence | None:
    chunk = text[start:end]
    words = tuple(WORD.findall(chunk))
    if not words:
        return None
    offset = start + len(chunk) - len(chunk.lstrip())
    return Sentence(chunk.strip(), offset, words)
