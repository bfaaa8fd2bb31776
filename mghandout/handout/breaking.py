"""Where a block may break across pages: heights of flowables, and a run that breaks only between units.

Shared by every block that goes on overleaf (tables, the food grid, the references)
and by the keeps that hold a heading to the start of what it introduces.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table

TALL_ROW = 0.15
"""A table row taller than this share of a page is cut into bands that may go on overleaf ..."""
BAND_LINES = 2
"""... of this many lines each."""

KEPT_WITH_NEXT = ("heading", "subheading", "question")
DEFAULT_LEADING = 18.0
"""About one line of a table's text: a table whose rows split (the key points) starts a page with five."""
"""Styles of paragraphs no room may part from what follows them."""


UNBOUNDED = 0xFFFFFF
"""A height past any page's: a flowable offered it gives its natural height (the notes box its least)."""


def height(flowable: Flowable, width: float) -> float:
    if isinstance(flowable, KeepTogether):
        return sum(height(inner, width) for inner in flowable._content)
    return flowable.wrap(width, UNBOUNDED)[1]


def stack_height(flowables: list[Flowable], width: float) -> float:
    """How much of a frame these take, their spacing included (over rather than under)."""
    return sum(height(f, width) + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)


def start_height(part: list[Flowable], width: float, page: float) -> float:
    """The least of a part that may start a page's last lines: a paragraph's first three lines (all of it
    when a break would leave fewer than two lines on a side; after a question, the question too), a run's
    first units (and the room a run needs before it starts rather than goes overleaf), a table's first
    row, or a block that never splits. `page` is the frame's height."""
    part = [flowable for flowable in part if not isinstance(flowable, CondPageBreak)]
    first = part[0]
    if isinstance(first, Paragraph) and first.style.name in KEPT_WITH_NEXT and len(part) > 1:
        return height(first, width) + first.style.spaceAfter + start_height(part[1:], width, page)
    if isinstance(first, Paragraph):
        whole = height(first, width)
        lines = round(whole / first.style.leading)
        return (whole if lines <= 4 else 3 * first.style.leading) + 2
    if isinstance(first, Breakable):
        return max(first.start_height(width), (1 - first.fill) * page) + 2
    if isinstance(first, Table):
        first.wrap(width, UNBOUNDED)
        return min(first._rowHeights[0], 5 * DEFAULT_LEADING) + 2
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
    overleaf takes its heading along instead of stranding it. `natural` are the breaks
    to prefer (between food-grid rows rather than inside one) where the page still
    ends full enough; `reading` gives the run's flowables in reading order, where
    that is not the order of the rows (cards whose titles and texts are rows apart).
    """

    def __init__(
        self,
        build: Callable[[int, int], list[Flowable]],
        units: int,
        least: int,
        fill: float,
        start: int = 0,
        natural: frozenset[int] = frozenset(),
        reading: Callable[[], list[Flowable]] | None = None,
    ) -> None:
        super().__init__()
        self.build, self.units, self.least, self.fill, self.start = build, units, least, fill, start
        self.natural, self.reading = natural, reading
        self.lead: list[Flowable] = []

    def _part(self, start: int, stop: int) -> list[Flowable]:
        return [*(self.lead if start == 0 else []), *self.build(start, stop)]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, 0xFFFFFF

    def whole(self) -> list[Flowable]:
        """The run's flowables in reading order, for the structure tree (`tagging.py`): as `reading` gives
        them (key points card by card), else laid out in one part."""
        return self.reading() if self.reading else self.build(0, self.units)

    def start_height(self, width: float) -> float:
        """The room of the run's first units, what heads them included: the least it starts a page with."""
        return stack_height(self._part(self.start, min(self.start + self.least, self.units)), width)

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
        stop = self._natural(stop, available_width, available_height, frame)
        rest = Breakable(self.build, self.units, self.least, self.fill, stop, self.natural, self.reading)
        return [*self._part(self.start, stop), rest]

    def _natural(self, stop: int, width: float, height: float, frame: Any) -> int:
        """The last natural break before `stop` if the page still ends full enough there, else `stop`."""
        breaks = [point for point in self.natural if self.start + self.least <= point < stop]
        if not breaks or frame is None:
            return stop
        point = max(breaks)
        short = height - stack_height(self._part(self.start, point), width)
        return point if short <= (1 - self.fill) * frame._height else stop

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


class FlowingBox(Flowable):
    """A box (a callout, the disclaimer) kept whole on one page when it fits one, else continued overleaf.

    `frame(head, content)` draws the box as a table around its heading paragraph and
    content. The box goes overleaf whole when it fits a page; one taller than a page
    fills the room left and goes on, as many parts as it needs, each after the first
    headed by `again` (its title and "(continued)"). A paragraph is cut between lines
    (never leaving one alone on a side); `inner` is the content's width in the box.
    `outline` is the box's bookmark, on its first part only. Without `keep` the box
    starts where it stands even when it would fit a page (the disclaimer, too long to
    go overleaf with the notes box, leads into it instead). Nor does a box that fits a
    page go overleaf whole from a page it would leave less than `fill` full: it starts
    there and goes on, as a typesetter would rather than leave a fifth of a page blank
    (with large type, a box is a good part of a page).
    """

    def __init__(
        self,
        frame: Callable[[Flowable, list[Flowable]], Flowable],
        parts: tuple[Flowable, Flowable, list[Flowable]],
        inner: float,
        outline: str | None = None,
        keep: bool = True,
        fill: float = 0.8,
    ) -> None:
        super().__init__()
        self.frame, self.parts, self.inner, self.outline, self.keep = frame, parts, inner, outline, keep
        self.fill = fill
        self._box: Flowable | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        head, _, content = self.parts
        self._box = self.frame(head, content)
        self.hAlign = getattr(self._box, "hAlign", "LEFT")  # the frame places the box as the box asks
        return self._box.wrap(available_width, available_height)

    def draw(self) -> None:
        assert self._box is not None, "reportlab wraps a flowable before drawing it"
        self._box.drawOn(self.canv, 0, 0)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        head, again, content = self.parts
        frame = getattr(self, "_frame", None)
        at_top = frame is None or bool(frame._atTop)
        whole = self.wrap(available_width, available_height)[1]
        if whole <= available_height:
            return [self]
        full = frame is not None and available_height <= (1 - self.fill) * frame._height
        if self.keep and not at_top and frame is not None and whole <= frame._height and full:
            return []
        room = available_height - self.frame(head, []).wrap(available_width, available_height)[1]
        while room > 0:
            placed, rest = fit(content, self.inner, room)
            if not placed:
                return []
            if not rest:
                # The parts' heights add up to less than the box draws them (its own spacing): fit less.
                room -= max(whole - available_height, 1.0)
                continue
            first = FlowingBox(self.frame, (head, again, placed), self.inner, self.outline, self.keep, self.fill)
            over = first.wrap(available_width, available_height)[1] - available_height
            if over <= 0:
                return [first, FlowingBox(self.frame, (again, again, rest), self.inner, keep=self.keep, fill=self.fill)]
            # The box's own spacing of its content differs a little from the sum of the parts: fit again.
            room -= max(over, 1.0)
        return []


def fit(content: list[Flowable], width: float, room: float) -> tuple[list[Flowable], list[Flowable]]:
    """The flowables that fill `room` (the last one cut where it allows) and those left over."""
    placed: list[Flowable] = []
    for index, flowable in enumerate(content):
        need = stack_height([flowable], width)
        if need <= room:
            placed.append(flowable)
            room -= need
            continue
        pieces = flowable.split(width, room - flowable.getSpaceBefore()) if room > 0 else []
        if len(pieces) > 1:
            return [*placed, pieces[0]], [*pieces[1:], *content[index + 1 :]]
        return placed, content[index:]
    return placed, []


def cut_row(cells: list[Paragraph], inner: list[float], tall: float, band: float) -> list[list[Any]]:
    """A table row as one band, or, when taller than `tall`, as bands about `band` high, each cell (its
    paragraph `inner` wide) cut between lines: a tall row may then go on overleaf, nothing lost or clipped."""
    if max(cell.wrap(w, UNBOUNDED)[1] for cell, w in zip(cells, inner)) <= tall:
        return [list(cells)]
    for cell in cells:
        # Bands are cut at the same line in every cell, so they read as one row: no widow rule moves a line.
        cell.style = ParagraphStyle(cell.style.name, parent=cell.style, allowWidows=1, allowOrphans=1)
    result: list[list[Any]] = []
    left: list[Paragraph | None] = list(cells)
    while any(cell is not None for cell in left):
        line: list[Any] = []
        rest: list[Paragraph | None] = []
        for cell, w in zip(left, inner):
            pieces = cell.split(w, band) if cell is not None and cell.wrap(w, UNBOUNDED)[1] > band else []
            if len(pieces) > 1:
                line.append(pieces[0])
                rest.append(pieces[1])
            else:
                line.append(cell or "")
                rest.append(None)
        result.append(line)
        left = rest
    return result
