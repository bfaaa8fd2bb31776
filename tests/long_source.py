"""The long test source of the deck tests: the magnesium article made three times longer."""

from __future__ import annotations

from mghandout.model import Article, Foods, Table, TermList


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
