"""The deck writer: a laid-out `Deck` to .pptx bytes.

It decides nothing about what goes where (that is `layout.py`); it builds each slide
on the template's layout for its kind (found by `template.py`), places each box where
the layout step put it, sets every size explicitly, turns autofit off (the layout
already guaranteed the fit), colours text as `backdrop.py` finds it reads on the
template, has `package.py` make the package true, and makes the file byte-for-byte
reproducible. It, those three and `accessibility.py` are the only modules that import python-pptx.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.shapes.shapetree import SlideShapeFactory
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Inches

from mghandout.deck import package, xpath
from mghandout.deck.accessibility import make_accessible
from mghandout.deck.backdrop import Backdrop, Colours, Rect, link_colour, readable, slide_colours, text_on
from mghandout.deck.language import tag_language
from mghandout.deck.layout import POINTS, Box, Bullet, Deck, Slide
from mghandout.deck.measure import wrap
from mghandout.deck.save import save
from mghandout.deck.shapes import (add_textbox, cleared, first_paragraph, has_text, next_shape_id, paragraph_properties,
                                   place, placeholder, placeholders_by_index, shape_elements, shape_id, text_body)
from mghandout.deck.shapes import title as title_of
from mghandout.deck.template import find_layout
from mghandout.deck.template import open_template as open_user_template
from mghandout.deck.theme import DeckTheme
from mghandout.links import URL
from mghandout.logo import clinic_logo
from mghandout.metadata import properties
from mghandout.model import Article, Brand

_R, _RPR, _T, _END = qn("a:r"), qn("a:rPr"), qn("a:t"), qn("a:endParaRPr")
_FILL, _RGB, _LATIN = qn("a:solidFill"), qn("a:srgbClr"), qn("a:latin")
_LINE, _AFTER, _SP = qn("a:lnSpc"), qn("a:spcAft"), qn("p:sp")
_C_SLD, _SP_TREE, _TX_BODY, _P, _BREAK, _FLD = (qn(tag) for tag in ("p:cSld", "p:spTree", "p:txBody", "a:p", "a:br",
                                                                     "a:fld"))
_BODY_PR, _NO_AUTOFIT = qn("a:bodyPr"), qn("a:noAutofit")
_AUTOFITS = (_NO_AUTOFIT, qn("a:normAutofit"), qn("a:spAutoFit"))
_AFTER_AUTOFIT = tuple(qn(tag) for tag in ("a:scene3d", "a:sp3d", "a:flatTx", "a:extLst"))
"""What follows a text body's autofit choice, in the schema's order."""
_INSETS = (("lIns", Emu(91440)), ("rIns", Emu(91440)), ("tIns", Emu(45720)), ("bIns", Emu(45720)))
"""A text body's insets in the order `_frame` sets them, each with the schema's default."""
_ROW, _CELL, _CELL_PR, _TABLE_TEXT = qn("a:tr"), qn("a:tc"), qn("a:tcPr"), qn("a:txBody")
_GRID, _GRID_COLUMN, _FRAME_XFRM = qn("a:tblGrid"), qn("a:gridCol"), qn("p:xfrm")
_FILLS = frozenset(qn(tag) for tag in ("a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill",
                                       "a:grpFill"))
_AFTER_FILL = (qn("a:headers"), qn("a:extLst"))
"""What follows a table cell's fill, in the schema's order."""
LAYOUTS = ("title", "content", "title_only")
"""A web address in running text, without the punctuation that ends its sentence; the group keeps it when splitting."""
WIDE = (Emu(12192000), Emu(6858000))
"""PowerPoint's widescreen slide, 13.333 x 7.5 in."""
FOOTER_FLOOR = 10.0
"""The smallest footer type, for a template's narrow footer placeholder."""
NOTES_SIZE, NOTES_LINE = 12.0, 1.2
"""Speaker notes' type size (notes without one print near 20 pt in LibreOffice and run off their pages) and the
line height, as a multiple of it, that presentation programs give them."""


xpath.install()


def open_template(template: Path | None) -> Any:
    """The presentation to build on: the user's template (its slides removed) or python-pptx's, widened to 16:9."""
    if template is not None:
        return open_user_template(template)
    return copy.deepcopy(_default_template())


@cache
def _default_template() -> Any:
    """python-pptx's template, widened, parsed once per process and never changed: each deck builds on a copy.

    A deep copy takes half the time of unzipping and parsing it again (16 ms against 32).
    """
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDE
    return presentation


def slide_size(presentation: Any) -> tuple[float, float]:
    """The slide size in inches."""
    return presentation.slide_width / 914400, presentation.slide_height / 914400


def content_area(presentation: Any, template: Path | None) -> Box | None:
    """Where a user's template lets a content slide's body go, in inches: its content layout's body placeholder.

    A template's designer keeps that placeholder clear of the art at its foot (Blue Curve's
    waves); our own deck has none, and its body box is the layout's alone (None). Nor has a
    template resized without its master, whose placeholder runs past the slide's edge.
    """
    if template is None:
        return None
    layout = find_layout(presentation, "content", template)
    body = next((holder for holder in layout.placeholders if holder.placeholder_format.type not in _NOT_BODY), None)
    if body is None or None in (body.left, body.top, body.width, body.height):
        return None
    if body.left + body.width > presentation.slide_width or body.top + body.height > presentation.slide_height:
        return None
    return Box(*(length / EMU_PER_INCH for length in (body.left, body.top, body.width, body.height)))


_NOT_BODY = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.DATE,
             PP_PLACEHOLDER.SLIDE_NUMBER)
EMU_PER_INCH = 914400


def write(presentation: Any, deck: Deck, article: Article, theme: DeckTheme, *, brand: Brand | None,
          brand_dir: Path | None, when: dt.datetime, template: Path | None) -> bytes:
    """Serialise `deck` into `presentation` and return the .pptx bytes."""
    layouts = {kind: find_layout(presentation, kind, template) for kind in LAYOUTS}
    backdrops = {kind: Backdrop(layout) for kind, layout in layouts.items()} if template is not None else {}
    notes, slides = _Notes(), _Slides(presentation)
    for number, spec in enumerate(deck.slides, start=1):
        slide = slides.add(layouts[spec.layout])
        colours = _colours(backdrops.get(spec.layout), spec, theme)
        on_slide = replace(theme, ink=colours.text, accent=colours.label, muted=colours.muted)
        _fill(slide, spec, theme, on_slide, colours)
        if spec.cover is not None:
            _cover(slide, spec, brand, brand_dir, on_slide)
        _footer(slide, deck, number, theme, backdrops.get(spec.layout))
        _drop_empty_placeholders(slide)
        make_accessible(slide, theme.labels.logo.format(clinic=brand.clinic) if brand else None)
        notes.add(slide, spec.notes, theme)
    if "content" in backdrops:
        _link_colour(backdrops["content"], deck, theme)
    tag_language(presentation, article.language)
    _properties(presentation, article, brand, when)
    package.finish(presentation)
    return save(presentation, when)


class _Slides:
    """New slides: the first on each layout added by python-pptx, the rest copies of it.

    python-pptx's `add_slide` clones the layout's placeholders into every new slide,
    looking each up through its proxies; a new slide on a layout always starts the same
    (the same placeholders, ids and names), so later ones copy the first as it was
    before anything was written on it, and are named, related and listed as python-pptx
    does it: a sixth of the deck's time.
    """

    def __init__(self, presentation: Any) -> None:
        self.presentation = presentation
        self.blanks: dict[Any, Any] = {}

    def add(self, layout: Any) -> PptxSlide:
        blank = self.blanks.get(layout.part)
        if blank is None:
            slide = self.presentation.slides.add_slide(layout)
            self.blanks[layout.part] = copy.deepcopy(slide.part._element)
            return slide
        presentation = self.presentation.part
        listed = presentation._element.get_or_add_sldIdLst()
        name = PackURI(f"/ppt/slides/slide{len(listed) + 1}.xml")
        part = SlidePart(name, CT.PML_SLIDE, presentation.package, copy.deepcopy(blank))
        part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        listed.add_sldId(presentation.relate_to(part, RT.SLIDE))
        return part.slide


class _Notes:
    """Speaker notes: the first notes page made by python-pptx, the rest copied from it.

    python-pptx clones the notes master's placeholders for every slide, which was a
    quarter of the deck's time; every notes page starts the same, so later ones are
    copies of the first, related to their slide and the notes master as python-pptx
    relates its own, and numbered on from the first (python-pptx's next_partname
    walks every part of the package for each new part: 12 ms a deck). For the same
    reason the text and the fit are written into the copy's XML: where its notes box
    and slide picture are, and how big, is read once from the first page (python-pptx
    looks each up in the notes master, for every page).
    """

    def __init__(self) -> None:
        self.blank: Any = None
        self.master: Any = None
        self.number = 0
        self.page: _NotesPage | None = None

    def add(self, slide: PptxSlide, text: str, theme: DeckTheme) -> None:
        if self.blank is None:
            notes = slide.notes_slide
            self.blank = copy.deepcopy(notes.part._element)
            self.master = notes.part.part_related_by(RT.NOTES_MASTER)
            self.number = notes.part.partname.idx
            self.page = _NotesPage.of(notes)
            element = notes.part._element
        else:
            self.number += 1
            name = PackURI(f"/ppt/notesSlides/notesSlide{self.number}.xml")
            element = copy.deepcopy(self.blank)
            part = NotesSlidePart(name, CT.PML_NOTES_SLIDE, slide.part.package, element)
            part.relate_to(self.master, RT.NOTES_MASTER)
            part.relate_to(slide.part, RT.SLIDE)
            slide.part.relate_to(part, RT.NOTES_SLIDE)
        assert self.page is not None
        self.page.write(element, text, theme)


class _NotesPage:
    """Where a notes page's text box and slide picture are (their places in the shape tree) and their inherited
    positions and sizes in EMU (left, top, width, height), the same on every page of a deck."""

    def __init__(self, body: int | None, body_box: tuple[int, ...], image: int | None,
                 image_box: tuple[int, ...]) -> None:
        self.body, self.body_box, self.image, self.image_box = body, body_box, image, image_box

    @classmethod
    def of(cls, notes: Any) -> _NotesPage:
        tree = notes.shapes._spTree
        body = notes.notes_placeholder
        image = next((p for p in notes.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_IMAGE), None)

        def where(shape: Any) -> tuple[int | None, tuple[int, ...]]:
            if shape is None:
                return None, ()
            return tree.index(shape._element), (shape.left, shape.top, shape.width, shape.height)

        return cls(*where(body), *where(image))

    def write(self, element: Any, text: str, theme: DeckTheme) -> None:
        """The notes' lines as paragraphs of the notes box (python-pptx's `clear` and `add_paragraph`), then the fit."""
        if self.body is None:
            return
        tree = element.find(_C_SLD).find(_SP_TREE)
        body = tree[self.body].find(_TX_BODY)
        paragraphs = body.findall(_P)
        for extra in paragraphs[1:]:
            body.remove(extra)
        for content in paragraphs[0].findall("*"):
            if content.tag in (_R, _BREAK, _FLD):
                paragraphs[0].remove(content)
        for index, line in enumerate(text.split("\n")):
            paragraph = paragraphs[0] if index == 0 else etree.SubElement(body, _P)
            _run(paragraph, line, NOTES_SIZE, theme)
        if self.image is not None:
            self._fit(tree, text)

    def _fit(self, tree: Any, text: str) -> None:
        """Notes too long for the notes page's text box at 12 pt take room from the slide picture above it.

        A table's notes spell out every row; at 12 pt they ran off the printed page. The
        picture shrinks (its shape kept, centred) to at most a quarter of its height;
        the lines are counted with the metrics the slides are measured with.
        """
        body_left, body_top, body_width, body_height = self.body_box
        room = (body_width - 2 * Inches(0.1)) / Inches(1) * POINTS
        lines = sum(max(1, len(wrap(line, NOTES_SIZE, room))) for line in text.split("\n"))
        short = int(lines * NOTES_SIZE * NOTES_LINE / POINTS * Inches(1)) + Inches(0.1) - body_height
        if short <= 0:
            return
        left, top, width, height = self.image_box
        lost = min(short, body_top - top - height // 4)
        place(tree[self.body], body_left, body_top - lost, body_width, body_height + lost)
        kept = height - lost
        place(tree[self.image], left + (width - width * kept // height) // 2, top, width * kept // height, kept)


def _place(shape: Any, box: Box) -> None:
    """Put a shape (its element) at `box`."""
    place(shape, Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))


def _frame(body: Any, theme: DeckTheme, inset: float | None = None) -> None:
    """No autofit (the layout made it fit), word wrap on, known insets, in a `p:txBody`.

    Written as python-pptx's word_wrap, auto_size and margin setters write them (an inset
    equal to the schema's default is left out), without their proxies: a sixth of the deck's time.
    """
    properties = body.find(_BODY_PR)
    properties.set("wrap", "square")
    for fit in _AUTOFITS:
        for element in properties.findall(fit):
            properties.remove(element)
    after = next((found for tag in _AFTER_AUTOFIT if (found := properties.find(tag)) is not None), None)
    if after is None:
        etree.SubElement(properties, _NO_AUTOFIT)
    else:
        after.addprevious(etree.Element(_NO_AUTOFIT))
    margin = Inches(theme.inset if inset is None else inset)
    for name, default in _INSETS:
        if margin == default:
            properties.attrib.pop(name, None)
        else:
            properties.set(name, str(margin))


def _run(paragraph: Any, text: str, size: float, theme: DeckTheme, *, bold: bool = False,
         color: str | None = None) -> None:
    """A run at the end of the `a:p`, every property explicit, written as XML: python-pptx's font API cost a third
    of the deck's time."""
    run = etree.Element(_R)
    _run_properties(run, size, theme, bold=bold, color=color)
    etree.SubElement(run, _T).text = text
    end = paragraph.find(_END)
    if end is None:
        paragraph.append(run)
    else:
        end.addprevious(run)


def _linked_runs(slide: PptxSlide, paragraph: Any, text: str, size: float, theme: DeckTheme, *, bold: bool = False,
                 color: str | None = None) -> None:
    """Runs of `text` in the `a:p`, each web address in it a link that opens when clicked in a slide show or the
    editor."""
    for piece in URL.split(text):
        if not piece:
            continue
        _run(paragraph, piece, size, theme, bold=bold, color=color)
        if URL.fullmatch(piece):
            run = paragraph.findall(_R)[-1]
            properties = run.find(_RPR)
            properties.set("u", "sng")
            rId = slide.part.relate_to(piece, RT.HYPERLINK, is_external=True)
            etree.SubElement(properties, qn("a:hlinkClick")).set(qn("r:id"), rId)


def _spacing(paragraph: Any, *, after: float, single: bool = True) -> None:
    """Single line spacing (the layout measured it; a template's master may say 90%) and the space after, of an `a:p`.

    Written as XML at the front of the paragraph's properties, where the schema puts
    them: python-pptx's line_spacing and space_after were a tenth of the deck's time.
    """
    properties = paragraph_properties(paragraph)
    for name in (_LINE, _AFTER):
        for old in properties.findall(name):
            properties.remove(old)
    spacing = etree.Element(_AFTER)
    etree.SubElement(spacing, qn("a:spcPts"), val=str(round(after * 100)))
    properties.insert(0, spacing)
    if single:
        line = etree.Element(_LINE)
        etree.SubElement(line, qn("a:spcPct"), val="100000")
        properties.insert(0, line)


def _run_properties(run: Any, size: float, theme: DeckTheme, *, bold: bool = False, color: str | None = None) -> None:
    props = etree.SubElement(run, _RPR, sz=str(round(size * 100)), b="1" if bold else "0")
    etree.SubElement(etree.SubElement(props, _FILL), _RGB, val=color or theme.ink)
    etree.SubElement(props, _LATIN, typeface=theme.font)


def _colours(backdrop: Backdrop | None, spec: Slide, theme: DeckTheme) -> Colours:
    """Our colours on our own template; on a user's, each role's colour as it reads on what lies behind it."""
    ours = Colours(title=theme.accent, text=theme.ink, label=theme.accent, muted=theme.muted)
    if backdrop is None:
        return ours
    return slide_colours(backdrop, ours, _rect(spec.title_box), _rect(spec.body_box or spec.title_box))


def _link_colour(backdrop: Backdrop, deck: Deck, theme: DeckTheme) -> None:
    """Links in a colour that reads on the template's text slides: blue links were 2:1 on a blue template."""
    body = next((spec.body_box for spec in deck.slides if spec.layout == "content" and spec.body_box), None)
    if body is not None:
        backdrop.recolour_links(link_colour(backdrop, theme.accent, _rect(body)))


def _rect(box: Box) -> Rect:
    return Rect(Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))


def _fill(slide: PptxSlide, spec: Slide, theme: DeckTheme, on_slide: DeckTheme, colours: Colours) -> None:
    """The slide's title and content; `on_slide` is the theme for text on the slide's background (not on our fills)."""
    title = _title(slide)
    _place(title, spec.title_box)
    paragraph = _emptied(slide, title, theme)
    paragraph_properties(paragraph).set("algn", "l" if spec.layout == "title" else "ctr")
    _run(paragraph, spec.title, spec.title_size, theme, bold=True, color=colours.title)
    _plate(slide, title, colours.title_plate)
    needed = spec.layout == "content" or (spec.layout == "title" and bool(spec.subtitle))
    body = _body_placeholder(slide, title, spec.body_box if needed else None)
    if body is not None:
        _plate(slide, body, colours.body_plate)
    if spec.layout == "title":
        _subtitle(slide, body, spec, on_slide)
    elif spec.layout == "content":
        _bullets(slide, body, spec, on_slide)
    else:
        _intro(slide, spec, theme, on_slide, colours.body_plate)
        if spec.table is not None:
            _table(slide, spec, theme)
        else:
            _foods(slide, spec, theme)


def _emptied(slide: PptxSlide, shape: Any, theme: DeckTheme) -> Any:
    """A placeholder's text set up (`_frame`), emptied and anchored at the top; its first paragraph."""
    body = text_body(shape, slide.shapes)
    _frame(body, theme)
    paragraph = cleared(body)
    body.find(_BODY_PR).set("anchor", "t")
    return paragraph


def _title(slide: PptxSlide) -> Any:
    """The slide's title placeholder; on a layout without one, a title placeholder of the slide's own, put first.

    It still inherits the master's title style, and screen readers and the outline
    still find the slide's title, where a plain text box would leave the slide untitled.
    """
    tree = slide.shapes._spTree
    found = title_of(tree)
    if found is None:
        found = tree.add_placeholder(next_shape_id(tree), "Title", PP_PLACEHOLDER.TITLE, "horz", "full", 0)
        tree.insert(2, found)  # after the tree's own properties: first in reading order
    return found


def _body_placeholder(slide: PptxSlide, title: Any, box: Box | None) -> Any:
    """The layout's text placeholder, or a text box where the layout would have had one."""
    title_number = shape_id(title)
    holders = placeholders_by_index(slide.shapes._spTree)
    body = next((shape for shape in holders if shape_id(shape) != title_number), None)
    if body is None and box is not None:
        body = _textbox(slide, box)
    return body


def _drop_empty_placeholders(slide: PptxSlide) -> None:
    """A placeholder left empty shows "Click to add text" in an editor and is read out as empty by a screen reader."""
    tree = slide.shapes._spTree
    for element in list(shape_elements(tree)):
        if placeholder(element) is not None and (element.tag != _SP or not has_text(element)):
            tree.remove(element)


def _subtitle(slide: PptxSlide, body: Any, spec: Slide, theme: DeckTheme) -> None:
    if body is None or spec.body_box is None:
        return
    _place(body, spec.body_box)
    first = _emptied(slide, body, theme)
    for index, line in enumerate(spec.subtitle):
        paragraph = first if index == 0 else etree.SubElement(first.getparent(), _P)
        paragraph_properties(paragraph).set("algn", "l")
        _spacing(paragraph, after=theme.paragraph_gap)
        _run(paragraph, line, theme.subtitle_size, theme, color=theme.muted)


def _bullets(slide: PptxSlide, body: Any, spec: Slide, theme: DeckTheme) -> None:
    assert body is not None and spec.body_box is not None
    _place(body, spec.body_box)
    text = text_body(body, slide.shapes)
    _frame(text, theme)
    paragraph: Any = cleared(text)
    first = True
    for bullet in spec.bullets:
        for paragraph_runs in _paragraphs(bullet):
            paragraph = paragraph if first else etree.SubElement(text, _P)
            first = False
            _spacing(paragraph, after=theme.paragraph_gap if paragraph_runs[-1][2] else 0)
            for words, bold, _ in paragraph_runs:
                _linked_runs(slide, paragraph, words, spec.body_size, theme, bold=bold,
                             color=theme.accent if bold else None)
            hanging = not (bullet.stacked and not paragraph_runs[0][1])
            _bullet_mark(paragraph, theme, theme.bullet_indent, hanging=hanging)


def _bullet_mark(paragraph: Any, theme: DeckTheme, indent_in: float, *, hanging: bool = True) -> None:
    """A bullet hanging at the layout's indent, in one colour whatever the first word's (a mark follows its text's).

    Not `hanging`: no mark, the text aligned under the bullet text above (a FAQ answer under its question).
    """
    properties = paragraph_properties(paragraph)
    indent = Inches(indent_in)
    properties.set("marL", str(indent))
    properties.set("indent", str(-indent if hanging else 0))
    if hanging:
        etree.SubElement(etree.SubElement(properties, qn("a:buClr")), _RGB, val=theme.accent)
        etree.SubElement(properties, qn("a:buFont"), typeface=theme.font)
        etree.SubElement(properties, qn("a:buChar"), char="•")
    else:
        etree.SubElement(properties, qn("a:buNone"))


def _paragraphs(bullet: Bullet) -> list[list[tuple[str, bool, bool]]]:
    """(text, bold, ends the bullet) runs, one list per paragraph; a stacked bullet's text hangs under its label."""
    if bullet.stacked:
        return [[(bullet.label, True, False)], [(bullet.text, False, True)]]
    if bullet.label:
        return [[(bullet.label, True, False), (": " + bullet.text, False, True)]]
    return [[(bullet.text, False, True)]]


def _intro(slide: PptxSlide, spec: Slide, theme: DeckTheme, on_slide: DeckTheme, plate: str | None) -> None:
    """The sentences that lead into a food grid or a table, above it, and a short paragraph after it, under it."""
    if spec.intro and spec.body_box is not None:
        below = spec.table.box.y if spec.table is not None else spec.foods[0].box.y
        _text_box(slide, replace(spec.body_box, h=below - spec.body_box.y), spec.intro, theme, on_slide, plate)
    if spec.outro and spec.outro_box is not None:
        _text_box(slide, spec.outro_box, spec.outro, theme, on_slide, plate)


def _text_box(slide: PptxSlide, where: Box, text: str, theme: DeckTheme, on_slide: DeckTheme,
              plate: str | None) -> None:
    box = _textbox(slide, where)
    _plate(slide, box, plate)
    body = box.find(_TX_BODY)
    _frame(body, theme)
    _run(body.find(_P), text, theme.body_size, on_slide)
    _spacing(body.find(_P), after=0)


def _foods(slide: PptxSlide, spec: Slide, theme: DeckTheme) -> None:
    for column in spec.foods:
        shape = slide.shapes.add_shape(1, Inches(column.box.x), Inches(column.box.y), Inches(column.box.w),
                                       Inches(column.box.h))
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(theme.tint)
        shape.line.fill.background()
        shape.shadow.inherit = False
        text = text_body(shape._element, slide.shapes)
        _frame(text, theme)
        text.find(_BODY_PR).set("anchor", "t")
        head = text.find(_P)
        paragraph_properties(head).set("algn", "l")
        _spacing(head, after=theme.paragraph_gap, single=False)
        _run(head, column.group, column.size, theme, bold=True, color=theme.accent)
        for item in column.items:
            paragraph = etree.SubElement(text, _P)
            paragraph_properties(paragraph).set("algn", "l")
            _spacing(paragraph, after=0)
            _bullet_mark(paragraph, theme, theme.food_indent)
            _run(paragraph, item, column.size, theme)


def _table(slide: PptxSlide, spec: Slide, theme: DeckTheme) -> None:
    part = spec.table
    assert part is not None
    rows = [part.header, *part.rows]
    frame = slide.shapes.add_table(len(rows), len(part.header), Inches(part.box.x), Inches(part.box.y),
                                   Inches(part.box.w), Inches(part.box.h))
    table = frame.table
    table.first_row = True
    table.horz_banding = False
    _sizes(frame._element, table._tbl, [Inches(width) for width in part.widths],
           [Inches(height) for height in part.heights])
    for r, (cells, row) in enumerate(zip(rows, table._tbl.iterchildren(_ROW), strict=True)):
        fill = str(RGBColor.from_string(theme.header_fill if r == 0 else "FFFFFF"))
        for c, (text, cell) in enumerate(zip(cells, row.iterchildren(_CELL), strict=True)):
            _cell(cell, fill, Inches(theme.cell_margin))
            paragraph = cell.find(_TABLE_TEXT).find(_P)
            _spacing(paragraph, after=0)
            _run(paragraph, text, part.size, theme, bold=r == 0 or c == 0)


def _sizes(frame: Any, table: Any, widths: list[int], heights: list[int]) -> None:
    """Column widths and row heights (EMU), and the table's frame the size of their sums, as python-pptx's width and
    height setters leave them: each of those sums every row again, once per row."""
    for column, width in zip(table.find(_GRID).iterchildren(_GRID_COLUMN), widths, strict=True):
        column.set("w", str(width))
    for row, height in zip(table.iterchildren(_ROW), heights, strict=True):
        row.set("h", str(height))
    extent = frame.find(_FRAME_XFRM).find(qn("a:ext"))
    extent.set("cx", str(sum(widths)))
    extent.set("cy", str(sum(heights)))


def _cell(cell: Any, fill: str, margin: int) -> None:
    """A new table cell (`a:tc`) filled with `fill`, with `margin` all round and its text wrapped.

    Written as python-pptx's cell fill, margin and word_wrap setters write it (every
    margin, in that order) into the cell python-pptx made: its proxies, once per cell,
    were half the time of a deck with a table.
    """
    properties = cell.find(_CELL_PR)
    for old in [child for child in properties if child.tag in _FILLS]:
        properties.remove(old)
    solid = etree.Element(_FILL)
    etree.SubElement(solid, _RGB, val=fill)
    after = next((found for tag in _AFTER_FILL if (found := properties.find(tag)) is not None), None)
    if after is None:
        properties.append(solid)
    else:
        after.addprevious(solid)
    for name in ("marL", "marR", "marT", "marB"):
        properties.set(name, str(margin))
    cell.find(_TABLE_TEXT).find(_BODY_PR).set("wrap", "square")


def _footer(slide: PptxSlide, deck: Deck, number: int, theme: DeckTheme, backdrop: Backdrop | None) -> None:
    """Short title and a live slide-number field: on a user's template, in its own footer and slide-number
    placeholders when the layout has them (placed and aligned as its design expects), else in boxes of ours along the
    slide's foot; each in a colour that reads on what lies behind it."""
    y = deck.height - theme.footer_height
    short, where = _footer_box(slide, "ftr", backdrop, deck, Box(theme.margin, y, deck.width * 0.6, 0.4), theme)
    size = _footer_size(where, deck.short_title, theme)
    colour = _footer_colour(slide, short, where, backdrop, theme)
    _run(first_paragraph(short, slide.shapes), deck.short_title, size, theme, color=colour)
    count, where = _footer_box(slide, "sldNum", backdrop, deck, Box(deck.width - theme.margin - 1.2, y, 1.2, 0.4),
                               theme)
    paragraph = first_paragraph(count, slide.shapes)
    if placeholder(count) is None:
        paragraph_properties(paragraph).set("algn", "r")
    field_id = f"{{B6F15E2A-0000-4000-8000-{number:012d}}}"
    field = etree.SubElement(paragraph, _FLD, id=field_id, type="slidenum")
    _run_properties(field, theme.footer_size, theme, color=_footer_colour(slide, count, where, backdrop, theme))
    etree.SubElement(field, _T).text = str(number)


def _footer_box(slide: PptxSlide, kind: str, backdrop: Backdrop | None, deck: Deck, ours: Box,
                theme: DeckTheme) -> tuple[Any, Rect]:
    """The slide's copy of its layout's `kind` placeholder on a user's template (python-pptx copies none), else a
    text box of ours at `ours`; and where it is (the shape's element)."""
    found = backdrop.placeholder(kind) if backdrop is not None else None
    if found is not None and _on_slide(found[1], deck):
        slide.shapes.clone_placeholder(found[0])
        return slide.placeholders[found[0].placeholder_format.idx]._element, found[1]
    shape = _textbox(slide, ours)
    _frame(shape.find(_TX_BODY), theme, 0.05)
    return shape, _rect(ours)


def _textbox(slide: PptxSlide, box: Box) -> Any:
    """A new text box at `box` (its element)."""
    return add_textbox(slide.shapes._spTree, Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))


def _on_slide(rect: Rect, deck: Deck) -> bool:
    """A template resized without its master keeps placeholders where the old slide ended."""
    return rect.x >= 0 and rect.y >= 0 and rect.x + rect.w <= Inches(deck.width) and rect.y + rect.h <= Inches(
        deck.height)


def _footer_size(where: Rect, text: str, theme: DeckTheme) -> float:
    """Our footer size, or smaller down to 10 pt where a template's footer placeholder is too narrow for one line."""
    room = (where.w - 2 * Inches(0.1)) / Inches(1) * POINTS  # a placeholder's default side insets
    size = theme.footer_size
    while size > FOOTER_FLOOR and len(wrap(text, size, room)) > 1:
        size -= 1
    return size


def _footer_colour(slide: PptxSlide, shape: Any, where: Rect, backdrop: Backdrop | None, theme: DeckTheme) -> str:
    """The footer's colour as it reads where it sits: in a template's placeholder, at its middle (its text is short
    and the template aligns it), with a plate only where nothing reads there."""
    if backdrop is None:
        return theme.muted
    candidates = [backdrop.text_colour("ftr"), theme.muted]
    if placeholder(shape) is None:
        return readable(candidates, backdrop.behind(where))
    colour, plate = text_on(backdrop, candidates, where, middle=True)
    _plate(slide, shape, plate)
    return colour


def _plate(slide: PptxSlide, element: Any, colour: str | None) -> None:
    """A solid fill behind a shape's text, where what the template draws there is too mixed for any text colour."""
    if colour is not None:
        shape = SlideShapeFactory(element, slide.shapes)
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(colour)


def _cover(slide: PptxSlide, spec: Slide, brand: Brand | None, brand_dir: Path | None, theme: DeckTheme) -> None:
    """The title slide's band and rule (when the layout gave them), the clinic and its logo."""
    cover = spec.cover
    assert cover is not None
    for box in (cover.band, cover.rule):
        if box is not None:
            shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(Inches(v) for v in (box.x, box.y, box.w, box.h)))
            shape.fill.solid()
            shape.fill.fore_color.rgb = RGBColor.from_string(theme.accent)
            shape.line.fill.background()
            shape.shadow.inherit = False
    if brand is None or cover.clinic_box is None:
        return
    body = _textbox(slide, cover.clinic_box).find(_TX_BODY)
    _frame(body, theme)
    _run(body.find(_P), cover.clinic, theme.clinic_size, theme, color=theme.ink)
    logo = clinic_logo(brand, brand_dir)
    if logo is None or cover.logo_box is None:
        return
    room = cover.logo_box
    picture = slide.shapes.add_picture(str(logo.path), Inches(room.x), Inches(room.y), height=Inches(room.h))
    if picture.width > Inches(room.w):
        ratio = Inches(room.w) / picture.width
        picture.width, picture.height = Emu(int(picture.width * ratio)), Emu(int(picture.height * ratio))
    picture.left = Inches(room.x + room.w) - picture.width


def _properties(presentation: Any, article: Article, brand: Brand | None, when: dt.datetime) -> None:
    props = presentation.core_properties
    for name, value in properties(article, brand).as_dict().items():
        setattr(props, name, value)
    props.last_modified_by = ""
    props.revision = 1
    naive = when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    props.created = props.modified = props.last_printed = naive
