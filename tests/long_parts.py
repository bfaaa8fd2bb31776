"""Sources with parts longer than any slide holds (issues 21 and 24): the deck tests build them in memory.

Every text is made of numbered sentences, so a test can find each one whole on a slide.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yaml"


def sentences(prefix: str, length: int) -> str:
    """About `length` characters of numbered sentences: "Cell 1 sentence 4 says what a clinic writes here." ..."""
    parts: list[str] = []
    while len(" ".join(parts)) < length:
        parts.append(f"{prefix} sentence {len(parts) + 1} says what a clinic writes in this part.")
    return " ".join(parts)


def long_parts() -> dict[str, Any]:
    """Issue 21's source: a table row of a 1,400-character cell beside cells of 500, a key point of 1,000 characters,
    a food group of 30 foods, a warning callout of 28 items and a paragraph, a disclaimer of 2,400 characters."""
    doc = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    doc["key_points"][0]["text"] = sentences("Point", 1000)
    doc["disclaimer"]["text"] = sentences("Disclaimer", 2400)
    row = [sentences("Tall", 1400), sentences("Beside", 500), sentences("Third", 500)]
    table = {"caption": "A comparison with one very tall row.", "header": ["What", "Low", "Healthy"],
             "rows": [["Short row", "One cell.", "Another cell."], row, ["Last row", "A cell.", "A cell."]]}
    foods = {"groups": [{"group": "Thirty foods", "items": [f"Food number {n}" for n in range(1, 31)]},
                        {"group": "Fruit", "items": ["Apples", "Pears"]}]}
    callout = {"kind": "warning", "title": "Get help right away",
               "text": sentences("Callout", 300) + " Call your clinic if you have any of these:",
               "items": [f"Sign number {n} that needs a call" for n in range(1, 29)]}
    doc["sections"][0]["blocks"] += [{"table": table}, {"foods": foods}, {"callout": callout}]
    return doc


def huge_sentences() -> dict[str, Any]:
    """Issue 24's source: a summary of one 600-word sentence, and a paragraph holding a 5,000-character web address."""
    doc = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    doc["summary"] = " ".join(f"word{n}" for n in range(600)) + "."
    address = "https://example.org/" + "a" * 4980
    doc["sections"][0]["blocks"] = [{"paragraph": f"See {address} for more."}]
    return doc
