"""The composed YAML tree, walked one way by every check that reads it.

The checks beyond the model's shape (`checks.py`: limits, characters, YAML that cuts
text) read the composed nodes, which keep each value's line and column; they share
this one walk instead of each carrying its own.
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

Where = tuple[str | int | None, ...]
"""A node's path: the keys and list positions that lead to it, as the file nests them (None: a key that is no
plain word, which the loader reports on its own)."""


def walk(node: yaml.Node, path: Where = ()) -> Iterator[tuple[Where, yaml.Node]]:
    """Each value node under `node`, itself first, with its path; keys are not values and are not yielded."""
    yield path, node
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from walk(item, (*path, index))
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from walk(value, (*path, key.value if isinstance(key, yaml.ScalarNode) else None))


def char_place(text: str, node: yaml.ScalarNode, char: str) -> tuple[int, int]:
    """The line and column of `char` as written inside the node (its start when written as an escape such as
    "\\u202e"): where a check of single characters (glyphs, invisible characters) reports one."""
    index = text.find(char, node.start_mark.index, node.end_mark.index + 1)
    if index < 0:
        return node.start_mark.line + 1, node.start_mark.column + 1
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1
