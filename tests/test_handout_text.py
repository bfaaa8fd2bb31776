"""Body text and the summary panel: a summary of any length flows across pages in its panel."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import page
import pytest
import yaml
from pypdf import PdfReader

from mghandout.handout import render_pdf
from mghandout.source import load_article

FIXTURES = Path(__file__).parent / "fixtures"
WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
SUMMARY = ("Low magnesium levels can disrupt the body's neuromuscular function. " * 80)[:5000].strip()


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_a_summary_longer_than_a_page_goes_on_in_its_panel(tmp_path: Path, paper: str) -> None:
    """Found by the property test: a 5,000-character summary stopped the build (its panel was one cell)."""
    doc = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    doc["summary"] = SUMMARY
    source = tmp_path / "summary.yaml"
    source.write_text(yaml.safe_dump(doc, width=10**6), encoding="utf-8")
    data, pages = render_pdf(load_article(source), paper=paper, when=WHEN)
    assert pages >= 2
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    body = re.sub(r"Minimal|This is not medical advice\.|Page \d+ of \d+", "", text)
    printed = "".join(body.split())
    assert printed.count("Lowmagnesiumlevelscandisrupt") == SUMMARY.count("Low magnesium levels can disrupt")
    report = page.validate_pdf_bytes(data, profile="ua1")
    assert report.is_compliant, [f"{failure.rule_id}: {failure.message}" for failure in report.failures[:5]]
