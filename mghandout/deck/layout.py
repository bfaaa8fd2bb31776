"""The deck as plain data: which text goes on which slide, in which box, at what size.

Every split is decided here, by measuring text with Arial's metrics (`measure.py`)
against the boxes of the slide size in use, so nothing overflows in any
presentation program and no "shrink on overflow" flag is needed. What does not fit
continues on a slide titled "... (continued)"; a sentence never splits across
slides; a table continues with its header row repeated. `writer.py` only serialises.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from mghandout.deck.measure import sentences, width, wrap
from mghandout.deck.theme import DeckTheme
from mghandout.model import Article, Callout, FoodGroup, FoodList, Foods, Paragraph, Section, TableData, TermList

POINTS = 72.0
FOOD_INDENT = 0.25
"""Inches between a food item's bullet and its text."""
FOOD_COLUMN, FOOD_GAP = 2.4, 0.2
"""The narrowest food column and the gap between columns, in inches."""


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
    """One group of the food grid."""

    group: str
    items: tuple[str, ...]
    box: Box


@dataclass(frozen=True)
class TablePart:
    """The rows of a table that fit one slide, under its repeated header row."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    heights: tuple[float, ...]
    box: Box


@dataclass(frozen=True)
class Slide:
    """One slide: its layout, title, content and speaker notes."""

    layout: str
    title: str
    title_box: Box
    notes: str
    body_box: Box | None = None
    bullets: tuple[Bullet, ...] = ()
    subtitle: tuple[str, ...] = ()
    intro: str = ""
    foods: tuple[FoodColumn, ...] = ()
    table: TablePart | None = None


@dataclass(frozen=True)
class Deck:
    """The whole deck, ready to serialise."""

    width: float
    height: float
    short_title: str
    slides: tuple[Slide, ...] = field(default_factory=tuple)


class _Geometry:
    """Boxes and text heights for one slide size and theme."""

    def __init__(self, theme: DeckTheme, width: float, height: float) -> None:
        self.theme, self.width, self.height = theme, width, height
        self.inner = width - 2 * theme.margin

    def lines_height(self, lines: int, size: float) -> float:
        """Inches taken by `lines` lines at `size` points."""
        return lines * size * self.theme.line_spacing / POINTS

    def title_box(self, title: str) -> Box:
        lines = len(wrap(title, self.theme.title_size, (self.inner - 2 * self.theme.inset) * POINTS, bold=True))
        h = self.lines_height(max(lines, 1), self.theme.title_size) + 2 * self.theme.inset + 0.05
        return Box(self.theme.margin, self.theme.title_top, self.inner, h)

    def topic_boxes(self, title: str) -> tuple[Box, Box]:
        """The title and body boxes of every slide of a topic, sized for its longest title, "... (continued)"."""
        title_box = self.title_box(self.theme.labels.continued.format(title=title))
        return title_box, self.body_box(title_box)

    def body_box(self, title_box: Box) -> Box:
        top = title_box.y + title_box.h + 0.15
        bottom = self.height - self.theme.footer_height - 0.1
        return Box(self.theme.margin, top, self.inner, bottom - top)

    def text_room(self, box: Box) -> float:
        """Points of line width inside a bulleted body box (insets and the bullet's indent taken off)."""
        return (box.w - 2 * self.theme.inset - 0.4) * POINTS

    def bullet_height(self, bullet: Bullet, room: float) -> float:
        size, theme = self.theme.body_size, self.theme
        if bullet.stacked:
            lines = len(wrap(bullet.label, size, room, bold=True)) + len(wrap(bullet.text, size, room))
        else:
            lines = len(wrap(_joined(bullet), size, room, bold=bool(bullet.label)))
        return self.lines_height(lines, size) + theme.paragraph_gap / POINTS

    def fits(self, bullets: list[Bullet], box: Box) -> bool:
        room = self.text_room(box)
        used = sum(self.bullet_height(b, room) for b in bullets) + 2 * self.theme.inset
        return used <= box.h


def _joined(bullet: Bullet) -> str:
    return f"{bullet.label}: {bullet.text}" if bullet.label else bullet.text


def deck_layout(article: Article, theme: DeckTheme, width: float = 13.333, height: float = 7.5) -> Deck:
    """Lay the article out on slides of `width` x `height` inches."""
    geo = _Geometry(theme, width, height)
    labels = theme.labels
    slides: list[Slide] = [_title_slide(article, geo)]
    slides += _text_slides(geo, labels.summary, [Bullet(s) for s in sentences(article.summary)])
    slides += _text_slides(geo, labels.key_points, [Bullet(p.text, p.title) for p in article.key_points])
    for section in article.sections:
        slides += _continued(geo, section.title, list(_section_slides(article, section, geo)))
    if article.faq:
        faq = [Bullet(q.answer, q.question, stacked=True) for q in article.faq]
        slides += _text_slides(geo, labels.faq, faq)
    conclusion = Section(title=article.conclusion.title,
                         blocks=[Paragraph(paragraph=p) for p in article.conclusion.paragraphs])
    slides += _continued(geo, conclusion.title, list(_section_slides(article, conclusion, geo)))
    if article.references:
        refs = [Bullet(r.text + (f" {r.url}" if r.url else "")) for r in article.references]
        slides += _text_slides(geo, labels.references, refs)
    slides += _text_slides(geo, article.disclaimer.heading(labels), [Bullet(article.disclaimer.text)])
    return Deck(width, height, article.short_title, tuple(slides))


def _title_slide(article: Article, geo: _Geometry) -> Slide:
    theme = geo.theme
    room = (geo.inner - 2 * theme.inset) * POINTS
    lines = len(wrap(article.title, theme.cover_title_size, room, bold=True))
    height = geo.lines_height(lines, theme.cover_title_size) + 2 * theme.inset + 0.05
    title_box = Box(theme.margin, max(theme.title_top, min(1.6, geo.height / 2 - height)), geo.inner, height)
    subtitle = (article.short_title,)
    body = Box(theme.margin, title_box.y + title_box.h + 0.3, geo.inner, 1.0)
    disclaimer = f"{article.disclaimer.heading(geo.theme.labels)}: {article.disclaimer.text}"
    notes = "\n\n".join([article.title, *article.introduction, disclaimer])
    return Slide("title", article.title, title_box, notes, body, subtitle=subtitle)


def _text_slides(geo: _Geometry, title: str, bullets: list[Bullet]) -> list[Slide]:
    """Bullets packed onto as many slides as they need; each slide's notes hold the full text behind its bullets."""
    title_box, box = geo.topic_boxes(title)
    slides = [Slide("content", title, title_box, "\n\n".join(filter(None, map(_note, page))), box, bullets=tuple(page))
              for page in _pack(geo, _fitting(geo, bullets, box), box)]
    return _continued(geo, title, slides)


def _note(bullet: Bullet) -> str:
    if bullet.note is not None:
        return bullet.note
    return f"{bullet.label}\n{bullet.text}" if bullet.stacked else _joined(bullet)


def _fitting(geo: _Geometry, bullets: list[Bullet], box: Box) -> Iterator[Bullet]:
    """Bullets too tall for a whole slide are cut between sentences, never inside one."""
    for bullet in bullets:
        if geo.fits([bullet], box):
            yield bullet
            continue
        label, stacked, note = bullet.label, bullet.stacked, bullet.note
        for sentence in sentences(bullet.text):
            yield Bullet(sentence, label, stacked, note)
            label, stacked = "", False
            note = None if bullet.note is None else ""


def _pack(geo: _Geometry, bullets: Iterable[Bullet], box: Box) -> Iterator[list[Bullet]]:
    page: list[Bullet] = []
    for bullet in bullets:
        if page and not geo.fits([*page, bullet], box):
            yield page
            page = []
        page.append(bullet)
    if page:
        yield page


def _continued(geo: _Geometry, title: str, slides: list[Slide]) -> list[Slide]:
    """Every slide of a topic after its first says so in its title; slides with a title of their own (callouts) keep it."""
    label = geo.theme.labels.continued
    seen = False
    result = []
    for slide in slides:
        if slide.title == title:
            slide = replace(slide, title=label.format(title=title)) if seen else slide
            seen = True
        result.append(slide)
    return result


def _section_slides(article: Article, section: Section, geo: _Geometry) -> Iterator[Slide]:
    """A section's blocks in order: runs of paragraphs and terms as text slides, foods and tables on their own."""
    pending: list[Bullet] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            pending.append(Bullet(sentences(block.paragraph)[0], note=block.paragraph))
            continue
        if isinstance(block, TermList):
            pending += [Bullet(t.text, t.term) for t in block.terms]
            continue
        if isinstance(block, Foods):
            yield from _foods_after(geo, section.title, block.foods, pending)
            pending = []
            continue
        if pending:
            yield from _text_slides(geo, section.title, pending)
            pending = []
        if isinstance(block, Callout):
            yield from _callout_slides(geo, block)
            continue
        yield from _table_slides(geo, section.title, block.table)
    if pending:
        yield from _text_slides(geo, section.title, pending)


def _callout_slides(geo: _Geometry, block: Callout) -> list[Slide]:
    """A callout on slides of its own, titled as it is, every word on the slide: nothing urgent waits in the notes."""
    callout = block.callout
    bullets = [Bullet(s) for s in sentences(callout.text)] if callout.text else []
    bullets += [Bullet(item) for item in callout.items or ()]
    return _text_slides(geo, callout.title, bullets)


def _foods_after(geo: _Geometry, title: str, foods: FoodList, lead: list[Bullet]) -> list[Slide]:
    """The food grid, led by the one or two sentences before it when they fit above it without costing a slide.

    Otherwise a lone "starts with dietary changes" sentence would take a slide of its own.
    """
    plain = _food_slides(geo, title, foods, ())
    if not lead:
        return plain
    if len(lead) <= 2 and not any(b.label for b in lead):
        led = _food_slides(geo, title, foods, tuple(lead))
        intro_room = (geo.inner - 2 * geo.theme.inset) * POINTS
        if len(led) == len(plain) and len(wrap(led[0].intro, geo.theme.body_size, intro_room)) <= 3:
            return led
    return [*_text_slides(geo, title, lead), *plain]


def _food_slides(geo: _Geometry, title: str, foods: FoodList, lead: tuple[Bullet, ...]) -> list[Slide]:
    """Groups side by side, as many per slide as fit both across and down; `lead` opens the first slide."""
    theme = geo.theme
    title_box, body = geo.topic_boxes(title)
    first_intro = " ".join([*(b.text for b in lead), *([foods.intro] if foods.intro else [])])
    top = body.y + 0.1
    if first_intro:
        intro_lines = len(wrap(first_intro, theme.body_size, (body.w - 2 * theme.inset) * POINTS))
        top += geo.lines_height(intro_lines, theme.body_size) + 2 * theme.inset
    most = max(1, int((geo.inner + FOOD_GAP) // FOOD_COLUMN))
    groups = [part for group in foods.groups for part in _group_parts(geo, group, most, top, body)]
    per_slide = min(len(groups), most)
    while per_slide > 1 and not all(
        _fits(geo, column) for start in range(0, len(groups), per_slide)
        for column in _food_columns(geo, groups[start:start + per_slide], top, body)
    ):
        per_slide -= 1
    slides = []
    for start in range(0, len(groups), per_slide):
        chunk = groups[start:start + per_slide]
        intro = first_intro if start == 0 else foods.intro or ""
        notes = [*(_note(b) for b in lead if start == 0), *([foods.intro] if foods.intro else []),
                 "\n".join(f"{g.group}: {', '.join(g.items)}" for g in chunk)]
        columns = tuple(_food_columns(geo, chunk, top, body))
        slides.append(Slide("title_only", title, title_box, "\n\n".join(notes), body, intro=intro, foods=columns))
    return slides


def _group_parts(geo: _Geometry, group: FoodGroup, across: int, top: float, body: Box) -> list[FoodGroup]:
    """A group too long for one column of a full row continues in a column headed "... (continued)"."""
    label = geo.theme.labels.continued
    parts: list[FoodGroup] = []
    items: list[str] = []
    for item in group.items:
        name = label.format(title=group.group) if parts else group.group
        if items and not _fits(geo, _food_columns(geo, [FoodGroup(group=name, items=[*items, item])] * across,
                                                  top, body)[0]):
            parts.append(FoodGroup(group=name, items=items))
            items = []
        items.append(item)
    parts.append(FoodGroup(group=label.format(title=group.group) if parts else group.group, items=items))
    return parts


def _food_columns(geo: _Geometry, chunk: list[FoodGroup], top: float, body: Box) -> list[FoodColumn]:
    """Equal columns across the slide, all as tall as the fullest one needs (or the room left, to be tested)."""
    gap = FOOD_GAP
    width = (geo.inner - gap * (len(chunk) - 1)) / len(chunk)
    room = body.y + body.h - top
    columns = [FoodColumn(g.group, tuple(g.items), Box(geo.theme.margin + i * (width + gap), top, width, room))
               for i, g in enumerate(chunk)]
    tallest = max(food_column_height(geo, column) for column in columns)
    return [replace(column, box=replace(column.box, h=min(room, tallest + 0.1))) for column in columns]


def _fits(geo: _Geometry, column: FoodColumn) -> bool:
    return food_column_height(geo, column) <= column.box.h - 0.1 + 1e-9


def food_column_height(geo: _Geometry, column: FoodColumn) -> float:
    """Inches the column's text needs; the layout tests hold it to the column's box."""
    theme = geo.theme
    room = (column.box.w - 2 * theme.inset) * POINTS
    lines = len(wrap(column.group, theme.food_size, room, bold=True))
    items = sum(len(wrap(item, theme.food_size, room - FOOD_INDENT * POINTS)) for item in column.items)
    return geo.lines_height(lines + items, theme.food_size) + 2 * theme.inset + theme.paragraph_gap / POINTS


def _table_slides(geo: _Geometry, title: str, table: TableData) -> Iterator[Slide]:
    """As many slides as the rows need, each with the header row, the rows shared out evenly among them."""
    title_box, body = geo.topic_boxes(title)
    widths = _column_widths(geo, table)
    header_h = _row_height(geo, table.header, widths, bold=True)
    rows = [(tuple(row), _row_height(geo, row, widths)) for row in table.rows]
    room = body.h - header_h
    least = len(_row_pages(rows, room))
    limit = max(sum(h for _, h in rows) / least, max(h for _, h in rows))
    while len(pages := _row_pages(rows, limit)) > least:
        limit = min(room, limit + 0.05)
    for index, page in enumerate(pages):
        caption = table.caption if index == 0 else None
        yield _table_slide(title, title_box, body, table, widths, header_h, page, caption)


def _row_pages(rows: list[tuple[tuple[str, ...], float]], limit: float) -> list[list[tuple[tuple[str, ...], float]]]:
    """Rows in order, a new page whenever the next row would pass `limit` inches (a row too tall goes alone)."""
    pages: list[list[tuple[tuple[str, ...], float]]] = [[]]
    for row in rows:
        if pages[-1] and sum(h for _, h in pages[-1]) + row[1] > limit:
            pages.append([])
        pages[-1].append(row)
    return pages


def _table_slide(title: str, title_box: Box, body: Box, table: TableData, widths: tuple[float, ...], header_h: float,
                 page: list[tuple[tuple[str, ...], float]], caption: str | None) -> Slide:
    heights = (header_h, *(h for _, h in page))
    part = TablePart(tuple(table.header), tuple(r for r, _ in page), widths, heights,
                     Box(body.x, body.y, sum(widths), sum(heights)))
    rows = ["\n".join(f"{head}: {cell}" for head, cell in zip(table.header, row, strict=True)) for row, _ in page]
    return Slide("title_only", title, title_box, "\n\n".join([caption, *rows] if caption else rows), body, table=part)


def _column_widths(geo: _Geometry, table: TableData) -> tuple[float, ...]:
    """Each column at least as wide as its longest word (words never break), the rest shared by how much it holds."""
    theme = geo.theme
    columns = range(len(table.header))
    rows = [table.header, *table.rows]
    least = [max(width(word, theme.cell_size, bold=True) for row in rows for word in row[i].split()) / POINTS
             + 2 * theme.cell_margin + 0.1 for i in columns]
    lengths = [sum(len(row[i]) for row in rows) for i in columns]
    spare = max(geo.inner - sum(least), 0.0)
    return tuple(least[i] + spare * lengths[i] / sum(lengths) for i in columns)


def _row_height(geo: _Geometry, cells: Iterable[str], widths: tuple[float, ...], bold: bool = False) -> float:
    theme = geo.theme
    lines = max(len(wrap(cell, theme.cell_size, (w - 2 * theme.cell_margin) * POINTS, bold=bold or i == 0))
                for i, (cell, w) in enumerate(zip(cells, widths, strict=True)))
    return geo.lines_height(lines, theme.cell_size) + 2 * theme.cell_margin + 0.04
