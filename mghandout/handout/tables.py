"""The article's data tables: a header row repeated on every page, broken between rows under a "(continued)" cue.

A row taller than a good part of a page is cut into bands of a few lines (each cell's
paragraph split between lines, so nothing is lost or clipped), drawn as one row; the
table may then break between bands, the part overleaf opening with the cue, the header
and the row's first cell with "(continued)". It prefers to break between rows where
the page still ends full enough, and keeps two rows (or bands) on each side.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from mghandout.handout.breaking import BAND_LINES, TALL_ROW, Breakable, cut_row, start_height
from mghandout.handout.layout import Grid, RowBlocks
from mghandout.handout.shaping import in_reading_order
from mghandout.handout.styles import Styles, fitted, table_style, text
from mghandout.handout.tablewidth import column_widths
from mghandout.handout.theme import HandoutTheme

PADDING = (3, 5, 6, 6)
"""A cell's top, bottom, left and right padding, in points."""


def grid(item: Grid, styles: Styles, theme: HandoutTheme, width: float, page: float) -> list[Flowable]:
    """The table, broken between rows (or bands of a tall row) with two at least on each side; a part that
    goes on is headed by the "(continued)" cue and the repeated header row."""
    least = column_widths([(head, [row[i] for row in item.rows]) for i, head in enumerate(item.header)], theme)
    widths = _widths([width * share for share in item.widths], least)
    inner = [column - PADDING[2] - PADDING[3] for column in widths]
    again = ParagraphStyle("cue", parent=styles.cell_head)
    bands: list[tuple[int, list[Any]]] = []
    for number, row in enumerate(item.rows):
        cells = [
            Paragraph(fitted(cell, style, room, styles, bold=index == 0), style)
            for index, (cell, room) in enumerate(zip(row, inner))
            for style in [styles.cell_head if index == 0 else styles.cell]
        ]
        cut = cut_row(cells, inner, TALL_ROW * page, BAND_LINES * styles.cell.leading)
        for band in cut:
            for column, cell in enumerate(band):
                if cell != "":
                    cell.band_of = (number, column)  # the structure tree reads the bands as one row
        bands += [(number, band) for band in cut]
    natural = frozenset(index for index in range(1, len(bands)) if bands[index][0] != bands[index - 1][0])

    def build(start: int, stop: int) -> list[Flowable]:
        header = [
            Paragraph(fitted(cell, styles.cell_head, room, styles, True), styles.cell_head)
            for cell, room in zip(item.header, inner)
        ]
        rows = [list(band) for _, band in bands[start:stop]]
        number = bands[start][0]
        if start and bands[start - 1][0] == number:
            label = theme.labels.continued.format(title=_named(item.rows[number][0]))
            rows[0][0] = Paragraph(fitted(label, again, inner[0], styles, True), again)
            rows[0][0].band_of = (number, 0)
        table = Table([in_reading_order(row) for row in [header, *rows]], colWidths=in_reading_order(widths),
                      repeatRows=1)
        table.setStyle(_style(theme, [n for n, _ in bands[start:stop]], bands[stop][0] if stop < len(bands) else None))
        if start:
            return [Paragraph(text(item.continued, bold=True), styles.cue), table]
        return [Paragraph(text(item.caption), styles.body), table] if item.caption else [table]

    return [Breakable(build, len(bands), 2, theme.page_fill, natural=natural), Spacer(1, theme.gap)]


CUE_CHARACTERS = 40
"""A first cell longer than this is named by its first words in the "(continued)" cue of its row."""


def row_blocks(item: RowBlocks, styles: Styles, theme: HandoutTheme, width: float, page: float) -> list[Flowable]:
    """A table as one block per row (large print): the row's first cell as a small heading over each other cell
    under its column's header, so every word of the table is there at a size its columns could not hold.
    A row's heading is kept with its first lines; the row itself may run on overleaf."""
    flowables = [Paragraph(text(item.caption), styles.body)] if item.caption else []
    flowables.append(Paragraph(text(item.note), styles.body))
    for row in item.rows:
        title = Paragraph(text(f"{item.header[0]}: {row[0]}", bold=True), styles.question)
        cells = [
            Paragraph(f"{text(head + ':', bold=True)} {text(cell)}", styles.body)
            for head, cell in zip(item.header[1:], row[1:])
        ]
        flowables += [CondPageBreak(start_height([title, cells[0]], width, page)), title, *cells]
    return [*flowables, Spacer(1, theme.gap)]


def _named(cell: str) -> str:
    """How the cue over a row's next part names the row: its first cell, or that cell's first words and "…"."""
    words = " ".join(cell.split())
    if len(words) <= CUE_CHARACTERS:
        return words
    return words[:CUE_CHARACTERS].rsplit(" ", 1)[0] + "…"


def _widths(wanted: list[float], least: list[float]) -> list[float]:
    """The layout's widths, each raised to its column's narrowest legible width (its widest word, capped,
    and padding: `tablewidth.py`) with the room taken from the columns wider than theirs."""
    widths = list(wanted)
    for _ in widths:
        short = [i for i, w in enumerate(widths) if w < least[i] - 0.01]
        spare = sum(w - least[i] for i, w in enumerate(widths) if w > least[i])
        if not short or spare <= 0:
            break
        need = min(sum(least[i] - widths[i] for i in short), spare)
        cut = need / spare
        widths = [least[i] if i in short else w - cut * max(w - least[i], 0.0) for i, w in enumerate(widths)]
    return widths


def _style(theme: HandoutTheme, rows: list[int], after: int | None) -> Any:
    """Header fill and rule, a rule under each row (none between bands of one row), tight padding inside a row."""
    rule = colors.HexColor(theme.rule)
    top, bottom, left, right = PADDING
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(theme.header_fill)),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.HexColor(theme.accent)),
        ("BOX", (0, 0), (-1, -1), 0.8, rule),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
        ("LEFTPADDING", (0, 0), (-1, -1), left),
        ("RIGHTPADDING", (0, 0), (-1, -1), right),
    ]
    for index, number in enumerate(rows, start=1):
        following = rows[index] if index < len(rows) else after
        if following == number:
            commands.append(("BOTTOMPADDING", (0, index), (-1, index), 0))
            if index < len(rows):
                commands.append(("TOPPADDING", (0, index + 1), (-1, index + 1), 0))
        else:
            commands.append(("LINEBELOW", (0, index), (-1, index), 0.5, rule))
    return table_style(commands)
