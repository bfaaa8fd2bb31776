"""Every word in the patient's language (issue 12), read back from the files a clinic prints and presents.

The Spanish fixture is built with a clinic's brand (so the phone and logo labels are
used too) and both outputs are read back: no English fixed word on any page, bookmark,
slide or note; every language tag Spanish. Then the ways an editor meets the labels:
an override, a misspelt label key, a language with no built-in set, a script our fonts
cannot draw. Last, each built-in set on its own: every placeholder filled, every
letter drawable by the handout's fonts, every key documented.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import string
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from msgspec.structs import fields
from PIL import Image
from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject
from readback import FIXTURES, ROOT, deck_parts, deck_texts, norm, pdf_bookmarks, pdf_pages, run

from mghandout.deck.language import tag_language
from mghandout.handout.fonts import document, font_set
from mghandout.labels import BUILT_IN, LABEL_HELP, Labels

SPANISH = FIXTURES / "spanish.yaml"
ES = BUILT_IN["es"]
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TEXT_PARTS = re.compile(r"ppt/(presentation|(slides|notesSlides|slideMasters|slideLayouts|notesMasters|handoutMasters)"
                        r"/\w+)\.xml")


def fixed_word(template: str) -> re.Pattern[str]:
    """A pattern for the words a label prints, whatever fills its `{...}` fields."""
    pieces = re.split(r"(\{\w+\})", template)
    body = "".join(r"\S+" if re.fullmatch(r"\{\w+\}", piece) else r"\s+".join(map(re.escape, piece.split(" ")))
                   for piece in pieces)
    return re.compile(rf"(?<!\w){body}(?!\w)")


ENGLISH_FIXED_WORDS: dict[str, re.Pattern[str]] = {
    **{f.name: fixed_word(getattr(Labels(), f.name)) for f in fields(Labels) if f.name not in ("date", "months")},
    **{month: fixed_word(month) for month in Labels().months},
}
"""Every English fixed word (the date's are its month names: the rest of it is fields and a comma)."""


def english_in(text: str) -> list[str]:
    """The English fixed words found in `text`."""
    return [name for name, pattern in ENGLISH_FIXED_WORDS.items() if pattern.search(norm(text))]


def variant(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of the Spanish fixture with one edit, as an editor would make it."""
    text = SPANISH.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / f"{name}.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The Spanish fixture built with the test clinic's brand: (handout, deck)."""
    work = tmp_path_factory.mktemp("spanish")
    shutil.copy(FIXTURES / "brand.yaml", work / "brand.yaml")
    Image.new("RGB", (300, 120), (11, 90, 107)).save(work / "riverside-logo.png")
    result = run(str(SPANISH), "--brand", str(work / "brand.yaml"), "-o", str(work / "out"))
    assert result.returncode == 0, result.stderr
    return work / "out" / "spanish.pdf", work / "out" / "spanish.pptx"


def test_no_english_fixed_word_on_any_page_or_bookmark(spanish: tuple[Path, Path]) -> None:
    pages = pdf_pages(spanish[0])
    for number, page in enumerate(pages, start=1):
        assert english_in(page) == [], f"page {number}"
    bookmarks = pdf_bookmarks(spanish[0])
    assert english_in("\n".join(bookmarks)) == []
    assert {ES.key_points, ES.faq, ES.references} <= set(bookmarks)


def pdf_strings(path: Path) -> list[str]:
    """Every text a screen reader or a PDF viewer's side panel reads besides the page text.

    Alternative and replacement texts, expansions, titles of bookmarks and structure elements,
    and the document information, found by walking every object reachable from the catalog.
    """
    reader = PdfReader(str(path))
    seen: set[int] = set()
    found: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                return
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            for key, value in item.items():
                if key in ("/Alt", "/ActualText", "/E", "/T", "/Title") and isinstance(value.get_object(), str):
                    found.append(str(value.get_object()))
                if key not in ("/Parent", "/P"):
                    walk(value)
        elif isinstance(item, ArrayObject):
            for value in item:
                walk(value)

    walk(reader.trailer["/Root"])
    found += [str(value) for value in (reader.metadata or {}).values()]
    return found


def test_no_english_fixed_word_in_the_handout_alt_texts_or_properties(spanish: tuple[Path, Path]) -> None:
    strings = pdf_strings(spanish[0])
    assert ES.key_points in strings, "the bookmarks are read"
    assert english_in("\n".join(strings)) == []


def test_the_handout_prints_the_spanish_labels(spanish: tuple[Path, Path]) -> None:
    pages = [norm(page) for page in pdf_pages(spanish[0])]
    text = " ".join(pages)
    for label in (ES.summary, ES.key_points, ES.faq, ES.references, ES.notes, ES.disclaimer, ES.phone):
        assert label in text
    for number, page in enumerate(pages, start=1):
        assert ES.page.format(page=number, pages=len(pages)) in page


def test_no_english_fixed_word_on_any_slide_or_note(spanish: tuple[Path, Path]) -> None:
    slides, notes = deck_texts(spanish[1])
    for number, (pieces, note) in enumerate(zip(slides, notes, strict=True), start=1):
        assert english_in("\n".join(pieces)) == [], f"slide {number}"
        assert english_in(note) == [], f"notes of slide {number}"
    shown = "\n".join("\n".join(pieces) for pieces in slides)
    for label in (ES.summary, ES.key_points, ES.faq, ES.references, ES.disclaimer):
        assert label in shown
    assert ES.continued.format(title="") in shown, "the Spanish fixture is long enough to continue a slide"


def test_the_logo_and_the_callout_icon_are_described_in_spanish(spanish: tuple[Path, Path]) -> None:
    descriptions = re.findall(r'descr="([^"]*)"', "".join(deck_parts(spanish[1]).values()))
    assert sorted(descriptions) == sorted([ES.logo.format(clinic="Riverside Family Practice"), ES.warning])


def test_the_handout_is_tagged_spanish(spanish: tuple[Path, Path], tmp_path: Path) -> None:
    assert PdfReader(str(spanish[0])).trailer["/Root"]["/Lang"] == "es"
    plain = tmp_path / "plain.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(spanish[0]), str(plain)], check=True)
    assert set(re.findall(rb"/Lang \(([^)]*)\)", plain.read_bytes())) == {b"es"}


def test_every_language_tag_of_the_deck_is_spanish(spanish: tuple[Path, Path]) -> None:
    parts = deck_parts(spanish[1])
    tagged = {name: xml for name, xml in parts.items() if TEXT_PARTS.fullmatch(name)}
    kinds = {name.split("/")[1] for name in tagged}
    assert {"presentation.xml", "slides", "notesSlides", "slideMasters", "slideLayouts", "notesMasters"} <= kinds
    for name, xml in parts.items():
        assert set(re.findall(r' lang="([^"]*)"', xml)) <= {"es"}, name
    for name, xml in tagged.items():
        assert ' lang="es"' in xml, name
    assert "<dc:language>es</dc:language>" in parts["docProps/core.xml"]


def test_every_run_and_paragraph_end_of_slides_and_notes_says_spanish(spanish: tuple[Path, Path]) -> None:
    for name, xml in deck_parts(spanish[1]).items():
        if not re.fullmatch(r"ppt/(slides|notesSlides)/\w+\.xml", name):
            continue
        root = etree.fromstring(xml.encode("utf-8"))
        runs = [*root.iter(f"{A}r", f"{A}fld")]
        paragraphs = [*root.iter(f"{A}p")]
        assert runs and paragraphs, name
        assert all(run.find(f"{A}rPr") is not None and run.find(f"{A}rPr").get("lang") == "es" for run in runs), name
        assert all(p.find(f"{A}endParaRPr") is not None and p.find(f"{A}endParaRPr").get("lang") == "es"
                   for p in paragraphs), name
        for p in paragraphs:
            sizes = [run.find(f"{A}rPr").get("sz") for run in p if run.tag in (f"{A}r", f"{A}fld")]
            if sizes and sizes[-1]:
                assert p.find(f"{A}endParaRPr").get("sz") == sizes[-1], f"{name}: a paragraph end of another size"


def test_the_presentation_default_text_language_is_spanish(spanish: tuple[Path, Path]) -> None:
    root = etree.fromstring(deck_parts(spanish[1])["ppt/presentation.xml"].encode("utf-8"))
    p = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    default = root.find(f"{p}defaultTextStyle/{A}defPPr/{A}defRPr")
    assert default is not None and default.get("lang") == "es"


def test_a_label_override_shows_in_both_outputs(tmp_path: Path) -> None:
    source = variant(tmp_path, "override", "language: es\n", "language: es\nlabels:\n  key_points: Lo más importante\n"
                     "  page: 'Hoja {page} de {pages}'\n  continued: '{title} (sigue)'\n")
    result = run(str(source), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    pages = [norm(page) for page in pdf_pages(tmp_path / "out" / "override.pdf")]
    assert "Lo más importante" in pages[0] and ES.key_points not in " ".join(pages)
    assert all(f"Hoja {number} de {len(pages)}" in page for number, page in enumerate(pages, start=1))
    slides, _ = deck_texts(tmp_path / "out" / "override.pptx")
    shown = ["\n".join(pieces) for pieces in slides]
    assert any("Lo más importante" in text for text in shown)
    assert not any(ES.key_points in text for text in shown)
    assert any("(sigue)" in text for text in shown) and not any("(continuación)" in text for text in shown)


def test_an_unknown_label_key_is_an_error_with_did_you_mean(tmp_path: Path) -> None:
    source = variant(tmp_path, "typo", "language: es\n", "language: es\nlabels:\n  sumary: Lo esencial\n")
    result = run(str(source), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert re.search(r"typo\.yaml:10:3: error: unknown key 'sumary'; did you mean 'summary'\?", result.stderr)
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_language_with_no_built_in_set_warns_and_prints_english(tmp_path: Path) -> None:
    source = variant(tmp_path, "dutch", "language: es\n", "language: nl\n")
    result = run(str(source), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    warning = re.search(r"dutch\.yaml:\d+:\d+: warning: no built-in labels for language 'nl'.*", result.stderr)
    assert warning, result.stderr
    assert all(f.name in warning.group(0) for f in fields(Labels))
    found = english_in(" ".join(pdf_pages(tmp_path / "out" / "dutch.pdf")))
    assert {"summary", "key_points", "faq", "references", "notes", "page", "disclaimer"} <= set(found)


@pytest.mark.parametrize("language", ["he", "th", "es-Hebr"])
def test_a_script_the_fonts_cannot_draw_is_a_located_error(tmp_path: Path, language: str) -> None:
    source = variant(tmp_path, "script", "language: es\n", f"language: {language}\n")
    for args in ((str(source), "--check"), (str(source), "-o", str(tmp_path / "out"))):
        result = run(*args)
        assert result.returncode == 2, result.stderr
        assert re.search(rf"script\.yaml:8:11: error: language '{language}' is written in \w+.* script", result.stderr)
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(BUILT_IN))
def test_every_label_set_fills_every_placeholder(code: str) -> None:
    labels, english = BUILT_IN[code], Labels()
    for f in fields(Labels):
        if f.name != "months":
            value = getattr(labels, f.name)
            assert value.strip() and placeholders(value) == placeholders(getattr(english, f.name)), f.name
    assert placeholders(labels.page) == {"page", "pages"} and placeholders(labels.continued) == {"title"}
    assert placeholders(labels.logo) == {"clinic"} and placeholders(labels.date) == {"day", "month", "year"}
    assert len(labels.months) == 12 and len(set(labels.months)) == 12 and all(m.strip() for m in labels.months)
    date = labels.format_date(dt.date(2026, 11, 25))
    assert "2026" in date and "25" in date and labels.months[10] in date


@pytest.mark.parametrize("code", sorted(BUILT_IN))
def test_every_label_is_drawable_by_the_handout_fonts(code: str) -> None:
    labels = BUILT_IN[code]
    text = "".join(getattr(labels, f.name) for f in fields(Labels) if f.name != "months") + "".join(labels.months)
    for bold in (False, True):
        with document(code, text):
            covered = set().union(*(font.covered for font in font_set(bold).fonts))
        assert {c for c in text if not c.isspace() and ord(c) not in covered} == set(), "bold" if bold else "regular"


def test_the_docs_list_every_language_and_label_key() -> None:
    docs = (ROOT / "docs" / "source-format.md").read_text(encoding="utf-8")
    section = docs.split("## Languages and labels", 1)[1].split("\n## ", 1)[0]
    for code in BUILT_IN:
        assert f"`{code}`" in section, code
    for key in LABEL_HELP:
        assert f"`{key}`" in section, key
    for f in fields(Labels):
        if f.name != "months":
            assert getattr(Labels(), f.name) in section, f.name


def test_a_handout_master_kept_as_bytes_is_tagged_too() -> None:
    """Templates saved by PowerPoint carry a handout master, which python-pptx reads as plain bytes."""
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:handoutMaster xmlns:a="{A[1:-1]}" '
           'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree><p:sp>'
           '<p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="en-US" sz="1200"/><a:t>Header</a:t></a:r></a:p></p:txBody>'
           '</p:sp></p:spTree></p:cSld></p:handoutMaster>').encode()
    template = Presentation()
    part = Part(PackURI("/ppt/handoutMasters/handoutMaster1.xml"), CT.PML_HANDOUT_MASTER, template.part.package, xml)
    template.part.relate_to(part, RT.HANDOUT_MASTER)
    saved = io.BytesIO()
    template.save(saved)
    presentation = Presentation(saved)
    tag_language(presentation, "es")
    tagged = io.BytesIO()
    presentation.save(tagged)
    with zipfile.ZipFile(tagged) as package:
        handout = package.read("ppt/handoutMasters/handoutMaster1.xml").decode("utf-8")
    assert re.findall(r' lang="([^"]*)"', handout) == ["es", "es"], handout


def test_libreoffice_reads_the_spanish_deck_as_spanish(spanish: tuple[Path, Path], tmp_path: Path) -> None:
    """A real presentation program's view of the tags: the language its spell-checker will use for each text."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is a test dependency (apt install libreoffice-impress)"
    profile = tmp_path / "profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "odp",
                    "--outdir", str(tmp_path), str(spanish[1])], capture_output=True, check=True, timeout=300)
    with zipfile.ZipFile(tmp_path / "spanish.odp") as package:
        content = package.read("content.xml").decode("utf-8")
    languages = re.findall(r'fo:language="([^"]*)"', content)
    assert languages and set(languages) == {"es"}
