"""Word lists shipped as data (medical words, everyday swaps) and finding their words in a text.

Each list is a tab-separated file so an editor or a reviewer can read and extend it
without reading code: word forms separated by '|', a tab, the plain words.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class Found(NamedTuple):
    """A listed word or phrase found in a text: as written, where, and its plain form."""

    word: str
    start: int
    end: int
    plain: str


class WordList(NamedTuple):
    """A list's entries, and for each first word the lengths of the entries it starts (most words: one look-up)."""

    plain: dict[str, str]
    sizes: dict[str, tuple[int, ...]]


@cache
def load(name: str) -> WordList:
    """A list from data/: each form (lower case, hyphens as spaces, with its plural in "s") to its plain words."""
    plain: dict[str, str] = {}
    for line in (Path(__file__).parent / "data" / name).read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            forms, words = line.split("\t")
            for form in forms.lower().replace("-", " ").split("|"):
                plain[form] = words
                plain.setdefault(form + "s", words)
    sizes: dict[str, set[int]] = {}
    for form in plain:
        sizes.setdefault(form.split()[0], set()).add(len(form.split()))
    return WordList(plain, {first: tuple(sorted(n, reverse=True)) for first, n in sizes.items()})


def find(text: str, words: WordList) -> list[Found]:
    """Every listed word or phrase in `text`, longest match first, in order; a hyphenated word's parts count."""
    lowered = text.lower().replace("’", "'")
    if len(lowered) != len(text):  # a letter whose lower case is longer: look word by word instead
        lowered = "".join(letter.lower()[0] for letter in text).replace("’", "'")
    tokens = _TOKEN.findall(lowered)
    starts = [index for index, token in enumerate(tokens) if token in words.sizes]
    if not starts:
        return []
    spans = [match.span() for match in _TOKEN.finditer(lowered)]
    found, free = [], 0
    for index in starts:
        size = next((n for n in words.sizes[tokens[index]] if _phrase(tokens, index, n) in words.plain), 0)
        if size and index >= free:
            start, end = spans[index][0], spans[index + size - 1][1]
            found.append(Found(text[start:end], start, end, words.plain[_phrase(tokens, index, size)]))
            free = index + size
    return found


def _phrase(tokens: list[str], index: int, size: int) -> str:
    return " ".join(tokens[index : index + size])
