"""Tag every piece of the deck's text with the article's language.

PowerPoint and LibreOffice spell-check and read aloud each run in the language on its
`a:rPr`; a run without one takes the presentation's default, which is en-US in
python-pptx's template and in most templates. So a Spanish deck is underlined as
misspelt English and a screen reader speaks it with English rules, unless the language
is set on every run and paragraph end of the slides and notes, and on the default text
styles (`a:defRPr`) of the presentation, the masters and the layouts, which text typed
later into a placeholder takes.

A deck in Chinese, Japanese or Korean names its script's face in each run's East Asian
font slot (`a:ea`), and one in Arabic, Persian or Hindi in its complex-script slot
(`a:cs`): PowerPoint and LibreOffice draw those letters from that slot, not from the
Latin font, and fall back to a face of the system that has them when it is missing.
An Arabic or Persian deck reads from the right: the paragraphs of its slides and notes
are right to left (`rtl="1"`, aligned right unless centred), its tables put the first
column on the right, and each slide's shapes are mirrored (the first food card, the
short title of the footer on the right; the slide number on the left).
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.package import XmlPart
from pptx.oxml.ns import qn

from mghandout.scripts import Script, script_for

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
_PPR, _TBL_PR, _LINE_SPACING, _LINK = qn("a:pPr"), qn("a:tblPr"), qn("a:lnSpc"), qn("a:hlinkClick")
NOTES_LINE = 1.2
"""The notes' line pitch, as the notes pages are measured (`pages.NOTES_LINE`)."""
_XFRM, _FRAME_XFRM, _OFF, _EXT_SIZE = qn("a:xfrm"), qn("p:xfrm"), qn("a:off"), qn("a:ext")
_AFTER_FONT = {"ea": tuple(qn(f"a:{tag}") for tag in ("cs", "sym", "hlinkClick", "hlinkMouseOver", "rtl", "extLst")),
               "cs": tuple(qn(f"a:{tag}") for tag in ("sym", "hlinkClick", "hlinkMouseOver", "rtl", "extLst"))}
"""What follows the East Asian and the complex-script font in a run's properties, in the schema's order."""
_CONTENT = frozenset({CT.PML_SLIDE, CT.PML_NOTES_SLIDE})
"""The parts whose paragraphs are the deck's own text (mirrored right to left)."""


def tag_language(presentation: Any, language: str) -> None:
    """Set `language` (a BCP 47 tag) on every run, paragraph end and default text style of the deck,
    with its script's face and direction."""
    for part in presentation.part.package.iter_parts():
        if part.content_type not in TEXT_PARTS:
            continue
        script = script_for(language)
        pitch = (script.line_spacing if part.content_type == CT.PML_SLIDE else NOTES_LINE) if script else None
        content = part.content_type in _CONTENT
        if isinstance(part, XmlPart):
            _tag(part._element, language, script, pitch if content else None)
        else:  # a part python-pptx keeps as bytes, such as a template's handout master
            element = etree.fromstring(part.blob)
            _tag(element, language, script, pitch if content else None)
            part._blob = etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)
    mirror_slides(presentation, language)


def _tag(element: Any, language: str, script: Script | None = None, pitch: float | None = None) -> None:
    """Give each run and paragraph its properties, then set the language (and the script's face) on
    every properties element; in a script's slides and notes (a `pitch`), space lines exactly and mirror
    a right to left deck's paragraphs and tables."""
    mirror = bool(pitch and script and script.rtl)
    for run in list(element.iter(_R, _FLD)):
        if run.find(_RPR) is None:
            run.insert(0, etree.Element(_RPR))
    for paragraph in list(element.iter(_P)):
        if paragraph.find(_END) is None:
            _paragraph_end(paragraph)
        if pitch:
            _exact_spacing(paragraph, pitch)
            _properties(paragraph).set("hangingPunct", "0")
        if mirror:
            _right_to_left(paragraph)
    _default_style(element)
    for properties in element.iter(_RPR, _END, _DEF):
        properties.set("lang", language)
        if script:
            _script_font(properties, script)
    if mirror:
        for table in element.iter(_TBL_PR):
            table.set("rtl", "1")


def mirror_slides(presentation: Any, language: str) -> None:
    """Each shape of each slide of a right to left deck moved to its mirror place across the slide."""
    script = script_for(language)
    if not (script and script.rtl):
        return
    width = presentation.slide_width
    for slide in presentation.slides:
        for shape in slide.shapes._spTree.iterchildren():
            xfrm = next(iter(shape.iter(_XFRM, _FRAME_XFRM)), None)
            offset = xfrm.find(_OFF) if xfrm is not None else None
            extent = xfrm.find(_EXT_SIZE) if xfrm is not None else None
            if offset is not None and extent is not None:
                offset.set("x", str(width - int(offset.get("x")) - int(extent.get("cx"))))


def _script_font(properties: Any, script: Script) -> None:
    """Name the script's face in its slot (`a:ea` or `a:cs`) of a run's properties, in the schema's place."""
    tag = qn(f"a:{script.slot}")
    font = properties.find(tag)
    if font is None:
        font = etree.Element(tag)
        after = next((found for name in _AFTER_FONT[script.slot] if (found := properties.find(name)) is not None), None)
        if after is None:
            properties.append(font)
        else:
            after.addprevious(font)
    font.set("typeface", script.deck_family)


def line_spacing(language: str, default: float) -> float:
    """The line pitch the deck's layout measures with: its script's (`Script.line_spacing`), else `default`."""
    script = script_for(language)
    return script.line_spacing if script else default


def _properties(paragraph: Any) -> Any:
    """The paragraph's properties (`a:pPr`), made first in it when it has none.

    `hangingPunct="0"` is set on each paragraph of a script's deck: LibreOffice otherwise
    lets a full stop that may not begin a line hang past the box's edge ("줍니다." at
    919 pt in a box ending at 910), where the layout moved the word to the next line.
    """
    properties = paragraph.find(_PPR)
    if properties is None:
        properties = etree.Element(_PPR)
        paragraph.insert(0, properties)
    return properties


def _exact_spacing(paragraph: Any, pitch: float) -> None:
    """Lines `pitch` times the paragraph's size apart, as the layout measured them.

    "Single" spacing is the face's own line height: Arial's is 1.15 times its size, the
    layout counts 1.2; Noto Sans CJK's is 1.45, Noto Sans Arabic's 2.11, so a table of
    Chinese rows set single grew past its slide. A paragraph with a web address keeps
    single spacing: LibreOffice 7 draws a right to left paragraph's left to right line
    (the address, wrapped) over the line before it when the spacing is exact.
    """
    sizes = [properties.get("sz") for properties in paragraph.iter(_RPR, _END) if properties.get("sz")]
    if not sizes or next(paragraph.iter(_LINK), None) is not None:
        return
    properties = _properties(paragraph)
    spacing = properties.find(_LINE_SPACING)
    if spacing is None:
        spacing = etree.Element(_LINE_SPACING)
        properties.insert(0, spacing)
    for child in list(spacing):
        spacing.remove(child)
    etree.SubElement(spacing, qn("a:spcPts"), val=str(round(max(map(int, sizes)) * pitch)))


def _right_to_left(paragraph: Any) -> None:
    """A paragraph read from the right: `rtl="1"`, aligned right unless it is centred."""
    properties = _properties(paragraph)
    properties.set("rtl", "1")
    if properties.get("algn") in (None, "l", "just"):
        properties.set("algn", "r")


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
