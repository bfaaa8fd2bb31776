"""The checks of a composed source beyond its shape, run by the loader in one call.

Each looks for something that validates yet would go wrong later: text YAML cut
or split (warnings), characters no font draws, parts too long for their box,
label templates the writers cannot fill. They read the composed nodes, so every
problem has its line and column, and they run even when the shape has errors, so
every problem of a file is reported at once.
"""

from __future__ import annotations

import yaml

from mghandout.errors import Problem
from mghandout.glyphs import unprintable
from mghandout.footerfit import footer_problems
from mghandout.limits import too_long
from mghandout.placeholders import placeholder_problems
from mghandout.yaml_lint import lint


def source_problems(name: str, text: str, root: yaml.Node) -> list[Problem]:
    """Every problem these checks find in the source `text` of file `name`, composed as `root`."""
    return [
        *lint(name, text, root),
        *unprintable(name, text, root),
        *too_long(name, root),
        *placeholder_problems(name, root),
        *footer_problems(name, root),
    ]
