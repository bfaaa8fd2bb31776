"""The deck as a real presentation program lays it out: LibreOffice Impress renders it to PDF.

Our own measure says every text fits its box; this is the check that it is true where it
counts. Each deck is converted once (`soffice --headless --convert-to pdf`) and pdfplumber
says where every word landed: inside the slide and inside its own box, never broken inside
itself, not on top of another word, not in the footer band unless it is the footer, at a
size a room can read, and with titles and bodies starting at one place on every slide. The
decks: the magnesium article, a source three times longer, the magnesium article on a 4:3
and on a 10-inch 16:9 template, and every fixture article.

LibreOffice is a test dependency (`.ci/run` installs it): without it these tests fail, they
do not skip, so a green run always means the slides were looked at.
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import subprocess
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
import yaml
from long_parts import huge_sentences, long_parts
from long_source import tripled
from pptx import Presentation

from mghandout.deck import DeckTheme, deck_layout, render_pptx
from mghandout.deck.layout import Deck, body_words
from mghandout.deck.measure import sentences
from mghandout.deck.theme import slide_scale
from mghandout.deck.writer import content_area
from mghandout.model import Article, Callout, Paragraph, TermList, article_labels
from mghandout.source import load_article

ROOT = Path(__file__).resolve().parents[1]
MAGNESIUM = ROOT / "source" / "magnesium-muscle-contractions.yaml"
FIXTURES = {path.stem: path for path in sorted((Path(__file__).parent / "fixtures").glob("*.yaml"))
            if path.stem not in ("brand", "minimal")}
WHEN = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)
THEME = DeckTheme()
POINTS = 72.0
OVERLAP = 1.0
"""Points two word boxes may share before they count as overlapping (glyph boxes of adjacent lines touch)."""
MARGIN = 0.5
"""Points a word may sit past the page edge before it counts as outside (rounding in the PDF)."""
CONTINUED = "(continued)"


@dataclass
class Shape:
    """A shape's box as the file places it, in points, and the words it holds."""

    x0: float
    top: float
    x1: float
    bottom: float
    words: list[str]


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class Page:
    width: float
    height: float
    words: list[Word]
    sizes: list[tuple[float, float]]
    """(top, size) of every printed character."""
    bullets: list[tuple[float, ...]]
    """The fill colour of every bullet mark drawn."""


@dataclass
class Rendered:
    name: str
    pptx: Path
    titles: list[str]
    short_title: str
    slide_size: tuple[float, float]
    pages: list[Page]
    seconds: float
    shapes: list[list[Shape]]
    layouts: list[str]
    """Each slide's layout in the deck's plan: title, content (bullets) or title_only (a grid or a table)."""
    date: str
    plan: Deck
    """The deck's plan, as `render_pptx` laid it out."""
    article: Article

    @property
    def footer_top(self) -> float:
        """Where the footer band starts, in points from the top of the page."""
        return (self.slide_size[1] - THEME.footer_height) * POINTS


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.fail("LibreOffice (soffice) is not installed: it is a test dependency (apt install libreoffice-impress)")
    return found


def convert(pptx: Path, outdir: Path) -> Path:
    """One conversion, in a private profile so parallel or stale LibreOffice processes cannot lock us out."""
    profile = Path("/tmp") / f"mghandout-lo-{uuid.uuid4().hex}"
    try:
        result = subprocess.run(
            [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(outdir), str(pptx)],
            capture_output=True, text=True, timeout=300,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = outdir / f"{pptx.stem}.pdf"
    assert result.returncode == 0 and pdf.is_file(), f"soffice failed: {result.stdout}\n{result.stderr}"
    return pdf


def read_pages(pdf: Path) -> list[Page]:
    pages = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            words = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"])
                     for w in page.extract_words(keep_blank_chars=False, use_text_flow=False)]
            sizes = [(c["top"], round(c["size"], 2)) for c in page.chars if c["text"].strip()]
            bullets = [tuple(round(v, 3) for v in c["non_stroking_color"]) for c in page.chars if c["text"] == "•"]
            pages.append(Page(float(page.width), float(page.height), words, sizes, bullets))
    return pages


def sized(path: Path, width: int, height: int) -> Path:
    """A blank template of the given size in EMU (python-pptx's own layouts)."""
    template = Presentation()
    template.slide_width, template.slide_height = width, height
    template.save(str(path))
    return path


def shapes_of(slide: Any) -> list[Shape]:
    """Every shape of a slide with its box and its words (a table's cells are its words)."""
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            text = shape.text_frame.text
        elif shape.has_table:
            text = " ".join(cell.text for row in shape.table.rows for cell in row.cells)
        else:
            text = ""
        found.append(Shape(shape.left / 12700, shape.top / 12700, (shape.left + shape.width) / 12700,
                           (shape.top + shape.height) / 12700, text.split()))
    return found


DECKS = ["magnesium", "long", "4x3", "16x9-10in", "long-parts", "huge-sentences", *FIXTURES]
"""The decks rendered: the article, three times longer, on two template sizes, with parts longer than a slide
(issue 21's source, issue 24's 600-word sentence and 5,000-character address), and every fixture."""


BUILT = {"long-parts": long_parts, "huge-sentences": huge_sentences}


@pytest.fixture(scope="module", params=DECKS)
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """One deck written and converted to PDF once, for every test of this module."""
    name = request.param
    folder = tmp_path_factory.mktemp(f"deck-{name}")
    template = None
    if name in BUILT:
        source = folder / f"{name}.yaml"
        source.write_text(yaml.safe_dump(BUILT[name](), allow_unicode=True, sort_keys=False, width=10**6),
                          encoding="utf-8")
        article = load_article(source)
    else:
        article = load_article(FIXTURES.get(name, MAGNESIUM))
    if name == "long":
        article = tripled(article)
    elif name == "4x3":
        template = sized(folder / "template-4x3.pptx", 9144000, 6858000)  # 10 x 7.5 in
    elif name == "16x9-10in":
        template = sized(folder / "template-16x9-10in.pptx", 9144000, 5143500)  # 10 x 5.625 in
    data, count = render_pptx(article, template=template, when=WHEN)
    pptx = folder / f"{name}.pptx"
    pptx.write_bytes(data)
    presentation = Presentation(str(pptx))
    titles = [slide.shapes.title.text_frame.text for slide in presentation.slides]
    assert len(titles) == count
    size = (presentation.slide_width / 914400, presentation.slide_height / 914400)
    theme = replace(THEME, labels=article_labels(article))
    plan = deck_layout(article, theme, *size, content=content_area(presentation, template))
    words = sorted(body_words(slide) for slide in plan.slides if slide.layout == "content")
    print(f"{name}: {count} slides; words per text slide: median {statistics.median(words)}, max {words[-1]}")
    start = time.monotonic()
    pdf = convert(pptx, folder)
    seconds = time.monotonic() - start
    return Rendered(name, pptx, titles, article.short_title, size, read_pages(pdf), seconds,
                    [shapes_of(slide) for slide in presentation.slides], [slide.layout for slide in plan.slides],
                    theme.labels.format_date(article.date), plan, article)


def test_libreoffice_is_installed() -> None:
    """Fails (never skips) when the program these tests need is missing."""
    assert soffice()


def test_one_page_per_slide_at_the_slide_size(rendered: Rendered) -> None:
    assert len(rendered.pages) == len(rendered.titles)
    width, height = rendered.slide_size
    for page in rendered.pages:
        assert abs(page.width - width * POINTS) < 1 and abs(page.height - height * POINTS) < 1
    continued = sum(title.endswith(CONTINUED) for title in rendered.titles)
    print(f"{rendered.name}: {len(rendered.titles)} slides ({width:.3f} x {height:.3f} in), "
          f"{continued} continuation slides, converted in {rendered.seconds:.1f} s")


def test_every_word_is_inside_the_slide(rendered: Rendered) -> None:
    for number, page in enumerate(rendered.pages, start=1):
        outside = [w.text for w in page.words if w.x0 < -MARGIN or w.top < -MARGIN
                   or w.x1 > page.width + MARGIN or w.bottom > page.height + MARGIN]
        where = f"{rendered.name} slide {number} ({rendered.titles[number - 1]!r})"
        assert not outside, f"{where}: off the slide: {outside}"


def test_no_two_words_overlap(rendered: Rendered) -> None:
    """Text that overflows its box lands on the next box's text: any collision is an overflow."""
    for number, page in enumerate(rendered.pages, start=1):
        words = sorted(page.words, key=lambda w: w.top)
        clashes = []
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                if b.top >= a.bottom - OVERLAP:
                    break
                across = min(a.x1, b.x1) - max(a.x0, b.x0)
                down = min(a.bottom, b.bottom) - max(a.top, b.top)
                if across > OVERLAP and down > OVERLAP:
                    clashes.append((a.text, b.text))
        assert not clashes, f"{rendered.name} slide {number} ({rendered.titles[number - 1]!r}): {clashes[:5]}"


def test_only_the_footer_is_in_the_footer_band(rendered: Rendered) -> None:
    """Body text that runs past its box ends up over the footer; the band holds the short title and number only."""
    allowed = set(rendered.short_title.split())
    for number, page in enumerate(rendered.pages, start=1):
        intruders = [w.text for w in page.words
                     if w.bottom > rendered.footer_top and w.text not in allowed and w.text != str(number)]
        assert not intruders, f"{rendered.name} slide {number} ({rendered.titles[number - 1]!r}): {intruders[:8]}"
        footer = [w.text for w in page.words if w.top >= rendered.footer_top]
        assert str(number) in footer, f"{rendered.name} slide {number}: slide number not shown in the footer"
        assert " ".join(w for w in footer if w != str(number)) == rendered.short_title


def test_type_sizes_as_rendered(rendered: Rendered) -> None:
    """At least 10 pt anywhere (footer and slide number), at least 18 pt for everything above the footer.

    Both at the reference slide (7.5 in tall): a smaller slide has every size in proportion.
    """
    scale = slide_scale(*rendered.slide_size)
    body = [size for page in rendered.pages for top, size in page.sizes if top < rendered.footer_top]
    footer = [size for page in rendered.pages for top, size in page.sizes if top >= rendered.footer_top]
    assert body and footer
    print(f"{rendered.name}: smallest type {min(body)} pt on the slides, {min(footer)} pt in the footer")
    assert min(footer) >= 10 * scale - 0.01
    assert min(body) >= 18 * scale - 0.01


def test_each_slide_shows_its_title(rendered: Rendered) -> None:
    """The title LibreOffice drew is the one the file says (no title was lost or pushed off)."""
    for number, (page, title) in enumerate(zip(rendered.pages, rendered.titles, strict=True), start=1):
        text = " ".join(w.text for w in page.words)
        assert " ".join(title.split()) in text, f"{rendered.name} slide {number}: title {title!r} not rendered"


def test_the_long_source_needs_continuation_slides(rendered: Rendered) -> None:
    """Three times the content must continue over more slides, not shrink or spill."""
    continued = sum(title.endswith(CONTINUED) for title in rendered.titles)
    print(f"{rendered.name}: {continued} continuation slides of {len(rendered.titles)}")
    assert continued >= 1 or rendered.name in FIXTURES
    if rendered.name == "long":
        assert continued >= 20 and len(rendered.titles) >= 50


def test_no_word_is_broken_inside_itself(rendered: Rendered) -> None:
    """Every word drawn is a whole word of its slide ("Pomegranat" + "e" is not), or a piece cut after a hyphen.

    Not in the deck with a 5,000-character web address: a word wider than the slide at the
    floor is broken, as it must be to stay on the slide.
    """
    if rendered.name == "huge-sentences":
        return
    for number, (page, shapes) in enumerate(zip(rendered.pages, rendered.shapes, strict=True), start=1):
        whole = {word for shape in shapes for word in shape.words} | {str(number), "•"}
        pieces = {piece for word in whole for piece in _pieces(word)}
        broken = [w.text for w in page.words if w.text not in whole and w.text not in pieces]
        assert not broken, f"{rendered.name} slide {number} ({rendered.titles[number - 1]!r}): broken words {broken}"


def _pieces(word: str) -> set[str]:
    """The parts a renderer may wrap a word into: after a hyphen, a dash or a slash, never inside letters."""
    cuts = [i + 1 for i, ch in enumerate(word) if ch in "-–/" and 0 < i + 1 < len(word)]
    bounds = [0, *cuts, len(word)]
    return {word[a:b] for i, a in enumerate(bounds) for b in bounds[i + 1:]}


def test_every_word_lands_inside_its_box(rendered: Rendered) -> None:
    """A word outside every shape of its slide overflowed its box, even if it landed on the slide."""
    for number, (page, shapes) in enumerate(zip(rendered.pages, rendered.shapes, strict=True), start=1):
        outside = [w.text for w in page.words
                   if not any(s.x0 - MARGIN <= w.x0 and w.x1 <= s.x1 + MARGIN and s.top - MARGIN <= w.top
                              and w.bottom <= s.bottom + MARGIN for s in shapes)]
        assert not outside, f"{rendered.name} slide {number} ({rendered.titles[number - 1]!r}): {outside[:8]}"


def test_titles_and_bodies_start_at_one_place(rendered: Rendered) -> None:
    """The first line of every content slide's title, and of every text slide's body, is drawn at one height."""
    title_tops, body_tops = set(), set()
    for page, title, layout, plan in zip(rendered.pages, rendered.titles, rendered.layouts, rendered.plan.slides,
                                         strict=True):
        if layout == "title":
            continue
        first = title.split()[0]
        title_word = min((w for w in page.words if w.text == first), key=lambda w: w.top)
        title_tops.add(round(title_word.top))
        if layout == "content" and plan.mark is None:
            below = [w for w in page.words
                     if w.top > title_word.top and w.text not in title.split() and w.text != "•"]
            body_tops.add(round(min(w.top for w in below)))
    assert len(title_tops) == 1, f"{rendered.name}: titles start at {sorted(title_tops)} pt"
    assert max(body_tops) - min(body_tops) <= 2, f"{rendered.name}: bodies start at {sorted(body_tops)} pt"


def test_the_title_slide_shows_the_date_and_not_the_short_title_again(rendered: Rendered) -> None:
    page = rendered.pages[0]
    above = " ".join(w.text for w in page.words if w.bottom <= rendered.footer_top)
    assert rendered.date in above
    if rendered.short_title not in rendered.titles[0]:
        assert rendered.short_title not in above


def test_a_ten_inch_sixteen_by_nine_deck_is_the_default_deck_smaller(rendered: Rendered) -> None:
    """The same slides, titled the same, at any 16:9 size."""
    if rendered.name != "16x9-10in":
        return
    article = load_article(MAGNESIUM)
    wide = deck_layout(article, replace(THEME, labels=article_labels(article)), 12192000 / 914400, 7.5)
    assert [" ".join(title.split()) for title in rendered.titles] == [slide.title for slide in wide.slides]


def test_one_bullet_colour(rendered: Rendered) -> None:
    """Bullet marks take the theme's colour, not the colour of the first word after them (a bold label's)."""
    colours = {colour for page in rendered.pages for colour in page.bullets}
    assert len(colours) == 1, f"{rendered.name}: bullets drawn in {sorted(colours)}"


# --- slides a designer would sign off (issue 22) ---------------------------------------------------------------------

PRESENTED = {"magnesium", "long-english", "spanish", "vietnamese"}
"""The decks held to the fill promise: real topics at PowerPoint's 16:9 size."""


def _text_parts(article: Article) -> list[tuple[str, str]]:
    """(where, text) of every text a text slide shows whole when the editor wrote no `slide:` text."""
    parts = [("summary", article.summary), *(("introduction", p) for p in article.introduction)]
    parts += [(p.title, p.text) for p in article.key_points if not p.slide]
    for section in article.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph) and not block.slide:
                parts.append((section.title, block.paragraph))
            elif isinstance(block, TermList):
                parts += [(t.term, t.text) for t in block.terms if not t.slide]
            elif isinstance(block, Callout):
                parts += [(block.callout.title, block.callout.text or "")]
                parts += [(block.callout.title, item) for item in block.callout.items or ()]
    parts += [(q.question, q.answer) for q in article.faq]
    parts += [(article.conclusion.title, p) for p in article.conclusion.paragraphs]
    return [*parts, ("disclaimer", article.disclaimer.text)]


def test_every_sentence_is_drawn_on_a_slide(rendered: Rendered) -> None:
    """Every sentence of the source's text parts is drawn, whole, on one slide (the editor's `slide:` texts aside)."""
    if rendered.name not in PRESENTED:
        return
    drawn = [_joined(" ".join(w.text for w in page.words if w.text != "•")) for page in rendered.pages]
    for where, text in _text_parts(rendered.article):
        for sentence in sentences(text):
            wanted = _joined(sentence)
            assert any(wanted in slide for slide in drawn), f"{rendered.name}: {where!r}: not on a slide: {wanted!r}"


def _joined(text: str) -> str:
    """Whitespace collapsed, and a word wrapped after its hyphen ("iron-" / "deficiency") made whole again."""
    return " ".join(text.split()).replace("- ", "-").replace("– ", "–")


def test_text_slides_are_filled_at_a_size_a_room_reads(rendered: Rendered) -> None:
    """On text slides the body spans a median of at least 45% of the room between title and footer, at a median
    size of at least 26 pt."""
    if rendered.name not in PRESENTED:
        return
    fills, sizes = [], []
    for page, plan in zip(rendered.pages, rendered.plan.slides, strict=True):
        if plan.layout != "content":
            continue
        top = (plan.title_box.y + plan.title_box.h) * POINTS
        body = [w for w in page.words if top <= w.top and w.bottom <= rendered.footer_top]
        fills.append((max(w.bottom for w in body) - min(w.top for w in body)) / (rendered.footer_top - top))
        sizes.append(statistics.median(size for at, size in page.sizes if top <= at < rendered.footer_top))
    fill, size = statistics.median(fills), statistics.median(sizes)
    print(f"{rendered.name}: {len(rendered.pages)} slides, text slides filled {fill:.0%} (median) at {size} pt")
    assert fill >= 0.45 and size >= 26


def test_a_callout_of_up_to_eight_items_is_on_one_slide(rendered: Rendered) -> None:
    """A callout of 8 items or fewer is whole on one slide, framed and labelled with its kind."""
    labels = article_labels(rendered.article)
    for section in rendered.article.sections:
        for block in section.blocks:
            if not isinstance(block, Callout) or len(block.callout.items or ()) > 8:
                continue
            first = (block.callout.items or [block.callout.text or ""])[0]
            holders = [number for number, page in enumerate(rendered.pages)
                       if " ".join(first.split()) in " ".join(w.text for w in page.words)]
            assert len(holders) == 1, f"{rendered.name}: {block.callout.title!r} on slides {holders}"
            label = labels.warning if block.callout.kind == "warning" else labels.tip
            assert label in " ".join(w.text for w in rendered.pages[holders[0]].words)
            assert rendered.plan.slides[holders[0]].mark is not None


def test_no_continued_card_beside_its_own_group(rendered: Rendered) -> None:
    """A long food group is never cut into "(continued)" cards side by side on one slide."""
    continued = article_labels(rendered.article).continued
    for number, slide in enumerate(rendered.plan.slides, start=1):
        groups = {column.group for column in slide.foods}
        beside = [group for group in groups if any(continued.format(title=other) == group for other in groups)]
        assert not beside, f"{rendered.name} slide {number}: {beside}"


def test_a_section_of_one_callout_keeps_its_title(rendered: Rendered) -> None:
    """A section whose only block is a callout has its title on a slide."""
    drawn = " ".join(" ".join(rendered.titles).split())
    for section in rendered.article.sections:
        if len(section.blocks) == 1 and isinstance(section.blocks[0], Callout):
            assert " ".join(section.title.split()) in drawn, f"{rendered.name}: {section.title!r} on no slide"
