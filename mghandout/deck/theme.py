"""The deck's look as plain data: sizes (in points), geometry (in inches), colours and labels.

Every size and length is given for the reference slide, 13.333 x 7.5 in (PowerPoint's
16:9); `scaled` gives the same look for another slide size, so a 10-inch 16:9 template
gets the very same slides, only smaller.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from mghandout.labels import Labels

REFERENCE_WIDTH, REFERENCE_HEIGHT, REFERENCE_NARROW = 12192000 / 914400, 7.5, 10.0
"""Inches: PowerPoint's 16:9 slide; a slide this tall (and at least `REFERENCE_NARROW` wide) has the sizes below."""

_SCALED = (
    "cover_title_size", "title_size", "title_floor", "subtitle_size", "clinic_size", "body_size", "body_floor",
    "cell_size", "cell_floor", "food_size", "food_floor", "footer_size", "paragraph_gap",
    "margin", "title_top", "title_gap", "footer_height", "footer_gap", "inset", "cell_margin", "bullet_indent",
    "food_indent", "food_column", "food_gap", "band_width", "rule_width", "rule_height", "logo_width", "logo_height",
)


@dataclass(frozen=True)
class DeckTheme:
    """Every visual decision of the deck; the slide size comes from the template."""

    font: str = "Arial"
    cover_title_size: float = 40.0
    title_size: float = 34.0
    title_floor: float = 26.0
    """A title too long for the deck's title lines is set smaller, down to this."""
    subtitle_size: float = 24.0
    clinic_size: float = 20.0
    body_size: float = 24.0
    body_floor: float = 18.0
    cell_size: float = 18.0
    cell_floor: float = 14.0
    food_size: float = 22.0
    food_floor: float = 18.0
    footer_size: float = 12.0
    line_spacing: float = 1.2
    paragraph_gap: float = 10.0
    margin: float = 0.6
    title_top: float = 0.3
    title_gap: float = 0.15
    """Inches between the title box and the body."""
    title_lines: int = 2
    """Every content slide's title box holds this many lines (fewer when no title needs them)."""
    footer_height: float = 0.55
    footer_gap: float = 0.1
    inset: float = 0.1
    cell_margin: float = 0.05
    bullet_indent: float = 0.4
    food_indent: float = 0.25
    food_column: float = 2.2
    """The narrowest food column."""
    food_gap: float = 0.2
    band_width: float = 0.35
    """The title slide's band of accent colour down its left edge, to the footer."""
    rule_width: float = 1.8
    rule_height: float = 0.06
    logo_width: float = 2.0
    logo_height: float = 0.9
    ink: str = "1F1F1F"
    accent: str = "0B5A6B"
    muted: str = "4A4A4A"
    header_fill: str = "CFE6EA"
    tint: str = "E4F1F3"
    labels: Labels = field(default_factory=Labels)

    def scaled(self, factor: float) -> DeckTheme:
        """The same look with every size and length multiplied by `factor`."""
        return replace(self, **{name: getattr(self, name) * factor for name in _SCALED})


def slide_scale(width: float, height: float) -> float:
    """How much smaller than the reference the slide is: by its height, or its width when narrower than 4:3.

    A 4:3 slide 7.5 in tall fills a screen's height as the 16:9 one does, so it keeps
    the sizes; a 10 x 5.625 in 16:9 slide is the reference at three quarters.
    """
    return min(height / REFERENCE_HEIGHT, width / REFERENCE_NARROW)
