"""What a shaped word's glyphs say to a PDF reader: its letters, in reading order.

HarfBuzz (through reportlab's `shaping`) draws a word with the glyphs the face has for
it in context: an Arabic letter as a joined form, often a dotless skeleton and its dots
apart; a Devanagari conjunct as one glyph, a vowel sign before its consonant. reportlab
gives every glyph no character maps to one private-use code, whatever letter it drew,
and its ToUnicode map sends the PDF reader that private code: copied, searched or read
aloud, the word was gone. Three of reportlab's functions are wrapped here, each leaving
anything unshaped as it was:

- `shapeFragWord`: each glyph of a shaped word is coded by (glyph, letters of its
  cluster, a combining mark's with its letter's): the widest glyph of a cluster carries
  the letters, the others (dots, marks) `NO_TEXT`; its width in the PDF is the font's
  own advance, as PDF/UA-1 requires (the shaping offsets the difference).
- `makeToUnicodeCMap`: those codes map to their letters.
- `PDFTextObject._formatText`: a shaped run is marked with its letters in reading order
  (`/ActualText`), so a reader gets "नियमित" as written whatever order its glyphs are
  drawn in.

And one fix: `setRise` on a text object that has written nothing yet (a shaped word
whose first glyph is a mark above the line) no longer fails.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import paragraph as paragraphs

NO_TEXT = "\u200b"
"""What a dot or a mark drawn apart from its letter's glyph stands for: nothing a reader sees (PDF/UA-1 wants
some text for every code; each shaped word's `/ActualText` gives its letters back in order)."""
TEXT_OF: dict[int, str] = {}
"""The letters each code given to a shaped glyph stands for (codes from Supplementary Private Use Area-A,
which no font maps): a joined Arabic letter drawn as a dotless form and its dots, a Devanagari conjunct."""
_CODES: dict[tuple[int, int, str], int] = {}
_FIRST_CODE = 0xF0000


def _shape_word(word: list[Any], *args: Any, _shape: Any = paragraphs.shapeFragWord, **kwargs: Any) -> list[Any]:
    """reportlab's shaping of one word, each glyph given a code that says which letters it draws.

    HarfBuzz draws the Arabic "ب" as a dotless form and a dot below, the form shared
    with "ت" and "ن": so the code is made per glyph and letters, not per glyph.
    """
    shaped = _shape(word, *args, **kwargs)
    if shaped is word:
        return shaped
    logical = "".join(text for frag, text in word[1:] if not hasattr(frag, "cbDefn"))
    pieces = [(index, piece) for index, piece in enumerate(shaped[1:], 1)
              if getattr(piece[1], "__shapeData__", None)]
    owner: dict[int, int] = {}
    for start in sorted({data.cluster for _, (_, text) in pieces for data in text.__shapeData__
                         if data.cluster < len(logical)}):
        mark = owner and unicodedata.category(logical[start]).startswith("M")
        owner[start] = owner[max(owner)] if mark else start
    bases = sorted(set(owner.values()))
    ends = dict(zip(bases, [*bases[1:], len(logical)]))
    glyphs = [data for _, (_, text) in pieces for data in text.__shapeData__ if data.cluster in owner]
    carrier = {owner[data.cluster]: data for data in sorted(glyphs, key=lambda data: data.x_advance)}
    for index, (frag, text) in pieces:
        face = pdfmetrics.getFont(frag.fontName).face
        codes, placed = [], []
        for char, data in zip(text, text.__shapeData__):
            base = owner.get(data.cluster)
            letters = char if base is None else logical[base:ends[base]] if carrier[base] is data else NO_TEXT
            if letters == char:
                codes.append(char)
                placed.append(data)
                continue
            code, advance = _code(face, ord(char), letters)
            codes.append(chr(code))
            placed.append(data._replace(width=advance))
        codes, placed = _numbers_left_to_right(codes, placed, logical)
        shaped[index] = (frag, ShapedStr("".join(codes), shapeData=placed))
    return shaped


NUMERAL = frozenset("٫٬.,")
"""Marks inside a number: the Arabic decimal and thousands separators, and the Latin ones."""


def _numbers_left_to_right(codes: list[str], placed: list[Any], logical: str) -> tuple[list[str], list[Any]]:
    """Each run of a number's glyphs in the order of its digits.

    HarfBuzz takes the direction of a word from its script, and Arabic-Indic digits are
    of the Arabic script: "٣٠٠" was shaped right to left and printed "٠٠٣". A number reads
    left to right in any script, so the glyphs of each run of digits (with the separators
    inside it) are put back in the order of the digits they draw.
    """
    def numeral(data: Any) -> bool:
        char = logical[data.cluster] if data.cluster < len(logical) else ""
        return bool(char) and (unicodedata.category(char) == "Nd" or char in NUMERAL)

    pairs = list(zip(codes, placed))
    start = 0
    while start < len(pairs):
        stop = start
        while stop < len(pairs) and numeral(pairs[stop][1]):
            stop += 1
        if stop > start:
            pairs[start:stop] = sorted(pairs[start:stop], key=lambda pair: pair[1].cluster)
        start = stop + 1
    return [code for code, _ in pairs], [data for _, data in pairs]


def _code(face: Any, drawn: int, letters: str) -> tuple[int, float]:
    """The code standing for the glyph that code `drawn` draws in `face`, drawing `letters` (made on first
    use), and the glyph's advance in the font: the PDF's widths must be the font's own (PDF/UA-1), not
    the shaped advance reportlab gives its private codes; the shaping offsets the difference."""
    glyph = face.charToGlyph[drawn]
    advance = face._pdfScale(face.hmetrics[glyph][0])
    key = (id(face), glyph, letters)
    if key not in _CODES:
        code = _CODES[key] = _FIRST_CODE + len(_CODES)
        face.charToGlyph[code] = glyph
        face.charWidths[code] = advance
        TEXT_OF[code] = letters
    return _CODES[key], advance


paragraphs.shapeFragWord = _shape_word


def _to_unicode(name: str, subset: list[int], _make: Any = ttfonts.makeToUnicodeCMap) -> str:
    """reportlab's ToUnicode map of a font subset, each shaped glyph mapped to the letters it draws
    (a dot or mark that a letter's glyph already speaks for, to nothing)."""
    if not any(code in TEXT_OF for code in subset):
        return _make(name, subset)
    lines = [f"<{index:02X}> <{TEXT_OF.get(code, chr(code)).encode('utf-16-be').hex().upper()}>"
             for index, code in enumerate(subset)]
    cmap = _make(name, [0] * len(subset)).split("\n")
    start = next(number for number, line in enumerate(cmap) if line.endswith("beginbfchar")) + 1
    return "\n".join(cmap[:start] + lines + cmap[start + len(subset):])


ttfonts.makeToUnicodeCMap = _to_unicode


def actual_text(text: Any) -> str | None:
    """The letters a shaped run of glyphs draws, in reading order, or None when it was not shaped.

    Each word's glyphs are in the order they are drawn (an Arabic word's from its
    end); their clusters give the order of the letters they carry.
    """
    if not isinstance(text, ShapedStr):
        return None
    words, current = [], []
    for char, data in zip(text, text.__shapeData__):
        if char == " ":
            words.append(current)
            current = []
        else:
            letters = TEXT_OF.get(ord(char), char)
            current.append((data.cluster, "" if letters == NO_TEXT else letters))
    words.append(current)
    return " ".join("".join(letters for _, letters in sorted(word, key=lambda pair: pair[0])) for word in words)


def _format_text(text_object: PDFTextObject, text: Any, _format: Any = PDFTextObject._formatText) -> str:
    """reportlab's text operators, a shaped run marked with the letters it draws (`/ActualText`)."""
    operators = _format(text_object, text)
    letters = actual_text(text)
    if letters is None:
        return operators
    return f"/Span <</ActualText <FEFF{letters.encode('utf-16-be').hex().upper()}>>> BDC {operators} EMC"


PDFTextObject._formatText = _format_text


def _set_rise(text: PDFTextObject, rise: float, _set_rise: Any = PDFTextObject.setRise) -> None:
    """reportlab's `setRise`, for a text object with no operator yet.

    A shaped Arabic word whose first mark sits above the line (the tanween of "أيضاً")
    moves the baseline before anything else is written, and reportlab 4 and 5 then
    look at the last operator of an empty list (IndexError). An empty operator first
    writes nothing and lets it look.
    """
    if not text._code:
        text._code.append("")
    _set_rise(text, rise)


PDFTextObject.setRise = _set_rise
