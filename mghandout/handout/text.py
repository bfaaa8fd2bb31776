"""Text blocks of the handout: headings, paragraphs, the references, and labelled items (terms, FAQ)."""

from __future__ import annotations

from html import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from mghandout.handout import longtext
from mghandout.handout.breaking import BAND_LINES, Breakable, cut_row, start_height
from mghandout.handout.fonts import markup
from mghandout.handout.layout import Heading, Labelled, Links, Text
from mghandout.handout.shaping import start_rule, start_side
from mghandout.handout.styles import BULLET, Styles, column, table_style, text
from mghandout.handout.theme import HandoutTheme
from mghandout.links import URL


class OutlineHeading(Paragraph):
    """A heading that becomes a bookmark in the PDF's outline."""

    def __init__(self, text: str, style: ParagraphStyle, outline: bool) -> None:
        super().__init__(markup(text, bold=True), style)
        self.plain, self.outline = text, outline


def heading(item: Heading, styles: Styles) -> list[Flowable]:
    return [OutlineHeading(item.text, styles.heading if item.level == 1 else styles.subheading, item.outline)]


def paragraph(item: Text, styles: Styles, theme: HandoutTheme, width: float, page: float) -> list[Flowable]:
    """A paragraph; the summary (the lead) set larger in a tinted panel, so "In brief" holds only it and the
    introduction after it reads as the article's start. A summary taller than half a page is cut between
    lines into rows of the panel, so the panel goes on overleaf instead of stopping the build; the pieces are
    one paragraph to a screen reader."""
    if not item.lead:
        return longtext.paragraphs(item.text, styles.body, text)  # longtext.py: linear time in the text's length
    room = column(theme, width)
    lead = Paragraph(text(item.text), styles.lead)
    bands = cut_row([lead], [room - 22], page / 2, BAND_LINES * styles.lead.leading)
    for band in bands[1:]:
        band[0].continues = True
    panel = Table([list(band) for band in bands], colWidths=[room], hAlign=start_side())
    panel.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(theme.tint)),
                (start_rule(), (0, 0), (0, -1), 4, colors.HexColor(theme.accent)),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
            ]
        )
    )
    return [panel, Spacer(1, theme.gap * 1.5)]


def links(item: Links, styles: Styles, theme: HandoutTheme) -> list[Flowable]:
    """The references, each web address a link; broken only between references, two at least on each side,
    so the last one never stands alone over the disclaimer."""
    paragraphs = [Paragraph(text(words) + _address(url, theme), styles.body) for words, url in item.items]
    return [Breakable(lambda start, stop: paragraphs[start:stop], len(paragraphs), 2, theme.page_fill)]


def _address(url: str | None, theme: HandoutTheme) -> str:
    """A web address as a clickable, underlined link (its underline shows it, not colour alone); other text plain."""
    if not url:
        return ""
    if not URL.fullmatch(url):
        return " " + markup(url)
    return f' <a href="{escape(url)}" color="{theme.accent}"><u>{markup(url)}</u></a>'


def labelled(item: Labelled, styles: Styles, theme: HandoutTheme, width: float, page: float) -> list[Flowable]:
    """Terms as bullets with a bold label, or questions over their answers; key points are cards (`cards.py`)."""
    if item.stacked:
        return [flowable for label, words in item.items for flowable in _stacked(label, words, styles, width, page)]
    bullet = ParagraphStyle(
        "bullet", parent=styles.bullet, leftIndent=14, bulletIndent=2, rightIndent=styles.inset,
        spaceAfter=theme.gap * 0.75,
    )
    return [
        Paragraph(
            f'<font color="{theme.accent}">{text(label, bold=True)}</font>{text(": " + words)}',
            bullet,
            bulletText=BULLET,
        )
        for label, words in item.items
    ]


def _stacked(label: str, words: str, styles: Styles, width: float, page: float) -> list[Flowable]:
    """A question over its answer: the question kept with the answer's first lines, not with all of it,
    so a long answer goes on overleaf instead of leaving the page short."""
    question = Paragraph(text(label, bold=True), styles.question)
    answer = Paragraph(text(words), styles.body)
    return [CondPageBreak(start_height([question, answer], width, page)), question, answer]
