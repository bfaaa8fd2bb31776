"""Long parts flow across pages (issue 21, the handout half) and headings stay with what they introduce
(issue 23): mghandout/handout/breaking.py and the blocks that use it.

The long source is the one a clinic writes from our docs: a table row whose one cell holds about 1,400
characters beside cells of 500, a key point of 1,000, a food group of 30 items, a warning callout with 28
items and a paragraph, and a disclaimer of 2,400 characters. Built on Letter and A4, every word is in the
PDF's text, nothing is drawn outside the page's margins, and the file passes PDF/UA-1.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from typing import Any

import page as checker
import pdfplumber
import pytest
import yaml
from reportlab.lib.units import inch
from topics import SOURCES

from mghandout.handout import HandoutTheme, render_pdf
from mghandout.labels import BUILT_IN
from mghandout.model import Article
from mghandout.source import load_article

WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
THEME = HandoutTheme()
WORDS = (
    "iron blood body food cells doctor tired daily meals vitamin energy muscles heart breath skin lentils beans "
    "spinach oxygen tests stores absorbs weakness dizziness treatment pregnancy growth children adults care team "
    "nurse clinic results measure hemoglobin ferritin supplements"
).split()


def prose(length: int, start: int = 0) -> str:
    """Sentences of plain words, about `length` characters, different for each `start`."""
    words = itertools.islice(itertools.cycle(WORDS), start, None)
    sentences: list[str] = []
    while len(" ".join(sentences)) < length:
        sentence = " ".join(next(words) for _ in range(5 + len(sentences) % 6))
        sentences.append(sentence.capitalize() + ".")
    return " ".join(sentences)


THIRTY_FOODS = [f"{word.title()} {number} (3/4 cup)" for number, word in enumerate(WORDS[:30])]


def long_source() -> dict[str, Any]:
    return {
        "title": "Iron and your blood: a long clinic article",
        "short_title": "Iron and your blood",
        "date": "2026-01-02",
        "summary": prose(300, 1),
        "introduction": [prose(500, 2)],
        "key_points": [
            {"title": "A long key point", "text": prose(1000, 3)},
            {"title": "A short key point", "text": prose(120, 4)},
        ],
        "sections": [
            {
                "title": "What the tests show",
                "blocks": [
                    {"paragraph": prose(400, 5)},
                    {
                        "table": {
                            "caption": "How the tests compare.",
                            "header": ["Test", "What it measures", "What it means for you"],
                            "rows": [
                                ["Hemoglobin", prose(500, 6), prose(500, 7)],
                                ["Ferritin", prose(1400, 8), prose(500, 9)],
                                ["Iron panel", prose(300, 10), prose(250, 11)],
                                ["Transferrin", prose(200, 12), prose(260, 13)],
                                ["Vitamin C", prose(3000, 60), prose(300, 61)],
                            ],
                        }
                    },
                ],
            },
            {
                "title": "Foods that help",
                "blocks": [
                    {
                        "foods": {
                            "intro": "Try these foods each day:",
                            "groups": [
                                {"group": "Many foods", "items": THIRTY_FOODS},
                                {"group": "Fruit", "items": ["Apricots", "Raisins (1/4 cup)", "Prunes"]},
                                {"group": "Grains", "items": ["Oatmeal", "Fortified cereal"]},
                            ],
                        }
                    }
                ],
            },
            {
                "title": "When to get help",
                "blocks": [
                    {"paragraph": prose(300, 14)},
                    {
                        "callout": {
                            "kind": "warning",
                            "title": "Call your doctor right away",
                            "text": prose(400, 15),
                            "items": [prose(40 + 7 * (i % 10), 16 + i) for i in range(28)],
                        }
                    },
                    {"paragraph": prose(500, 50)},
                ],
            },
        ],
        "conclusion": {"title": "Putting it together", "paragraphs": [prose(500, 51)]},
        "disclaimer": {"text": prose(2400, 52)},
    }


def words_of(text: str) -> list[str]:
    """The words of a text as printed: a word hyphenated at a line end is joined again."""
    return text.replace("-\n", "").replace("\u00ad", "").split()


def in_order(text: str, printed: list[str]) -> bool:
    """Whether the text's words are printed in its order (other words, such as a cell beside it or a
    "(continued)" title over its part on the next page, may stand between them)."""
    remaining = iter(printed)
    return all(any(word == seen for seen in remaining) for word in text.split())


@pytest.fixture(scope="module")
def long_article(tmp_path_factory: pytest.TempPathFactory) -> Article:
    path = tmp_path_factory.mktemp("long") / "long.yaml"
    path.write_text(yaml.safe_dump(long_source(), sort_keys=False, width=10**6), encoding="utf-8")
    return load_article(path)


@pytest.fixture(scope="module", params=["letter", "a4"])
def long_pdf(request: pytest.FixtureRequest, long_article: Article) -> bytes:
    return render_pdf(long_article, paper=request.param, when=WHEN)[0]


def pages_text(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_every_word_of_the_long_source_is_printed(long_pdf: bytes) -> None:
    source = long_source()
    printed = words_of("\n".join(pages_text(long_pdf)))
    texts = [
        *(cell for section in source["sections"] for block in section["blocks"] if "table" in block
          for row in block["table"]["rows"] for cell in row),
        source["key_points"][0]["text"],
        source["disclaimer"]["text"],
        *(item for section in source["sections"] for block in section["blocks"] if "callout" in block
          for item in block["callout"]["items"]),
        *(item for section in source["sections"] for block in section["blocks"] if "foods" in block
          for group in block["foods"]["groups"] for item in group["items"]),
    ]
    lost = [t for t in texts if not in_order(t, printed)]
    assert not lost, lost[:3]


def test_nothing_is_drawn_outside_the_margins(long_pdf: bytes) -> None:
    edge = THEME.margin_inch * inch - 0.5
    with pdfplumber.open(io.BytesIO(long_pdf)) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                assert edge <= char["x0"] and char["x1"] <= page.width - edge, (page.page_number, char["text"])
                assert edge <= char["top"] and char["bottom"] <= page.height - edge, (page.page_number, char["text"])


def test_the_long_handout_passes_pdf_ua1(long_pdf: bytes) -> None:
    report = checker.validate_pdf_bytes(long_pdf, profile="ua1")
    assert report.is_compliant, [f"{failure.rule_id}: {failure.message}" for failure in report.failures[:10]]


def test_a_tall_row_goes_on_under_the_header_with_its_first_cell_continued(long_pdf: bytes) -> None:
    """The Vitamin C row is taller than a page: each page it goes on to opens with the table's "(continued)"
    cue and the repeated header, and its first cell reads "Vitamin C (continued)"."""
    with pdfplumber.open(io.BytesIO(long_pdf)) as pdf:
        parts = []
        for page in pdf.pages:
            text = page.extract_text() or ""
            if "What it measures" not in text:
                continue
            words = page.extract_words()
            measures = next(w for w in words if w["text"] == "measures")
            header = next(w for w in words if w["text"] == "What" and abs(w["top"] - measures["top"]) < 1)
            column = page.crop((0, header["bottom"], header["x0"] - 1, page.height))
            first_column = " ".join((column.extract_text() or "").split())
            parts.append((page.page_number, text, first_column))
    continued = [(number, text) for number, text, column in parts if "Vitamin C (continued)" in column]
    assert continued, [column[:40] for _, _, column in parts]
    for number, text in continued:
        assert text.startswith("What the tests show (continued)"), number
        assert text.index("What it measures") < text.index("Vitamin C"), number


def test_a_long_callout_and_the_disclaimer_go_on_under_their_title(long_pdf: bytes) -> None:
    text = "\n".join(pages_text(long_pdf))
    assert "Call your doctor right away (continued)" in text
    assert "Medical Disclaimer (continued)" in text
    pages = pages_text(long_pdf)
    foods = [n for n, page in enumerate(pages) if any(food in page for food in THIRTY_FOODS)]
    assert all("Many foods (continued)" in pages[n] for n in foods[1:]), "each page the group goes on to names it"


def test_the_notes_box_never_takes_a_page_alone(long_pdf: bytes) -> None:
    notes = BUILT_IN["en"].notes
    for text in pages_text(long_pdf):
        if notes in text:
            body = text.split("\n")
            assert len(body) > 4, "a page holding only the notes box"


CASES = [(topic, paper) for topic in sorted(SOURCES) for paper in ("letter", "a4")]


@pytest.mark.parametrize(("topic", "paper"), CASES)
def test_no_heading_stands_at_a_page_foot_without_three_lines_after_it(topic: str, paper: str) -> None:
    """A heading keeps at least three lines of what it heads (or the start of its table, grid or callout) on
    its page; the notes box never has a page to itself."""
    data, _ = render_pdf(load_article(SOURCES[topic]), paper=paper, when=WHEN)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [page.extract_text_lines(return_chars=True) for page in pdf.pages]
        heights = [float(page.height) for page in pdf.pages]
    for number, (lines, height) in enumerate(zip(pages, heights), start=1):
        body = [line for line in lines if line["bottom"] < height - THEME.margin_inch * inch - 40]
        headings = [i for i, line in enumerate(body) if line["chars"][0]["size"] >= THEME.subheading_size - 0.1]
        if number < len(pages) and headings:
            after = [line for line in body[headings[-1] + 1 :] if line["chars"][0]["size"] < THEME.subheading_size]
            assert len(after) >= 3, f"page {number}: {body[headings[-1]]['text']!r} has {len(after)} lines after it"
        texts = " ".join(line["text"] for line in body)
        assert texts.strip() != THEME.labels.notes, f"page {number} holds only the notes box"


class _AtTop:
    """A frame at the top of an empty page, as FlowingBox.split asks of it."""

    _atTop = 1
    _height = 600.0


def test_a_box_a_little_taller_than_its_parts_still_splits_at_the_top_of_a_page() -> None:
    """Found by the property test: a callout's own spacing (its title's space after) makes the box a few
    points taller than its parts add up to; with the page's room between the two, split placed nothing at
    the top of a page (LayoutError). It now fits less and goes on."""
    from mghandout.handout import callouts
    from mghandout.handout.breaking import FlowingBox, stack_height
    from mghandout.handout.layout import Alert
    from mghandout.handout.styles import Styles

    theme = HandoutTheme()
    words = ("Call us if the cramps do not stop. " * 40)[:1400]
    item = Alert("warning", "Call us", words, tuple(["Call us if you feel faint or your heart races."] * 12))
    [box] = [f for f in callouts.callout(item, Styles(theme, 540), theme, 540) if isinstance(f, FlowingBox)]
    head, _, content = box.parts
    whole = box.wrap(540, 10_000)[1]
    summed = box.frame(head, []).wrap(540, 10_000)[1] + stack_height(content, box.inner)
    assert summed < whole - 2, "the box draws its parts taller than they add up (the case to test)"
    box._frame = _AtTop()
    available = whole - 1
    parts = box.split(540, available)
    assert len(parts) == 2, "placed something and went on"
    assert parts[0].wrap(540, available)[1] <= available
