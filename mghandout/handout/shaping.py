"""How the handout sets a script that is not Latin letters side by side: direction, shaping, line breaks.

reportlab does the work once a paragraph style asks for it: `shaping` runs each
word through HarfBuzz (Arabic letters joined, Devanagari conjuncts and vowel signs
formed), `wordWrap="RTL"` lays the words of each line from the right (a number or a
Latin word inside an Arabic sentence keeps its own order) and draws bullets on the
right, and `wordWrap="CJK"` breaks Chinese and Japanese lines between ideographs by
the Japanese line-breaking rules (no line starts with "。" or "）"). This module turns
the document's script (`fonts.script`) into those settings, mirrors what goes left to
right on the page (table columns, cards, the callout's icon, the running footer), and
draws a single right to left line where the handout draws on the canvas itself.

Two things reportlab gets wrong without its optional `rlbidi` are put right by
wrapping its own functions (guarded so that they change nothing for a left to right
paragraph): a right to left line's words are put in visual order as it is drawn, and
a bulleted item's indent moves to the right, where its bullet hangs. What a shaped
word's glyphs say to a PDF reader is `shapedtext.py`'s.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from mghandout.handout.fonts import font_set, markup, script
from mghandout.handout.shapedtext import TEXT_OF

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


def start_side() -> str:
    """Where a box narrower than the page starts: `LEFT`, or `RIGHT` in a right to left document."""
    return "RIGHT" if right_to_left() else "LEFT"


def start_rule() -> str:
    """The table-style command that rules a box's starting edge: `LINEBEFORE`, or `LINEAFTER` right to left."""
    return "LINEAFTER" if right_to_left() else "LINEBEFORE"


def mirror_columns(rows: list[list[T]], commands: list[tuple[Any, ...]], columns: int
                   ) -> tuple[list[list[T]], list[tuple[Any, ...]]]:
    """A table's rows and its style commands with the columns in reading order: in a right to left
    document the first column on the right, each command's cells moved with their columns."""
    if not right_to_left():
        return rows, commands

    def mirrored(command: tuple[Any, ...]) -> tuple[Any, ...]:
        name, (first, top), (last, bottom), *rest = command
        first, last = first % columns, last % columns
        return (name, (columns - 1 - last, top), (columns - 1 - first, bottom), *rest)

    return [row[::-1] for row in rows], [mirrored(command) for command in commands]


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
    letters = NUMBER.sub("", text)  # Arabic-Indic digits are numbers, not Arabic letters
    if RIGHT_TO_LEFT.search(letters):
        return "R"
    if LEFT_TO_RIGHT.search(letters):
        return "L"
    return "N" if NUMBER.search(text) else "-"


def _split(frag: Any) -> list[Any]:
    """A line's fragment cut into its words and the spaces between them, each keeping its shaping.

    Words held together by a no-break space ("911 أو", a number and its unit) were shaped
    as one, in the direction of their script, so they stay one.
    """
    text = getattr(frag, "text", None)
    if not text or hasattr(frag, "cbDefn"):
        return [frag]
    data = getattr(text, "__shapeData__", None)
    pieces = []
    for match in re.finditer(r" +|[^ ]+", text):
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


MIRRORED = " (right to left)"
"""The end of a mirrored style's name: a style is mirrored once."""


def _wrap(paragraph: Paragraph, width: float, height: float, _wrap: Any = Paragraph.wrap) -> tuple[float, float]:
    """reportlab's `wrap`, a right to left paragraph's indents mirrored: its bullet hangs on the right.

    The handout indents a bulleted item on the left, the bullet in the margin, and keeps
    running text to its measure with a right indent; reportlab draws a right to left
    paragraph's bullet at its right edge, inside the first word, and would set the
    measure against the left margin.
    """
    style = paragraph.style
    if style.wordWrap == "RTL" and not style.name.endswith(MIRRORED) and (style.leftIndent or style.rightIndent):
        paragraph.style = ParagraphStyle(style.name + MIRRORED, parent=style, leftIndent=style.rightIndent,
                                         rightIndent=style.leftIndent)
    return _wrap(paragraph, width, height)


Paragraph.wrap = _wrap
