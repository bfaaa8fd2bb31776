"""Document properties: whatever length the source's texts, the build writes them, shortened alike in both files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from pptx import Presentation
from pypdf import PdfReader

from mghandout.cli import main
from mghandout.metadata import ELLIPSIS, LIMIT, properties, shorten, shorten_tag
from mghandout.model import Brand
from mghandout.source import load_article

ROOT = Path(__file__).resolve().parents[1]
MAGNESIUM = ROOT / "source" / "magnesium-muscle-contractions.yaml"
MINIMAL = yaml.safe_load((ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8"))
LONG = " ".join(f"word{n}" for n in range(80))
"""479 characters of words, each distinct, so a cut shows exactly where it fell."""


def _build(tmp_path: Path, doc: dict) -> tuple[dict[str, str], dict[str, str]]:  # type: ignore[type-arg]
    """Check, then build `doc`; the PDF's Info and the deck's core properties."""
    source = tmp_path / "topic.yaml"
    source.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main([str(source), "--check"]) == 0
    assert main([str(source), "-o", str(tmp_path / "out")]) == 0
    info = PdfReader(tmp_path / "out" / "topic.pdf").metadata
    pdf = {key: str(info.get(f"/{key.title()}", "")) for key in ("title", "subject", "author", "keywords")}
    core = Presentation(io.BytesIO((tmp_path / "out" / "topic.pptx").read_bytes())).core_properties
    deck = {key: getattr(core, key) for key in ("title", "subject", "author", "keywords", "language")}
    return pdf, deck


def test_magnesium_summary_as_subject_is_shortened_in_both_files(tmp_path: Path) -> None:
    """The bundled source without its `subject:`: the 349-character summary stands in, cut at a word."""
    doc = yaml.safe_load(MAGNESIUM.read_text(encoding="utf-8"))
    del doc["subject"]
    assert len(doc["summary"]) > LIMIT
    pdf, deck = _build(tmp_path, doc)
    assert pdf["subject"] == deck["subject"]
    subject = deck["subject"]
    assert len(subject) <= LIMIT and subject.endswith(ELLIPSIS)
    kept = subject.removesuffix(ELLIPSIS)
    summary = " ".join(doc["summary"].split())
    assert summary.startswith(kept) and summary[len(kept)] in " ,.;:"
    assert len(kept) > LIMIT - 30, "cut far earlier than it had to"


@pytest.mark.parametrize("key", ["subject", "author"])
def test_a_long_text_property_builds_and_is_cut_at_a_word(tmp_path: Path, key: str) -> None:
    pdf, deck = _build(tmp_path, {**MINIMAL, key: LONG})
    assert pdf[key] == deck[key]
    assert len(deck[key]) <= LIMIT
    assert deck[key].endswith(ELLIPSIS)
    assert f"{deck[key].removesuffix(ELLIPSIS)} " in LONG


def test_a_title_at_its_limit_is_kept_whole(tmp_path: Path) -> None:
    """The title's own limit (200, mghandout/limits.py) is below the properties' 255: it is never cut."""
    title = LONG[:200].rstrip()
    pdf, deck = _build(tmp_path, {**MINIMAL, "title": title})
    assert pdf["title"] == deck["title"] == title


def test_long_keywords_build(tmp_path: Path) -> None:
    keywords = [f"keyword number {n}" for n in range(30)]
    pdf, deck = _build(tmp_path, {**MINIMAL, "keywords": keywords})
    assert pdf["keywords"] == deck["keywords"]
    assert len(deck["keywords"]) <= LIMIT and ", ".join(keywords).startswith(deck["keywords"].removesuffix(ELLIPSIS))


def test_a_long_clinic_name_is_shortened_as_the_author() -> None:
    article = load_article(ROOT / "tests" / "fixtures" / "minimal.yaml")
    clinic = Brand(clinic=LONG)
    assert properties(article, clinic).author == shorten(LONG)
    assert len(properties(article, clinic).author) <= LIMIT


def test_a_long_language_tag_keeps_whole_subtags(tmp_path: Path) -> None:
    tag = "en-US" + "-abcdefgh" * 40
    pdf, deck = _build(tmp_path, {**MINIMAL, "language": tag})
    assert len(deck["language"]) <= LIMIT
    assert tag.startswith(deck["language"] + "-")
    assert deck["language"].split("-")[-1] == "abcdefgh"


def test_short_texts_are_kept_as_typed_on_one_line() -> None:
    assert shorten("Magnesium and muscles") == "Magnesium and muscles"
    assert shorten("two\nlines  and   spaces ") == "two lines and spaces"
    exact = "x" * LIMIT
    assert shorten(exact) == exact


def test_one_character_past_the_limit_is_shortened() -> None:
    text = "a " * 127 + "bc"  # 256 characters
    assert len(text) == LIMIT + 1
    result = shorten(text)
    assert len(result) <= LIMIT and result.endswith("a" + ELLIPSIS)


def test_a_word_longer_than_the_limit_is_cut_inside_it() -> None:
    result = shorten("x" * 1000)
    assert result == "x" * (LIMIT - 1) + ELLIPSIS


def test_trailing_punctuation_is_not_left_before_the_ellipsis() -> None:
    text = "word, " * 60
    result = shorten(text)
    assert result.endswith("word" + ELLIPSIS)


def test_short_language_tags_are_untouched() -> None:
    assert shorten_tag("es-MX") == "es-MX"
    assert shorten_tag("x" * 300) == "x" * LIMIT
