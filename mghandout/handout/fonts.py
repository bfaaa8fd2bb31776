"""Fonts for the handout: one face for the whole document, chosen from its language, then Inter's symbols.

Atkinson Hyperlegible was designed for low-vision readers but covers only Latin
scripts; a handout in Vietnamese, Greek or Russian is set whole in Fira Sans (static
Regular and Bold files: reportlab cannot set a variable font's weight), else Noto
Sans, so one table never holds "Trên 18" in one face beside "Dưới 120" in another.
Chinese, Japanese, Korean, Arabic, Persian and Hindi are set in Noto's face for their
script (`scripts.py`): those are variable fonts, so the document's face is made from
them at each weight it prints, cut to the document's characters (about a second for a
Chinese handout, nothing for any other). Text is cut into runs, each set in the
document's face when it has all its characters, else in the first face that has them;
none of the text faces has check marks (✓ ✗), most arrows and shapes (⇒ ■ ●), ★ or ⚠,
so Inter draws those characters one by one (never whole words: the text keeps its
legible face). Characters no font has are refused at their place in the source
(`glyphs.py`). Fonts come from PyPI packages, so `pip install` alone makes the handout.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Any

import msgspec
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from mghandout.fontfiles import CJK, font_path
from mghandout.scripts import ARABIC, DEVANAGARI, Script, script_for

FAMILIES = ("Atkinson Hyperlegible", "Fira Sans")
LAST_RESORT = "Noto Sans"
SCRIPT_FAMILIES = (*CJK, ARABIC.family, DEVANAGARI.family)
"""Variable faces, made static at each weight and cut to the document's characters when first needed."""
ALWAYS = "".join(map(chr, range(0x20, 0x7F))) + "\u00a0•–—‘’“”…"
"""Characters a face made for a document keeps whatever its text: page numbers, bullets, quotes."""
SYMBOLS = "Inter"
"""Drawn only for characters the text fonts lack: a variable font, its Regular serves both weights."""


@dataclass(frozen=True)
class Font:
    """A registered font and the characters it has."""

    name: str
    covered: frozenset[int]


@dataclass(frozen=True)
class FontFile:
    """A font to register under `name` when first needed: family and weight say which file;
    a variable face is cut to `characters`."""

    name: str
    family: str
    weight: int
    characters: frozenset[str] = frozenset()

    def load(self) -> Font:
        return _register(self.name, self.family, self.weight, self.characters)


@dataclass(frozen=True)
class FontSet:
    """The fonts of one weight, in the order they are tried, each read from its file when first needed.

    Most handouts are in Latin letters that Atkinson Hyperlegible has; reading Fira
    Sans, Noto Sans and Inter for them anyway was about 50 ms of every handout.
    """

    files: tuple[FontFile, ...]
    symbol_file: FontFile
    script_files: tuple[FontFile, ...] = ()
    """Other scripts' faces, made only for a letter of theirs in the text (a Chinese name in an English
    handout): each is a second or more to make, so one is made only when its cmap has the letter."""

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
        """A font for one character: a text font, else the symbols font, else another script's face, else
        the last resort (a blank)."""
        text = self.font_for(char)
        if text:
            return text
        if ord(char) in self.symbols.covered:
            return self.symbols.name
        script = next((file for file in self.script_files if ord(char) in _cmap(file.family)), None)
        return script.load().name if script else self.files[-1].name


@dataclass(frozen=True)
class Face:
    """The document's face, and the characters of the document (a variable face is cut to them, be it the
    document's or one read for a letter the document's face lacks)."""

    family: str
    characters: frozenset[str] = frozenset()
    script: Script | None = None


_FACE: ContextVar[Face] = ContextVar("face", default=Face(FAMILIES[0]))
"""The face of the document being made (Atkinson Hyperlegible outside `document`)."""


@contextmanager
def document(language: str, *parts: Any) -> Iterator[Face]:
    """Set everything drawn inside in the one face that covers the language and every letter of `parts`
    (the article, its labels, the clinic's brand: anything msgspec can hold)."""
    characters = frozenset(ALWAYS).union(*map(set, _strings(parts)))
    face = choose_face(language, characters)
    token = _FACE.set(face)
    try:
        yield face
    finally:
        _FACE.reset(token)


def choose_face(language: str, characters: frozenset[str]) -> Face:
    """The language's script face, else the first Latin face that has every letter, else the last resort."""
    script = script_for(language)
    if script:
        return Face(script.family, characters, script)
    letters = {ord(char) for char in characters if char.isalpha()}
    for family in FAMILIES:
        if all(letters <= _file(family, weight).load().covered for weight in (400, 700)):
            return Face(family, characters)
    return Face(LAST_RESORT, characters)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif value is not None and not isinstance(value, (int, float, bool)):
        yield from _strings(msgspec.to_builtins(value, builtin_types=(bytes,)))


def script() -> Script | None:
    """The script of the document being made, when it has a face of its own."""
    return _FACE.get().script


def font_set(bold: bool) -> FontSet:
    """The fonts for regular or bold text of the document being made (registered as first needed)."""
    return _font_set(_FACE.get(), bold)


@cache
def _font_set(face: Face, bold: bool) -> FontSet:
    weight = 700 if bold else 400
    others = [family for family in (*FAMILIES, LAST_RESORT) if family != face.family]
    scripts = [_file(family, weight, face.characters) for family in SCRIPT_FAMILIES if family != face.family]
    files = [_file(face.family, weight, face.characters), *(_file(family, weight) for family in others)]
    return FontSet(tuple(files), FontFile("Inter", SYMBOLS, 400), tuple(scripts))


def _file(family: str, weight: int, characters: frozenset[str] = frozenset()) -> FontFile:
    if family in SCRIPT_FAMILIES:
        digest = hashlib.sha1("".join(sorted(characters)).encode()).hexdigest()[:8]
        return FontFile(f"{family.replace(' ', '')}-{_style(weight)}-{digest}", family, weight, characters)
    if family == LAST_RESORT:  # a variable font whose Regular serves both weights
        return FontFile("NotoSans", LAST_RESORT, 400)
    return FontFile(f"{family.replace(' ', '')}-{weight}", family, weight)


@cache
def _register(name: str, family: str, weight: int, characters: frozenset[str]) -> Font:
    if name not in pdfmetrics.getRegisteredFontNames():
        if family in SCRIPT_FAMILIES:
            pdfmetrics.registerFont(TTFont(name, _static(name, family, weight, characters)))
        else:
            pdfmetrics.registerFont(TTFont(name, str(font_path(family, weight))))
    return Font(name, frozenset(pdfmetrics.getFont(name).face.charWidths))


def _static(name: str, family: str, weight: int, characters: frozenset[str]) -> io.BytesIO:
    """The variable face at `weight` (a real bold, not a smear), cut to `characters` with every glyph
    their shaping may need (a CJK face is 10 to 17 MB and takes ten seconds to make static whole),
    named `name`: reportlab takes a second font with a name it has seen for the first one."""
    from fontTools import subset, ttLib  # only a document in one of these scripts pays for fontTools
    from fontTools.varLib import instancer

    with ttLib.TTFont(str(font_path(family)), lazy=True) as font:
        options = subset.Options(name_IDs=["*"], notdef_outline=True, hinting=False)
        if family in CJK:  # reportlab shapes Arabic and Devanagari only (with the features fontTools keeps)
            options.layout_features = []
        options.drop_tables += ["vhea", "vmtx", "VVAR", "VORG"]
        cutter = subset.Subsetter(options)
        cutter.populate(text="".join(sorted(characters | set(ALWAYS))))
        cutter.subset(font)
        axes = {axis.axisTag: (weight if axis.axisTag == "wght" else axis.defaultValue) for axis in font["fvar"].axes}
        static = instancer.instantiateVariableFont(font, axes, inplace=True)
        _name(static, family, _style(weight), name)
        static.recalcTimestamp = False  # the file's date stays the package's: the same source, the same bytes
        buffer = io.BytesIO()
        static.save(buffer)
    buffer.seek(0)
    return buffer


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The text's width in points at `size`, each run in the font that sets it (the footer, a word in a cell)."""
    return sum(pdfmetrics.stringWidth(chunk, name, size) for name, chunk in runs(text, bold))


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
    """Characters no handout font can print (shown as boxes), for checks and tests.

    The Latin faces are asked first, then each script's face only while characters are
    left: reading a CJK face's character map takes a good part of a second.
    """
    left = {c for c in text if not c.isspace() and ord(c) not in _latin_covered()}
    for family in SCRIPT_FAMILIES:
        if not left:
            break
        left = {c for c in left if ord(c) not in _cmap(family)}
    return left


@cache
def covered() -> frozenset[int]:
    """Every code point some handout font draws, in either weight (the fonts' cmaps, read once)."""
    return _latin_covered().union(*map(_cmap, SCRIPT_FAMILIES))


@cache
def _latin_covered() -> frozenset[int]:
    latin = _font_set(Face(FAMILIES[0]), False), _font_set(Face(FAMILIES[0]), True)
    return frozenset().union(*(font.covered for fonts in latin for font in _all(fonts)))


def _style(weight: int) -> str:
    return "Bold" if weight >= 700 else "Regular"


def _name(font: Any, family: str, style: str, postscript: str) -> None:
    """Name the static face for its weight: PDF readers list it as `NotoSansSC-Bold-…`, not the file's `-Thin`."""
    names = font["name"]
    for number in (16, 17, 21, 22, 25):
        names.removeNames(nameID=number)
    for number, value in ((1, family), (2, style), (3, postscript), (4, f"{family} {style}"), (6, postscript)):
        names.setName(value, number, 3, 1, 0x409)
        names.setName(value, number, 1, 0, 0)


@cache
def _cmap(family: str) -> frozenset[int]:
    """The characters of a script face, read from its file's cmap without making it static."""
    from fontTools import ttLib

    with ttLib.TTFont(str(font_path(family)), lazy=True) as font:
        return frozenset(font.getBestCmap())


def _all(fonts: FontSet) -> tuple[Font, ...]:
    return (*fonts.fonts, fonts.symbols)
