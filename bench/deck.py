"""How long the deck takes: `import mghandout.deck`, the first (cold) `render_pptx` in a fresh process,
a warm `render_pptx` (the same article again in that process) and the layout step alone, per fixture.

    .venv/bin/python bench/deck.py [--runs 5] [SOURCE ...]

Figures are CPU time (user+sys of this process, `time.process_time`), the minimum of `--runs`:
the machine is shared, so wall clock is noisy and the minimum is the cost without interference.
Import and cold figures come from fresh processes (one per run), so nothing is cached yet; warm
figures are the minimum over `--runs` calls after a first untimed one. Layout is `deck_layout`
alone, warm, with what `measure` and `slidetext` remember (widths, wraps, urgent sentences)
cleared before each call (the fonts stay loaded; so it is the layout's own work, as in a
build's first deck) and, separately ("again"), as a second call in that process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "source" / "magnesium-muscle-contractions.yaml",
           *sorted(p for p in (ROOT / "tests" / "fixtures").glob("*.yaml") if p.stem != "brand")]
WHEN = dt.datetime.fromtimestamp(1700000000, dt.timezone.utc)


def cold(source: Path) -> dict[str, float]:
    """In this fresh process: the import of mghandout.deck and the first render of `source` (ms of CPU)."""
    from mghandout.source import load_article

    article = load_article(source)
    start = time.process_time()
    from mghandout.deck import render_pptx

    imported = time.process_time()
    render_pptx(article, when=WHEN)
    done = time.process_time()
    return {"import": (imported - start) * 1000, "cold": (done - imported) * 1000}


def warm(source: Path, runs: int) -> dict[str, float]:
    """The warm render and the layout step of `source` (ms of CPU, minimum of `runs`)."""
    from mghandout.deck import DeckTheme, deck_layout, measure, render_pptx, slidetext
    from mghandout.deck.writer import content_area, open_template, slide_size
    from mghandout.model import article_labels
    from mghandout.source import load_article

    article = load_article(source)
    render_pptx(article, when=WHEN)
    figures: dict[str, list[float]] = {"warm": [], "layout": [], "layout again": []}
    for _ in range(runs):
        start = time.process_time()
        data, slides = render_pptx(article, when=WHEN)
        figures["warm"].append(time.process_time() - start)
    theme = replace(DeckTheme(), labels=article_labels(article))
    presentation = open_template(None)
    size, content = slide_size(presentation), content_area(presentation, None)
    for _ in range(runs):
        for remembered in [*vars(measure).values(), *vars(slidetext).values()]:
            if hasattr(remembered, "cache_clear") and remembered is not measure._font:
                remembered.cache_clear()
        start = time.process_time()
        deck_layout(article, theme, *size, brand=None, identity=True, content=content)
        middle = time.process_time()
        deck_layout(article, theme, *size, brand=None, identity=True, content=content)
        figures["layout"].append(middle - start)
        figures["layout again"].append(time.process_time() - middle)
    result = {name: min(values) * 1000 for name, values in figures.items()}
    result["slides"] = slides
    result["kB"] = len(data) / 1000
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path, default=SOURCES)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cold_child:
        print(json.dumps(cold(args.cold_child)))
        return
    print(f"{'source':32} {'slides':>6} {'kB':>6} {'import':>7} {'cold':>7} {'warm':>7} {'layout':>7} {'again':>7}"
          "   (ms CPU, min of %d)" % args.runs)
    for source in args.sources:
        children = [json.loads(subprocess.run([sys.executable, __file__, "--cold-child", str(source)], check=True,
                                              capture_output=True, text=True, cwd=ROOT).stdout)
                    for _ in range(args.runs)]
        first = {name: min(child[name] for child in children) for name in ("import", "cold")}
        hot = warm(source, args.runs)
        print(f"{source.stem[:32]:32} {hot['slides']:6.0f} {hot['kB']:6.1f} {first['import']:7.1f} "
              f"{first['cold']:7.1f} {hot['warm']:7.1f} {hot['layout']:7.1f} {hot['layout again']:7.1f}")


if __name__ == "__main__":
    main()
