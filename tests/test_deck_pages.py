"""deck/pages.py: slides and notes pages copied from the first are the ones python-pptx would have made.

Slides added on the same layouts by `Slides` and by python-pptx's `add_slide` give the same
package, part for part and byte for byte; notes pages added by `Notes` have python-pptx's
names, relationships and placeholders, and hold one 12 pt paragraph per line of the notes.
"""

from __future__ import annotations

import copy
import io
import zipfile
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from mghandout.deck.pages import NOTES_SIZE, Notes, Slides
from mghandout.deck.theme import DeckTheme

KINDS = [1, 5, 1, 1, 0, 5, 1]
"""Layouts of python-pptx's template to add slides on, in this order: repeats and returns."""


def members(presentation: Any) -> dict[str, bytes]:
    buffer = io.BytesIO()
    presentation.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_slides_are_python_pptx_s_part_for_part() -> None:
    theirs = Presentation()
    ours = copy.deepcopy(theirs)
    slides = Slides(ours)
    for kind in KINDS:
        theirs.slides.add_slide(theirs.slide_layouts[kind])
        slides.add(ours.slide_layouts[kind])
    assert members(ours) == members(theirs)
    assert len(ours.slides) == len(KINDS)


def skeleton(data: bytes) -> bytes:
    """A notes page without its text: no runs, one paragraph in each text body."""
    root = etree.fromstring(data)
    for run in list(root.iter(qn("a:r"))):
        run.getparent().remove(run)
    for body in root.iter(qn("p:txBody")):
        for extra in body.findall(qn("a:p"))[1:]:
            body.remove(extra)
    return etree.tostring(root)


def test_notes_pages_are_python_pptx_s_with_one_paragraph_a_line() -> None:
    theirs = Presentation()
    for _ in KINDS:
        theirs.slides.add_slide(theirs.slide_layouts[1])
    ours = copy.deepcopy(theirs)
    notes = Notes()
    for number, (their_slide, our_slide) in enumerate(zip(theirs.slides, ours.slides, strict=True)):
        their_slide.notes_slide.notes_text_frame.text = "x"
        notes.add(our_slide, "\n".join(f"line {n}" for n in range(number + 1)), DeckTheme())
    mine, python_pptx = members(ours), members(theirs)
    assert mine.keys() == python_pptx.keys()
    for name, data in mine.items():
        if name.startswith("ppt/notesSlides/notesSlide"):
            assert skeleton(data) == skeleton(python_pptx[name]), name
        else:
            assert data == python_pptx[name], name
    for number, slide in enumerate(ours.slides):
        body = slide.notes_slide.notes_text_frame
        assert [p.text for p in body.paragraphs] == [f"line {n}" for n in range(number + 1)]
        assert {run.font.size.pt for p in body.paragraphs for run in p.runs} == {NOTES_SIZE}


def test_long_notes_take_room_from_the_slide_picture() -> None:
    presentation = Presentation()
    slides = [presentation.slides.add_slide(presentation.slide_layouts[1]) for _ in range(2)]
    notes = Notes()
    notes.add(slides[0], "Short.", DeckTheme())
    notes.add(slides[1], "\n".join("A long line of notes that the page must hold." for _ in range(40)), DeckTheme())
    short, long = (slide.notes_slide for slide in slides)

    def parts(page: Any) -> tuple[Any, Any]:
        body = page.notes_placeholder
        image = next(p for p in page.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_IMAGE)
        return body, image

    (short_body, short_image), (long_body, long_image) = parts(short), parts(long)
    assert long_body.height > short_body.height and long_body.top < short_body.top
    assert long_image.height < short_image.height
    assert abs(long_image.width / long_image.height - short_image.width / short_image.height) < 0.01
    assert long_image.top + long_image.height <= long_body.top


def test_notes_are_kept_when_the_notes_master_has_no_notes_box() -> None:
    """A template's notes master without a body placeholder: the notes get a text box below the slide picture."""
    presentation = Presentation()
    master = presentation.notes_master
    for holder in list(master.placeholders):
        if holder.placeholder_format.type == PP_PLACEHOLDER.BODY:
            holder._element.getparent().remove(holder._element)
    notes = Notes()
    texts = ["First line.\nSecond line.", "Only line."]
    for text in texts:
        notes.add(presentation.slides.add_slide(presentation.slide_layouts[6]), text, DeckTheme())
    height = presentation._element.find(qn("p:notesSz")).get("cy")
    for slide, text in zip(presentation.slides, texts, strict=True):
        page = slide.notes_slide
        boxes = [shape for shape in page.shapes if shape.has_text_frame and shape.text_frame.text]
        assert [box.text_frame.text for box in boxes] == [text]
        picture = next(p for p in page.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_IMAGE)
        assert picture.top + picture.height <= boxes[0].top < int(height)
        assert boxes[0].text_frame.word_wrap is True


def _seconds_to_add(count: int) -> float:
    import gc
    import time

    gc.collect()
    presentation = Presentation()
    slides, layouts = Slides(presentation), [presentation.slide_layouts[kind] for kind in (1, 5)]
    gc.disable()  # CPU time, collector off: other processes' load and the test process's own heap are not the deck's
    try:
        started = time.process_time()
        for number in range(count):
            slides.add(layouts[number % 2])
        return time.process_time() - started
    finally:
        gc.enable()


def test_adding_slides_takes_time_in_proportion_to_their_number() -> None:
    """Before: each new slide read every earlier slide's relationship and id (2,000 sections took 15 to 41 s)."""
    _seconds_to_add(20)
    small, large = min(_seconds_to_add(500) for _ in range(3)), min(_seconds_to_add(2000) for _ in range(3))
    assert large < 6 * small, (small, large)


def test_slide_ids_and_relationships_stay_unique_and_in_order() -> None:
    presentation = Presentation()
    slides = Slides(presentation)
    for number in range(40):
        slides.add(presentation.slide_layouts[number % 3])
    listed = presentation.part._element.get_or_add_sldIdLst()
    ids = [int(entry.get("id")) for entry in listed]
    assert ids == list(range(256, 296))
    assert len({entry.rId for entry in listed}) == 40
    assert [slide.part.partname for slide in presentation.slides] == [f"/ppt/slides/slide{n}.xml" for n in range(1, 41)]
