"""The deck as a screen reader meets it (issue 15): reading order, alt text, the table's header row.

Read back with python-pptx from decks built with the clinic's brand and logo: the magnesium
deck (English) and the world topic (Vietnamese, so the logo's alt text is in the deck's language).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches
from topics import SOURCES as TOPICS

from mghandout.deck import render_pptx
from mghandout.deck.accessibility import BAND, make_accessible
from mghandout.deck.figure_shapes import is_figure
from mghandout.model import Article, Brand, article_labels
from mghandout.source import load_article, load_brand

SOURCES = TOPICS
WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module", params=sorted(SOURCES))
def built(request: pytest.FixtureRequest, brand_dir: Path) -> tuple[Article, Brand, Any]:
    article = load_article(SOURCES[request.param])
    brand = load_brand(brand_dir / "brand.yaml")
    data, _ = render_pptx(article, brand=brand, brand_dir=brand_dir, when=WHEN)
    return article, brand, Presentation(io.BytesIO(data))


def test_the_title_is_read_first_then_top_to_bottom_left_to_right(built: tuple[Article, Brand, Any]) -> None:
    """The title, then a figure's picture (issue 26), then the rest as the eye reads it."""
    _, _, deck = built
    for number, slide in enumerate(deck.slides, start=1):
        shapes = list(slide.shapes)
        assert shapes[0].shape_id == slide.shapes.title.shape_id, f"slide {number}: the title is not first"
        rest = shapes[1:]
        if rest and is_figure(rest[0]._element):
            rest = rest[1:]
        assert not any(is_figure(shape._element) for shape in rest), f"slide {number}: a picture is not read second"
        places = [(shape.top // BAND, shape.left) for shape in rest]
        assert places == sorted(places), f"slide {number}: shapes out of reading order"


def test_the_footer_is_read_last(built: tuple[Article, Brand, Any]) -> None:
    _, _, deck = built
    for slide in deck.slides:
        last = list(slide.shapes)[-2:]
        assert any(element.get("type") == "slidenum" for element in last[-1]._element.iter(qn("a:fld")))
        assert all(shape.top >= max(other.top + other.height for other in list(slide.shapes)[:-2]) for shape in last)


def test_shapes_never_overlap_so_reading_order_changes_no_pixel(built: tuple[Article, Brand, Any]) -> None:
    """The shape tree is also the painting order: reordering it is invisible only if no two shapes overlap."""
    _, _, deck = built
    for number, slide in enumerate(deck.slides, start=1):
        boxes = [(shape.left, shape.top, shape.left + shape.width, shape.top + shape.height) for shape in slide.shapes]
        for index, a in enumerate(boxes):
            for b in boxes[index + 1 :]:
                apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                assert apart, f"slide {number}: shapes {a} and {b} overlap"


def test_every_picture_has_alt_text_in_the_decks_language(built: tuple[Article, Brand, Any]) -> None:
    article, brand, deck = built
    alt = article_labels(article).logo.format(clinic=brand.clinic)
    pictures = [picture for slide in deck.slides for picture in slide.shapes._spTree.iter(qn("p:pic"))
                if not is_figure(picture)]
    assert pictures, "the title slide carries the clinic's logo"
    assert [picture.find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}").get("descr") for picture in pictures] == [alt] * len(
        pictures
    )


def test_table_header_rows_are_flagged(built: tuple[Article, Brand, Any]) -> None:
    _, _, deck = built
    tree = [slide.shapes._spTree for slide in deck.slides]
    flags = [properties.get("firstRow") for shapes in tree for properties in shapes.iter(qn("a:tblPr"))]
    assert flags and flags == ["1"] * len(flags)


def test_make_accessible_reorders_a_slide_built_out_of_order() -> None:
    """Shapes in the tree footer first and title last come out title, body left to right, footer."""
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])  # Title Only
    footer = slide.shapes.add_textbox(Inches(0.5), Inches(7), Inches(4), Inches(0.4))
    right = slide.shapes.add_textbox(Inches(6), Inches(2), Inches(3), Inches(1))
    left = slide.shapes.add_textbox(Inches(0.5), Inches(2.1), Inches(3), Inches(1))
    title = slide.shapes.title
    slide.shapes._spTree.append(title._element)  # moved to the end of the shape tree, read last
    before = [shape.shape_id for shape in slide.shapes]
    make_accessible(slide, None)
    after = [shape.shape_id for shape in slide.shapes]
    assert before == [footer.shape_id, right.shape_id, left.shape_id, title.shape_id]
    assert after == [title.shape_id, left.shape_id, right.shape_id, footer.shape_id]
