"""The key points as a grid of tinted cards, and the card style the food grid shares."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from mghandout.handout.layout import Labelled
from mghandout.handout.styles import Styles, table_style, text
from mghandout.handout.theme import HandoutTheme


def key_points(item: Labelled, styles: Styles, theme: HandoutTheme, width: float) -> list[Flowable]:
    """Key points as a two-column grid of tinted cards; an odd last card spans the row, so no cell is empty."""
    cells = [
        [Paragraph(text(label, bold=True), styles.label), Paragraph(text(words), styles.item)]
        for label, words in item.items
    ]
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    spans = [("SPAN", (0, r), (1, r)) for r, row in enumerate(rows) if len(row) == 1]
    table = Table([row + [""] * (2 - len(row)) for row in rows], colWidths=[width / 2] * 2)
    table.setStyle(card_style(theme, len(rows), 2, spans))
    return [table]


def card_style(theme: HandoutTheme, rows: int, columns: int, more: list[tuple[Any, ...]]) -> TableStyle:
    """Tinted cards parted by white rules; every cell is filled (a spanned row is one card)."""
    return table_style(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 9),
            ("RIGHTPADDING", (0, 0), (-1, -1), 9),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("BACKGROUND", (0, 0), (columns - 1, rows - 1), colors.HexColor(theme.tint)),
            *more,
            ("LINEBEFORE", (1, 0), (-1, -1), 4, colors.white),
            ("LINEABOVE", (0, 1), (-1, -1), 4, colors.white),
        ]
    )
