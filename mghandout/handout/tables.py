"""The article's data tables: a header row repeated on every page, broken between rows under a "(continued)" cue."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from mghandout.handout.breaking import Breakable
from mghandout.handout.layout import Grid
from mghandout.handout.styles import Styles, table_style, text
from mghandout.handout.theme import HandoutTheme


def grid(item: Grid, styles: Styles, theme: HandoutTheme, width: float) -> list[Flowable]:
    """The table, broken between rows with two at least on each side; a part that goes on is headed by
    the "(continued)" cue and the repeated header row."""
    rule = colors.HexColor(theme.rule)
    style = table_style(
        [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(theme.header_fill)),
            ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.HexColor(theme.accent)),
            ("LINEBELOW", (0, 1), (-1, -1), 0.5, rule),
            ("BOX", (0, 0), (-1, -1), 0.8, rule),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ]
    )
    body = [
        [
            Paragraph(text(cell, bold=index == 0), styles.cell_head if index == 0 else styles.cell)
            for index, cell in enumerate(row)
        ]
        for row in item.rows
    ]

    def build(start: int, stop: int) -> list[Flowable]:
        header = [Paragraph(text(cell, bold=True), styles.cell_head) for cell in item.header]
        table = Table([header, *body[start:stop]], colWidths=[width * share for share in item.widths], repeatRows=1)
        table.setStyle(style)
        if start:
            return [Paragraph(text(item.continued, bold=True), styles.cue), table]
        return [Paragraph(text(item.caption), styles.body), table] if item.caption else [table]

    return [Breakable(build, len(body), 2, theme.page_fill), Spacer(1, theme.gap)]
