"""The .pptx as PowerPoint will read it: the deck's bytes read back with python-pptx.

The layout step decides what fits; these tests check that the file says so to a presentation
program: the slide size, the named layouts a template restyles, titles, a native table with
its header row marked, every word of the source on the slides or in the notes, explicit type
sizes that meet the minimums, no autofit flag, a footer on every slide, document properties,
alt text, a user's template of another size, and reproducible bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches

from mghandout.deck import DeckTheme, TemplateError, deck_layout, render_pptx
from mghandout.deck.measure import sentences
from mghandout.deck.template import NAMES
from mghandout.model import Article, Brand, Foods, Table, TermList, iter_texts
from mghandout.source import load_article

ROOT = Path(__file__).resolve().parents[1]
MAGNESIUM = ROOT / "source" / "magnesium-muscle-contractions.yaml"
WHEN = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)
THEME = DeckTheme()
LAYOUT_NAMES = {"title": "Title Slide", "content": "Title and Content", "title_only": "Title Only"}


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def article() -> Article:
    return load_article(MAGNESIUM)


@pytest.fixture(scope="module")
def rendered(article: Article) -> tuple[bytes, int]:
    return render_pptx(article, when=WHEN)


@pytest.fixture(scope="module")
def deck(rendered: tuple[bytes, int]) -> Any:
    return Presentation(io.BytesIO(rendered[0]))


def tables(slide: Any) -> list[Any]:
    return [shape.table for shape in slide.shapes if shape.has_table]


def text_pieces(slide: Any) -> list[str]:
    """Every paragraph on the slide itself (text boxes, placeholders, table cells), not the notes; a title the layout
    broke into lines (one paragraph each) as one piece."""
    pieces: list[str] = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            paragraphs = [p.text for p in shape.text_frame.paragraphs]
            pieces += [" ".join(paragraphs)] if shape == slide.shapes.title else paragraphs
        if shape.has_table:
            pieces += [cell.text for row in shape.table.rows for cell in row.cells]
    return [norm(p) for p in pieces if p.strip()]


def note_pieces(slide: Any) -> list[str]:
    if not slide.has_notes_slide:
        return []
    return [norm(line) for line in slide.notes_slide.notes_text_frame.text.splitlines() if line.strip()]


def runs(element: Any) -> Iterator[Any]:
    """Every run of text (a:r and a:fld) under an element, with its properties."""
    yield from element.iter(qn("a:r"), qn("a:fld"))


def run_size(run: Any) -> float | None:
    props = run.find(qn("a:rPr"))
    if props is None or props.get("sz") is None:
        return None
    return int(props.get("sz")) / 100


def run_text(run: Any) -> str:
    t = run.find(qn("a:t"))
    return t.text or "" if t is not None else ""


# --- size, layouts, titles ---------------------------------------------------------------------------------------


def test_slides_are_sixteen_by_nine(deck: Any) -> None:
    assert abs(deck.slide_width / 914400 - 13.333) < 0.01
    assert deck.slide_height == Inches(7.5)


def test_slide_count_matches_the_layout(deck: Any, rendered: tuple[bytes, int], article: Article) -> None:
    assert len(deck.slides) == rendered[1] == len(deck_layout(article, THEME).slides)


def test_slides_use_named_layouts(deck: Any, article: Article) -> None:
    """A user's template restyles the deck through its layouts, so each slide must be built on the right one."""
    expected = [LAYOUT_NAMES[s.layout] for s in deck_layout(article, THEME).slides]
    assert [slide.slide_layout.name for slide in deck.slides] == expected
    assert expected[0] == "Title Slide"
    assert {"Title and Content", "Title Only"} <= set(expected)


def test_every_slide_has_a_title_placeholder_with_text(deck: Any, article: Article) -> None:
    """Screen readers and the outline view use the title placeholder, not any big text box."""
    expected = [s.title for s in deck_layout(article, THEME).slides]
    for number, (slide, title) in enumerate(zip(deck.slides, expected, strict=True), start=1):
        placeholder = slide.shapes.title
        assert placeholder is not None, f"slide {number} has no title placeholder"
        assert placeholder.is_placeholder
        assert norm(placeholder.text_frame.text) == norm(title)
    assert deck.slides[0].shapes.title.text_frame.text == article.title


# --- the comparison table ----------------------------------------------------------------------------------------


def test_the_comparison_table_is_a_native_table_with_its_header_marked(deck: Any, article: Article) -> None:
    """An editable table, header row flagged (`firstRow`) and repeated on each continuation slide."""
    source = next(b.table for s in article.sections for b in s.blocks if isinstance(b, Table))
    found = [table for slide in deck.slides for table in tables(slide)]
    assert found, "no native table in the deck"
    body: list[list[str]] = []
    for table in found:
        assert table.first_row is True
        assert table._tbl.tblPr.get("firstRow") == "1"
        assert len(table.columns) == len(source.header)
        cells = [[cell.text for cell in row.cells] for row in table.rows]
        assert cells[0] == list(source.header)
        body += cells[1:]
    assert body == [list(row) for row in source.rows]
    assert len(found) == 1, "the magnesium table fits one 16:9 slide at 18 pt: it must not be split"
    slides_with_tables = [slide for slide in deck.slides if tables(slide)]
    assert all(slide.shapes.title.text_frame.text.endswith("(continued)") for slide in slides_with_tables[1:])


def test_table_columns_and_rows_are_sized(deck: Any) -> None:
    """The table's columns add up to its frame and stay on the slide."""
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                total = sum(column.width for column in shape.table.columns)
                assert abs(total - shape.width) < Inches(0.01)
                assert shape.left + total <= deck.slide_width


# --- every word ----------------------------------------------------------------------------------------------------


def test_a_paragraph_under_a_food_grid_is_drawn_under_it() -> None:
    """A one-sentence paragraph closing the Spanish fixture's food section stands in a text box of its own under the
    food cards, at body size (the fixture's own closing paragraph is three sentences: a slide of its own)."""
    source = load_article(Path(__file__).parent / "fixtures" / "spanish.yaml")
    sentence = "Limite los refrescos, las bebidas energéticas y el alcohol."
    section = source.sections[2]
    closing = section.blocks[-1].model_copy(update={"paragraph": sentence})
    section = section.model_copy(update={"blocks": [*section.blocks[:-1], closing]})
    source = source.model_copy(update={"sections": [*source.sections[:2], section, *source.sections[3:]]})
    data, _ = render_pptx(source, when=WHEN)
    found = [(slide, shape) for slide in Presentation(io.BytesIO(data)).slides for shape in slide.shapes
             if shape.has_text_frame and norm(shape.text_frame.text) == sentence]
    assert len(found) == 1, "the sentence is drawn once, in a box of its own"
    slide, box = found[0]
    cards = [shape for shape in slide.shapes if shape.has_text_frame and shape.top < box.top]
    assert len(cards) > 2 and all(card.top + card.height <= box.top for card in cards)
    assert {run_size(run) for run in runs(box._element)} == {THEME.body_size}


def test_every_sentence_of_the_source_is_in_the_deck(deck: Any, article: Article) -> None:
    """The whole article is in the deck: each sentence whole, on a slide or in the speaker notes."""
    pieces = [piece for slide in deck.slides for piece in text_pieces(slide) + note_pieces(slide)]
    missing = [s for text in iter_texts(article) for s in sentences(text)
               if not any(norm(s) in piece for piece in pieces)]
    assert not missing, f"{len(missing)} sentences missing from slides and notes, e.g. {missing[:2]}"


def test_what_must_be_seen_is_on_the_slides_not_only_in_notes(deck: Any, article: Article) -> None:
    """The title, key-point titles, symptom labels, every food, every table cell and the disclaimer are shown."""
    on_slides = [piece for slide in deck.slides for piece in text_pieces(slide)]
    joined = "\n".join(on_slides)
    must = [article.title, *(p.title for p in article.key_points), article.disclaimer.text]
    for section in article.sections:
        for block in section.blocks:
            if isinstance(block, TermList):
                must += [t.term for t in block.terms]
            elif isinstance(block, Foods):
                must += [g.group for g in block.foods.groups]
                must += [item for g in block.foods.groups for item in g.items]
            elif isinstance(block, Table):
                must += [*block.table.header, *(cell for row in block.table.rows for cell in row)]
    missing = [text for text in must if norm(text) not in joined]
    assert not missing, f"not on any slide: {missing}"
    foods = {norm(item) for s in article.sections for b in s.blocks if isinstance(b, Foods)
             for g in b.foods.groups for item in g.items}
    assert foods <= set(on_slides), "each food is its own line in the grid"


def test_the_disclaimer_is_on_the_last_slide_and_in_the_title_notes(deck: Any, article: Article) -> None:
    assert norm(article.disclaimer.text) in text_pieces(deck.slides[-1])
    assert norm(article.disclaimer.text) in norm(deck.slides[0].notes_slide.notes_text_frame.text)


def test_every_slide_has_speaker_notes(deck: Any) -> None:
    for number, slide in enumerate(deck.slides, start=1):
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), f"slide {number}"


# --- footer ------------------------------------------------------------------------------------------------------


def test_every_slide_has_a_footer_with_short_title_and_slide_number(deck: Any, article: Article) -> None:
    """python-pptx leaves footer placeholders out of new slides: the deck must add its own, on every slide."""
    bottom = deck.slide_height - Inches(1.0)
    for number, slide in enumerate(deck.slides, start=1):
        footer = [s for s in slide.shapes
                  if not s.is_placeholder and s.has_text_frame and s.text_frame.text == article.short_title]
        assert footer, f"slide {number} has no short-title footer"
        assert all(bottom <= s.top and s.top + s.height <= deck.slide_height for s in footer)
        fields = [f for f in slide.shapes._spTree.iter(qn("a:fld")) if f.get("type") == "slidenum"]
        assert len(fields) == 1, f"slide {number} has no slide-number field"
        assert run_text(fields[0]) == str(number)


# --- type sizes and autofit --------------------------------------------------------------------------------------


def test_type_sizes_read_from_the_runs(deck: Any) -> None:
    """Titles >= 32 pt, bullets >= 24 pt, table cells >= 18 pt, footers >= 10 pt; every run sized explicitly."""
    smallest: dict[str, float] = {}

    def note(kind: str, run: Any, where: str) -> None:
        size = run_size(run)
        assert size is not None, f"{where}: run {run_text(run)!r} has no explicit size (the template would decide)"
        smallest[kind] = min(smallest.get(kind, size), size)

    for number, slide in enumerate(deck.slides, start=1):
        title = slide.shapes.title
        for shape in slide.shapes:
            where = f"slide {number}"
            if shape.shape_id == title.shape_id:
                kind = "title"
            elif shape.is_placeholder:
                kind = "subtitle" if number == 1 else "bullet"
            elif shape.has_table:
                kind = "cell"
            elif shape.has_text_frame and shape.top >= deck.slide_height - Inches(THEME.footer_height) - 1:
                kind = "footer"
            elif shape.has_text_frame:
                kind = "other"
            else:
                continue
            for run in runs(shape._element):
                if run_text(run).strip():
                    note(kind, run, where)
    print(f"smallest sizes by kind: {smallest}")
    assert smallest["title"] >= 32
    assert smallest["bullet"] >= 24
    assert smallest["cell"] >= 18
    assert smallest["footer"] >= 10
    assert smallest.get("subtitle", 99) >= 18
    assert smallest["other"] >= 18, "food grid and other text below 18 pt"


def test_no_autofit_is_relied_on(deck: Any) -> None:
    """No "shrink on overflow" or "resize shape" flag; text frames say noAutofit so a layout's default cannot apply."""
    for number, slide in enumerate(deck.slides, start=1):
        for body in slide.shapes._spTree.iter(qn("a:bodyPr")):
            assert body.find(qn("a:normAutofit")) is None, f"slide {number}: normAutofit"
            assert body.find(qn("a:spAutoFit")) is None, f"slide {number}: spAutoFit"
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                assert shape.text_frame._txBody.find(qn("a:bodyPr")).find(qn("a:noAutofit")) is not None


def test_nothing_is_outside_the_slide(deck: Any) -> None:
    assert_inside(deck)


def assert_inside(deck: Any) -> None:
    for number, slide in enumerate(deck.slides, start=1):
        for shape in slide.shapes:
            name = f"slide {number}: {shape.name}"
            assert shape.left >= 0 and shape.top >= 0, name
            assert shape.left + shape.width <= deck.slide_width, name
            assert shape.top + shape.height <= deck.slide_height, name
            if shape.has_table:
                rows = sum(row.height for row in shape.table.rows)
                assert shape.top + rows <= deck.slide_height, name


# --- properties, alt text, reproducibility -----------------------------------------------------------------------


def test_core_properties(deck: Any, article: Article) -> None:
    props = deck.core_properties
    assert props.title == article.title
    assert props.subject == article.subject
    assert props.language == article.language
    assert article.keywords and all(k in props.keywords for k in article.keywords)


def test_the_brand_logo_has_alt_text(article: Article, tmp_path: Path) -> None:
    """A picture without alt text is silent to a screen reader."""
    from PIL import Image

    Image.new("RGB", (300, 120), (11, 90, 107)).save(tmp_path / "logo.png")
    brand = Brand(clinic="Riverside Clinic", phone="555 0100", logo="logo.png")
    data, _ = render_pptx(article, brand=brand, brand_dir=tmp_path, when=WHEN)
    deck = Presentation(io.BytesIO(data))
    pictures = [s for slide in deck.slides for s in slide.shapes if s.shape_type == 13]
    assert pictures, "the logo is not on the deck"
    for picture in pictures:
        descr = picture._element.nvPicPr.cNvPr.get("descr")
        assert descr and "Riverside Clinic" in descr
    assert "Riverside Clinic" in "\n".join(text_pieces(deck.slides[0]))
    assert_inside(deck)


def test_two_renders_are_byte_identical(article: Article, rendered: tuple[bytes, int]) -> None:
    assert render_pptx(article, when=WHEN)[0] == rendered[0]


def test_a_deck_built_after_another_is_unchanged_by_it(article: Article, rendered: tuple[bytes, int]) -> None:
    """Every deck starts from a copy of one parsed default template: nothing of one deck may reach the next."""
    other = render_pptx(load_article(ROOT / "tests" / "fixtures" / "long-english.yaml"), when=WHEN)[0]
    assert render_pptx(article, when=WHEN)[0] == rendered[0]
    assert len(Presentation(io.BytesIO(other)).slides) != len(Presentation(io.BytesIO(rendered[0])).slides)


# --- a user's template -------------------------------------------------------------------------------------------


def four_by_three(path: Path, *without: str) -> Path:
    """A template of another size, built here: python-pptx's default, set to 10 x 7.5 in, maybe lacking layouts."""
    template = Presentation()
    template.slide_width, template.slide_height = Inches(10), Inches(7.5)
    for name in without:
        layout = template.slide_layouts.get_by_name(name)
        assert layout is not None
        template.slide_layouts.remove(layout)
    template.save(str(path))
    return path


def test_a_four_by_three_template_gives_a_deck_of_its_size(article: Article, tmp_path: Path) -> None:
    """The deck is laid out for the template's slide, and nothing lands outside it."""
    template = four_by_three(tmp_path / "standard.pptx")
    data, count = render_pptx(article, template=template, when=WHEN)
    deck = Presentation(io.BytesIO(data))
    assert (deck.slide_width, deck.slide_height) == (Inches(10), Inches(7.5))
    assert len(deck.slides) == count == len(deck_layout(article, THEME, 10, 7.5).slides)
    assert_inside(deck)
    assert [s.slide_layout.name for s in deck.slides][0] == "Title Slide"
    for slide in deck.slides:
        assert slide.shapes.title is not None and slide.shapes.title.text_frame.text.strip()


def test_a_template_with_slides_keeps_none_of_them(article: Article, tmp_path: Path) -> None:
    """A template is for its masters and layouts; its own sample slides must not leak into the deck."""
    template = Presentation()
    sample = template.slides.add_slide(template.slide_layouts[0])
    sample.shapes.title.text = "Sample slide of the template"
    template.save(str(tmp_path / "with-slides.pptx"))
    data, count = render_pptx(article, template=tmp_path / "with-slides.pptx", when=WHEN)
    deck = Presentation(io.BytesIO(data))
    assert len(deck.slides) == count
    assert all("Sample slide" not in piece for slide in deck.slides for piece in text_pieces(slide))


def test_a_template_missing_title_only_builds_on_the_nearest_layout_with_a_title(article: Article,
                                                                                 tmp_path: Path) -> None:
    """Refusing a template for lacking "Title Only" refused a usable one: the food and table slides take the layout
    nearest it, a title and one body (whose placeholder, unfilled, is left out)."""
    template = four_by_three(tmp_path / "lacking.pptx", "Title Only")
    data, count = render_pptx(article, template=template, when=WHEN)
    deck = Presentation(io.BytesIO(data))
    assert len(deck.slides) == count
    assert "Title Only" not in {slide.slide_layout.name for slide in deck.slides}
    for slide in deck.slides:
        assert slide.shapes.title is not None and slide.shapes.title.text_frame.text.strip()
        assert all(shape.text_frame.text.strip() for shape in slide.placeholders)


_UNTITLED = ("Title Slide", "Title and Content", "Section Header", "Two Content", "Comparison", "Title Only",
             "Content with Caption", "Picture with Caption", "Title and Vertical Text", "Vertical Title and Text")
"""Every layout of python-pptx's default with a title: without them only "Blank" is left."""


def test_a_template_with_no_layout_with_a_title_is_an_error_naming_it(article: Article, tmp_path: Path) -> None:
    template = four_by_three(tmp_path / "lacking.pptx", *_UNTITLED)
    with pytest.raises(TemplateError, match="'Title Slide'"):
        render_pptx(article, template=template, when=WHEN)


def test_the_command_reports_a_template_missing_a_layout(tmp_path: Path) -> None:
    """Exit 2, the layout named in one message, no traceback, and no deck written."""
    template = four_by_three(tmp_path / "lacking.pptx", *_UNTITLED)
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "mghandout", str(MAGNESIUM), "--template", str(template), "-o", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "Title Slide" in result.stderr and str(template) in result.stderr
    assert "Traceback" not in result.stderr
    written = [p.name for p in out.iterdir() if p.name != ".make-handout.json"] if out.exists() else []
    assert written == [], "nothing may be written for a source whose deck cannot be built"


def test_layout_names_are_the_ones_the_writer_asks_for() -> None:
    """The names in the error message and in the default template agree."""
    names = {layout.name for layout in Presentation().slide_layouts}
    assert set(LAYOUT_NAMES.values()) <= names
    assert {names[0] for names in NAMES.values()} == set(LAYOUT_NAMES.values())


# --- speaker notes and links -------------------------------------------------------------------------------------


def test_notes_are_sized_at_twelve_points(deck: Any) -> None:
    """Notes without a size print near 20 pt in LibreOffice and run off their pages."""
    for number, slide in enumerate(deck.slides, start=1):
        body = slide.notes_slide.notes_placeholder._element
        sizes = {run_size(run) for run in runs(body)}
        assert sizes == {12.0}, f"slide {number}: notes sizes {sizes}"


def test_reference_addresses_are_links() -> None:
    """A web address in a reference opens when clicked: the run carries the link, not only the text."""
    article = load_article(ROOT / "tests" / "fixtures" / "long-english.yaml")
    urls = [r.url for r in article.references if r.url]
    assert urls, "the fixture's references have addresses"
    deck = Presentation(io.BytesIO(render_pptx(article, when=WHEN)[0]))
    linked = {}
    for slide in deck.slides:
        for run in slide.shapes._spTree.iter(qn("a:r")):
            link = run.find(f"{qn('a:rPr')}/{qn('a:hlinkClick')}")
            if link is not None:
                linked[run_text(run)] = slide.part.target_ref(link.get(qn("r:id")))
    assert set(urls) <= set(linked), f"not linked: {set(urls) - set(linked)}"
    assert all(text == target for text, target in linked.items())


# --- the package -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def package(rendered: tuple[bytes, int]) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(rendered[0]))


def test_the_notes_master_is_listed(package: zipfile.ZipFile) -> None:
    """PowerPoint and Keynote find the notes master through `notesMasterIdLst`, which python-pptx leaves out."""
    presentation = etree.fromstring(package.read("ppt/presentation.xml"))
    listed = presentation.findall(f"{qn('p:notesMasterIdLst')}/{qn('p:notesMasterId')}")
    assert len(listed) == 1
    rels = etree.fromstring(package.read("ppt/_rels/presentation.xml.rels"))
    target = next(r.get("Target") for r in rels if r.get("Id") == listed[0].get(qn("r:id")))
    assert target == "notesMasters/notesMaster1.xml"
    assert "ppt/notesMasters/notesMaster1.xml" in package.namelist()
    order = [child.tag for child in presentation]
    assert order.index(qn("p:notesMasterIdLst")) == order.index(qn("p:sldMasterIdLst")) + 1


def test_a_sixteen_by_nine_deck_is_not_typed_four_by_three(package: zipfile.ZipFile) -> None:
    size = etree.fromstring(package.read("ppt/presentation.xml")).find(qn("p:sldSz"))
    assert (size.get("cx"), size.get("cy")) == ("12192000", "6858000")
    assert size.get("type") is None


def test_no_printer_settings_or_stale_thumbnail(package: zipfile.ZipFile) -> None:
    """python-pptx's template carries a Mac printer's settings and a blank 4:3 thumbnail; neither is ours."""
    names = package.namelist()
    assert not [n for n in names if "printerSettings" in n or "thumbnail" in n]
    every_rels = b"".join(package.read(n) for n in names if n.endswith(".rels"))
    assert b"printerSettings" not in every_rels and b"thumbnail" not in every_rels
    types = package.read("[Content_Types].xml")
    assert b"printerSettings" not in types


def test_app_properties_tell_the_truth(package: zipfile.ZipFile, deck: Any) -> None:
    """Our name, the slide and notes counts, the slides' titles (python-pptx's said 0 slides, PowerPoint for Mac)."""
    app = etree.fromstring(package.read("docProps/app.xml"))
    ns = {"e": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
          "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"}
    assert app.findtext("e:Application", namespaces=ns) == "mghandout"
    assert app.findtext("e:Slides", namespaces=ns) == str(len(deck.slides))
    assert app.findtext("e:Notes", namespaces=ns) == str(len(deck.slides))
    assert app.findtext("e:PresentationFormat", namespaces=ns) == "Widescreen"
    titles = [t.text for t in app.findall("e:TitlesOfParts/vt:vector/vt:lpstr", ns)]
    counts = [int(i.text) for i in app.findall("e:HeadingPairs/vt:vector/vt:variant/vt:i4", ns)]
    assert sum(counts) == len(titles)
    assert titles[-len(deck.slides):] == [slide.shapes.title.text_frame.text for slide in deck.slides]
    words = sum(len(piece.split()) for slide in deck.slides for piece in text_pieces(slide))
    assert int(app.findtext("e:Words", namespaces=ns)) == words


NOTES_PDF = ('pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"},'
             '"ExportOnlyNotesPages":{"type":"boolean","value":"true"}}')


def test_libreoffice_prints_every_notes_page_inside_its_notes_box(tmp_path: Path) -> None:
    """Unsized notes printed near 20 pt and ran off 12 of the magnesium deck's 18 notes pages; a table's notes, one
    line per cell, ran off at 12 pt too until the slide picture gave them room."""
    sources = [MAGNESIUM, *(ROOT / "tests" / "fixtures" / f"{name}.yaml" for name in ("long-english", "spanish"))]
    for source in sources:
        (tmp_path / f"{source.stem}.pptx").write_bytes(render_pptx(load_article(source), when=WHEN)[0])
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", NOTES_PDF,
                    *(f"{s.stem}.pptx" for s in sources)], cwd=tmp_path, check=True, capture_output=True, timeout=300)
    for source in sources:
        deck = Presentation(str(tmp_path / f"{source.stem}.pptx"))
        body = next(p for p in deck.notes_master.placeholders if p.placeholder_format.type == 2)  # the notes box
        bottom = (body.top + body.height) / 12700
        words = subprocess.run(["pdftotext", "-bbox", f"{source.stem}.pdf", "-"], cwd=tmp_path, check=True,
                               capture_output=True, text=True).stdout.split("<page ")[1:]
        assert len(words) == len(deck.slides)
        for number, page in enumerate(words, start=1):
            found = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', page)
            below = [float(y) for top, y, word in found if float(top) > body.top / 12700 and not word.isdigit()]
            assert below and max(below) <= bottom + 1, f"{source.stem} notes page {number}: text to {max(below):.0f} pt"
