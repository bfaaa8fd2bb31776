"""A figure's shapes on a slide: the picture, read right after the title, and its caption under it.

PNG and JPEG go in as they are; an SVG is drawn to a PNG at `SVG_PPI` of the size it
takes on the slide (svglib, then PDFium through pypdfium2), sharp on a projector, with
its transparency kept. The alt text is the picture's description (`descr`), which
PowerPoint, LibreOffice and screen readers read; a decorative picture is marked as
PowerPoint marks one ("Mark as decorative"), so readers skip it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from lxml import etree
from pptx.oxml.ns import qn
from pptx.slide import Slide as PptxSlide
from pptx.util import Inches

from mghandout.deck.layout.slides import SlidePicture
from mghandout.deck.shapes import add_textbox, paragraph_properties
from mghandout.deck.text import frame, run, spacing
from mghandout.deck.theme import DeckTheme
from mghandout.images import read_picture, svg_drawing

SVG_PPI = 200
"""Pixels per inch of the slide an SVG is drawn at: a 13.3-inch slide on a 1920-pixel projector is 144."""
MOST_PIXELS = 4000
"""The longest side of an SVG's drawing, in pixels, whatever its size on the slide."""
NAME = "Figure"
"""The name of a figure's picture shape (a logo is named otherwise): the reading order and descriptions find it."""
_DECORATIVE = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
_ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
_C_NV_PR, _TX_BODY, _P = qn("p:cNvPr"), qn("p:txBody"), qn("a:p")


def add_figure(slide: PptxSlide, title: Any, picture: SlidePicture, theme: DeckTheme) -> None:
    """Place the picture and its caption; the picture goes right after `title` in the shape tree (reading order)."""
    box = picture.box
    shape = slide.shapes.add_picture(_source(picture), Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
    names = shape._element.find(f"{qn('p:nvPicPr')}/{_C_NV_PR}")
    names.set("name", f"{NAME} {names.get('id')}")
    if picture.alt is None:
        names.attrib.pop("descr", None)  # python-pptx describes a picture by its file's name
        _mark_decorative(names)
    else:
        names.set("descr", picture.alt)
    title.addnext(shape._element)
    if picture.caption_box is not None:
        _caption(slide, picture, theme)


def is_figure(element: Any) -> bool:
    """Whether a shape is a figure's picture (its description is its own alt text, not the clinic's logo's)."""
    names = element.find(f"{qn('p:nvPicPr')}/{_C_NV_PR}")
    return names is not None and names.get("name", "").startswith(f"{NAME} ")


def _source(picture: SlidePicture) -> Any:
    """The file python-pptx embeds: the picture's own, or an SVG drawn to a PNG."""
    image = read_picture(Path(picture.image))
    if not image.vector:
        return str(image.path)
    import pypdfium2
    from reportlab.graphics import renderPDF

    drawing = svg_drawing(image.path)
    inches = max(picture.box.w, picture.box.h)
    pixels = min(inches * SVG_PPI, MOST_PIXELS)
    document = pypdfium2.PdfDocument(renderPDF.drawToString(drawing))
    try:
        page = document[0]
        scale = pixels / max(page.get_width(), page.get_height())
        bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 0))
        buffer = io.BytesIO()
        bitmap.to_pil().save(buffer, format="PNG", optimize=True)
    finally:
        document.close()
    buffer.seek(0)
    return buffer


def _mark_decorative(names: Any) -> None:
    extensions = etree.SubElement(names, qn("a:extLst"))
    extension = etree.SubElement(extensions, qn("a:ext"), uri=_DECORATIVE)
    etree.SubElement(extension, f"{{{_ADEC}}}decorative", nsmap={"adec": _ADEC}, val="1")


def _caption(slide: PptxSlide, picture: SlidePicture, theme: DeckTheme) -> None:
    """The caption, then the credit in the muted colour, in one paragraph under the picture."""
    where = picture.caption_box
    assert where is not None
    box = add_textbox(slide.shapes._spTree, Inches(where.x), Inches(where.y), Inches(where.w), Inches(where.h))
    body = box.find(_TX_BODY)
    frame(body, theme)
    paragraph = body.find(_P)
    paragraph_properties(paragraph).set("algn", "ctr")  # under the picture, which is centred in its room
    spacing(paragraph, after=0)
    if picture.caption:
        run(paragraph, picture.caption + (" " if picture.credit else ""), picture.caption_size, theme)
    if picture.credit:
        run(paragraph, picture.credit, picture.caption_size, theme, color=theme.muted)
