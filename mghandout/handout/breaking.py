"""Where a block may break across pages: heights of flowables, and a run that breaks only between units.

Shared by every block that goes on overleaf (tables, the food grid, the references)
and by the keeps that hold a heading to the start of what it introduces.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table

KEPT_WITH_NEXT = ("heading", "subheading", "question")
"""Styles of paragraphs no room may part from what follows them."""


def height(flowable: Flowable, width: float) -> float:
    if isinstance(flowable, KeepTogether):
        return sum(height(inner, width) for inner in flowable._content)
    return flowable.wrap(width, 10_000)[1]


def stack_height(flowables: list[Flowable], width: float) -> float:
    """How much of a frame these take, their spacing included (over rather than under)."""
    return sum(height(f, width) + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)


def start_height(part: list[Flowable], width: float) -> float:
    """The least of a part that may start a page's last lines: three lines of text (after a question, the
    question too), a table's first row, or a block that never splits."""
    part = [flowable for flowable in part if not isinstance(flowable, CondPageBreak)]
    first = part[0]
    if isinstance(first, Paragraph) and first.style.name in KEPT_WITH_NEXT and len(part) > 1:
        return height(first, width) + first.style.spaceAfter + start_height(part[1:], width)
    if isinstance(first, Paragraph):
        return min(height(first, width), 3 * first.style.leading) + 2
    if isinstance(first, Table):
        first.wrap(width, 10_000)
        return first._rowHeights[0] + 2
    return height(first, width) + 2


class Breakable(Flowable):
    """A run of units (table rows, food-grid rows, references) that breaks only between units.

    Like reportlab's KeepTogether it asks for more room than any page has, so the frame
    always calls `split`, which decides: the whole run where it fits; else, when the
    space left is small enough that the page counts as full, the next page; else as
    many units as fit, with at least `least` on each side of the break. Pushing a block
    whole is what left pages a third empty. `build(start, stop)` gives the flowables of
    units start..stop, with what heads them (a caption where the run starts, a
    "(continued)" cue and the repeated header where it goes on). `lead` is the heading
    over the run, if any: it goes where the run starts, so the run's own choice to go
    overleaf takes its heading along instead of stranding it.
    """

    def __init__(
        self, build: Callable[[int, int], list[Flowable]], units: int, least: int, fill: float, start: int = 0
    ) -> None:
        super().__init__()
        self.build, self.units, self.least, self.fill, self.start = build, units, least, fill, start
        self.lead: list[Flowable] = []

    def _part(self, start: int, stop: int) -> list[Flowable]:
        return [*(self.lead if start == 0 else []), *self.build(start, stop)]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, 0xFFFFFF

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = frame is None or bool(frame._atTop)
        if self.start > 0 and not at_top:
            return []
        bound = self._bound(available_width, available_height)  # measure about a page, never the whole rest
        whole = self._part(self.start, self.units) if bound == self.units else None
        if whole is not None and stack_height(whole, available_width) <= available_height:
            return whole
        if not at_top and available_height < (1 - self.fill) * frame._height:
            return []
        stop = self._most(available_width, available_height, self.least, bound)
        if stop is None and at_top:
            stop = self._most(available_width, available_height, 1, bound)
        if stop is None:
            return (whole or self._part(self.start, self.units)) if at_top else []
        return [*self._part(self.start, stop), Breakable(self.build, self.units, self.least, self.fill, stop)]

    def _bound(self, width: float, height: float) -> int:
        """The first of start + 1, 2, 4, 8 ... units that does not fit `height` (the end when none fails).

        Measuring the whole rest of a run on every page it crosses made a 2,000-row table
        take 50 s; this measures about twice what the page holds.
        """
        step = 1
        while self.start + step < self.units:
            if stack_height(self._part(self.start, self.start + step), width) > height:
                return self.start + step
            step *= 2
        return self.units

    def _most(self, width: float, height: float, least: int, bound: int) -> int | None:
        """The most units that fit `height` leaving `least` on each side, by bisection below `bound` (heights only
        grow)."""
        low, high = self.start + least, min(self.units - least, bound)
        if low > high or stack_height(self._part(self.start, low), width) > height:
            return None
        while low < high:
            middle = (low + high + 1) // 2
            if stack_height(self._part(self.start, middle), width) <= height:
                low = middle
            else:
                high = middle - 1
        return low
