"""Food grids: each group one card, side by side, as many a slide as fit; no word broken in a card.

- One card a group: a group too long for a card one column wide gets a card two columns
  wide with its foods in two columns inside it; a group too long even for that (30 foods)
  fills such cards on the slides that follow, each headed "... (continued)" and always
  opening a slide, so a group is never beside its own continuation.
- The grid is read at a glance: the number of columns a slide is chosen for the fewest
  slides, then the fewest groups continued, then the largest type; a card is set at the largest size (22 down to 18 pt) at
  which its widest word fits a line and its foods fit the slide.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from mghandout.deck.layout import balance
from mghandout.deck.layout.geometry import Geometry
from mghandout.deck.layout.slides import EPS, POINTS, Box, Bullet, FoodColumn, Slide
from mghandout.deck.layout.text_slides import note_of
from mghandout.deck.measure import widest_word, wrap
from mghandout.model import FoodGroup, FoodList


@dataclass(frozen=True)
class _Card:
    """A group's card (or a part of a long group's) before it is placed: its span in grid columns and its size."""

    group: str
    items: tuple[str, ...]
    span: int
    size: float
    opens: bool
    """A continued part opens a slide: it is never beside the part before it."""


def food_slides(geo: Geometry, title: str, foods: FoodList, lead: tuple[Bullet, ...]) -> list[Slide]:
    """The groups' cards on the fewest slides, then at the largest type; `lead` stands above the first slide's grid.

    The first slide's intro is the lead and the grid's own intro; the grid's intro is
    repeated above it on the slides that follow.
    """
    theme = geo.theme
    first_intro = " ".join([*(b.text for b in lead), *([foods.intro] if foods.intro else [])])
    tops = (geo.body.y + geo.intro_height(first_intro), geo.body.y + geo.intro_height(foods.intro or ""))
    room = geo.body.y + geo.body.h - max(tops)
    most = max(1, int((geo.body.w + theme.food_gap) // (theme.food_column + theme.food_gap)))
    grids = [_grid(geo, foods, across, room) for across in range(1, most + 1)]
    pages, across = min(grids, key=lambda grid: (len(grid[0]), sum(card.opens for page in grid[0] for card in page),
                                                 -min(card.size for page in grid[0] for card in page)))
    slides = []
    for index, page in enumerate(pages):
        top = tops[min(index, 1)]
        placed = _placed(geo, page, across, top, geo.body.y + geo.body.h - top)
        intro = first_intro if index == 0 else foods.intro or ""
        notes = [*(note_of(b) for b in lead if index == 0), *([foods.intro] if foods.intro else []),
                 "\n".join(f"{card.group}: {', '.join(card.items)}" for card in page)]
        slides.append(geo.slide("title_only", title, "\n\n".join(notes), intro=intro, foods=tuple(placed)))
    return slides


def _grid(geo: Geometry, foods: FoodList, across: int, room: float) -> tuple[list[list[_Card]], int]:
    """The cards on slides of `across` grid columns, in order, on the fewest slides their spans allow, the foods shared
    evenly among them; a continued part opens its slide."""
    width = _width(geo, across)
    cards = [card for group in foods.groups for card in _cards(geo, group, width, min(across, 2), room)]
    if not any(card.opens for card in cards):
        shares, _ = balance.shares([len(card.items) for card in cards], [float(card.span) for card in cards],
                                   float(across), math.inf, math.inf)
        return list(balance.cut(cards, shares)), across
    pages: list[list[_Card]] = []
    used = across
    for card in cards:
        if used + card.span > across or card.opens:
            pages.append([])
            used = 0
        pages[-1].append(card)
        used += card.span
    return pages, across


def _width(geo: Geometry, across: int) -> float:
    """Inches of one grid column when a slide has `across` of them."""
    return (geo.body.w - geo.theme.food_gap * (across - 1)) / across


def _cards(geo: Geometry, group: FoodGroup, width: float, widest: int, room: float) -> list[_Card]:
    """The group as one card a column wide when it fits, else two columns wide (its foods in two columns inside),
    else as cards two columns wide on as many slides as it needs, its foods shared evenly among them.

    A card two columns wide at a larger size wins over one a column wide at the floor: nine
    foods read better in two columns than squeezed into one at the smallest type.
    """
    cards = [card for span in range(1, widest + 1)
             if (card := _card(geo, group.group, tuple(group.items), span, width, room)) is not None]
    if cards:
        narrow = cards[0]
        wider = max(cards, key=lambda card: (card.size, -card.span))
        return [narrow if narrow.span == 1 and narrow.size > geo.theme.food_floor + EPS else wider]
    span = widest
    parts = 2
    while True:
        base, extra = divmod(len(group.items), parts)
        shares = [base + (index < extra) for index in range(parts)]
        starts = [sum(shares[:index]) for index in range(parts)]
        label = geo.theme.labels.continued
        cards = [_card(geo, label.format(title=group.group) if index else group.group,
                       tuple(group.items[start:start + share]), span, width, room)
                 for index, (start, share) in enumerate(zip(starts, shares, strict=True))]
        if all(card is not None for card in cards) or base <= 1:
            return [replace(card, opens=index > 0) if card is not None
                    else _Card(label.format(title=group.group) if index else group.group,
                               tuple(group.items[start:start + share]), span, geo.theme.food_floor, index > 0)
                    for index, (card, start, share) in enumerate(zip(cards, starts, shares, strict=True))]
        parts += 1


def _card(geo: Geometry, group: str, items: tuple[str, ...], span: int, width: float, room: float) -> _Card | None:
    """The card `span` grid columns wide at the largest size whose widest word fits a line and whose foods fit
    `room` inches; None when even the floor does not do."""
    theme = geo.theme
    card_w = span * width + (span - 1) * theme.food_gap
    head_room, item_room = _rooms(geo, card_w, span)
    head = widest_word(group, 1, bold=True) / head_room
    item = max((widest_word(food, 1) for food in items), default=0.0) / item_room
    size = min(theme.food_size, 1 / max(head, item, EPS))
    while size >= theme.food_floor - EPS:
        column = FoodColumn(group, items, Box(0, 0, card_w, room), size, split=_split(items, span))
        if food_column_height(geo, column) <= room + EPS:
            return _Card(group, items, span, size, False)
        size = max(size - 2, theme.food_floor) if size > theme.food_floor + EPS else size - 2
    return None


def _split(items: tuple[str, ...], span: int) -> int:
    """How many foods stand in a two-column card's left column (the first half); 0 for a card of one column."""
    return -(-len(items) // 2) if span > 1 else 0


def _rooms(geo: Geometry, card_w: float, span: int) -> tuple[float, float]:
    """Points of line width for the card's heading and for a food in one of its inner columns (an inset kept free:
    LibreOffice set "Whole-wheat bread (1 slice)" wider than Arimo measures it, and wrapped it)."""
    theme = geo.theme
    head = (card_w - 2 * theme.inset) * POINTS
    inner = (card_w - (span - 1) * theme.food_gap) / span - 3 * theme.inset
    return head, inner * POINTS - theme.food_indent * POINTS


def _placed(geo: Geometry, page: list[_Card], across: int, top: float, room: float) -> list[FoodColumn]:
    """A slide's cards placed left to right, all as tall as the fullest needs; a two-column card's right column
    (`second`) starts under its heading."""
    theme = geo.theme
    width = _width(geo, across)
    columns, x = [], geo.body.x
    for card in page:
        card_w = card.span * width + (card.span - 1) * theme.food_gap
        columns.append(FoodColumn(card.group, card.items, Box(x, top, card_w, room), card.size,
                                  split=_split(card.items, card.span)))
        x += card_w + theme.food_gap
    tallest = max(food_column_height(geo, column) for column in columns)
    placed = []
    for column in columns:
        box = replace(column.box, h=min(room, tallest))
        second = None
        if column.split:
            head = _heading_height(geo, column) - theme.inset
            second = Box(box.x + box.w / 2, box.y + head, box.w / 2, box.h - head)
        placed.append(replace(column, box=box, second=second))
    return placed


def _heading_height(geo: Geometry, column: FoodColumn) -> float:
    """Inches the card's heading takes with the inset above it and the gap under it."""
    theme = geo.theme
    lines = len(wrap(column.group, column.size, (column.box.w - 2 * theme.inset) * POINTS, bold=True))
    return geo.lines_height(lines, column.size) + theme.inset + theme.paragraph_gap / POINTS


def food_column_height(geo: Geometry, column: FoodColumn) -> float:
    """Inches the card's text needs (its heading, then its foods, in two columns when `split`); the layout tests hold
    it to the card's box."""
    theme = geo.theme
    span = 2 if column.split else 1
    _, room = _rooms(geo, column.box.w, span)
    size = column.size
    halves = [column.items[:column.split], column.items[column.split:]] if column.split else [column.items]
    items = max(sum(len(wrap(item, size, room)) for item in half) for half in halves)
    return _heading_height(geo, column) + geo.lines_height(items, size) + theme.inset + theme.inset
