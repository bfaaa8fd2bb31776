"""The deck's look as plain data: sizes (in points), geometry (in inches), colours and labels."""

from __future__ import annotations

from dataclasses import dataclass, field

from mghandout.labels import Labels


@dataclass(frozen=True)
class DeckTheme:
    """Every visual decision of the deck; the slide size comes from the template."""

    font: str = "Arial"
    cover_title_size: float = 40.0
    title_size: float = 34.0
    subtitle_size: float = 24.0
    body_size: float = 24.0
    cell_size: float = 18.0
    food_size: float = 22.0
    footer_size: float = 12.0
    line_spacing: float = 1.2
    paragraph_gap: float = 10.0
    margin: float = 0.6
    title_top: float = 0.3
    footer_height: float = 0.55
    inset: float = 0.1
    cell_margin: float = 0.08
    ink: str = "1F1F1F"
    accent: str = "0B5A6B"
    muted: str = "4A4A4A"
    header_fill: str = "CFE6EA"
    tint: str = "E4F1F3"
    labels: Labels = field(default_factory=Labels)
