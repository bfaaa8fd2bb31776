"""`--check`'s advice on the deck: where a part takes more than two slides and a `slide:` text would help.

A slide shows every sentence of its part, so a long section or a long list of key points
becomes a run of "(continued)" slides. That is never wrong, but an educator may rather
present a shorter text: the editor can write one with `slide:` (the notes keep the full
text). The advice is a warning at the part's line; it never stops a build.
"""

from __future__ import annotations

from dataclasses import replace

from mghandout.deck.layout import deck_layout
from mghandout.deck.theme import DeckTheme
from mghandout.errors import Problem
from mghandout.model import Article, article_labels

MOST = 2
"""Text slides a part may take before the advice is given."""


def slide_advice(name: str, article: Article, starts: dict[str, tuple[int, int]]) -> list[Problem]:
    """A warning at each section or key-point list whose text takes more than `MOST` slides of the deck."""
    theme = replace(DeckTheme(), labels=article_labels(article))
    slides = deck_layout(article, theme).slides
    parts = [(theme.labels.key_points, article.key_points[0].title if article.key_points else None),
             *((section.title, section.title) for section in article.sections)]
    problems = []
    for title, anchor in parts:
        continued = theme.labels.continued.format(title=title)
        count = sum(slide.layout == "content" and slide.mark is None and slide.title in (title, continued)
                    for slide in slides)
        if count > MOST and anchor is not None and anchor in starts:
            line, column = starts[anchor]
            problems.append(Problem(
                name, f"{title!r} takes {count} text slides in the deck, each showing every sentence of the part",
                "to present less, give its paragraphs, terms or key points a 'slide:' text (the speaker notes keep "
                "the full text)", line, column, severity="warning"))
    return problems
