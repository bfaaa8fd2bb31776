"""The handout made in time that grows with the article: a table of thousands of rows.

A table breaks between rows, page by page; each page once measured the whole rest of
the table (a 2,000-row table took 50 s).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from long_source import with_table
from pypdf import PdfReader
from timing import cpu_seconds

from mghandout.handout import render_pdf
from mghandout.model import Article

WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)



def _seconds(article: Article) -> float:
    return cpu_seconds(lambda: render_pdf(article, when=WHEN))


def test_a_long_table_is_set_in_linear_time() -> None:
    _seconds(with_table(10))
    small, large = _seconds(with_table(100)), _seconds(with_table(400))
    assert large < 6 * small, (small, large)


def test_every_row_of_a_long_table_is_printed_once(tmp_path: Path) -> None:
    data, pages = render_pdf(with_table(300), when=WHEN)
    (tmp_path / "x.pdf").write_bytes(data)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "x.pdf").pages) + " "
    assert pages > 5
    assert all(text.count(f" Food {n} {n} mg Eat it often ") == 1 for n in range(300))
