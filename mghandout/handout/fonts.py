"""Fonts for the handout: Atkinson Hyperlegible, with Noto Sans for what it lacks.

Atkinson Hyperlegible was designed for low-vision readers but covers only Latin
scripts; a patient's handout in Vietnamese, Greek or Russian must not print boxes.
Text is cut into runs, each set in the first font that has all its characters.
Fonts come from PyPI packages, so `pip install` alone makes the handout.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

import fontpkg
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont


@dataclass(frozen=True)
class FontSet:
    """The registered names of one weight: the primary font and its fallback."""

    primary: str
    fallback: str
    covered: frozenset[int]
    fallback_covered: frozenset[int]


@cache
def font_set(bold: bool) -> FontSet:
    """Register (once) and return the fonts for regular or bold text."""
    weight = 700 if bold else 400
    primary = f"AtkinsonHyperlegible-{'Bold' if bold else 'Regular'}"
    pdfmetrics.registerFont(TTFont(primary, str(fontpkg.path("Atkinson Hyperlegible", weight=weight))))
    fallback = "NotoSans"
    if fallback not in pdfmetrics.getRegisteredFontNames():
        # Noto Sans ships as a variable font; its default instance (Regular) serves both weights.
        pdfmetrics.registerFont(TTFont(fallback, str(fontpkg.path("Noto Sans", weight=400))))
    return FontSet(
        primary,
        fallback,
        frozenset(pdfmetrics.getFont(primary).face.charWidths),
        frozenset(pdfmetrics.getFont(fallback).face.charWidths),
    )


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Cut text into (font name, text) runs by which font has the glyphs."""
    fonts = font_set(bold)
    result: list[tuple[str, str]] = []
    for char in text:
        name = fonts.primary if ord(char) in fonts.covered or char.isspace() else fonts.fallback
        if result and result[-1][0] == name:
            result[-1] = (name, result[-1][1] + char)
        else:
            result.append((name, char))
    return result


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup that prints `text` literally, each run in a font that has its glyphs."""
    return "".join(f'<font face="{name}">{escape(chunk)}</font>' for name, chunk in runs(text, bold))


def missing(text: str) -> set[str]:
    """Characters no handout font can print (shown as boxes), for checks and tests."""
    fonts = font_set(False)
    return {c for c in text if not c.isspace() and ord(c) not in fonts.covered | fonts.fallback_covered}
