"""A figure on the slides, as plain data: beside its section's text when both fit legibly, else on a slide of its own.

The text before a figure (its `lead`) goes in the left part of the body and the picture
in the right when the text then takes one slide and the picture keeps at least `LEGIBLE`
inches across and `BESIDE` of the width it would have alone; else one or two short
sentences stand above the picture on its own slide; otherwise the text has its slides and
the picture a slide of its own, as large as the body allows under its caption. The caption and the
credit are on the slide, at the bullets' floor size; the alt text goes in the picture's
description (`deck/figure_shapes.py`), and the speaker notes say the caption and the alt text.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

import msgspec

from mghandout.deck.layout.geometry import Geometry
from mghandout.deck.layout.slides import POINTS, Box, Bullet, Slide, SlidePicture
from mghandout.deck.layout.text_slides import note_of, text_slides
from mghandout.deck.measure import wrap
from mghandout.images import ImageFile, read_picture
from mghandout.model import FigureData

TEXT_SHARE = 0.55
"""The share of the body's width the text keeps beside a picture."""
LEGIBLE = 3.0
"""Inches across (or down) a picture keeps at least beside text; smaller, it gets a slide of its own."""
BESIDE = 0.6
"""A picture stands beside text only at this share of the width it would have alone: a wide drawing (four steps in a
row) would be too small to read there."""
GAP = 0.3
"""Inches between the text and the picture beside it."""
LONG_CAPTION = 0.3
"""A caption and credit taller than this share of the body go on text slides after the picture, which keeps its
size: nothing of a caption is left off the slides."""
SCREEN_PPI = 96
"""Pixels per inch a raster picture needs on the slide: more than that, it is not enlarged past its own size."""


def figure_slides(geo: Geometry, title: str, figure: FigureData, lead: list[Bullet]) -> list[Slide]:
    """The lead's slides and the figure's: one slide with both when they fit legibly side by side."""
    image = read_picture(Path(figure.image))
    if figure.decorative and not figure.caption and not lead:
        return []  # adds nothing to the text: not worth a slide of its own
    words = _words(figure)
    if words and _words_height(geo, words, geo.body.w) > LONG_CAPTION * geo.body.h:
        bare = msgspec.structs.replace(figure, caption=None, credit=None)
        return [*figure_slides(geo, title, bare, lead), *text_slides(geo, title, [Bullet(words)])]
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
            return [replace(slide, picture=picture, notes=notes)]
        led = _led(geo, title, figure, image, lead, alone)
        if led is not None:
            return [led]
        slides = text_slides(geo, title, lead)
    else:
        slides = []
    picture = _placed(geo, figure, image, geo.body)
    return [*slides, geo.slide("title_only", title, _notes(figure), picture=picture)]


def _led(geo: Geometry, title: str, figure: FigureData, image: ImageFile, lead: list[Bullet],
         alone: SlidePicture) -> Slide | None:
    """The picture's own slide with its one or two short lead sentences above it, when the picture keeps `BESIDE` of
    its size there: a lone "Follow the steps in order." would otherwise take a slide of its own."""
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
    notes = "\n\n".join([*map(note_of, lead), _notes(figure)])
    return geo.slide("title_only", title, notes, intro=intro, picture=picture)


def _notes(figure: FigureData) -> str:
    return "\n\n".join(filter(None, [figure.caption, figure.credit, figure.alt]))


def _words(figure: FigureData) -> str:
    """The caption and the credit, as the slide shows them under the picture."""
    return " ".join(filter(None, [figure.caption, figure.credit]))


def _words_height(geo: Geometry, words: str, width: float) -> float:
    """Inches the caption and credit take under a picture `width` inches wide (none without them)."""
    theme = geo.theme
    lines = len(wrap(words, theme.body_floor, (width - 2 * theme.inset) * POINTS)) if words else 0
    return geo.lines_height(lines, theme.body_floor) + 2 * theme.inset if lines else 0.0


def _placed(geo: Geometry, figure: FigureData, image: ImageFile, room: Box) -> SlidePicture:
    """The picture as large as `room` allows under its caption, centred across it, kept to its aspect."""
    under = _words_height(geo, _words(figure), room.w)
    fit = max(0.0, min(room.w / image.width, (room.h - under) / image.height))
    scale = fit if image.vector else min(fit, max(1 / SCREEN_PPI, fit / 2))
    width, height = image.width * scale, image.height * scale
    top = room.y + (room.h - under - height) / 2
    box = Box(room.x + (room.w - width) / 2, top, width, height)
    caption_box = Box(room.x, top + height, room.w, under) if under else None
    alt = None if figure.decorative else figure.alt
    return SlidePicture(figure.image, box, alt, figure.caption or "", figure.credit or "", caption_box,
                        geo.theme.body_floor)
