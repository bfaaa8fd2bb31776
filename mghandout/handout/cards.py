"""The key points as a grid of tinted cards, and the card style the food grid shares.

Two cards to a row, an odd last card across the row. The grid breaks between rows of
cards; a row taller than a good part of a page is cut into bands of a few lines, so a
long key point goes on overleaf under its title and "(continued)", nothing lost.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from mghandout.handout.breaking import BAND_LINES, TALL_ROW, Breakable, cut_row
from mghandout.handout.layout import Labelled
from mghandout.handout.shaping import in_reading_order
from mghandout.handout.styles import Styles, fitted, table_style
from mghandout.handout.theme import HandoutTheme

PADDING = 9.0
"""A card's left and right padding, in points."""


def key_points(item: Labelled, styles: Styles, theme: HandoutTheme, width: float, page: float) -> list[Flowable]:
    """Key points as a grid of tinted cards, `item.columns` to a row (two, or one in large print); an odd last
    card spans the row, so no cell is empty."""
    across = item.columns
    again = ParagraphStyle("cue", parent=styles.label)
    pairs = [item.items[i : i + across] for i in range(0, len(item.items), across)]
    units: list[tuple[int, int, list[Any]]] = []
    """(row of cards, band within it, the band's cells)"""
    titles: list[list[Paragraph]] = []
    continued: list[list[Paragraph]] = []
    for number, pair in enumerate(pairs):
        inner = [width / len(pair) - 2 * PADDING] * len(pair)
        titles.append(
            [
                Paragraph(fitted(label, styles.label, room, styles, True), styles.label)
                for (label, _), room in zip(pair, inner)
            ]
        )
        label = theme.labels.continued
        continued.append(
            [Paragraph(fitted(label.format(title=title), again, room, styles, True), again)
             for (title, _), room in zip(pair, inner)]
        )
        cells = [
            Paragraph(fitted(words, styles.item, room, styles), styles.item) for (_, words), room in zip(pair, inner)
        ]
        bands = cut_row(cells, inner, TALL_ROW * page, BAND_LINES * styles.item.leading)
        units += [(number, band, cells) for band, cells in enumerate(bands)]
    natural = frozenset(index for index, (_, band, _) in enumerate(units) if band == 0 and index)

    def build(start: int, stop: int) -> list[Flowable]:
        rows: list[list[Any]] = []
        cards: list[int] = []
        for index in range(start, stop):
            number, band, cells = units[index]
            if band == 0 or index == start:
                heads = (titles if band == 0 else continued)[number]
                rows.append([head if cell != "" else "" for head, cell in zip(heads, cells)])
                cards.append(number)
            rows.append(list(cells))
            cards.append(number)
        table = Table([in_reading_order(row) + [""] * (across - len(row)) for row in rows],
                      colWidths=[width / across] * across)
        spans = [("SPAN", (0, r), (-1, r)) for r, number in enumerate(cards) if len(pairs[number]) < across]
        starts = [r for r in range(1, len(cards)) if cards[r] != cards[r - 1]]
        table.setStyle(card_style(theme, len(rows), across, spans, starts))
        return [table]

    def reading() -> list[Flowable]:
        """Card by card: each title, then its text's bands."""
        return [
            flowable
            for number, heads in enumerate(titles)
            for column, head in enumerate(heads)
            for flowable in [head, *(cells[column] for row, _, cells in units if row == number)]
            if flowable != ""
        ]

    return [Breakable(build, len(units), 1, theme.page_fill, natural=natural, reading=reading)]


def card_style(
    theme: HandoutTheme, rows: int, columns: int, more: list[tuple[Any, ...]], starts: list[int] | None = None
) -> TableStyle:
    """Tinted cards parted by white rules; every cell is filled (a spanned row is one card). `starts` are the
    table rows where a new row of cards begins, when a card takes several table rows (else every row)."""
    parted = range(1, rows) if starts is None else starts
    inside = [] if starts is None else [r for r in range(1, rows) if r not in starts]
    return table_style(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            *[("TOPPADDING", (0, r), (-1, r), 0) for r in inside],
            *[("BOTTOMPADDING", (0, r - 1), (-1, r - 1), 0) for r in inside],
            ("BACKGROUND", (0, 0), (columns - 1, rows - 1), colors.HexColor(theme.tint)),
            *more,
            ("LINEBEFORE", (1, 0), (-1, -1), 4, colors.white),
            *[("LINEABOVE", (0, r), (-1, r), 4, colors.white) for r in parted],
        ]
    )
