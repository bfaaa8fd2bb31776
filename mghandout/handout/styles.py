"""The handout's paragraph and table styles and its text markup: one place for each typographic rule.

Every block module builds its flowables from these, so a size, a leading or a rule
about where a line may break is decided here once.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from mghandout.handout.fonts import font_set, markup
from mghandout.handout.theme import HandoutTheme

BULLET = "•"
NUMBER_BEFORE_WORD = re.compile(r"(?<![\w.,/])(\d+(?:[.,/]\d+)*)\s+(?=[^\W\d_])")
"""A number and the word after it ("1/2 cup", "(1 cup)", "250 ml"): a line break between them misleads."""


def text(source: str, bold: bool = False) -> str:
    """Paragraph markup for source text, each number held to its unit by a no-break space."""
    return markup(NUMBER_BEFORE_WORD.sub("\\1\u00a0", source), bold)


class Styles:
    """Paragraph styles derived from the theme, built once per handout."""

    def __init__(self, theme: HandoutTheme) -> None:
        regular, bold = font_set(False).primary, font_set(True).primary
        ink, accent = colors.HexColor(theme.ink), colors.HexColor(theme.accent)

        def style(name: str, size: float, font: str = regular, color: Any = ink, **more: Any) -> ParagraphStyle:
            more.setdefault("leading", size * 1.4)
            return ParagraphStyle(name, fontName=font, fontSize=size, textColor=color, alignment=TA_LEFT, **more)

        self.body = style("body", theme.body_size, leading=theme.leading, spaceAfter=theme.gap)
        self.lead = style("lead", theme.lead_size, leading=theme.lead_size * 1.3, spaceAfter=theme.gap)
        self.title = style("title", theme.title_size, bold, accent, leading=theme.title_size * 1.2)
        self.heading = style(
            "heading", theme.heading_size, bold, accent, spaceBefore=theme.gap * 1.1, spaceAfter=theme.gap * 0.6
        )
        self.subheading = style(
            "subheading", theme.subheading_size, bold, accent, spaceBefore=theme.gap, spaceAfter=theme.gap * 0.5
        )
        self.label = style("label", theme.body_size, bold, accent, keepWithNext=1, spaceAfter=1)
        self.question = style("question", theme.body_size, bold, accent, spaceAfter=1)
        self.item = style("item", theme.body_size, leading=theme.body_size * 1.25)
        # reportlab draws bullets in Helvetica unless told: that font would not be embedded.
        self.bullet = style("bullet", theme.body_size, leading=theme.body_size * 1.25, bulletFontName=bold,
                            bulletFontSize=theme.body_size, bulletColor=accent)
        self.cell = style("cell", theme.table_size, leading=theme.table_size * 1.15)
        self.cell_head = style("cell_head", theme.table_size, bold, leading=theme.table_size * 1.15)
        self.clinic = style("clinic", theme.small_size, bold, ink)
        self.cue = style("cue", theme.body_size, bold, accent, spaceAfter=theme.gap * 0.5)


def table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A table style whose default font is ours: reportlab sets Helvetica for every cell, even empty ones,
    and that font would be listed in the PDF without being embedded."""
    return TableStyle([("FONT", (0, 0), (-1, -1), font_set(False).primary, 10), *commands])
