"""A table slide's table: made by python-pptx, then sized and its cells filled in their XML.

python-pptx's column width and row height setters each re-sum the whole table to size
its frame, and its cell fill, margin and text properties go through proxies for every
cell: half the time of a deck with a table. Here the sizes are set once and each cell
is written as python-pptx's setters write it.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.slide import Slide as PptxSlide
from pptx.util import Inches

from mghandout.deck.layout import Slide
from mghandout.deck.text import run, spacing
from mghandout.deck.theme import DeckTheme

_ROW, _CELL, _CELL_PR, _TABLE_TEXT = qn("a:tr"), qn("a:tc"), qn("a:tcPr"), qn("a:txBody")
_GRID, _GRID_COLUMN, _FRAME_XFRM = qn("a:tblGrid"), qn("a:gridCol"), qn("p:xfrm")
_P, _BODY_PR, _FILL, _RGB = qn("a:p"), qn("a:bodyPr"), qn("a:solidFill"), qn("a:srgbClr")
_FILLS = frozenset(qn(tag) for tag in ("a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill",
                                       "a:grpFill"))
_AFTER_FILL = (qn("a:headers"), qn("a:extLst"))
"""What follows a table cell's fill, in the schema's order."""


def table(slide: PptxSlide, spec: Slide, theme: DeckTheme) -> None:
    """The slide's table where the layout put it: a header row, its first column bold, no banding."""
    part = spec.table
    assert part is not None
    rows = [part.header, *part.rows]
    graphic = slide.shapes.add_table(len(rows), len(part.header), Inches(part.box.x), Inches(part.box.y),
                                     Inches(part.box.w), Inches(part.box.h))
    grid = graphic.table
    grid.first_row = True
    grid.horz_banding = False
    _sizes(graphic._element, grid._tbl, [Inches(width) for width in part.widths],
           [Inches(height) for height in part.heights])
    for r, (cells, row) in enumerate(zip(rows, grid._tbl.iterchildren(_ROW), strict=True)):
        fill = str(RGBColor.from_string(theme.header_fill if r == 0 else "FFFFFF"))
        for c, (text, cell) in enumerate(zip(cells, row.iterchildren(_CELL), strict=True)):
            _cell(cell, fill, Inches(theme.cell_margin))
            paragraph = cell.find(_TABLE_TEXT).find(_P)
            spacing(paragraph, after=0)
            run(paragraph, text, part.size, theme, bold=r == 0 or c == 0)


def _sizes(graphic: Any, tbl: Any, widths: list[int], heights: list[int]) -> None:
    """Column widths and row heights (EMU) of the `a:tbl`, and its graphic frame the size of their sums, as
    python-pptx's width and height setters leave them: each of those sums every row again, once per row."""
    for column, width in zip(tbl.find(_GRID).iterchildren(_GRID_COLUMN), widths, strict=True):
        column.set("w", str(width))
    for row, height in zip(tbl.iterchildren(_ROW), heights, strict=True):
        row.set("h", str(height))
    extent = graphic.find(_FRAME_XFRM).find(qn("a:ext"))
    extent.set("cx", str(sum(widths)))
    extent.set("cy", str(sum(heights)))


def _cell(cell: Any, fill: str, margin: int) -> None:
    """A new table cell (`a:tc`) filled with `fill`, with `margin` all round and its text wrapped.

    Written as python-pptx's cell fill, margin and word_wrap setters write it (every
    margin, in that order) into the cell python-pptx made: its proxies, once per cell,
    were half the time of a deck with a table.
    """
    properties = cell.find(_CELL_PR)
    for old in [child for child in properties if child.tag in _FILLS]:
        properties.remove(old)
    solid = etree.Element(_FILL)
    etree.SubElement(solid, _RGB, val=fill)
    after = next((found for tag in _AFTER_FILL if (found := properties.find(tag)) is not None), None)
    if after is None:
        properties.append(solid)
    else:
        after.addprevious(solid)
    for name in ("marL", "marR", "marT", "marB"):
        properties.set(name, str(margin))
    cell.find(_TABLE_TEXT).find(_BODY_PR).set("wrap", "square")
