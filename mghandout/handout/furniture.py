"""Page furniture: the title block with the clinic, and the running footer on every page."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, Paragraph, Table

from mghandout.handout.fonts import markup, runs, text_width
from mghandout.handout.layout import Title
from mghandout.handout.shaping import draw_right_to_left, in_reading_order, right_to_left
from mghandout.handout.styles import Styles, linked, table_style
from mghandout.handout.theme import HandoutTheme
from mghandout.logo import Logo
from mghandout.model import Article

CLINIC_SHARE = 0.34
"""The share of the width beside the title that the clinic's logo, name, phone and website take."""


def title_block(item: Title, styles: Styles, theme: HandoutTheme, width: float, logo: Logo | None) -> list[Flowable]:
    """The title over a rule; with a brand, the clinic's logo, name, phone and website beside it.

    The phone dials when tapped and the website opens: both are links.
    """
    title = Paragraph(markup(item.text, bold=True), styles.title)
    if not item.clinic and logo is None:
        return [title, _rule(theme, width)]
    side: list[Flowable] = []
    if logo is not None:
        scale = min(0.55 * inch / logo.height, 1.6 * inch / logo.width)
        side.append(Image(io.BytesIO(logo.data), width=logo.width * scale, height=logo.height * scale, hAlign="RIGHT"))
    side += [
        Paragraph(linked(line, item.links, theme.accent, bold=index == 0), styles.clinic if index == 0 else styles.cell)
        for index, line in enumerate(item.clinic)
    ]
    table = Table([[title, side]], colWidths=[width * (1 - CLINIC_SHARE), width * CLINIC_SHARE])
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table, _rule(theme, width)]


def _rule(theme: HandoutTheme, width: float) -> Flowable:
    line = Table([[""]], colWidths=[width], rowHeights=[theme.gap])
    line.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 2, colors.HexColor(theme.accent))]))
    return line


FOOTER_LINES = 2
"""The most lines of disclaimer the running footer gives; a longer one leaves it (the box prints it whole)."""


def footer_room(words: str, theme: HandoutTheme | None = None) -> tuple[int, int]:
    """How many footer lines `words` take on the narrower paper, and about how many characters fit in
    the footer's lines (for the source check's warning)."""
    theme = theme or HandoutTheme()
    width = min(LETTER[0], A4[0]) - 2 * theme.margin_inch * inch
    lines = footer_lines(words, width, theme.footer_size)
    average = text_width(words, theme.footer_size, False) / max(len(words), 1)
    return len(lines), int(FOOTER_LINES * width / average * 0.95)


def footer_lines(words: str, width: float, size: float) -> list[str]:
    """The text cut at spaces into lines of `width` points at `size` (a word wider than a line is a line)."""
    lines: list[str] = []
    for word in words.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(joined, size, False) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines


class Footer:
    """Draws the running footer; the page total is known only once every page is laid out.

    The footer is never set under the theme's footer size (9 pt): the disclaimer's
    footer form takes one or two lines under the title and page number, and one too
    long for two lines leaves the footer (the source check warns, naming `short:`).
    """

    def __init__(self, article: Article, theme: HandoutTheme, left: float, right: float, base: float) -> None:
        self.article, self.theme = article, theme
        self.left, self.right, self.base = left, right, base
        lines = footer_lines(article.disclaimer.footer, right - left, theme.footer_size)
        self.disclaimer = lines if len(lines) <= FOOTER_LINES else []
        self.pages = 0

    @property
    def line(self) -> float:
        return 1.2 * self.theme.footer_size

    @property
    def height(self) -> float:
        """From the page's bottom margin to the footer's rule."""
        return (len(self.disclaimer) + 1) * self.line + 0.1 * self.theme.footer_size + 4

    def finish(self, canvas: Canvas, page: int, pages: int) -> None:
        theme, labels, size = self.theme, self.theme.labels, self.theme.footer_size
        left, right, base = self.left, self.right, self.base
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor(theme.rule))
        canvas.setLineWidth(0.6)
        canvas.line(left, base + self.height, right, base + self.height)
        canvas.setFillColor(colors.HexColor(theme.muted))
        # The lowest baseline stands a descender above the margin: nothing is printed within it.
        top = base + len(self.disclaimer) * self.line + 0.3 * size
        number = labels.page.format(page=page, pages=pages)
        first, last = in_reading_order([self.article.short_title, number])
        _draw(canvas, first, left, top, size, True)
        _draw(canvas, last, right - text_width(last, size, True), top, size, True)
        for index, words in enumerate(self.disclaimer):
            start = right - text_width(words, size, False) if right_to_left() else left
            _draw(canvas, words, start, top - (index + 1) * self.line, size, False)
        canvas.restoreState()


def _draw(canvas: Canvas, words: str, x: float, y: float, size: float, bold: bool) -> None:
    """Draw one line in the handout's fonts.

    Line breaks in the source become spaces: drawString would print them as missing glyphs.
    """
    words = " ".join(words.split())
    if right_to_left():  # right-aligned where the left to right line would end, a little room for shaping
        return draw_right_to_left(canvas, words, x - size, y, size, bold, text_width(words, size, bold) + size)
    for name, chunk in runs(words, bold):
        canvas.setFont(name, size)
        canvas.drawString(x, y, chunk)
        x += canvas.stringWidth(chunk, name, size)

