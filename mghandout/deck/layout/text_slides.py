"""Text slides: every sentence of a run of bullets on as few slides as hold it, each set as large as it fits.

- Fill before multiplying: the run is shared over the fewest slides that hold it at the
  floor of the scale (24 pt); only then is each slide set at the largest size of the scale
  (32, 28, 24 pt) at which its share fits. A short leftover never takes a slide of its own
  while the slide before has room at the floor.
- Shared evenly by height, not by words: the slides of a run are as alike in height as the
  breaks allow (the least sum of squared heights), so a language that writes each syllable
  as a word (Vietnamese) gets the same slides as one that does not.
- A bullet is cut only between sentences, and only where the fewest slides need it (a cut
  inside a paragraph costs more than an uneven split); a sentence too tall for a slide even
  at the floor (one 600-word sentence, a 5,000-character web address) is cut between words,
  and a word too long for a slide between letters: it is shown, never run off the slide.
- What introduces a list stays with it: a `glued` bullet never ends a slide.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from mghandout.deck.layout.geometry import Geometry
from mghandout.deck.layout.slides import EPS, Bullet, Slide, joined
from mghandout.deck.measure import sentences
from mghandout.scripts import join_sentences


STEPS = (4 / 3, 7 / 6, 1.0)
"""The sizes a text slide may take, as shares of the theme's body size (32, 28 and 24 pt): the largest that fits."""
INSIDE = 0.1
"""What a slide break inside a paragraph costs, in squared slide heights: more than any evening-out gains."""
_EXACT = 200
"""Pieces of a run (sentences) up to which every run of them is measured as set; past it, a sum bounds it."""
_LONGEST = 400
"""Words of one sentence measured at a time when it must be cut between words: more than any slide holds."""


@dataclass(frozen=True)
class _Piece:
    """A bullet, or a part of one cut between sentences; `origin` is the bullet's place in the run."""

    bullet: Bullet
    origin: int
    first: bool
    glued: bool
    heading: str = ""
    """A stacked bullet's label (a question), which a part opening a slide repeats, marked continued."""


def text_slides(geo: Geometry, title: str, bullets: Sequence[Bullet], steps: Sequence[float] = STEPS,
                glued: frozenset[int] = frozenset()) -> list[Slide]:
    """`bullets` on the fewest slides that hold them at the smallest of `steps`, shared evenly, each slide as large as
    it fits; `glued`: the places of bullets that must not end a slide (a sentence that introduces a list)."""
    if not bullets:
        return []
    size = geo.body_size(bullets, geo.theme.body_size * steps[-1])
    room = geo.body.h - 2 * geo.theme.inset
    pieces = list(_pieces(geo, bullets, size, room, glued))
    slides = []
    alone = [0.0, *accumulate(geo.bullet_height(_opening(geo, piece), size) for piece in pieces)]
    for page in _pages(pieces, lambda start, end: _height(geo, pieces[start:end], size),
                       lambda start, end: alone[end] - alone[start], room):
        shown = _merged(geo, page)
        largest = next((step * geo.theme.body_size for step in steps
                        if step * geo.theme.body_size >= size - EPS
                        and geo.body_size(shown, step * geo.theme.body_size) >= step * geo.theme.body_size - EPS
                        and geo.fits(shown, step * geo.theme.body_size)), size)
        slides.append(geo.slide("content", title, _notes(shown), body_size=largest, bullets=tuple(shown)))
    return continuing(geo, title, slides)


def _pieces(geo: Geometry, bullets: Sequence[Bullet], size: float, room: float,
            glued: frozenset[int]) -> Iterator[_Piece]:
    """Each bullet cut into its sentences (each sentence cut to what a slide holds); the first keeps the label."""
    for origin, bullet in enumerate(bullets):
        label, stacked, note, first = bullet.label, bullet.stacked, bullet.note, True
        heading = bullet.label if bullet.stacked else ""
        for sentence in sentences(bullet.text) or [bullet.text]:
            for part in _held(geo, replace(bullet, text=sentence, label=label, stacked=stacked, note=note), size,
                              room - _label_height(geo, heading, size)):
                yield _Piece(part, origin, first, origin in glued, heading)
                label, stacked, note, first = "", False, None, False


def _held(geo: Geometry, bullet: Bullet, size: float, room: float) -> Iterator[Bullet]:
    """`bullet` in parts that each fit a slide at `size`: whole when it fits, else cut between words, and a word
    taller than a slide between letters. The first part keeps the label."""
    words = bullet.text.split()
    while words:
        if geo.bullet_height(replace(bullet, text=" ".join(words)), size) <= room + EPS:
            yield replace(bullet, text=" ".join(words))
            return
        fit = _most(lambda count: geo.bullet_height(replace(bullet, text=" ".join(words[:count])), size) <= room + EPS,
                    min(len(words), _LONGEST))
        if fit == 0:
            letters = _most(lambda count: geo.bullet_height(replace(bullet, text=words[0][:count]), size)
                            <= room + EPS, len(words[0]))
            letters = max(letters, 1)
            head, words[0] = words[0][:letters], words[0][letters:]
            yield replace(bullet, text=head)
            words = words if words[0] else words[1:]
        else:
            yield replace(bullet, text=" ".join(words[:fit]))
            words = words[fit:]
        bullet = replace(bullet, label="", stacked=False, note=None)


def _most(holds: object, most: int) -> int:
    """The largest count in 0..`most` for which `holds(count)` is true, `holds` being true up to a point."""
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if holds(middle):  # type: ignore[operator]
            low = middle
        else:
            high = middle - 1
    return low


def _height(geo: Geometry, page: list[_Piece], size: float) -> float:
    """Inches the pieces take on one slide at `size`, set as they would be (a bullet's sentences as one paragraph)."""
    return sum(geo.bullet_height(bullet, size) for bullet in _merged(geo, page))


def _pages(pieces: list[_Piece], height: Callable[[int, int], float], bound: Callable[[int, int], float],
           room: float) -> list[list[_Piece]]:
    """The pieces on the fewest slides that hold them, then with the least sum of squared slide heights (the most
    even), a break inside a paragraph costing `INSIDE`; a glued piece never ends a slide unless nothing else fits.

    `height` sets the pieces as a slide would (a paragraph's sentences together), which takes a
    wrap of their text; `bound`, the pieces set apart (never less), is a sum. In a run of more
    than `_EXACT` pieces, where the bound fits it stands for the height: a paragraph of a
    thousand sentences is then wrapped a few times a slide, not once for every run of them
    (the slides are a little less even, never fuller than they hold).
    """
    exact = len(pieces) <= _EXACT
    for glue in (True, False):
        best: list[tuple[float, float]] = [(0, 0.0)] + [(math.inf, math.inf)] * len(pieces)
        back = [0] * (len(pieces) + 1)
        for end in range(1, len(pieces) + 1):
            if glue and end < len(pieces) and pieces[end - 1].glued:
                continue
            inside = end < len(pieces) and not pieces[end].first
            for start in range(end - 1, -1, -1):
                tall = bound(start, end)
                tall = tall if tall <= room + EPS and not exact else height(start, end)
                if tall > room + EPS and end - start > 1:
                    break
                if best[start][0] == math.inf:
                    continue
                cost = (best[start][0] + 1, best[start][1] + (tall / room) ** 2 + (INSIDE if inside else 0.0))
                if cost < best[end]:
                    best[end], back[end] = cost, start
        if best[-1][0] < math.inf:
            break
    pages, end = [], len(pieces)
    while end > 0:
        pages.append(pieces[back[end]:end])
        end = back[end]
    return pages[::-1]


def _opening(geo: Geometry, piece: _Piece) -> Bullet:
    """The piece as it stands when it opens a slide: a part of an answer under its question, marked continued.

    Measured so for every later part of a stacked bullet, whether or not it opens a slide: a
    slide may then hold a little less than it could, never more.
    """
    if piece.first or not piece.heading:
        return piece.bullet
    return replace(piece.bullet, label=geo.theme.labels.continued.format(title=piece.heading), stacked=True)


def _label_height(geo: Geometry, heading: str, size: float) -> float:
    """Inches a continued label takes above its part (none for a bullet that is not stacked)."""
    if not heading:
        return 0.0
    return geo.bullet_height(Bullet(geo.theme.labels.continued.format(title=heading)), size)


def _merged(geo: Geometry, page: list[_Piece]) -> list[Bullet]:
    """A slide's pieces as bullets again: the sentences of one bullet on one slide are one paragraph, and a stacked
    bullet (a question and its answer) that goes on from the slide before repeats its label, marked continued."""
    shown: list[Bullet] = []
    for index, piece in enumerate(page):
        bullet = _opening(geo, piece) if index == 0 else piece.bullet
        if index and page[index - 1].origin == piece.origin:
            shown[-1] = replace(shown[-1], text=join_sentences([shown[-1].text, bullet.text]))
            continue
        shown.append(bullet)
    return shown


def _notes(bullets: list[Bullet]) -> str:
    """The notes behind a slide's bullets; a sentence cut from a paragraph whose full text is already there is not
    said twice, and on a slide of its own it is its own note."""
    notes: list[str] = []
    for note in map(note_of, bullets):
        if not any(note in said for said in notes):
            notes.append(note)
    return "\n\n".join(notes)


def note_of(bullet: Bullet) -> str:
    if bullet.note is not None:
        return bullet.note
    return f"{bullet.label}\n{bullet.text}" if bullet.stacked else joined(bullet)


def continuing(geo: Geometry, title: str, slides: list[Slide]) -> list[Slide]:
    """Every slide of a topic after its first says so in its title; a slide titled otherwise (a callout) keeps it."""
    label = geo.theme.labels.continued
    seen = False
    result = []
    for slide in slides:
        if slide.title == title:
            if seen:
                continued = label.format(title=title)
                slide = replace(slide, title=continued, title_size=geo.title_size(continued))
            seen = True
        result.append(slide)
    return result
