"""`--check`'s advice on the deck: where a part takes more than two slides and a `slide:` text would help.

A slide shows every sentence of its part, so a long section or a long list of key points
becomes a run of "(continued)" slides. That is never wrong, but an educator may rather
present a shorter text: the editor can write one with `slide:` (the notes keep the full
text). The advice is a warning at the part's line; it never stops a build.

It lays the deck out, which takes the deck's modules (python-pptx, Pillow for measuring):
only for an article with a part long enough to need it (`LONG`), so `--check` of an
everyday article stays as quick as it was.
"""

from __future__ import annotations

from mghandout.errors import Problem
from mghandout.model import Article, Paragraph, TermList, article_labels

MOST = 2
"""Text slides a part may take before the advice is given."""
LONG = 1500
"""Characters of slide text below which no part takes more than `MOST` slides (two 16:9 slides at 24 pt hold more)."""


def slide_advice(name: str, article: Article, starts: dict[str, tuple[int, int]]) -> list[Problem]:
    """A warning at each section or key-point list whose text takes more than `MOST` slides of the deck."""
    if max(_lengths(article), default=0) <= LONG:
        return []
    from dataclasses import replace

    from mghandout.deck.layout import deck_layout
    from mghandout.deck.theme import DeckTheme

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


def _lengths(article: Article) -> list[int]:
    """Characters of slide text of the key points and of each section's paragraphs and terms."""
    lengths = [sum(len(p.title) + len(p.slide or p.text) for p in article.key_points)]
    for section in article.sections:
        length = 0
        for block in section.blocks:
            if isinstance(block, Paragraph):
                length += len(block.slide or block.paragraph)
            elif isinstance(block, TermList):
                length += sum(len(t.term) + len(t.slide or t.text) for t in block.terms)
        lengths.append(length)
    return lengths
