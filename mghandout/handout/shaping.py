"""How the handout sets a script that is not Latin letters side by side: direction, shaping, line breaks.

reportlab does the work once a paragraph style asks for it: `shaping` runs each
word through HarfBuzz (Arabic letters joined, Devanagari conjuncts and vowel signs
formed), `wordWrap="RTL"` lays the words of each line from the right (a number or a
Latin word inside an Arabic sentence keeps its own order) and draws bullets on the
right, and `wordWrap="CJK"` breaks Chinese and Japanese lines between ideographs by
the Japanese line-breaking rules (no line starts with "。" or "）"). This module turns
the document's script (`fonts.script`) into those settings, mirrors what goes left to
right on the page (table columns, the running footer), and draws a single right to
left line where the handout draws on the canvas itself.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, TypeVar

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as paragraphs

from mghandout.handout.fonts import font_set, markup, script

T = TypeVar("T")


def right_to_left() -> bool:
    """Whether the document being made reads from the right (Arabic, Persian)."""
    found = script()
    return bool(found and found.rtl)


def style_options(**options: Any) -> dict[str, Any]:
    """A paragraph style's options for the document's script: left alignment becomes right in Arabic."""
    found = script()
    if found is None:
        return options
    if found.ideographic:
        return {**options, "wordWrap": "CJK"}
    if found.rtl:
        aligned = TA_RIGHT if options.get("alignment", TA_LEFT) == TA_LEFT else options["alignment"]
        return {**options, "wordWrap": "RTL", "shaping": 1, "alignment": aligned}
    return {**options, "shaping": 1}


def in_reading_order(cells: list[T]) -> list[T]:
    """Cells (a table row, its column widths) from left to right on the page: reversed right to left."""
    return cells[::-1] if right_to_left() else cells


def draw_right_to_left(canvas: Canvas, text: str, x: float, y: float, size: float, bold: bool,
                       room: float) -> None:
    """One line drawn right-aligned in [x, x + room] with its baseline at y, shaped and in visual order."""
    style = ParagraphStyle("line", **style_options(fontName=font_set(bold).primary, fontSize=size, leading=size * 1.2))
    paragraph = Paragraph(markup(text, bold), style)
    _, height = paragraph.wrap(room, size * 10)
    paragraph.drawOn(canvas, x, y - (height - size))


RIGHT_TO_LEFT = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\ue000-\uf8ff]")
"""Letters of a word set right to left: Arabic and Hebrew letters, their presentation forms, and the
private-use codes reportlab gives the shaped glyphs no character maps to."""
LEFT_TO_RIGHT = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u052f]")
NUMBER = re.compile(r"\d")


def visual_order(frags: list[Any]) -> list[Any]:
    """The words of one line of a right to left paragraph, from left to right as the eye sees them.

    The Unicode bidirectional algorithm at the grain of words (each word is shaped whole
    by HarfBuzz, in its own direction): Arabic words run from the right; a run of Latin
    words or numbers keeps its order inside them ("فيتامين Vitamin D" shows "Vitamin D");
    a space or a punctuation mark between two Latin words belongs to their run, any
    other to the Arabic around it.
    """
    words = [piece for frag in frags for piece in _split(frag)]
    kinds = [_kind(word) for word in words]
    levels = [2 if kind in "LN" else 1 if kind == "R" else 0 for kind in kinds]
    for index, kind in enumerate(kinds):
        if kind == "-":
            before = next((kinds[i] for i in range(index - 1, -1, -1) if kinds[i] != "-"), "R")
            after = next((kinds[i] for i in range(index + 1, len(kinds)) if kinds[i] != "-"), "R")
            levels[index] = 2 if before == after == "L" else 1
    order = list(range(len(words)))
    start = None
    for position in range(len(order) + 1):
        if position < len(order) and levels[order[position]] == 2:
            start = position if start is None else start
        elif start is not None:
            order[start:position] = order[start:position][::-1]
            start = None
    return [words[index] for index in reversed(order)]


def _kind(word: Any) -> str:
    """R for a right to left word, L for a left to right one, N for a number, - for spaces and marks."""
    text = "".join(TEXT_OF.get(ord(char), char) for char in getattr(word, "text", ""))
    if RIGHT_TO_LEFT.search(text):
        return "R"
    if LEFT_TO_RIGHT.search(text):
        return "L"
    return "N" if NUMBER.search(text) else "-"


def _split(frag: Any) -> list[Any]:
    """A line's fragment cut into its words and the spaces between them (no-break ones too: they hold a
    number to its unit, not two words in one direction), each keeping its shaping."""
    text = getattr(frag, "text", None)
    if not text or hasattr(frag, "cbDefn"):
        return [frag]
    data = getattr(text, "__shapeData__", None)
    pieces = []
    for match in re.finditer(r"[ \u00a0]+|[^ \u00a0]+", text):
        start, stop = match.span()
        piece = ShapedStr(text[start:stop], shapeData=data[start:stop]) if data else text[start:stop]
        pieces.append(frag.clone(text=piece))
    return pieces


def _draw_para(paragraph: Paragraph, debug: int = 0, _draw: Any = Paragraph.drawPara) -> Any:
    """reportlab's `drawPara`, each line of a right to left paragraph put in visual order first.

    reportlab lays a right to left line out by reversing its fragments, but a line of
    one style is one fragment, so its words came out left to right; and without
    reportlab's optional `rlbidi` a number or a Latin word has no order of its own.
    reportlab reverses each line as it draws, so it is given the reverse of the visual
    order, and the lines are restored after: a paragraph split across pages keeps its
    words in reading order.
    """
    lines = getattr(paragraph.blPara, "lines", [])
    if paragraph.style.wordWrap != "RTL" or paragraph.blPara.kind != 1:
        return _draw(paragraph, debug)
    kept = [line.words for line in lines]
    for line in lines:
        line.words = visual_order(line.words)[::-1]
    try:
        return _draw(paragraph, debug)
    finally:
        for line, words in zip(lines, kept):
            line.words = words


Paragraph.drawPara = _draw_para


def _wrap(paragraph: Paragraph, width: float, height: float, _wrap: Any = Paragraph.wrap) -> tuple[float, float]:
    """reportlab's `wrap`, a right to left paragraph's indent moved to the right, where its bullet hangs.

    The handout indents a bulleted item on the left, the bullet in the margin; reportlab
    draws a right to left paragraph's bullet at its right edge, inside the first word.
    """
    style = paragraph.style
    if style.wordWrap == "RTL" and style.leftIndent and not style.rightIndent:
        paragraph.style = ParagraphStyle(style.name, parent=style, leftIndent=0, rightIndent=style.leftIndent)
    return _wrap(paragraph, width, height)


Paragraph.wrap = _wrap


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

    HarfBuzz draws the Arabic "ب" as a dotless form and a dot below, shared with
    "ت" and "ن"; reportlab gives such a glyph one private-use code whatever letter it
    drew, and its ToUnicode map gives that private code back: copied, searched or
    read aloud, the word was gone. Here each glyph is coded by (glyph, letters of its
    cluster, a mark's with its letter's): the widest glyph of a cluster carries the
    letters, the others (dots, marks) nothing, so a PDF reader rebuilds the word
    (`_to_unicode`).
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
        shaped[index] = (frag, ShapedStr("".join(codes), shapeData=placed))
    return shaped


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
    """reportlab's text operators, a shaped run marked with the letters it draws (`/ActualText`).

    A reader copying or searching the handout, and pdftotext, then get "شرب" and "नियमित"
    as written, whatever glyphs HarfBuzz chose, in whatever order they are drawn.
    """
    operators = _format(text_object, text)
    letters = actual_text(text)
    if letters is None:
        return operators
    return f"/Span <</ActualText <FEFF{letters.encode('utf-16-be').hex().upper()}>>> BDC {operators} EMC"


PDFTextObject._formatText = _format_text
