"""Food grids: the groups as cards side by side, as many a slide as fit across and down, no word broken in a card."""

from __future__ import annotations

import math
from dataclasses import replace

from mghandout.deck.layout import balance
from mghandout.deck.layout.geometry import Geometry
from mghandout.deck.layout.slides import EPS, POINTS, Box, Bullet, FoodColumn, Slide
from mghandout.deck.layout.text_slides import note_of
from mghandout.deck.measure import widest_word, wrap
from mghandout.model import FoodGroup, FoodList

def food_slides(geo: Geometry, title: str, foods: FoodList, lead: tuple[Bullet, ...]) -> list[Slide]:
    """Groups side by side, as many per slide as fit both across and down, shared evenly among the slides.

    `lead` opens the first slide. A group too long for a column continues in the next
    column, its items shared evenly, so no column is left holding one food.
    """
    theme = geo.theme
    first_intro = " ".join([*(b.text for b in lead), *([foods.intro] if foods.intro else [])])
    tops = (geo.body.y + geo.intro_height(first_intro), geo.body.y + geo.intro_height(foods.intro or ""))
    most = max(1, int((geo.body.w + theme.food_gap) // (theme.food_column + theme.food_gap)))
    grids = [_food_grid(geo, foods, across, tops) for across in range(min(len(foods.groups), most), 0, -1)]
    chunks, columns = min((grid for grid in grids if grid is not None),
                          key=lambda grid: (len(grid[0]), sum(len(chunk) for chunk in grid[0])))
    slides = []
    for index, (chunk, placed) in enumerate(zip(chunks, columns, strict=True)):
        intro = first_intro if index == 0 else foods.intro or ""
        notes = [*(note_of(b) for b in lead if index == 0), *([foods.intro] if foods.intro else []),
                 "\n".join(f"{g.group}: {', '.join(g.items)}" for g in chunk)]
        slides.append(geo.slide("title_only", title, "\n\n".join(notes), intro=intro, foods=tuple(placed)))
    return slides


def _food_grid(geo: Geometry, foods: FoodList, across: int,
               tops: tuple[float, float]) -> tuple[list[list[FoodGroup]], list[list[FoodColumn]]] | None:
    """The groups in at most `across` columns a slide: (groups, columns) per slide, or None when a column cannot fit.

    `tops`: where the grid starts on the first slide (under its lead) and on the others.
    The grid with the fewest slides wins, then the one that cuts the fewest groups, then the widest columns.
    """
    bottom = geo.body.y + geo.body.h
    groups = [part for group in foods.groups for part in _group_parts(geo, group, across, bottom - max(tops))]
    chunks = _chunks(groups, min(across, len(groups)))
    columns = [_food_columns(geo, chunk, tops[min(index, 1)], bottom - tops[min(index, 1)])
               for index, chunk in enumerate(chunks)]
    if any(column is None for column in columns):
        return None
    return chunks, [column for column in columns if column is not None]


def _chunks(groups: list[FoodGroup], across: int) -> list[list[FoodGroup]]:
    """Groups on as few slides as `across` columns allow, the foods shared as evenly as the groups let them."""
    shares, _ = balance.shares([len(g.items) for g in groups], [1.0] * len(groups), across, math.inf, math.inf)
    return list(balance.cut(groups, shares))


def _group_parts(geo: Geometry, group: FoodGroup, across: int, room: float) -> list[FoodGroup]:
    """A group too long for one column of a full row continues in columns headed "... (continued)", shared evenly."""
    label = geo.theme.labels.continued
    width = _column_width(geo, across)
    parts = 1
    while True:
        size = -(-len(group.items) // parts)
        base, extra = divmod(len(group.items), parts)
        shares = [base + (index < extra) for index in range(parts)]
        cut = [FoodGroup(group=label.format(title=group.group) if index else group.group, items=items)
               for index, items in enumerate(balance.cut(list(group.items), shares))]
        if size == 1 or all(_column(geo, part, Box(0, 0, width, room)) is not None for part in cut):
            return cut
        parts += 1


def _column_width(geo: Geometry, across: int) -> float:
    return (geo.body.w - geo.theme.food_gap * (across - 1)) / across


def _food_columns(geo: Geometry, chunk: list[FoodGroup], top: float, room: float) -> list[FoodColumn] | None:
    """Equal columns across the slide, all as tall as the fullest one needs; None when one does not fit."""
    theme = geo.theme
    width = _column_width(geo, len(chunk))
    columns = [_column(geo, group, Box(geo.body.x + i * (width + theme.food_gap), top, width, room))
               for i, group in enumerate(chunk)]
    if any(column is None for column in columns):
        return None
    placed = [column for column in columns if column is not None]
    tallest = max(food_column_height(geo, column) for column in placed)
    return [replace(column, box=replace(column.box, h=min(room, tallest + theme.inset))) for column in placed]


def _column(geo: Geometry, group: FoodGroup, box: Box) -> FoodColumn | None:
    """The group in `box` at the largest size whose widest word fits a line; None when even the floor does not fit."""
    theme = geo.theme
    room = (box.w - 2 * theme.inset) * POINTS
    head = widest_word(group.group, 1, bold=True) / room
    item = max(widest_word(item, 1) for item in group.items) / (room - theme.food_indent * POINTS)
    size = min(theme.food_size, 1 / max(head, item, EPS))
    if size < theme.food_floor - EPS:
        return None
    column = FoodColumn(group.group, tuple(group.items), box, size)
    return column if food_column_height(geo, column) <= box.h - theme.inset + EPS else None


def food_column_height(geo: Geometry, column: FoodColumn) -> float:
    """Inches the column's text needs; the layout tests hold it to the column's box."""
    theme = geo.theme
    room = (column.box.w - 2 * theme.inset) * POINTS
    size = column.size
    lines = len(wrap(column.group, size, room, bold=True))
    items = sum(len(wrap(item, size, room - theme.food_indent * POINTS)) for item in column.items)
    return geo.lines_height(lines + items, size) + 2 * theme.inset + theme.paragraph_gap / POINTS
