"""Measuring text as the presentation program will set it.

The deck is set in Arial, which PowerPoint, Keynote and Google Slides have and
LibreOffice replaces with the metric-compatible Liberation Sans. Arimo has Arial's
metrics and ships on PyPI, so widths measured with it are the widths on screen:
that is what lets the layout split slides instead of trusting "shrink on overflow".
Chinese, Japanese, Korean, Arabic and Devanagari letters are drawn from the font the
deck names for them (`language.py`: Noto's face for each script), so they are measured
with it, shaped (Pillow lays text out with raqm). Chinese and Japanese lines break
between characters, not only at spaces (`scripts.break_units`), and a full stop ends
a sentence with no space after it.
"""

from __future__ import annotations

import re
from functools import cache

from PIL import ImageFont

from mghandout.fontfiles import font_path
from mghandout.reading.sentences import stays_open
from mghandout.scripts import IDEOGRAPHIC, SENTENCE_END, break_units

_UNITS = 1000
"""Fonts are loaded at 1000 px, so a width in px is a width in thousandths of the size."""
_OPENERS = "¿¡\"'“‘(«"
"""Characters that may open a sentence before its first letter."""


SCRIPT_FACES = (
    (re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+"), "Noto Sans KR"),
    (re.compile(r"[\u3040-\u30ff]+"), "Noto Sans JP"),
    (re.compile(rf"(?:{IDEOGRAPHIC.pattern}|[\u3000-\u303f\uff00-\uffef])+"), "Noto Sans SC"),
    (re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+"), "Noto Sans Arabic"),
    (re.compile(r"[\u0900-\u097f\ua8e0-\ua8ff]+"), "Noto Sans Devanagari"),
)
"""Runs of a script's letters and the face that measures them (full-width punctuation with the Han)."""
_SCRIPT_RUN = re.compile("|".join(f"({pattern.pattern})" for pattern, _ in SCRIPT_FACES))


@cache
def _font(bold: bool, family: str = "Arimo") -> ImageFont.FreeTypeFont:
    """A face at 1000 px; a variable script face set at the weight (its default is Thin for CJK)."""
    font = ImageFont.truetype(str(font_path(family)), _UNITS)
    if family == "Arimo":
        if bold:
            font.set_variation_by_axes([700])
        return font
    weight = 700 if bold else 400
    font.set_variation_by_axes([weight if axis["name"] in (b"Weight", "Weight") else axis["default"]
                                for axis in font.get_variation_axes()])
    return font


EAST_ASIAN = re.compile(r"[\u1100-\u11ff\u3000-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
                        r"\uf900-\ufaff\uff00-\uffef]")
"""Chinese, Japanese and Korean letters and their full-width marks."""
ASIAN_SPACING = 0.25
"""What LibreOffice adds (its "space between Asian and non-Asian text", on in every deck it opens), in
sizes, wherever Chinese, Japanese or Korean meets a Latin letter, digit or mark, a space between them or
not: "마세요." is laid out "마세요 .", and ": 과" as ":  과". Counted so that a line that fits in
LibreOffice fits everywhere (PowerPoint adds nothing)."""


def _asian_meetings(text: str) -> int:
    """How many times the text's letters and marks (spaces aside) go from Asian to not or back."""
    kinds = [bool(EAST_ASIAN.match(char)) for char in text if not char.isspace()]
    return sum(first != second for first, second in zip(kinds, kinds[1:]))


def _meets(before: str, after: str) -> bool:
    """Whether a line going on from `before` with `after` crosses between Asian and other text."""
    return bool(before and after) and bool(EAST_ASIAN.match(before[-1])) != bool(EAST_ASIAN.match(after[0]))


def _length(text: str, bold: bool) -> float:
    """The width of `text` at 1000 px: Latin in Arimo, each run of another script in its own face."""
    if not _SCRIPT_RUN.search(text):
        return _font(bold).getlength(text)
    return _script_length(text, bold) + ASIAN_SPACING * _UNITS * _asian_meetings(text)


def _script_length(text: str, bold: bool) -> float:
    """The width at 1000 px of text holding another script: each run of it in its face, the rest in Arimo."""
    total, start = 0.0, 0
    for match in _SCRIPT_RUN.finditer(text):
        total += _font(bold).getlength(text[start:match.start()]) if match.start() > start else 0.0
        family = SCRIPT_FACES[match.lastindex - 1][1]
        total += _font(bold, family).getlength(match.group())
        start = match.end()
    return total + (_font(bold).getlength(text[start:]) if start < len(text) else 0.0)


@cache
def _word_width(word: str, bold: bool) -> float:
    return _length(word, bold) / _UNITS


def width(text: str, size: float, bold: bool = False) -> float:
    """The width of one line of `text` at `size` points, in points."""
    return _length(text, bold) / _UNITS * size


def widest_word(text: str, size: float, bold: bool = False) -> float:
    """The width of the widest word of `text`, in points: a box narrower than this breaks a word inside itself.

    The widest at 1 pt times the size: the same number (multiplying by a positive size keeps the order of floats).
    """
    return _widest(text, bold) * size


@cache
def _widest(text: str, bold: bool) -> float:
    """`widest_word` at 1 pt, remembered: the layout asks it of the same texts at every size and column it tries."""
    return max((_word_width(unit, bold) for _, unit in _units(text)), default=0.0)


def _units(text: str) -> list[tuple[bool, str]]:
    """The pieces a line may break between, each with whether a space comes before it: words, and
    in Chinese and Japanese the characters of a word (a closing mark kept with the one before)."""
    units: list[tuple[bool, str]] = []
    for word in text.split():
        pieces = break_units(word) if IDEOGRAPHIC.search(word) else [word]
        units += [(index == 0, piece) for index, piece in enumerate(pieces)]
    return units


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
    current = ""
    used = 0.0
    for spaced, word in _units(text):
        extent = _word_width(word, bold) * size
        gap = (space if current and spaced else 0.0) + (ASIAN_SPACING * size if _meets(current, word) else 0.0)
        if current and used + gap + extent > room:
            lines.append(current)
            current, used, gap = "", 0.0, 0.0
        if not current and extent > room:
            *whole, word = _broken(word, size, room, bold)
            lines += whole
            extent = _word_width(word, bold) * size
        used += gap + extent
        current += (" " if spaced and current else "") + word
    if current:
        lines.append(current)
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
    parts = [piece for part in re.split(r"(?<=[.!?؟।])\s+", text.strip()) for piece in SENTENCE_END.split(part)]
    merged: list[str] = []
    for part in parts:
        head = part.lstrip(_OPENERS)[:1]
        opens = part[:1] in _OPENERS or (head.isalpha() and not head.islower()) or head.isdigit()
        if merged and (not opens or (merged[-1].endswith(".") and stays_open(merged[-1][:-1], part))):
            merged[-1] += " " + part
        else:
            merged.append(part)
    return [part for part in merged if part]


def words(text: str) -> int:
    """How many words `text` holds: the unit of the slide word budget (in Chinese and Japanese, which
    write no spaces, a word for every two characters, about the length of a word there)."""
    ideographs = len(IDEOGRAPHIC.findall(text))
    return len(IDEOGRAPHIC.sub("", text).split()) + (ideographs + 1) // 2
