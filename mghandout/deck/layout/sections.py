"""A section's blocks in order, and the text around a grid or table kept with it rather than alone on a slide."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from mghandout.deck.layout.callouts import callout_slides
from mghandout.deck.layout.food_grids import food_slides
from mghandout.deck.layout.geometry import Geometry
from mghandout.deck.layout.slides import EPS, POINTS, Box, Bullet, Slide
from mghandout.deck.layout.tables import table_slides
from mghandout.deck.layout.text_slides import note_of, text_slides
from mghandout.deck.measure import wrap
from mghandout.deck.slidetext import shown
from mghandout.model import Foods, Paragraph, Section, Table, TermList


def section_slides(section: Section, geo: Geometry) -> list[Slide]:
    """A section's blocks in order: runs of paragraphs and terms as text slides, foods, tables and callouts on their
    own; a sentence that introduces a list ("... these signs:") stays with it, and a callout that opens the section
    carries the section's title, which would otherwise be on no slide."""
    slides: list[Slide] = []
    pending: list[Bullet] = []
    glued: set[int] = set()
    for block in section.blocks:
        if isinstance(block, Paragraph):
            pending.append(Bullet(shown(block.paragraph, block.slide), note=block.paragraph))
            continue
        if isinstance(block, TermList):
            if pending and introduces(pending[-1]):
                pending[-1] = replace(pending[-1], plain=True)
                glued.add(len(pending) - 1)
            pending += [Bullet(shown(t.text, t.slide), t.term, note=f"{t.term}: {t.text}") for t in block.terms]
            continue
        if isinstance(block, Foods | Table):
            slides += _led(geo, section.title, pending, partial(_block_slides, geo, section.title, block))
        else:
            opening = not slides and not pending and block.callout.title != section.title
            slides = [*_followed(geo, section.title, slides, pending, frozenset(glued)),
                      *callout_slides(geo, block, section.title if opening else None)]
        pending, glued = [], set()
    return _followed(geo, section.title, slides, pending, frozenset(glued))


def introduces(bullet: Bullet) -> bool:
    """A paragraph that ends with a colon introduces the list after it."""
    return not bullet.label and bullet.text.rstrip().endswith((":", "："))


def _block_slides(geo: Geometry, title: str, block: Foods | Table, lead: tuple[Bullet, ...]) -> list[Slide]:
    """A food grid's or a table's slides, the sentences before it (`lead`) above it when they fit."""
    if isinstance(block, Foods):
        return food_slides(geo, title, block.foods, lead)
    return table_slides(geo, title, block.table, lead)


def _led(geo: Geometry, title: str, lead: list[Bullet],
         slides: Callable[[tuple[Bullet, ...]], list[Slide]]) -> list[Slide]:
    """A food grid or table, led by the one or two sentences before it when they fit above it without costing a slide.

    Otherwise a lone "starts with dietary changes" sentence would take a slide of its own.
    Costing a slide is counted against the lead's own slide: a grid that needs one more
    slide to make room for its lead is no longer than the lead alone before it.
    """
    plain = slides(())
    if not lead:
        return plain
    alone = [*text_slides(geo, title, lead), *plain]
    if len(lead) <= 2 and not any(b.label for b in lead):
        led = slides(tuple(lead))
        intro_room = (geo.body.w - 2 * geo.theme.inset) * POINTS
        lines = sum(len(wrap(part, geo.theme.body_size, intro_room)) for part in led[0].intro.split("\n"))
        if all(b.text in led[0].intro for b in lead) and len(led) <= len(alone) and lines <= 4:
            return led
    return alone


def _followed(geo: Geometry, title: str, slides: list[Slide], pending: list[Bullet],
              glued: frozenset[int] = frozenset()) -> list[Slide]:
    """`slides` and the text after them: a short paragraph right after a grid or table stands under its last slide.

    Otherwise a "Limit sugary drinks." sentence closing a section would take a slide of its own.
    """
    if not pending:
        return slides
    last = slides[-1] if slides else None
    if last is not None and (last.foods or last.table) and len(pending) == 1 and not pending[0].label:
        under = _under(geo, last, pending[0])
        if under is not None:
            return [*slides[:-1], under]
    return [*slides, *text_slides(geo, title, pending, glued=glued)]


def _under(geo: Geometry, slide: Slide, bullet: Bullet) -> Slide | None:
    """`slide` with `bullet` as a line or two under its grid or table, or None when they do not fit there."""
    room = (geo.body.w - 2 * geo.theme.inset) * POINTS
    if len(wrap(bullet.text, geo.theme.body_size, room)) > 2:
        return None
    drawn = [slide.table.box] if slide.table is not None else [column.box for column in slide.foods]
    top = max(box.y + box.h for box in drawn) + geo.theme.inset
    box = Box(geo.body.x, top, geo.body.w, geo.intro_height(bullet.text) - geo.theme.inset)
    if box.y + box.h > geo.body.y + geo.body.h + EPS:
        return None
    return replace(slide, outro=bullet.text, outro_box=box, notes="\n\n".join([slide.notes, note_of(bullet)]))
