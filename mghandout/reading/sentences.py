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
    {"vs", "e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "st", "approx", "cf", "fig", "no", "min", "max"}
    | {"p", "ej", "sr", "sra", "dra", "ud", "uds", "aprox", "pág"}
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


def _ends(text: str) -> Iterator[int]:
    for match in _END.finditer(text):
        before = text[: match.start()].rsplit(None, 1)
        word = before[-1].lower().lstrip("(\"'“‘¿¡") if before else ""
        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and match.group() == "."):
            continue
        yield match.end()


def _sentence(text: str, start: int, end: int) -> Sentence | None:
    chunk = text[start:end]
    words = tuple(WORD.findall(chunk))
    if not words:
        return None
    offset = start + len(chunk) - len(chunk.lstrip())
    return Sentence(chunk.strip(), offset, words)
