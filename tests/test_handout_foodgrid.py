"""The food grid: a food as long as a paragraph flows across pages inside its card, nothing lost, still tagged."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import page
import pytest
import yaml

from mghandout.handout import render_pdf
from mghandout.source import load_article

FIXTURES = Path(__file__).parent / "fixtures"
WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
LONG_FOOD = ("Leafy greens such as spinach and kale " * 200)[:5000].strip()


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_a_food_taller_than_a_page_flows_whole(tmp_path: Path, paper: str) -> None:
    """Found by the property test: one 5,000-character food in a row of three groups stopped the build
    (a grid line is a food of each group, and one food was taller than a page)."""
    doc = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    groups = [{"group": "Greens", "items": ["Spinach", LONG_FOOD, "Kale"]},
              {"group": "Nuts", "items": ["Almonds"]}, {"group": "Beans", "items": ["Lentils", "Chickpeas"]}]
    doc["sections"][0]["blocks"].append({"foods": {"groups": groups}})
    source = tmp_path / "foods.yaml"
    source.write_text(yaml.safe_dump(doc, width=10**6), encoding="utf-8")
    data, pages = render_pdf(load_article(source), paper=paper, when=WHEN)
    assert pages > 2
    path = tmp_path / "foods.pdf"
    path.write_bytes(data)
    printed = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    others = ("Minimal", "Page ", "This is not medical advice.", "Greens (continued)", "Nuts", "• Almonds", "Beans",
              "• Lentils", "• Chickpeas")
    """The page furniture and the other groups' foods, which share the long food's grid lines on page 1."""
    body = [line for line in printed.splitlines() if not line.startswith(others)]
    assert "".join(LONG_FOOD.split()) in "".join("".join(body).split()), "the long food, whole and in order"
    for food in ("Spinach", "Kale", "Almonds", "Lentils", "Chickpeas"):
        assert food in printed
    report = page.validate_pdf_bytes(data, profile="ua1")
    assert report.is_compliant, [f"{failure.rule_id}: {failure.message}" for failure in report.failures[:5]]
