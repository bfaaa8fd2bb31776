"""The notes box: ruled lines for the care team to write on, and the clinic's contact."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from mghandout.handout.breaking import DEFAULT_LEADING, UNBOUNDED, FlowingBox, stack_height
from mghandout.handout.fonts import markup
from mghandout.handout.layout import Notes
from mghandout.handout.shaping import start_side
from mghandout.handout.styles import Styles, column, linked, table_style
from mghandout.handout.theme import HandoutTheme


class WriteIn(Flowable):
    """The notes box, grown to fill what is left of its page: room to write is its whole point.

    It keeps at least the theme's lines (three: moving to the next page, with the
    disclaimer before it, if they do not fit) and stops at `most`, so a box that lands
    on a fresh page does not fill all of it. Measured with no page's room (as a keep
    measures what it holds), it is its least.
    """

    def __init__(self, item: Notes, styles: Styles, theme: HandoutTheme, most: int) -> None:
        super().__init__()
        self.item, self.styles, self.theme, self.most = item, styles, theme, most
        self.table: Table | None = None

    def _table(self, lines: int, width: float) -> Table:
        item, theme = self.item, self.theme
        rows: list[list[Any]] = [[Paragraph(markup(item.label, bold=True), self.styles.label)]]
        rows += [[""] for _ in range(lines)]
        if item.contact:
            rows.append([Paragraph(linked(item.contact, item.links, theme.accent), self.styles.cell)])
        heights = [None] + [theme.notes_line_height] * lines + ([None] if item.contact else [])
        box = Table(rows, colWidths=[column(theme, width)], rowHeights=heights, hAlign=start_side())
        box.setStyle(
            table_style(
                [
                    ("BOX", (0, 0), (-1, -1), 1.2, colors.HexColor(theme.accent)),
                    ("LINEBELOW", (0, 1), (-1, lines), 0.5, colors.HexColor(theme.rule)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 12),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                    ("TOPPADDING", (0, 0), (-1, 0), 9),
                ]
            )
        )
        return box

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.table = self._table(self.item.lines, available_width)
        self.hAlign = self.table.hAlign  # the frame places the box as its table asks
        width, height = self.table.wrap(available_width, available_height)
        spare = int(max(0.0, available_height - height - 1) // self.theme.notes_line_height)
        if spare and available_height < UNBOUNDED / 2:
            self.table = self._table(min(self.most, self.item.lines + spare), available_width)
            width, height = self.table.wrap(available_width, available_height)
        return width, height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        assert self.table is not None, "reportlab wraps a flowable before drawing it"
        self.table.drawOn(self.canv, 0, 0)


class Closing(Flowable):
    """The disclaimer's box and the notes box after it, which never takes a page alone.

    Like `Breakable` it asks for more room than a page has, so the frame always calls
    `split`, which places both where both fit; else sends both overleaf when they fit a
    page together; else (a disclaimer too long for that) lets the disclaimer fill the
    room and go on, keeping enough of it (three lines) for the page the notes box is on.
    """

    LEAST_LINES = 3

    def __init__(self, box: FlowingBox, after: list[Flowable]) -> None:
        super().__init__()
        self.box, self.after = box, after
        self.box.keep = False

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, UNBOUNDED

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = frame is None or bool(frame._atTop)
        page = frame._height if frame is not None else available_height
        box = stack_height([self.box], available_width)
        if box + stack_height(self.after, available_width) <= available_height:
            return [self.box, *self.after]
        if box + stack_height(self.after, available_width) <= page:
            return [] if not at_top else [self.box, *self.after]
        keep = self.LEAST_LINES * DEFAULT_LEADING
        room = available_height if box > page else min(available_height, box - keep)
        parts = self.box.split(available_width, room)
        if len(parts) < 2:
            return [self.box, *self.after] if at_top else []
        return [parts[0], Closing(parts[1], self.after)]


def notes(item: Notes, styles: Styles, theme: HandoutTheme) -> list[Flowable]:
    return [Spacer(1, theme.gap), WriteIn(item, styles, theme, most=theme.notes_most_lines)]
