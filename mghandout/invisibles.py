"""Invisible characters in a source: direction controls and zero-width characters, found at their place.

They come with text pasted from web pages and word processors, and no editor shows
them. A direction override (U+202E) or isolate (U+2066..U+2069) reorders the letters
after it, and the PDF and PowerPoint reorder them differently: it is an error. The
marks (U+200E, U+200F, U+061C) and the zero-width characters (U+200B, U+2060 ...)
print as a visible mark or as a gap inside a word in the PDF: each is a warning, and
the text is used without them, so a text of nothing but invisible characters is empty.
The zero-width joiner and non-joiner (U+200D, U+200C) are kept: Persian, Arabic and
the Indic scripts need them to join or part letters.
"""

from __future__ import annotations

import re

import yaml

from mghandout.errors import Problem
from mghandout.glyphs import describe
from mghandout.yamlnodes import char_place

REORDERING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: they reorder what follows them."""
DROPPED = frozenset("\u200e\u200f\u061c\u200b\u2060\u2061\u2062\u2063\u2064\ufeff\u180e")
"""Direction marks and zero-width characters: left out of the text, with a warning."""
_INVISIBLE = re.compile("[" + "".join(sorted(REORDERING | DROPPED)) + "]")
_DROPPED = re.compile("[" + "".join(sorted(DROPPED)) + "]")


class Invisibles:
    """The invisible characters of one file, each reported once, where first written, with how often it recurs."""

    def __init__(self, name: str, text: str) -> None:
        self.name, self.text = name, text
        self.first: dict[str, tuple[int, int]] = {}
        self.count: dict[str, int] = {}

    def visible(self, node: yaml.ScalarNode) -> str:
        """The node's text without the characters that are dropped, noting every invisible character in it."""
        value = node.value
        if not _INVISIBLE.search(value):
            return value
        for char in _INVISIBLE.findall(value):
            if char not in self.first:
                self.first[char] = char_place(self.text, node, char)
            self.count[char] = self.count.get(char, 0) + 1
        return _DROPPED.sub("", value)

    def problems(self) -> list[Problem]:
        return [_problem(self.name, char, self.first[char], self.count[char]) for char in self.first]



def _problem(name: str, char: str, place: tuple[int, int], count: int) -> Problem:
    more = f" ({count - 1} more in the file)" if count > 1 else ""
    if char in REORDERING:
        return Problem(name, f"{describe(char)} is an invisible direction control that reorders the text after it, "
                       f"differently in the handout and the deck{more}",
                       "remove it: each text's direction comes from its own letters", *place)
    return Problem(name, f"{describe(char)} is an invisible character, left out of the handout and the deck{more}",
                   "remove it from the source (it often comes with text pasted from a web page)", *place,
                   severity="warning")
