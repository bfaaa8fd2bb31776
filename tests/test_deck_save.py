"""deck/save.py: the package written as python-pptx writes it, each entry dated by the build.

The relationships of every part of a real deck (slides with links, notes, layouts, the
package's own) serialise to the bytes python-pptx's `_Relationships.xml` gives, and every
zip entry carries the build's date whatever the clock says.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from pptx import Presentation

from mghandout.deck import render_pptx
from mghandout.deck.save import rels_xml
from mghandout.source import load_article

ROOT = Path(__file__).resolve().parents[1]
WHEN = dt.datetime(2026, 11, 25, 9, 30, 12, tzinfo=dt.timezone.utc)


def test_relationships_are_python_pptx_s_bytes() -> None:
    data, _ = render_pptx(load_article(ROOT / "tests" / "fixtures" / "long-english.yaml"), when=WHEN)
    package = Presentation(io.BytesIO(data)).part.package
    holders = [package, *package.iter_parts()]
    external = [rel for holder in holders for rel in holder._rels.values() if rel.is_external]
    assert external, "the fixture's links give external relationships"
    for holder in holders:
        assert rels_xml(holder._rels) == holder._rels.xml


def test_every_entry_is_dated_by_the_build() -> None:
    data, _ = render_pptx(load_article(ROOT / "tests" / "fixtures" / "minimal.yaml"), when=WHEN)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {info.date_time for info in package.infolist()} == {(2026, 11, 25, 9, 30, 12)}
        assert {info.compress_type for info in package.infolist()} == {zipfile.ZIP_DEFLATED}
