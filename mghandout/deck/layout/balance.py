"""Sharing a run of items (bullets, table rows, food groups) over slides: the fewest slides, shared evenly.

A slide's share is bounded by its height and, for text, by a word cap; within those the
heaviest slide is made as light, and the lightest as heavy, as can be, with item counts
alike to the eye (3 + 2, not 4 + 1).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from itertools import accumulate

from mghandout.deck.layout.slides import EPS


BALANCE = 0.4
"""The lightest slide of a run holds at least this share of the heaviest one's words, when the run allows it."""


_COUNTED = 2000
"""The most splits counted out one by one (about 16 items on 5 slides); a longer run is split by words alone."""


UNEVEN = 1.5
"""Item counts look even while the fullest slide holds at most this many times the emptiest's (3 + 2, not 2 + 1)."""


def cut(items: list, shares: list[int]) -> Iterator[list]:
    start = 0
    for share in shares:
        yield items[start:start + share]
        start += share


def shares(counts: list[int], heights: list[float], room: float, aim: float, most: float,
            first: float = 0.0) -> tuple[list[int], bool]:
    """How many items go on each slide, and whether that is even: the fewest slides at `aim` words each, shared evenly.

    An item alone may pass `aim` (it was cut to `most` before). Even means two things: by
    words, no slide under `BALANCE` of the heaviest; to the eye, item counts alike (2 + 2 + 2,
    not 1, 2, 1, 2). When the split at `aim` is not even both ways, fewer slides (still under
    `most`) are tried. Heights always bound a slide: `room`, less `first` on the first slide.
    """
    tall = [0.0, *accumulate(heights)]
    many = [0, *accumulate(counts)]

    def fits(cap: float) -> Callable[[int, int], bool]:
        return lambda i, j: j - i == 1 or (tall[j] - tall[i] <= room - (first if i == 0 else 0) + EPS
                                           and many[j] - many[i] <= cap)

    at_aim = _fewest(len(counts), fits(aim))
    splits = [_even_looking(many, slides, fits(aim if slides == at_aim else most))
              for slides in range(at_aim, _fewest(len(counts), fits(most)) - 1, -1)]
    best = min(range(len(splits)), key=lambda order: (not _balanced(many, splits[order]),
                                                      _uneven(splits[order]) > UNEVEN, order))
    return splits[best], any(_balanced(many, split) for split in splits)


def _even_looking(many: list[int], slides: int, fits: Callable[[int, int], bool]) -> list[int]:
    """On `slides` slides that each fit: a split balanced by words, then with item counts as alike as can be, then
    the heaviest slide as light and the lightest as heavy as can be.

    The splits are counted out when there are few enough (a section's bullets, a table's
    rows); past `_COUNTED` the split even by words alone is taken.
    """
    even = _even(many, slides, fits)
    count = len(many) - 1
    if math.comb(count - 1, slides - 1) > _COUNTED:
        return even
    return min([even, *_splits(count, slides, fits)],
               key=lambda split: (not _balanced(many, split), _uneven(split), _heaviest(many, split),
                                  -_lightest(many, split)))


def _splits(count: int, slides: int, fits: Callable[[int, int], bool], start: int = 0) -> Iterator[list[int]]:
    """Every way to put items `start`.. in order on `slides` slides that each fit (a shorter run fits too).

    Walked with a stack of its own: a run of hundreds of one-item slides passed Python's recursion limit.
    """
    def ends(begin: int, left: int) -> Iterator[int]:
        if left == 1:
            if fits(begin, count):
                yield count
            return
        for end in range(begin + 1, count - left + 2):
            if not fits(begin, end):
                return
            yield end

    chosen, pending = [start], [ends(start, slides)]
    while pending:
        end = next(pending[-1], None)
        if end is None:
            pending.pop()
            chosen.pop()
        elif len(pending) == slides:
            yield [after - before for before, after in zip(chosen, [*chosen[1:], end], strict=True)]
        else:
            chosen.append(end)
            pending.append(ends(end, slides - len(pending)))


def _loads(many: list[int], split: list[int]) -> list[int]:
    return [many[j] - many[i] for i, j in zip([0, *accumulate(split)], accumulate(split), strict=False)]


def _heaviest(many: list[int], split: list[int]) -> int:
    return max(_loads(many, split))


def _lightest(many: list[int], split: list[int]) -> int:
    return min(_loads(many, split))


def _uneven(split: list[int]) -> float:
    """How many times the fullest slide's items the emptiest slide's are: 1.0 is even to the eye."""
    return max(split) / min(split)


def _balanced(many: list[int], split: list[int]) -> bool:
    return _lightest(many, split) >= BALANCE * _heaviest(many, split)


def _fewest(count: int, fits: Callable[[int, int], bool]) -> int:
    """The fewest runs of consecutive items that each fit (greedy is optimal: a part of a run that fits fits)."""
    runs, start = 0, 0
    while start < count:
        end = start + 1
        while end < count and fits(start, end + 1):
            end += 1
        runs, start = runs + 1, end
    return runs


def _runs(count: int, slides: int, fits: Callable[[int, int], bool]) -> Callable[[int], Iterator[tuple[int, int]]]:
    """For `_even`: the ends j of the first k slides that can lead to a whole split, each with the first item a slide
    ending there can start at (a longer run does not fit either: the heights and words only add up).

    Without this, `_even` tried every pair of items for every slide count: a table of 2,000 rows took minutes.
    """
    before, after = [0] * (count + 1), [0] * (count + 1)  # the fewest slides for the items before j, and from j
    start = 0
    while start < count:
        end = start + 1
        while end < count and fits(start, end + 1):
            end += 1
        for j in range(start + 1, end + 1):
            before[j] = before[start] + 1
        start = end
    end = count
    while end > 0:
        start = end - 1
        while start > 0 and fits(start - 1, end):
            start -= 1
        for j in range(start, end):
            after[j] = after[end] + 1
        end = start
    earliest = [0] * (count + 1)  # the first item a run ending at j can start at
    for j in range(1, count + 1):
        first = j - 1
        while first > 0 and fits(first - 1, j):
            first -= 1
        earliest[j] = first

    backwards = [-needed for needed in after]  # `before` only grows with j and `after` only shrinks: each k's ends
                                                # are one stretch, found by bisection

    def runs(k: int) -> Iterator[tuple[int, int]]:
        for j in range(max(k, bisect_left(backwards, k - slides)), bisect_right(before, k)):
            yield j, max(earliest[j], k - 1)

    return runs


def _lightest_heaviest(many: list[int], slides: int, fits: Callable[[int, int], bool]) -> float:
    """The lightest the heaviest of `slides` slides can be: the least load at which runs that fit need no more than
    `slides` slides (greedy is optimal, and a split into fewer slides splits further), by bisection."""
    count = len(many) - 1

    def enough(most: float) -> bool:
        needed, start = 0, 0
        while start < count:
            end = start + 1
            while end < count and fits(start, end + 1) and many[end + 1] - many[start] <= most:
                end += 1
            needed, start = needed + 1, end
        return needed <= slides

    if slides > count or not enough(math.inf):
        return math.inf
    low, high = max(many[j + 1] - many[j] for j in range(count)), many[count] - many[0]
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if enough(middle) else (middle + 1, high)
    return low


def _even(many: list[int], slides: int, fits: Callable[[int, int], bool]) -> list[int]:
    """Items on `slides` slides, in order: the heaviest slide as light as can be, then the lightest as heavy.

    `many` holds the running word counts: the heaviest slide's least load found by bisection, then a dynamic
    programme over (slides, items) for the lightest, over runs no heavier than that.
    """
    count = len(many) - 1
    load = lambda i, j: many[j] - many[i]  # noqa: E731
    bound = _lightest_heaviest(many, slides, fits)
    runs = _runs(count, slides, lambda i, j: fits(i, j) and load(i, j) <= bound)
    lightest: list[dict[int, float]] = [{0: math.inf}] + [{} for _ in range(slides)]  # only the states reached
    back: list[dict[int, int]] = [{} for _ in range(slides + 1)]
    for k in range(1, slides + 1):
        for j, first in runs(k):
            best, start = -math.inf, 0
            for i in range(first, j):
                previous = lightest[k - 1].get(i)
                if previous is not None and load(i, j) <= bound and min(previous, load(i, j)) > best:
                    best, start = min(previous, load(i, j)), i
            if best > -math.inf:
                lightest[k][j], back[k][j] = best, start
    shares, j = [], count
    for k in range(slides, 0, -1):
        shares.append(j - back[k].get(j, 0))
        j = back[k].get(j, 0)
    return shares[::-1]
