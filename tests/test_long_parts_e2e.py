"""Issue 21's promise, end to end: parts far longer than one page or slide are printed whole, never refused.

The source is made of the bundled article's own sentences (so no fact is invented)
at the sizes real clinic articles reach: a table row whose one cell is about 1,400
characters beside cells of 500, a key point of 1,000, a food group of 30 items, a
warning callout of 28 items after a paragraph, a disclaimer of 2,400 characters. Both
files are built on Letter and A4 through the command, then read back as a patient and
an educator would meet them: every word of every sentence in order, nothing outside the
page or the slide as LibreOffice lays it out, the handout still PDF/UA-1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import page
import pdfplumber
import pytest
import yaml
from readback import ROOT, deck_texts, pdf_pages, run, squash, words_in_order
from test_deck_render import convert, read_pages

ARTICLE = yaml.safe_load((ROOT / "source" / "magnesium-muscle-contractions.yaml").read_text(encoding="utf-8"))
MARGIN = 36.0
"""Half an inch: no office printer prints nearer the edge, so nothing of ours is there."""


def _sentences() -> list[str]:
    """Every sentence of the bundled article's paragraphs, in order."""
    texts = [block["paragraph"] for section in ARTICLE["sections"] for block in section["blocks"]
             if "paragraph" in block]
    return [sentence for text in texts for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split()))]


SENTENCES = _sentences()


def _prose(length: int, start: int = 0) -> str:
    """Whole sentences of the article from `start` on, until the text is about `length` characters."""
    chosen: list[str] = []
    index = start
    while sum(len(s) + 1 for s in chosen) < length:
        chosen.append(SENTENCES[index % len(SENTENCES)])
        index += 1
    return " ".join(chosen)


def _foods(count: int) -> list[str]:
    """`count` food items from the article's food list, numbered once they repeat."""
    names = [item for section in ARTICLE["sections"] for block in section["blocks"] if "foods" in block
             for group in block["foods"]["groups"] for item in group["items"]]
    return [name if index < len(names) else f"{name} ({index // len(names) + 1})" for index, name in
            enumerate(names * (count // len(names) + 1))][:count]


def long_parts() -> dict[str, Any]:
    """The article with its long parts: the issue's sizes, in the article's own words."""
    doc = yaml.safe_load((ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8"))
    doc["key_points"] = [{"title": "Magnesium's Role in Relaxation", "text": _prose(1000)}, *ARTICLE["key_points"][:2]]
    row = ["Muscle Function", _prose(1400, 3), _prose(500, 11)]
    table = {
        "header": ["Feature", "Low Magnesium State (Hypomagnesemia)", "Healthy Magnesium State"],
        "rows": [article_row(0), row, article_row(1), [_prose(60, 2), _prose(500, 15), _prose(500, 19)]],
    }
    foods = {"intro": "Here are some excellent dietary sources of magnesium:",
             "groups": [{"group": "Leafy Greens", "items": _foods(30)}, {"group": "Legumes", "items": _foods(4)}]}
    callout = {"kind": "warning", "title": "When to call your doctor", "text": _prose(300, 5),
               "items": [SENTENCES[(7 + n) % len(SENTENCES)] for n in range(28)]}
    doc["sections"] = [
        {"title": "A Comparison", "blocks": [{"paragraph": _prose(400, 1)}, {"table": table}]},
        {"title": "Foods", "blocks": [{"foods": foods}, {"paragraph": _prose(300, 9)}]},
        {"title": "When to Get Help", "blocks": [{"paragraph": _prose(200, 4)}, {"callout": callout}]},
    ]
    doc["disclaimer"] = {"text": _prose(2400, 20)}
    return doc


def article_row(index: int) -> list[str]:
    """A row of the bundled article's comparison table, word for word."""
    tables = [block["table"] for section in ARTICLE["sections"] for block in section["blocks"] if "table" in block]
    return [" ".join(cell.split()) for cell in tables[0]["rows"][index]]


def _texts(value: Any) -> list[str]:
    """Every text of the source a reader meets (a callout's `kind` is a setting, not a text)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, child in value.items() if key != "kind" for text in _texts(child)]
    return [text for child in value for text in _texts(child)] if isinstance(value, list) else []


@dataclass(frozen=True)
class Built:
    pdf: Path
    pptx: Path
    source: dict[str, Any]


@pytest.fixture(scope="module", params=["letter", "a4"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = tmp_path_factory.mktemp(f"long-{request.param}")
    doc = long_parts()
    source = folder / "long-parts.yaml"
    source.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    result = run(str(source), "-o", str(folder / "out"), "--paper", request.param)
    assert result.returncode == 0, result.stderr
    return Built(folder / "out" / "long-parts.pdf", folder / "out" / "long-parts.pptx", doc)


def test_the_source_has_the_issue_sizes() -> None:
    doc = long_parts()
    cells = [len(cell) for cell in doc["sections"][0]["blocks"][1]["table"]["rows"][1]]
    assert max(cells) >= 1400 and sorted(cells)[-2] >= 500
    assert len(doc["key_points"][0]["text"]) >= 1000
    assert len(doc["sections"][1]["blocks"][0]["foods"]["groups"][0]["items"]) == 30
    assert len(doc["sections"][2]["blocks"][1]["callout"]["items"]) == 28
    assert len(doc["disclaimer"]["text"]) >= 2400


def test_every_word_is_in_the_handout(built: Built) -> None:
    text = squash("".join(pdf_pages(built.pdf)))
    lost = [sentence for sentence in _texts(built.source) if not words_in_order(sentence, text)]
    assert not lost, lost[:3]


def test_every_word_is_on_a_slide(built: Built) -> None:
    slides, _ = deck_texts(built.pptx)
    text = squash("".join(piece for slide in slides for piece in slide))
    lost = [sentence for sentence in _texts(built.source) if not words_in_order(sentence, text)]
    assert not lost, lost[:3]


def test_nothing_is_outside_the_page_margins(built: Built) -> None:
    with pdfplumber.open(built.pdf) as document:
        for number, sheet in enumerate(document.pages, 1):
            outside = [c["text"] for c in sheet.chars if c["x0"] < MARGIN - 0.5 or c["x1"] > sheet.width - MARGIN + 0.5
                       or c["top"] < MARGIN - 0.5 or c["bottom"] > sheet.height - MARGIN + 0.5]
            assert not outside, (number, "".join(outside)[:60])


def test_patient_text_is_12_pt_and_the_footer_9(built: Built) -> None:
    with pdfplumber.open(built.pdf) as document:
        sizes = [round(c["size"], 1) for sheet in document.pages for c in sheet.chars if c["text"].strip()]
    assert min(sizes) >= 9
    assert sum(size < 12 for size in sizes) / len(sizes) < 0.1, "only the running footer is under 12 pt"


def test_the_handout_passes_pdf_ua1(built: Built) -> None:
    report = page.validate_pdf_bytes(built.pdf.read_bytes(), profile="ua1")
    assert report.is_compliant, [f"{failure.rule_id}: {failure.message}" for failure in report.failures[:10]]


def test_every_word_lands_on_its_slide(built: Built, tmp_path: Path) -> None:
    """LibreOffice lays the deck out: no word of any slide outside the slide."""
    for number, sheet in enumerate(read_pages(convert(built.pptx, tmp_path)), 1):
        outside = [w.text for w in sheet.words
                   if w.x0 < 0 or w.top < 0 or w.x1 > sheet.width or w.bottom > sheet.height]
        assert not outside, (number, outside[:5])
