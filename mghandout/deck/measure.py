"""Measuring text as the presentation program will set it.

The deck is set in Arial, which PowerPoint, Keynote and Google Slides have and
LibreOffice replaces with the metric-compatible Liberation Sans. Arimo has Arial's
metrics and ships on PyPI, so widths measured with it are the widths on screen:
that is what lets the layout split slides instead of trusting "shrink on overflow".
"""

from __future__ import annotations

import re
from functools import cache

import fontpkg
from PIL import ImageFont

_UNITS = 1000
"""Fonts are loaded at 1000 px, so a width in px is a width in thousandths of the size."""


@cache
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    font = ImageFont.truetype(str(fontpkg.path("Arimo", weight=400)), _UNITS)
    if bold:
        font.set_variation_by_axes([700])
    return font


@cache
def _word_width(word: str, bold: bool) -> float:
    return _font(bold).getlength(word) / _UNITS


def width(text: str, size: float, bold: bool = False) -> float:
    """The width of one line of `text` at `size` points, in points."""
    return _font(bold).getlength(text) / _UNITS * size


def wrap(text: str, size: float, room: float, bold: bool = False) -> list[str]:
    """Break `text` into lines no wider than `room` points, as a word-wrapping text box does."""
    space = _word_width(" ", bold) * size
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in text.split():
        extent = _word_width(word, bold) * size
        if current and used + space + extent > room:
            lines.append(" ".join(current))
            current, used = [], 0.0
        used += (space if current else 0.0) + extent
        current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines or [""]


def sentences(text: str) -> list[str]:
    """Split prose into sentences, the smallest unit a slide may carry (a sentence never splits)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“(])", text.strip())
    return [part for part in parts if part]
