"""Tables: a native table on one slide when it fits, else continued under its repeated header row."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from mghandout.deck.layout import balance
from mghandout.deck.layout.geometry import Geometry
from mghandout.deck.layout.slides import EPS, POINTS, Box, Bullet, Slide, TablePart
from mghandout.deck.layout.text_slides import note_of
from mghandout.deck.measure import sentences, widest_word, words, wrap
from mghandout.model import TableData


SLACK = 0.5
"""Ems of a cell's line kept free: LibreOffice sets bold Vietnamese a little wider than Arimo measures it, and a
line that fits to the point wrapped there, its row growing past the table's frame."""
LARGER = (24.0, 22.0, 20.0)
"""Cell sizes above the theme's that a table takes when it needs no more slides at them: rows that use the slide."""
_TRIED = 40
"""Rows past which a table is set at the theme's cell size alone (each size tried lays the whole table out)."""


@dataclass(frozen=True)
class _Row:
    """A row, or the part of a tall row that fits one slide: `cells` as shown, `height` in inches at the size."""

    cells: tuple[str, ...]
    height: float
    words: int


def table_slides(geo: Geometry, title: str, table: TableData, lead: tuple[Bullet, ...] = ()) -> list[Slide]:
    """The table on one slide when it fits; else as few slides as the rows need, shared evenly, the header on each.

    Set at the largest size (24 pt down to the theme's cell size, or smaller to the floor
    when a column's widest word needs it) that takes no more slides than the theme's size:
    a short table uses the slide rather than its top third. Its caption stands above it on
    the first slide, a line of its own; the sentences before it (`lead`) above the caption
    when that costs no slide. A row too tall for a slide goes on over the next, its cells
    cut between sentences, its first cell repeated and marked continued.
    """
    least = _cell_size(geo, table)
    larger = [size for size in LARGER if size > least + EPS] if len(table.rows) <= _TRIED else []
    best = _laid(geo, title, table, lead, least)
    for size in larger:
        if sum(_least_widths(geo, table, size)) > geo.body.w:
            continue
        slides = _laid(geo, title, table, lead, size)
        if len(slides) <= len(best) and _intro_kept(slides, best):
            return slides
    return best


def _intro_kept(slides: list[Slide], best: list[Slide]) -> bool:
    """A larger size is no better if it pushes the sentences before the table off its first slide."""
    return len(slides[0].intro) >= len(best[0].intro)


def _laid(geo: Geometry, title: str, table: TableData, lead: tuple[Bullet, ...], size: float) -> list[Slide]:
    """The table's slides at cell size `size`."""
    widths = _column_widths(geo, table, size)
    header_h = _row_height(geo, table.header, widths, size, bold=True)
    room = geo.body.h - header_h
    caption = table.caption or ""
    rows = [part for row in table.rows for part in _row_parts(geo, tuple(row), widths, size, room)]
    heights = [row.height for row in rows]
    counts = [row.words for row in rows]
    intro = "\n".join(part for part in (" ".join(b.text for b in lead), caption) if part)
    shares, _ = balance.shares(counts, heights, room, math.inf, math.inf, first=geo.intro_height(caption))
    led, _ = balance.shares(counts, heights, room, math.inf, math.inf, first=geo.intro_height(intro))
    if len(led) == len(shares) and geo.intro_height(intro) < room:
        shares = led
    else:
        intro = caption
    top = geo.body.y + geo.intro_height(intro)
    slides = []
    for index, page in enumerate(balance.cut(rows, shares)):
        part = TablePart(tuple(table.header), tuple(row.cells for row in page), widths,
                         (header_h, *(row.height for row in page)),
                         Box(geo.body.x, top if index == 0 else geo.body.y, sum(widths),
                             header_h + sum(row.height for row in page)), size)
        notes = "\n".join(_row_note(table.header, row) for row in part.rows)
        said = [*(note_of(b) for b in lead if b.text in intro), *([caption] if caption else [])] if index == 0 else []
        slides.append(geo.slide("title_only", title, "\n\n".join([*said, notes]), intro=intro if index == 0 else "",
                                table=part))
    return slides


def _row_parts(geo: Geometry, row: tuple[str, ...], widths: tuple[float, ...], size: float,
               room: float) -> list[_Row]:
    """The row whole when it fits a slide under the header; else in parts that each fit, every cell cut between
    sentences (a sentence taller than a slide between words), the first cell repeated and marked continued."""
    height = _row_height(geo, row, widths, size)
    if height <= room + EPS:
        return [_Row(row, height, sum(words(cell) for cell in row))]
    lines = int((room - 2 * geo.theme.cell_margin - geo.theme.inset * 0.2) / geo.lines_height(1, size))
    pieces = [_cell_pieces(geo, cell, size, _cell_room(geo, width, size), lines, index == 0)
              for index, (cell, width) in enumerate(zip(row, widths, strict=True))]
    label = geo.theme.labels.continued
    parts = []
    for index in range(max(len(cell) for cell in pieces)):
        cells = [cell[index] if index < len(cell) else "" for cell in pieces]
        if index and len(pieces[0]) == 1:
            cells[0] = label.format(title=row[0])
        parts.append(_Row(tuple(cells), _row_height(geo, cells, widths, size), sum(words(cell) for cell in cells)))
    return parts


def _cell_pieces(geo: Geometry, text: str, size: float, room: float, lines: int, bold: bool) -> list[str]:
    """`text` in pieces of at most `lines` lines at `size` in a cell `room` points wide: whole sentences while they
    fit, a sentence longer than that cut between words."""
    pieces: list[str] = []
    current = ""
    for sentence in sentences(text) or [text]:
        joined = f"{current} {sentence}".strip()
        if len(wrap(joined, size, room, bold=bold)) <= lines:
            current = joined
            continue
        if current:
            pieces.append(current)
        current = ""
        for word in sentence.split():
            joined = f"{current} {word}".strip()
            if current and len(wrap(joined, size, room, bold=bold)) > lines:
                pieces.append(current)
                joined = word
            current = joined
    pieces.append(current)
    return pieces


def _row_note(header: list[str], row: tuple[str, ...]) -> str:
    """A row for the speaker notes, as sentences: its first cell, then each other cell after its column's header.

    One line a row, not one a cell: a whole table's notes must fit one notes page at 12 pt.
    """
    return " ".join([_stopped(row[0]), *(_stopped(f"{head}: {cell}") for head, cell in zip(header[1:], row[1:],
                                                                                             strict=True) if cell)])


def _stopped(text: str) -> str:
    """`text` ending as a sentence does, so a reader's voice stops between cells."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…。！？" else f"{text}."


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
    lines = max(len(wrap(cell, size, _cell_room(geo, w, size), bold=bold or i == 0))
                for i, (cell, w) in enumerate(zip(cells, widths, strict=True)))
    return geo.lines_height(lines, size) + 2 * theme.cell_margin + theme.inset * 0.2


def _cell_room(geo: Geometry, width: float, size: float) -> float:
    """Points of line width in a cell `width` inches wide at `size`, `SLACK` kept free."""
    return (width - 2 * geo.theme.cell_margin) * POINTS - SLACK * size
