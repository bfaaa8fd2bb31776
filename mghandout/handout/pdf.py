"""The handout writer: layout items to reportlab flowables, then a PDF in memory.

Every decision of order and grouping was made in `layout.py`; each kind of block
has its own module that decides how it looks on paper (`text`, `cards`, `foodgrid`,
`tables`, `callouts`, `notes`, `furniture`, with the shared `styles` and the page
`breaking` rules). This one assembles the story, keeps each heading with the start
of what it introduces, feathers short pages, and writes the document with "Page X
of Y" on every page.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, Frame, PageTemplate, Paragraph, Spacer

from mghandout.handout import callouts, cards, foodgrid, furniture, notes, tables
from mghandout.handout import text as texts
from mghandout.handout.breaking import KEPT_WITH_NEXT, Breakable, height, start_height
from mghandout.handout.fonts import font_set
from mghandout.handout.furniture import Footer
from mghandout.handout.layout import Alert, Boxed, FoodGrid, Grid, Heading, Item, Labelled, Links, Text, Title
from mghandout.handout.styles import Styles
from mghandout.handout.tagging import TaggedCanvas, Tagger
from mghandout.handout.text import OutlineHeading
from mghandout.handout.theme import HandoutTheme
from mghandout.logo import Logo, clinic_logo
from mghandout.metadata import properties
from mghandout.model import Article, Brand

PAPERS = {"letter": LETTER, "a4": A4}


class _Feather(Spacer):
    """Room between two blocks: none, unless the page it stands on ended short in a first pass.

    A block that cannot start where a page has room left (a table's caption, header and
    two tall rows) goes overleaf; the page it leaves is then set again with that room
    shared among its gaps between blocks, as a typesetter feathers a short page.
    """

    def __init__(self, slot: int, room: float) -> None:
        super().__init__(1, room)
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
        if isinstance(flowable, OutlineHeading) and flowable.outline:
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
    footer = Footer(article, theme, margin)
    doc.addPageTemplates([PageTemplate("page", [frame])])
    styles = Styles(theme)
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


def _numbered_canvas(footer: Footer, stamp: str, tagger: Tagger) -> type[Canvas]:
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
    styles: Styles,
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
            if isinstance(following[0], Breakable):
                following[0].lead = part
                continue
            heading = part[0]
            need = height(heading, width) + heading.style.spaceBefore + start_height(following, width)
            story.append(CondPageBreak(need))
        story += part
    return _feathered(story, extra)


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


def _flowables(
    item: Item, styles: Styles, theme: HandoutTheme, width: float, logo: Logo | None
) -> list[Flowable]:
    """The flowables of one layout item, from the module for its kind of block."""
    if isinstance(item, Title):
        return furniture.title_block(item, styles, theme, width, logo)
    if isinstance(item, Heading):
        return texts.heading(item, styles)
    if isinstance(item, Text):
        return texts.paragraph(item, styles)
    if isinstance(item, Links):
        return texts.links(item, styles, theme)
    if isinstance(item, Labelled):
        return cards.key_points(item, styles, theme, width) if item.boxed else texts.labelled(item, styles, theme, width)
    if isinstance(item, FoodGrid):
        return foodgrid.food_grid(item, styles, theme, width)
    if isinstance(item, Grid):
        return tables.grid(item, styles, theme, width)
    if isinstance(item, Boxed):
        return callouts.disclaimer(item, styles, theme, width)
    if isinstance(item, Alert):
        return callouts.callout(item, styles, theme, width)
    return notes.notes(item, styles, theme)
