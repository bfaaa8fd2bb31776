"""Tag every piece of the deck's text with the article's language.

PowerPoint and LibreOffice spell-check and read aloud each run in the language on its
`a:rPr`; a run without one takes the presentation's default, which is en-US in
python-pptx's template and in most templates. So a Spanish deck is underlined as
misspelt English and a screen reader speaks it with English rules, unless the language
is set on every run and paragraph end of the slides and notes, and on the default text
styles (`a:defRPr`) of the presentation, the masters and the layouts, which text typed
later into a placeholder takes.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.package import XmlPart
from pptx.oxml.ns import qn

TEXT_PARTS = frozenset({
    CT.PML_PRESENTATION_MAIN, CT.PML_PRES_MACRO_MAIN, CT.PML_TEMPLATE_MAIN, CT.PML_SLIDESHOW_MAIN,
    CT.PML_SLIDE, CT.PML_SLIDE_LAYOUT, CT.PML_SLIDE_MASTER, CT.PML_NOTES_SLIDE, CT.PML_NOTES_MASTER,
    CT.PML_HANDOUT_MASTER,
})
"""The parts of a deck that hold text or text styles."""

_P, _R, _FLD = qn("a:p"), qn("a:r"), qn("a:fld")
_RUNS = frozenset((_R, _FLD))
_RPR, _END, _DEF = qn("a:rPr"), qn("a:endParaRPr"), qn("a:defRPr")
_DEFAULT_STYLE, _DEF_PPR, _EXT = qn("p:defaultTextStyle"), qn("a:defPPr"), qn("a:extLst")


def tag_language(presentation: Any, language: str) -> None:
    """Set `language` (a BCP 47 tag) on every run, paragraph end and default text style of the deck."""
    for part in presentation.part.package.iter_parts():
        if part.content_type not in TEXT_PARTS:
            continue
        if isinstance(part, XmlPart):
            _tag(part._element, language)
        else:  # a part python-pptx keeps as bytes, such as a template's handout master
            element = etree.fromstring(part.blob)
            _tag(element, language)
            part._blob = etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def _tag(element: Any, language: str) -> None:
    """Give each run and paragraph its properties, then set the language on every properties element."""
    for run in list(element.iter(_R, _FLD)):
        if run.find(_RPR) is None:
            run.insert(0, etree.Element(_RPR))
    for paragraph in list(element.iter(_P)):
        if paragraph.find(_END) is None:
            _paragraph_end(paragraph)
    _default_style(element)
    for properties in element.iter(_RPR, _END, _DEF):
        properties.set("lang", language)


def _paragraph_end(paragraph: Any) -> None:
    """A paragraph end the size of the paragraph's last sized run, as PowerPoint itself writes it, added last.

    Without a size the end mark takes the list style's (32 pt in the default master's
    body text), and a presentation program may then make the last line taller than the
    layout measured it.
    """
    end = etree.SubElement(paragraph, _END)
    for child in reversed(paragraph):
        if child.tag in _RUNS and (size := child.find(_RPR).get("sz")):
            end.set("sz", size)
            return


def _default_style(element: Any) -> None:
    """The presentation's default paragraph style holds the default text language: make sure it is there."""
    style = element.find(_DEFAULT_STYLE)
    if style is None:
        return
    default = style.find(_DEF_PPR)
    if default is None:
        default = etree.Element(_DEF_PPR)
        style.insert(0, default)
    if default.find(_DEF) is None:
        extension = default.find(_EXT)
        if extension is None:
            default.append(etree.Element(_DEF))
        else:
            extension.addprevious(etree.Element(_DEF))
