"""Long test sources: the magnesium article made three times longer (the deck tests), and the minimal article
with a table of any number of rows (the linear-time tests of both outputs)."""

from __future__ import annotations

from pathlib import Path

from mghandout.model import Article, Foods, Table, TableData, TermList
from mghandout.source import load_article

MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yaml"


def tripled(article: Article) -> Article:
    """The long test source: every section's blocks, term list, food list, table and the FAQ three times longer."""

    def block(b: object) -> object:
        if isinstance(b, TermList):
            return b.model_copy(update={"terms": b.terms * 3})
        if isinstance(b, Foods):
            return b.model_copy(update={"foods": b.foods.model_copy(update={"groups": b.foods.groups * 3})})
        if isinstance(b, Table):
            return b.model_copy(update={"table": b.table.model_copy(update={"rows": b.table.rows * 3})})
        return b

    sections = [s.model_copy(update={"blocks": [block(b) for b in s.blocks] * 3}) for s in article.sections]
    return article.model_copy(
        update={"sections": sections, "faq": article.faq * 3, "key_points": article.key_points * 3}
    )


def with_table(rows: int) -> Article:
    """The minimal article whose one section is a three-column table of `rows` short rows."""
    article = load_article(MINIMAL)
    table = Table(table=TableData(header=["Food", "Magnesium", "Advice"],
                                  rows=[[f"Food {n}", f"{n} mg", "Eat it often"] for n in range(rows)]))
    section = article.sections[0].model_copy(update={"blocks": [table]})
    return article.model_copy(update={"sections": [section]})
