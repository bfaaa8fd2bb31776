"""The PowerPoint deck: `render_pptx(article, ...)` gives its bytes and slide count."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from mghandout.deferred import quick_imports
from mghandout.logo import LogoError
from mghandout.model import Article, Brand, article_labels

with quick_imports():
    from mghandout.deck.language import line_spacing
    from mghandout.deck.layout import Deck, deck_layout
    from mghandout.deck.template import TemplateError
    from mghandout.deck.theme import DeckTheme
    from mghandout.deck.writer import content_area, open_template, slide_size, write

__all__ = ["Deck", "DeckTheme", "LogoError", "TemplateError", "deck_layout", "render_pptx"]


def render_pptx(article: Article, *, template: Path | None = None, brand: Brand | None = None,
                brand_dir: Path | None = None, when: dt.datetime, theme: DeckTheme | None = None) -> tuple[bytes, int]:
    """The deck's .pptx bytes and slide count, laid out for the template's slide size; writes nothing."""
    theme = theme or DeckTheme()
    spacing = line_spacing(article.language, theme.line_spacing)
    theme = replace(theme, labels=article_labels(article), line_spacing=spacing)
    presentation = open_template(template)
    deck = deck_layout(article, theme, *slide_size(presentation), brand=brand, identity=template is None,
                       content=content_area(presentation, template))
    data = write(presentation, deck, article, deck.theme, brand=brand, brand_dir=brand_dir, when=when,
                 template=template)
    return data, len(deck.slides)
