"""New slides and notes pages, the first of each kind made by python-pptx and the rest copies of it.

python-pptx builds every new slide by cloning its layout's placeholders, and every
notes page by cloning the notes master's, through proxies and a walk of the whole
package to name each part. Each new slide on a layout and each new notes page starts
the same, so later ones are deep copies of the first as it was before anything was
written on it, named, related and listed as python-pptx names, relates and lists its
own. They were a third of the deck's time.
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.slide import Slide as PptxSlide
from pptx.util import Inches

from mghandout.deck.layout import POINTS
from mghandout.deck.measure import wrap
from mghandout.deck.shapes import add_textbox, cleared, place
from mghandout.deck.text import run
from mghandout.deck.theme import DeckTheme

NOTES_SIZE, NOTES_LINE = 12.0, 1.2
"""Speaker notes' type size (notes without one print near 20 pt in LibreOffice and run off their pages) and the
line height, as a multiple of it, that presentation programs give them."""
_C_SLD, _SP_TREE, _TX_BODY, _P = qn("p:cSld"), qn("p:spTree"), qn("p:txBody"), qn("a:p")


class Slides:
    """New slides: the first on each layout added by python-pptx, the rest copies of it.

    python-pptx's `add_slide` clones the layout's placeholders into every new slide,
    looking each up through its proxies; a new slide on a layout always starts the same
    (the same placeholders, ids and names), so later ones copy the first as it was
    before anything was written on it, and are named, related and listed as python-pptx
    does it: a sixth of the deck's time.
    """

    def __init__(self, presentation: Any) -> None:
        self.presentation = presentation
        self.blanks: dict[Any, Any] = {}
        self.count = len(presentation.part._element.get_or_add_sldIdLst())
        """Slides in the deck: counting an lxml element's children walks them all."""

    def add(self, layout: Any) -> PptxSlide:
        blank = self.blanks.get(layout.part)
        self.count += 1
        if blank is None:
            slide = self.presentation.slides.add_slide(layout)
            self.blanks[layout.part] = copy.deepcopy(slide.part._element)
            return slide
        presentation = self.presentation.part
        listed = presentation._element.get_or_add_sldIdLst()
        name = PackURI(f"/ppt/slides/slide{self.count}.xml")
        part = SlidePart(name, CT.PML_SLIDE, presentation.package, copy.deepcopy(blank))
        part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        # python-pptx's relate_to and add_sldId each read every slide's relationship or id: a deck of n slides
        # took n squared (2,000 slides, 15 to 41 s). The slide is new, so it has no relationship to look for, and
        # ids only grow, so the next is one past the last (a copy is never the first slide).
        rId = presentation._rels._add_relationship(RT.SLIDE, part)
        listed._add_sldId(id=int(listed[-1].get("id")) + 1, rId=rId)
        return part.slide


class Notes:
    """Speaker notes: the first notes page made by python-pptx, the rest copied from it.

    python-pptx clones the notes master's placeholders for every slide, which was a
    quarter of the deck's time; every notes page starts the same, so later ones are
    copies of the first, related to their slide and the notes master as python-pptx
    relates its own, and numbered on from the first (python-pptx's next_partname
    walks every part of the package for each new part: 12 ms a deck). For the same
    reason the text and the fit are written into the copy's XML: where its notes box
    and slide picture are, and how big, is read once from the first page (python-pptx
    looks each up in the notes master, for every page).
    """

    def __init__(self) -> None:
        self.blank: Any = None
        self.master: Any = None
        self.number = 0
        self.page: NotesPage | None = None

    def add(self, slide: PptxSlide, text: str, theme: DeckTheme) -> None:
        if self.blank is None:
            notes = slide.notes_slide
            body = notes.notes_placeholder or _notes_box(notes, slide.part.package.presentation_part.presentation)
            self.blank = copy.deepcopy(notes.part._element)
            self.master = notes.part.part_related_by(RT.NOTES_MASTER)
            self.number = notes.part.partname.idx
            self.page = NotesPage.of(notes, body)
            element = notes.part._element
        else:
            self.number += 1
            name = PackURI(f"/ppt/notesSlides/notesSlide{self.number}.xml")
            element = copy.deepcopy(self.blank)
            part = NotesSlidePart(name, CT.PML_NOTES_SLIDE, slide.part.package, element)
            part.relate_to(self.master, RT.NOTES_MASTER)
            part.relate_to(slide.part, RT.SLIDE)
            slide.part.relate_to(part, RT.NOTES_SLIDE)
        assert self.page is not None
        self.page.write(element, text, theme)


def _notes_box(notes: Any, presentation: Any) -> Any:
    """A text box for the notes, where a template's notes master has no notes placeholder to give one.

    Dropping the notes would lose words the slides leave to them (a table's rows, a
    long answer); the box fills the notes page below its slide picture, as the notes
    placeholder of python-pptx's own notes master does.
    """
    size = presentation._element.find(qn("p:notesSz"))
    width, height = int(size.get("cx")), int(size.get("cy"))
    image = next((p for p in notes.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_IMAGE), None)
    margin = Inches(0.5)
    top = image.top + image.height + margin // 2 if image is not None and image.top is not None else height // 2
    element = add_textbox(notes.shapes._spTree, margin, top, width - 2 * margin, max(height - margin - top, Inches(1)))
    box = next(shape for shape in notes.shapes if shape._element is element)
    box.text_frame.word_wrap = True
    return box


class NotesPage:
    """Where a notes page's text box and slide picture are (their places in the shape tree) and their inherited
    positions and sizes in EMU (left, top, width, height), the same on every page of a deck."""

    def __init__(self, body: int | None, body_box: tuple[int, ...], image: int | None,
                 image_box: tuple[int, ...]) -> None:
        self.body, self.body_box, self.image, self.image_box = body, body_box, image, image_box

    @classmethod
    def of(cls, notes: Any, body: Any) -> NotesPage:
        tree = notes.shapes._spTree
        image = next((p for p in notes.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_IMAGE), None)

        def where(shape: Any) -> tuple[int | None, tuple[int, ...]]:
            if shape is None:
                return None, ()
            return tree.index(shape._element), (shape.left, shape.top, shape.width, shape.height)

        return cls(*where(body), *where(image))

    def write(self, element: Any, text: str, theme: DeckTheme) -> None:
        """The notes' lines as paragraphs of the notes box (python-pptx's `clear` and `add_paragraph`), then the fit."""
        if self.body is None:
            return
        tree = element.find(_C_SLD).find(_SP_TREE)
        body = tree[self.body].find(_TX_BODY)
        first = cleared(body)
        for index, line in enumerate(text.split("\n")):
            run(first if index == 0 else etree.SubElement(body, _P), line, NOTES_SIZE, theme)
        if self.image is not None:
            self._fit(tree, text)

    def _fit(self, tree: Any, text: str) -> None:
        """Notes too long for the notes page's text box at 12 pt take room from the slide picture above it.

        A table's notes spell out every row; at 12 pt they ran off the printed page. The
        picture shrinks (its shape kept, centred) to at most a quarter of its height;
        the lines are counted with the metrics the slides are measured with.
        """
        body_left, body_top, body_width, body_height = self.body_box
        room = (body_width - 2 * Inches(0.1)) / Inches(1) * POINTS
        lines = sum(max(1, len(wrap(line, NOTES_SIZE, room))) for line in text.split("\n"))
        short = int(lines * NOTES_SIZE * NOTES_LINE / POINTS * Inches(1)) + Inches(0.1) - body_height
        if short <= 0:
            return
        left, top, width, height = self.image_box
        lost = min(short, body_top - top - height // 4)
        place(tree[self.body], body_left, body_top - lost, body_width, body_height + lost)
        kept = height - lost
        place(tree[self.image], left + (width - width * kept // height) // 2, top, width * kept // height, kept)
