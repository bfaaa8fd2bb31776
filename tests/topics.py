"""The articles every output test builds, in one place, so a new fixture is tested everywhere at once."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = {
    "magnesium": ROOT / "source" / "magnesium-muscle-contractions.yaml",
    "world": FIXTURES / "world.yaml",
    "long-english": FIXTURES / "long-english.yaml",
    "spanish": FIXTURES / "spanish.yaml",
    "figures": FIXTURES / "figures.yaml",
}
"""The bundled article and the fixtures that exercise tables, food grids, callouts, pictures and other languages."""
LOGO = "riverside-logo.png"
"""The logo fixtures/brand.yaml names; drawn by the `brand_dir` fixture (tests/conftest.py)."""
