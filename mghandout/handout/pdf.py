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
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
)

from mghandout.handout import callouts, cards, foodgrid, furniture, notes, tables
from mghandout.handout import text as texts
from mghandout.handout.breaking import KEPT_WITH_NEXT, Breakable, FlowingBox, height, stack_height, start_height
from mghandout.handout.fonts import font_set
from mghandout.handout.furniture import Footer
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
    RowBlocks,
    Text,
    Title,
)
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
            self._bookmark(flowable, flowable.plain, 0)
        elif isinstance(flowable, FlowingBox) and flowable.outline:
            self._bookmark(flowable, flowable.outline, 1)

    def _bookmark(self, flowable: Flowable, title: str, level: int) -> None:
        """An outline entry for a heading (level 0), or a warning callout under its section (level 1)."""
        key = f"h{id(flowable)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level)


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
    footer = Footer(article, theme, margin, size[0] - margin, margin)
    buffer = io.BytesIO()
    doc = _Doc(
        buffer,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + footer.height + theme.gap * 1.5,
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
    doc.addPageTemplates([PageTemplate("page", [frame])])
    styles = Styles(theme, doc.width, article.language)
    logo = clinic_logo(brand, brand_dir)
    stamp = when.astimezone(dt.timezone.utc).strftime("D:%Y%m%d%H%M%S+00'00'")
    logo_alt = theme.labels.logo.format(clinic=brand.clinic) if brand else None

    def build(extra: dict[int, float]) -> Any:
        """The build's canvas, its pages laid out and held: only the build kept is written."""
        tagger = Tagger(logo_alt)
        story = _story(items, styles, theme, (doc.width, doc.height), logo, tagger, extra)
        doc.build(story, canvasmaker=_numbered_canvas(footer, stamp, tagger))
        return doc.canv

    kept = build({})
    pages, slots = footer.pages, dict(doc.slots)
    extra = _feathering(doc, theme.gap)
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
MOST_FEATHER = 0.5
"""... adding at most this share of the usual gap to any one gap between blocks: a short page's gaps
stay within 1.5 times the others, so spacing does not change from page to page."""


def _feathering(doc: _Doc, gap: float) -> dict[int, float]:
    """The extra room for each gap between blocks on the pages that ended short, none where none did.

    The last gap of a short page is skipped (the block after it may be the one that went
    overleaf), and so is a gap at the very top of a page; gaps above headings have no
    slot (`_feathered`), so a heading's space above it is always its own.
    """
    extra: dict[int, float] = {}
    for page, left in doc.left.items():
        if page == max(doc.left) or left <= SHORT_PAGE * doc.height:
            continue
        gaps = sorted(slot for slot, on in doc.slots.items() if on == page and slot not in doc.tops)[:-1]
        for slot in gaps:
            extra[slot] = min((left - FEATHERED * doc.height) / len(gaps), MOST_FEATHER * gap)
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
    frame: tuple[float, float],
    logo: Logo | None,
    tagger: Tagger,
    extra: dict[int, float],
) -> list[Flowable]:
    """All flowables; each heading is kept with the start of what follows it, never with all of it.

    A heading over a run (a table, the references) leads the run, which places it with
    its first units; any other heading first asks for room for itself and the start of
    what follows (`_start`). Keeping a heading with a whole block would push the block
    and leave a page half empty.
    """
    width, page = frame
    parts = [tagger.tag(item, _flowables(item, styles, theme, frame, logo)) for item in items]
    story: list[Flowable] = []
    for index, part in enumerate(parts):
        if isinstance(items[index], Heading) and index + 1 < len(parts):
            if isinstance(parts[index + 1][0], Breakable):
                parts[index + 1][0].lead = part
                continue
            heading = part[0]
            need = stack_height([heading], width) + _start(items, parts, index + 1, frame)
            story.append(CondPageBreak(need))
        elif _introduces(items, parts, index, frame):
            story.append(CondPageBreak(_start(items, parts, index, frame)))
        elif _closing(items, index):
            # The notes box never takes a page alone: the disclaimer ends on its page.
            story.append(notes.Closing(story.pop(), part))
            continue
        story += part
    return _feathered(story, extra)


def _closing(items: list[Item], index: int) -> bool:
    """Whether item `index` is the notes box right after the disclaimer: the two close the handout together."""
    return isinstance(items[index], Notes) and index > 0 and isinstance(items[index - 1], Boxed)


INTRODUCES = (Grid, RowBlocks, FoodGrid, Alert)
"""Blocks a short paragraph before them introduces ("Here are good sources of iron:")."""

INTRO_LINES = 4
"""An introducing paragraph of at most this many lines is kept whole with the start of its block."""


def _introduces(items: list[Item], parts: list[list[Flowable]], index: int, frame: tuple[float, float]) -> bool:
    """Whether item `index` is a short paragraph that introduces the block after it."""
    if not isinstance(items[index], Text) or index + 1 >= len(items) or not isinstance(items[index + 1], INTRODUCES):
        return False
    paragraph = parts[index][0]
    return height(paragraph, frame[0]) <= INTRO_LINES * paragraph.style.leading + 1


def _start(items: list[Item], parts: list[list[Flowable]], index: int, frame: tuple[float, float]) -> float:
    """The least of part `index` that may stand at a page foot: with a short introduction, the start of
    what it introduces too."""
    width, page = frame
    if _introduces(items, parts, index, frame):
        return stack_height(parts[index], width) + start_height(parts[index + 1], width, page)
    return start_height(parts[index], width, page)


def _feathered(story: list[Flowable], extra: dict[int, float]) -> list[Flowable]:
    """The story with a `_Feather` in every gap between blocks: not after a heading or a question,
    nor between a page-break condition and what it guards, nor above a heading."""
    result: list[Flowable] = []
    for index, flowable in enumerate(story):
        before = story[index - 1] if index else None
        kept = isinstance(before, CondPageBreak) or (
            isinstance(before, Paragraph) and before.style.name in KEPT_WITH_NEXT
        )
        heading = isinstance(flowable, (CondPageBreak, OutlineHeading)) or bool(getattr(flowable, "lead", None))
        if before is not None and not kept and not heading:
            result.append(_Feather(index, extra.get(index, 0.0)))
        result.append(flowable)
    return result


def _flowables(
    item: Item, styles: Styles, theme: HandoutTheme, frame: tuple[float, float], logo: Logo | None
) -> list[Flowable]:
    """The flowables of one layout item, from the module for its kind of block."""
    width, page = frame
    if isinstance(item, Title):
        return furniture.title_block(item, styles, theme, width, logo)
    if isinstance(item, Heading):
        return texts.heading(item, styles)
    if isinstance(item, Text):
        return texts.paragraph(item, styles, theme, width)
    if isinstance(item, Links):
        return texts.links(item, styles, theme)
    if isinstance(item, Labelled):
        if item.boxed:
            return cards.key_points(item, styles, theme, width, page)
        return texts.labelled(item, styles, theme, width, page)
    if isinstance(item, FoodGrid):
        return foodgrid.food_grid(item, styles, theme, width, page)
    if isinstance(item, Grid):
        return tables.grid(item, styles, theme, width, page)
    if isinstance(item, RowBlocks):
        return tables.row_blocks(item, styles, theme, width, page)
    if isinstance(item, Boxed):
        return callouts.disclaimer(item, styles, theme, width)
    if isinstance(item, Alert):
        return callouts.callout(item, styles, theme, width)
    return notes.notes(item, styles, theme)
