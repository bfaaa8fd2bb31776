"""deck/table.py sizes a table and fills its cells as python-pptx's column, row and cell setters do.

The same column widths, row heights, frame size (python-pptx re-sums the rows on every
row's height), cell fill, margins and wrapping, written straight into the XML.
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches

from mghandout.deck import table as deck_table


def xml(element: Any) -> bytes:
    return etree.tostring(element, method="c14n", exclusive=True)


def test_a_table_sized_and_filled_as_python_pptx_s_setters_do() -> None:
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    widths, heights = [Inches(1.5), Inches(3.25), Inches(2)], [Inches(0.5), Inches(0.75)]
    frame = slide.shapes.add_table(2, 3, Inches(1), Inches(2), Inches(6), Inches(1))
    mine = copy.deepcopy(frame._element)
    table = frame.table
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row, height in zip(table.rows, heights, strict=True):
        row.height = height
    for cell in (table.cell(r, c) for r in range(2) for c in range(3)):
        cell.fill.solid()
        cell.fill.fore_color.rgb = RGBColor.from_string("CFE6EA")
        cell.margin_left = cell.margin_right = cell.margin_top = cell.margin_bottom = Inches(0.05)
        cell.text_frame.word_wrap = True
    grid = mine.find(".//{*}tbl")
    deck_table._sizes(mine, grid, widths, heights)
    for cell in grid.iter("{*}tc"):
        deck_table._cell(cell, "CFE6EA", Inches(0.05))
    assert xml(mine) == xml(frame._element)
