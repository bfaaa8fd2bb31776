"""The deck on templates made by others: LibreOffice's Impress templates, pandoc's reference deck, and variants.

An educator's own template is where the deck meets files we did not write: LibreOffice
names its layouts "Title, Content", PowerPoint users keep custom shows and sections,
a template's title slide may have lost its title. Each template here is built on with
the command, and the deck is read back as PowerPoint, python-pptx and LibreOffice
would read it: one part per name, titles on every slide, nothing off the slide, no
empty placeholder, footers in the template's own placeholders, text colours that read.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Inches
from pypdf import PdfReader

from mghandout.deck import render_pptx
from mghandout.deck.backdrop import MINIMUM, Backdrop, Rect, contrast
from mghandout.deck.template import find_layout
from mghandout.source import load_article

ROOT = Path(__file__).resolve().parents[1]
MAGNESIUM = ROOT / "source" / "magnesium-muscle-contractions.yaml"
LIBREOFFICE = Path("/usr/lib/libreoffice/share/template/common/presnt")
IMPRESS = ("Midnightblue", "Focus", "Vivid", "Metropolis")
"""LibreOffice templates: a title band, a busy picture of shapes, a patterned bottom band, a blue picture."""
FOOT_ART = "Blue_Curve"
"""A LibreOffice template with waves along its foot, which its body placeholder stops above."""
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
SECTIONS_URI = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
WHEN = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)


def soffice(*args: str, cwd: Path) -> None:
    profile = cwd / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", *args],
                   cwd=cwd, check=True, capture_output=True, timeout=300)


# --- the templates ----------------------------------------------------------------------------------------------


def with_sample_slides(presentation: Any, count: int = 3) -> list[Any]:
    slides = []
    for number in range(count):
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = f"Template sample slide {number + 1}"
        slides.append(slide)
    return slides


def custom_show(path: Path) -> Path:
    """Three sample slides, two of them in a custom show the slide show is set to play."""
    template = Presentation()
    with_sample_slides(template)
    presentation = template.part._element
    shows = etree.SubElement(presentation, qn("p:custShowLst"))
    presentation.find(qn("p:notesSz")).addnext(shows)
    show = etree.SubElement(shows, qn("p:custShow"), name="Short talk", id="0")
    slides = etree.SubElement(show, qn("p:sldLst"))
    for slide_id in list(template.slides._sldIdLst)[:2]:
        etree.SubElement(slides, qn("p:sld")).set(qn("r:id"), slide_id.rId)
    template.save(str(path))
    _set_show(path, '<p:custShow id="0"/>')
    return path


def _set_show(path: Path, choice: str) -> None:
    """presProps.xml playing `choice` (a custom show or a range of slides), as PowerPoint writes it."""
    properties = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:presentationPr '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        f'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:showPr>{choice}</p:showPr>'
        "</p:presentationPr>"
    )
    replace_entry(path, "ppt/presProps.xml", properties.encode())


def replace_entry(path: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, blob in entries:
            target.writestr(info, data if info.filename == name else blob)


def sections(path: Path) -> Path:
    """Three sample slides in two named sections, as PowerPoint 2010 and later record them."""
    template = Presentation()
    with_sample_slides(template)
    ids = [slide_id.get("id") for slide_id in template.slides._sldIdLst]
    extensions = etree.SubElement(template.part._element, qn("p:extLst"))
    extension = etree.SubElement(extensions, qn("p:ext"), uri=SECTIONS_URI)
    section_list = etree.SubElement(extension, f"{{{P14}}}sectionLst", nsmap={"p14": P14})
    for number, (name, members) in enumerate((("Welcome", ids[:1]), ("Details", ids[1:]))):
        section = etree.SubElement(section_list, f"{{{P14}}}section", name=name,
                                   id=f"{{6F1C8E2A-0000-4000-8000-00000000000{number}}}")
        listed = etree.SubElement(section, f"{{{P14}}}sldIdLst")
        for slide_id in members:
            etree.SubElement(listed, f"{{{P14}}}sldId", id=slide_id)
    template.save(str(path))
    _set_show(path, '<p:sldRg st="2" end="3"/>')
    return path


def untitled_title_slide(path: Path) -> Path:
    """A "Title Slide" layout whose title placeholder was deleted, with a sample slide on it."""
    template = Presentation()
    layout = template.slide_layouts.get_by_name("Title Slide")
    assert layout is not None
    title = next(p for p in layout.placeholders if p.placeholder_format.type in (1, 3))  # title, centre title
    layout.shapes._spTree.remove(title._element)
    template.slides.add_slide(layout)
    template.save(str(path))
    return path


def sized(path: Path, width: float, height: float) -> Path:
    template = Presentation()
    template.slide_width, template.slide_height = Inches(width), Inches(height)
    with_sample_slides(template, 1)
    template.save(str(path))
    return path


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every template, made here: LibreOffice's converted by LibreOffice, pandoc's printed by pandoc, the rest by us."""
    folder = tmp_path_factory.mktemp("templates")
    soffice("--convert-to", "pptx", "--outdir", str(folder),
            *(str(LIBREOFFICE / f"{n}.otp") for n in (*IMPRESS, FOOT_ART)), cwd=folder)
    found = {name: folder / f"{name}.pptx" for name in (*IMPRESS, FOOT_ART)}
    pandoc = folder / "pandoc-reference.pptx"
    subprocess.run(["pandoc", "-o", str(pandoc), "--print-default-data-file", "reference.pptx"], check=True,
                   timeout=60)
    found["pandoc"] = pandoc
    found["custom-show"] = custom_show(folder / "custom-show.pptx")
    found["sections"] = sections(folder / "sections.pptx")
    found["untitled-title-slide"] = untitled_title_slide(folder / "untitled-title-slide.pptx")
    found["four-by-three"] = sized(folder / "four-by-three.pptx", 10, 7.5)
    found["ten-inch-wide"] = sized(folder / "ten-inch-wide.pptx", 10, 5.625)
    assert all(path.is_file() for path in found.values())
    return found


NAMES = [*IMPRESS, "pandoc", "custom-show", "sections", "untitled-title-slide", "four-by-three", "ten-inch-wide"]


@pytest.fixture(scope="session")
def built(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The magnesium deck built by the command on each template, which must exit 0 and say nothing on stderr."""
    folder = tmp_path_factory.mktemp("decks")
    decks = {}
    for name, template in templates.items():
        out = folder / name
        result = subprocess.run(
            [sys.executable, "-W", "error", "-m", "mghandout", str(MAGNESIUM), "--format", "pptx",
             "--template", str(template), "-o", str(out)],
            cwd=ROOT, capture_output=True, text=True, timeout=180,
        )
        assert result.returncode == 0, f"{name}: {result.stderr}"
        assert result.stderr == "", f"{name}: {result.stderr}"
        decks[name] = out / f"{MAGNESIUM.stem}.pptx"
    return decks


@pytest.fixture(scope="session")
def rendered(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each deck converted to PDF by LibreOffice, all in one run."""
    folder = tmp_path_factory.mktemp("rendered")
    for name, deck in built.items():
        shutil.copy(deck, folder / f"{name}.pptx")
    soffice("--convert-to", "pdf", "--outdir", str(folder), *(f"{name}.pptx" for name in built), cwd=folder)
    return {name: folder / f"{name}.pdf" for name in built}


# --- every template ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_the_package_names_each_part_once_and_holds_only_our_slides(built: dict[str, Path], name: str) -> None:
    """A template's slides kept alive by a custom show were saved beside ours as a second slide1.xml."""
    with zipfile.ZipFile(built[name]) as package:
        names = package.namelist()
        assert len(names) == len(set(names)), f"duplicate parts: {sorted({n for n in names if names.count(n) > 1})}"
        slides = [n for n in names if n.startswith("ppt/slides/slide") and n.endswith(".xml")]
        assert len(slides) == len(Presentation(str(built[name])).slides)
        text = b"".join(package.read(n) for n in names if n.endswith(".xml"))
    assert b"Template sample slide" not in text


@pytest.mark.parametrize("name", NAMES)
def test_every_slide_has_a_title_and_stays_on_the_slide(built: dict[str, Path], name: str) -> None:
    deck = Presentation(str(built[name]))
    assert len(deck.slides) >= 10
    for number, slide in enumerate(deck.slides, start=1):
        title = slide.shapes.title
        assert title is not None and title.text_frame.text.strip(), f"{name} slide {number}: no title"
        for shape in slide.shapes:
            where = f"{name} slide {number}: {shape.name}"
            assert shape.left >= 0 and shape.top >= 0, where
            assert shape.left + shape.width <= deck.slide_width, where
            assert shape.top + shape.height <= deck.slide_height, where


@pytest.mark.parametrize("name", NAMES)
def test_no_empty_placeholder_is_left_on_any_slide(built: dict[str, Path], name: str) -> None:
    """An empty placeholder shows "Click to add text" in the editor and reads as empty to a screen reader."""
    deck = Presentation(str(built[name]))
    for number, slide in enumerate(deck.slides, start=1):
        for shape in slide.placeholders:
            assert shape.has_text_frame and shape.text_frame.text.strip(), f"{name} slide {number}: {shape.name}"


@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_shows_every_slide_with_its_title(built: dict[str, Path], rendered: dict[str, Path],
                                                      name: str) -> None:
    deck = Presentation(str(built[name]))
    pages = PdfReader(rendered[name]).pages
    assert len(pages) == len(deck.slides)
    for number, (slide, page) in enumerate(zip(deck.slides, pages, strict=True), start=1):
        first_word = slide.shapes.title.text_frame.text.split()[0]
        assert first_word in page.extract_text(), f"{name} slide {number}"


@pytest.mark.parametrize("name", NAMES)
def test_text_on_the_slide_reads_at_4_5_to_1_on_what_lies_behind_it(built: dict[str, Path], name: str) -> None:
    """Titles and bullets, in the colour their runs say, on the template's shapes and background under them (or on
    the plate the deck put behind them)."""
    deck = Presentation(str(built[name]))
    backdrops: dict[str, Backdrop] = {}
    for number, slide in enumerate(deck.slides, start=1):
        backdrop = backdrops.setdefault(slide.slide_layout.name, Backdrop(slide.slide_layout))
        for shape in slide.placeholders:
            plate = shape.fill.fore_color.rgb if shape.fill.type == 1 else None
            behind = [str(plate)] if plate is not None else backdrop.behind(
                Rect(shape.left, shape.top, shape.width, shape.height))
            if shape.placeholder_format.type in (13, 15):  # slide number, footer: sampled where their text sits
                behind = [str(plate)] if plate is not None else backdrop.at(shape.left + shape.width // 2,
                                                                               shape.top + shape.height // 2)
            for run in shape._element.iter(qn("a:rPr")):
                colour = run.find(f"{qn('a:solidFill')}/{qn('a:srgbClr')}").get("val")
                worst = min(contrast(colour, back) for back in behind)
                assert worst >= MINIMUM, f"{name} slide {number} {shape.name}: {colour} on {behind}: {worst:.1f}:1"


# --- what each template was broken by --------------------------------------------------------------------------


def test_a_custom_show_and_the_show_set_to_play_it_are_gone(built: dict[str, Path]) -> None:
    with zipfile.ZipFile(built["custom-show"]) as package:
        presentation = package.read("ppt/presentation.xml")
        properties = package.read("ppt/presProps.xml")
    assert b"custShow" not in presentation
    assert b"custShow" not in properties


def test_sections_naming_the_template_slides_are_gone(built: dict[str, Path]) -> None:
    """PowerPoint shows sections by the slide ids they list; the template's ids named slides that are not ours."""
    deck = Presentation(str(built["sections"]))
    ids = {slide_id.get("id") for slide_id in deck.slides._sldIdLst}
    listed = {e.get("id") for e in deck.part._element.iter(f"{{{P14}}}sldId")}
    assert listed <= ids
    assert not list(deck.part._element.iter(f"{{{P14}}}section"))
    with zipfile.ZipFile(built["sections"]) as package:
        assert b"sldRg" not in package.read("ppt/presProps.xml"), "the show would play the template's range"


def test_a_title_slide_layout_without_a_title_gets_a_title_placeholder(built: dict[str, Path]) -> None:
    """It was `internal error: AttributeError`; now the title is a title placeholder of the slide's own, first."""
    deck = Presentation(str(built["untitled-title-slide"]))
    first = deck.slides[0]
    assert first.slide_layout.name == "Title Slide"
    assert first.shapes.title is not None
    assert first.shapes.title.text_frame.text.startswith("Understanding the Connection")
    assert first.shapes[0].shape_id == first.shapes.title.shape_id, "the title is read first"


def test_libreoffice_templates_are_found_by_their_layout_names(built: dict[str, Path]) -> None:
    """LibreOffice calls the content layout "Title, Content"; the deck used to refuse such templates."""
    deck = Presentation(str(built["Midnightblue"]))
    assert {slide.slide_layout.name for slide in deck.slides} == {"Title Slide", "Title, Content", "Title Only"}


def test_titles_on_a_dark_title_band_are_light(templates: dict[str, Path], built: dict[str, Path]) -> None:
    """Midnightblue's content titles sit on its navy band: teal there was 1.4:1."""
    band = "2C3E50"
    master = Presentation(str(templates["Midnightblue"])).slide_masters[0]._element
    assert band.lower() in etree.tostring(master).decode(), "the band colour this test is about"
    deck = Presentation(str(built["Midnightblue"]))
    for slide in list(deck.slides)[1:]:
        colour = slide.shapes.title._element.find(f".//{qn('a:rPr')}/{qn('a:solidFill')}/{qn('a:srgbClr')}")
        assert contrast(colour.get("val"), band) >= MINIMUM
        assert colour.get("val") != "0B5A6B"


@pytest.mark.parametrize("name", ["Midnightblue", "pandoc"])
def test_footer_and_slide_number_are_in_the_template_placeholders(built: dict[str, Path], name: str) -> None:
    """Where the template's designer put them, not in boxes of ours over its bottom band."""
    deck = Presentation(str(built[name]))
    for number, slide in enumerate(deck.slides, start=1):
        kinds = {_ph_type(p) for p in slide.slide_layout.placeholders}
        placed = {_ph_type(p): p for p in slide.placeholders}
        for kind in ("ftr", "sldNum"):
            if kind in kinds:
                assert kind in placed, f"{name} slide {number}: no {kind} placeholder"
        if "sldNum" in placed:
            fields = list(placed["sldNum"]._element.iter(qn("a:fld")))
            assert [f.get("type") for f in fields] == ["slidenum"]
            assert fields[0].find(qn("a:t")).text == str(number)
        boxes = [s for s in slide.shapes if not s.is_placeholder and s.has_text_frame
                 and s.text_frame.text == "Low Magnesium and Muscle Contractions"]
        assert not boxes or "ftr" not in kinds, f"{name} slide {number}: our footer box beside the template's"


def _ph_type(placeholder: Any) -> str:
    return placeholder._element.find(f".//{qn('p:ph')}").get("type", "obj")


@pytest.mark.parametrize("name", ["four-by-three", "ten-inch-wide"])
def test_the_deck_keeps_the_template_size(templates: dict[str, Path], built: dict[str, Path], name: str) -> None:
    template, deck = Presentation(str(templates[name])), Presentation(str(built[name]))
    assert (deck.slide_width, deck.slide_height) == (template.slide_width, template.slide_height)


def test_a_template_with_no_layout_to_build_on_is_refused_naming_it(tmp_path: Path) -> None:
    """Exit 2 with the template and the layout named, never an internal error."""
    template = Presentation()
    for layout in list(template.slide_layouts):
        if layout.name != "Blank":
            template.slide_layouts.remove(layout)
    path = tmp_path / "blank-only.pptx"
    template.save(str(path))
    result = subprocess.run([sys.executable, "-m", "mghandout", str(MAGNESIUM), "--format", "pptx", "--template",
                             str(path), "-o", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2, result.stderr
    assert str(path) in result.stderr and "'Title Slide'" in result.stderr and "'Blank'" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_a_renamed_layout_is_found_by_its_type(tmp_path: Path) -> None:
    """A "Title Only" renamed by its owner is still found by the type PowerPoint records for it."""
    template = Presentation()
    layout = template.slide_layouts.get_by_name("Title Only")
    assert layout is not None
    layout._element.cSld.set("name", "Headline")
    path = tmp_path / "renamed.pptx"
    template.save(str(path))
    assert find_layout(Presentation(str(path)), "title_only", path).name == "Headline"


def test_a_powerpoint_template_file_potx_is_built_on(templates: dict[str, Path], tmp_path: Path) -> None:
    """A .potx is a .pptx with another main content type, which python-pptx refused ("not a PowerPoint file")."""
    potx = tmp_path / "clinic.potx"
    shutil.copy(templates["pandoc"], potx)
    with zipfile.ZipFile(potx) as package:
        types = package.read("[Content_Types].xml")
    replace_entry(potx, "[Content_Types].xml", types.replace(b"presentation.main+xml", b"template.main+xml"))
    result = subprocess.run([sys.executable, "-m", "mghandout", str(MAGNESIUM), "--format", "pptx", "--template",
                             str(potx), "-o", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    deck = tmp_path / "out" / f"{MAGNESIUM.stem}.pptx"
    with zipfile.ZipFile(deck) as package:
        assert b"presentationml.presentation.main+xml" in package.read("[Content_Types].xml")
    assert Presentation(str(deck)).slide_layouts.get_by_name("Title and Content") is not None


@pytest.mark.parametrize("name", ["Metropolis", "pandoc"])
def test_links_read_on_the_template(templates: dict[str, Path], name: str) -> None:
    """Presentation programs paint links in the theme's link colour: Metropolis's blue links were 2:1 on its blue."""
    article = load_article(ROOT / "tests" / "fixtures" / "long-english.yaml")
    deck = Presentation(io.BytesIO(render_pptx(article, template=templates[name], when=WHEN)[0]))
    linked = [slide for slide in deck.slides if list(slide.shapes._spTree.iter(qn("a:hlinkClick")))]
    assert linked, "the references' addresses are links"
    for slide in linked:
        backdrop = Backdrop(slide.slide_layout)
        body = next(shape for shape in slide.placeholders if shape.shape_id != slide.shapes.title.shape_id)
        behind = backdrop.behind(Rect(body.left, body.top, body.width, body.height))
        link = backdrop.scheme_colour("hlink")
        assert link is not None and min(contrast(link, back) for back in behind) >= MINIMUM, (link, behind)


def test_the_body_stays_inside_the_template_body_placeholder(templates: dict[str, Path],
                                                              built: dict[str, Path]) -> None:
    """Blue Curve's waves run along its foot, under its body placeholder: bullets, food cards and table rows stay in
    the placeholder's bounds (they ran over the waves when the body went down to our footer line)."""
    template = Presentation(str(templates[FOOT_ART]))
    layout = find_layout(template, "content", templates[FOOT_ART])
    area = next(ph for ph in layout.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.OBJECT)
    footer = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
    deck = Presentation(str(built[FOOT_ART]))
    kinds = set()
    for number, slide in enumerate(list(deck.slides)[1:], start=2):
        for shape in slide.shapes:
            if shape.is_placeholder and shape.placeholder_format.type in footer:
                continue
            kinds.add("table" if shape.has_table else "text" if shape.is_placeholder else "card or box")
            where = f"slide {number}: {shape.name}"
            assert area.left <= shape.left and shape.left + shape.width <= area.left + area.width, where
            assert area.top <= shape.top and shape.top + shape.height <= area.top + area.height, where
    assert kinds == {"table", "text", "card or box"}
