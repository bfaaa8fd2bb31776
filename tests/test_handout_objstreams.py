"""The handout written with object streams (mghandout/handout/objstreams.py): its tags cost little room,
and every reader finds every object (the readers of the other handout tests, and qpdf here)."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from topics import SOURCES
from untagged import untagged

from mghandout.handout import pdf, render_pdf
from mghandout.handout.tagging import TaggedCanvas
from mghandout.source import load_article

WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
MOST_GROWTH = 1.3
"""A tagged handout is at most this many times the size of the same handout untagged (written plain,
its structure tree made it 1.8 to 2.2 times the size)."""


@pytest.mark.parametrize("topic", sorted(SOURCES))
def test_the_tags_cost_little_room(topic: str) -> None:
    article = load_article(SOURCES[topic])
    tagged, _ = render_pdf(article, when=WHEN)
    with untagged():
        plain, _ = render_pdf(article, when=WHEN)
    assert len(tagged) <= MOST_GROWTH * len(plain), (len(tagged), len(plain))


def test_the_structure_tree_is_packed_and_found(tmp_path: Path) -> None:
    """No structure element is written plain; qpdf checks the cross-reference stream and unpacks them all."""
    data, _ = render_pdf(load_article(SOURCES["magnesium"]), when=WHEN)
    assert b"/StructElem" not in data
    (tmp_path / "packed.pdf").write_bytes(data)
    subprocess.run(["qpdf", "--check", str(tmp_path / "packed.pdf")], check=True, capture_output=True)
    plain = tmp_path / "plain.pdf"
    subprocess.run(["qpdf", "--object-streams=disable", str(tmp_path / "packed.pdf"), str(plain)], check=True)
    assert plain.read_bytes().count(b"/StructElem") > 100


def test_an_encrypted_document_is_written_plain() -> None:
    """Strings are encrypted one by one as reportlab writes them, which an object stream would undo."""
    buffer = io.BytesIO()
    canvas = TaggedCanvas(buffer, encrypt="secret", initialFontName=pdf.font_set(False).primary)
    canvas.setFont(pdf.font_set(False).primary, 12)
    canvas.drawString(72, 720, "Magnesium")
    canvas.showPage()
    canvas.save()
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    assert reader.decrypt("secret")
    assert "Magnesium" in reader.pages[0].extract_text()
