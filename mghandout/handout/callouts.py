"""Boxes the patient must not miss: callouts (an icon for their kind) and the medical disclaimer."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from mghandout.handout.breaking import FlowingBox

from mghandout.handout.layout import Alert, Boxed
from mghandout.handout.shaping import in_reading_order, start_side
from mghandout.handout.styles import BULLET, Styles, column, table_style, text
from mghandout.handout.theme import HandoutTheme


class Icon(Flowable):
    """A callout's kind as a drawn shape, not a font glyph: a triangle with "!" (warning) or a circled "i" (tip).

    The shape tells the kind apart in grayscale and without colour; `alt` is its name for screen readers.
    """

    def __init__(self, kind: str, size: float, colour: str, alt: str) -> None:
        super().__init__()
        self.kind, self.size, self.colour, self.alt = kind, size, colour, alt

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas, s = self.canv, self.size
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(self.colour))
        if self.kind == "warning":
            path = canvas.beginPath()
            path.moveTo(s / 2, s * 0.96)
            path.lineTo(s, s * 0.06)
            path.lineTo(0, s * 0.06)
            path.close()
            canvas.drawPath(path, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            canvas.roundRect(s * 0.44, s * 0.38, s * 0.12, s * 0.33, s * 0.05, stroke=0, fill=1)
            canvas.circle(s / 2, s * 0.23, s * 0.065, stroke=0, fill=1)
        else:
            canvas.circle(s / 2, s / 2, s / 2, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            canvas.circle(s / 2, s * 0.75, s * 0.075, stroke=0, fill=1)
            canvas.roundRect(s * 0.435, s * 0.17, s * 0.13, s * 0.42, s * 0.05, stroke=0, fill=1)
        canvas.restoreState()


def callout(item: Alert, styles: Styles, theme: HandoutTheme, width: float) -> list[Flowable]:
    """A callout: icon, title and words in a box whose border also tells the kind (thick solid for a warning,
    dashed for a tip), whole on one page when it fits one, else continued under its title and "(continued)".

    Urgent help must not be missed: a warning's title is as large as a section heading,
    and the box carries it as `outline` for the PDF's bookmarks (`pdf.py`).
    """
    warning = item.kind == "warning"
    ink, fill = (theme.warning_rule, theme.warning_fill) if warning else (theme.accent, theme.tip_fill)
    alt = theme.labels.warning if warning else theme.labels.tip
    title = ParagraphStyle(
        "callout_title", parent=styles.heading if warning else styles.subheading,
        textColor=colors.HexColor(ink), spaceBefore=0, rightIndent=0,
    )
    again = ParagraphStyle("cue", parent=title)
    content: list[Flowable] = [Paragraph(text(item.text), styles.item)] if item.text else []
    bullet = ParagraphStyle("callout_item", parent=styles.bullet, leftIndent=14, bulletIndent=2, spaceBefore=3)
    content += [Paragraph(text(words), bullet, bulletText=BULLET) for words in item.items]
    icon_room = theme.icon_size + 14
    width = min(width, column(theme, width) + icon_room)
    border = (3, colors.HexColor(ink)) if warning else (1.4, colors.HexColor(ink), None, (5, 3))
    style = table_style(
        [
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(fill)),
            ("BOX", (0, 0), (-1, -1), *border),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (0, 0), 10),
            ("LEFTPADDING", (1, 0), (1, 0), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 12),
            ("TOPPADDING", (0, 0), (-1, -1), 9),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 11),
        ]
    )

    def frame(head: Flowable, words: list[Flowable]) -> Flowable:
        icon = Icon(item.kind, theme.icon_size, ink, alt)
        box = Table([in_reading_order([icon, [head, *words]])],
                    colWidths=in_reading_order([icon_room, width - icon_room]), hAlign=start_side())
        box.setStyle(style)
        return box

    parts = (
        Paragraph(text(item.title, bold=True), title),
        Paragraph(text(theme.labels.continued.format(title=item.title), bold=True), again),
        content,
    )
    box = FlowingBox(frame, parts, width - icon_room - 16, item.title if warning else None, fill=theme.page_fill)
    return [box, Spacer(1, theme.gap)]


def disclaimer(item: Boxed, styles: Styles, theme: HandoutTheme, width: float) -> list[Flowable]:
    """The medical disclaimer in a titled, tinted box nobody can miss, continued overleaf if it is that long."""
    width = column(theme, width)
    style = table_style(
        [
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(theme.disclaimer_fill)),
            ("BOX", (0, 0), (-1, -1), 1.6, colors.HexColor(theme.disclaimer_rule)),
            ("LEFTPADDING", (0, 0), (-1, -1), 12),
            ("RIGHTPADDING", (0, 0), (-1, -1), 12),
            ("TOPPADDING", (0, 0), (-1, -1), 9),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 11),
        ]
    )

    def frame(head: Flowable, words: list[Flowable]) -> Flowable:
        box = Table([[[head, *words]]], colWidths=[width], hAlign=start_side())
        box.setStyle(style)
        return box

    parts = (
        Paragraph(text(item.title, bold=True), styles.label),
        Paragraph(
            text(theme.labels.continued.format(title=item.title), bold=True), ParagraphStyle("cue", parent=styles.label)
        ),
        [Paragraph(text(item.text), styles.item)],
    )
    return [Spacer(1, theme.gap), FlowingBox(frame, parts, width - 24)]
