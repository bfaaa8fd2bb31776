"""Figures on the slides (issue 26): the plan (beside the text or alone), the shapes, and LibreOffice's render.

The fixture places a PNG after a short paragraph (beside it), a JPEG after a paragraph (beside
it), a decorative divider with no text before it (left off the slides: it adds nothing), and an
SVG that opens its section (a slide of its own). Each picture must carry its alt text as its
description and be read right after the title; captions and credits are on the slide; the
SVG is a PNG sharp enough for a projector; and nothing leaves the slide when LibreOffice
renders the deck.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from figure_source import FIGURES, ONE_FIGURE, drawing
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn
from test_deck_render import convert

from mghandout.deck import DeckTheme, deck_layout, render_pptx
from mghandout.deck.figure_shapes import is_figure
from mghandout.deck.layout.figures import LEGIBLE
from mghandout.deck.layout import Deck, Slide
from mghandout.images import figures
from mghandout.model import Article, article_labels
from mghandout.source import load_article

WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
EMU = 914400


def _layout(article: Article) -> Deck:
    return deck_layout(article, replace(DeckTheme(), labels=article_labels(article)))


def _pictured(deck: Deck) -> list[tuple[int, Slide]]:
    return [(number, slide) for number, slide in enumerate(deck.slides, start=1) if slide.picture is not None]


@pytest.fixture(scope="module")
def article() -> Article:
    return load_article(FIGURES)


@pytest.fixture(scope="module")
def deck_file(article: Article, tmp_path_factory: pytest.TempPathFactory) -> Path:
    data, _ = render_pptx(article, when=WHEN)
    path = tmp_path_factory.mktemp("deck") / "figures.pptx"
    path.write_bytes(data)
    return path


def _inside(inner: Any, outer: Any) -> bool:
    return (inner.x >= outer.x - 1e-6 and inner.y >= outer.y - 1e-6 and inner.x + inner.w <= outer.x + outer.w + 1e-6
            and inner.y + inner.h <= outer.y + outer.h + 1e-6)


def test_a_picture_after_a_short_text_stands_beside_it(article: Article) -> None:
    deck = _layout(article)
    beside = [slide for _, slide in _pictured(deck) if slide.bullets]
    assert [Path(slide.picture.image).name for slide in beside] == ["calf-stretch.png", "plate.jpg"]
    for slide in beside:
        body, picture = slide.body_box, slide.picture
        assert slide.layout == "content" and picture.box.x >= body.x + body.w, "the picture right of the text"
        assert max(picture.box.w, picture.box.h) >= LEGIBLE
        assert picture.caption_box is not None and picture.caption_box.y >= picture.box.y + picture.box.h
        assert picture.caption_box.y + picture.caption_box.h <= body.y + body.h + 1e-6


def test_a_picture_that_opens_its_section_has_a_slide_of_its_own(article: Article) -> None:
    deck = _layout(article)
    alone = [slide for _, slide in _pictured(deck) if not slide.bullets]
    assert [(Path(slide.picture.image).name, slide.layout, slide.title) for slide in alone] == [
        ("water.svg", "title_only", "Other Causes of Cramps")]
    slide = alone[0]
    assert _inside(slide.picture.box, slide.body_box) and _inside(slide.picture.caption_box, slide.body_box)


def test_a_decorative_picture_with_nothing_beside_it_is_left_off_the_slides(article: Article) -> None:
    assert "divider.png" not in [Path(slide.picture.image).name for _, slide in _pictured(_layout(article))]


def test_a_picture_after_more_text_than_fits_beside_it_follows_on_its_own_slide(tmp_path: Path) -> None:
    drawing(tmp_path / "images" / "drawing.png", (1200, 900))
    paragraphs = "".join(f"      - paragraph: Paragraph {number} says one thing in a sentence of ten words.\n"
                         for number in range(12))
    text = ONE_FIGURE.format(image="images/drawing.png").replace("      - paragraph: One paragraph.\n", paragraphs)
    source = tmp_path / "topic.yaml"
    source.write_text(text, encoding="utf-8")
    deck = _layout(load_article(source))
    section = [slide for slide in deck.slides if slide.title.startswith("Section one")]
    assert section[-1].picture is not None and not section[-1].bullets
    assert all(slide.picture is None for slide in section[:-1]) and len(section) >= 2


def _pictures(slide: Any) -> list[Any]:
    return [shape for shape in slide.shapes if shape.shape_type == 13 and is_figure(shape._element)]


def test_each_picture_has_its_alt_text_and_is_read_right_after_the_title(deck_file: Path, article: Article) -> None:
    deck = Presentation(str(deck_file))
    alts = [figure.alt for figure in figures(article) if not figure.decorative]
    found = []
    for slide in deck.slides:
        for picture in _pictures(slide):
            found.append(picture._element.find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}").get("descr"))
            shapes = list(slide.shapes)
            assert shapes[0].shape_id == slide.shapes.title.shape_id and shapes[1] is not None
            assert shapes[1].shape_id == picture.shape_id, "the picture is read second, after the title"
    assert found == alts


def test_each_caption_and_credit_is_on_the_slide_of_its_picture(deck_file: Path, article: Article) -> None:
    deck = Presentation(str(deck_file))
    on_slides = [" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
                 for slide in deck.slides if _pictures(slide)]
    captions = [f"{figure.caption} {figure.credit}" for figure in figures(article) if not figure.decorative]
    assert len(on_slides) == len(captions)
    for text, caption in zip(on_slides, captions, strict=True):
        assert caption in text


def test_the_svg_is_a_png_sharp_enough_for_a_projector(deck_file: Path) -> None:
    deck = Presentation(str(deck_file))
    pictures = [picture for slide in deck.slides for picture in _pictures(slide)]
    svg = pictures[-1]
    assert svg.image.content_type == "image/png"
    with Image.open(io.BytesIO(svg.image.blob)) as image:
        assert image.width / (svg.width / EMU) >= 150


def test_a_decorative_picture_beside_text_is_marked_decorative(tmp_path: Path) -> None:
    drawing(tmp_path / "images" / "drawing.png", (1200, 900))
    text = ONE_FIGURE.format(image="images/drawing.png").replace(
        "          alt: A drawing for the test.\n", "          decorative: true\n")
    source = tmp_path / "topic.yaml"
    source.write_text(text, encoding="utf-8")
    data, _ = render_pptx(load_article(source), when=WHEN)
    pictures = [picture for slide in Presentation(io.BytesIO(data)).slides for picture in _pictures(slide)]
    (picture,) = pictures
    names = picture._element.find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}")
    assert names.get("descr") is None
    assert [element.get("val") for element in names.iter("{*}decorative")] == ["1"]


def test_nothing_leaves_the_slide_in_libreoffice(deck_file: Path, article: Article, tmp_path: Path) -> None:
    pictured = [number for number, slide in enumerate(Presentation(str(deck_file)).slides) if _pictures(slide)]
    pdf = convert(deck_file, tmp_path)
    with pdfplumber.open(pdf) as document:
        for number in pictured:
            sheet = document.pages[number]
            (image,) = sheet.images
            assert image["x0"] >= 0 and image["x1"] <= sheet.width and image["top"] >= 0
            assert image["bottom"] <= sheet.height
            words = sheet.extract_words()
            assert all(0 <= w["x0"] and w["x1"] <= sheet.width and 0 <= w["top"] <= w["bottom"] <= sheet.height
                       for w in words)
            caption = [w for w in words if w["top"] >= image["bottom"] and w["x0"] >= image["x0"] - 1]
            assert caption, f"slide {number + 1}: no caption under the picture"
        texts = [" ".join(document.pages[number].extract_text().split()) for number in pictured]
    captions = [f"{figure.caption} {figure.credit}" for figure in figures(article) if not figure.decorative]
    assert texts and all(caption in text for caption, text in zip(captions, texts, strict=True))


def test_a_wide_picture_after_a_short_sentence_has_its_own_slide_with_the_sentence_above(tmp_path: Path) -> None:
    """Four steps drawn in a row are too small beside text: the picture takes the slide, its one lead sentence above
    it (a sentence alone would make a slide of its own)."""
    drawing(tmp_path / "images" / "drawing.png", (2400, 600))
    source = tmp_path / "topic.yaml"
    source.write_text(ONE_FIGURE.format(image="images/drawing.png"), encoding="utf-8")
    deck = _layout(load_article(source))
    section = [slide for slide in deck.slides if slide.title.startswith("Section one")]
    (slide,) = section
    assert slide.layout == "title_only" and slide.intro == "One paragraph." and not slide.bullets
    assert slide.picture is not None and slide.picture.box.y > slide.body_box.y
    assert slide.picture.box.w > 0.9 * slide.body_box.w
    assert "One paragraph." in slide.notes and "A drawing for the test." in slide.notes


def test_a_caption_too_long_for_its_picture_slide_follows_on_text_slides(tmp_path: Path) -> None:
    """The picture keeps its slide and size; every sentence of the caption is on the slides after it."""
    drawing(tmp_path / "images" / "drawing.png", (1200, 900))
    caption = " ".join(f"Sentence {number} of a long caption." for number in range(20))
    source = tmp_path / "topic.yaml"
    source.write_text(ONE_FIGURE.format(image="images/drawing.png").replace(
        "caption: The caption of the drawing.", f"caption: {caption}"), encoding="utf-8")
    deck = _layout(load_article(source))
    section = [slide for slide in deck.slides if slide.title.startswith("Section one")]
    pictured = [slide for slide in section if slide.picture is not None]
    assert len(pictured) == 1 and pictured[0].picture.caption_box is None
    shown = " ".join(bullet.text for slide in section[section.index(pictured[0]) + 1:] for bullet in slide.bullets)
    assert shown == caption
