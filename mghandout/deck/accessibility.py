"""The deck as a screen reader meets it: shapes in reading order, alt text, the table's header row.

PowerPoint's screen-reader order is the order of the slide's shape tree, which is
the order shapes were added: the footer and the logo could be read before the body.
Here the title comes first, then a figure's picture (its alt text says what the slide
shows), and the rest follows as a reader's eye does, top to bottom and, on one band,
left to right (the food columns). Shapes on one slide
never overlap in our layout, so their painting order does not change what is seen.
"""

from __future__ import annotations

from typing import Any

from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Inches

from mghandout.deck.figure_shapes import is_figure
from mghandout.deck.shapes import position, shape_elements, shape_id, title_id

BAND = Inches(0.25)
"""Shapes whose tops are this close are on one band, read left to right."""


def make_accessible(slide: Slide, logo_alt: str | None) -> None:
    """Reorder the slide's shapes for reading, describe its pictures, and flag its tables' header rows.

    `logo_alt` describes the pictures the deck places on a slide, which are the clinic's logo.
    """
    _reading_order(slide)
    if logo_alt:
        for picture in slide.shapes._spTree.iter(qn("p:pic")):
            if not is_figure(picture):
                picture.find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}").set("descr", logo_alt)
    for properties in slide.shapes._spTree.iter(qn("a:tblPr")):
        properties.set("firstRow", "1")


def _reading_order(slide: Slide) -> None:
    tree = slide.shapes._spTree
    elements = list(shape_elements(tree))
    if not elements:
        return
    title = title_id(tree)

    def place(element: Any) -> tuple[bool, bool, int, int]:
        top, left = position(element, slide.shapes)
        return shape_id(element) != title, not is_figure(element), (top or 0) // BAND, left or 0

    anchor = elements[0].getprevious()
    for element in sorted(elements, key=place):
        anchor.addnext(element)
        anchor = element
