"""The handout drawn as it was before tagging, for the pixel comparison and bench/tagging.py."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from mghandout.handout import pdf
from mghandout.handout.layout import Item
from mghandout.handout.tagging import Tagger


class _Plain(Canvas):
    """reportlab's canvas, with the footer's artifact marking a no-op."""

    def artifact(self, kind: str) -> Any:
        return nullcontext()


class _NoTags(Tagger):
    """Hooks nothing and writes no structure tree."""

    def tag(self, item: Item, flowables: list[Any]) -> list[Any]:
        return flowables

    def finish(self, canvas: Any, *, title: str) -> None:
        return None


@contextmanager
def untagged() -> Iterator[None]:
    """Inside the `with`, `render_pdf` draws no marked content and writes no structure tree."""
    saved = pdf.TaggedCanvas, pdf.Tagger
    pdf.TaggedCanvas, pdf.Tagger = _Plain, _NoTags
    try:
        yield
    finally:
        pdf.TaggedCanvas, pdf.Tagger = saved
