"""The handout writer: layout items to reportlab flowables, then a PDF in memory.

The only module that imports reportlab. Every decision of order and grouping was
made in `layout.py`; this one decides how each item looks on paper and keeps the
promises of print: no page but the last ends early because a block was pushed whole
(tables, food grids and references break between their rows instead), rows never
split, headings never stranded at a page foot, the table header repeated under a
"(continued)" cue, callouts never split, and a footer with the short title, the
disclaimer and "Page X of Y" on every page.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from mghandout.handout.fonts import font_set, markup, runs
from mghandout.handout.shaping import (
    draw_right_to_left,
    in_reading_order,
    mirror_columns,
    right_to_left,
    style_options,
)
from mghandout.handout.layout import (
    Alert,
    Boxed,
    FoodGrid,
    Grid,
    Heading,
    Item,
    Labelled,
    Links,
    Notes,
    Text,
    Title,
)
from mghandout.handout.tagging import TaggedCanvas, Tagger
from mghandout.handout.theme import HandoutTheme
from mghandout.links import URL
from mghandout.logo import Logo, clinic_logo
from mghandout.metadata import properties
from mghandout.model import Article, Brand

PAPERS = {"letter": LETTER, "a4": A4}
BULLET = "•"
NUMBER_BEFORE_WORD = re.compile(r"(?<![\w.,/])(\d+(?:[.,/]\d+)*)\s+(?=[^\W\d_])")
"""A number and the word after it ("1/2 cup", "(1 cup)", "250 ml"): a line break between them misleads."""


def _text(text: str, bold: bool = False) -> str:
    """Paragraph markup for source text, each number held to its unit by a no-break space."""
    return markup(NUMBER_BEFORE_WORD.sub("\\1\u00a0", text), bold)


class _Styles:
    """Paragraph styles derived from the theme, built once per handout."""

    def __init__(self, theme: HandoutTheme) -> None:
        regular, bold = font_set(False).primary, font_set(True).primary
        ink, accent = colors.HexColor(theme.ink), colors.HexColor(theme.accent)

        def style(name: str, size: float, font: str = regular, color: Any = ink, **more: Any) -> ParagraphStyle:
            more.setdefault("leading", size * 1.4)
            options = style_options(alignment=TA_LEFT, **more)
            return ParagraphStyle(name, fontName=font, fontSize=size, textColor=color, **options)

        self.body = style("body", theme.body_size, leading=theme.leading, spaceAfter=theme.gap)
        self.lead = style("lead", theme.lead_size, leading=theme.lead_size * 1.3, spaceAfter=theme.gap)
        self.title = style("title", theme.title_size, bold, accent, leading=theme.title_size * 1.2)
        self.heading = style(
            "heading", theme.heading_size, bold, accent, spaceBefore=theme.gap * 1.1, spaceAfter=theme.gap * 0.6
        )
        self.subheading = style(
            "subheading", theme.subheading_size, bold, accent, spaceBefore=theme.gap, spaceAfter=theme.gap * 0.5
        )
        self.label = style("label", theme.body_size, bold, accent, keepWithNext=1, spaceAfter=1)
        self.question = style("question", theme.body_size, bold, accent, spaceAfter=1)
        self.item = style("item", theme.body_size, leading=theme.body_size * 1.25)
        # reportlab draws bullets in Helvetica unless told: that font would not be embedded.
        self.bullet = style("bullet", theme.body_size, leading=theme.body_size * 1.25, bulletFontName=bold,
                            bulletFontSize=theme.body_size, bulletColor=accent)
        self.cell = style("cell", theme.table_size, leading=theme.table_size * 1.15)
        self.cell_head = style("cell_head", theme.table_size, bold, leading=theme.table_size * 1.15)
        self.clinic = style("clinic", theme.small_size, bold, ink)
        self.cue = style("cue", theme.body_size, bold, accent, spaceAfter=theme.gap * 0.5)


class _Heading(Paragraph):
    """A heading that becomes a bookmark in the PDF's outline."""

    def __init__(self, text: str, style: ParagraphStyle, outline: bool) -> None:
        super().__init__(markup(text, bold=True), style)
        self.plain, self.outline = text, outline


class _Feather(Spacer):
    """Room between two blocks: none, unless the page it stands on ended short in a first pass.

    A block that cannot start where a page has room left (a table's caption, header and
    two tall rows) goes overleaf; the page it leaves is then set again with that room
    shared among its gaps between blocks, as a typesetter feathers a short page.
    """

    def __init__(self, slot: int, height: float) -> None:
        super().__init__(1, height)
        self.slot = slot


class _Doc(BaseDocTemplate):
    """Records, for the feathering pass, the page of each gap between blocks and the room each page left."""

    def handle_documentBegin(self) -> None:  # noqa: N802  reportlab's hook name
        self.slots: dict[int, int] = {}
        self.left: dict[int, float] = {}
        self.tops: set[int] = set()
        super().handle_documentBegin()

    def handle_pageEnd(self) -> None:  # noqa: N802  reportlab's hook name
        self.left[self.page] = self.frame._y - self.frame._y1p
        super().handle_pageEnd()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802  reportlab's hook name
        if isinstance(flowable, _Feather):
            if self.frame._atTop and self.page not in self.slots.values():
                self.tops.add(flowable.slot)
            self.slots[flowable.slot] = self.page
        if isinstance(flowable, _Heading) and flowable.outline:
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.plain, key, level=0)


def render(
    article: Article,
    theme: HandoutTheme,
    items: list[Item],
    *,
    paper: str,
    brand: Brand | None,
    brand_dir: Path | None,
    when: dt.datetime,
) -> tuple[bytes, int]:
    """The PDF's bytes and its page count."""
    size = PAPERS[paper]
    margin = theme.margin_inch * inch
    buffer = io.BytesIO()
    doc = _Doc(
        buffer,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + 0.4 * inch,
        **properties(article, brand).pdf_args(),
        creator="mghandout",
        producer="mghandout",
        invariant=1,
        # reportlab starts every page in Helvetica, which would be listed in the PDF but not embedded.
        initialFontName=font_set(False).primary,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    footer = _Footer(article, theme, margin)
    doc.addPageTemplates([PageTemplate("page", [frame])])
    styles = _Styles(theme)
    logo = clinic_logo(brand, brand_dir)
    stamp = when.astimezone(dt.timezone.utc).strftime("D:%Y%m%d%H%M%S+00'00'")
    logo_alt = theme.labels.logo.format(clinic=brand.clinic) if brand else None

    def build(extra: dict[int, float]) -> Any:
        """The build's canvas, its pages laid out and held: only the build kept is written."""
        tagger = Tagger(logo_alt)
        story = _story(items, styles, theme, doc.width, logo, tagger, extra)
        doc.build(story, canvasmaker=_numbered_canvas(footer, stamp, tagger))
        return doc.canv

    kept = build({})
    pages, slots = footer.pages, dict(doc.slots)
    extra = _feathering(doc)
    if extra:
        feathered = build(extra)
        if (footer.pages, doc.slots) == (pages, slots):
            kept = feathered
    kept.write()
    return buffer.getvalue(), pages


SHORT_PAGE = 0.15
"""A page (not the last) that leaves more than this share of its text area empty is feathered ..."""
FEATHERED = 0.06
"""... until it leaves this share, ..."""
MOST_FEATHER = 24.0
"""... adding at most this many points to any one gap between blocks."""


def _feathering(doc: _Doc) -> dict[int, float]:
    """The extra room for each gap between blocks on the pages that ended short, none where none did.

    The last gap of a short page is skipped (the block after it may be the one that went
    overleaf), and so is a gap at the very top of a page.
    """
    extra: dict[int, float] = {}
    for page, left in doc.left.items():
        if page == max(doc.left) or left <= SHORT_PAGE * doc.height:
            continue
        gaps = sorted(slot for slot, on in doc.slots.items() if on == page and slot not in doc.tops)[:-1]
        for slot in gaps:
            extra[slot] = min((left - FEATHERED * doc.height) / len(gaps), MOST_FEATHER)
    return extra


def _table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A table style whose default font is ours: reportlab sets Helvetica for every cell, even empty ones,
    and that font would be listed in the PDF without being embedded."""
    return TableStyle([("FONT", (0, 0), (-1, -1), font_set(False).primary, 10), *commands])


class _Footer:
    """Draws the running footer; the page total is known only once every page is laid out."""

    def __init__(self, article: Article, theme: HandoutTheme, margin: float) -> None:
        self.article, self.theme, self.margin = article, theme, margin
        self.pages = 0

    def finish(self, canvas: Canvas, page: int, pages: int) -> None:
        theme, labels = self.theme, self.theme.labels
        width, _ = canvas._pagesize
        left, right = self.margin, width - self.margin
        base = self.margin
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor(theme.rule))
        canvas.setLineWidth(0.6)
        canvas.line(left, base + 2.2 * theme.footer_size + 4, right, base + 2.2 * theme.footer_size + 4)
        canvas.setFillColor(colors.HexColor(theme.muted))
        number = labels.page.format(page=page, pages=pages)
        first, last = in_reading_order([self.article.short_title, number])
        _draw(canvas, first, left, base + 1.2 * theme.footer_size, theme.footer_size, True)
        _draw(
            canvas,
            last,
            right - _width(last, theme.footer_size, True),
            base + 1.2 * theme.footer_size,
            theme.footer_size,
            True,
        )
        _draw(canvas, self.article.disclaimer.footer, left, base, theme.footer_size, False, right - left)
        canvas.restoreState()


def _draw(canvas: Canvas, text: str, x: float, y: float, size: float, bold: bool, room: float | None = None) -> None:
    """Draw one line in the handout's fonts, shrinking it only if it would not fit its room.

    Line breaks in the source become spaces: drawString would print them as missing glyphs.
    """
    text = " ".join(text.split())
    if room is not None:
        size = min(size, size * room / max(_width(text, size, bold), 1))
    if right_to_left():  # right-aligned where a left to right line would end, a little room for shaping
        slack = 0 if room else size
        return draw_right_to_left(canvas, text, x - slack, y, size, bold, room or _width(text, size, bold) + slack)
    for name, chunk in runs(text, bold):
        canvas.setFont(name, size)
        canvas.drawString(x, y, chunk)
        x += canvas.stringWidth(chunk, name, size)


def _width(text: str, size: float, bold: bool) -> float:
    return sum(stringWidth(chunk, name, size) for name, chunk in runs(text, bold))


def _numbered_canvas(footer: _Footer, stamp: str, tagger: Tagger) -> type[Canvas]:
    """A canvas that holds every page until it is written, so each footer can say 'Page X of Y',
    and gives the tagger the finished pages before reportlab writes them.

    reportlab's build ends with `save`, which here only counts the pages: `write` draws
    the footers and writes the file, for the one build `render` keeps (a feathered
    handout is laid out twice, and writing a PDF is a good part of a build's time).
    """

    class NumberedCanvas(TaggedCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_: stamp)
            self._pages: list[dict[str, Any]] = []
            self._marks: list[str] = []

        def bookmarkPage(self, key: str, **kwargs: Any) -> None:  # noqa: N802  reportlab's name
            """Held with its page: a bookmark made now would point at the page the document is on (the first)."""
            self._marks.append(key)

        def showPage(self) -> None:  # noqa: N802  reportlab's name
            self._pages.append(dict(self.__dict__))
            self._marks = []
            self._startPage()

        def save(self) -> None:
            footer.pages = len(self._pages)

        def write(self) -> None:
            footer.pages = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                for key in state["_marks"]:
                    super().bookmarkPage(key)
                with self.artifact("Pagination"):
                    footer.finish(self, number, footer.pages)
                super().showPage()
            tagger.finish(self, title=footer.article.title)
            super().save()

    return NumberedCanvas


def _story(
    items: list[Item],
    styles: _Styles,
    theme: HandoutTheme,
    width: float,
    logo: Logo | None,
    tagger: Tagger,
    extra: dict[int, float],
) -> list[Flowable]:
    """All flowables; each heading is kept with the start of what follows it, never with all of it.

    A heading over a run (a table, the references) leads the run, which places it with
    its first units; any other heading first asks for room for itself and three lines.
    Keeping a heading with a whole block would push the block and leave a page half empty.
    """
    parts = [tagger.tag(item, _flowables(item, styles, theme, width, logo)) for item in items]
    story: list[Flowable] = []
    for index, part in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else None
        if isinstance(items[index], Heading) and following:
            if isinstance(following[0], _Breakable):
                following[0].lead = part
                continue
            heading = part[0]
            need = _height(heading, width) + heading.style.spaceBefore + _start_height(following, width)
            story.append(CondPageBreak(need))
        story += part
    return _feathered(story, extra)


KEPT_WITH_NEXT = ("heading", "subheading", "question")
"""Styles of paragraphs no room may part from what follows them."""


def _feathered(story: list[Flowable], extra: dict[int, float]) -> list[Flowable]:
    """The story with a `_Feather` in every gap between blocks: not after a heading or a question,
    nor between a page-break condition and what it guards."""
    result: list[Flowable] = []
    for index, flowable in enumerate(story):
        before = story[index - 1] if index else None
        kept = isinstance(before, CondPageBreak) or (
            isinstance(before, Paragraph) and before.style.name in KEPT_WITH_NEXT
        )
        if before is not None and not kept:
            result.append(_Feather(index, extra.get(index, 0.0)))
        result.append(flowable)
    return result


def _height(flowable: Flowable, width: float) -> float:
    if isinstance(flowable, KeepTogether):
        return sum(_height(inner, width) for inner in flowable._content)
    return flowable.wrap(width, 10_000)[1]


def _stack_height(flowables: list[Flowable], width: float) -> float:
    """How much of a frame these take, their spacing included (over rather than under)."""
    return sum(_height(f, width) + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)


def _start_height(part: list[Flowable], width: float) -> float:
    """The least of a part that may start a page's last lines: three lines of text (after a question, the
    question too), a table's first row, or a block that never splits."""
    part = [flowable for flowable in part if not isinstance(flowable, CondPageBreak)]
    first = part[0]
    if isinstance(first, Paragraph) and first.style.name in KEPT_WITH_NEXT and len(part) > 1:
        return _height(first, width) + first.style.spaceAfter + _start_height(part[1:], width)
    if isinstance(first, Paragraph):
        return min(_height(first, width), 3 * first.style.leading) + 2
    if isinstance(first, Table):
        first.wrap(width, 10_000)
        return first._rowHeights[0] + 2
    return _height(first, width) + 2


class _Breakable(Flowable):
    """A run of units (table rows, food-grid rows, references) that breaks only between units.

    Like reportlab's KeepTogether it asks for more room than any page has, so the frame
    always calls `split`, which decides: the whole run where it fits; else, when the
    space left is small enough that the page counts as full, the next page; else as
    many units as fit, with at least `least` on each side of the break. Pushing a block
    whole is what left pages a third empty. `build(start, stop)` gives the flowables of
    units start..stop, with what heads them (a caption where the run starts, a
    "(continued)" cue and the repeated header where it goes on). `lead` is the heading
    over the run, if any: it goes where the run starts, so the run's own choice to go
    overleaf takes its heading along instead of stranding it.
    """

    def __init__(
        self, build: Callable[[int, int], list[Flowable]], units: int, least: int, fill: float, start: int = 0
    ) -> None:
        super().__init__()
        self.build, self.units, self.least, self.fill, self.start = build, units, least, fill, start
        self.lead: list[Flowable] = []

    def _part(self, start: int, stop: int) -> list[Flowable]:
        return [*(self.lead if start == 0 else []), *self.build(start, stop)]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, 0xFFFFFF

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = frame is None or bool(frame._atTop)
        if self.start > 0 and not at_top:
            return []
        whole = self._part(self.start, self.units)
        if _stack_height(whole, available_width) <= available_height:
            return whole
        if not at_top and available_height < (1 - self.fill) * frame._height:
            return []
        stop = self._most(available_width, available_height, self.least)
        if stop is None and at_top:
            stop = self._most(available_width, available_height, 1)
        if stop is None:
            return whole if at_top else []
        return [*self._part(self.start, stop), _Breakable(self.build, self.units, self.least, self.fill, stop)]

    def _most(self, width: float, height: float, least: int) -> int | None:
        """The most units that fit `height` leaving `least` on each side, by bisection (heights only grow)."""
        low, high = self.start + least, self.units - least
        if low > high or _stack_height(self._part(self.start, low), width) > height:
            return None
        while low < high:
            middle = (low + high + 1) // 2
            if _stack_height(self._part(self.start, middle), width) <= height:
                low = middle
            else:
                high = middle - 1
        return low


def _flowables(
    item: Item, styles: _Styles, theme: HandoutTheme, width: float, logo: Logo | None
) -> list[Flowable]:
    if isinstance(item, Title):
        return _title(item, styles, theme, width, logo)
    if isinstance(item, Heading):
        return [_Heading(item.text, styles.heading if item.level == 1 else styles.subheading, item.outline)]
    if isinstance(item, Text):
        return [Paragraph(_text(item.text), styles.lead if item.lead else styles.body)]
    if isinstance(item, Links):
        return [_links(item, styles, theme)]
    if isinstance(item, Labelled):
        return _labelled(item, styles, theme, width)
    if isinstance(item, FoodGrid):
        return _food_grid(item, styles, theme, width)
    if isinstance(item, Grid):
        return _grid(item, styles, theme, width)
    if isinstance(item, Boxed):
        return [Spacer(1, theme.gap), _box(item, styles, theme, width)]
    if isinstance(item, Alert):
        return [_alert(item, styles, theme, width), Spacer(1, theme.gap)]
    return [Spacer(1, theme.gap), _notes(item, styles, theme)]


def _title(item: Title, styles: _Styles, theme: HandoutTheme, width: float, logo: Logo | None) -> list[Flowable]:
    title = Paragraph(markup(item.text, bold=True), styles.title)
    if not item.clinic and logo is None:
        return [title, _rule(theme, width)]
    side: list[Flowable] = []
    if logo is not None:
        scale = min(0.55 * inch / logo.height, 1.6 * inch / logo.width)
        side.append(Image(str(logo.path), width=logo.width * scale, height=logo.height * scale, hAlign="RIGHT"))
    side += [
        Paragraph(markup(line, bold=index == 0), styles.clinic if index == 0 else styles.cell)
        for index, line in enumerate(item.clinic)
    ]
    table = Table([[title, side]], colWidths=[width * 0.72, width * 0.28])
    table.setStyle(
        _table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table, _rule(theme, width)]


def _rule(theme: HandoutTheme, width: float) -> Flowable:
    line = Table([[""]], colWidths=[width], rowHeights=[theme.gap])
    line.setStyle(_table_style([("LINEBELOW", (0, 0), (-1, -1), 2, colors.HexColor(theme.accent))]))
    return line


def _links(item: Links, styles: _Styles, theme: HandoutTheme) -> Flowable:
    """The references, each web address a link; broken only between references, two at least on each side,
    so the last one never stands alone over the disclaimer."""
    paragraphs = [Paragraph(_text(text) + _address(url, theme), styles.body) for text, url in item.items]
    return _Breakable(lambda start, stop: paragraphs[start:stop], len(paragraphs), 2, theme.page_fill)


def _address(url: str | None, theme: HandoutTheme) -> str:
    """A web address as a clickable, underlined link (its underline shows it, not colour alone); other text plain."""
    if not url:
        return ""
    if not URL.fullmatch(url):
        return " " + markup(url)
    return f' <a href="{escape(url)}" color="{theme.accent}"><u>{markup(url)}</u></a>'


def _labelled(item: Labelled, styles: _Styles, theme: HandoutTheme, width: float) -> list[Flowable]:
    if item.stacked:
        return [flowable for label, text in item.items for flowable in _stacked(label, text, styles, width)]
    if item.boxed:
        return [_cards(item, styles, theme, width)]
    bullet = ParagraphStyle("bullet", parent=styles.bullet, leftIndent=14, bulletIndent=2, spaceAfter=theme.gap * 0.75)
    return [
        Paragraph(
            f'<font color="{theme.accent}">{_text(label, bold=True)}</font>{_text(": " + text)}',
            bullet,
            bulletText=BULLET,
        )
        for label, text in item.items
    ]


def _stacked(label: str, text: str, styles: _Styles, width: float) -> list[Flowable]:
    """A question over its answer: the question kept with the answer's first lines, not with all of it,
    so a long answer goes on overleaf instead of leaving the page short."""
    question = Paragraph(_text(label, bold=True), styles.question)
    answer = Paragraph(_text(text), styles.body)
    return [CondPageBreak(_start_height([question, answer], width)), question, answer]


def _cards(item: Labelled, styles: _Styles, theme: HandoutTheme, width: float) -> Flowable:
    """Key points as a two-column grid of tinted cards; an odd last card spans the row, so no cell is empty."""
    cells = [
        [Paragraph(_text(label, bold=True), styles.label), Paragraph(_text(text), styles.item)]
        for label, text in item.items
    ]
    rows = [in_reading_order(cells[i : i + 2]) for i in range(0, len(cells), 2)]
    spans = [("SPAN", (0, r), (1, r)) for r, row in enumerate(rows) if len(row) == 1]
    table = Table([row + [""] * (2 - len(row)) for row in rows], colWidths=[width / 2] * 2)
    table.setStyle(_card_style(theme, len(rows), 2, spans))
    return table


def _card_style(theme: HandoutTheme, rows: int, columns: int, spans: list[tuple[Any, ...]]) -> TableStyle:
    """Tinted cards parted by white rules; every cell is filled (a spanned row is one card)."""
    return _table_style(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 9),
            ("RIGHTPADDING", (0, 0), (-1, -1), 9),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("BACKGROUND", (0, 0), (columns - 1, rows - 1), colors.HexColor(theme.tint)),
            *spans,
            ("LINEBEFORE", (1, 0), (-1, -1), 4, colors.white),
            ("LINEABOVE", (0, 1), (-1, -1), 4, colors.white),
        ]
    )


def _food_grid(item: FoodGrid, styles: _Styles, theme: HandoutTheme, width: float) -> list[Flowable]:
    """The food groups in balanced rows; the grid breaks between rows, its introduction kept with the first."""
    item_style = ParagraphStyle("food", parent=styles.bullet, leftIndent=12, bulletIndent=0)
    cells = [
        [Paragraph(_text(group, bold=True), styles.label)]
        + [Paragraph(_text(food), item_style, bulletText=BULLET) for food in foods]
        for group, foods in item.groups
    ]
    rows = [cells[i : i + item.columns] for i in range(0, len(cells), item.columns)]

    def build(start: int, stop: int) -> list[Flowable]:
        part, columns = rows[start:stop], item.columns
        white = colors.white
        blank = [("BACKGROUND", (len(row), r), (-1, r), white) for r, row in enumerate(part) if len(row) < columns]
        filled, blank = mirror_columns([row + [""] * (columns - len(row)) for row in part], blank, columns)
        table = Table(filled, colWidths=[width / columns] * columns)
        table.setStyle(_card_style(theme, len(part), item.columns, blank))
        intro = [Paragraph(_text(item.intro), styles.body)] if item.intro and start == 0 else []
        return [*intro, table]

    return [_Breakable(build, len(rows), 1, theme.page_fill), Spacer(1, theme.gap)]


def _grid(item: Grid, styles: _Styles, theme: HandoutTheme, width: float) -> list[Flowable]:
    """The table, broken between rows with two at least on each side; a part that goes on is headed by
    the "(continued)" cue and the repeated header row."""
    rule = colors.HexColor(theme.rule)
    style = _table_style(
        [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(theme.header_fill)),
            ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.HexColor(theme.accent)),
            ("LINEBELOW", (0, 1), (-1, -1), 0.5, rule),
            ("BOX", (0, 0), (-1, -1), 0.8, rule),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ]
    )
    body = [
        [
            Paragraph(_text(cell, bold=index == 0), styles.cell_head if index == 0 else styles.cell)
            for index, cell in enumerate(row)
        ]
        for row in item.rows
    ]

    def build(start: int, stop: int) -> list[Flowable]:
        header = [Paragraph(_text(cell, bold=True), styles.cell_head) for cell in item.header]
        rows = [in_reading_order(row) for row in [header, *body[start:stop]]]
        table = Table(rows, colWidths=in_reading_order([width * share for share in item.widths]), repeatRows=1)
        table.setStyle(style)
        if start:
            return [Paragraph(_text(item.continued, bold=True), styles.cue), table]
        return [Paragraph(_text(item.caption), styles.body), table] if item.caption else [table]

    return [_Breakable(build, len(body), 2, theme.page_fill), Spacer(1, theme.gap)]


class _Icon(Flowable):
    """A callout's kind as a drawn shape, not a font glyph: a triangle with "!" (warning) or a circled "i" (tip).

    The shape tells the kind apart in grayscale and without colour; `alt` is its name for screen readers.
    """

    def __init__(self, kind: str, size: float, colour: str, alt: str) -> None:
        super().__init__()
        self.kind, self.size, self.colour, self.alt = kind, size, colour, alt

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas, s = self.canv, self.size
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(self.colour))
        if self.kind == "warning":
            path = canvas.beginPath()
            path.moveTo(s / 2, s * 0.96)
            path.lineTo(s, s * 0.06)
            path.lineTo(0, s * 0.06)
            path.close()
            canvas.drawPath(path, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            canvas.roundRect(s * 0.44, s * 0.38, s * 0.12, s * 0.33, s * 0.05, stroke=0, fill=1)
            canvas.circle(s / 2, s * 0.23, s * 0.065, stroke=0, fill=1)
        else:
            canvas.circle(s / 2, s / 2, s / 2, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            canvas.circle(s / 2, s * 0.75, s * 0.075, stroke=0, fill=1)
            canvas.roundRect(s * 0.435, s * 0.17, s * 0.13, s * 0.42, s * 0.05, stroke=0, fill=1)
        canvas.restoreState()


def _alert(item: Alert, styles: _Styles, theme: HandoutTheme, width: float) -> Flowable:
    """A callout: icon, title and words in a box whose border also tells the kind (thick solid for a warning,
    dashed for a tip), kept whole on one page."""
    warning = item.kind == "warning"
    ink, fill = (theme.warning_rule, theme.warning_fill) if warning else (theme.accent, theme.tip_fill)
    alt = theme.labels.warning if warning else theme.labels.tip
    title = ParagraphStyle("callout_title", parent=styles.subheading, textColor=colors.HexColor(ink), spaceBefore=0)
    content: list[Flowable] = [Paragraph(_text(item.title, bold=True), title)]
    content += [Paragraph(_text(item.text), styles.item)] if item.text else []
    bullet = ParagraphStyle("callout_item", parent=styles.bullet, leftIndent=14, bulletIndent=2, spaceBefore=3)
    content += [Paragraph(_text(text), bullet, bulletText=BULLET) for text in item.items]
    icon_room = theme.icon_size + 14
    border = (3, colors.HexColor(ink)) if warning else (1.4, colors.HexColor(ink), None, (5, 3))
    box = Table(
        [in_reading_order([_Icon(item.kind, theme.icon_size, ink, alt), content])],
        colWidths=in_reading_order([icon_room, width - icon_room]),
    )
    box.setStyle(
        _table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(fill)),
                ("BOX", (0, 0), (-1, -1), *border),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 10),
                ("LEFTPADDING", (1, 0), (1, 0), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 9),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 11),
            ]
        )
    )
    return KeepTogether([box])


def _box(item: Boxed, styles: _Styles, theme: HandoutTheme, width: float) -> Flowable:
    content = [Paragraph(_text(item.title, bold=True), styles.label), Paragraph(_text(item.text), styles.item)]
    box = Table([[content]], colWidths=[width])
    box.setStyle(
        _table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(theme.disclaimer_fill)),
                ("BOX", (0, 0), (-1, -1), 1.6, colors.HexColor(theme.disclaimer_rule)),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 9),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 11),
            ]
        )
    )
    return KeepTogether([box])


class _WriteIn(Flowable):
    """The notes box, grown to fill what is left of its page: room to write is its whole point.

    It keeps at least the theme's lines (moving to the next page if they do not fit)
    and stops at `most`, so a box that lands on a fresh page does not fill all of it.
    """

    def __init__(self, item: Notes, styles: _Styles, theme: HandoutTheme, most: int) -> None:
        super().__init__()
        self.item, self.styles, self.theme, self.most = item, styles, theme, most
        self.table: Table | None = None

    def _table(self, lines: int, width: float) -> Table:
        item, theme = self.item, self.theme
        rows: list[list[Any]] = [[Paragraph(markup(item.label, bold=True), self.styles.label)]]
        rows += [[""] for _ in range(lines)]
        if item.contact:
            rows.append([Paragraph(markup(item.contact), self.styles.cell)])
        heights = [None] + [theme.notes_line_height] * lines + ([None] if item.contact else [])
        box = Table(rows, colWidths=[width], rowHeights=heights)
        box.setStyle(
            _table_style(
                [
                    ("BOX", (0, 0), (-1, -1), 1.2, colors.HexColor(theme.accent)),
                    ("LINEBELOW", (0, 1), (-1, lines), 0.5, colors.HexColor(theme.rule)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 12),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                    ("TOPPADDING", (0, 0), (-1, 0), 9),
                ]
            )
        )
        return box

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.table = self._table(self.item.lines, available_width)
        width, height = self.table.wrap(available_width, available_height)
        spare = int(max(0.0, available_height - height - 1) // self.theme.notes_line_height)
        if spare:
            self.table = self._table(min(self.most, self.item.lines + spare), available_width)
            width, height = self.table.wrap(available_width, available_height)
        return width, height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        assert self.table is not None, "reportlab wraps a flowable before drawing it"
        self.table.drawOn(self.canv, 0, 0)


def _notes(item: Notes, styles: _Styles, theme: HandoutTheme) -> Flowable:
    return _WriteIn(item, styles, theme, most=theme.notes_most_lines)
