"""The deck's word budget, per article: slides, text slides, words per text slide (median, max).

Run from the repository root: `.venv/bin/python bench/deck_words.py [SOURCE.yaml ...]` (default:
the bundled article and every fixture article). Printed for PowerPoint's 16:9 slide, a 10-inch
16:9 slide and a 4:3 slide; the issue's targets are a median of at most 40 words and no text slide
over 60 (food grids and tables are read by scanning and are not counted). No file is written.
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import replace
from pathlib import Path

from mghandout.deck import DeckTheme, deck_layout
from mghandout.deck.layout import body_words
from mghandout.deck.theme import REFERENCE_WIDTH
from mghandout.model import article_labels
from mghandout.source import load_article

SIZES = {"16:9": (REFERENCE_WIDTH, 7.5), "16:9 10 in": (10.0, 5.625), "4:3": (10.0, 7.5)}


def main(paths: list[Path]) -> None:
    print(f"{'article':32} {'slide':>10} {'slides':>6} {'text':>5} {'median':>6} {'max':>4} {'<=40/60':>7}")
    for path in paths:
        article = load_article(path)
        theme = replace(DeckTheme(), labels=article_labels(article))
        for name, size in SIZES.items():
            deck = deck_layout(article, theme, *size)
            counts = [body_words(slide) for slide in deck.slides if slide.layout == "content"]
            median, most = statistics.median(counts), max(counts)
            verdict = "met" if median <= 40 and most <= 60 else "NOT MET"
            print(f"{path.stem[:32]:32} {name:>10} {len(deck.slides):6} {len(counts):5} {median:6} {most:4} "
                  f"{verdict:>7}")


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    default = [root / "source" / "magnesium-muscle-contractions.yaml",
               *(p for p in sorted((root / "tests" / "fixtures").glob("*.yaml")) if p.stem != "brand")]
    main([Path(arg) for arg in sys.argv[1:]] or default)
