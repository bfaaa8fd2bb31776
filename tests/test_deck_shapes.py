"""deck/shapes.py answers from the XML what python-pptx answers through its proxies, and writes what it writes.

Each function is held to python-pptx itself on the same slide: the same shapes, ids,
positions (inherited from the layout where a shape has none of its own), text, and the
same XML after adding a text box, placing a shape or emptying a text body. A python-pptx
release that changed its answers would fail here, not in a deck.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

from mghandout.deck import shapes


def xml(element: Any) -> bytes:
    """The element's XML with only the namespaces it uses declared, so a detached copy compares with the original."""
    return etree.tostring(element, method="c14n", exclusive=True)


@pytest.fixture
def slides() -> list[Any]:
    """A slide on each of python-pptx's layouts, some of their placeholders filled, one of them placed."""
    presentation = Presentation()
    made = []
    for layout in presentation.slide_layouts:
        slide = presentation.slides.add_slide(layout)
        for number, holder in enumerate(slide.placeholders):
            if number % 2 == 0 and holder.has_text_frame:
                holder.text_frame.text = f"Text {number}\vafter a break"
        made.append(slide)
    made[1].placeholders[1].left = Inches(1)
    made[1].placeholders[1].top = Inches(2)
    title = made[2].shapes.title
    title._element.getparent().remove(title._element)
    return made


def test_shapes_placeholders_and_the_title_are_python_pptx_s(slides: list[Any]) -> None:
    for slide in slides:
        tree = slide.shapes._spTree
        assert list(shapes.shape_elements(tree)) == [shape._element for shape in slide.shapes]
        assert shapes.placeholders_by_index(tree) == [holder._element for holder in slide.placeholders]
        title = slide.shapes.title
        assert shapes.title(tree) is (None if title is None else title._element)
        assert shapes.title_id(tree) == (None if title is None else title.shape_id)
        assert [shapes.shape_id(shape._element) for shape in slide.shapes] == [shape.shape_id for shape in slide.shapes]


def test_positions_are_python_pptx_s_own_or_inherited(slides: list[Any]) -> None:
    for slide in slides:
        for shape in slide.shapes:
            assert shapes.position(shape._element, slide.shapes) == (shape.top, shape.left)
    placed = slides[1].placeholders[1]
    assert shapes.position(placed._element, slides[1].shapes) == (Inches(2), Inches(1))


def test_text_and_emptiness_are_python_pptx_s(slides: list[Any]) -> None:
    blank = slides[6].shapes.add_textbox(0, 0, Inches(1), Inches(1))
    blank.text_frame.text = " \t "
    for slide in slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                body = shape.text_frame._txBody
                assert shapes.text_of(body) == shape.text_frame.text
                assert shapes.has_text(shape._element) == bool(shape.text_frame.text.strip())


def test_a_text_box_is_python_pptx_s(slides: list[Any]) -> None:
    slide = slides[1]
    theirs = copy.deepcopy(slide.shapes._spTree)
    mine = copy.deepcopy(slide.shapes._spTree)
    box = (Emu(914400), Emu(457200), Emu(3000000), Emu(400000))
    slide.shapes.add_textbox(*box)
    shapes.add_textbox(mine, *box)
    assert xml(mine) == xml(slide.shapes._spTree) != xml(theirs)


@pytest.mark.parametrize("number", [0, 1, 5])
def test_placing_a_shape_writes_what_python_pptx_s_setters_write(slides: list[Any], number: int) -> None:
    slide = slides[number]
    for shape in slide.placeholders:
        mine = copy.deepcopy(shape._element)
        shape.left, shape.top, shape.width, shape.height = Inches(1), Inches(2), Inches(3), Inches(0.5)
        shapes.place(mine, Inches(1), Inches(2), Inches(3), Inches(0.5))
        assert xml(mine) == xml(shape._element)


def test_emptying_a_text_body_is_python_pptx_s_clear(slides: list[Any]) -> None:
    shape = slides[1].placeholders[1]
    frame = shape.text_frame
    frame.paragraphs[0].alignment = 2
    frame.add_paragraph().text = "second"
    mine = copy.deepcopy(frame._txBody)
    frame.clear()
    first = shapes.cleared(mine)
    assert xml(mine) == xml(frame._txBody)
    assert first is mine.find(qn("a:p"))


def test_paragraph_properties_are_python_pptx_s(slides: list[Any]) -> None:
    frame = slides[1].placeholders[1].text_frame
    paragraph = frame.paragraphs[0]._p
    mine = copy.deepcopy(paragraph)
    paragraph.get_or_add_pPr().set("algn", "r")
    shapes.paragraph_properties(mine).set("algn", "r")
    assert xml(mine) == xml(paragraph)
    assert shapes.paragraph_properties(mine) is mine.find(qn("a:pPr"))


def test_a_title_placeholder_missing_its_text_body_gets_python_pptx_s(slides: list[Any]) -> None:
    slide = slides[6]
    tree = slide.shapes._spTree
    holder = tree.add_placeholder(shapes.next_shape_id(tree), "Picture", PP_PLACEHOLDER.PICTURE, "horz", "full", 9)
    assert holder.find(qn("p:txBody")) is None
    paragraph = shapes.first_paragraph(holder, slide.shapes)
    assert paragraph is holder.find(qn("p:txBody")).find(qn("a:p"))
    assert shapes.next_shape_id(tree) == slide.shapes._next_shape_id
