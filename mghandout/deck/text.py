"""Text written into a shape's XML: text body set-up, runs, spacing and bullets, as python-pptx's setters write them.

python-pptx's text frame, paragraph and font properties each go through proxy objects
and XML helpers; the deck sets the same few properties on every box, so they are
written here straight into the `p:txBody` and `a:p` elements, with the same elements
and attributes in the same order as python-pptx writes them (they were half the
deck's time). Every function takes lxml elements.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Inches

from mghandout.deck.shapes import paragraph_properties
from mghandout.deck.theme import DeckTheme
from mghandout.links import URL

_R, _RPR, _T, _END = qn("a:r"), qn("a:rPr"), qn("a:t"), qn("a:endParaRPr")
_FILL, _RGB, _LATIN = qn("a:solidFill"), qn("a:srgbClr"), qn("a:latin")
_LINE, _BEFORE, _AFTER = qn("a:lnSpc"), qn("a:spcBef"), qn("a:spcAft")
_BODY_PR, _NO_AUTOFIT = qn("a:bodyPr"), qn("a:noAutofit")
_AUTOFITS = (_NO_AUTOFIT, qn("a:normAutofit"), qn("a:spAutoFit"))
_AFTER_AUTOFIT = tuple(qn(tag) for tag in ("a:scene3d", "a:sp3d", "a:flatTx", "a:extLst"))
"""What follows a text body's autofit choice, in the schema's order."""
_INSETS = (("lIns", Emu(91440)), ("rIns", Emu(91440)), ("tIns", Emu(45720)), ("bIns", Emu(45720)))
"""A text body's insets in the order `frame` sets them, each with the schema's default."""


def frame(body: Any, theme: DeckTheme, inset: float | None = None) -> None:
    """No autofit (the layout made it fit), word wrap on, known insets, in a `p:txBody`.

    Written as python-pptx's word_wrap, auto_size and margin setters write them (an inset
    equal to the schema's default is left out), without their proxies: a sixth of the deck's time.
    """
    properties = body.find(_BODY_PR)
    properties.set("wrap", "square")
    for fit in _AUTOFITS:
        for element in properties.findall(fit):
            properties.remove(element)
    after = next((found for tag in _AFTER_AUTOFIT if (found := properties.find(tag)) is not None), None)
    if after is None:
        etree.SubElement(properties, _NO_AUTOFIT)
    else:
        after.addprevious(etree.Element(_NO_AUTOFIT))
    margin = Inches(theme.inset if inset is None else inset)
    for name, default in _INSETS:
        if margin == default:
            properties.attrib.pop(name, None)
        else:
            properties.set(name, str(margin))


def run(paragraph: Any, text: str, size: float, theme: DeckTheme, *, bold: bool = False,
         color: str | None = None) -> None:
    """A run at the end of the `a:p`, every property explicit, written as XML: python-pptx's font API cost a third
    of the deck's time."""
    element = etree.Element(_R)
    run_properties(element, size, theme, bold=bold, color=color)
    etree.SubElement(element, _T).text = text
    end = paragraph.find(_END)
    if end is None:
        paragraph.append(element)
    else:
        end.addprevious(element)


def linked_runs(slide: PptxSlide, paragraph: Any, text: str, size: float, theme: DeckTheme, *, bold: bool = False,
                 color: str | None = None) -> None:
    """Runs of `text` in the `a:p`, each web address in it a link that opens when clicked in a slide show or the
    editor."""
    for piece in URL.split(text):
        if not piece:
            continue
        run(paragraph, piece, size, theme, bold=bold, color=color)
        if URL.fullmatch(piece):
            link_last_run(slide, paragraph, piece)


def link_last_run(slide: PptxSlide, paragraph: Any, target: str) -> None:
    """The `a:p`'s last run made a link to `target` (a web address, a `tel:` number), underlined as links are."""
    properties = paragraph.findall(_R)[-1].find(_RPR)
    properties.set("u", "sng")
    rId = slide.part.relate_to(target, RT.HYPERLINK, is_external=True)
    etree.SubElement(properties, qn("a:hlinkClick")).set(qn("r:id"), rId)


def spacing(paragraph: Any, *, after: float, single: bool = True) -> None:
    """Single line spacing (the layout measured it; a template's master may say 90%), no space before (python-pptx's
    master puts 20% of the size before each paragraph, which the layout does not count) and the space after.

    Written as XML at the front of the paragraph's properties, where the schema puts
    them: python-pptx's line_spacing and space_after were a tenth of the deck's time.
    """
    properties = paragraph_properties(paragraph)
    for name in (_LINE, _BEFORE, _AFTER):
        for old in properties.findall(name):
            properties.remove(old)
    space = etree.Element(_AFTER)
    etree.SubElement(space, qn("a:spcPts"), val=str(round(after * 100)))
    properties.insert(0, space)
    before = etree.Element(_BEFORE)
    etree.SubElement(before, qn("a:spcPts"), val="0")
    properties.insert(0, before)
    if single:
        line = etree.Element(_LINE)
        etree.SubElement(line, qn("a:spcPct"), val="100000")
        properties.insert(0, line)


def run_properties(element: Any, size: float, theme: DeckTheme, *, bold: bool = False,
                   color: str | None = None) -> None:
    """A run's (or a field's) properties, every one explicit: size, weight, colour, typeface."""
    props = etree.SubElement(element, _RPR, sz=str(round(size * 100)), b="1" if bold else "0")
    etree.SubElement(etree.SubElement(props, _FILL), _RGB, val=color or theme.ink)
    etree.SubElement(props, _LATIN, typeface=theme.font)


def bullet_mark(paragraph: Any, theme: DeckTheme, indent_in: float, *, hanging: bool = True) -> None:
    """A bullet hanging at the layout's indent, in one colour whatever the first word's (a mark follows its text's).

    Not `hanging`: no mark, the text aligned under the bullet text above (a FAQ answer under its question).
    """
    properties = paragraph_properties(paragraph)
    indent = Inches(indent_in)
    properties.set("marL", str(indent))
    properties.set("indent", str(-indent if hanging else 0))
    if hanging:
        etree.SubElement(etree.SubElement(properties, qn("a:buClr")), _RGB, val=theme.accent)
        etree.SubElement(properties, qn("a:buFont"), typeface=theme.font)
        etree.SubElement(properties, qn("a:buChar"), char="•")
    else:
        etree.SubElement(properties, qn("a:buNone"))
