"""Warnings where YAML would quietly drop or split the editor's text.

Two slips parse without error yet change what prints. A ` #` after an unquoted
value starts a comment, so "press #2 for the nurse" prints "press", and a line
starting with `#` under a text is dropped whole. A comma inside a `[...]` list
ends an item, so "Plain yogurt, low-fat (1 cup)" becomes two foods. Neither is
visible in the parsed data, so this module reads the composed nodes, which keep
their marks and style (plain, quoted, block), together with the source lines:
whatever lies between a plain scalar's end and the next token is a comment.

The warnings guess at intent, so they stay quiet where a comment is clearly the
editor's note (`# note` after a finished sentence, or set off by two spaces, as
`title: Magnesium  # for the footer`) and where a list is consistently lower-case;
they never stop a build.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from mghandout.errors import Problem
from mghandout.yamlnodes import walk

NOT_TEXT = frozenset({"language", "date", "reading_grade", "kind", "url", "website", "logo"})
"""Values that are codes, numbers, addresses or file names, never prose: a comment after them loses nothing."""

FINISHED = tuple('.?!:;)]"\'”’»…')
"""Endings of a finished text: a comment after one is the editor's note, not lost words."""

AMOUNT = re.compile(
    r"(\(|[\d½¼¾⅓⅔⅛][\d½¼¾⅓⅔⅛/.,\s-]*\s*(cups?|oz|ounces?|g|grams?|mg|mcg|µg|ml|mL|l|L|lbs?|pounds?|tbsp|"
    r"tablespoons?|tsp|teaspoons?|slices?|servings?|pieces?|handfuls?|medium|large|small)\b)"
)
"""The start of an amount ("1 cup", "1/2 oz", "(30 g)"): a list item that starts so is the tail of a food."""


def lint(name: str, text: str, root: yaml.Node) -> list[Problem]:
    """Every warning for the composed source `root` of `text` (file `name`)."""
    lines = text.splitlines()
    problems = []
    for node, indent in _text_scalars(root):
        problems += _comment_problems(name, lines, node, indent)
    for sequence in (node for _, node in walk(root) if isinstance(node, yaml.SequenceNode) and node.flow_style):
        problems += _split_problems(name, sequence)
    return problems


def _text_scalars(node: yaml.Node, indent: int = -1) -> Iterator[tuple[yaml.ScalarNode, int]]:
    """Plain scalars that print, each with the column its continuation lines must pass (its parent's indent)."""
    if isinstance(node, yaml.ScalarNode):
        if _plain(node):
            yield node, indent
    elif isinstance(node, yaml.SequenceNode):
        column = node.start_mark.column
        for item in node.value:
            yield from _text_scalars(item, column)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if not (isinstance(key, yaml.ScalarNode) and key.value in NOT_TEXT):
                yield from _text_scalars(value, key.start_mark.column)


def _plain(node: yaml.ScalarNode) -> bool:
    """Unquoted, not a block: the style is None from PyYAML's Python loader and '' from its C loader."""
    return not node.style


def _comment_problems(name: str, lines: list[str], node: yaml.ScalarNode, indent: int) -> list[Problem]:
    """A comment on the value's last line, or a comment line indented as its continuation would be."""
    end = node.end_mark
    rest = lines[end.line][end.column :] if end.line < len(lines) else ""
    found = re.match(r"\s+#", rest)
    if found:
        column = end.column + found.end() - 1
        return _cut(name, node, end.line, column, rest[found.end() - 1 :], spaced=found.end() > 2)
    for number in range(end.line + 1, len(lines)):
        line = lines[number]
        stripped = line.lstrip(" ")
        if not stripped:
            continue
        column = len(line) - len(stripped)
        if stripped.startswith("#") and column > indent:
            return _cut(name, node, number, column, stripped)
        break
    return []


def _cut(name: str, node: yaml.ScalarNode, line: int, column: int, comment: str, spaced: bool = False) -> list[Problem]:
    """A warning unless the comment is plainly a note: `# note` after a finished text, or set off by two spaces."""
    if comment[1:2] in ("", " ", "#") and (spaced or node.value.endswith(FINISHED)):
        return []
    return [
        Problem(
            name,
            f"'{_clip(comment)}' is read as a comment, so the text ends at '{_clip(node.value, tail=True)}'",
            "quote the text (\"...\") if the '#' and what follows belong to it",
            line + 1,
            column + 1,
            severity="warning",
        )
    ]


def _split_problems(name: str, sequence: yaml.SequenceNode) -> list[Problem]:
    """Items of a `[...]` list that look like the tail of the item before: the comma between them split one item."""
    items = [item for item in sequence.value if isinstance(item, yaml.ScalarNode)]
    capitalised = bool(items) and items[0].value[:1].isupper()
    problems = []
    for before, item in zip(items, items[1:], strict=False):
        if not (_plain(item) and _plain(before)):
            continue
        if before.value.count("(") > before.value.count(")") or AMOUNT.match(item.value) or (
            capitalised and item.value[:1].islower()
        ):
            problems.append(
                Problem(
                    name,
                    f"'{_clip(item.value)}' looks like the end of the item before it: the comma made "
                    f"'{_clip(before.value, tail=True)}, {_clip(item.value)}' two items",
                    f"quote the item (\"{_clip(before.value, tail=True)}, {_clip(item.value)}\") if it is one, "
                    "or write the list one item per line starting with '- '",
                    *(mark + 1 for mark in (before.start_mark.line, before.start_mark.column)),
                    severity="warning",
                )
            )
    return problems


def _clip(text: str, tail: bool = False) -> str:
    """A short piece of the text for a one-line message (its end when `tail`)."""
    text = " ".join(text.split())
    if len(text) <= 30:
        return text
    return "…" + text[-29:] if tail else text[:29] + "…"
