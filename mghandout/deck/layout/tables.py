"""Tables: a native table on one slide when it fits, else continued under its repeated header row."""

from __future__ import annotations

import math
from collections.abc import Iterable

from mghandout.deck.layout import balance
from mghandout.deck.layout.geometry import Geometry
from mghandout.deck.layout.slides import EPS, POINTS, Box, Bullet, Slide, TablePart
from mghandout.deck.layout.text_slides import note_of
from mghandout.deck.measure import widest_word, words, wrap
from mghandout.model import TableData

def table_slides(geo: Geometry, title: str, table: TableData, lead: tuple[Bullet, ...] = ()) -> list[Slide]:
    """The table on one slide when it fits; else as few slides as the rows need, shared evenly, the header on each.

    The sentences before it (`lead`) and its caption stand above it when that costs no slide.
    """
    size = _cell_size(geo, table)
    widths = _column_widths(geo, table, size)
    header_h = _row_height(geo, table.header, widths, size, bold=True)
    rows = [tuple(row) for row in table.rows]
    heights = [_row_height(geo, row, widths, size) for row in rows]
    counts = [sum(words(cell) for cell in row) for row in rows]
    intro = " ".join([*(b.text for b in lead), *([table.caption] if table.caption else [])])
    shares, _ = balance.shares(counts, heights, geo.body.h - header_h, math.inf, math.inf)
    led, _ = balance.shares(counts, heights, geo.body.h - header_h, math.inf, math.inf, first=geo.intro_height(intro))
    if len(led) == len(shares):
        shares = led
    else:
        intro = ""
    top = geo.body.y + geo.intro_height(intro)
    slides = []
    for index, page in enumerate(balance.cut(list(zip(rows, heights, strict=True)), shares)):
        part = TablePart(tuple(table.header), tuple(row for row, _ in page), widths, (header_h, *(h for _, h in page)),
                         Box(geo.body.x, top if index == 0 else geo.body.y, sum(widths),
                             header_h + sum(h for _, h in page)), size)
        rows = "\n".join(_row_note(table.header, row) for row in part.rows)
        notes = [*(note_of(b) for b in lead), *([table.caption] if table.caption else [])] if index == 0 else []
        slides.append(geo.slide("title_only", title, "\n\n".join([*notes, rows]), intro=intro if index == 0 else "",
                                table=part))
    return slides


def _row_note(header: list[str], row: tuple[str, ...]) -> str:
    """A row for the speaker notes, one line: its first cell, then each other cell after its column's header.

    One line a row, not one a cell: a whole table's notes must fit one notes page at 12 pt.
    """
    return " ".join([f"{row[0]}.", *(f"{head}: {cell}" for head, cell in zip(header[1:], row[1:], strict=True))])


def _cell_size(geo: Geometry, table: TableData) -> float:
    """The cell size, or smaller down to the floor when the columns' widest words would not fit across the slide."""
    theme = geo.theme
    size = theme.cell_size
    while size - 1 >= theme.cell_floor - EPS and sum(_least_widths(geo, table, size)) > geo.body.w:
        size -= 1
    return size


def _least_widths(geo: Geometry, table: TableData, size: float) -> list[float]:
    rows = [table.header, *table.rows]
    return [max(widest_word(row[i], size, bold=True) for row in rows) / POINTS + 2 * geo.theme.cell_margin
            + geo.theme.inset for i in range(len(table.header))]


def _column_widths(geo: Geometry, table: TableData, size: float) -> tuple[float, ...]:
    """Column widths that make the table as short as they can: a table that can fit one slide does.

    Each column starts at its longest word (words never break) plus a share of the rest
    by how much it holds; then width moves between columns while that shortens the table.
    """
    least = _least_widths(geo, table, size)
    rows = [table.header, *table.rows]
    lengths = [sum(len(row[i]) for row in rows) for i in range(len(least))]
    spare = max(geo.body.w - sum(least), 0.0)
    widths = [least[i] + spare * lengths[i] / sum(lengths) for i in range(len(least))]

    def tall(candidate: list[float]) -> float:
        return sum(_row_height(geo, row, tuple(candidate), size, bold=index == 0) for index, row in enumerate(rows))

    best = tall(widths)
    for step in (0.4, 0.1, 0.025):
        moved = True
        while moved:
            moved = False
            for give, take in ((a, b) for a in range(len(widths)) for b in range(len(widths)) if a != b):
                if widths[give] - step < least[give] - EPS:
                    continue
                candidate = list(widths)
                candidate[give] -= step
                candidate[take] += step
                if (height := tall(candidate)) < best - EPS:
                    widths, best, moved = candidate, height, True
    return tuple(widths)


def _row_height(geo: Geometry, cells: Iterable[str], widths: tuple[float, ...], size: float,
                bold: bool = False) -> float:
    theme = geo.theme
    lines = max(len(wrap(cell, size, (w - 2 * theme.cell_margin) * POINTS, bold=bold or i == 0))
                for i, (cell, w) in enumerate(zip(cells, widths, strict=True)))
    return geo.lines_height(lines, size) + 2 * theme.cell_margin + theme.inset * 0.2
