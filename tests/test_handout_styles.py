"""The handout's type (issue 23): lines a patient reads easily, headings clearly larger, words broken only
at their hyphenation points, amounts kept on one line (mghandout/handout/styles.py).

Measured on the bundled article and the fixtures, Letter and A4, read back with pdfplumber: a "full"
line of body text starts at the text column's left edge and reaches past 85% of the column's width.
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
from pathlib import Path
from typing import Any

import pdfplumber
import pyphen
import pytest
from reportlab.lib.units import inch
from topics import SOURCES

from mghandout.handout import HandoutTheme, render_pdf
from mghandout.handout.styles import hyphenation, soft_hyphens, text
from mghandout.source import load_article

WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
THEME = HandoutTheme()
CASES = [(topic, paper) for topic in sorted(SOURCES) for paper in ("letter", "a4")]
MOST_CHARACTERS = 75
"""Patient-material guides (CDC Clear Communication, NIH, NHS) ask for 45 to 75 characters a line."""
LEAST_LEADING = 1.35


def lines_of(data: bytes) -> list[list[dict[str, Any]]]:
    """Each page's text lines (pdfplumber), each with its characters."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text_lines(return_chars=True) for page in pdf.pages]


def is_body(line: dict[str, Any]) -> bool:
    """Regular body text set in the text column (not a table cell, card, bullet or heading)."""
    chars = [c for c in line["chars"] if c["text"].strip()]
    return (
        bool(chars)
        and all(abs(c["size"] - THEME.body_size) < 0.05 and "Bold" not in c["fontname"] for c in chars)
        and abs(line["x0"] - THEME.margin_inch * inch) < 0.5
    )


@pytest.fixture(scope="module")
def handouts() -> dict[tuple[str, str], list[list[dict[str, Any]]]]:
    return {
        (topic, paper): lines_of(render_pdf(load_article(SOURCES[topic]), paper=paper, when=WHEN)[0])
        for topic, paper in CASES
    }


@pytest.mark.parametrize(("topic", "paper"), CASES)
def test_full_body_lines_hold_at_most_75_characters(handouts: Any, topic: str, paper: str) -> None:
    """Median full line 94 to 99 characters before issue 23 (12 pt across 7.5 in); about 70 now."""
    column = THEME.measure_inch * inch
    full = [
        len(line["text"])
        for page in handouts[topic, paper]
        for line in page
        if is_body(line) and line["x1"] - line["x0"] > 0.85 * column
    ]
    assert len(full) >= 10, "the measure found the body's full lines"
    assert 45 <= statistics.median(full) <= MOST_CHARACTERS, statistics.median(full)
    widest = max(line["x1"] - line["x0"] for page in handouts[topic, paper] for line in page if is_body(line))
    assert widest <= column + 1


@pytest.mark.parametrize(("topic", "paper"), CASES)
def test_body_leading_is_at_least_1_35(handouts: Any, topic: str, paper: str) -> None:
    """Baseline to baseline within a paragraph: 1.2 before issue 23, 1.4 now."""
    steps = []
    for page in handouts[topic, paper]:
        body = [line for line in page if is_body(line)]
        for above, below in zip(body, body[1:]):
            step = below["chars"][0]["top"] - above["chars"][0]["top"]
            if 0 < step < 1.8 * THEME.body_size:
                steps.append(step / THEME.body_size)
    assert len(steps) >= 5
    assert min(steps) >= LEAST_LEADING, min(steps)


@pytest.mark.parametrize(("topic", "paper"), CASES)
def test_headings_are_clearly_larger_than_the_body(handouts: Any, topic: str, paper: str) -> None:
    sizes = {round(c["size"], 1) for page in handouts[topic, paper] for line in page for c in line["chars"]}
    assert THEME.heading_size in sizes
    assert THEME.heading_size >= 1.4 * THEME.body_size and THEME.subheading_size >= 1.2 * THEME.body_size


def test_a_word_too_wide_for_its_box_breaks_only_at_its_hyphenation_points() -> None:
    """Soft hyphens go where pyphen's dictionary for the language puts them, only in words wider than the room."""
    softened = soft_hyphens("Low hypomagnesemia levels", 40, 12, "en_US")
    assert softened.startswith("Low ") and softened.endswith(" levels"), "short words are left alone"
    word = softened.split()[1]
    assert "\u00ad" in word
    assert word.replace("\u00ad", "-") == pyphen.Pyphen(lang="en_US").inserted("hypomagnesemia")
    assert soft_hyphens("hypomagnesemia", 500, 12, "en_US") == "hypomagnesemia", "a word that fits is whole"
    assert soft_hyphens("hypomagnesemia", 40, 12, "") == "hypomagnesemia", "no dictionary, no guess"


def test_amounts_and_extensions_stay_on_one_line() -> None:
    assert "3/4\u00a0cup" in text("Eat lentils (3/4 cup) daily")
    assert "ext.\u00a02" in text("Call the nurse line, ext. 2, after 5 pm")
    assert "No.\u00a05" in text("Form No. 5")


NARROW_TABLE = """
      - table:
          header: [Test, Result, Meaning, Next step, Who]
          rows:
            - [Hemoglobinopathy, Uncharacteristically, Gastroenterologist, Hypomagnesemia, Endocrinologist]
            - [Ferritin, Moderate, Examined, Months, Nurse]
"""


def test_table_cells_break_words_only_with_a_hyphen(tmp_path: Path) -> None:
    """Five narrow columns of long words: each line of a cell ends in a whole word or in a hyphenation point
    with its hyphen ("Mod|erate", "exam|ined" and "month|s" were seen before issue 23)."""
    minimal = (Path(__file__).parent / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "topic.yaml"
    path.write_text(minimal.replace("      - paragraph: One paragraph.\n", NARROW_TABLE), encoding="utf-8")
    words = set(NARROW_TABLE.replace("[", " ").replace("]", " ").replace(",", " ").split())
    points = pyphen.Pyphen(lang=hyphenation("en"))
    prefixes = {
        "".join(pieces[:k])
        for word in words
        for pieces in [points.inserted(word).split("-")]
        for k in range(1, len(pieces))
    }
    data, _ = render_pdf(load_article(path), when=WHEN)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        printed = [word["text"] for page in pdf.pages for word in page.extract_words()]
    cut = [word[:-1] for word in printed if word.endswith("-") and word[:-1] not in words]
    assert cut, "some long word was broken (the test's columns are narrow enough)"
    assert set(cut) <= prefixes, set(cut) - prefixes
    broken = [w for w in printed if w not in words and any(word.startswith(w) for word in words) and w not in prefixes]
    assert not broken, f"broken without a hyphen: {broken}"
