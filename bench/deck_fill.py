"""How full the deck's text slides are, per article: slides, text slides, body size and fill (medians).

Run from the repository root: `.venv/bin/python bench/deck_fill.py [SOURCE.yaml ...]` (default:
the bundled article and every fixture article). Printed for PowerPoint's 16:9 slide, a 10-inch
16:9 slide and a 4:3 slide, by the layout's own measure: the fill of a text slide is the height
its bullets take over the height of its body box. Issue 22's targets, on the 16:9 render: a
median fill of at least 45% at a median size of at least 26 pt (the render tests check the same
on LibreOffice's drawing). No file is written.
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import replace
from pathlib import Path

from mghandout.deck import DeckTheme, deck_layout
from mghandout.deck.layout.geometry import Geometry
from mghandout.deck.theme import REFERENCE_WIDTH, slide_scale
from mghandout.model import article_labels
from mghandout.source import load_article

SIZES = {"16:9": (REFERENCE_WIDTH, 7.5), "16:9 10 in": (10.0, 5.625), "4:3": (10.0, 7.5)}


def main(paths: list[Path]) -> None:
    print(f"{'article':32} {'slide':>10} {'slides':>6} {'text':>5} {'size':>5} {'fill':>5}")
    for path in paths:
        article = load_article(path)
        theme = replace(DeckTheme(), labels=article_labels(article))
        for name, size in SIZES.items():
            deck = deck_layout(article, theme, *size)
            scale = slide_scale(*size)
            text = [slide for slide in deck.slides if slide.layout == "content"]
            geo = Geometry(deck.theme, *size, [slide.title for slide in text])
            fills = [sum(geo.bullet_height(b, slide.body_size) for b in slide.bullets) / slide.body_box.h
                     for slide in text if slide.body_box is not None]
            body = statistics.median(slide.body_size / scale for slide in text)
            print(f"{path.stem[:32]:32} {name:>10} {len(deck.slides):6} {len(text):5} {body:5.0f} "
                  f"{statistics.median(fills):5.0%}")


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    default = [root / "source" / "magnesium-muscle-contractions.yaml",
               *(p for p in sorted((root / "tests" / "fixtures").glob("*.yaml")) if p.stem != "brand")]
    main([Path(arg) for arg in sys.argv[1:]] or default)
