"""The title slide on a user's template: where its title and subtitle go, as the template's designer meant.

The layout step puts the title slide's text in boxes of ours, at the deck's margins.
On a template that boxes the title in its own placeholders, or frames its slides in a
card, or puts a logo where our title starts, that text ran across the template's art
(DNA's helix, Yellow Idea's bulb, a university's shield, Sunset's frame). So the title
and subtitle go in the template's title and subtitle placeholders when they hold
them (the title set smaller, down to its floor); else in our boxes kept inside the
template's card and below its art at the top; else, when neither holds the text, where
the layout put them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from mghandout.deck.backdrop import Backdrop, Rect
from mghandout.deck.layout import POINTS, Box, Slide
from mghandout.deck.measure import wrap
from mghandout.deck.theme import DeckTheme

EMU_PER_INCH = 914400
EPS = 0.01
"""Inches a box may be short by, as rounding leaves the layout's own boxes."""


def on_template(spec: Slide, backdrop: Backdrop | None, theme: DeckTheme) -> Slide:
    """`spec` with its title and subtitle boxes (and title size) where the template wants them, for the title slide
    on a user's template; any other slide as laid out."""
    if backdrop is None or spec.layout != "title":
        return spec
    for title, body in _choices(spec, backdrop, theme):
        fitted = _fitted(spec, title, body, backdrop, theme)
        if fitted is not None:
            return fitted
    return spec


def _choices(spec: Slide, backdrop: Backdrop, theme: DeckTheme) -> Iterator[tuple[Box, Box | None]]:
    """The template's title and subtitle placeholders (the subtitle's cut clear of art, as the body's is), then our
    boxes inside its card and below its art."""
    title = backdrop.placeholder("ctrTitle") or backdrop.placeholder("title")
    subtitle = backdrop.placeholder("subTitle") or backdrop.placeholder("body")
    if title is not None and (subtitle is not None or not spec.subtitle):
        body = backdrop.clear_of_art(subtitle[1]) if spec.subtitle and subtitle is not None else None
        yield inches(title[1]), inches(body) if body is not None else None
    yield _clear(spec, backdrop, theme)


def _clear(spec: Slide, backdrop: Backdrop, theme: DeckTheme) -> tuple[Box, Box | None]:
    """Our title and subtitle boxes narrowed to the card they start on (a framed area of the template that is not
    the whole slide), moved down below the art that reaches into the title from above and ends in it (a logo),
    then each cut clear
    of the art that still meets it (Yellow Idea's bulb beside them, a band at their foot)."""
    title, body = spec.title_box, spec.body_box
    middle = _rect(title).points()[0]
    for card in backdrop.backgrounds(_rect(title)):
        if card.holds(*middle) and not card.contains(_rect(title)):
            left = max(title.x, card.x / EMU_PER_INCH + theme.inset)
            right = min(title.x + title.w, (card.x + card.w) / EMU_PER_INCH - theme.inset)
            title = replace(title, x=left, w=right - left)
            body = replace(body, x=left, w=right - left) if body is not None else None
    box = _rect(title)
    above = [rect for rect in backdrop.art(box) if rect.y <= box.y and rect.y + rect.h < box.y + box.h]
    if above:
        shift = max(rect.y + rect.h for rect in above) / EMU_PER_INCH + theme.title_gap - title.y
        title = replace(title, y=title.y + shift)
        body = replace(body, y=body.y + shift) if body is not None else None
    title = inches(backdrop.clear_of_art(_rect(title)))
    return title, inches(backdrop.clear_of_art(_rect(body))) if body is not None else None


def _fitted(spec: Slide, title: Box, body: Box | None, backdrop: Backdrop, theme: DeckTheme) -> Slide | None:
    """`spec` with its title and subtitle in these boxes, or None where they do not hold them, leave the slide, or
    meet the clinic's line or logo."""
    slide = backdrop.slide_rect()
    boxes = [box for box in (title, body) if box is not None]
    ours = [box for box in (spec.cover.clinic_box, spec.cover.logo_box) if spec.cover is not None and box is not None]
    footer = slide.h / EMU_PER_INCH - theme.footer_height
    if any(not slide.contains(_rect(box)) or box.y + box.h > footer for box in boxes):
        return None
    if any(_rect(box).meets(_rect(other)) for box in boxes for other in ours):
        return None
    size = _fitting_size(spec.title, title, spec.title_size, theme.title_floor, theme)
    if size is None or (spec.subtitle and (body is None or not _subtitle_fits(spec.subtitle, body, theme))):
        return None
    return replace(spec, title_box=title, title_size=size, body_box=body if spec.subtitle else spec.body_box)


def _subtitle_fits(lines: tuple[str, ...], box: Box, theme: DeckTheme) -> bool:
    room = (box.w - 2 * theme.inset) * POINTS
    count = sum(len(wrap(line, theme.subtitle_size, room)) for line in lines)
    needed = (count * theme.subtitle_size * theme.line_spacing + len(lines) * theme.paragraph_gap) / POINTS
    return needed + 2 * theme.inset <= box.h + EPS


def _fitting_size(text: str, box: Box, size: float, floor: float, theme: DeckTheme) -> float | None:
    """The largest whole size from `size` down to `floor` at which the bold `text` fits `box`, or None."""
    room = (box.w - 2 * theme.inset) * POINTS
    while size >= floor:
        lines = len(wrap(text, size, room, bold=True))
        if lines * size * theme.line_spacing / POINTS + 2.5 * theme.inset <= box.h + EPS:
            return size
        size -= 1
    return None


def inches(rect: Rect) -> Box:
    """A rectangle in EMU as a box in inches."""
    return Box(*(length / EMU_PER_INCH for length in (rect.x, rect.y, rect.w, rect.h)))


def _rect(box: Box) -> Rect:
    return Rect(*(round(value * EMU_PER_INCH) for value in (box.x, box.y, box.w, box.h)))
