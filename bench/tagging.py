#!/usr/bin/env python3
"""What tagging (issue 15) costs per handout: render_pdf tagged and untagged, interleaved.

Run from the repository root:

    .venv/bin/python bench/tagging.py              # 15 rounds
    .venv/bin/python bench/tagging.py --rounds 31

Each round renders every topic (the bundled article and the test fixtures, Letter) once
tagged and once as before tagging (tests/untagged.py), in alternating order, after one
untimed warm-up round. Prints, per topic, the median CPU milliseconds of each (CPU time of
this process, so that other work on a shared machine does not blur a difference of a few
milliseconds), their difference, and the time spent in Tagger.finish ("finish"): making the
structure tree's objects in reportlab's document, and the fonts' objects a few milliseconds
before reportlab would make them as it saves (work an untagged build does too). Writing the
tree's objects out is part of reportlab's save, so it is in the difference, not in "finish".
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from untagged import untagged  # noqa: E402

from mghandout.handout import render_pdf, tagging  # noqa: E402
from mghandout.source import load_article  # noqa: E402

TOPICS = {
    "magnesium": ROOT / "source" / "magnesium-muscle-contractions.yaml",
    "long-english": ROOT / "tests" / "fixtures" / "long-english.yaml",
    "spanish": ROOT / "tests" / "fixtures" / "spanish.yaml",
    "world": ROOT / "tests" / "fixtures" / "world.yaml",
}
WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    articles = {topic: load_article(path) for topic, path in TOPICS.items()}
    finish = tagging.Tagger.finish
    spent: list[float] = []

    def timed_finish(self: tagging.Tagger, canvas: Canvas, *, title: str) -> None:
        start = time.process_time()
        try:
            finish(self, canvas, title=title)
        finally:
            spent.append(time.process_time() - start)

    tagging.Tagger.finish = timed_finish  # type: ignore[method-assign]
    times: dict[tuple[str, bool], list[float]] = {(topic, tagged): [] for topic in TOPICS for tagged in (True, False)}
    finishing: dict[str, list[float]] = {topic: [] for topic in TOPICS}
    for number in range(rounds + 1):
        for topic, article in articles.items():
            for tagged in (True, False) if number % 2 else (False, True):
                spent.clear()
                start = time.process_time()
                if tagged:
                    render_pdf(article, when=WHEN)
                else:
                    with untagged():
                        render_pdf(article, when=WHEN)
                if number:
                    times[topic, tagged].append(time.process_time() - start)
                    if tagged:
                        finishing[topic].append(sum(spent))
    print(f"{rounds} rounds, median CPU ms of this process (Python {sys.version.split()[0]})")
    print(f"{'topic':<14}{'untagged':>10}{'tagged':>10}{'cost':>8}{'finish':>8}")
    for topic in TOPICS:
        plain = statistics.median(times[topic, False]) * 1000
        tagged = statistics.median(times[topic, True]) * 1000
        tree = statistics.median(finishing[topic]) * 1000
        print(f"{topic:<14}{plain:>10.1f}{tagged:>10.1f}{tagged - plain:>8.1f}{tree:>8.1f}")


if __name__ == "__main__":
    main()
