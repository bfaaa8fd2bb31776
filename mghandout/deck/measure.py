"""Measuring text as the presentation program will set it.

The deck is set in Arial, which PowerPoint, Keynote and Google Slides have and
LibreOffice replaces with the metric-compatible Liberation Sans. Arimo has Arial's
metrics and ships on PyPI, so widths measured with it are the widths on screen:
that is what lets the layout split slides instead of trusting "shrink on overflow".
"""

from __future__ import annotations

import re
from functools import cache

from PIL import ImageFont

from mghandout.fontfiles import font_path
from mghandout.reading.sentences import stays_open

_UNITS = 1000
"""Fonts are loaded at 1000 px, so a width in px is a width in thousandths of the size."""
_OPENERS = "¿¡\"'“‘(«"
"""Characters that may open a sentence before its first letter."""


@cache
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    font = ImageFont.truetype(str(font_path("Arimo")), _UNITS)
    if bold:
        font.set_variation_by_axes([700])
    return font


@cache
def _word_width(word: str, bold: bool) -> float:
    return _font(bold).getlength(word) / _UNITS


def width(text: str, size: float, bold: bool = False) -> float:
    """The width of one line of `text` at `size` points, in points."""
    return _font(bold).getlength(text) / _UNITS * size


def widest_word(text: str, size: float, bold: bool = False) -> float:
    """The width of the widest word of `text`, in points: a box narrower than this breaks a word inside itself.

    The widest at 1 pt times the size: the same number (multiplying by a positive size keeps the order of floats).
    """
    return _widest(text, bold) * size


@cache
def _widest(text: str, bold: bool) -> float:
    """`widest_word` at 1 pt, remembered: the layout asks it of the same texts at every size and column it tries."""
    return max((_word_width(word, bold) for word in text.split()), default=0.0)


def wrap(text: str, size: float, room: float, bold: bool = False) -> list[str]:
    """Break `text` into lines no wider than `room` points, as a word-wrapping text box does.

    A word wider than the room is broken between letters, as PowerPoint and LibreOffice
    break it, so the line count is the one on screen; the layout sizes boxes so that this
    never happens, and the tests check it does not.
    """
    return list(_wrapped(text, size, room, bold))


@cache
def _wrapped(text: str, size: float, room: float, bold: bool) -> tuple[str, ...]:
    """`wrap`, remembered: the layout tries the same texts in the same boxes many times (grids, tables, word aims)."""
    space = _word_width(" ", bold) * size
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in text.split():
        extent = _word_width(word, bold) * size
        if current and used + space + extent > room:
            lines.append(" ".join(current))
            current, used = [], 0.0
        if not current and extent > room:
            *whole, word = _broken(word, size, room, bold)
            lines += whole
            extent = _word_width(word, bold) * size
        used += (space if current else 0.0) + extent
        current.append(word)
    if current:
        lines.append(" ".join(current))
    return tuple(lines or [""])


def _broken(word: str, size: float, room: float, bold: bool) -> list[str]:
    """A word too wide for `room` cut into pieces that fit, as a renderer cuts it."""
    pieces = [""]
    for letter in word:
        if pieces[-1] and _word_width(pieces[-1] + letter, bold) * size > room:
            pieces.append("")
        pieces[-1] += letter
    return pieces


def sentences(text: str) -> list[str]:
    """Split prose into sentences, the smallest unit a slide may carry (a sentence never splits).

    A sentence ends at `.`, `!` or `?` before a space and a capital, a digit or an
    opening mark (`¿`, quotes, a parenthesis), in any script; not at a full stop the
    reading-level check keeps open either ("Dr. Lee", "vs. Healthy", "U.S. Department"),
    so a slide never shows a bullet cut after "Dr.".
    """
    parts = re.split(r"(?<=[.!?])\s+", text.strip())
    merged: list[str] = []
    for part in parts:
        head = part.lstrip(_OPENERS)[:1]
        opens = part[:1] in _OPENERS or head.isupper() or head.isdigit()
        if merged and (not opens or (merged[-1].endswith(".") and stays_open(merged[-1][:-1], part))):
            merged[-1] += " " + part
        else:
            merged.append(part)
    return [part for part in merged if part]


def words(text: str) -> int:
    """How many words `text` holds: the unit of the slide word budget."""
    return len(text.split())
