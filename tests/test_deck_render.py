"""The deck as a real presentation program lays it out: LibreOffice Impress renders it to PDF.

Our own measure says every text fits its box; this is the check that it is true where it
counts. Each deck is converted once (`soffice --headless --convert-to pdf`) and pdfplumber
says where every word landed: inside the slide, not on top of another word, not in the
footer band unless it is the footer, and at a size a room can read. Three decks: the
magnesium article, a source three times longer, and the magnesium article on a 4:3 template.

LibreOffice is a test dependency (`.ci/run` installs it): without it these tests fail, they
do not skip, so a green run always means the slides were looked at.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from long_source import tripled
from pptx import Presentation

from mghandout.deck import DeckTheme, render_pptx
from mghandout.source import load_article

ROOT = Path(__file__).resolve().parents[1]
MAGNESIUM = ROOT / "source" / "magnesium-muscle-contractions.yaml"
WHEN = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)
THEME = DeckTheme()
POINTS = 72.0
OVERLAP = 1.0
"""Points two word boxes may share before they count as overlapping (glyph boxes of adjacent lines touch)."""
MARGIN = 0.5
"""Points a word may sit past the page edge before it counts as outside (rounding in the PDF)."""
CONTINUED = "(continued)"


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


@dataclass
class Rendered:
    name: str
    pptx: Path
    titles: list[str]
    short_title: str
    slide_size: tuple[float, float]
    pages: list[Page]
    seconds: float

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
            pages.append(Page(float(page.width), float(page.height), words, sizes))
    return pages


def four_by_three(path: Path) -> Path:
    template = Presentation()
    template.slide_width, template.slide_height = 9144000, 6858000  # 10 x 7.5 in
    template.save(str(path))
    return path


DECKS = ["magnesium", "long", "4x3"]


@pytest.fixture(scope="module", params=DECKS)
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """One deck written and converted to PDF once, for every test of this module."""
    name = request.param
    folder = tmp_path_factory.mktemp(f"deck-{name}")
    article = load_article(MAGNESIUM)
    template = None
    if name == "long":
        article = tripled(article)
    elif name == "4x3":
        template = four_by_three(folder / "template-4x3.pptx")
    data, count = render_pptx(article, template=template, when=WHEN)
    pptx = folder / f"{name}.pptx"
    pptx.write_bytes(data)
    presentation = Presentation(str(pptx))
    titles = [slide.shapes.title.text_frame.text for slide in presentation.slides]
    assert len(titles) == count
    size = (presentation.slide_width / 914400, presentation.slide_height / 914400)
    start = time.monotonic()
    pdf = convert(pptx, folder)
    seconds = time.monotonic() - start
    return Rendered(name, pptx, titles, article.short_title, size, read_pages(pdf), seconds)


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
    """At least 10 pt anywhere (footer and slide number), at least 18 pt for everything above the footer."""
    body = [size for page in rendered.pages for top, size in page.sizes if top < rendered.footer_top]
    footer = [size for page in rendered.pages for top, size in page.sizes if top >= rendered.footer_top]
    assert body and footer
    print(f"{rendered.name}: smallest type {min(body)} pt on the slides, {min(footer)} pt in the footer")
    assert min(footer) >= 10
    assert min(body) >= 18


def test_each_slide_shows_its_title(rendered: Rendered) -> None:
    """The title LibreOffice drew is the one the file says (no title was lost or pushed off)."""
    for number, (page, title) in enumerate(zip(rendered.pages, rendered.titles, strict=True), start=1):
        text = " ".join(w.text for w in page.words)
        assert " ".join(title.split()) in text, f"{rendered.name} slide {number}: title {title!r} not rendered"


def test_the_long_source_needs_continuation_slides(rendered: Rendered) -> None:
    """Three times the content must continue over more slides, not shrink or spill."""
    continued = sum(title.endswith(CONTINUED) for title in rendered.titles)
    print(f"{rendered.name}: {continued} continuation slides of {len(rendered.titles)}")
    assert continued >= 1
    if rendered.name == "long":
        assert continued >= 20 and len(rendered.titles) >= 50
