"""The few limits that are physical: what no layout can print, measured, reported where it is written.

A clinic's article is what it is: a table cell of 300 characters, a callout of 28
items, a disclaimer of a page flow across pages and slides, so no text is refused for
its length. What remains are headings, which title every slide of their part and
stand beside the clinic's name, and the clinic's own lines; and the one thing no
layout can print: a table with more columns than fit across the page at the table's
12 pt type. That one is measured with the handout's fonts, not counted in characters,
and the error says how many columns of that table do fit.

The checks run on the composed source (any shape: they run beside the others and
every problem is reported at once).
"""

from __future__ import annotations

import msgspec
import yaml

from mghandout.errors import Problem
from mghandout.yamlnodes import Where, walk

ANY = "*"
"""Matches any position in a list; a Where is a path of keys and positions, as the file nests them."""


class Limit(msgspec.Struct, frozen=True):
    """At most `most` characters at `pattern`: a heading or a brand line, which is one line of a title."""

    pattern: tuple[str, ...]
    most: int
    what: str
    hint: str


_BLOCK = ("sections", ANY, "blocks", ANY)
_TABLE = (*_BLOCK, "table")

LIMITS = (
    Limit(("title",), 200, "the title", "a title of a few words (beside a clinic's name it is one box)"),
    Limit(("sections", ANY, "title"), 150, "a section's title", "a heading of a few words; it titles its slides"),
    Limit(("conclusion", "title"), 150, "the conclusion's title", "a heading of a few words; it titles its slides"),
    Limit(("key_points", ANY, "title"), 150, "a key point's title", "a few words name the point"),
    Limit(("disclaimer", "title"), 150, "the disclaimer's title", "a heading of a few words"),
    Limit((*_TABLE, "header", ANY), 60, "a table's column header", "a few words name the column"),
    Limit((*_BLOCK, "foods", "groups", ANY, "group"), 60, "a food group's name", "a few words name the group"),
    Limit((*_BLOCK, "callout", "title"), 150, "a callout's title", "a heading of a few words"),
    Limit(("clinic",), 100, "the clinic's name", "it stands beside the title on the handout's first page"),
    Limit(("phone",), 40, "the phone number", "give one number, as patients dial it"),
    Limit(("website",), 100, "the website", "give the clinic's home page; the handout prints it beside the title"),
)

SURE_COLUMNS = 6
"""Columns that fit across the narrower page (A4) whatever their words: wider tables are measured."""


def _by_end(limits: tuple[Limit, ...]) -> dict[tuple[int, str], list[Limit]]:
    """The limits by their pattern's length and last step: a source has thousands of nodes, and only these can match."""
    grouped: dict[tuple[int, str], list[Limit]] = {}
    for limit in limits:
        grouped.setdefault((len(limit.pattern), limit.pattern[-1]), []).append(limit)
    return grouped


_BY_END = _by_end(LIMITS)


def too_long(name: str, root: yaml.Node) -> list[Problem]:
    """An error for each heading or brand line past its limit, and each table too wide to print."""
    problems = []
    for path, node in walk(root):
        end = ANY if path and isinstance(path[-1], int) else path[-1] if path else ""
        if end == "table" and _matches(_TABLE, path):
            problems.extend(_too_wide(name, node))
        for limit in _BY_END.get((len(path), end), ()):
            if _matches(limit.pattern, path) and isinstance(node, yaml.ScalarNode):
                size = _length(node.value)
                if size > limit.most:
                    problems.append(_problem(name, node, limit, size))
    return problems


def _matches(pattern: tuple[str, ...], path: Where) -> bool:
    return len(pattern) == len(path) and all(
        isinstance(part, int) if want == ANY else part == want for want, part in zip(pattern, path, strict=True)
    )


def _length(text: str) -> int:
    """Characters as printed: runs of blanks and line breaks are one space."""
    return len(" ".join(text.split()))


def _problem(name: str, node: yaml.Node, limit: Limit, size: int) -> Problem:
    message = f"{limit.what} is too long: {size:,} characters, at most {limit.most:,}"
    return Problem(name, message, limit.hint, node.start_mark.line + 1, node.start_mark.column + 1)


def _too_wide(name: str, table: yaml.Node) -> list[Problem]:
    """An error at the header when the table's columns, each as narrow as its words allow, overrun the page."""
    columns = _columns(table)
    if len(columns) <= SURE_COLUMNS:
        return []
    from mghandout.handout.tablewidth import column_widths, page_room

    needs = column_widths(columns)
    room = page_room()
    if sum(needs) <= room:
        return []
    fit, used = 0, 0.0
    for need in needs:
        if used + need > room:
            break
        fit, used = fit + 1, used + need
    header = _mapping(table)["header"]
    message = f"a table of {len(columns)} columns is too wide to print at 12 pt: the first {fit} fit across the page"
    hint = "split it into two tables of fewer columns, or write it as a list of terms"
    return [Problem(name, message, hint, header.start_mark.line + 1, header.start_mark.column + 1)]


def _mapping(node: yaml.Node) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _columns(table: yaml.Node) -> list[tuple[str, list[str]]]:
    """Each column's header and cells as text; a table of another shape has its own errors and no columns here."""
    parts = _mapping(table)
    header, rows = parts.get("header"), parts.get("rows")
    if not isinstance(header, yaml.SequenceNode) or not isinstance(rows, yaml.SequenceNode):
        return []
    heads = [node.value if isinstance(node, yaml.ScalarNode) else "" for node in header.value]
    cells: list[list[str]] = [[] for _ in heads]
    for row in rows.value:
        if isinstance(row, yaml.SequenceNode):
            for index, cell in enumerate(row.value[: len(heads)]):
                if isinstance(cell, yaml.ScalarNode):
                    cells[index].append(cell.value)
    return list(zip(heads, cells, strict=True))
