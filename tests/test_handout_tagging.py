"""The tagged handout (PDF/UA-1, issue 15), read back as a screen reader and a checker meet it.

Every handout built here (each topic on Letter with the clinic's brand and logo, and on A4
without) must pass `page-validation`'s `ua1` profile; the checker is a test dependency, so a
machine without it fails here rather than skipping. The structure tree is read back with
pikepdf: the article's text in reading order under the roles it should have. Negative controls
break one rule in a passing file and watch the checker fail, so the gate is known to close.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import page
import pikepdf
import pytest
from PIL import Image, ImageChops
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate
from topics import FIXTURES
from topics import SOURCES as TOPICS
from untagged import untagged

from mghandout.handout import HandoutTheme, handout_layout, pdf, render_pdf
from mghandout.handout.layout import Alert, Boxed, FoodGrid, Grid, Heading, Item, Labelled, Notes, Text, Title
from mghandout.handout.tagging import TaggedCanvas, Tagger
from mghandout.model import Article, Brand, article_labels
from mghandout.source import load_article, load_brand

SOURCES = {**TOPICS, "minimal": FIXTURES / "minimal.yaml"}
WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
CASES = [(topic, "letter", True) for topic in sorted(SOURCES)] + [(topic, "a4", False) for topic in sorted(SOURCES)]


@dataclass
class Element:
    """One structure element as read back: role, text (ActualText), Alt, attributes, kids, MCIDs."""

    role: str
    text: str | None
    alt: str | None
    attributes: dict[str, str]
    kids: list[Element] = field(default_factory=list)
    mcids: list[tuple[int, int]] = field(default_factory=list)
    annotations: list[tuple[str | None, int]] = field(default_factory=list)
    """Each annotation held (OBJR): its /Contents and its /StructParent."""

    def walk(self) -> Iterator[Element]:
        yield self
        for kid in self.kids:
            yield from kid.walk()

    def all(self, role: str) -> list[Element]:
        return [element for element in self.walk() if element.role == role]


@dataclass
class Handout:
    article: Article
    brand: Brand | None
    paper: str
    data: bytes
    tree: Element


@pytest.fixture(scope="module")
def handouts(brand_dir: Path) -> dict[tuple[str, str, bool], Handout]:
    """Every case rendered once for the module."""
    brand = load_brand(brand_dir / "brand.yaml")
    result = {}
    for topic, paper, branded in CASES:
        article = load_article(SOURCES[topic])
        chosen = brand if branded else None
        data, _ = render_pdf(article, paper=paper, brand=chosen, brand_dir=brand_dir, when=WHEN)
        result[topic, paper, branded] = Handout(article, chosen, paper, data, read_tree(data))
    return result


@pytest.fixture(params=CASES, ids=lambda case: "-".join(str(part) for part in case))
def handout(request: pytest.FixtureRequest, handouts: dict[tuple[str, str, bool], Handout]) -> Handout:
    return handouts[request.param]


def read_tree(data: bytes) -> Element:
    """The structure tree as plain data, with each MCID's page as its index."""
    with pikepdf.open(io.BytesIO(data)) as document:
        pages = {page.obj.objgen: index for index, page in enumerate(document.pages)}
        return _element(document.Root.StructTreeRoot.K, pages)


def _element(obj: pikepdf.Object, pages: dict[tuple[int, int], int]) -> Element:
    attributes = {key: str(value) for key, value in obj.get("/A", pikepdf.Dictionary()).items()}
    element = Element(
        str(obj.S)[1:],
        str(obj.ActualText) if "/ActualText" in obj else None,
        str(obj.Alt) if "/Alt" in obj else None,
        attributes,
    )
    kids = obj.K if isinstance(obj.K, pikepdf.Array) else [obj.K]
    for kid in kids:
        if isinstance(kid, int):
            element.mcids.append((pages[obj.Pg.objgen], int(kid)))
        elif kid.get("/Type") == pikepdf.Name.MCR:
            element.mcids.append((pages[kid.Pg.objgen], int(kid.MCID)))
        elif kid.get("/Type") == pikepdf.Name.OBJR:
            contents = str(kid.Obj.Contents) if "/Contents" in kid.Obj else None
            element.annotations.append((contents, int(kid.Obj.StructParent)))
        else:
            element.kids.append(_element(kid, pages))
    return element


def flat(text: str) -> str:
    return " ".join(text.split())


def violations(data: bytes) -> list[str]:
    report = page.validate_pdf_bytes(data, profile="ua1")
    return sorted({failure.rule_id for failure in report.failures})


# The checker


def test_passes_pdf_ua1(handout: Handout) -> None:
    report = page.validate_pdf_bytes(handout.data, profile="ua1")
    assert report.is_compliant, [f"{failure.rule_id}: {failure.message}" for failure in report.failures[:10]]
    assert report.rules.total > 100, "the ua1 profile ran its rules"


def mutated(data: bytes, change: Callable[[pikepdf.Pdf], None]) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as document:
        change(document)
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def _drop_language(document: pikepdf.Pdf) -> None:
    del document.Root.Lang


def _unmark(document: pikepdf.Pdf) -> None:
    document.Root.MarkInfo.Marked = False


def _untag_first_text(document: pikepdf.Pdf) -> None:
    """The first tagged sequence's MCID is gone: its text is neither real content nor an artifact."""
    first = document.pages[0]
    operations, changed = [], False
    for operands, operator in pikepdf.parse_content_stream(first):
        if not changed and str(operator) == "BDC" and "/MCID" in operands[1]:
            operands, operator, changed = [pikepdf.Name.Span], pikepdf.Operator("BMC"), True
        operations.append((operands, operator))
    first.Contents = document.make_stream(pikepdf.unparse_content_stream(operations))


def _footer_untagged(document: pikepdf.Pdf) -> None:
    first = document.pages[0]
    stream = first.Contents.read_bytes().replace(b"/Artifact <</Type /Pagination>> BDC", b"/Span BMC")
    first.Contents = document.make_stream(stream)


def _struct_elements(document: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    todo = [document.Root.StructTreeRoot.K]
    while todo:
        element = todo.pop()
        yield element
        todo += [kid for kid in element.K if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]


def _drop_alt(document: pikepdf.Pdf) -> None:
    for element in _struct_elements(document):
        if str(element.S) == "/Figure":
            del element.Alt


def _drop_scope(document: pikepdf.Pdf) -> None:
    for element in _struct_elements(document):
        if element.S == pikepdf.Name.TH:
            del element.A


def _drop_display_title(document: pikepdf.Pdf) -> None:
    del document.Root.ViewerPreferences


def _drop_ua_part(document: pikepdf.Pdf) -> None:
    metadata = document.Root.Metadata
    metadata.write(metadata.read_bytes().replace(b"<pdfuaid:part>1</pdfuaid:part>", b""))


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        (_drop_language, "PDFUA1-TEXT-LANGUAGE-001"),
        (_unmark, "PDFUA1-TAGGED-DOCUMENT-001"),
        (_untag_first_text, "PDFUA1-CONTENT-TAGGING-001"),
        (_footer_untagged, "PDFUA1-CONTENT-TAGGING-001"),
        (_drop_alt, "PDFUA1-FIGURE-ALTERNATIVE-TEXT-001"),
        (_drop_scope, "PDFUA1-TABLE-HEADERS-SCOPE-001"),
        (_drop_display_title, "PDFUA1-VIEWER-PREFERENCES-001"),
        (_drop_ua_part, "PDFUA1-ID-PART-001"),
    ],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_checker_fails_when_one_rule_is_broken(
    handouts: dict[tuple[str, str, bool], Handout], change: Callable[[pikepdf.Pdf], None], rule: str
) -> None:
    """Negative controls: the gate above can close."""
    data = handouts["magnesium", "letter", True].data
    assert violations(data) == []
    assert rule in violations(mutated(data, change))


# The structure tree


def expected_texts(items: list[Item]) -> list[str]:
    """Every text of the layout, in the order the handout prints it."""
    texts: list[str] = []
    for item in items:
        if isinstance(item, Title):
            texts += [item.text, *item.clinic]
        elif isinstance(item, (Heading, Text)):
            texts.append(item.text)
        elif isinstance(item, Labelled):
            texts += [text for pair in item.items for text in pair]
        elif isinstance(item, FoodGrid):
            texts += [item.intro or ""] + [text for group, foods in item.groups for text in (group, *foods)]
        elif isinstance(item, Grid):
            texts += [item.caption or "", *item.header, *(cell for row in item.rows for cell in row)]
        elif isinstance(item, (Boxed, Alert)):
            texts += [item.title, item.text or "", *getattr(item, "items", ())]
        elif isinstance(item, Notes):
            texts += [item.label, item.contact]
    return [flat(text) for text in texts if text.strip()]


def layout(handout: Handout) -> list[Item]:
    theme = HandoutTheme(labels=article_labels(handout.article))
    return handout_layout(handout.article, theme, handout.brand)


def test_every_text_is_in_the_tree_in_reading_order(handout: Handout) -> None:
    """Each layout text is found in the tree's texts after the one before it: nothing lost, nothing out of order."""
    tree_text = "\n".join(flat(element.text) for element in handout.tree.walk() if element.text)
    position = 0
    for text in expected_texts(layout(handout)):
        found = tree_text.find(text, position)
        assert found >= 0, f"not in the structure text after position {position}: {text!r}"
        position = found + len(text)


def test_text_reads_word_space_word_across_line_breaks(handouts: dict[tuple[str, str, bool], Handout]) -> None:
    """The title breaks over lines; the page's text drops the space at the break, the tree keeps it."""
    handout = handouts["magnesium", "letter", True]
    (title,) = handout.tree.all("H1")
    assert title.text == handout.article.title
    page_text = subprocess.run(
        ["pdftotext", "-raw", "-l", "1", "-", "-"], input=handout.data, capture_output=True, check=True
    ).stdout.decode()
    words = handout.article.title.split()
    assert any(f"{a}\n{b}" in page_text for a, b in zip(words, words[1:])), "the title no longer breaks"


def subheadings(item: Item) -> list[str]:
    """The H3s of one item: a key point's, a question's, a food group's or a callout's title."""
    if isinstance(item, Labelled) and (item.boxed or item.stacked):
        return [label for label, _ in item.items]
    if isinstance(item, FoodGrid):
        return [group for group, _ in item.groups]
    return [item.title] if isinstance(item, Alert) else []


def test_roles(handout: Handout) -> None:
    items, labels = layout(handout), article_labels(handout.article)
    tree = handout.tree
    assert tree.role == "Document"
    assert [element.text for element in tree.all("H1")] == [handout.article.title]
    assert tree.kids[0].role == "H1"
    h2 = [flat(item.text) for item in items if isinstance(item, Heading)]
    h2 += [flat(handout.article.disclaimer.heading(labels)), labels.notes]
    assert sorted(flat(element.text or "") for element in tree.all("H2")) == sorted(h2)
    h3 = [title for item in items for title in subheadings(item)]
    assert [flat(element.text or "") for element in tree.all("H3")] == [flat(text) for text in h3]
    assert tree.all("P"), "paragraphs are P"


def list_items(item: Item) -> list[str]:
    """The bulleted texts of one item: terms ("term: text"), foods, a callout's items."""
    if isinstance(item, Labelled) and not (item.boxed or item.stacked):
        return [f"{label}: {text}" for label, text in item.items]
    if isinstance(item, FoodGrid):
        return [food for _, foods in item.groups for food in foods]
    return list(item.items) if isinstance(item, Alert) else []


def test_lists_are_l_li_lbl_lbody(handout: Handout) -> None:
    items = layout(handout)
    bullets = [text for item in items for text in list_items(item)]
    entries = handout.tree.all("LI")
    assert [flat(entry.kids[-1].text or "") for entry in entries] == [flat(text) for text in bullets]
    for entry in entries:
        assert [kid.role for kid in entry.kids] == ["Lbl", "LBody"]
        assert entry.kids[0].mcids, "the bullet is the label's marked content"
    assert all(kid.role == "LI" for element in handout.tree.all("L") for kid in element.kids)


def test_tables_have_header_cells_with_scope(handout: Handout) -> None:
    grids = [item for item in layout(handout) if isinstance(item, Grid)]
    tables = handout.tree.all("Table")
    assert len(tables) == len(grids)
    for grid, table in zip(grids, tables, strict=True):
        rows = [[flat(cell.text or "") for cell in row.kids] for row in table.kids]
        assert rows == [[flat(cell) for cell in grid.header], *([flat(cell) for cell in row] for row in grid.rows)]
        assert [cell.role for cell in table.kids[0].kids] == ["TH"] * len(grid.header)
        assert all(cell.attributes == {"/O": "/Table", "/Scope": "/Column"} for cell in table.kids[0].kids)
        assert all(cell.role == "TD" for row in table.kids[1:] for cell in row.kids)


def test_a_repeated_table_header_is_read_once(handouts: dict[tuple[str, str, bool], Handout]) -> None:
    """World's table breaks across pages; its header printed again is an artifact, not a second TH text."""
    handout = handouts["world", "letter", True]
    (table,) = handout.tree.all("Table")
    pages = {page for row in table.kids for cell in row.kids for page, _ in cell.mcids}
    assert len(pages) > 1, "the table still breaks across pages"
    assert all(len(cell.mcids) == 1 for cell in table.kids[0].kids)


def test_logo_is_a_figure_with_alt_text(handout: Handout) -> None:
    """The logo is a Figure described as the brand's clinic's logo; any other figure is a callout's icon."""
    labels = article_labels(handout.article)
    figures = handout.tree.all("Figure")
    logo = labels.logo.format(clinic=handout.brand.clinic) if handout.brand else None
    assert [figure.alt for figure in figures].count(logo) == (1 if handout.brand else 0)
    assert {figure.alt for figure in figures} - {logo} <= {labels.warning, labels.tip}
    assert all(figure.mcids for figure in figures)


def test_every_mcid_has_one_element_in_the_parent_tree(handout: Handout) -> None:
    with pikepdf.open(io.BytesIO(handout.data)) as document:
        nums = list(document.Root.StructTreeRoot.ParentTree.Nums)
        parents = dict(zip(nums[::2], nums[1::2], strict=True))
        for index, sheet in enumerate(document.pages):
            assert sheet.Tabs == pikepdf.Name.S
            marked = [elements for key, elements in parents.items() if key == sheet.StructParents]
            assert marked, f"page {index + 1} has no ParentTree entry"
            used = sorted(mcid for element in handout.tree.walk() for page, mcid in element.mcids if page == index)
            assert used == list(range(len(marked[0])))


TEXT_SHOWING = {"Tj", "TJ", "'", '"'}


def _drop_footer_text(document: pikepdf.Pdf) -> None:
    """Every text-showing operator inside an /Artifact <</Type /Pagination>> sequence removed."""
    for sheet in document.pages:
        kept, inside = [], []
        for operands, operator in pikepdf.parse_content_stream(sheet):
            name = str(operator)
            if name in ("BDC", "BMC"):
                inside.append(
                    name == "BDC"
                    and operands[0] == pikepdf.Name.Artifact
                    and operands[1].get("/Type") == pikepdf.Name.Pagination
                )
            elif name == "EMC":
                inside.pop()
            elif any(inside) and name in TEXT_SHOWING:
                continue
            kept.append((operands, operator))
        sheet.Contents = document.make_stream(pikepdf.unparse_content_stream(kept))


def test_footer_is_a_pagination_artifact(handout: Handout) -> None:
    """Without what is marked /Pagination, the page loses "Page 1 of N" and keeps its body."""

    def text(data: bytes) -> str:
        run = subprocess.run(["pdftotext", "-l", "1", "-", "-"], input=data, capture_output=True, check=True)
        return flat(run.stdout.decode())

    with pikepdf.open(io.BytesIO(handout.data)) as document:
        count = len(document.pages)
    footer = article_labels(handout.article).page.format(page=1, pages=count)
    assert footer in text(handout.data)
    stripped = text(mutated(handout.data, _drop_footer_text))
    assert footer not in stripped
    assert flat(handout.article.title)[:20] in stripped


# The document


def test_catalog_and_metadata(handout: Handout) -> None:
    with pikepdf.open(io.BytesIO(handout.data)) as document:
        root = document.Root
        assert root.MarkInfo.Marked is True
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert str(root.Lang) == handout.article.language
        with document.open_metadata() as xmp:
            assert xmp["dc:title"] == handout.article.title
            assert xmp["pdfuaid:part"] == "1"
        for font in document.objects:
            if isinstance(font, pikepdf.Dictionary) and "/ToUnicode" in font:
                assert b"<0000>" not in font.ToUnicode.read_bytes()


def pixels(data: bytes, folder: Path) -> list[Image.Image]:
    (folder / "x.pdf").write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(folder / "x.pdf"), str(folder / "p")], check=True)
    return [Image.open(path).convert("RGB") for path in sorted(folder.glob("p-*.png"))]


@pytest.mark.parametrize("topic", ["magnesium", "world"])
def test_tagging_changes_no_pixel(
    topic: str, handouts: dict[tuple[str, str, bool], Handout], brand_dir: Path, tmp_path: Path
) -> None:
    handout = handouts[topic, "letter", True]
    with untagged():
        plain, _ = render_pdf(handout.article, paper="letter", brand=handout.brand, brand_dir=brand_dir, when=WHEN)
    assert b"StructTreeRoot" not in plain and b"MCID" not in plain, "the untagged build is untagged"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    before, after = pixels(plain, tmp_path / "a"), pixels(handout.data, tmp_path / "b")
    assert len(before) == len(after)
    for number, (old, new) in enumerate(zip(before, after, strict=True), start=1):
        assert ImageChops.difference(old, new).getbbox() is None, f"page {number} differs"


def test_tagged_handout_is_byte_identical_when_built_again(handouts: dict[tuple[str, str, bool], Handout]) -> None:
    handout = handouts["world", "a4", False]
    again, _ = render_pdf(handout.article, paper="a4", when=WHEN)
    assert again == handout.data


def test_a_handout_laid_out_twice_is_tagged_and_written_once(
    handouts: dict[tuple[str, str, bool], Handout], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A feathered handout (every page counted short here, so world on A4 is laid out a second time): only
    the layout kept gets a tree and is written, and it is written the same each time."""
    made: list[Tagger] = []
    finished: list[Tagger] = []

    class Counted(Tagger):
        def __init__(self, logo_alt: str | None) -> None:
            super().__init__(logo_alt)
            made.append(self)

        def finish(self, canvas: TaggedCanvas, *, title: str) -> None:
            finished.append(self)
            super().finish(canvas, title=title)

    monkeypatch.setattr(pdf, "Tagger", Counted)
    monkeypatch.setattr(pdf, "SHORT_PAGE", 0.0)
    handout = handouts["world", "a4", False]
    once, _ = render_pdf(handout.article, paper="a4", when=WHEN)
    assert len(made) == 2, "world on A4 is not feathered"
    assert finished == [made[-1]]
    again, _ = render_pdf(handout.article, paper="a4", when=WHEN)
    assert again == once
    assert not violations(once)


def test_every_link_annotation_is_in_a_link_element(handout: Handout) -> None:
    with pikepdf.open(io.BytesIO(handout.data)) as document:
        links = [
            annotation
            for sheet in document.pages
            for annotation in sheet.obj.get("/Annots", [])
            if annotation.Subtype == pikepdf.Name.Link
        ]
        assert all("/Contents" in annotation for annotation in links)
    tagged = [held for element in handout.tree.all("Link") for held in element.annotations]
    assert len(tagged) == len(links)


# Links (the handout's reference URLs become links in another change; tagging must hold them)


def test_a_link_is_a_link_element_with_contents(tmp_path: Path) -> None:
    tagger = Tagger(None)
    style = ParagraphStyle("body", fontName=pdf.font_set(False).primary, fontSize=12)
    story = tagger.tag(
        Text("x"), [Paragraph('Read more at <a href="https://ods.od.nih.gov/">the NIH</a> today.', style)]
    )
    buffer = io.BytesIO()
    font = pdf.font_set(False).primary
    document = SimpleDocTemplate(buffer, pagesize=LETTER, lang="en", title="Links", initialFontName=font)

    class Finishing(TaggedCanvas):
        def save(self) -> None:
            tagger.finish(self, title="Links")
            super().save()

    document.build(story, canvasmaker=Finishing)
    data = buffer.getvalue()
    (paragraph,) = read_tree(data).all("P")
    (link,) = paragraph.kids
    assert link.role == "Link"
    assert link.annotations == [("https://ods.od.nih.gov/", 1)], "its key follows the one page's"
    assert violations(data) == []
