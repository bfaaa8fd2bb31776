"""Hostile templates: entities and DOCTYPEs refused naming the part, macros dropped, unused parts never read."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pptx
import pytest
from hostile import add_zeros, rezip, run_measured
from lxml import etree
from topics import FIXTURES

from mghandout.deck.template import TemplateError, open_template
from mghandout.deck.template_zip import PRESENTATION, template_package

DEFAULT = Path(pptx.__file__).parent / "templates" / "default.pptx"
MINIMAL = FIXTURES / "minimal.yaml"
MACRO_MAIN = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
STRICT = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)


def _entry(name: str) -> str:
    with zipfile.ZipFile(DEFAULT) as package:
        return package.read(name).decode()


def _with_doctype(name: str, text: str, entity: str) -> str:
    """The part `name` of python-pptx's template with a DOCTYPE declaring `entity`, and `&xxe;` inside `text`."""
    xml = _entry(name)
    declaration, body = xml.split("?>", 1)
    return f"{declaration}?><!DOCTYPE root [{entity}]>" + body.replace(text, f"{text}&xxe;", 1)


@pytest.fixture
def hostile_templates(tmp_path: Path) -> dict[str, Path]:
    theme = _with_doctype("ppt/theme/theme1.xml", "<a:themeElements>", '<!ENTITY xxe SYSTEM "file:///etc/passwd">')
    master = _with_doctype("ppt/slideMasters/slideMaster1.xml", "<a:t>Click to edit Master title style", "")
    master = master.replace("[]", '[<!ENTITY xxe "boo">]')
    types = _entry("[Content_Types].xml").replace(PRESENTATION, MACRO_MAIN).replace(
        "<Default Extension=\"xml\"", '<Default Extension="vba" ContentType="application/vnd.ms-office.vbaProject"/>'
        '<Default Extension="xml"')
    rels = _entry("ppt/_rels/presentation.xml.rels").replace(
        "</Relationships>", f'<Relationship Id="rId99" Type="{VBA}" Target="vbaProject.vba"/></Relationships>')
    return {
        "theme": rezip(DEFAULT, tmp_path / "theme.pptx", {"ppt/theme/theme1.xml": theme.encode()}),
        "master": rezip(DEFAULT, tmp_path / "master.pptx", {"ppt/slideMasters/slideMaster1.xml": master.encode()}),
        "macros": rezip(DEFAULT, tmp_path / "macros.pptx", {"[Content_Types].xml": types.encode(),
                                                            "ppt/_rels/presentation.xml.rels": rels.encode(),
                                                            "ppt/vbaProject.vba": b"Attribute VB_Name = \"Evil\""}),
    }


@pytest.mark.parametrize(("name", "part"), [("theme", "ppt/theme/theme1.xml"),
                                            ("master", "ppt/slideMasters/slideMaster1.xml")])
def test_a_doctype_is_a_template_error_naming_the_part(hostile_templates: dict[str, Path], name: str,
                                                        part: str) -> None:
    with pytest.raises(TemplateError) as caught:
        open_template(hostile_templates[name])
    assert caught.value.file == str(hostile_templates[name])
    assert f"the template's part {part} declares a DOCTYPE" in caught.value.message


def test_a_part_that_does_not_parse_is_named(tmp_path: Path) -> None:
    broken = rezip(DEFAULT, tmp_path / "t.pptx", {"ppt/presProps.xml": b"<p:presentationPr"})
    with pytest.raises(TemplateError, match="part ppt/presProps.xml is not well-formed XML"):
        open_template(broken)


def test_a_doctype_via_the_command_is_exit_2_with_one_line(hostile_templates: dict[str, Path], tmp_path: Path) -> None:
    result, _ = run_measured([str(MINIMAL), "--template", str(hostile_templates["master"]), "-o", str(tmp_path / "o")])
    assert result.returncode == 2
    assert result.stderr.startswith(f"{hostile_templates['master']}: error: the template's part "
                                    "ppt/slideMasters/slideMaster1.xml declares a DOCTYPE")
    assert len(result.stderr.splitlines()) == 1 and not (tmp_path / "o").exists()


def _parts(deck: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(deck) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_a_macro_enabled_template_gives_a_macro_free_presentation(hostile_templates: dict[str, Path],
                                                                   tmp_path: Path) -> None:
    assert "ppt/vbaProject.vba" in zipfile.ZipFile(hostile_templates["macros"]).namelist()
    result, _ = run_measured([str(MINIMAL), "--template", str(hostile_templates["macros"]), "--format", "pptx",
                              "-o", str(tmp_path)])
    assert result.returncode == 0, result.stderr
    parts = _parts(tmp_path / "minimal.pptx")
    assert not [name for name in parts if "vba" in name.lower()]
    assert b"macroEnabled" not in parts["[Content_Types].xml"] and b"vbaProject" not in b"".join(parts.values())
    assert f'PartName="/ppt/presentation.xml" ContentType="{PRESENTATION}"'.encode() in parts["[Content_Types].xml"]
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")):
            root = etree.fromstring(data, STRICT)
            assert root.getroottree().docinfo.doctype == "", name


def test_a_huge_part_nothing_refers_to_is_never_read(tmp_path: Path) -> None:
    template = add_zeros(shutil.copy(DEFAULT, tmp_path / "big.pptx"), "ppt/media/unused.bin", 1 << 30)
    assert template.stat().st_size < 2_000_000
    assert "ppt/media/unused.bin" not in zipfile.ZipFile(template_package(template)).namelist()
    result, peak = run_measured([str(MINIMAL), "--template", str(template), "-o", str(tmp_path / "o")])
    assert result.returncode == 0, result.stderr
    assert peak < 600
    assert "ppt/media/unused.bin" not in _parts(tmp_path / "o" / "minimal.pptx")


def test_a_huge_part_the_deck_would_use_is_refused(tmp_path: Path) -> None:
    rels = _entry("ppt/_rels/presentation.xml.rels").replace(
        "</Relationships>", '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/image" Target="media/huge.bin"/></Relationships>')
    template = add_zeros(rezip(DEFAULT, tmp_path / "t.pptx", {"ppt/_rels/presentation.xml.rels": rels.encode()}),
                         "ppt/media/huge.bin", 1 << 28)
    with pytest.raises(TemplateError, match="more than 100 MB unpacked .reached at ppt/media/huge.bin, 268 MB"):
        open_template(template)


def test_a_template_that_is_no_zip_is_refused(tmp_path: Path) -> None:
    (tmp_path / "t.pptx").write_text("not a deck", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"not a PowerPoint file that can be read \(BadZipFile\)"):
        open_template(tmp_path / "t.pptx")
