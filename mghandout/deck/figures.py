"""A figure on the slides, as plain data: beside its section's text when both fit legibly, else on a slide of its own.

The text before a figure (its `lead`) goes in the left part of the body and the picture
in the right when the text then takes one slide and the picture keeps at least `LEGIBLE`
inches across and `BESIDE` of the width it would have alone; else one or two short
sentences stand above the picture on its own slide; otherwise the text has its slides and
the picture a slide of its own, as large as the body allows under its caption. The caption and the
credit are on the slide, at the bullets' floor size; the alt text goes in the picture's
description (`figure_shapes.py`), and the speaker notes say the caption and the alt text.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mghandout.deck.measure import wrap
from mghandout.images import ImageFile, read_picture

if TYPE_CHECKING:
    from mghandout.deck.layout import Box, Bullet, Slide, _Geometry
    from mghandout.model import FigureData

POINTS = 72.0
TEXT_SHARE = 0.55
"""The share of the body's width the text keeps beside a picture."""
LEGIBLE = 3.0
"""Inches across (or down) a picture keeps at least beside text; smaller, it gets a slide of its own."""
BESIDE = 0.6
"""A picture stands beside text only at this share of the width it would have alone: a wide drawing (four steps in a
row) would be too small to read there."""
GAP = 0.3
"""Inches between the text and the picture beside it."""
SCREEN_PPI = 96
"""Pixels per inch a raster picture needs on the slide: more than that, it is not enlarged past its own size."""


@dataclass(frozen=True)
class SlidePicture:
    """A figure placed on a slide: its file, the box it fills, its words (alt None: decorative), the caption's box."""

    image: str
    box: Box
    alt: str | None
    caption: str
    credit: str
    caption_box: Box | None
    caption_size: float


TextSlides = Callable[["_Geometry", str, "list[Bullet]"], "list[Slide]"]


def figure_slides(geo: _Geometry, title: str, figure: FigureData, lead: list[Bullet],
                  text_slides: TextSlides) -> list[Slide]:
    """The lead's slides and the figure's: one slide with both when they fit legibly side by side."""
    from mghandout.deck.layout import Box

    image = read_picture(Path(figure.image))
    if figure.decorative and not figure.caption and not lead:
        return []  # adds nothing to the text: not worth a slide of its own
    if lead:
        body = geo.body
        narrow = copy.copy(geo)
        narrow.body = Box(body.x, body.y, body.w * TEXT_SHARE, body.h)
        beside = text_slides(narrow, title, lead)
        room = Box(body.x + body.w * TEXT_SHARE + GAP, body.y, body.w * (1 - TEXT_SHARE) - GAP, body.h)
        picture = _placed(geo, figure, image, room)
        alone = _placed(geo, figure, image, body)
        if (len(beside) == 1 and max(picture.box.w, picture.box.h) >= LEGIBLE
                and picture.box.w >= BESIDE * alone.box.w):
            slide = beside[0]
            notes = "\n\n".join(filter(None, [slide.notes, _notes(figure)]))
            return [_with(slide, picture, notes)]
        led = _led(geo, title, figure, image, lead, alone)
        if led is not None:
            return [led]
        slides = text_slides(geo, title, lead)
    else:
        slides = []
    picture = _placed(geo, figure, image, geo.body)
    return [*slides, geo.slide("title_only", title, _notes(figure), picture=picture)]


def _led(geo: _Geometry, title: str, figure: FigureData, image: ImageFile, lead: list[Bullet],
         alone: SlidePicture) -> Slide | None:
    """The picture's own slide with its one or two short lead sentences above it, when the picture keeps `BESIDE` of
    its size there: a lone "Follow the steps in order." would otherwise take a slide of its own."""
    from mghandout.deck.layout import Box

    if len(lead) > 2 or any(bullet.label for bullet in lead):
        return None
    intro = " ".join(bullet.text for bullet in lead)
    body, theme = geo.body, geo.theme
    if len(wrap(intro, theme.body_size, (body.w - 2 * theme.inset) * POINTS)) > 2:
        return None
    top = geo.intro_height(intro)
    picture = _placed(geo, figure, image, Box(body.x, body.y + top, body.w, body.h - top))
    if picture.box.w < BESIDE * alone.box.w:
        return None
    said = [bullet.note if bullet.note is not None else bullet.text for bullet in lead]
    return geo.slide("title_only", title, "\n\n".join([*said, _notes(figure)]), intro=intro, picture=picture)


def _with(slide: Slide, picture: SlidePicture, notes: str) -> Slide:
    from dataclasses import replace

    return replace(slide, picture=picture, notes=notes)


def _notes(figure: FigureData) -> str:
    return "\n\n".join(filter(None, [figure.caption, figure.credit, figure.alt]))


def _placed(geo: _Geometry, figure: FigureData, image: ImageFile, room: Box) -> SlidePicture:
    """The picture as large as `room` allows under its caption, centred across it, kept to its aspect."""
    from mghandout.deck.layout import Box

    theme = geo.theme
    size = theme.body_floor
    words = " ".join(filter(None, [figure.caption, figure.credit]))
    lines = len(wrap(words, size, (room.w - 2 * theme.inset) * POINTS)) if words else 0
    under = geo.lines_height(lines, size) + 2 * theme.inset if lines else 0.0
    fit = min(room.w / image.width, (room.h - under) / image.height)
    scale = fit if image.vector else min(fit, max(1 / SCREEN_PPI, fit / 2))
    width, height = image.width * scale, image.height * scale
    top = room.y + (room.h - under - height) / 2 if lines else room.y + (room.h - height) / 2
    box = Box(room.x + (room.w - width) / 2, top, width, height)
    caption_box = Box(room.x, top + height, room.w, under) if lines else None
    alt = None if figure.decorative else figure.alt
    return SlidePicture(figure.image, box, alt, figure.caption or "", figure.credit or "", caption_box, size)
