"""Fonts for the handout: Atkinson Hyperlegible, then Fira Sans, then Noto Sans, then Inter's symbols.

Atkinson Hyperlegible was designed for low-vision readers but covers only Latin
scripts; a patient's handout in Vietnamese, Greek or Russian must not print boxes,
nor mix bold and regular letters in one bold word. Fira Sans has Vietnamese, Greek
and Cyrillic in static Regular and Bold files (reportlab cannot set a variable font's
weight); Noto Sans, a variable font whose Regular serves both weights, is the last
resort for the rest. Text is cut into runs, each set in the first font that has all
its characters. None of the three has check marks (✓ ✗), most arrows and shapes
(⇒ ■ ●), ★ or ⚠, which printed as blanks; Inter has them, so it draws those
characters one by one (never whole words: the text keeps its legible face).
Characters no font has are refused at their place in the source (`glyphs.py`).
Fonts come from PyPI packages, so `pip install` alone makes the handout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from mghandout.fontfiles import font_path

FAMILIES = ("Atkinson Hyperlegible", "Fira Sans")
LAST_RESORT = "Noto Sans"
SYMBOLS = "Inter"
"""Drawn only for characters the text fonts lack: a variable font, its Regular serves both weights."""


@dataclass(frozen=True)
class Font:
    """A registered font and the characters it has."""

    name: str
    covered: frozenset[int]


@dataclass(frozen=True)
class FontFile:
    """A font to register under `name` when first needed: family and weight say which file."""

    name: str
    family: str
    weight: int

    def load(self) -> Font:
        return _register(self.name, self.family, self.weight)


@dataclass(frozen=True)
class FontSet:
    """The fonts of one weight, in the order they are tried, each read from its file when first needed.

    Most handouts are in Latin letters that Atkinson Hyperlegible has; reading Fira
    Sans, Noto Sans and Inter for them anyway was about 50 ms of every handout.
    """

    files: tuple[FontFile, ...]
    symbol_file: FontFile

    @property
    def primary(self) -> str:
        """The text font, registered: the name is used where reportlab needs a font before any text."""
        return self.files[0].load().name

    @property
    def fonts(self) -> tuple[Font, ...]:
        """Every text font of this weight, all read."""
        return tuple(file.load() for file in self.files)

    @property
    def symbols(self) -> Font:
        return self.symbol_file.load()

    def font_for(self, word: str) -> str | None:
        """The first font with a glyph for every character of `word`, if any has them all."""
        codes = {ord(char) for char in word}
        return next((font.name for font in map(FontFile.load, self.files) if codes <= font.covered), None)

    def font_for_char(self, char: str) -> str:
        """A font for one character: a text font, else the symbols font, else the last resort (a blank)."""
        text = self.font_for(char)
        if text:
            return text
        return self.symbols.name if ord(char) in self.symbols.covered else self.files[-1].name


@cache
def font_set(bold: bool) -> FontSet:
    """The fonts for regular or bold text (registered as they are first needed)."""
    weight = 700 if bold else 400
    files = [FontFile(f"{family.replace(' ', '')}-{weight}", family, weight) for family in FAMILIES]
    files.append(FontFile("NotoSans", LAST_RESORT, 400))
    return FontSet(tuple(files), FontFile("Inter", SYMBOLS, 400))


@cache
def _register(name: str, family: str, weight: int) -> Font:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(font_path(family, weight))))
    return Font(name, frozenset(pdfmetrics.getFont(name).face.charWidths))


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Cut text into (font name, text) runs: the whole text in the first font that has all its letters.

    A Vietnamese sentence is set wholly in Fira Sans rather than word by word in two
    fonts, and never "Nước" with letters from two fonts (mismatched shapes, and a
    PDF reader sees a gap inside the word). Text no one font covers is cut by words,
    then a word no one font covers by letters. Spaces join the run before them.
    """
    if not text:
        return []
    fonts = font_set(bold)
    whole = fonts.font_for("".join(text.split()))
    if whole:
        return [(whole, text)]
    result: list[tuple[str, str]] = []
    for token in re.split(r"(\s+)", text):
        if not token:
            continue
        whole = fonts.primary if token.isspace() else fonts.font_for(token)
        pieces = [(whole, token)] if whole else [(fonts.font_for_char(c), c) for c in token]
        for name, chunk in pieces:
            if result and (result[-1][0] == name or chunk.isspace()):
                result[-1] = (result[-1][0], result[-1][1] + chunk)
            else:
                result.append((name, chunk))
    return result


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup that prints `text` literally, each run in a font that has its glyphs."""
    return "".join(f'<font face="{name}">{escape(chunk, quote=False)}</font>' for name, chunk in runs(text, bold))


def missing(text: str) -> set[str]:
    """Characters no handout font can print (shown as boxes), for checks and tests."""
    known = covered()
    return {c for c in text if not c.isspace() and ord(c) not in known}


@cache
def covered() -> frozenset[int]:
    """Every code point some handout font draws, in either weight (the fonts' cmaps, read once)."""
    return frozenset().union(*(font.covered for bold in (False, True) for font in _all(font_set(bold))))


def _all(fonts: FontSet) -> tuple[Font, ...]:
    return (*fonts.fonts, fonts.symbols)
