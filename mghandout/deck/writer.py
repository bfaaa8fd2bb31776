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
from mghandout.deck.backdrop import (
    MINIMUM,
    Backdrop,
    Colours,
    Rect,
    contrast,
    link_colour,
    readable,
    slide_colours,
    text_on,
)
from mghandout.deck.template_cover import inches, on_template
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
from mghandout.deck.text import bullet_mark, frame, link_last_run, linked_runs, run, run_properties, spacing
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
    """Where a user's template lets a content slide's body go, in inches: its content layout's body placeholder, less
    any picture or filled shape of the layout or master that reaches into it (a logo in its corner).

    A template's designer keeps that placeholder clear of the art at its foot (Blue Curve's
    waves); our own deck has none, and its body box is the layout's alone (None). Where the
    placeholder cannot hold the body (none, past the slide's edge as on a template resized
    without its master, or less than half the room the slide leaves, as Midnightblue's small
    box), the area is the slide less the bands at its top and foot: bullets ran under
    Midnightblue's title band when a deck's titles took one line.
    """
    if template is None:
        return None
    layout = find_layout(presentation, "content", template)
    backdrop = Backdrop(layout)
    room = backdrop.clear_of_art(backdrop.slide_rect())
    body = next((holder for holder in layout.placeholders if holder.placeholder_format.type not in _NOT_BODY), None)
    if body is None or None in (body.left, body.top, body.width, body.height):
        return inches(room)
    if body.left + body.width > presentation.slide_width or body.top + body.height > presentation.slide_height:
        return inches(room)
    area = backdrop.clear_of_art(Rect(body.left, body.top, body.width, body.height))
    return inches(area if area.w * 2 >= room.w and area.h * 2 >= room.h else room)


_NOT_BODY = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.DATE,
             PP_PLACEHOLDER.SLIDE_NUMBER)


def write(presentation: Any, deck: Deck, article: Article, theme: DeckTheme, *, brand: Brand | None,
          brand_dir: Path | None, when: dt.datetime, template: Path | None) -> bytes:
    """Serialise `deck` into `presentation` and return the .pptx bytes."""
    package.forget_stray_properties(presentation)
    layouts = {kind: find_layout(presentation, kind, template) for kind in LAYOUTS}
    backdrops = {kind: Backdrop(layout) for kind, layout in layouts.items()} if template is not None else {}
    specs = [on_template(spec, backdrops.get(spec.layout), deck.theme) for spec in deck.slides]
    for kind, backdrop in backdrops.items():
        backdrop.hide_words_under(_rect(box) for spec in specs if spec.layout == kind for box in _text_boxes(spec))
        numbering = backdrop.numbering()
        if numbering is not None:
            numbering[0].find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}").set("hidden", "1")
    link = _link_colour(backdrops["content"], deck, theme) if "content" in backdrops else None
    notes, slides = Notes(), Slides(presentation)
    for number, spec in enumerate(specs, start=1):
        slide = slides.add(layouts[spec.layout])
        colours = _colours(backdrops.get(spec.layout), spec, theme)
        on_slide = replace(theme, ink=colours.text, accent=colours.label, muted=colours.muted)
        _fill(slide, spec, theme, on_slide, colours)
        if spec.cover is not None:
            _cover(slide, spec, brand, brand_dir, on_slide, backdrops.get(spec.layout), link)
        _footer(slide, deck, number, theme, backdrops.get(spec.layout))
        _drop_empty_placeholders(slide)
        make_accessible(slide, theme.labels.logo.format(clinic=brand.clinic) if brand else None)
        notes.add(slide, spec.notes, theme)
    tag_language(presentation, article.language)
    _properties(presentation, article, brand, when)
    package.finish(presentation)
    return save(presentation, when)


def _text_boxes(spec: Slide) -> list[Box]:
    """Where a slide puts words: its title, body, the line after a grid or table, the clinic on the title slide."""
    cover = spec.cover
    boxes = [spec.title_box, spec.body_box, spec.outro_box, cover.clinic_box if cover is not None else None]
    return [box for box in boxes if box is not None]


def _place(shape: Any, box: Box) -> None:
    """Put a shape (its element) at `box`."""
    place(shape, Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))


def _colours(backdrop: Backdrop | None, spec: Slide, theme: DeckTheme) -> Colours:
    """Our colours on our own template; on a user's, each role's colour as it reads on what lies behind it."""
    ours = Colours(title=theme.accent, text=theme.ink, label=theme.accent, muted=theme.muted)
    if backdrop is None:
        return ours
    return slide_colours(backdrop, ours, _rect(spec.title_box), _rect(spec.body_box or spec.title_box))


def _link_colour(backdrop: Backdrop, deck: Deck, theme: DeckTheme) -> str | None:
    """Links in a colour that reads on the template's text slides (blue links were 2:1 on a blue template): the
    theme's link colour as it now is."""
    body = next((spec.body_box for spec in deck.slides if spec.layout == "content" and spec.body_box), None)
    if body is None:
        return backdrop.scheme_colour("hlink")
    colour = link_colour(backdrop, theme.accent, _rect(body))
    backdrop.recolour_links(colour)
    return colour


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
    slide's foot; each in a colour that reads on what lies behind it. No number of ours where the template draws
    one on every slide itself."""
    y = deck.height - theme.footer_height
    short, where = _footer_box(slide, "ftr", backdrop, deck, Box(theme.margin, y, deck.width * 0.6, 0.4), theme)
    size = _footer_size(where, deck.short_title, theme)
    colour = _footer_colour(slide, short, where, backdrop, theme, "ftr")
    run(first_paragraph(short, slide.shapes), deck.short_title, size, theme, color=colour)
    numbering = backdrop.numbering() if backdrop is not None else None
    if numbering is not None:
        _template_number(slide, number, numbering, backdrop, theme)
        return
    count, where = _footer_box(slide, "sldNum", backdrop, deck, Box(deck.width - theme.margin - 1.2, y, 1.2, 0.4),
                               theme)
    paragraph = first_paragraph(count, slide.shapes)
    if placeholder(count) is None:
        paragraph_properties(paragraph).set("algn", "r")
    field_id = f"{{B6F15E2A-0000-4000-8000-{number:012d}}}"
    field = etree.SubElement(paragraph, _FLD, id=field_id, type="slidenum")
    run_properties(field, theme.footer_size, theme,
                   color=_footer_colour(slide, count, where, backdrop, theme, "sldNum"))
    etree.SubElement(field, _T).text = str(number)


def _template_number(slide: PptxSlide, number: int, numbering: tuple[Any, Rect], backdrop: Backdrop | None,
                     theme: DeckTheme) -> None:
    """The template's own numbering text box, hidden on its master or layout (see `Backdrop.numbering`), copied onto
    the slide as it was designed: its place, type and alignment, its number in a colour that reads there."""
    assert backdrop is not None
    shape, where = numbering
    copied = copy.deepcopy(shape)
    copied.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}").attrib.pop("hidden", None)
    copied.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}").set("id", str(next_shape_id(slide.shapes._spTree)))
    fields = [field for field in copied.iter(_FLD) if field.get("type") == "slidenum"]
    theirs = next((backdrop.colour(fill) for field in fields for fill in field.iter(qn("a:solidFill"))), None)
    colour = readable([theirs, theme.muted], backdrop.at(*where.points()[0]))
    for field in fields:
        field.set("id", f"{{B6F15E2A-0000-4000-8000-{number:012d}}}")
        for text in field.iter(_T):
            text.text = str(number)
        properties = field.find(qn("a:rPr"))
        if properties is None:
            properties = etree.Element(qn("a:rPr"))
            field.insert(0, properties)
        for fill in properties.findall(qn("a:solidFill")) + properties.findall(qn("a:noFill")):
            properties.remove(fill)
        fill = etree.Element(qn("a:solidFill"))
        etree.SubElement(fill, _RGB, val=colour)
        line = properties.find(qn("a:ln"))
        properties.insert(0 if line is None else properties.index(line) + 1, fill)
    slide.shapes._spTree.append(copied)


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


def _footer_colour(slide: PptxSlide, shape: Any, where: Rect, backdrop: Backdrop | None, theme: DeckTheme,
                   kind: str) -> str:
    """The footer's colour as it reads on all that lies behind its box (a template's `kind` placeholder on its own
    fill), with a plate behind it where nothing reads on all of that: a footer straddling the edge of a band read on
    one side only."""
    if backdrop is None:
        return theme.muted
    candidates = [backdrop.text_colour(kind), theme.muted]
    colour, plate = text_on(backdrop, candidates, where, kind=kind if placeholder(shape) is not None else None)
    _plate(slide, shape, plate)
    return colour


def _plate(slide: PptxSlide, element: Any, colour: str | None) -> None:
    """A solid fill behind a shape's text, where what the template draws there is too mixed for any text colour."""
    if colour is not None:
        shape = SlideShapeFactory(element, slide.shapes)
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(colour)


def _cover(slide: PptxSlide, spec: Slide, brand: Brand | None, brand_dir: Path | None, theme: DeckTheme,
           backdrop: Backdrop | None, link: str | None) -> None:
    """The title slide's band and rule (when the layout gave them), the clinic and its logo; on a user's template
    the clinic's line in a colour that reads on what lies behind it (Vivid's band), with a plate if need be."""
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
    box = _textbox(slide, cover.clinic_box)
    body = box.find(_TX_BODY)
    frame(body, theme)
    if backdrop is not None:
        theme = replace(theme, ink=_clinic_colour(slide, box, backdrop, _rect(cover.clinic_box), link, theme))
    _clinic(slide, body.find(_P), brand, theme)
    logo = clinic_logo(brand, brand_dir)
    if logo is None or cover.logo_box is None:
        return
    room = cover.logo_box
    picture = slide.shapes.add_picture(io.BytesIO(logo.data), Inches(room.x), Inches(room.y), height=Inches(room.h))
    if picture.width > Inches(room.w):
        ratio = Inches(room.w) / picture.width
        picture.width, picture.height = Emu(int(picture.width * ratio)), Emu(int(picture.height * ratio))
    picture.left = Inches(room.x + room.w) - picture.width


def _clinic_colour(slide: PptxSlide, box: Any, backdrop: Backdrop, where: Rect, link: str | None,
                   theme: DeckTheme) -> str:
    """The clinic line's colour on a user's template, with a plate where nothing reads on all behind it, or where the
    theme's `link` colour (in which presentation programs paint its phone and website) does not: white or black,
    whichever the link reads on."""
    colour, plate = text_on(backdrop, [theme.ink], where)
    behind = [plate] if plate is not None else backdrop.behind(where)
    if link is not None and min(contrast(link, back) for back in behind) < MINIMUM:
        plate = max(("FFFFFF", "000000"), key=lambda back: contrast(link, back))
        colour = readable([theme.ink], [plate])
    _plate(slide, box, plate)
    return colour


def _clinic(slide: PptxSlide, paragraph: Any, brand: Brand, theme: DeckTheme) -> None:
    """The clinic's name, phone and website as the layout set them, the phone a `tel:` link and the website a link:
    a deck passed on as a file reaches the clinic in one click."""
    parts = [(brand.clinic, None), (brand.phone, _tel(brand.phone)), (brand.website, _web(brand.website))]
    for index, (text, target) in enumerate((text, target) for text, target in parts if text):
        if index:
            run(paragraph, " · ", theme.clinic_size, theme, color=theme.ink)
        run(paragraph, text, theme.clinic_size, theme, color=theme.ink)
        if target:
            link_last_run(slide, paragraph, target)


def _tel(phone: str | None) -> str | None:
    """A `tel:` address for a phone number as printed ("+1 (555) 010-2000"), or None when it has no digits."""
    digits = "".join(c for c in phone or "" if c.isdigit())
    return f"tel:{'+' if (phone or '').lstrip().startswith('+') else ''}{digits}" if digits else None


def _web(website: str | None) -> str | None:
    """A web address for a website as printed ("clinic.example.org"), or None for one with a space in it."""
    if not website or any(c.isspace() for c in website.strip()):
        return None
    address = website.strip()
    return address if "://" in address else f"https://{address}"


def _properties(presentation: Any, article: Article, brand: Brand | None, when: dt.datetime) -> None:
    props = presentation.core_properties
    for name, value in properties(article, brand).as_dict().items():
        setattr(props, name, value)
    props.last_modified_by = ""
    props.revision = 1
    naive = when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    props.created = props.modified = props.last_printed = naive
