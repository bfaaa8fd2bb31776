"""deck/text.py writes the XML python-pptx's own setters write, without their proxies.

A text body set up by `frame` is the one python-pptx's word_wrap, auto_size and margin
setters leave, on a text box and on a placeholder, at our inset and at the footer's; runs
carry every property explicitly and go before the paragraph's end.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Inches

from mghandout.deck import text
from mghandout.deck.theme import DeckTheme

THEME = DeckTheme()


def xml(element: Any) -> bytes:
    return etree.tostring(element, method="c14n", exclusive=True)


@pytest.fixture
def slide() -> Any:
    presentation = Presentation()
    return presentation.slides.add_slide(presentation.slide_layouts[1])


@pytest.mark.parametrize("inset", [None, 0.05, 0.2])
@pytest.mark.parametrize("kind", ["text box", "placeholder"])
def test_a_framed_text_body_is_python_pptx_s(slide: Any, inset: float | None, kind: str) -> None:
    shape = slide.shapes.add_textbox(0, 0, Inches(2), Inches(1)) if kind == "text box" else slide.placeholders[1]
    frame = shape.text_frame
    frame._txBody.find(frame._txBody.bodyPr.tag).set("anchor", "ctr")
    mine = copy.deepcopy(frame._txBody)
    text.frame(mine, THEME, inset)
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    margin = Inches(THEME.inset if inset is None else inset)
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = margin
    assert xml(mine) == xml(frame._txBody)


def test_runs_go_before_the_paragraph_end_with_every_property(slide: Any) -> None:
    paragraph = slide.placeholders[1].text_frame.paragraphs[0]._p
    etree.SubElement(paragraph, "{http://schemas.openxmlformats.org/drawingml/2006/main}endParaRPr")
    text.run(paragraph, "first", 20, THEME, bold=True, color="112233")
    text.run(paragraph, "second", 18.5, THEME)
    runs = [child for child in paragraph if child.tag.endswith("}r")]
    assert [run[-1].text for run in runs] == ["first", "second"] and paragraph[-1].tag.endswith("endParaRPr")
    first, second = (run[0] for run in runs)
    assert (first.get("sz"), first.get("b"), first[0][0].get("val")) == ("2000", "1", "112233")
    assert (second.get("sz"), second.get("b"), second[0][0].get("val")) == ("1850", "0", THEME.ink)
    assert second[1].get("typeface") == THEME.font
