"""The handout's flow as plain data: what is printed, in which order, grouped how.

This is the handout's one place of editorial decisions (what comes first, what is
kept together, how the food grid is arranged), made without reportlab so it can be
tested without a file. `pdf.py` and its block modules only turn these items into flowables.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from mghandout.handout.theme import HandoutTheme
from mghandout.model import Article, Brand, Callout, Foods, Paragraph, Table, TermList


@dataclass(frozen=True)
class Title:
    """The title block: the article's title and, when given, the clinic."""

    text: str
    clinic: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()
    """Words of the clinic's lines that are links, with their targets: the phone (`tel:`) and the website."""


@dataclass(frozen=True)
class Heading:
    """A section heading; `outline` makes it a PDF bookmark."""

    text: str
    level: int = 1
    outline: bool = True


@dataclass(frozen=True)
class Text:
    """A paragraph of body text; `lead` sets it larger, as the summary."""

    text: str
    lead: bool = False


@dataclass(frozen=True)
class Links:
    """The references: each text with its web address, which the PDF makes clickable.

    One item, so the writer can break it only between references and never leave the
    last one alone at the head of a page above the disclaimer.
    """

    items: tuple[tuple[str, str | None], ...]


@dataclass(frozen=True)
class Labelled:
    """Items with a bold label: key points, symptoms, questions and answers."""

    items: tuple[tuple[str, str], ...]
    boxed: bool = False
    stacked: bool = False
    columns: int = 2
    """Cards side by side, when boxed: one in the large-print edition."""


@dataclass(frozen=True)
class FoodGrid:
    """The food list as a grid of groups, each a heading over its foods."""

    intro: str | None
    groups: tuple[tuple[str, tuple[str, ...]], ...]
    columns: int
    """Balanced: 6 groups as 3 + 3, 7 as 4 + 3, never 5 + 1."""


@dataclass(frozen=True)
class Grid:
    """A full-width table whose header row repeats on every page it spans."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None
    widths: tuple[float, ...]
    continued: str
    """The cue over the part that goes on after a page break, in the article's language."""


@dataclass(frozen=True)
class Boxed:
    """The disclaimer: a titled box nobody can miss."""

    title: str
    text: str


@dataclass(frozen=True)
class Alert:
    """A callout: what the patient must act on, in a box with an icon for its kind, never split."""

    kind: str
    title: str
    text: str | None
    items: tuple[str, ...]


@dataclass(frozen=True)
class Notes:
    """The write-in box for the care team, with ruled lines and the clinic's contact."""

    label: str
    lines: int
    contact: str
    links: tuple[tuple[str, str], ...] = ()
    """As the title's: the phone and the website in the contact line are links."""


@dataclass(frozen=True)
class RowBlocks:
    """A table too wide for its type (large print): each row a small block, its first cell over the others,
    each under its column's header, after a note saying the table is printed this way."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None
    note: str


Item = Title | Heading | Text | Links | Labelled | FoodGrid | Grid | RowBlocks | Boxed | Alert | Notes


CELL_CHARS = 90
"""About how many characters of a table cell fit across the page."""

FOOD_COLUMNS = 4
"""The most food groups side by side in the text column; more than that wrap every food onto many lines
and break words such as "Chickpeas" without a hyphen."""


def handout_layout(article: Article, theme: HandoutTheme, brand: Brand | None = None) -> list[Item]:
    """The whole handout, top to bottom: the FAQ before the conclusion, so the handout ends on its message."""
    labels = theme.labels
    items: list[Item] = [Title(article.title, _clinic_lines(brand, labels.phone), contact_links(brand))]
    items += [Heading(labels.summary, outline=False), Text(article.summary, lead=True)]
    items += [Text(paragraph) for paragraph in article.introduction]
    points = tuple((p.title, p.text) for p in article.key_points)
    items += [Heading(labels.key_points), Labelled(points, boxed=True, columns=1 if theme.one_column else 2)]
    for section in article.sections:
        items.append(Heading(section.title))
        items += [_block(block, section.title, theme) for block in section.blocks]
    if article.faq:
        items += [Heading(labels.faq), Labelled(tuple((q.question, q.answer) for q in article.faq), stacked=True)]
    items += [Heading(article.conclusion.title)] + [Text(p) for p in article.conclusion.paragraphs]
    if article.references:
        items += [Heading(labels.references, level=2)]
        items.append(Links(tuple((r.text, r.url) for r in article.references)))
    items.append(Boxed(article.disclaimer.heading(labels), article.disclaimer.text))
    items.append(Notes(labels.notes, theme.notes_lines, _contact(brand, labels.phone), contact_links(brand)))
    return items


def _block(block: Paragraph | TermList | Foods | Table | Callout, section: str, theme: HandoutTheme) -> Item:
    if isinstance(block, Paragraph):
        return Text(block.paragraph)
    if isinstance(block, Callout):
        callout = block.callout
        return Alert(callout.kind, callout.title, callout.text, tuple(callout.items or ()))
    if isinstance(block, TermList):
        return Labelled(tuple((term.term, term.text) for term in block.terms))
    if isinstance(block, Foods):
        groups = tuple((group.group, tuple(group.items)) for group in block.foods.groups)
        return FoodGrid(block.foods.intro, groups, columns=1 if theme.one_column else food_columns(len(groups)))
    table = block.table
    widths = column_widths(table.header, table.rows)
    if theme.one_column and not roomy(table.header, table.rows, widths, theme):
        return RowBlocks(tuple(table.header), tuple(map(tuple, table.rows)), table.caption, theme.labels.table_rows)
    return Grid(
        tuple(table.header),
        tuple(map(tuple, table.rows)),
        table.caption,
        widths,
        theme.labels.continued.format(title=section),
    )


NARROWEST_PAGE_INCH = 7.27
"""A4's text width, the narrower paper's: a table that reads well there reads well on Letter."""
LEAST_LINE = 28
"""The fewest characters a line of running text in a table cell should hold to be read comfortably."""


def roomy(header: list[str], rows: list[list[str]], widths: tuple[float, ...], theme: HandoutTheme) -> bool:
    """Whether every column that holds running text (a cell longer than a short line) gets lines of at least
    `LEAST_LINE` characters at the table's type size; an average character is about half an em wide."""
    for index, share in enumerate(widths):
        longest = max(len(row[index]) for row in [header, *rows])
        characters = share * NARROWEST_PAGE_INCH * 72 / (theme.table_size * 0.5)
        if longest > LEAST_LINE and characters < LEAST_LINE:
            return False
    return True


def food_columns(groups: int) -> int:
    """As few rows as `FOOD_COLUMNS` allows, then the groups shared evenly among them.

    Rows differ by one group at most: 6 groups are 3 + 3 and 7 are 4 + 3, not a full
    row over a lone group that looks like an afterthought.
    """
    rows = math.ceil(groups / FOOD_COLUMNS)
    return math.ceil(groups / rows)


def column_widths(header: list[str], rows: list[list[str]]) -> tuple[float, ...]:
    """Shares of the page width: each column as wide as its longest word, the rest shared by how much it holds.

    By the total of a column, not its longest cell, so one long cell does not take
    half the page while every cell beside it wraps. Widths are in characters of a
    table cell (about 90 to the line), which is all a share needs; no column takes
    less than 8% or, for its longest word, more than half.
    """
    table = [header, *rows]
    columns = range(len(header))
    longest = [max((len(word) for row in table for word in row[i].split()), default=0) for i in columns]
    least = [min(max((length + 2) / CELL_CHARS, 0.08), 0.5) for length in longest]
    totals = [sum(len(row[i]) for row in table) or 1 for i in columns]
    spare = max(0.0, 1 - sum(least))
    widths = [least[i] + spare * totals[i] / sum(totals) for i in columns]
    return tuple(width / sum(widths) for width in widths)


def _clinic_lines(brand: Brand | None, phone: str) -> tuple[str, ...]:
    """The clinic's name, phone and website, a line each: beside the title they must not break mid-number."""
    if brand is None:
        return ()
    lines = (brand.clinic, f"{phone}: {brand.phone}" if brand.phone else "", brand.website or "")
    return tuple(line for line in lines if line)


def _contact(brand: Brand | None, phone: str) -> str:
    if brand is None:
        return ""
    return " · ".join(part for part in (brand.clinic, _reach(brand, phone)) if part)


EXTENSION = re.compile(r"(?i)\s*(ext\.?|x)\s*(?=\d)")
"""Where a phone number's extension starts ("ext. 2", "x12"): a `tel:` link dials it as `;ext=` (RFC 3966)."""


def contact_links(brand: Brand | None) -> tuple[tuple[str, str], ...]:
    """The clinic's phone as a `tel:` link a phone dials when tapped, and its website as a web link."""
    if brand is None:
        return ()
    links = []
    number, *extension = EXTENSION.split(brand.phone or "", maxsplit=1)
    digits = re.sub(r"[^\d+]", "", number)
    if digits:
        dialled = f"tel:{digits}" + (f";ext={re.sub(r'[^0-9]', '', extension[-1])}" if extension else "")
        links.append((brand.phone, dialled))
    if brand.website:
        scheme = "" if re.match(r"[a-z][a-z0-9+.-]*://", brand.website, re.IGNORECASE) else "https://"
        links.append((brand.website, scheme + brand.website))
    return tuple(links)


def _reach(brand: Brand, phone: str) -> str:
    """How to reach the clinic: phone and website."""
    parts = [f"{phone}: {brand.phone}" if brand.phone else "", brand.website or ""]
    return " · ".join(part for part in parts if part)
