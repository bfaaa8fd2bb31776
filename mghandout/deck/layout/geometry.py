"""One geometry for every content slide: the title box, the body box, and how tall text is in them."""

from __future__ import annotations

import math
from collections.abc import Iterable

from mghandout.deck.layout.slides import EPS, POINTS, Box, Bullet, Slide, joined
from mghandout.deck.measure import widest_word, wrap
from mghandout.deck.theme import DeckTheme


class Geometry:
    """Boxes and text heights for one slide size and theme: one title box and one body box for every content slide."""

    def __init__(self, theme: DeckTheme, width: float, height: float, titles: list[str], identity: bool = True,
                 content: Box | None = None) -> None:
        self.theme, self.width, self.height = theme, width, height
        self.identity = identity
        self.inner = width - 2 * theme.margin
        self.title_room = (self.inner - 2 * theme.inset) * POINTS
        need = max(len(wrap(title, theme.title_size, self.title_room, bold=True)) for title in titles)
        self.title_lines = min(need, theme.title_lines)
        while any(self._title_size(title) is None for title in titles):
            self.title_lines += 1
        lines = self.lines_height(self.title_lines, theme.title_size)
        self.title_box = Box(theme.margin, theme.title_top, self.inner, lines + 2.5 * theme.inset)
        top = self.title_box.y + self.title_box.h + theme.title_gap
        self.body = _within(Box(theme.margin, top, self.inner, height - theme.footer_height - theme.footer_gap - top),
                            content)

    def _title_size(self, title: str) -> float | None:
        """The largest size, in whole points down to the floor, at which `title` takes the deck's title lines.

        A size at which a word is wider than a line is passed over, but for the floor (the
        word then breaks: nothing smaller is allowed). None when no size takes the lines.
        """
        size = self.theme.title_size
        while size >= self.theme.title_floor - EPS:
            last = size - 1 < self.theme.title_floor - EPS
            if (len(wrap(title, size, self.title_room, bold=True)) <= self.title_lines
                    and (last or widest_word(title, size, bold=True) <= self.title_room)):
                return size
            size -= 1
        return None

    def title_breaks(self, title: str, size: float) -> tuple[str, ...]:
        """The title's lines when a line would end on a one-letter word ("... Magnesium: A" / "Comparison"): that
        word moved down to open the next line, where the next line still fits; else none (the title wraps as is)."""
        lines = wrap(title, size, self.title_room, bold=True)
        if not any(len(line.split()[-1]) == 1 for line in lines[:-1]):
            return ()
        moved = list(lines)
        for index in range(len(moved) - 1):
            *head, last = moved[index].split()
            if len(last) == 1 and head:
                following = f"{last} {moved[index + 1]}"
                if len(wrap(following, size, self.title_room, bold=True)) > 1:
                    return ()
                moved[index], moved[index + 1] = " ".join(head), following
        return tuple(moved)

    def title_size(self, title: str) -> float:
        size = self._title_size(title)
        assert size is not None
        return size

    def lines_height(self, lines: int, size: float) -> float:
        """Inches taken by `lines` lines at `size` points."""
        return lines * size * self.theme.line_spacing / POINTS

    def text_room(self) -> float:
        """Points of line width inside the body box (insets and the bullet's indent taken off)."""
        return (self.body.w - 2 * self.theme.inset - self.theme.bullet_indent) * POINTS

    def body_size(self, bullets: Iterable[Bullet], size: float) -> float:
        """`size`, or smaller down to the floor when a word (a long web address) is wider than a line."""
        widest = max((max(widest_word(b.label, 1, bold=True), widest_word(b.text, 1)) for b in bullets), default=0)
        return max(self.theme.body_floor, min(size, self.text_room() / widest if widest else math.inf))

    def bullet_height(self, bullet: Bullet, size: float) -> float:
        room = self.text_room()
        if bullet.stacked:
            lines = len(wrap(bullet.label, size, room, bold=True)) + len(wrap(bullet.text, size, room))
        else:
            lines = len(wrap(joined(bullet), size, room, bold=bool(bullet.label)))
        return self.lines_height(lines, size) + self.theme.paragraph_gap / POINTS

    def intro_height(self, text: str) -> float:
        """Inches a line or two of body text above a food grid or a table takes, with a gap (none without text);
        each line of `text` is a paragraph of its own (a table's caption under the sentences before it)."""
        if not text:
            return 0.0
        room = (self.body.w - 2 * self.theme.inset) * POINTS
        lines = sum(len(wrap(part, self.theme.body_size, room)) for part in text.split("\n"))
        return self.lines_height(lines, self.theme.body_size) + 3 * self.theme.inset

    def fits(self, bullets: list[Bullet], size: float) -> bool:
        used = sum(self.bullet_height(b, size) for b in bullets) + 2 * self.theme.inset
        return used <= self.body.h + EPS

    def slide(self, layout: str, title: str, notes: str, **content: object) -> Slide:
        """A content slide at the deck's one geometry."""
        return Slide(layout, title, self.title_box, self.title_size(title), notes, self.body,
                     **content)  # type: ignore[arg-type]


def _within(ours: Box, content: Box | None) -> Box:
    """Our body box, kept inside a template's content area (its body placeholder), which may leave room for art at the
    foot; an area less than half ours in either direction is taken for a mistake of the template and passed over."""
    if content is None:
        return ours
    left, top = max(ours.x, content.x), max(ours.y, content.y)
    right, bottom = min(ours.x + ours.w, content.x + content.w), min(ours.y + ours.h, content.y + content.h)
    if right - left < ours.w / 2 or bottom - top < ours.h / 2:
        return ours
    return Box(left, top, right - left, bottom - top)
