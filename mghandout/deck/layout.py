"""The deck as plain data: which text goes on which slide, in which box, at what size.

Every split is decided here, by measuring text with Arial's metrics (`measure.py`)
against the boxes of the slide size in use, so nothing overflows in any
presentation program and no "shrink on overflow" flag is needed. `writer.py` only
serialises.

- Slides to present: a text slide shows what `slidetext.py` chooses (the editor's
  `slide:` text, else the lead sentence and every urgent one); the full text is in the
  notes. Text slides aim at `theme.slide_words` words (less when the deck's median text
  slide would pass `theme.slide_words_median`) and never pass `theme.slide_words_most`;
  food grids and tables are read by scanning and are held to
  their boxes, not to the word budget.
- Shared evenly: what continues on a slide titled "... (continued)" is split into the
  fewest slides the budget allows, then so that the heaviest slide is as light, and the
  lightest as heavy, as can be; a sentence never splits across slides; a table that fits
  one slide is not split, and one that does not continues under its repeated header.
- No short text slide alone beside a grid: the sentences before a food grid or table stand
  above its first slide (when that costs no more slides than a slide of their own), and a
  short paragraph after it stands under its last slide when there is room.
- No word broken inside itself: a box whose widest word does not fit gets a smaller size,
  down to the theme's floors, or the grid gets fewer, wider columns.
- One geometry: every content slide has the same title box (the deck's longest title
  decides how many lines, a title longer than that is set smaller) and its body starts at
  the same place.
- Type and boxes scale with the slide (`theme.slide_scale`): a 10-inch 16:9 template gets
  the same slides as PowerPoint's 13.333-inch default.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import partial
from itertools import accumulate
from typing import TypeVar

from mghandout.deck.measure import sentences, widest_word, words, wrap
from mghandout.deck.slidetext import is_urgent, shown
from mghandout.deck.theme import REFERENCE_HEIGHT, REFERENCE_WIDTH, DeckTheme, slide_scale
from mghandout.model import (
    Article,
    Brand,
    Callout,
    FoodGroup,
    FoodList,
    Foods,
    Paragraph,
    Section,
    Table,
    TableData,
    TermList,
)

_T = TypeVar("_T")
POINTS = 72.0
EPS = 1e-9
BALANCE = 0.4
"""The lightest slide of a run holds at least this share of the heaviest one's words, when the run allows it."""
_COUNTED = 2000
"""The most splits counted out one by one (about 16 items on 5 slides); a longer run is split by words alone."""
UNEVEN = 1.5
"""Item counts look even while the fullest slide holds at most this many times the emptiest's (3 + 2, not 2 + 1)."""


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


@dataclass(frozen=True)
class FoodColumn:
    """One group of the food grid, at its own size (smaller when a word would not fit the column)."""

    group: str
    items: tuple[str, ...]
    box: Box
    size: float


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


@dataclass(frozen=True)
class Deck:
    """The whole deck, ready to serialise, with the theme scaled to its slide size."""

    width: float
    height: float
    short_title: str
    theme: DeckTheme
    slides: tuple[Slide, ...] = field(default_factory=tuple)


def body_words(slide: Slide) -> int:
    """Words of body text a slide shows (its bullets, labels included): what the word budget counts."""
    return sum(_words(bullet) for bullet in slide.bullets)


def _words(bullet: Bullet) -> int:
    return words(bullet.label) + words(bullet.text)


class _Geometry:
    """Boxes and text heights for one slide size and theme: one title box and one body box for every content slide."""

    def __init__(self, theme: DeckTheme, width: float, height: float, titles: list[str], identity: bool = True,
                 content: Box | None = None) -> None:
        self.theme, self.width, self.height = theme, width, height
        self.aim = theme.slide_words
        self.identity = identity
        self.memo: dict[tuple[int, str, tuple[Bullet, ...]], list[Slide]] = {}
        self.inner = width - 2 * theme.margin
        self.title_room = (self.inner - 2 * theme.inset) * POINTS
        need = max(len(wrap(title, theme.title_size, self.title_room, bold=True)) for title in titles)
        self.title_lines = min(need, theme.title_lines)
        while any(self._title_size(title) is None for title in titles):
            self.title_lines += 1
        lines = self.lines_height(self.title_lines, theme.title_size)
        self.title_box = Box(theme.margin, theme.title_top, self.inner, lines + 2.5 * theme.inset)
        top = self.title_box.y + self.title_box.h + theme.title_gap
        self.body = _within(Box(theme.margin, top, self.inner, height - theme.footer_height - theme.footer_gap - top),
                            content)

    def _title_size(self, title: str) -> float | None:
        """The largest size, in whole points down to the floor, at which `title` takes the deck's title lines.

        A size at which a word is wider than a line is passed over, but for the floor (the
        word then breaks: nothing smaller is allowed). None when no size takes the lines.
        """
        size = self.theme.title_size
        while size >= self.theme.title_floor - EPS:
            last = size - 1 < self.theme.title_floor - EPS
            if (len(wrap(title, size, self.title_room, bold=True)) <= self.title_lines
                    and (last or widest_word(title, size, bold=True) <= self.title_room)):
                return size
            size -= 1
        return None

    def title_size(self, title: str) -> float:
        size = self._title_size(title)
        assert size is not None
        return size

    def lines_height(self, lines: int, size: float) -> float:
        """Inches taken by `lines` lines at `size` points."""
        return lines * size * self.theme.line_spacing / POINTS

    def text_room(self) -> float:
        """Points of line width inside the body box (insets and the bullet's indent taken off)."""
        return (self.body.w - 2 * self.theme.inset - self.theme.bullet_indent) * POINTS

    def body_size(self, bullets: Iterable[Bullet]) -> float:
        """The body size, or smaller down to the floor when a word (a long web address) is wider than a line."""
        widest = max((max(widest_word(b.label, 1, bold=True), widest_word(b.text, 1)) for b in bullets), default=0)
        return max(self.theme.body_floor, min(self.theme.body_size, self.text_room() / widest if widest else math.inf))

    def bullet_height(self, bullet: Bullet, size: float) -> float:
        room = self.text_room()
        if bullet.stacked:
            lines = len(wrap(bullet.label, size, room, bold=True)) + len(wrap(bullet.text, size, room))
        else:
            lines = len(wrap(_joined(bullet), size, room, bold=bool(bullet.label)))
        return self.lines_height(lines, size) + self.theme.paragraph_gap / POINTS

    def intro_height(self, text: str) -> float:
        """Inches a line or two of body text above a food grid or a table takes, with a gap (none without text)."""
        if not text:
            return 0.0
        lines = len(wrap(text, self.theme.body_size, (self.body.w - 2 * self.theme.inset) * POINTS))
        return self.lines_height(lines, self.theme.body_size) + 3 * self.theme.inset

    def fits(self, bullets: list[Bullet], size: float) -> bool:
        used = sum(self.bullet_height(b, size) for b in bullets) + 2 * self.theme.inset
        return used <= self.body.h + EPS

    def slide(self, layout: str, title: str, notes: str, **content: object) -> Slide:
        """A content slide at the deck's one geometry."""
        return Slide(layout, title, self.title_box, self.title_size(title), notes, self.body, **content)  # type: ignore[arg-type]


def _within(ours: Box, content: Box | None) -> Box:
    """Our body box, kept inside a template's content area (its body placeholder), which may leave room for art at the
    foot; an area less than half ours in either direction is taken for a mistake of the template and passed over."""
    if content is None:
        return ours
    left, top = max(ours.x, content.x), max(ours.y, content.y)
    right, bottom = min(ours.x + ours.w, content.x + content.w), min(ours.y + ours.h, content.y + content.h)
    if right - left < ours.w / 2 or bottom - top < ours.h / 2:
        return ours
    return Box(left, top, right - left, bottom - top)


def _joined(bullet: Bullet) -> str:
    return f"{bullet.label}: {bullet.text}" if bullet.label else bullet.text


def deck_layout(article: Article, theme: DeckTheme, width: float = REFERENCE_WIDTH, height: float = REFERENCE_HEIGHT,
                brand: Brand | None = None, identity: bool = True, content: Box | None = None) -> Deck:
    """Lay the article out on slides of `width` x `height` inches, the theme scaled to that size.

    `identity`: the title slide gets the theme's band and rule (not on a user's template).
    `content`: where a user's template lets content go (its body placeholder, in inches);
    every body box, food card and table stays inside it, clear of art at the template's foot.

    Text slides aim at `theme.slide_words` words; when the deck's median text slide then
    holds more than `theme.slide_words_median`, the aim is lowered until it does not: the
    fewest slides that keep a median slide light.
    """
    scale = slide_scale(width, height)
    geo = _Geometry(theme, width / scale, height / scale, _titles(article, theme), identity,
                    _scaled(content, 1 / scale))
    for geo.aim in range(theme.slide_words, theme.slide_words_median // 2, -2):
        slides = tuple(_slides(article, geo, brand))
        if _median_words(slides) <= theme.slide_words_median:
            break
    return Deck(width, height, article.short_title, theme.scaled(scale), _scaled(slides, scale))


def _scaled(value: _T, factor: float) -> _T:
    """Every length and type size of the laid-out slides times `factor`: all their floats are one or the other.

    The layout is decided at the reference size and scaled last, so a 10-inch 16:9 slide
    gets the very same decisions as a 13.333-inch one, not ones nudged by rounding. At the
    reference size (a factor of 1, which changes no float) the slides are kept as they are:
    rebuilding them was a tenth of the layout's time.
    """
    if factor == 1:
        return value
    if isinstance(value, float):
        return value * factor  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_scaled(item, factor) for item in value)  # type: ignore[return-value]
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _scaled(getattr(value, f.name), factor) for f in fields(value)})
    return value


def _median_words(slides: Iterable[Slide]) -> float:
    """Words of body text on the median text slide (food grids and tables are read by scanning)."""
    return statistics.median([body_words(slide) for slide in slides if slide.layout == "content"] or [0])


def _slides(article: Article, geo: _Geometry, brand: Brand | None) -> list[Slide]:
    """Every slide of the deck, in the article's order."""
    labels = geo.theme.labels
    slides: list[Slide] = [_title_slide(article, geo, brand)]
    urgent = [s for paragraph in article.introduction for s in sentences(paragraph) if is_urgent(s)]
    slides += _text_slides(geo, labels.summary, [Bullet(s) for s in [*sentences(article.summary), *urgent]])
    key_points = [Bullet(shown(p.text, p.slide), p.title, note=f"{p.title}: {p.text}") for p in article.key_points]
    slides += _text_slides(geo, labels.key_points, key_points)
    for section in article.sections:
        slides += _continued(geo, section.title, _section_slides(section, geo))
    if article.faq:
        faq = [Bullet(shown(q.answer), q.question, stacked=True, note=f"{q.question}\n{q.answer}") for q in article.faq]
        slides += _text_slides(geo, labels.faq, faq)
    conclusion = Section(title=article.conclusion.title,
                         blocks=[Paragraph(paragraph=p) for p in article.conclusion.paragraphs])
    slides += _continued(geo, conclusion.title, _section_slides(conclusion, geo))
    if article.references:
        refs = [Bullet(r.text + (f" {r.url}" if r.url else "")) for r in article.references]
        slides += _text_slides(geo, labels.references, refs)
    slides += _text_slides(geo, article.disclaimer.heading(labels), [Bullet(article.disclaimer.text)])
    return slides


def _titles(article: Article, theme: DeckTheme) -> list[str]:
    """Every title a content slide may carry, each also as "... (continued)": they decide the one title box."""
    labels = theme.labels
    topics = [labels.summary, labels.key_points, labels.faq, labels.references, article.disclaimer.heading(labels),
              article.conclusion.title]
    for section in article.sections:
        topics.append(section.title)
        topics += [block.callout.title for block in section.blocks if isinstance(block, Callout)]
    return [title for topic in topics for title in (topic, labels.continued.format(title=topic))]


def _title_slide(article: Article, geo: _Geometry, brand: Brand | None) -> Slide:
    """Title, a subtitle only when it adds to the title, the date, the clinic: left-aligned beside the band."""
    theme = geo.theme
    band = Box(0.0, 0.0, theme.band_width, geo.height - theme.footer_height) if geo.identity else None
    left = (band.w if band else 0.0) + theme.margin
    room_w = geo.width - left - theme.margin
    size = theme.cover_title_size
    lines = len(wrap(article.title, size, (room_w - 2 * theme.inset) * POINTS, bold=True))
    title_h = geo.lines_height(lines, size) + 2.5 * theme.inset
    lines_under = (*_subtitle(article), theme.labels.format_date(article.date))
    under_h = sum(len(wrap(line, theme.subtitle_size, (room_w - 2 * theme.inset) * POINTS)) for line in lines_under)
    under_h = (geo.lines_height(under_h, theme.subtitle_size) + 2 * theme.inset
               + len(lines_under) * theme.paragraph_gap / POINTS)
    gap = 3 * theme.inset
    block = title_h + gap + theme.rule_height + gap + under_h
    top = max(theme.title_top + theme.logo_height, (geo.height - theme.footer_height - block) / 2)
    title_box = Box(left, top, room_w, title_h)
    rule = Box(left + theme.inset, top + title_h + gap, theme.rule_width, theme.rule_height)
    body = Box(left, rule.y + rule.h + gap, room_w, under_h)
    cover = Cover(band, rule if geo.identity else None)
    if brand is not None:
        clinic = " · ".join(part for part in (brand.clinic, brand.phone, brand.website) if part)
        clinic_lines = len(wrap(clinic, theme.clinic_size, (room_w - 2 * theme.inset) * POINTS))
        clinic_h = geo.lines_height(clinic_lines, theme.clinic_size) + 2 * theme.inset
        clinic_box = Box(left, geo.height - theme.footer_height - theme.footer_gap - clinic_h, room_w, clinic_h)
        logo_box = Box(geo.width - theme.margin - theme.logo_width, theme.title_top, theme.logo_width,
                       theme.logo_height)
        cover = replace(cover, clinic=clinic, clinic_box=clinic_box, logo_box=logo_box if brand.logo else None)
    disclaimer = f"{article.disclaimer.heading(theme.labels)}: {article.disclaimer.text}"
    notes = "\n\n".join([article.title, *article.introduction, disclaimer])
    return Slide("title", article.title, title_box, size, notes, body, subtitle=lines_under, cover=cover)


def _subtitle(article: Article) -> tuple[str, ...]:
    """The article's one-line subject, when more than half its words are not already in the title.

    The short title is never a subtitle: it is the title again, shorter (and it is in the footer).
    """
    if not article.subject:
        return ()
    title = set(_plain_words(article.title))
    subject = _plain_words(article.subject)
    new = [word for word in subject if word not in title]
    return (article.subject,) if 2 * len(new) > len(subject) else ()


def _plain_words(text: str) -> list[str]:
    return ["".join(ch for ch in word if ch.isalnum()).casefold() for word in text.split()]


def _text_slides(geo: _Geometry, title: str, bullets: list[Bullet]) -> list[Slide]:
    """Bullets shared evenly over as few slides as the word budget allows; the notes hold the text behind them.

    When whole bullets cannot be shared evenly, they are cut between sentences and shared again.
    """
    size = geo.body_size(bullets)
    room = geo.body.h - 2 * geo.theme.inset
    for cut in (False, True):
        items = list(_fitting(geo, bullets, size, cut))
        counts = [_words(b) for b in items]
        heights = [geo.bullet_height(b, size) for b in items]
        shares, even = _shares(counts, heights, room, geo.aim, geo.theme.slide_words_most)
        if even:
            break
    slides = [geo.slide("content", title, _notes(page), body_size=size, bullets=tuple(page))
              for page in _cut(items, shares)]
    return _continued(geo, title, slides)


def _notes(bullets: list[Bullet]) -> str:
    """The notes behind a slide's bullets; a sentence cut from a paragraph whose full text is already there is not
    said twice, and on a slide of its own it is its own note."""
    notes: list[str] = []
    for note in map(_note, bullets):
        if not any(note in said for said in notes):
            notes.append(note)
    return "\n\n".join(notes)


def _note(bullet: Bullet) -> str:
    if bullet.note is not None:
        return bullet.note
    return f"{bullet.label}\n{bullet.text}" if bullet.stacked else _joined(bullet)


def _fitting(geo: _Geometry, bullets: list[Bullet], size: float, cut: bool = False) -> Iterator[Bullet]:
    """Bullets too tall for a slide or past the word limit (all, when `cut`) are cut between sentences, not inside."""
    for bullet in bullets:
        if not cut and geo.fits([bullet], size) and _words(bullet) <= geo.theme.slide_words_most:
            yield bullet
            continue
        label, stacked, note = bullet.label, bullet.stacked, bullet.note
        for sentence in sentences(bullet.text):
            yield Bullet(sentence, label, stacked, note)
            label, stacked, note = "", False, None


def _cut(items: list, shares: list[int]) -> Iterator[list]:
    start = 0
    for share in shares:
        yield items[start:start + share]
        start += share


def _shares(counts: list[int], heights: list[float], room: float, aim: float, most: float,
            first: float = 0.0) -> tuple[list[int], bool]:
    """How many items go on each slide, and whether that is even: the fewest slides at `aim` words each, shared evenly.

    An item alone may pass `aim` (it was cut to `most` before). Even means two things: by
    words, no slide under `BALANCE` of the heaviest; to the eye, item counts alike (2 + 2 + 2,
    not 1, 2, 1, 2). When the split at `aim` is not even both ways, fewer slides (still under
    `most`) are tried. Heights always bound a slide: `room`, less `first` on the first slide.
    """
    tall = [0.0, *accumulate(heights)]
    many = [0, *accumulate(counts)]

    def fits(cap: float) -> Callable[[int, int], bool]:
        return lambda i, j: j - i == 1 or (tall[j] - tall[i] <= room - (first if i == 0 else 0) + EPS
                                           and many[j] - many[i] <= cap)

    at_aim = _fewest(len(counts), fits(aim))
    splits = [_even_looking(many, slides, fits(aim if slides == at_aim else most))
              for slides in range(at_aim, _fewest(len(counts), fits(most)) - 1, -1)]
    best = min(range(len(splits)), key=lambda order: (not _balanced(many, splits[order]),
                                                      _uneven(splits[order]) > UNEVEN, order))
    return splits[best], any(_balanced(many, split) for split in splits)


def _even_looking(many: list[int], slides: int, fits: Callable[[int, int], bool]) -> list[int]:
    """On `slides` slides that each fit: a split balanced by words, then with item counts as alike as can be, then
    the heaviest slide as light and the lightest as heavy as can be.

    The splits are counted out when there are few enough (a section's bullets, a table's
    rows); past `_COUNTED` the split even by words alone is taken.
    """
    even = _even(many, slides, fits)
    count = len(many) - 1
    if math.comb(count - 1, slides - 1) > _COUNTED:
        return even
    return min([even, *_splits(count, slides, fits)],
               key=lambda split: (not _balanced(many, split), _uneven(split), _heaviest(many, split),
                                  -_lightest(many, split)))


def _splits(count: int, slides: int, fits: Callable[[int, int], bool], start: int = 0) -> Iterator[list[int]]:
    """Every way to put items `start`.. in order on `slides` slides that each fit (a shorter run fits too)."""
    if slides == 1:
        if fits(start, count):
            yield [count - start]
        return
    for end in range(start + 1, count - slides + 2):
        if not fits(start, end):
            return
        yield from ([end - start, *rest] for rest in _splits(count, slides - 1, fits, end))


def _loads(many: list[int], split: list[int]) -> list[int]:
    return [many[j] - many[i] for i, j in zip([0, *accumulate(split)], accumulate(split), strict=False)]


def _heaviest(many: list[int], split: list[int]) -> int:
    return max(_loads(many, split))


def _lightest(many: list[int], split: list[int]) -> int:
    return min(_loads(many, split))


def _uneven(split: list[int]) -> float:
    """How many times the fullest slide's items the emptiest slide's are: 1.0 is even to the eye."""
    return max(split) / min(split)


def _balanced(many: list[int], split: list[int]) -> bool:
    return _lightest(many, split) >= BALANCE * _heaviest(many, split)


def _fewest(count: int, fits: Callable[[int, int], bool]) -> int:
    """The fewest runs of consecutive items that each fit (greedy is optimal: a part of a run that fits fits)."""
    runs, start = 0, 0
    while start < count:
        end = start + 1
        while end < count and fits(start, end + 1):
            end += 1
        runs, start = runs + 1, end
    return runs


def _runs(count: int, slides: int, fits: Callable[[int, int], bool]) -> Callable[[int], Iterator[tuple[int, int]]]:
    """For `_even`: the ends j of the first k slides that can lead to a whole split, each with the first item a slide
    ending there can start at (a longer run does not fit either: the heights and words only add up).

    Without this, `_even` tried every pair of items for every slide count: a table of 2,000 rows took minutes.
    """
    before, after = [0] * (count + 1), [0] * (count + 1)  # the fewest slides for the items before j, and from j
    start = 0
    while start < count:
        end = start + 1
        while end < count and fits(start, end + 1):
            end += 1
        for j in range(start + 1, end + 1):
            before[j] = before[start] + 1
        start = end
    end = count
    while end > 0:
        start = end - 1
        while start > 0 and fits(start - 1, end):
            start -= 1
        for j in range(start, end):
            after[j] = after[end] + 1
        end = start

    def runs(k: int) -> Iterator[tuple[int, int]]:
        for j in range(k, count + 1):
            if before[j] <= k and after[j] <= slides - k:
                first = j - 1
                while first > k - 1 and fits(first - 1, j):
                    first -= 1
                yield j, first

    return runs


def _even(many: list[int], slides: int, fits: Callable[[int, int], bool]) -> list[int]:
    """Items on `slides` slides, in order: the heaviest slide as light as can be, then the lightest as heavy.

    `many` holds the running word counts; two small dynamic programmes over (slides, items).
    """
    count = len(many) - 1
    load = lambda i, j: many[j] - many[i]  # noqa: E731
    runs = _runs(count, slides, fits)
    heaviest = [[math.inf] * (count + 1) for _ in range(slides + 1)]
    heaviest[0][0] = 0
    for k in range(1, slides + 1):
        for j, first in runs(k):
            heaviest[k][j] = min((max(heaviest[k - 1][i], load(i, j)) for i in range(first, j)), default=math.inf)
    bound = heaviest[slides][count]
    lightest = [[-math.inf] * (count + 1) for _ in range(slides + 1)]
    lightest[0][0] = math.inf
    back = [[0] * (count + 1) for _ in range(slides + 1)]
    for k in range(1, slides + 1):
        for j, first in runs(k):
            for i in range(first, j):
                if lightest[k - 1][i] > -math.inf and load(i, j) <= bound:
                    candidate = min(lightest[k - 1][i], load(i, j))
                    if candidate > lightest[k][j]:
                        lightest[k][j], back[k][j] = candidate, i
    shares, j = [], count
    for k in range(slides, 0, -1):
        shares.append(j - back[k][j])
        j = back[k][j]
    return shares[::-1]


def _continued(geo: _Geometry, title: str, slides: list[Slide]) -> list[Slide]:
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


def _section_slides(section: Section, geo: _Geometry) -> list[Slide]:
    """A section's blocks in order: runs of paragraphs and terms as text slides, foods and tables on their own."""
    slides: list[Slide] = []
    pending: list[Bullet] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            pending.append(Bullet(shown(block.paragraph, block.slide), note=block.paragraph))
            continue
        if isinstance(block, TermList):
            pending += [Bullet(shown(t.text, t.slide), t.term, note=f"{t.term}: {t.text}") for t in block.terms]
            continue
        if isinstance(block, Foods | Table):
            slides += _led(geo, section.title, pending, partial(_block_slides, geo, section.title, block))
        else:
            slides = [*_followed(geo, section.title, slides, pending), *_callout_slides(geo, block)]
        pending = []
    return _followed(geo, section.title, slides, pending)


def _block_slides(geo: _Geometry, title: str, block: Foods | Table, lead: tuple[Bullet, ...]) -> list[Slide]:
    """A food grid's or a table's slides, remembered: they do not change with the word aim, which is tried in turn."""
    key = (id(block), title, lead)
    if key not in geo.memo:
        geo.memo[key] = (_food_slides(geo, title, block.foods, lead) if isinstance(block, Foods)
                         else _table_slides(geo, title, block.table, lead))
    return geo.memo[key]


def _callout_slides(geo: _Geometry, block: Callout) -> list[Slide]:
    """A callout on slides of its own, titled as it is, every word on the slide: nothing urgent waits in the notes."""
    callout = block.callout
    bullets = [Bullet(s) for s in sentences(callout.text)] if callout.text else []
    bullets += [Bullet(item) for item in callout.items or ()]
    return _text_slides(geo, callout.title, bullets)


def _led(geo: _Geometry, title: str, lead: list[Bullet],
         slides: Callable[[tuple[Bullet, ...]], list[Slide]]) -> list[Slide]:
    """A food grid or table, led by the one or two sentences before it when they fit above it without costing a slide.

    Otherwise a lone "starts with dietary changes" sentence would take a slide of its own.
    Costing a slide is counted against the lead's own slide: a grid that needs one more
    slide to make room for its lead is no longer than the lead alone before it.
    """
    plain = slides(())
    if not lead:
        return plain
    alone = [*_text_slides(geo, title, lead), *plain]
    if len(lead) <= 2 and not any(b.label for b in lead):
        led = slides(tuple(lead))
        intro_room = (geo.body.w - 2 * geo.theme.inset) * POINTS
        if led[0].intro and len(led) <= len(alone) and len(wrap(led[0].intro, geo.theme.body_size, intro_room)) <= 3:
            return led
    return alone


def _followed(geo: _Geometry, title: str, slides: list[Slide], pending: list[Bullet]) -> list[Slide]:
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
    return [*slides, *_text_slides(geo, title, pending)]


def _under(geo: _Geometry, slide: Slide, bullet: Bullet) -> Slide | None:
    """`slide` with `bullet` as a line or two under its grid or table, or None when they do not fit there."""
    room = (geo.body.w - 2 * geo.theme.inset) * POINTS
    if len(wrap(bullet.text, geo.theme.body_size, room)) > 2:
        return None
    drawn = [slide.table.box] if slide.table is not None else [column.box for column in slide.foods]
    top = max(box.y + box.h for box in drawn) + geo.theme.inset
    box = Box(geo.body.x, top, geo.body.w, geo.intro_height(bullet.text) - geo.theme.inset)
    if box.y + box.h > geo.body.y + geo.body.h + EPS:
        return None
    return replace(slide, outro=bullet.text, outro_box=box, notes="\n\n".join([slide.notes, _note(bullet)]))


def _food_slides(geo: _Geometry, title: str, foods: FoodList, lead: tuple[Bullet, ...]) -> list[Slide]:
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
        notes = [*(_note(b) for b in lead if index == 0), *([foods.intro] if foods.intro else []),
                 "\n".join(f"{g.group}: {', '.join(g.items)}" for g in chunk)]
        slides.append(geo.slide("title_only", title, "\n\n".join(notes), intro=intro, foods=tuple(placed)))
    return slides


def _food_grid(geo: _Geometry, foods: FoodList, across: int,
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
    shares, _ = _shares([len(g.items) for g in groups], [1.0] * len(groups), across, math.inf, math.inf)
    return list(_cut(groups, shares))


def _group_parts(geo: _Geometry, group: FoodGroup, across: int, room: float) -> list[FoodGroup]:
    """A group too long for one column of a full row continues in columns headed "... (continued)", shared evenly."""
    label = geo.theme.labels.continued
    width = _column_width(geo, across)
    parts = 1
    while True:
        size = -(-len(group.items) // parts)
        base, extra = divmod(len(group.items), parts)
        shares = [base + (index < extra) for index in range(parts)]
        cut = [FoodGroup(group=label.format(title=group.group) if index else group.group, items=items)
               for index, items in enumerate(_cut(list(group.items), shares))]
        if size == 1 or all(_column(geo, part, Box(0, 0, width, room)) is not None for part in cut):
            return cut
        parts += 1


def _column_width(geo: _Geometry, across: int) -> float:
    return (geo.body.w - geo.theme.food_gap * (across - 1)) / across


def _food_columns(geo: _Geometry, chunk: list[FoodGroup], top: float, room: float) -> list[FoodColumn] | None:
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


def _column(geo: _Geometry, group: FoodGroup, box: Box) -> FoodColumn | None:
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


def food_column_height(geo: _Geometry, column: FoodColumn) -> float:
    """Inches the column's text needs; the layout tests hold it to the column's box."""
    theme = geo.theme
    room = (column.box.w - 2 * theme.inset) * POINTS
    size = column.size
    lines = len(wrap(column.group, size, room, bold=True))
    items = sum(len(wrap(item, size, room - theme.food_indent * POINTS)) for item in column.items)
    return geo.lines_height(lines + items, size) + 2 * theme.inset + theme.paragraph_gap / POINTS


def _table_slides(geo: _Geometry, title: str, table: TableData, lead: tuple[Bullet, ...] = ()) -> list[Slide]:
    """The table on one slide when it fits; else as few slides as the rows need, shared evenly, the header on each.

    The sentences before it (`lead`) and its caption stand above it when that costs no slide.
    """
    size = _cell_size(geo, table)
    widths = _column_widths(geo, table, size)
    header_h = _row_height(geo, table.header, widths, size, bold=True)
    rows = [tuple(row) for row in table.rows]
    heights = [_row_height(geo, row, widths, size) for row in rows]
    counts = [sum(words(cell) for cell in row) for row in rows]
    intro = " ".join([*(b.text for b in lead), *([table.caption] if table.caption else [])])
    shares, _ = _shares(counts, heights, geo.body.h - header_h, math.inf, math.inf)
    led, _ = _shares(counts, heights, geo.body.h - header_h, math.inf, math.inf, first=geo.intro_height(intro))
    if len(led) == len(shares):
        shares = led
    else:
        intro = ""
    top = geo.body.y + geo.intro_height(intro)
    slides = []
    for index, page in enumerate(_cut(list(zip(rows, heights, strict=True)), shares)):
        part = TablePart(tuple(table.header), tuple(row for row, _ in page), widths, (header_h, *(h for _, h in page)),
                         Box(geo.body.x, top if index == 0 else geo.body.y, sum(widths),
                             header_h + sum(h for _, h in page)), size)
        rows = "\n".join(_row_note(table.header, row) for row in part.rows)
        notes = [*(_note(b) for b in lead), *([table.caption] if table.caption else [])] if index == 0 else []
        slides.append(geo.slide("title_only", title, "\n\n".join([*notes, rows]), intro=intro if index == 0 else "",
                                table=part))
    return slides


def _row_note(header: list[str], row: tuple[str, ...]) -> str:
    """A row for the speaker notes, one line: its first cell, then each other cell after its column's header.

    One line a row, not one a cell: a whole table's notes must fit one notes page at 12 pt.
    """
    return " ".join([f"{row[0]}.", *(f"{head}: {cell}" for head, cell in zip(header[1:], row[1:], strict=True))])


def _cell_size(geo: _Geometry, table: TableData) -> float:
    """The cell size, or smaller down to the floor when the columns' widest words would not fit across the slide."""
    theme = geo.theme
    size = theme.cell_size
    while size - 1 >= theme.cell_floor - EPS and sum(_least_widths(geo, table, size)) > geo.body.w:
        size -= 1
    return size


def _least_widths(geo: _Geometry, table: TableData, size: float) -> list[float]:
    rows = [table.header, *table.rows]
    return [max(widest_word(row[i], size, bold=True) for row in rows) / POINTS + 2 * geo.theme.cell_margin
            + geo.theme.inset for i in range(len(table.header))]


def _column_widths(geo: _Geometry, table: TableData, size: float) -> tuple[float, ...]:
    """Column widths that make the table as short as they can: a table that can fit one slide does.

    Each column starts at its longest word (words never break) plus a share of the rest
    by how much it holds; then width moves between columns while that shortens the table.
    """
    least = _least_widths(geo, table, size)
    rows = [table.header, *table.rows]
    lengths = [sum(len(row[i]) for row in rows) for i in range(len(least))]
    spare = max(geo.body.w - sum(least), 0.0)
    widths = [least[i] + spare * lengths[i] / sum(lengths) for i in range(len(least))]

    def tall(candidate: list[float]) -> float:
        return sum(_row_height(geo, row, tuple(candidate), size, bold=index == 0) for index, row in enumerate(rows))

    best = tall(widths)
    for step in (0.4, 0.1, 0.025):
        moved = True
        while moved:
            moved = False
            for give, take in ((a, b) for a in range(len(widths)) for b in range(len(widths)) if a != b):
                if widths[give] - step < least[give] - EPS:
                    continue
                candidate = list(widths)
                candidate[give] -= step
                candidate[take] += step
                if (height := tall(candidate)) < best - EPS:
                    widths, best, moved = candidate, height, True
    return tuple(widths)


def _row_height(geo: _Geometry, cells: Iterable[str], widths: tuple[float, ...], size: float,
                bold: bool = False) -> float:
    theme = geo.theme
    lines = max(len(wrap(cell, size, (w - 2 * theme.cell_margin) * POINTS, bold=bold or i == 0))
                for i, (cell, w) in enumerate(zip(cells, widths, strict=True)))
    return geo.lines_height(lines, size) + 2 * theme.cell_margin + theme.inset * 0.2
