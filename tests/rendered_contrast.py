"""Contrast of text as LibreOffice renders it: each word's colour against the pixels beside its glyphs.

A deck's XML says which colour a run has, not what ends up behind it: a title
placeholder's own fill, a layout's picture, a band the text runs past. So the
rendered PDF is read twice: PDFium (pypdfium2) gives every character's glyph box and
fill colour, pdftoppm the page's pixels. The pixels of a word's box down to its
baseline (not its descenders, nor a link's underline), grown sideways by a few points,
less every glyph's box on the page (grown by a pixel for anti-aliasing), are what lies
behind it; the word's contrast is the WCAG ratio of its colour to those
pixels, taken at a low percentile so that a word half on a band counts, while a stray
pixel does not.
"""

from __future__ import annotations

import ctypes
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageChops, ImageDraw

DPI = 50
PAD = 2.0
"""Points beside a word that are sampled, left and right of it."""
PERCENTILE = 0.05
"""The share of a word's backdrop pixels allowed to read worse than its contrast."""


@dataclass(frozen=True)
class Word:
    """One word on a rendered page: its text, size (pt), colour (RRGGBB) and worst contrast with what is beside it
    (None where other glyphs cover every pixel beside it)."""

    page: int
    text: str
    size: float
    colour: str
    contrast: float | None


@dataclass
class _Char:
    text: str
    box: tuple[float, float, float, float]
    """left, top, right, bottom in points from the page's top left"""
    baseline: float
    size: float
    colour: str


def words(pdf: Path, folder: Path) -> list[Word]:
    """Every word of every page of `pdf`, with its contrast against the rendered pixels beside it."""
    stem = folder / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(stem)], check=True, timeout=300)
    pictures = sorted(folder.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    document = pdfium.PdfDocument(str(pdf))
    found = []
    for number, picture in enumerate(pictures, start=1):
        page = document[number - 1]
        chars = _chars(page)
        found.extend(_page_words(number, chars, Image.open(picture)))
    return found


def _chars(page: Any) -> list[_Char]:
    text = page.get_textpage()
    height = page.get_size()[1]
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    x, y = ctypes.c_double(), ctypes.c_double()
    chars = []
    for index in range(text.count_chars()):
        left, bottom, right, top = text.get_charbox(index)
        pdfium_c.FPDFText_GetFillColor(text, index, r, g, b, a)
        pdfium_c.FPDFText_GetCharOrigin(text, index, x, y)
        chars.append(_Char(text.get_text_range(index, 1), (left, height - top, right, height - bottom),
                           height - y.value, pdfium_c.FPDFText_GetFontSize(text, index),
                           f"{r.value:02X}{g.value:02X}{b.value:02X}"))
    return chars


def _page_words(number: int, chars: list[_Char], picture: Image.Image) -> list[Word]:
    scale = DPI / 72
    luminance = _luminance_image(picture)
    glyphs = Image.new("L", picture.size, 255)
    draw = ImageDraw.Draw(glyphs)
    for char in chars:
        if not char.text.isspace():
            left, top, right, bottom = char.box
            draw.rectangle([left * scale - 1, top * scale - 1, right * scale + 1, bottom * scale + 1], fill=0)
    found = []
    for word in _grouped(chars):
        left = min(c.box[0] for c in word) - PAD
        right = max(c.box[2] for c in word) + PAD
        top, baseline = min(c.box[1] for c in word), max(c.baseline for c in word)
        box = (round(left * scale), round(top * scale), round(right * scale), round(baseline * scale))
        histogram = luminance.crop(box).histogram(glyphs.crop(box))
        text, size, colour = "".join(c.text for c in word), round(word[0].size, 1), word[0].colour
        found.append(Word(number, text, size, colour, _worst(histogram, colour)))
    return found


def _grouped(chars: list[_Char]) -> list[list[_Char]]:
    """Characters in reading order, cut into words at spaces, line ends and changes of colour."""
    groups: list[list[_Char]] = []
    current: list[_Char] = []
    for char in chars:
        if char.text.isspace() or not char.text or (current and char.colour != current[-1].colour):
            if current:
                groups.append(current)
            current = [] if char.text.isspace() or not char.text else [char]
        else:
            current.append(char)
    if current:
        groups.append(current)
    return groups


def _worst(histogram: list[int], colour: str) -> float | None:
    """The contrast of `colour` with the backdrop's pixels (a histogram of their luminance), at `PERCENTILE`."""
    total = sum(histogram)
    if not total:
        return None
    text = _colour_luminance(colour)
    by_ratio = sorted((_ratio(text, level / 255), count) for level, count in enumerate(histogram) if count)
    allowed, seen = total * PERCENTILE, 0
    for ratio, count in by_ratio:
        seen += count
        if seen > allowed:
            return round(ratio, 2)
    return round(by_ratio[-1][0], 2)


def _linear(value: int) -> float:
    channel = value / 255
    return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4


def _luminance_image(image: Image.Image) -> Image.Image:
    """WCAG relative luminance of every pixel, times 255, as a greyscale image."""
    red, green, blue = image.convert("RGB").split()
    weighted = [band.point([round(_linear(v) * weight * 255) for v in range(256)])
                for band, weight in ((red, 0.2126), (green, 0.7152), (blue, 0.0722))]
    return ImageChops.add(ImageChops.add(weighted[0], weighted[1]), weighted[2])


def _colour_luminance(colour: str) -> float:
    r, g, b = (_linear(int(colour[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _ratio(one: float, other: float) -> float:
    light, dark = max(one, other), min(one, other)
    return (light + 0.05) / (dark + 0.05)
