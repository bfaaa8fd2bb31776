"""The handout writer: layout items to reportlab flowables, then a PDF in memory.

The only module that imports reportlab. Every decision of order and grouping was
made in `layout.py`; this one decides how each item looks on paper and keeps the
promises of print: rows never split, headings never stranded at a page foot, the
table header repeated, and a footer with the short title, the disclaimer and
"Page X of Y" on every page.
"""

from __future__ import annotations

import datetime as dt
import io
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
from mghandout.handout.tagging import TaggedCanvas, Tagger
from mghandout.handout.layout import Alert, Boxed, FoodGrid, Grid, Heading, Item, Labelled, Notes, Text, Title
from mghandout.handout.theme import HandoutTheme
from mghandout.logo import Logo, clinic_logo
from mghandout.model import Article, Brand

PAPERS = {"letter": LETTER, "a4": A4}
BULLET = "•"


class _Styles:
    """Paragraph styles derived from the theme, built once per handout."""

    def __init__(self, theme: HandoutTheme) -> None:
        regular, bold = font_set(False).primary, font_set(True).primary
        ink, accent = colors.HexColor(theme.ink), colors.HexColor(theme.accent)

        def style(name: str, size: float, font: str = regular, color: Any = ink, **more: Any) -> ParagraphStyle:
            more.setdefault("leading", size * 1.4)
            return ParagraphStyle(name, fontName=font, fontSize=size, textColor=color, alignment=TA_LEFT, **more)

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
        self.item = style("item", theme.body_size, leading=theme.body_size * 1.25)
        # reportlab draws bullets in Helvetica unless told: that font would not be embedded.
        self.bullet = style("bullet", theme.body_size, leading=theme.body_size * 1.25, bulletFontName=bold,
                            bulletFontSize=theme.body_size, bulletColor=accent)
        self.cell = style("cell", theme.table_size, leading=theme.table_size * 1.2)
        self.cell_head = style("cell_head", theme.table_size, bold, leading=theme.table_size * 1.2)
        self.clinic = style("clinic", theme.small_size, bold, ink)


class _Heading(Paragraph):
    """A heading that becomes a bookmark in the PDF's outline."""

    def __init__(self, text: str, style: ParagraphStyle, outline: bool) -> None:
        super().__init__(markup(text, bold=True), style)
        self.plain, self.outline = text, outline


class _Doc(BaseDocTemplate):
    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802  reportlab's hook name
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
        title=article.title,
        author=_author(article, brand),
        subject=article.subject or article.summary,
        keywords=", ".join(article.keywords),
        creator="mghandout",
        producer="mghandout",
        lang=article.language,
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
    tagger = Tagger(theme.labels.logo.format(clinic=brand.clinic) if brand else None)
    story = _story(items, styles, theme, doc.width, logo, tagger)
    stamp = when.astimezone(dt.timezone.utc).strftime("D:%Y%m%d%H%M%S+00'00'")
    doc.build(story, canvasmaker=_numbered_canvas(footer, stamp))
    return tagger.finish(buffer.getvalue(), title=article.title), footer.pages


def _table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A table style whose default font is ours: reportlab sets Helvetica for every cell, even empty ones,
    and that font would be listed in the PDF without being embedded."""
    return TableStyle([("FONT", (0, 0), (-1, -1), font_set(False).primary, 10), *commands])


def _author(article: Article, brand: Brand | None) -> str:
    return article.author or (brand.clinic if brand else "")


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
        _draw(canvas, self.article.short_title, left, base + 1.2 * theme.footer_size, theme.footer_size, True)
        number = labels.page.format(page=page, pages=pages)
        _draw(
            canvas,
            number,
            right - _width(number, theme.footer_size, True),
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
    for name, chunk in runs(text, bold):
        canvas.setFont(name, size)
        canvas.drawString(x, y, chunk)
        x += canvas.stringWidth(chunk, name, size)


def _width(text: str, size: float, bold: bool) -> float:
    return sum(stringWidth(chunk, name, size) for name, chunk in runs(text, bold))


def _numbered_canvas(footer: _Footer, stamp: str) -> type[Canvas]:
    """A canvas that holds every page until the end, so each footer can say 'Page X of Y'."""

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
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                for key in state["_marks"]:
                    super().bookmarkPage(key)
                with self.artifact("Pagination"):
                    footer.finish(self, number, footer.pages)
                super().showPage()
            super().save()

    return NumberedCanvas


def _story(
    items: list[Item], styles: _Styles, theme: HandoutTheme, width: float, logo: Logo | None, tagger: Tagger
) -> list[Flowable]:
    """All flowables; each heading first asks for room for itself and the start of what follows it."""
    parts = [tagger.tag(item, _flowables(item, styles, theme, width, logo)) for item in items]
    story: list[Flowable] = []
    for index, part in enumerate(parts):
        if isinstance(items[index], Heading) and index + 1 < len(parts):
            heading = part[0]
            need = _height(heading, width) + heading.style.spaceBefore + _start_height(parts[index + 1], width)
            story.append(CondPageBreak(need))
        story += part
    return story


def _height(flowable: Flowable, width: float) -> float:
    if isinstance(flowable, KeepTogether):
        return sum(_height(inner, width) for inner in flowable._content)
    return flowable.wrap(width, 10_000)[1]


def _start_height(part: list[Flowable], width: float) -> float:
    """The least of a part that may start a page's last lines: three lines of text, a table's first row, a block.

    A table's caption is never left at a page's foot: it counts with the table's start.
    """
    part = [flowable for flowable in part if not isinstance(flowable, CondPageBreak)]
    first = part[0]
    if isinstance(first, Paragraph) and len(part) > 1 and isinstance(part[1], Table) and part[1].repeatRows:
        return _height(first, width) + first.style.spaceAfter + _start_height(part[1:], width)
    if isinstance(first, Paragraph):
        return min(_height(first, width), 3 * first.style.leading) + 2
    if isinstance(first, Table) and first.repeatRows:
        first.wrap(width, 10_000)
        return sum(first._rowHeights[: first.repeatRows + 1]) + 2
    return _height(first, width) + 2


def _flowables(
    item: Item, styles: _Styles, theme: HandoutTheme, width: float, logo: Logo | None
) -> list[Flowable]:
    if isinstance(item, Title):
        return _title(item, styles, theme, width, logo)
    if isinstance(item, Heading):
        return [_Heading(item.text, styles.heading if item.level == 1 else styles.subheading, item.outline)]
    if isinstance(item, Text):
        return [Paragraph(markup(item.text), styles.lead if item.lead else styles.body)]
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
        scale = min(0.7 * inch / logo.height, 1.6 * inch / logo.width)
        side.append(Image(str(logo.path), width=logo.width * scale, height=logo.height * scale, hAlign="RIGHT"))
    side += [
        Paragraph(markup(line, bold=index == 0), styles.clinic if index == 0 else styles.cell)
        for index, line in enumerate(item.clinic)
    ]
    table = Table([[title, side]], colWidths=[width * 0.74, width * 0.26])
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


def _labelled(item: Labelled, styles: _Styles, theme: HandoutTheme, width: float) -> list[Flowable]:
    if item.stacked:
        return [
            KeepTogether([Paragraph(markup(label, bold=True), styles.label), Paragraph(markup(text), styles.body)])
            for label, text in item.items
        ]
    if item.boxed:
        return [_cards(item, styles, theme, width)]
    bullet = ParagraphStyle("bullet", parent=styles.bullet, leftIndent=14, bulletIndent=2, spaceAfter=theme.gap * 0.75)
    return [
        Paragraph(
            f'<font color="{theme.accent}">{markup(label, bold=True)}</font>{markup(": " + text)}',
            bullet,
            bulletText=BULLET,
        )
        for label, text in item.items
    ]


def _cards(item: Labelled, styles: _Styles, theme: HandoutTheme, width: float) -> Flowable:
    """Key points as a two-column grid of tinted cards."""
    cells = [
        [Paragraph(markup(label, bold=True), styles.label), Paragraph(markup(text), styles.item)]
        for label, text in item.items
    ]
    rows = [cells[i : i + 2] + [[]] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[width / 2] * 2)
    table.setStyle(_card_style(theme, rows, 2))
    return table


def _card_style(theme: HandoutTheme, rows: list[list[Any]], columns: int) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 9),
        ("RIGHTPADDING", (0, 0), (-1, -1), 9),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LINEBEFORE", (1, 0), (-1, -1), 4, colors.white),
        ("LINEABOVE", (0, 1), (-1, -1), 4, colors.white),
    ]
    for r, row in enumerate(rows):
        for c in range(columns):
            if row[c]:
                commands.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(theme.tint)))
    return _table_style(commands)


def _food_grid(item: FoodGrid, styles: _Styles, theme: HandoutTheme, width: float) -> list[Flowable]:
    item_style = ParagraphStyle("food", parent=styles.bullet, leftIndent=12, bulletIndent=0)
    cells = [
        [Paragraph(markup(group, bold=True), styles.label)]
        + [Paragraph(markup(food), item_style, bulletText=BULLET) for food in foods]
        for group, foods in item.groups
    ]
    rows = [
        cells[i : i + item.columns] + [[]] * (item.columns - len(cells[i : i + item.columns]))
        for i in range(0, len(cells), item.columns)
    ]
    table = Table(rows, colWidths=[width / item.columns] * item.columns)
    table.setStyle(_card_style(theme, rows, item.columns))
    intro = [Paragraph(markup(item.intro), styles.body)] if item.intro else []
    return [KeepTogether([*intro, table]), Spacer(1, theme.gap)]


def _grid(item: Grid, styles: _Styles, theme: HandoutTheme, width: float) -> list[Flowable]:
    header = [Paragraph(markup(cell, bold=True), styles.cell_head) for cell in item.header]
    body = [
        [
            Paragraph(markup(cell, bold=index == 0), styles.cell_head if index == 0 else styles.cell)
            for index, cell in enumerate(row)
        ]
        for row in item.rows
    ]
    table = Table([header, *body], colWidths=[width * share for share in item.widths], repeatRows=1, splitInRow=0)
    rule = colors.HexColor(theme.rule)
    table.setStyle(
        _table_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(theme.header_fill)),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.HexColor(theme.accent)),
                ("LINEBELOW", (0, 1), (-1, -1), 0.5, rule),
                ("BOX", (0, 0), (-1, -1), 0.8, rule),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    if not item.caption:
        return [table, Spacer(1, theme.gap)]
    caption = Paragraph(markup(item.caption), styles.body)
    return [CondPageBreak(_start_height([caption, table], width)), caption, table, Spacer(1, theme.gap)]


def _alert(item: Alert, styles: _Styles, theme: HandoutTheme, width: float) -> Flowable:
    content = [Paragraph(markup(item.text), styles.item)] if item.text else []
    content += [Paragraph(markup(text), styles.bullet, bulletText=BULLET) for text in item.items]
    return _box(Boxed(item.title, ""), styles, theme, width, content)


def _box(item: Boxed, styles: _Styles, theme: HandoutTheme, width: float, body: list[Flowable] | None = None) -> Flowable:
    content = [Paragraph(markup(item.title, bold=True), styles.label)]
    content += body if body is not None else [Paragraph(markup(item.text), styles.item)]
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
