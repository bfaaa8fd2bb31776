"""Whether the disclaimer fits the running footer: else a warning naming `short:`, never a shrunken footer.

The handout's footer is never set under 9 pt (`furniture.Footer`): the disclaimer's
footer form (its `short:`, else its whole text) takes one or two lines there, and one
longer than that leaves the footer, which then shows the title and page number only.
The box at the end still prints the disclaimer whole, so this is a warning: the source
check says so where the disclaimer is written, and how to have it on every page.
"""

from __future__ import annotations

import yaml

from mghandout.errors import Problem

ALWAYS_FITS = 120
"""Characters that fit two footer lines in any letters: longer texts are measured (which loads the fonts)."""


def footer_problems(name: str, root: yaml.Node) -> list[Problem]:
    """A warning where the disclaimer is written if its footer form is too long for the footer."""
    disclaimer = _value(root, "disclaimer")
    if not isinstance(disclaimer, yaml.MappingNode):
        return []
    node = _value(disclaimer, "short") or _value(disclaimer, "text")
    if not isinstance(node, yaml.ScalarNode) or not isinstance(node.value, str):
        return []
    words = " ".join(node.value.split())
    if len(words) <= ALWAYS_FITS:
        return []
    from mghandout.handout.furniture import FOOTER_LINES, footer_room

    lines, most = footer_room(words)
    if lines <= FOOTER_LINES:
        return []
    which = "`short:`" if _value(disclaimer, "short") is not None else "its text"
    return [
        Problem(
            name,
            f"the disclaimer is too long for the page footer ({which} takes {lines} lines at 9 pt, at most "
            f"{FOOTER_LINES}): the footer shows the title and page number only",
            f"add a `short:` form of the disclaimer of at most about {most} characters to print on every page",
            node.start_mark.line + 1,
            node.start_mark.column + 1,
            severity="warning",
        )
    ]


def _value(node: yaml.Node, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if isinstance(name, yaml.ScalarNode) and name.value == key), None)
