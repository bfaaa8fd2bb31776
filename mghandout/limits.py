"""How much text a box that never splits can hold: past it, a located error instead of a failed build.

Some parts of the handout are set in one box that is never split across pages: a key
point's card, a callout, the disclaimer, a table row, a food group's column, and the
clinic's name, phone and website beside the title (from a brand file) and the title
itself when they stand beside it. Text too
long for one page made reportlab stop with LayoutError after `--check` had said ok, and
50 table columns left each column narrower than its padding. So these parts have
limits, checked on the composed source (any shape: the checks run beside the others and
every problem is reported at once) and reported where the text is written.

The limits are editorial sizes with room to spare, not the last character that fits:
the longest realistic texts (the bundled and fixture articles) are far below them, and
texts at each limit, in wide letters, build on Letter and A4 (tests/test_properties.py),
so a change of the handout's layout that breaks one shows there.
"""

from __future__ import annotations

import msgspec

import yaml

from mghandout.errors import Problem
from mghandout.yamlnodes import Where, walk

ANY = "*"
"""Matches any position in a list; a Where is a path of keys and positions, as the file nests them."""


class Limit(msgspec.Struct, frozen=True):
    """At most `most` characters (or entries, for `entries`, or characters in all, for `total`) at `pattern`."""

    pattern: tuple[str, ...]
    most: int
    what: str
    hint: str
    measure: str = "characters"


_BLOCK = ("sections", ANY, "blocks", ANY)
_TABLE = (*_BLOCK, "table")
_GROUP = (*_BLOCK, "foods", "groups", ANY)
_CALLOUT = (*_BLOCK, "callout")

LIMITS = (
    Limit(("title",), 200, "the title", "a title of a few words (beside a clinic's name it is one box)"),
    Limit(("sections", ANY, "title"), 150, "a section's title", "a heading of a few words; it titles its slides"),
    Limit(("conclusion", "title"), 150, "the conclusion's title", "a heading of a few words; it titles its slides"),
    Limit(("key_points", ANY, "title"), 150, "a key point's title", "a few words name the point"),
    Limit(("key_points", ANY, "text"), 600, "a key point", "one or two sentences; the detail belongs in a section"),
    Limit(("disclaimer", "title"), 150, "the disclaimer's title", "a heading of a few words"),
    Limit(("disclaimer", "text"), 1500, "the disclaimer", "its box must fit on one page; shorten it"),
    Limit((*_TABLE, "header"), 6, "a table", "split it into two tables, or write it as a list of terms", "entries"),
    Limit((*_TABLE, "header", ANY), 60, "a table's column header", "a few words name the column"),
    Limit((*_TABLE, "rows", ANY, ANY), 200, "a table cell", "a row is never split across pages; shorten the cell"),
    Limit((*_GROUP, "group"), 60, "a food group's name", "a few words name the group"),
    Limit((*_GROUP, "items"), 12, "a food group", "split it into two groups", "entries"),
    Limit((*_GROUP, "items"), 250, "a food group", "a group is one column of the food grid; split it in two", "total"),
    Limit((*_CALLOUT, "title"), 150, "a callout's title", "a heading of a few words"),
    Limit((*_CALLOUT, "items"), 12, "a callout", "a callout is never split; keep the few things to act on", "entries"),
    Limit(_CALLOUT, 1200, "a callout", "a callout is never split; move the explanation into a paragraph", "total"),
    Limit((*_BLOCK, "figure", "caption"), 300, "a figure's caption",
          "a sentence or two; it stays on the page with its picture, and on the picture's slide"),
    Limit((*_BLOCK, "figure", "credit"), 150, "a figure's credit", "who made the picture and its licence, briefly"),
    Limit(("clinic",), 100, "the clinic's name", "it stands beside the title on the handout's first page"),
    Limit(("phone",), 40, "the phone number", "give one number, as patients dial it"),
    Limit(("website",), 100, "the website", "give the clinic's home page; the handout prints it beside the title"),
)


def _by_end(limits: tuple[Limit, ...]) -> dict[tuple[int, str], list[Limit]]:
    """The limits by their pattern's length and last step: a source has thousands of nodes, and only these can match."""
    grouped: dict[tuple[int, str], list[Limit]] = {}
    for limit in limits:
        grouped.setdefault((len(limit.pattern), limit.pattern[-1]), []).append(limit)
    return grouped


_BY_END = _by_end(LIMITS)


def too_long(name: str, root: yaml.Node) -> list[Problem]:
    """An error for each part of the source past its limit, where the part is written."""
    problems = []
    for path, node in walk(root):
        end = ANY if path and isinstance(path[-1], int) else path[-1] if path else ""
        for limit in _BY_END.get((len(path), end), ()):
            if _matches(limit.pattern, path):
                size = _size(node, limit.measure)
                if size is not None and size > limit.most:
                    problems.append(_problem(name, node, path, limit, size))
    return problems


def _matches(pattern: tuple[str, ...], path: Where) -> bool:
    return len(pattern) == len(path) and all(
        isinstance(part, int) if want == ANY else part == want for want, part in zip(pattern, path, strict=True)
    )


def _size(node: yaml.Node, measure: str) -> int | None:
    """The node's size in the limit's measure, or None when the node is not of that shape (its own error)."""
    if measure == "entries":
        return len(node.value) if isinstance(node, yaml.SequenceNode) else None
    if measure == "total":
        return sum(_length(scalar.value) for _, scalar in walk(node) if isinstance(scalar, yaml.ScalarNode))
    return _length(node.value) if isinstance(node, yaml.ScalarNode) else None


def _length(text: str) -> int:
    """Characters as printed: runs of blanks and line breaks are one space."""
    return len(" ".join(text.split()))


def _problem(name: str, node: yaml.Node, path: Where, limit: Limit, size: int) -> Problem:
    if limit.measure == "entries":
        message = f"{limit.what} has {size} {_entries(path)}, at most {limit.most}"
    elif limit.measure == "total":
        message = f"{limit.what} is too long to print in one box: {size:,} characters in all, at most {limit.most:,}"
    else:
        message = f"{limit.what} is too long to print in one box: {size:,} characters, at most {limit.most:,}"
    return Problem(name, message, limit.hint, node.start_mark.line + 1, node.start_mark.column + 1)


def _entries(path: Where) -> str:
    return {"header": "columns", "items": "items"}.get(str(path[-1]), "entries")
