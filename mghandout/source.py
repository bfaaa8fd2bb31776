"""Reading a source file into the model (provisional: positions and full error reporting follow)."""

from __future__ import annotations

from pathlib import Path

import yaml

from mghandout.model import Article


def load_article(path: Path) -> Article:
    """Load and validate one article source."""
    return Article.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
