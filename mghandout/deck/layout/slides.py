"""The laid-out deck as plain data: the contract between the layout step and `writer.py`.

Every box is in inches and every size in points, at the slide size in use; the writer
places and sizes exactly what it is given and decides nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mghandout.deck.measure import words
from mghandout.deck.theme import DeckTheme


POINTS = 72.0


EPS = 1e-9


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in inches."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Bullet:
    """One paragraph of a text slide: an optional bold label, then text; `stacked` puts the label on its own line.

    `note` is the full text behind it for the speaker notes (a paragraph behind its lead
    sentence); None means the bullet's own text is the note.
    """

    text: str
    label: str = ""
    stacked: bool = False
    note: str | None = None
    plain: bool = False
    """Set without a bullet mark, under the bullets' text: a sentence that introduces a list, or a lone paragraph."""


@dataclass(frozen=True)
class FoodColumn:
    """One group of the food grid, at its own size (smaller when a word would not fit the column)."""

    group: str
    items: tuple[str, ...]
    box: Box
    size: float
    split: int = 0
    """In a card two columns wide, how many foods stand in its left column; the rest stand in `second`."""
    second: Box | None = None
    """The right half of a two-column card, under its heading; the left half mirrors it, the heading is above."""


@dataclass(frozen=True)
class TablePart:
    """The rows of a table that fit one slide, under its repeated header row, at `size` points."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    heights: tuple[float, ...]
    box: Box
    size: float


@dataclass(frozen=True)
class Cover:
    """The title slide's quiet identity: a band of the theme's accent and a rule under the title (none on a
    template, which brings its own look), and the clinic."""

    band: Box | None
    rule: Box | None
    clinic: str = ""
    clinic_box: Box | None = None
    logo_box: Box | None = None


@dataclass(frozen=True)
class Mark:
    """What tells a callout's slide from any other, as on the handout: a frame round the body in the kind's colour,
    the kind's icon (a triangle with "!" for a warning, a circled "i" for a tip, named for screen readers by `label`)
    and `label`, the language's word for the kind, beside it."""

    kind: str
    label: str
    ink: str
    frame: Box
    icon: Box
    label_box: Box
    label_size: float
    band: float
    """Inches: the width of the frame's bands, inside `frame`."""


@dataclass(frozen=True)
class Slide:
    """One slide: its layout, title, content and speaker notes."""

    layout: str
    title: str
    title_box: Box
    title_size: float
    notes: str
    body_box: Box | None = None
    body_size: float = 0.0
    bullets: tuple[Bullet, ...] = ()
    subtitle: tuple[str, ...] = ()
    intro: str = ""
    foods: tuple[FoodColumn, ...] = ()
    table: TablePart | None = None
    cover: Cover | None = None
    outro: str = ""
    outro_box: Box | None = None
    """A short paragraph under a grid or table, where it would otherwise take a slide of its own."""
    mark: Mark | None = None
    """On a callout's slides: its frame, icon and label."""
    title_lines: tuple[str, ...] = ()
    """The title's lines where the layout breaks it itself (never after a one-letter word such as "A"); empty when
    the title is left to wrap."""


@dataclass(frozen=True)
class Deck:
    """The whole deck, ready to serialise, with the theme scaled to its slide size."""

    width: float
    height: float
    short_title: str
    theme: DeckTheme
    slides: tuple[Slide, ...] = field(default_factory=tuple)


def body_words(slide: Slide) -> int:
    """Words of body text a slide shows (its bullets, labels included)."""
    return sum(bullet_words(bullet) for bullet in slide.bullets)


def bullet_words(bullet: Bullet) -> int:
    return words(bullet.label) + words(bullet.text)


def joined(bullet: Bullet) -> str:
    return f"{bullet.label}: {bullet.text}" if bullet.label else bullet.text
