"""Page furniture (mghandout/handout/furniture.py, mghandout/footerfit.py): the footer never under 9 pt, the clinic's
phone and website as links, warning callouts in the bookmarks (issue 23)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from pathlib import Path

import pdfplumber
import pytest
import yaml
from pypdf import PdfReader
from topics import FIXTURES

from mghandout.cli import main
from mghandout.handout import HandoutTheme, render_pdf
from mghandout.handout.layout import contact_links
from mghandout.model import Brand
from mghandout.source import load_article

WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
THEME = HandoutTheme()
DISCLAIMER_250 = (
    "This handout is for general education only and is not medical advice. It does not replace the advice of "
    "your own doctor or nurse. Talk with your care team before you change your diet or start a new supplement, "
    "and call 911 right away in an emergency."
)
DISCLAIMER_400 = DISCLAIMER_250 + (
    " Our clinic reviews this handout every year; the date on it tells you when it was last checked, and your "
    "care team can tell you what has changed since."
)


def source(tmp_path: Path, disclaimer: dict[str, str]) -> Path:
    doc = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    doc["disclaimer"] = disclaimer
    doc["sections"][0]["blocks"] = [{"paragraph": "One paragraph. " * 60} for _ in range(6)]
    path = tmp_path / "topic.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False, width=10**6), encoding="utf-8")
    return path


def check(path: Path) -> str:
    """What --check prints: the footer's warning, and the deck's slide advice for the long test section."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main([str(path), "--check"]) == 0
    return err.getvalue()


def footers(data: bytes) -> list[list[dict[str, object]]]:
    """The characters below each page's body: the running footer."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [[c for c in page.chars if c["top"] > page.height - 72] for page in pdf.pages]


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_a_250_character_disclaimer_takes_two_footer_lines_at_9_pt(tmp_path: Path, paper: str) -> None:
    """It was squeezed into one line at 4.7 pt before issue 23."""
    assert 240 <= len(DISCLAIMER_250) <= 260
    path = source(tmp_path, {"text": DISCLAIMER_250})
    assert "for the page footer" not in check(path)
    data, pages = render_pdf(load_article(path), paper=paper, when=WHEN)
    assert pages >= 2
    for chars in footers(data):
        assert min(c["size"] for c in chars) >= THEME.footer_size - 0.01
        text = "".join(c["text"] for c in chars)
        assert "".join(DISCLAIMER_250.split()) in "".join(text.split())
        assert len({round(c["top"]) for c in chars}) == 3, "title and page over two lines of disclaimer"


def test_a_disclaimer_too_long_for_two_lines_leaves_the_footer_with_a_warning_naming_short(tmp_path: Path) -> None:
    path = source(tmp_path, {"text": DISCLAIMER_400})
    warning = check(path)
    assert f"{path}:" in warning and ": warning: " in warning and "`short:`" in warning, warning
    data, _ = render_pdf(load_article(path), when=WHEN)
    for chars in footers(data):
        assert min(c["size"] for c in chars) >= THEME.footer_size - 0.01
        assert "emergency" not in "".join(c["text"] for c in chars)
    reader = PdfReader(io.BytesIO(data))
    last = " ".join(reader.pages[-1].extract_text().split())
    assert "call 911 right away in an emergency" in last, "the box keeps it"


def test_with_short_the_footer_has_no_warning(tmp_path: Path) -> None:
    path = source(tmp_path, {"text": DISCLAIMER_400, "short": "General education only; not medical advice."})
    assert "for the page footer" not in check(path), "only the deck's advice on the long test section may warn"


def test_the_clinic_phone_dials_and_its_website_opens(brand_dir: Path) -> None:
    brand = Brand(clinic="Riverside Family Practice", phone="(555) 010-0199 ext. 2", website="riverside.example")
    assert contact_links(brand) == (
        ("(555) 010-0199 ext. 2", "tel:5550100199;ext=2"),
        ("riverside.example", "https://riverside.example"),
    )
    data, _ = render_pdf(load_article(FIXTURES / "minimal.yaml"), brand=brand, when=WHEN)
    uris = {
        annotation.get_object()["/A"]["/URI"]
        for page in PdfReader(io.BytesIO(data)).pages
        for annotation in page.get("/Annots", [])
    }
    assert {"tel:5550100199;ext=2", "https://riverside.example"} <= uris


def test_warning_callouts_are_bookmarks_at_least_as_large_as_headings() -> None:
    article = load_article(FIXTURES / "long-english.yaml")
    data, _ = render_pdf(article, when=WHEN)
    reader = PdfReader(io.BytesIO(data))

    def titles(outline: list[object]) -> list[str]:
        return [t for entry in outline for t in (titles(entry) if isinstance(entry, list) else [entry.title])]

    assert "When to call your doctor" in titles(reader.outline)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        sizes = {round(c["size"], 1) for page in pdf.pages for c in page.chars if c["text"] in "When"}
    assert THEME.heading_size in sizes


def test_the_footer_warning_is_documented(tmp_path: Path) -> None:
    """docs/errors.md shows the warning as the build prints it (for the 309-character example there)."""
    doc = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    doc["disclaimer"] = {"text": DISCLAIMER_400[:309].rsplit(" ", 1)[0]}
    path = tmp_path / "topic.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False, width=10**6), encoding="utf-8")
    warning = check(path).strip()
    message = warning.split(": warning: ", 1)[1].split(" (", 1)[0]
    errors = (Path(__file__).resolve().parents[1] / "docs" / "errors.md").read_text(encoding="utf-8")
    assert f"warning: {message} (" in errors and "`short:` form of the disclaimer" in errors
