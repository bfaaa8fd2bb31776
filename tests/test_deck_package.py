"""The package around the slides: one part of each name, whatever the template held."""

from __future__ import annotations

import io
import zipfile

from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI

from mghandout.deck import package

STRICT_APP = "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"


def _names(presentation: object) -> list[str]:
    buffer = io.BytesIO()
    presentation.save(buffer)  # type: ignore[attr-defined]
    with zipfile.ZipFile(buffer) as saved:
        return saved.namelist()


def test_a_second_part_of_a_taken_name_is_renamed() -> None:
    """Two parts named alike were both written to the zip, which PowerPoint offers to repair."""
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    twin = Part(PackURI("/ppt/slides/slide1.xml"), CT.XML, presentation.part.package, b"<x/>")
    slide.part.relate_to(twin, RT.CUSTOM_XML)
    package.finish(presentation)
    names = _names(presentation)
    assert len(names) == len(set(names))
    assert "ppt/slides/slide1-2.xml" in names


def test_an_app_xml_related_by_another_type_is_let_go_not_written_twice() -> None:
    presentation = Presentation()
    packaged = presentation.part.package
    app = packaged.part_related_by(RT.EXTENDED_PROPERTIES)
    rId = next(rId for rId, rel in packaged._rels.items() if rel.reltype == RT.EXTENDED_PROPERTIES)
    packaged._rels.pop(rId)
    packaged.relate_to(app, STRICT_APP)
    package.forget_stray_properties(presentation)
    package.finish(presentation)
    names = _names(presentation)
    assert names.count("docProps/app.xml") == 1
    assert packaged.part_related_by(RT.EXTENDED_PROPERTIES).blob.find(b"<Application>mghandout") > 0
    assert not [rel for rel in packaged._rels.values() if rel.reltype == STRICT_APP]
