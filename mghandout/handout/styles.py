"""The handout's paragraph and table styles and its text markup: one place for each typographic rule.

Every block module builds its flowables from these, so a size, a leading or a rule
about where a line may break is decided here once.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

import pyphen
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import TableStyle

from mghandout.handout.fonts import font_set, markup, text_width
from mghandout.handout.shaping import style_options
from mghandout.handout.theme import HandoutTheme

BULLET = "•"
NO_BREAK = "\u00a0"
NUMBER_BEFORE_WORD = re.compile(r"(?<![\w.,/])(\d+(?:[.,/]\d+)*)\s+(?=[^\W\d_])")
"""A number and the word after it ("1/2 cup", "(1 cup)", "250 ml"): a line break between them misleads."""
ABBREVIATION_BEFORE_NUMBER = re.compile(r"(?<![\w.])([^\W\d_]{1,4}\.)\s+(?=\d)")
"""A short abbreviation and the number after it ("ext. 2", "No. 5", "p. 12"): they are read as one."""


def text(source: str, bold: bool = False) -> str:
    """Paragraph markup for source text, each number held to its unit (and an abbreviation to its number)
    by a no-break space."""
    held = ABBREVIATION_BEFORE_NUMBER.sub("\\1\u00a0", NUMBER_BEFORE_WORD.sub("\\1\u00a0", source))
    return markup(held, bold)


def hyphenation(language: str) -> str:
    """The pyphen dictionary for an article's language ("pt-BR" gives "pt_BR"), or "" where there is none."""
    return pyphen.language_fallback(language.replace("-", "_")) or ""


WORD = re.compile(r"\S+")


def soft_hyphens(source: str, room: float, size: float, language: str, bold: bool = False) -> str:
    """The text with soft hyphens at the language's hyphenation points in each word wider than `room`
    points at `size`: such a word (in a narrow table cell or food card) breaks there, with a hyphen,
    instead of at whatever letter the line ends. Running text never needs it: its words fit its lines."""
    if not language:
        return source
    dictionary = pyphen.Pyphen(lang=language)

    def soften(match: re.Match[str]) -> str:
        word = match.group(0)
        wide = text_width(word, size, bold) > room
        return dictionary.inserted(word, hyphen="\u00ad") if wide else word

    return WORD.sub(soften, source)


class Styles:
    """Paragraph styles derived from the theme, built once per handout.

    Running text is set in the text column (`column`), the rest of the page's width
    left to it as a right indent; every text a patient reads is set at the theme's line
    spacing (1.4 times its size),
    and no paragraph leaves one line of itself alone at a page foot or head (no widows,
    no orphans). Headings and the title are set tighter: their lines belong together.
    """

    def __init__(self, theme: HandoutTheme, width: float, language: str = "en") -> None:
        regular, bold = font_set(False).primary, font_set(True).primary
        self.language = hyphenation(language)
        ink, accent = colors.HexColor(theme.ink), colors.HexColor(theme.accent)

        def style(name: str, size: float, font: str = regular, color: Any = ink, **more: Any) -> ParagraphStyle:
            more.setdefault("leading", size * theme.line_spacing)
            return ParagraphStyle(
                name, fontName=font, fontSize=size, textColor=color,
                **style_options(alignment=TA_LEFT, allowWidows=0, allowOrphans=0, **more),
            )

        body, gap = theme.body_size, theme.gap
        self.inset = width - column(theme, width)
        """What running text leaves at its right: the frame's width past the text column."""
        running = {"rightIndent": self.inset}
        self.body = style("body", body, spaceAfter=gap, **running)
        self.lead = style("lead", theme.lead_size, spaceAfter=gap)
        self.title = style("title", theme.title_size, bold, accent, leading=theme.title_size * 1.2)
        self.heading = style(
            "heading", theme.heading_size, bold, accent, leading=theme.heading_size * 1.2,
            spaceBefore=gap * 1.5, spaceAfter=gap * 0.6, **running,
        )
        self.subheading = style(
            "subheading", theme.subheading_size, bold, accent, leading=theme.subheading_size * 1.25,
            spaceBefore=gap * 1.2, spaceAfter=gap * 0.5, **running,
        )
        self.label = style("label", body, bold, accent, keepWithNext=1, spaceAfter=1)
        self.question = style("question", body, bold, accent, spaceAfter=1, **running)
        self.item = style("item", body)
        # reportlab draws bullets in Helvetica unless told: that font would not be embedded.
        self.bullet = style("bullet", body, bulletFontName=bold, bulletFontSize=body, bulletColor=accent)
        self.cell = style("cell", theme.table_size)
        self.cell_head = style("cell_head", theme.table_size, bold)
        self.clinic = style("clinic", theme.small_size, bold, ink)
        self.cue = style("cue", body, bold, accent, spaceAfter=gap * 0.5, **running)


def column(theme: HandoutTheme, width: float) -> float:
    """The width of running text in a frame `width` wide: the theme's measure, or the frame if narrower."""
    return min(width, theme.measure_inch * inch)


def fitted(source: str, style: ParagraphStyle, room: float, styles: Styles, bold: bool = False) -> str:
    """Markup for text in a box `room` points wide (a cell, a card): as `text`, its too-long words softened."""
    return text(soft_hyphens(source, room, style.fontSize, styles.language, bold), bold)


def table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A table style whose default font is ours: reportlab sets Helvetica for every cell, even empty ones,
    and that font would be listed in the PDF without being embedded."""
    return TableStyle([("FONT", (0, 0), (-1, -1), font_set(False).primary, 10), *commands])


def linked(words: str, links: tuple[tuple[str, str], ...], colour: str, bold: bool = False) -> str:
    """Paragraph markup for `words` with each linked part (a phone, a website) a link: underlined, not only coloured."""
    pieces = [(words, None)]
    for shown, target in links:
        cut: list[tuple[str, str | None]] = []
        for piece, href in pieces:
            if href is not None or shown not in piece:
                cut.append((piece, href))
                continue
            before, after = piece.split(shown, 1)
            cut += [(before, None), (shown, target), (after, None)]
        pieces = cut
    def link(piece: str, href: str) -> str:
        # A phone number or an address is one unit: it never breaks at its spaces.
        unit = markup(piece.replace(" ", NO_BREAK), bold)
        return f'<a href="{escape(href)}" color="{colour}"><u>{unit}</u></a>'

    return "".join(markup(piece, bold) if href is None else link(piece, href) for piece, href in pieces if piece)
