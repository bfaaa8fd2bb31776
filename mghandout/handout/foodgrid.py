"""The food list as a grid of tinted cards, one per food group, in balanced rows.

The grid flows by lines of foods, not by whole rows: a row of groups too tall for the
room left goes on overleaf, each group's card continuing under its name and
"(continued)", so a group of any length prints whole. It breaks between rows where
that leaves the page full enough, and never leaves one food line alone on a side. A
food itself taller than a good part of a page (a clinic's item can be a paragraph) is
cut into pieces of a few lines, so the grid can break inside it too.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from mghandout.handout.breaking import BAND_LINES, TALL_ROW, Breakable, cut_row
from mghandout.handout.cards import PADDING, card_style
from mghandout.handout.layout import FoodGrid
from mghandout.handout.shaping import mirror_columns
from mghandout.handout.styles import BULLET, Styles, fitted, text
from mghandout.handout.theme import HandoutTheme


def food_grid(item: FoodGrid, styles: Styles, theme: HandoutTheme, width: float, page: float) -> list[Flowable]:
    """The food groups in balanced rows of cards, flowing across pages line by line, the introduction first."""
    item_style = ParagraphStyle("food", parent=styles.bullet, leftIndent=12, bulletIndent=0)
    # A "cue" is an artifact for screen readers: the group's name was read where its card began.
    again_style = ParagraphStyle("cue", parent=styles.label)
    columns = item.columns
    room = width / columns - 2 * PADDING
    titles = [Paragraph(fitted(group, styles.label, room, styles, True), styles.label) for group, _ in item.groups]
    again = [
        Paragraph(fitted(theme.labels.continued.format(title=group), again_style, room, styles, True), again_style)
        for group, _ in item.groups
    ]
    inner = room - item_style.leftIndent
    foods = [
        [piece for food in group for piece in _pieces(
            Paragraph(fitted(food, item_style, inner, styles), item_style, bulletText=BULLET), inner, page)]
        for _, group in item.groups
    ]
    rows = [range(first, min(first + columns, len(foods))) for first in range(0, len(foods), columns)]
    lines = [(r, j) for r, row in enumerate(rows) for j in range(max(1, *(len(foods[g]) for g in row)))]
    natural = frozenset(index for index, (_, j) in enumerate(lines) if j == 0 and index)
    # Made once, like every paragraph here: each part shows the same ones, so the structure tree has each once.
    intro = [Paragraph(text(item.intro), styles.body)] if item.intro else []

    def build(start: int, stop: int) -> list[Flowable]:
        cells: list[list[Any]] = []
        blank: list[tuple[Any, ...]] = []
        for r, row in enumerate(rows):
            span = [j for row_of, j in lines[start:stop] if row_of == r]
            if not span:
                continue
            first, last = span[0], span[-1] + 1
            line: list[Any] = []
            for column, group in enumerate(row):
                if first and first >= len(foods[group]):
                    line.append("")
                    blank.append(("BACKGROUND", (column, len(cells)), (column, len(cells)), colors.white))
                    continue
                line.append([again[group] if first else titles[group], *foods[group][first:last]])
            blank += [("BACKGROUND", (len(row), len(cells)), (-1, len(cells)), colors.white)] * (len(row) < columns)
            cells.append(line + [""] * (columns - len(row)))
        cells, blank = mirror_columns(cells, blank, columns)
        table = Table(cells, colWidths=[width / columns] * columns)
        table.setStyle(card_style(theme, len(cells), columns, blank))
        return [*(intro if start == 0 else []), table]

    return [Breakable(build, len(lines), 2, theme.page_fill, natural=natural), Spacer(1, theme.gap)]


def _pieces(food: Paragraph, width: float, page: float) -> list[Paragraph]:
    """The food as one paragraph, or, taller than a good part of a page, cut between lines into pieces that
    the grid's lines carry one each; the pieces after the first continue its list item (`continues`)."""
    pieces = [band[0] for band in cut_row([food], [width], TALL_ROW * page, BAND_LINES * food.style.leading)]
    for piece in pieces[1:]:
        piece.continues = True
    return pieces
