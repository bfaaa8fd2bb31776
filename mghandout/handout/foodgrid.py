"""The food list as a grid of tinted cards, one per food group, in balanced rows that break between rows."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from mghandout.handout.breaking import Breakable
from mghandout.handout.cards import card_style
from mghandout.handout.layout import FoodGrid
from mghandout.handout.styles import BULLET, Styles, text
from mghandout.handout.theme import HandoutTheme


def food_grid(item: FoodGrid, styles: Styles, theme: HandoutTheme, width: float) -> list[Flowable]:
    """The food groups in balanced rows; the grid breaks between rows, its introduction kept with the first."""
    item_style = ParagraphStyle("food", parent=styles.bullet, leftIndent=12, bulletIndent=0)
    cells = [
        [Paragraph(text(group, bold=True), styles.label)]
        + [Paragraph(text(food), item_style, bulletText=BULLET) for food in foods]
        for group, foods in item.groups
    ]
    rows = [cells[i : i + item.columns] for i in range(0, len(cells), item.columns)]

    def build(start: int, stop: int) -> list[Flowable]:
        part, columns = rows[start:stop], item.columns
        table = Table([row + [""] * (columns - len(row)) for row in part], colWidths=[width / columns] * columns)
        white = colors.white
        blank = [("BACKGROUND", (len(row), r), (-1, r), white) for r, row in enumerate(part) if len(row) < columns]
        table.setStyle(card_style(theme, len(part), item.columns, blank))
        intro = [Paragraph(text(item.intro), styles.body)] if item.intro and start == 0 else []
        return [*intro, table]

    return [Breakable(build, len(rows), 1, theme.page_fill), Spacer(1, theme.gap)]
