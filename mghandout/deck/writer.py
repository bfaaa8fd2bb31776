"""The deck writer: a laid-out `Deck` to .pptx bytes.

It decides nothing about what goes where (that is the `layout` package); it builds each slide
on the template's layout for its kind (found by `template.py`), places each box where
the layout step put it, sets every size explicitly, turns autofit off (the layout
already guaranteed the fit), colours text as `backdrop.py` finds it reads on the
template, has `package.py` make the package true, and makes the file byte-for-byte
reproducible (`save.py`). New slides and notes pages come from `pages.py`, text from
`text.py`, tables from `table.py`, and shapes are found and placed by `shapes.py`:
python-pptx's proxies were most of the deck's time, so those write the same XML
directly. Only the deck's modules import python-pptx.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from dataclasses import astuple, replace
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.shapes.shapetree import SlideShapeFactory
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Inches

from mghandout.deck import package, xpath
from mghandout.deck.accessibility import make_accessible
from mghandout.deck.backdrop import Backdrop, Colours, Rect, link_colour, readable, slide_colours, text_on
from mghandout.deck.language import tag_language
from mghandout.deck.layout import POINTS, Box, Bullet, Deck, Mark, Slide
from mghandout.deck.measure import wrap
from mghandout.deck.pages import Notes, Slides
from mghandout.deck.save import save
from mghandout.deck.shapes import (
    add_textbox,
    cleared,
    first_paragraph,
    has_text,
    next_shape_id,
    paragraph_properties,
    place,
    placeholder,
    placeholders_by_index,
    shape_elements,
    shape_id,
    text_body,
)
from mghandout.deck.shapes import title as title_of
from mghandout.deck.table import table
from mghandout.deck.template import find_layout
from mghandout.deck.template import open_template as open_user_template
from mghandout.deck.text import bullet_mark, frame, linked_runs, run, run_properties, spacing
from mghandout.deck.theme import DeckTheme
from mghandout.logo import clinic_logo
from mghandout.metadata import properties
from mghandout.model import Article, Brand

_SP, _TX_BODY, _P, _FLD, _T = qn("p:sp"), qn("p:txBody"), qn("a:p"), qn("a:fld"), qn("a:t")
_BODY_PR, _RGB = qn("a:bodyPr"), qn("a:srgbClr")
LAYOUTS = ("title", "content", "title_only")
"""The kinds of slide layout the deck builds on."""
WIDE = (Emu(12192000), Emu(6858000))
"""PowerPoint's widescreen slide, 13.333 x 7.5 in."""
FOOTER_FLOOR = 10.0
"""The smallest footer type, for a template's narrow footer placeholder."""


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
    notes, slides = Notes(), Slides(presentation)
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


def _place(shape: Any, box: Box) -> None:
    """Put a shape (its element) at `box`."""
    place(shape, Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))


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
    for index, line in enumerate(spec.title_lines or (spec.title,)):
        if index:  # a paragraph a line, not a line break: the slide's title is its document part's name in app.xml
            paragraph = etree.SubElement(paragraph.getparent(), _P)
            paragraph_properties(paragraph).set("algn", "ctr")
        run(paragraph, line, spec.title_size, theme, bold=True, color=colours.title)
    _plate(slide, title, colours.title_plate)
    needed = spec.layout == "content" or (spec.layout == "title" and bool(spec.subtitle))
    body = _body_placeholder(slide, title, spec.body_box if needed else None)
    if body is not None:
        _plate(slide, body, colours.body_plate)
    if spec.layout == "title":
        _subtitle(slide, body, spec, on_slide)
    elif spec.layout == "content":
        _bullets(slide, body, spec, on_slide)
        if spec.mark is not None:
            _mark(slide, spec.mark, theme)
    else:
        _intro(slide, spec, theme, on_slide, colours.body_plate)
        if spec.table is not None:
            table(slide, spec, theme)
        else:
            _foods(slide, spec, theme)


def _emptied(slide: PptxSlide, shape: Any, theme: DeckTheme) -> Any:
    """A shape's text body set up (`frame`), emptied and anchored at the top; its first paragraph."""
    body = text_body(shape, slide.shapes)
    frame(body, theme)
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
        spacing(paragraph, after=theme.paragraph_gap)
        run(paragraph, line, theme.subtitle_size, theme, color=theme.muted)


def _bullets(slide: PptxSlide, body: Any, spec: Slide, theme: DeckTheme) -> None:
    assert body is not None and spec.body_box is not None
    _place(body, spec.body_box)
    text = text_body(body, slide.shapes)
    frame(text, theme)
    first = cleared(text)
    paragraphs = [(bullet, runs) for bullet in spec.bullets for runs in _paragraphs(bullet)]
    for index, (bullet, paragraph_runs) in enumerate(paragraphs):
        paragraph = first if index == 0 else etree.SubElement(text, _P)
        spacing(paragraph, after=theme.paragraph_gap if paragraph_runs[-1][2] else 0)
        for words, bold, _ in paragraph_runs:
            linked_runs(slide, paragraph, words, spec.body_size, theme, bold=bold, color=theme.accent if bold else None)
        hanging = not bullet.plain and not (bullet.stacked and not paragraph_runs[0][1])
        bullet_mark(paragraph, theme, theme.bullet_indent, hanging=hanging)


def _mark(slide: PptxSlide, mark: Mark, theme: DeckTheme) -> None:
    """A callout's frame (four bands of the kind's colour inside its edge, thick for a warning, thin for a tip: no shape
    lies over another, so the reading order changes no pixel), its icon named for screen readers, and the word for
    its kind beside it."""
    warning = mark.kind == "warning"
    for band in _bands(mark.frame, mark.band):
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(Inches(v) for v in astuple(band)))
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(mark.ink)
        shape.line.fill.background()
        shape.shadow.inherit = False
    icon = slide.shapes.add_shape(MSO_SHAPE.ISOSCELES_TRIANGLE if warning else MSO_SHAPE.OVAL,
                                  *(Inches(v) for v in astuple(mark.icon)))
    icon.fill.solid()
    icon.fill.fore_color.rgb = RGBColor.from_string(mark.ink)
    icon.line.fill.background()
    icon.shadow.inherit = False
    names = icon._element.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}")
    names.set("name", mark.label)
    names.set("descr", mark.label)
    sign = _emptied(slide, icon._element, theme)
    paragraph_properties(sign).set("algn", "ctr")
    icon._element.find(_TX_BODY).find(_BODY_PR).set("anchor", "b" if warning else "ctr")
    for side in ("lIns", "rIns", "tIns", "bIns"):
        icon._element.find(_TX_BODY).find(_BODY_PR).set(side, "0")
    run(sign, "!" if warning else "i", mark.icon.h * POINTS * 0.5, theme, bold=True, color="FFFFFF")
    label = _textbox(slide, mark.label_box)
    word = _emptied(slide, label, theme)
    label.find(_TX_BODY).find(_BODY_PR).set("anchor", "ctr")
    run(word, mark.label, mark.label_size, theme, bold=True, color=mark.ink)


def _bands(frame: Box, thick: float) -> tuple[Box, ...]:
    """The four sides of `frame`, `thick` inches, inside it; the left and right ones between the top and bottom."""
    apart = thick / 4  # clear of the top and bottom bands once lengths are rounded to whole EMU
    inner = frame.h - 2 * (thick + apart)
    top = frame.y + thick + apart
    return (Box(frame.x, frame.y, frame.w, thick), Box(frame.x, frame.y + frame.h - thick, frame.w, thick),
            Box(frame.x, top, thick, inner), Box(frame.x + frame.w - thick, top, thick, inner))


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
    frame(body, theme)
    for index, line in enumerate(text.split("\n")):
        paragraph = body.find(_P) if index == 0 else etree.SubElement(body, _P)
        run(paragraph, line, theme.body_size, on_slide)
        spacing(paragraph, after=0)


def _foods(slide: PptxSlide, spec: Slide, theme: DeckTheme) -> None:
    """Each group's card: one tinted shape, or for a card two columns wide three that meet edge to edge (its heading,
    then its foods' two halves), so no shape lies over another."""
    for column in spec.foods:
        second = column.second
        heading = column.box if second is None else replace(column.box, h=second.y - column.box.y - _HAIR)
        body = _card(slide, heading, theme)
        head = body.find(_P)
        paragraph_properties(head).set("algn", "l")
        spacing(head, after=theme.paragraph_gap, single=False)
        run(head, column.group, column.size, theme, bold=True, color=theme.accent)
        if second is None:
            _food_items(body, column.items, column.size, theme)
            continue
        left = replace(second, x=column.box.x, w=second.x - column.box.x - _HAIR)
        for box, items in ((left, column.items[:column.split]), (second, column.items[column.split:])):
            part = _card(slide, box, theme)
            part.remove(part.find(_P))
            _food_items(part, items, column.size, theme)


_HAIR = 2 / 914400
"""Inches (two EMU) between the parts of a two-column card: they meet to the eye, never overlap once rounded."""


def _card(slide: PptxSlide, box: Box, theme: DeckTheme) -> Any:
    """A tinted rectangle at `box`, set up for text; its text body (`p:txBody`), with one empty paragraph."""
    shape = slide.shapes.add_shape(1, Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(theme.tint)
    shape.line.fill.background()
    shape.shadow.inherit = False
    _emptied(slide, shape._element, theme)
    return shape._element.find(_TX_BODY)


def _food_items(body: Any, items: tuple[str, ...], size: float, theme: DeckTheme) -> None:
    """The foods as bulleted paragraphs at the end of a text body."""
    for item in items:
        paragraph = etree.SubElement(body, _P)
        paragraph_properties(paragraph).set("algn", "l")
        spacing(paragraph, after=0)
        bullet_mark(paragraph, theme, theme.food_indent)
        run(paragraph, item, size, theme)


def _footer(slide: PptxSlide, deck: Deck, number: int, theme: DeckTheme, backdrop: Backdrop | None) -> None:
    """Short title and a live slide-number field: on a user's template, in its own footer and slide-number
    placeholders when the layout has them (placed and aligned as its design expects), else in boxes of ours along the
    slide's foot; each in a colour that reads on what lies behind it."""
    y = deck.height - theme.footer_height
    short, where = _footer_box(slide, "ftr", backdrop, deck, Box(theme.margin, y, deck.width * 0.6, 0.4), theme)
    size = _footer_size(where, deck.short_title, theme)
    colour = _footer_colour(slide, short, where, backdrop, theme)
    run(first_paragraph(short, slide.shapes), deck.short_title, size, theme, color=colour)
    count, where = _footer_box(slide, "sldNum", backdrop, deck, Box(deck.width - theme.margin - 1.2, y, 1.2, 0.4),
                               theme)
    paragraph = first_paragraph(count, slide.shapes)
    if placeholder(count) is None:
        paragraph_properties(paragraph).set("algn", "r")
    field_id = f"{{B6F15E2A-0000-4000-8000-{number:012d}}}"
    field = etree.SubElement(paragraph, _FLD, id=field_id, type="slidenum")
    run_properties(field, theme.footer_size, theme, color=_footer_colour(slide, count, where, backdrop, theme))
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
    frame(shape.find(_TX_BODY), theme, 0.05)
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
    frame(body, theme)
    run(body.find(_P), cover.clinic, theme.clinic_size, theme, color=theme.ink)
    logo = clinic_logo(brand, brand_dir)
    if logo is None or cover.logo_box is None:
        return
    room = cover.logo_box
    picture = slide.shapes.add_picture(io.BytesIO(logo.data), Inches(room.x), Inches(room.y), height=Inches(room.h))
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
