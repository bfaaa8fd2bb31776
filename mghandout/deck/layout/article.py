"""The whole deck in the article's order, laid out at the reference size and scaled to the slide in use."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import TypeVar

from mghandout.deck.layout.cover import title_slide
from mghandout.deck.layout.geometry import Geometry
from mghandout.deck.layout.sections import section_slides
from mghandout.deck.layout.slides import Box, Bullet, Deck, Slide
from mghandout.deck.layout.text_slides import continuing, text_slides
from mghandout.deck.measure import sentences
from mghandout.deck.slidetext import shown
from mghandout.deck.theme import REFERENCE_HEIGHT, REFERENCE_WIDTH, DeckTheme, slide_scale
from mghandout.model import Article, Brand, Callout, Paragraph, Section


_T = TypeVar("_T")


def deck_layout(article: Article, theme: DeckTheme, width: float = REFERENCE_WIDTH, height: float = REFERENCE_HEIGHT,
                brand: Brand | None = None, identity: bool = True, content: Box | None = None) -> Deck:
    """Lay the article out on slides of `width` x `height` inches, the theme scaled to that size.

    `identity`: the title slide gets the theme's band and rule (not on a user's template).
    `content`: where a user's template lets content go (its body placeholder, in inches);
    every body box, food card and table stays inside it, clear of art at the template's foot.
    """
    scale = slide_scale(width, height)
    geo = Geometry(theme, width / scale, height / scale, _titles(article, theme), identity,
                    _scaled(content, 1 / scale))
    slides = tuple(replace(slide, title_lines=geo.title_breaks(slide.title, slide.title_size))
                   if slide.layout != "title" else slide for slide in _slides(article, geo, brand))
    return Deck(width, height, article.short_title, theme.scaled(scale), _scaled(slides, scale))


def _scaled(value: _T, factor: float) -> _T:
    """Every length and type size of the laid-out slides times `factor`: all their floats are one or the other.

    The layout is decided at the reference size and scaled last, so a 10-inch 16:9 slide
    gets the very same decisions as a 13.333-inch one, not ones nudged by rounding. At the
    reference size (a factor of 1, which changes no float) the slides are kept as they are:
    rebuilding them was a tenth of the layout's time.
    """
    if factor == 1:
        return value
    if isinstance(value, float):
        return value * factor  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_scaled(item, factor) for item in value)  # type: ignore[return-value]
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _scaled(getattr(value, f.name), factor) for f in fields(value)})
    return value


def _slides(article: Article, geo: Geometry, brand: Brand | None) -> list[Slide]:
    """Every slide of the deck, in the article's order."""
    labels = geo.theme.labels
    slides: list[Slide] = [title_slide(article, geo, brand)]
    slides += text_slides(geo, labels.summary, [Bullet(s) for s in sentences(article.summary)])
    slides += text_slides(geo, article.short_title, [Bullet(paragraph) for paragraph in article.introduction])
    key_points = [Bullet(shown(p.text, p.slide), p.title, note=f"{p.title}: {p.text}") for p in article.key_points]
    slides += text_slides(geo, labels.key_points, key_points)
    for section in article.sections:
        slides += continuing(geo, section.title, section_slides(section, geo))
    if article.faq:
        faq = [Bullet(shown(q.answer), q.question, stacked=True, note=f"{q.question}\n{q.answer}") for q in article.faq]
        slides += text_slides(geo, labels.faq, faq)
    conclusion = Section(title=article.conclusion.title,
                         blocks=[Paragraph(paragraph=p) for p in article.conclusion.paragraphs])
    slides += continuing(geo, conclusion.title, section_slides(conclusion, geo))
    if article.references:
        refs = [Bullet(r.text + (f" {r.url}" if r.url else "")) for r in article.references]
        slides += text_slides(geo, labels.references, refs)
    slides += text_slides(geo, article.disclaimer.heading(labels), [Bullet(article.disclaimer.text, plain=True)])
    return slides


def _titles(article: Article, theme: DeckTheme) -> list[str]:
    """Every title a content slide may carry, each also as "... (continued)": they decide the one title box."""
    labels = theme.labels
    topics = [labels.summary, article.short_title, labels.key_points, labels.faq, labels.references,
              article.disclaimer.heading(labels), article.conclusion.title]
    for section in article.sections:
        topics.append(section.title)
        topics += [block.callout.title for block in section.blocks if isinstance(block, Callout)]
    return [title for topic in topics for title in (topic, labels.continued.format(title=topic))]
