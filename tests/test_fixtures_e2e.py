"""Every article we have, built end to end: what `--check` accepts builds, and nothing of it goes missing.

For the magnesium source and every article under tests/fixtures, `--check` and the
build agree (a source the check accepts builds, exit 0, both files), and every sentence
of the source is read back from the handout (pdftotext) and from the deck's slides or
speaker notes (python-pptx). The handout's running footer is taken off each page first,
so a paragraph that breaks across a page is still one sentence.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from readback import FIXTURES, ROOT, deck_texts, pdf_pages, run, squash

from mghandout.model import Article, article_labels, iter_texts
from mghandout.source import load_article

SOURCES = [ROOT / "source" / "magnesium-muscle-contractions.yaml",
           *sorted(path for path in FIXTURES.glob("*.yaml") if path.name != "brand.yaml")]


def sentences(text: str) -> list[str]:
    """A text cut after each full stop, question or exclamation mark that a space follows."""
    return [piece for piece in re.split(r"(?<=[.!?])\s+", text.strip()) if piece]


def handout_text(article: Article, pages: list[str]) -> str:
    """The handout's text, squashed, less each page's running footer (short title, short disclaimer, page number)."""
    labels = article_labels(article)
    body = []
    for number, page in enumerate(pages, start=1):
        text = squash(page)
        footers = (article.short_title, article.disclaimer.footer, labels.page.format(page=number, pages=len(pages)))
        for footer in map(squash, footers):
            cut = text.rfind(footer)
            if cut >= 0:
                text = text[:cut] + text[cut + len(footer):]
        body.append(text)
    return "".join(body)


@pytest.fixture(scope="module", params=SOURCES, ids=lambda path: path.stem)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Article, Path, Path]:
    """One source checked, then built: (article, handout, deck)."""
    source: Path = request.param
    out = tmp_path_factory.mktemp(source.stem) / "out"
    check = run(str(source), "--check")
    assert check.returncode == 0, check.stderr
    result = run(str(source), "-o", str(out))
    assert result.returncode == 0, f"--check accepted {source.name} but the build failed:\n{result.stderr}"
    handout, deck = out / f"{source.stem}.pdf", out / f"{source.stem}.pptx"
    assert handout.stat().st_size > 0 and deck.stat().st_size > 0
    return load_article(source), handout, deck


def test_every_sentence_is_in_the_handout(built: tuple[Article, Path, Path]) -> None:
    article, handout, _ = built
    text = handout_text(article, pdf_pages(handout))
    missing = [s for piece in iter_texts(article) for s in sentences(piece) if squash(s) not in text]
    assert missing == []


def test_every_sentence_is_on_a_slide_or_in_its_notes(built: tuple[Article, Path, Path]) -> None:
    article, _, deck = built
    slides, notes = deck_texts(deck)
    places = [squash("".join(pieces)) for pieces in slides] + [squash(note) for note in notes]
    missing = [s for piece in iter_texts(article) for s in sentences(piece)
               if not any(squash(s) in place for place in places)]
    assert missing == []
