"""The printable PDF handout: `render_pdf(article, ...)` gives its bytes and page count."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from mghandout.deferred import quick_imports
from mghandout.handout.theme import HandoutTheme, large_print as large_print_theme
from mghandout.logo import LogoError
from mghandout.model import Article, Brand, article_labels

with quick_imports():
    from mghandout.handout.fonts import document
    from mghandout.handout.layout import handout_layout
    from mghandout.handout.pdf import render

__all__ = ["HandoutTheme", "LogoError", "handout_layout", "render_pdf"]


def render_pdf(
    article: Article,
    *,
    paper: str = "letter",
    brand: Brand | None = None,
    brand_dir: Path | None = None,
    when: dt.datetime,
    theme: HandoutTheme | None = None,
    large_print: bool = False,
) -> tuple[bytes, int]:
    """The handout's PDF bytes and page count (the large-print edition with `large_print`); writes nothing."""
    theme = replace(theme or HandoutTheme(), labels=article_labels(article))
    if large_print:
        theme = large_print_theme(theme)
    with document(article.language, article, theme.labels, brand):
        items = handout_layout(article, theme, brand)
        return render(article, theme, items, paper=paper, brand=brand, brand_dir=brand_dir, when=when)
