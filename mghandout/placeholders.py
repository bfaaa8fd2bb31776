"""The `{fields}` of label templates: only those the writers fill in, written so `str.format` can fill them.

`labels: {continued: "{titel} (more)"}` passed every check and then stopped the
build with `KeyError: 'titel'`, and a lone `{` with `ValueError`: the writers fill
the templates with `str.format`. Each label's fields are those of its English
default (`Page {page} of {pages}` allows page and pages); a label whose default
has none is never filled in, so its braces print as typed.
"""

from __future__ import annotations

from string import Formatter

import msgspec
import yaml

from mghandout.errors import Problem
from mghandout.labels import Labels

DEFAULTS = Labels()


def fields(template: str) -> list[tuple[str, str | None, str | None]]:
    """(name, format spec, conversion) of each `{...}` in `template`; ValueError when its braces do not pair."""
    return [(name, spec, conversion) for _, name, spec, conversion in Formatter().parse(template) if name is not None]


ALLOWED = {
    key: {name for name, _, _ in fields(value)}
    for key, value in msgspec.structs.asdict(DEFAULTS).items()
    if isinstance(value, str) and fields(value)
}
"""The fields each template label may use: page, continued, logo and date."""


def placeholder_problems(name: str, root: yaml.Node) -> list[Problem]:
    """An error at each label template whose braces the writers could not fill."""
    labels = _value(root, "labels")
    if not isinstance(labels, yaml.MappingNode):
        return []
    problems = []
    for key, value in labels.value:
        allowed = ALLOWED.get(key.value)
        if allowed is None or not isinstance(value, yaml.ScalarNode):
            continue
        message = _wrong(value.value, allowed)
        if message:
            choices = ", ".join(f"{{{field}}}" for field in sorted(allowed))
            problems.append(Problem(name, f"the '{key.value}' label {message}",
                                    f"it may use {choices}; write a brace that should print as {{{{ or }}}}",
                                    value.start_mark.line + 1, value.start_mark.column + 1))
    return problems


def _value(node: yaml.Node, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for k, value in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _wrong(template: str, allowed: set[str]) -> str | None:
    """What is wrong with the template's fields, or None."""
    try:
        found = fields(template)
    except ValueError:
        return "has a '{' or '}' that does not pair"
    for field, spec, conversion in found:
        if field not in allowed:
            return f"names a field {{{field}}} that is not filled in"
        if spec or conversion:
            return f"formats the field {{{field}}}, which is filled in as it is"
    return None
