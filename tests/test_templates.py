"""The deck on templates made by others: LibreOffice's Impress templates, pandoc's reference deck, and variants.

An educator's own template is where the deck meets files we did not write: LibreOffice
names its layouts "Title, Content", PowerPoint users keep custom shows and sections,
a template's title slide may have lost its title. Each template here is built on with
the command, and the deck is read back as PowerPoint, python-pptx and LibreOffice
would read it: one part per name, titles on every slide, nothing off the slide, no
empty placeholder, footers in the template's own placeholders, text colours that read.

Colours are checked twice: in the XML, against what `backdrop.py` finds behind each
text; and as rendered, each word's colour in LibreOffice's PDF against the pixels
beside it (`rendered_contrast.py`), which is what a reader sees whatever the XML says.
LibreOffice renders every deck in one run, shared by the tests through the session.
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
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Inches
from rendered_contrast import Word, words

from mghandout.deck import render_pptx
from mghandout.deck.backdrop import MINIMUM, Backdrop, Rect, contrast
from mghandout.deck.template import find_layout
from mghandout.source import load_article

ROOT = Path(__file__).resolve().parents[1]
MAGNESIUM = ROOT / "source" / "magnesium-muscle-contractions.yaml"
LIBREOFFICE = Path("/usr/lib/libreoffice/share/template/common/presnt")
IMPRESS = ("Midnightblue", "Focus", "Vivid", "Metropolis", "Sunset", "DNA", "Yellow_Idea", "Piano")
"""LibreOffice templates: a title band and a slide number of its own in a circle on its master, a busy picture of
shapes, a patterned bottom band, a blue picture, a framed orange card, a helix and a bulb down the title slide's
left, piano keys along the foot."""
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


GREY, BAND, LOGO = "595959", "1F3864", "7A1F5C"
"""The variants' title fill (a grey on which our teal read at 1.1:1), foot band and logo colours."""
PROMPTS = ("Title goes here", "Subtitle goes here. No more than two lines")
STRICT_APP = "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"
"""ISO strict's relationship type for docProps/app.xml: python-pptx does not know it as extended properties."""


def _moved(layout: Any, shape: Any) -> Any:
    """A shape drawn on a scratch slide, moved onto `layout` (python-pptx draws on slides only)."""
    layout.shapes._spTree.append(shape._element)
    return shape._element


def _logo(path: Path) -> Path:
    image = Image.new("RGB", (120, 120), f"#{LOGO}")
    ImageDraw.Draw(image).ellipse((20, 20, 100, 100), fill="white")
    image.save(path)
    return path


def filled_title(path: Path) -> Path:
    """python-pptx's default with its title placeholders filled grey (as NYU Shanghai's), no "Title Only" layout,
    and its docProps/app.xml related by ISO strict's type, which python-pptx does not read as extended properties."""
    template = Presentation()
    for holder in [template.slide_master, *template.slide_layouts]:
        for shape in holder.placeholders:
            if shape.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                shape.fill.solid()
                shape.fill.fore_color.rgb = RGBColor.from_string(GREY)
    layout = template.slide_layouts.get_by_name("Title Only")
    assert layout is not None
    template.slide_layouts.remove(layout)
    template.save(str(path))
    with zipfile.ZipFile(path) as package:
        rels = package.read("_rels/.rels")
    assert b"docProps/app.xml" in rels
    replace_entry(path, "_rels/.rels", rels.replace(RT.EXTENDED_PROPERTIES.encode(), STRICT_APP.encode()))
    return path


def art_and_prompts(path: Path, folder: Path) -> Path:
    """A university's kind of template: a title slide layout with no title placeholder but text boxes of sample text
    where the title goes and a logo above them; a logo in the body placeholder's corner and a band across its foot
    on the content layout."""
    template = Presentation()
    scratch = template.slides.add_slide(template.slide_layouts[6])
    logo = _logo(folder / "logo.png")
    cover = template.slide_layouts.get_by_name("Title Slide")
    assert cover is not None
    for shape in list(cover.placeholders):
        if shape.placeholder_format.type in (PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE):
            cover.shapes._spTree.remove(shape._element)
    _moved(cover, scratch.shapes.add_picture(str(logo), Inches(0.3), Inches(0.3), Inches(1.2), Inches(1.2)))
    for number, prompt in enumerate(PROMPTS):
        box = scratch.shapes.add_textbox(Inches(0.7), Inches(2 + 1.6 * number), Inches(8.5), Inches(1.4))
        box.text_frame.text = prompt
        _moved(cover, box)
    content = template.slide_layouts.get_by_name("Title and Content")
    assert content is not None
    body = next(p for p in content.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.OBJECT)
    band = scratch.shapes.add_shape(1, 0, body.top + body.height - Inches(0.8), template.slide_width, Inches(1.2))
    band.fill.solid()
    band.fill.fore_color.rgb = RGBColor.from_string(BAND)
    _moved(content, band)
    corner = (body.left + body.width - Inches(1.1), body.top + Inches(0.1), Inches(1), Inches(1))
    _moved(content, scratch.shapes.add_picture(str(logo), *corner))
    for element in list(content.shapes._spTree.iter(qn("a:blip"))):  # the pictures' images, related to the layout
        blob = scratch.part.related_part(element.get(qn("r:embed"))).blob
        _, rId = content.part.get_or_add_image_part(io.BytesIO(blob))
        element.set(qn("r:embed"), rId)
    for element in list(cover.shapes._spTree.iter(qn("a:blip"))):
        blob = scratch.part.related_part(element.get(qn("r:embed"))).blob
        _, rId = cover.part.get_or_add_image_part(io.BytesIO(blob))
        element.set(qn("r:embed"), rId)
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
    found["filled-title"] = filled_title(folder / "filled-title.pptx")
    found["art-and-prompts"] = art_and_prompts(folder / "art-and-prompts.pptx", folder)
    assert all(path.is_file() for path in found.values())
    return found


NAMES = [*IMPRESS, "pandoc", "custom-show", "sections", "untitled-title-slide", "four-by-three", "ten-inch-wide",
         "filled-title", "art-and-prompts"]
SEEN = [*IMPRESS, FOOT_ART, "pandoc", "filled-title", "art-and-prompts"]
"""The decks whose rendered pixels are read: the templates with art, bands, fills and pictures."""


@pytest.fixture(scope="session")
def built(templates: dict[str, Path], brand_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The magnesium deck built by the command on each template, with a clinic's brand (its name, phone, website and
    logo on the title slide), which must exit 0 and say nothing on stderr."""
    folder = tmp_path_factory.mktemp("decks")
    decks = {}
    for name, template in templates.items():
        out = folder / name
        result = subprocess.run(
            [sys.executable, "-W", "error", "-m", "mghandout", str(MAGNESIUM), "--format", "pptx",
             "--template", str(template), "--brand", str(brand_dir / "brand.yaml"), "-o", str(out)],
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


@pytest.fixture(scope="session")
def seen(rendered: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Word]]:
    """Every word of the rendered decks of `SEEN`, with its colour's contrast against the pixels beside it."""
    folder = tmp_path_factory.mktemp("pixels")
    return {name: words(rendered[name], folder) for name in SEEN}


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
    """Each page's text by pdftotext: pypdf took a minute over Sunset's patterned pages."""
    deck = Presentation(str(built[name]))
    text = subprocess.run(["pdftotext", "-layout", str(rendered[name]), "-"], check=True, capture_output=True,
                          text=True, timeout=120).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) == len(deck.slides)
    for number, (slide, page) in enumerate(zip(deck.slides, pages, strict=True), start=1):
        first_word = slide.shapes.title.text_frame.text.split()[0]
        assert first_word in page, f"{name} slide {number}"


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
            kind = _ph_type(shape)
            where = Rect(shape.left, shape.top, shape.width, shape.height)
            middle = shape.placeholder_format.type in (13, 15)  # slide number, footer: sampled where their text sits
            behind = [str(plate)] if plate is not None else backdrop.under(kind, where, middle=middle)
            for run in shape._element.iter(qn("a:rPr")):
                colour = run.find(f"{qn('a:solidFill')}/{qn('a:srgbClr')}").get("val")
                worst = min(contrast(colour, back) for back in behind)
                assert worst >= MINIMUM, f"{name} slide {number} {shape.name}: {colour} on {behind}: {worst:.1f}:1"


def _slide_words(deck: Any) -> list[list[str]]:
    """Each slide's words as its XML holds them (fields' text included), lowercase without punctuation."""
    return [[_plain(word) for text in slide.shapes._spTree.iter(qn("a:t")) for word in (text.text or "").split()]
            for slide in deck.slides]


def _plain(word: str) -> str:
    return "".join(c for c in word.lower() if c.isalnum())


@pytest.mark.parametrize("name", SEEN)
def test_rendered_text_reads_on_the_pixels_beside_it(built: dict[str, Path], seen: dict[str, list[Word]],
                                                      name: str) -> None:
    """Titles at 3:1 and every other word at 4.5:1 against what LibreOffice drew beside them (where it drew any
    pixel beside them but other words): a title on its placeholder's own grey fill was 1.1:1, Sunset's title 1.6:1
    across its frame."""
    titles = [set(_plain(w) for w in slide.shapes.title.text_frame.text.split()) if slide.shapes.title else set()
              for slide in Presentation(str(built[name])).slides]
    failures = []
    for word in seen[name]:
        title = _plain(word.text) in titles[word.page - 1] and word.size >= 18
        least = 3.0 if title or word.text == "•" else MINIMUM  # a bullet is a graphic: 3:1 (WCAG 1.4.11)
        if word.contrast is not None and word.contrast < least:
            failures.append(f"slide {word.page} {word.text!r} #{word.colour}: {word.contrast}")
    assert not failures, failures[:10]


@pytest.mark.parametrize("name", SEEN)
def test_no_word_of_the_template_is_shown(built: dict[str, Path], seen: dict[str, list[Word]], name: str) -> None:
    """Every word LibreOffice draws is one the deck wrote on that slide: no sample or prompt text of a layout
    ("Title goes here", "No more than two lines") under or over ours."""
    ours = _slide_words(Presentation(str(built[name])))
    shown = [(w.page, _plain(w.text)) for w in seen[name] if _plain(w.text)]
    strangers = [(page, word) for page, word in shown if not any(word in mine for mine in ours[page - 1])]
    assert not strangers, strangers[:10]


@pytest.mark.parametrize("name", SEEN)
def test_each_slide_shows_its_number_once(built: dict[str, Path], seen: dict[str, list[Word]], name: str) -> None:
    """One slide-number field per slide, and the number drawn as often as the slide's text has it: Midnightblue
    drew it twice, in its own circle and in our placeholder beside it."""
    deck = Presentation(str(built[name]))
    ours = _slide_words(deck)
    for number, slide in enumerate(deck.slides, start=1):
        fields = [f for f in slide.shapes._spTree.iter(qn("a:fld")) if f.get("type") == "slidenum"]
        assert len(fields) == 1, f"{name} slide {number}: {len(fields)} slide numbers"
        drawn = [w for w in seen[name] if w.page == number and _plain(w.text) == str(number)]
        assert len(drawn) == ours[number - 1].count(str(number)), f"{name} slide {number}"


# --- what each template was broken by --------------------------------------------------------------------------


def test_a_template_numbering_its_own_slides_keeps_its_number_and_no_other(templates: dict[str, Path],
                                                                          built: dict[str, Path]) -> None:
    """Midnightblue numbers slides in a text box on its master, over a teal circle: each slide carries that box (the
    master's is hidden, as LibreOffice shows it only beside a number placeholder), in its place."""
    deck = Presentation(str(built["Midnightblue"]))
    master = deck.slides[1].slide_layout.slide_master
    theirs = [sp for sp in master.shapes._spTree.iter(qn("p:sp")) if list(sp.iter(qn("a:fld")))
              and sp.find(f".//{qn('p:ph')}") is None]
    assert theirs and all(sp.find(f".//{qn('p:cNvPr')}").get("hidden") == "1" for sp in theirs)
    where = theirs[0].find(f".//{qn('a:off')}").attrib
    for slide in deck.slides:
        assert not [p for p in slide.placeholders if _ph_type(p) == "sldNum"]
        box = next(s for s in slide.shapes if list(s._element.iter(qn("a:fld"))))
        assert (str(box.left), str(box.top)) == (where["x"], where["y"])


def test_the_title_slide_keeps_clear_of_the_template_art(built: dict[str, Path]) -> None:
    """DNA's helix runs down the left of the title slide, where our title box started: the title goes in the
    template's own title placeholder, or (where the clinic's logo sits on that) in our box cut clear of the art.
    (Yellow Idea's bulb and sparks leave no room for the title beside them with a logo: there the title and subtitle
    sit on plates of its yellow, which the rendered contrast test reads.)"""
    for name in ("DNA", "Midnightblue"):
        first = Presentation(str(built[name])).slides[0]
        theirs = next(p for p in first.slide_layout.placeholders if _ph_type(p) in ("ctrTitle", "title"))
        title = first.shapes.title
        where = (title.left, title.top, title.width, title.height)
        art = Backdrop(first.slide_layout).art(Rect(*where))
        assert where == (theirs.left, theirs.top, theirs.width, theirs.height) or not art, (name, art)


def test_our_boxes_keep_clear_of_the_layout_art(built: dict[str, Path]) -> None:
    """The logo in the body placeholder's corner and the band across its foot: no text or card of ours on them
    (a food card sat on a university's shield); the title slide's title below the logo above it."""
    deck = Presentation(str(built["art-and-prompts"]))
    for number, slide in enumerate(deck.slides, start=1):
        art = [Rect(s.left, s.top, s.width, s.height) for s in slide.slide_layout.shapes
               if not s.is_placeholder and (s.shape_type == 13 or s.shape_type == 1)]
        assert art or number > 1
        for shape in slide.shapes:
            if shape.is_placeholder and _ph_type(shape) in ("ftr", "sldNum", "dt"):
                continue
            mine = Rect(shape.left, shape.top, shape.width, shape.height)
            assert not any(mine.meets(rect) for rect in art), f"slide {number}: {shape.name}"


def test_a_template_without_title_only_and_with_a_strict_app_xml(built: dict[str, Path]) -> None:
    """The food and table slides take the nearest layout with a title; the package holds one docProps/app.xml (a
    second was written beside the template's, which PowerPoint offers to repair), related as extended properties."""
    path = built["filled-title"]
    deck = Presentation(str(path))
    assert "Title Only" not in {slide.slide_layout.name for slide in deck.slides}
    with zipfile.ZipFile(path) as package:
        assert package.namelist().count("docProps/app.xml") == 1
        assert b"<Application>mghandout</Application>" in package.read("docProps/app.xml")
        rels = package.read("_rels/.rels").decode()
    assert rels.count("docProps/app.xml") == 1 and RT.EXTENDED_PROPERTIES in rels


def test_the_clinic_phone_and_website_are_links_on_the_title_slide(tmp_path: Path) -> None:
    brand = tmp_path / "brand.yaml"
    shutil.copy(ROOT / "tests" / "fixtures" / "brand.yaml", brand)
    _logo(tmp_path / "riverside-logo.png")
    result = subprocess.run([sys.executable, "-m", "mghandout", str(MAGNESIUM), "--format", "pptx", "--brand",
                             str(brand), "-o", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    first = Presentation(str(tmp_path / "out" / f"{MAGNESIUM.stem}.pptx")).slides[0]
    links = {run.text: run.hyperlink.address for shape in first.shapes if shape.has_text_frame
             for paragraph in shape.text_frame.paragraphs for run in paragraph.runs if run.hyperlink.address}
    assert links == {"(555) 010-0199": "tel:5550100199", "riverside.example": "https://riverside.example"}




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
