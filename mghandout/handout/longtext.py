"""A very long paragraph set as a run of shorter ones, so the handout's time grows with its text, not its square.

reportlab breaks a whole paragraph into lines each time it tries it on a page (and
takes each word off the front of a list as it goes), so a paragraph of N words over
P pages costs N x P, plus N squared: 100,000 characters took 1 s, 400,000 took 40.
A text longer than `PIECE` characters is cut at sentence ends into pieces of about
that length, set as consecutive paragraphs with no space between them: it reads as
one paragraph whose line breaks after a sentence now and then, and every word stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

PIECE = 3000
"""Characters in a piece: about a third of a page of body text, far more than any paragraph an editor means."""
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])\s+(?=\S)")
_SPACE = re.compile(r"\s+")


def paragraphs(text: str, style: ParagraphStyle, markup: Callable[[str], str]) -> list[Paragraph]:
    """`text` as one Paragraph in `style`, or, when longer than `PIECE`, as pieces without space between them."""
    parts = pieces(text)
    return [Paragraph(markup(part), style if index == len(parts) - 1 else _joined(style))
            for index, part in enumerate(parts)]


def pieces(text: str, size: int = PIECE) -> list[str]:
    """`text` cut at sentence ends (else between words) into pieces of at least `size` characters, the last
    perhaps shorter; a text no longer than `size` is itself."""
    result = []
    start = 0
    while len(text) - start > size:
        cut = _SENTENCE_END.search(text, start + size, start + 2 * size) or _SPACE.search(text, start + size)
        if cut is None:
            break
        result.append(text[start:cut.start()])
        start = cut.end()
    result.append(text[start:])
    return result


@cache
def _joined(style: ParagraphStyle) -> ParagraphStyle:
    """`style` with no space after: the piece that follows continues the same paragraph."""
    return ParagraphStyle(f"{style.name}-continued", parent=style, spaceAfter=0)
