"""The deck laid out in time that grows with the article: a table of thousands of rows, thousands of sections.

The layout shares a table's rows out over slides as evenly as can be; that search once
tried every pair of rows for every slide count (a table of 2,000 rows took seven minutes).
"""

from __future__ import annotations

import random
from dataclasses import replace
from itertools import accumulate

from long_source import with_table
from timing import cpu_seconds

from mghandout.deck import DeckTheme, deck_layout
from mghandout.deck.layout.balance import _even, _fewest, _heaviest, _lightest, _splits
from mghandout.model import Article, article_labels


def _seconds(article: Article) -> float:
    theme = replace(DeckTheme(), labels=article_labels(article))
    return cpu_seconds(lambda: deck_layout(article, theme))


def test_a_long_table_is_laid_out_in_linear_time() -> None:
    _seconds(with_table(10))
    small, large = _seconds(with_table(150)), _seconds(with_table(600))
    assert large < 6 * small, (small, large)


def test_the_even_split_is_the_best_of_every_split() -> None:
    """On small cases, against every split counted out: the heaviest slide as light, then the lightest as heavy."""
    chance = random.Random(7)
    for _ in range(300):
        count = chance.randint(1, 14)
        tall = [0.0, *accumulate(chance.uniform(0.2, 2.0) for _ in range(count))]
        many = [0, *accumulate(chance.randint(1, 30) for _ in range(count))]
        room, cap, first = chance.uniform(2, 8), chance.randint(20, 120), chance.choice([0.0, 1.5])

        def fits(i: int, j: int) -> bool:
            return j - i == 1 or (tall[j] - tall[i] <= room - (first if i == 0 else 0) and many[j] - many[i] <= cap)

        least = _fewest(count, fits)
        for slides in range(least, min(count, least + 2) + 1):
            every = list(_splits(count, slides, fits))
            best = min((_heaviest(many, split), -_lightest(many, split)) for split in every)
            split = _even(many, slides, fits)
            assert split in every and (_heaviest(many, split), -_lightest(many, split)) == best


def test_counting_out_the_splits_of_hundreds_of_slides_does_not_recurse() -> None:
    """A run of 2,000 items on 1,999 slides has 1,999 splits; counting them out once passed Python's recursion
    limit (found by tests/test_properties.py: internal error RecursionError)."""
    assert sum(1 for _ in _splits(2000, 1999, lambda i, j: True)) == 1999
