"""Page furniture: the title block with the clinic, and the running footer on every page."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, Paragraph, Table

from mghandout.handout.fonts import markup, runs
from mghandout.handout.layout import Title
from mghandout.handout.styles import Styles, table_style
from mghandout.handout.theme import HandoutTheme
from mghandout.logo import Logo
from mghandout.model import Article


def title_block(item: Title, styles: Styles, theme: HandoutTheme, width: float, logo: Logo | None) -> list[Flowable]:
    """The title, beside the clinic's logo, name and contact when a brand is given, over a rule."""
    title = Paragraph(markup(item.text, bold=True), styles.title)
    if not item.clinic and logo is None:
        return [title, _rule(theme, width)]
    side: list[Flowable] = []
    if logo is not None:
        scale = min(0.55 * inch / logo.height, 1.6 * inch / logo.width)
        side.append(Image(io.BytesIO(logo.data), width=logo.width * scale, height=logo.height * scale, hAlign="RIGHT"))
    side += [
        Paragraph(markup(line, bold=index == 0), styles.clinic if index == 0 else styles.cell)
        for index, line in enumerate(item.clinic)
    ]
    table = Table([[title, side]], colWidths=[width * 0.72, width * 0.28])
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


class Footer:
    """Draws the running footer; the page total is known only once every page is laid out."""

    def __init__(self, article: Article, theme: HandoutTheme, margin: float) -> None:
        self.article, self.theme, self.margin = article, theme, margin
        self.pages = 0

    def finish(self, canvas: Canvas, page: int, pages: int) -> None:
        theme, labels = self.theme, self.theme.labels
        width, _ = canvas._pagesize
        left, right = self.margin, width - self.margin
        base = self.margin
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor(theme.rule))
        canvas.setLineWidth(0.6)
        canvas.line(left, base + 2.2 * theme.footer_size + 4, right, base + 2.2 * theme.footer_size + 4)
        canvas.setFillColor(colors.HexColor(theme.muted))
        _draw(canvas, self.article.short_title, left, base + 1.2 * theme.footer_size, theme.footer_size, True)
        number = labels.page.format(page=page, pages=pages)
        _draw(
            canvas,
            number,
            right - _width(number, theme.footer_size, True),
            base + 1.2 * theme.footer_size,
            theme.footer_size,
            True,
        )
        _draw(canvas, self.article.disclaimer.footer, left, base, theme.footer_size, False, right - left)
        canvas.restoreState()


def _draw(canvas: Canvas, words: str, x: float, y: float, size: float, bold: bool, room: float | None = None) -> None:
    """Draw one line in the handout's fonts, shrinking it only if it would not fit its room.

    Line breaks in the source become spaces: drawString would print them as missing glyphs.
    """
    words = " ".join(words.split())
    if room is not None:
        size = min(size, size * room / max(_width(words, size, bold), 1))
    for name, chunk in runs(words, bold):
        canvas.setFont(name, size)
        canvas.drawString(x, y, chunk)
        x += canvas.stringWidth(chunk, name, size)


def _width(words: str, size: float, bold: bool) -> float:
    return sum(stringWidth(chunk, name, size) for name, chunk in runs(words, bold))
