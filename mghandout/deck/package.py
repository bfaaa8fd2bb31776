"""The package around the slides, made true before saving: what every presentation program checks on opening.

python-pptx's default template carries a Mac printer's settings, a 4:3 thumbnail of an
empty slide and an `app.xml` that claims a 4:3 show of 0 slides written by PowerPoint
for Mac; its slide size keeps the `screen4x3` type when the size changes; and the notes
master it adds for speaker notes is never listed in `notesMasterIdLst`. Public reports
tie that combination to Keynote refusing python-pptx decks. Each is corrected here,
for our default template and a user's alike.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn

from mghandout.deck.shapes import text_body, text_of, title

APPLICATION = "mghandout"
APP_XML, CORE_XML = "/docProps/app.xml", "/docProps/core.xml"
SIZE_TYPES = {"screen4x3": (9144000, 6858000), "screen16x9": (9144000, 5143500), "screen16x10": (9144000, 5715000)}
"""The `p:sldSz type` values whose size is fixed (EMU), for checking a type against the size it labels."""
FORMATS = {(12192000, 6858000): "Widescreen", (9144000, 5143500): "On-screen Show (16:9)",
           (9144000, 6858000): "On-screen Show (4:3)", (9144000, 5715000): "On-screen Show (16:10)"}
_PARAGRAPH, _TEXT = qn("a:p"), qn("a:t")


def finish(presentation: Any) -> None:
    """Correct the package of a deck whose slides and notes are all written."""
    part = presentation.part
    _list_notes_master(part)
    _true_size_type(part._element.find(qn("p:sldSz")))
    for holder in [part.package, *part.package.iter_parts()]:
        _drop_rels(holder, (RT.PRINTER_SETTINGS, RT.THUMBNAIL))
    themes = [_theme_name(master.part) for master in presentation.slide_masters]
    size = (presentation.slide_width, presentation.slide_height)
    slides = list(presentation.slides)
    titles = [_title(slide) for slide in slides]
    paragraphs = [text for slide in slides for p in slide.shapes._spTree.iter(_PARAGRAPH) if (text := _text(p)).strip()]
    words = sum(len(text.split()) for text in paragraphs)
    _app_properties(part.package).blob = app_xml(themes, titles, FORMATS.get(size, "Custom"), words, len(paragraphs),
                                                 notes=sum(slide.has_notes_slide for slide in slides))
    _unique_names(part.package)


def _title(slide: Any) -> str:
    """The slide's title, as python-pptx's `slide.shapes.title.text_frame.text` reads it ("" for none)."""
    found = title(slide.shapes._spTree)
    return "" if found is None else text_of(text_body(found, slide.shapes))


def _text(paragraph: Any) -> str:
    return "".join(t.text or "" for t in paragraph.iter(_TEXT))


def _list_notes_master(part: Any) -> None:
    """The notes master named in `notesMasterIdLst`, where PowerPoint and Keynote look for it."""
    try:
        master = part.part_related_by(RT.NOTES_MASTER)
    except KeyError:
        return
    presentation = part._element
    if presentation.find(qn("p:notesMasterIdLst")) is not None:
        return
    listed = presentation.makeelement(qn("p:notesMasterIdLst"), {})
    entry = listed.makeelement(qn("p:notesMasterId"), {qn("r:id"): part.relate_to(master, RT.NOTES_MASTER)})
    listed.append(entry)
    presentation.find(qn("p:sldMasterIdLst")).addnext(listed)


def _true_size_type(size: Any) -> None:
    """A slide-size type that names another size is dropped: no type means "custom", which is always true."""
    kind = size.get("type")
    if kind in SIZE_TYPES and SIZE_TYPES[kind] != (int(size.get("cx")), int(size.get("cy"))):
        del size.attrib["type"]


def _drop_rels(holder: Any, reltypes: tuple[str, ...]) -> None:
    """Parts nothing should keep: printer settings of someone's printer, a thumbnail of no slide of ours."""
    for rId in [rId for rId, rel in holder._rels.items() if rel.reltype in reltypes]:
        holder._rels.pop(rId)


def _theme_name(master_part: Any) -> str:
    return etree.fromstring(master_part.part_related_by(RT.THEME).blob).get("name") or "Theme"


def _app_properties(package: Any) -> Part:
    """The package's `docProps/app.xml` part, added when the template has none."""
    try:
        return package.part_related_by(RT.EXTENDED_PROPERTIES)
    except KeyError:
        part = Part(PackURI(APP_XML), CT.OFC_EXTENDED_PROPERTIES, package, b"")
        package.relate_to(part, RT.EXTENDED_PROPERTIES)
        return part


def forget_stray_properties(presentation: Any) -> None:
    """A template's `docProps/app.xml` or `core.xml` related by a type other than the standard one (ISO strict's)
    is let go: python-pptx finds document properties by type only, and would add a part of the same name, written
    beside the template's (PowerPoint then offers to repair the file). A part no relationship reaches is not saved."""
    package = presentation.part.package
    for name, reltype in ((APP_XML, RT.EXTENDED_PROPERTIES), (CORE_XML, RT.CORE_PROPERTIES)):
        try:
            package.part_related_by(reltype)
            continue
        except KeyError:
            pass
        for holder in [package, *package.iter_parts()]:
            for rId in [rId for rId, rel in holder._rels.items()
                        if not rel.is_external and rel.target_part.partname == name]:
                holder._rels.pop(rId)


def _unique_names(package: Any) -> None:
    """A second part of a name already taken renamed (`image3.png` to `image3-2.png`): a zip must not hold one name
    twice, whatever the template held (two parts python-pptx loaded apart, one of ours beside one of its)."""
    names = {part.partname for part in package.iter_parts()}
    seen: set[str] = set()
    for part in package.iter_parts():
        if part.partname in seen:
            base, dot, extension = str(part.partname).rpartition(".")
            copy = 2
            while f"{base}-{copy}{dot}{extension}" in names:
                copy += 1
            part.partname = PackURI(f"{base}-{copy}{dot}{extension}")
            names.add(part.partname)
        seen.add(part.partname)


def app_xml(themes: list[str], titles: list[str], presentation_format: str, words: int, paragraphs: int,
            notes: int) -> bytes:
    """Extended properties that describe this deck: our name, its slide count and the titles of its parts."""
    def strings(values: list[str]) -> str:
        return "".join(f"<vt:lpstr>{escape(value)}</vt:lpstr>" for value in values)

    pairs = f"<vt:variant><vt:lpstr>Theme</vt:lpstr></vt:variant><vt:variant><vt:i4>{len(themes)}</vt:i4></vt:variant>"
    pairs += f"<vt:variant><vt:lpstr>Slide Titles</vt:lpstr></vt:variant><vt:variant><vt:i4>{len(titles)}</vt:i4>"
    pairs += "</vt:variant>"
    parts = themes + titles
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<TotalTime>0</TotalTime><Words>{words}</Words><Application>{APPLICATION}</Application>"
        f"<PresentationFormat>{escape(presentation_format)}</PresentationFormat><Paragraphs>{paragraphs}</Paragraphs>"
        f"<Slides>{len(titles)}</Slides><Notes>{notes}</Notes><HiddenSlides>0</HiddenSlides><MMClips>0</MMClips>"
        f'<ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="4" baseType="variant">{pairs}</vt:vector>'
        f'</HeadingPairs><TitlesOfParts><vt:vector size="{len(parts)}" baseType="lpstr">{strings(parts)}'
        "</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()
