"""The handout's fonts: each text gets a face that has its letters, and only the fonts it needs are read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mghandout.handout.fonts import font_set, runs

MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yaml"


def _registered_after(code: str) -> list[str]:
    """The TrueType fonts registered after `code` runs in a fresh interpreter (registration lasts a process)."""
    script = (
        "import json\nfrom reportlab.pdfbase import pdfmetrics\nfrom mghandout.handout.fonts import runs\n"
        f"{code}\nprint(json.dumps(sorted(pdfmetrics.getRegisteredFontNames())))"
    )
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def test_an_english_handout_reads_only_atkinson_hyperlegible() -> None:
    code = (
        "import datetime as dt\nfrom mghandout.handout import render_pdf\nfrom mghandout.source import load_article\n"
        f"render_pdf(load_article(__import__('pathlib').Path({str(MINIMAL)!r})), when=dt.datetime(2026, 1, 1))"
    )
    assert _registered_after(code) == ["AtkinsonHyperlegible-400", "AtkinsonHyperlegible-700"]


def test_the_other_fonts_are_read_when_a_text_needs_them() -> None:
    assert _registered_after("runs('Nước uống')") == ["AtkinsonHyperlegible-400", "FiraSans-400"]
    assert _registered_after("runs('Done ✓', bold=True)") == [
        "AtkinsonHyperlegible-700", "FiraSans-700", "Inter", "NotoSans"
    ]


def test_each_run_is_set_in_the_first_font_that_has_its_letters() -> None:
    assert runs("Drink water") == [("AtkinsonHyperlegible-400", "Drink water")]
    assert runs("Nước uống") == [("FiraSans-400", "Nước uống")]
    assert runs("Done ✓", bold=True) == [("AtkinsonHyperlegible-700", "Done "), ("Inter", "✓")]
    assert font_set(True).primary == "AtkinsonHyperlegible-700"
