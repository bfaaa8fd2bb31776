"""How narrow a table's columns can be at the handout's table type: the one length limit no layout escapes.

A cell wraps its words onto as many lines as it needs and a row flows across pages,
so no cell is too long; but a column narrower than its words, or than a few letters,
prints nothing legible. The source check asks this module whether a table's columns,
each at its narrowest, fit across the narrower paper's text width.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch

from mghandout.handout.fonts import text_width
from mghandout.handout.theme import HandoutTheme

CELL_PADDING = 12.0
"""A cell's left and right padding together, in points, as the handout's tables set them."""
WORD_EMS = 6.0
"""A word wider than this many ems breaks at its hyphenation points, so it needs no more room than this."""


def page_room(theme: HandoutTheme | None = None) -> float:
    """The width a table may use on the narrower of the papers, in points."""
    theme = theme or HandoutTheme()
    return min(LETTER[0], A4[0]) - 2 * theme.margin_inch * inch


def column_widths(columns: list[tuple[str, list[str]]], theme: HandoutTheme | None = None) -> list[float]:
    """Each column's narrowest legible width: its widest word (capped), in bold for the header and the first column."""
    theme = theme or HandoutTheme()
    size = theme.table_size
    widths = []
    for index, (header, cells) in enumerate(columns):
        words = [(word, True) for word in header.split()]
        words += [(word, index == 0) for cell in cells for word in cell.split()]
        widest = max((text_width(word, size, bold) for word, bold in words), default=0.0)
        widths.append(CELL_PADDING + min(widest, WORD_EMS * size))
    return widths

