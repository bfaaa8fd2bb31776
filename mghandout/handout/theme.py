"""The handout's look as plain data: colours, type sizes, spacing and fixed labels.

Kept apart from the writer so a clinic's restyle, or a test of contrast, reads one
object. Colours are chosen to stay legible when printed in grayscale: every text
colour is dark and every background light (a test computes the ratios).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from mghandout.labels import Labels


@dataclass(frozen=True)
class HandoutTheme:
    """Every visual decision of the handout."""

    ink: str = "#1A1A1A"
    accent: str = "#0B5A6B"
    muted: str = "#4A4A4A"
    paper: str = "#FFFFFF"
    tint: str = "#E4F1F3"
    header_fill: str = "#CFE6EA"
    rule: str = "#7FA9B2"
    disclaimer_fill: str = "#FFF4DA"
    disclaimer_rule: str = "#8A6D1F"
    warning_fill: str = "#FDECEA"
    warning_rule: str = "#A3231A"
    tip_fill: str = "#E4F1F3"
    body_size: float = 12.0
    """The floor for every text a patient reads; the short measure and open leading make it read easily
    (13 pt in the same measure took a page more of every handout)."""
    line_spacing: float = 1.4
    """Leading as a multiple of the type size: at least 1.35 for every text a patient reads (the
    WeasyPrint peer sets 1.5; reportlab's default is 1.2)."""
    lead_size: float = 13.0
    small_size: float = 12.0
    table_size: float = 12.0
    footer_size: float = 9.0
    """The running footer is the only text under 12 pt: a patient reads everything else."""
    title_size: float = 24.0
    heading_size: float = 18.0
    """Clearly larger than the body; a warning callout's title is set at this size too."""
    subheading_size: float = 14.5
    margin_inch: float = 0.5
    """The margin on every side: what every office printer prints."""
    measure_inch: float = 5.45
    """The width of running text (paragraphs, headings, lists, callouts, the disclaimer), from the left
    margin: about 70 characters of body text to a line (patient-material guides ask for 45 to 75),
    where the full width of Letter held 95 or more. Tables, key points and the food grid take the
    page's whole width: their columns are narrower than this already."""
    gap: float = 8.0
    page_fill: float = 0.8
    """A block that does not fit goes overleaf whole only if the page it leaves is this full; else it breaks."""
    icon_size: float = 22.0
    notes_lines: int = 3
    notes_most_lines: int = 12
    notes_line_height: float = 26.0
    one_column: bool = False
    """Key points, food groups and callouts as single-column lists (the large-print edition)."""
    labels: Labels = field(default_factory=Labels)

    def text_pairs(self) -> list[tuple[str, str, str]]:
        """Every (where, text colour, background) the handout prints, for contrast checks."""
        return [
            ("body", self.ink, self.paper),
            ("headings", self.accent, self.paper),
            ("footer", self.muted, self.paper),
            ("key points", self.ink, self.tint),
            ("key point titles", self.accent, self.tint),
            ("table header", self.ink, self.header_fill),
            ("food groups", self.accent, self.tint),
            ("disclaimer", self.ink, self.disclaimer_fill),
            ("warning callout", self.ink, self.warning_fill),
            ("warning callout title", self.warning_rule, self.warning_fill),
            ("tip callout", self.ink, self.tip_fill),
            ("tip callout title", self.accent, self.tip_fill),
            ("links", self.accent, self.paper),
        ]


LARGE_PRINT_SIZE = 18.0
"""The large-print edition's body size: the American Printing House for the Blind and the RNIB ask for 16 to 18 pt."""


def large_print(theme: HandoutTheme) -> HandoutTheme:
    """The same handout for a patient with low vision: every patient-read word at 18 pt or more, in one column.

    Every size grows by the same factor, so headings stay as much larger than the body
    as in the standard edition; the footer, the one text under body size there, is at
    least 14 pt here. Spacing grows with the type, so pages do not look cramped.
    """
    scale = LARGE_PRINT_SIZE / theme.body_size
    return replace(
        theme,
        body_size=LARGE_PRINT_SIZE,
        measure_inch=theme.measure_inch * scale,
        lead_size=theme.lead_size * scale,
        small_size=max(theme.small_size * scale, LARGE_PRINT_SIZE),
        table_size=max(theme.table_size * scale, LARGE_PRINT_SIZE),
        footer_size=max(theme.footer_size * scale, 14.0),
        title_size=theme.title_size * scale,
        heading_size=theme.heading_size * scale,
        subheading_size=theme.subheading_size * scale,
        gap=theme.gap * scale,
        icon_size=theme.icon_size * scale,
        notes_line_height=theme.notes_line_height * scale,
        one_column=True,
    )
