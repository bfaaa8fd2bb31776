"""A very long paragraph: every word printed, in time that grows with its length, not with its square."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

from pypdf import PdfReader
from timing import cpu_seconds
from topics import FIXTURES

from mghandout.handout import render_pdf
from mghandout.handout.longtext import PIECE, pieces
from mghandout.model import Article
from mghandout.source import load_article

WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
WORDS = ["magnesium", "muscle", "cramps", "happen", "when", "the", "body", "lacks", "minerals", "and", "nerves", "fire", "too", "often", "so", "eat", "greens"]


def _paragraph(size: int, seed: int = 1) -> str:
    chance = random.Random(seed)
    sentences: list[str] = []
    while sum(map(len, sentences)) + len(sentences) < size:
        sentences.append(" ".join(chance.choice(WORDS) for _ in range(chance.randint(8, 20))).capitalize() + ".")
    return " ".join(sentences)


def _article(paragraph: str) -> Article:
    article = load_article(FIXTURES / "minimal.yaml")
    section = article.sections[0]
    block = section.blocks[0].model_copy(update={"paragraph": paragraph})
    return article.model_copy(update={"sections": [section.model_copy(update={"blocks": [block]})]})


def test_pieces_keep_every_word_and_cut_at_sentence_ends() -> None:
    text = _paragraph(5 * PIECE)
    parts = pieces(text)
    assert len(parts) > 3 and " ".join(parts) == text
    assert all(part.endswith(".") and len(part) >= PIECE for part in parts[:-1])


def test_a_short_text_and_one_without_spaces_stay_whole() -> None:
    assert pieces("One sentence. Two.") == ["One sentence. Two."]
    assert pieces("x" * (3 * PIECE)) == ["x" * (3 * PIECE)]


def test_every_word_of_a_long_paragraph_is_printed(tmp_path: Path) -> None:
    text = _paragraph(4 * PIECE)
    data, _ = render_pdf(_article(text), when=WHEN)
    (tmp_path / "x.pdf").write_bytes(data)
    printed = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(tmp_path / "x.pdf").pages))
    assert text in re.sub(r" Minimal Page \d+ of \d+ This is not medical advice\.", "", printed)  # no footers


def _seconds(size: int) -> float:
    article = _article(_paragraph(size))
    return cpu_seconds(lambda: render_pdf(article, when=WHEN))


def test_time_grows_linearly_with_one_paragraph() -> None:
    """Before: 100,000 characters 0.7 s, 200,000 4.6 s, 400,000 41 s (the whole paragraph broken on every page)."""
    _seconds(5_000)  # fonts and imports loaded
    small, large = _seconds(40_000), _seconds(160_000)
    assert large < 6 * small, (small, large)
