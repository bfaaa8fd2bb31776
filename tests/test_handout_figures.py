"""Figures on the handout (issue 26), read back from the PDF on Letter and A4.

The fixture places a PNG drawing, a JPEG, an SVG and a decorative PNG divider. Each
picture must be on the page inside the margins, at 150 dpi or better, with its caption
and credit printed right under it on the same page; the SVG drawn as vectors; each
picture a Figure with its alt text in the structure tree, the decorative one an artifact;
and the whole handout PDF/UA-1.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import page
import pdfplumber
import pikepdf
import pytest
from figure_source import FIGURES, ONE_FIGURE, drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from mghandout.handout import render_pdf
from mghandout.handout.figures import SHRINK, SMALLEST_INCHES, FigureBlock, PictureDrawing
from mghandout.images import PRINT_DPI, ImageFile, figures
from mghandout.model import Article
from mghandout.source import load_article

WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
EDGE = 36.0
"""Half an inch: nothing is printed closer to the paper's edge."""
WATER = (0x7F / 255, 0xB8 / 255, 0xC6 / 255)
"""The water's colour in water.svg: a path filled with it is the SVG drawn as vectors."""


@dataclass
class Handout:
    article: Article
    paper: str
    data: bytes


@pytest.fixture(scope="module", params=["letter", "a4"])
def handout(request: pytest.FixtureRequest) -> Handout:
    article = load_article(FIGURES)
    data, _ = render_pdf(article, paper=request.param, when=WHEN)
    return Handout(article, request.param, data)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_each_raster_picture_is_inside_the_margins_at_150_dpi_or_better(handout: Handout) -> None:
    with pdfplumber.open(io.BytesIO(handout.data)) as pdf:
        images = [(number, image) for number, sheet in enumerate(pdf.pages, start=1) for image in sheet.images]
        width, height = pdf.pages[0].width, pdf.pages[0].height
    assert len(images) == 3, "the PNG, the JPEG and the decorative PNG (the SVG is vectors)"
    for _, image in images:
        assert image["x0"] >= EDGE and image["x1"] <= width - EDGE
        assert image["top"] >= EDGE and image["bottom"] <= height - EDGE
        pixels_wide = image["srcsize"][0]
        assert pixels_wide / (image["width"] / 72) >= PRINT_DPI - 0.5, "a picture printed coarser than it had to"


def test_the_svg_is_drawn_as_vectors(handout: Handout) -> None:
    with pdfplumber.open(io.BytesIO(handout.data)) as pdf:
        filled = [shape for sheet in pdf.pages for shape in (*sheet.curves, *sheet.rects)
                  if tuple(round(c, 2) for c in (shape.get("non_stroking_color") or ())) == tuple(
                      round(c, 2) for c in WATER)]
    assert filled, "no vector path in the SVG's water colour"


def test_each_caption_and_credit_is_printed_under_its_picture_on_the_same_page(handout: Handout) -> None:
    with pdfplumber.open(io.BytesIO(handout.data)) as pdf:
        for figure in figures(handout.article):
            if not figure.caption:
                continue
            first_word = figure.caption.split()[0]
            found = None
            for sheet in pdf.pages:
                text = _words(sheet.extract_text())
                if _words(figure.caption) in text and _words(figure.credit or "") in text:
                    found = sheet
                    break
            assert found is not None, f"caption or credit not printed: {figure.caption!r}"
            caption_top = min(word["top"] for word in found.extract_words() if word["text"] == first_word)
            above = [image for image in found.images if image["bottom"] <= caption_top + 1]
            drawn = [shape for shape in (*found.curves, *found.rects) if shape["bottom"] <= caption_top + 1]
            assert above or drawn, f"no picture above the caption {figure.caption!r} on its page"
            if above:
                assert caption_top - max(image["bottom"] for image in above) < 20, "the caption is not under it"


def test_each_picture_is_a_figure_with_its_alt_text_and_the_decorative_one_an_artifact(handout: Handout) -> None:
    alts = [_words(figure.alt) for figure in figures(handout.article) if not figure.decorative]
    with pikepdf.open(io.BytesIO(handout.data)) as pdf:
        found = []
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            element = stack.pop(0)
            if element.get("/S") == pikepdf.Name.Figure:
                found.append(_words(str(element.get("/Alt"))))
            kids = element.get("/K")
            if isinstance(kids, pikepdf.Array):
                stack = [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid] + stack
            elif isinstance(kids, pikepdf.Dictionary) and "/S" in kids:
                stack.insert(0, kids)
        images = sum(len(page_.get_images()) for page_ in pdf.pages)
    assert found == alts, "each picture's alt text on its Figure, in order; nothing for the decorative one"
    assert images == 3


def test_the_handout_with_figures_passes_pdf_ua1(handout: Handout) -> None:
    report = page.validate_pdf_bytes(handout.data, profile="ua1")
    assert report.is_compliant, [f"{failure.rule_id}: {failure.message}" for failure in report.failures[:10]]


def _block(height: float) -> FigureBlock:
    picture = PictureDrawing(ImageFile(Path("a.png"), "PNG", 1000, 500), "A drawing.", 0.4)
    caption = Paragraph("A caption.", ParagraphStyle("caption", fontSize=12, leading=16))
    block = FigureBlock(picture, caption)
    block.wrap(500, height)
    return block


def test_a_figure_is_set_a_little_smaller_to_stay_on_a_page_with_almost_room() -> None:
    full = _block(10_000).wrap(500, 10_000)[1]
    assert full == pytest.approx(200 + 4 + 16)
    almost = 0.9 * full
    block = _block(almost)
    assert block.wrap(500, almost)[1] == pytest.approx(almost)
    assert block.picture.scale >= SHRINK * 0.4


def test_a_figure_with_far_too_little_room_goes_overleaf_whole() -> None:
    block = _block(100)
    assert block.wrap(500, 100)[1] == pytest.approx(220), "its full height: the frame moves it on"
    assert block.split(500, 100) == [], "a picture and its caption are never parted"


def test_a_caption_longer_than_a_page_flows_on_after_its_picture(tmp_path: Path) -> None:
    """No text is refused for its length: the picture stands at the top of a page, its caption runs on overleaf."""
    drawing(tmp_path / "images" / "drawing.png", (1000, 1400))
    caption = " ".join(f"Sentence {number} of a long caption." for number in range(150))
    source = tmp_path / "topic.yaml"
    source.write_text(ONE_FIGURE.format(image="images/drawing.png").replace(
        "caption: The caption of the drawing.", f"caption: {caption}"), encoding="utf-8")
    data, pages = render_pdf(load_article(source), when=WHEN)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        above_footer = [sheet.crop((0, 0, sheet.width, sheet.height - 72)) for sheet in pdf.pages]
        text = _words(" ".join(sheet.extract_text() for sheet in above_footer))
        sheets = [number for number, sheet in enumerate(pdf.pages) if sheet.images]
    assert "One picture" not in text, "the running footer (the short title) is cropped off"
    assert pages >= 2 and all(f"Sentence {number} of a long caption." in text for number in range(150))
    assert len(sheets) == 1


def test_a_figure_is_set_smaller_still_rather_than_leave_a_hole_the_page_rules_forbid() -> None:
    """Going overleaf from 150 points of a 700-point page would leave it under 80% full: the figure is set at what
    fits, down to 2.5 inches across; from 100 points the page counts as full, and the figure keeps its size."""
    block = _block(10_000)
    block._frame = SimpleNamespace(_atTop=False, _height=700.0)
    assert block.wrap(500, 150)[1] == pytest.approx(150)
    assert block.picture.image.width * block.picture.scale >= SMALLEST_INCHES * 72
    assert block.wrap(500, 100)[1] == pytest.approx(220), "a page that counts as full: overleaf, whole"
