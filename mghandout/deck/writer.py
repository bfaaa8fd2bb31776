"""The deck writer: a laid-out `Deck` to .pptx bytes. The only module that imports python-pptx.

It decides nothing about what goes where (that is `layout.py`); it finds the
template's layouts by name, places each box where the layout step put it, sets every
size explicitly, turns autofit off (the layout already guaranteed the fit), and
makes the file byte-for-byte reproducible.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart
from pptx.slide import Slide as PptxSlide
from pptx.slide import SlideLayout
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches

from mghandout.deck.accessibility import make_accessible
from mghandout.deck.language import tag_language
from mghandout.deck.layout import FOOD_INDENT, Box, Bullet, Deck, Slide
from mghandout.deck.theme import DeckTheme
from mghandout.errors import InputError
from mghandout.logo import clinic_logo
from mghandout.model import Article, Brand

_R, _RPR, _T, _END = qn("a:r"), qn("a:rPr"), qn("a:t"), qn("a:endParaRPr")
_FILL, _RGB, _LATIN = qn("a:solidFill"), qn("a:srgbClr"), qn("a:latin")
_LINE, _AFTER = qn("a:lnSpc"), qn("a:spcAft")
LAYOUTS = {"title": "Title Slide", "content": "Title and Content", "title_only": "Title Only"}
WIDE = (Inches(13.333), Inches(7.5))


class TemplateError(InputError):
    """The template cannot be used: unreadable, or missing a layout the deck needs."""


def open_template(template: Path | None) -> Any:
    """The presentation to build on: the user's template (its slides removed) or python-pptx's, widened to 16:9."""
    if template is None:
        presentation = Presentation()
        presentation.slide_width, presentation.slide_height = WIDE
        return presentation
    try:
        presentation = Presentation(str(template))
    except Exception as error:
        raise TemplateError(str(template), f"not a PowerPoint file that can be read ({type(error).__name__})",
                            "save it from PowerPoint as .pptx, or leave out --template") from None
    _remove_slides(presentation)
    for name in LAYOUTS.values():
        _layout(presentation, name, template)
    return presentation


def slide_size(presentation: Any) -> tuple[float, float]:
    """The slide size in inches."""
    return presentation.slide_width / 914400, presentation.slide_height / 914400


def write(presentation: Any, deck: Deck, article: Article, theme: DeckTheme, *, brand: Brand | None,
          brand_dir: Path | None, when: dt.datetime, template: Path | None) -> bytes:
    """Serialise `deck` into `presentation` and return the .pptx bytes."""
    layouts = {kind: _layout(presentation, name, template) for kind, name in LAYOUTS.items()}
    notes = _Notes()
    for number, spec in enumerate(deck.slides, start=1):
        slide = presentation.slides.add_slide(layouts[spec.layout])
        _fill(slide, spec, theme)
        if spec.layout == "title" and brand is not None:
            _brand(slide, spec, brand, brand_dir, theme, deck)
        _footer(slide, deck, number, theme)
        make_accessible(slide, theme.labels.logo.format(clinic=brand.clinic) if brand else None)
        notes.add(slide, spec.notes)
    tag_language(presentation, article.language)
    _properties(presentation, article, brand, when)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return _reproducible(buffer.getvalue(), when)


class _Notes:
    """Speaker notes: the first notes page made by python-pptx, the rest copied from it.

    python-pptx clones the notes master's placeholders for every slide, which was a
    quarter of the deck's time; every notes page starts the same, so later ones are
    copies of the first, related to their slide and the notes master as python-pptx
    relates its own, and numbered on from the first (python-pptx's next_partname
    walks every part of the package for each new part: 12 ms a deck).
    """

    def __init__(self) -> None:
        self.blank: Any = None
        self.master: Any = None
        self.number = 0

    def add(self, slide: PptxSlide, text: str) -> None:
        if self.blank is None:
            notes = slide.notes_slide
            self.blank = copy.deepcopy(notes.part._element)
            self.master = notes.part.part_related_by(RT.NOTES_MASTER)
            self.number = notes.part.partname.idx
        else:
            self.number += 1
            name = PackURI(f"/ppt/notesSlides/notesSlide{self.number}.xml")
            part = NotesSlidePart(name, CT.PML_NOTES_SLIDE, slide.part.package, copy.deepcopy(self.blank))
            part.relate_to(self.master, RT.NOTES_MASTER)
            part.relate_to(slide.part, RT.SLIDE)
            slide.part.relate_to(part, RT.NOTES_SLIDE)
            notes = slide.notes_slide
        notes.notes_text_frame.text = text


def _layout(presentation: Any, name: str, template: Path | None) -> SlideLayout:
    for layout in presentation.slide_layouts:
        if layout.name == name:
            return layout
    names = ", ".join(layout.name for layout in presentation.slide_layouts)
    raise TemplateError(str(template), f"the template has no slide layout named '{name}' (it has: {names})",
                        f"add a layout named '{name}' to the template's slide master, or leave out --template")


def _remove_slides(presentation: Any) -> None:
    slide_ids = presentation.slides._sldIdLst
    for slide_id in list(slide_ids):
        presentation.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


def _place(shape: Any, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h)


def _frame(frame: TextFrame, theme: DeckTheme, inset: float | None = None) -> None:
    """No autofit (the layout made it fit), word wrap on, known insets."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    margin = Inches(theme.inset if inset is None else inset)
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = margin
    body_pr = frame._txBody.find(qn("a:bodyPr"))
    for fit in ("a:normAutofit", "a:spAutoFit"):
        for element in body_pr.findall(qn(fit)):
            body_pr.remove(element)


def _run(paragraph: Any, text: str, size: float, theme: DeckTheme, *, bold: bool = False,
         color: str | None = None) -> None:
    """A run with every property explicit, written as XML: python-pptx's font API cost a third of the deck's time."""
    run = etree.Element(_R)
    _run_properties(run, size, theme, bold=bold, color=color)
    etree.SubElement(run, _T).text = text
    end = paragraph._p.find(_END)
    if end is None:
        paragraph._p.append(run)
    else:
        end.addprevious(run)


def _spacing(paragraph: Any, *, after: float, single: bool = True) -> None:
    """Single line spacing (the layout measured it; a template's master may say 90%) and the space after.

    Written as XML at the front of the paragraph's properties, where the schema puts
    them: python-pptx's line_spacing and space_after were a tenth of the deck's time.
    """
    properties = paragraph._p.get_or_add_pPr()
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


def _fill(slide: PptxSlide, spec: Slide, theme: DeckTheme) -> None:
    title = slide.shapes.title
    _place(title, spec.title_box)
    _frame(title.text_frame, theme)
    title.text_frame.clear()
    size = theme.cover_title_size if spec.layout == "title" else theme.title_size
    _run(title.text_frame.paragraphs[0], spec.title, size, theme, bold=True, color=theme.accent)
    body = _body_placeholder(slide)
    if spec.layout == "title":
        _subtitle(body, spec, theme)
    elif spec.layout == "content":
        _bullets(body, spec, theme)
    elif spec.table is not None:
        _table(slide, spec, theme)
    else:
        _foods(slide, spec, theme)


def _body_placeholder(slide: PptxSlide) -> Any:
    title_id = slide.shapes.title.shape_id
    return next((shape for shape in slide.placeholders if shape.shape_id != title_id), None)


def _subtitle(body: Any, spec: Slide, theme: DeckTheme) -> None:
    if body is None or spec.body_box is None:
        return
    _place(body, spec.body_box)
    _frame(body.text_frame, theme)
    body.text_frame.clear()
    for index, line in enumerate(spec.subtitle):
        paragraph = body.text_frame.paragraphs[0] if index == 0 else body.text_frame.add_paragraph()
        _run(paragraph, line, theme.subtitle_size, theme, color=theme.muted)


def _bullets(body: Any, spec: Slide, theme: DeckTheme) -> None:
    assert body is not None and spec.body_box is not None
    _place(body, spec.body_box)
    frame = body.text_frame
    _frame(frame, theme)
    frame.clear()
    first = True
    for bullet in spec.bullets:
        for paragraph_runs in _paragraphs(bullet):
            paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
            first = False
            _spacing(paragraph, after=theme.paragraph_gap if paragraph_runs[-1][2] else 0)
            for text, bold, _ in paragraph_runs:
                _run(paragraph, text, theme.body_size, theme, bold=bold, color=theme.accent if bold else None)
            if bullet.stacked and not paragraph_runs[0][1]:
                properties = paragraph._p.get_or_add_pPr()
                properties.set("indent", "0")
                etree.SubElement(properties, qn("a:buNone"))


def _paragraphs(bullet: Bullet) -> list[list[tuple[str, bool, bool]]]:
    """(text, bold, ends the bullet) runs, one list per paragraph; a stacked bullet's text hangs under its label."""
    if bullet.stacked:
        return [[(bullet.label, True, False)], [(bullet.text, False, True)]]
    if bullet.label:
        return [[(bullet.label, True, False), (": " + bullet.text, False, True)]]
    return [[(bullet.text, False, True)]]


def _foods(slide: PptxSlide, spec: Slide, theme: DeckTheme) -> None:
    if spec.intro and spec.body_box is not None:
        box = slide.shapes.add_textbox(Inches(spec.body_box.x), Inches(spec.body_box.y), Inches(spec.body_box.w),
                                       Inches(spec.foods[0].box.y - spec.body_box.y))
        _frame(box.text_frame, theme)
        _run(box.text_frame.paragraphs[0], spec.intro, theme.body_size, theme)
    for column in spec.foods:
        shape = slide.shapes.add_shape(1, Inches(column.box.x), Inches(column.box.y), Inches(column.box.w),
                                       Inches(column.box.h))
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(theme.tint)
        shape.line.fill.background()
        shape.shadow.inherit = False
        frame = shape.text_frame
        _frame(frame, theme)
        frame.vertical_anchor = 1  # top
        head = frame.paragraphs[0]
        head.alignment = PP_ALIGN.LEFT
        _spacing(head, after=theme.paragraph_gap, single=False)
        _run(head, column.group, theme.food_size, theme, bold=True, color=theme.accent)
        for item in column.items:
            paragraph = frame.add_paragraph()
            paragraph.alignment = PP_ALIGN.LEFT
            _hanging_bullet(paragraph, FOOD_INDENT)
            _run(paragraph, item, theme.food_size, theme)


def _hanging_bullet(paragraph: Any, indent: float) -> None:
    """A bullet with the item's wrapped lines aligned after it, as the layout measured them."""
    properties = paragraph._p.get_or_add_pPr()
    properties.set("marL", str(Inches(indent)))
    properties.set("indent", str(-Inches(indent)))
    etree.SubElement(properties, qn("a:buFont"), typeface="Arial")
    etree.SubElement(properties, qn("a:buChar"), char="•")


def _table(slide: PptxSlide, spec: Slide, theme: DeckTheme) -> None:
    part = spec.table
    assert part is not None
    rows = [part.header, *part.rows]
    frame = slide.shapes.add_table(len(rows), len(part.header), Inches(part.box.x), Inches(part.box.y),
                                   Inches(part.box.w), Inches(part.box.h))
    table = frame.table
    table.first_row = True
    table.horz_banding = False
    for index, width in enumerate(part.widths):
        table.columns[index].width = Inches(width)
    for r, (cells, height) in enumerate(zip(rows, part.heights, strict=True)):
        table.rows[r].height = Inches(height)
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(theme.header_fill if r == 0 else "FFFFFF")
            margin = Inches(theme.cell_margin)
            cell.margin_left = cell.margin_right = cell.margin_top = cell.margin_bottom = margin
            cell.text_frame.word_wrap = True
            paragraph = cell.text_frame.paragraphs[0]
            _spacing(paragraph, after=0)
            _run(paragraph, text, theme.cell_size, theme, bold=r == 0 or c == 0)


def _footer(slide: PptxSlide, deck: Deck, number: int, theme: DeckTheme) -> None:
    """Short title and a live slide-number field: python-pptx does not copy footer placeholders."""
    y = deck.height - theme.footer_height
    left = slide.shapes.add_textbox(Inches(theme.margin), Inches(y), Inches(deck.width * 0.6), Inches(0.4))
    _frame(left.text_frame, theme, 0.05)
    _run(left.text_frame.paragraphs[0], deck.short_title, theme.footer_size, theme, color=theme.muted)
    right = slide.shapes.add_textbox(Inches(deck.width - theme.margin - 1.2), Inches(y), Inches(1.2), Inches(0.4))
    _frame(right.text_frame, theme, 0.05)
    paragraph = right.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.RIGHT
    field_id = f"{{B6F15E2A-0000-4000-8000-{number:012d}}}"
    field = etree.SubElement(paragraph._p, qn("a:fld"), id=field_id, type="slidenum")
    _run_properties(field, theme.footer_size, theme, color=theme.muted)
    etree.SubElement(field, _T).text = str(number)


def _brand(slide: PptxSlide, spec: Slide, brand: Brand, brand_dir: Path | None, theme: DeckTheme, deck: Deck) -> None:
    contact = " · ".join(part for part in (brand.clinic, brand.phone, brand.website) if part)
    box = slide.shapes.add_textbox(Inches(theme.margin), Inches(deck.height - theme.footer_height - 0.8),
                                   Inches(deck.width - 2 * theme.margin - 2.2), Inches(0.6))
    _frame(box.text_frame, theme)
    _run(box.text_frame.paragraphs[0], contact, 20, theme, color=theme.ink)
    logo = clinic_logo(brand, brand_dir)
    if logo is None:
        return
    picture = slide.shapes.add_picture(str(logo.path), Inches(deck.width - theme.margin - 2.0), Inches(0.4),
                                       height=Inches(0.9))
    if picture.width > Inches(2.0):
        ratio = Inches(2.0) / picture.width
        picture.width, picture.height = Emu(int(picture.width * ratio)), Emu(int(picture.height * ratio))
    picture._element.nvPicPr.cNvPr.set("descr", theme.labels.logo.format(clinic=brand.clinic))


def _properties(presentation: Any, article: Article, brand: Brand | None, when: dt.datetime) -> None:
    props = presentation.core_properties
    props.title = article.title
    props.subject = article.subject or article.summary
    props.keywords = ", ".join(article.keywords)
    props.language = article.language
    props.author = article.author or (brand.clinic if brand else "")
    props.last_modified_by = ""
    props.revision = 1
    naive = when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    props.created = props.modified = props.last_printed = naive


def _reproducible(data: bytes, when: dt.datetime) -> bytes:
    """The same zip with every entry stamped `when`: python-pptx stamps entries with the time of saving."""
    stamp = when.astimezone(dt.timezone.utc).timetuple()[:6]
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=max(stamp, (1980, 1, 1, 0, 0, 0)))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return buffer.getvalue()
