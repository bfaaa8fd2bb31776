"""Word lists shipped as data (medical words, everyday swaps) and finding their words in a text.

Each list is a tab-separated file so an editor or a reviewer can read and extend it
without reading code: word forms separated by '|', a tab, the plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
LONGEST_PHRASE = 5
"""Words in the longest entry a list may hold ('due to the fact that')."""


@dataclass(frozen=True)
class Found:
    """A listed word or phrase found in a text: as written, where, and its plain form."""

    word: str
    start: int
    end: int
    plain: str


@cache
def load(name: str) -> dict[str, str]:
    """A list from data/: each form (lower case, hyphens as spaces, with its plural in "s") to its plain words."""
    table: dict[str, str] = {}
    for line in (Path(__file__).parent / "data" / name).read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            forms, plain = line.split("\t")
            for form in forms.lower().replace("-", " ").split("|"):
                table[form] = plain
                table.setdefault(form + "s", plain)
    return table


def find(text: str, table: dict[str, str]) -> list[Found]:
    """Every listed word or phrase in `text`, longest match first, in order; a hyphenated word's parts count."""
    tokens = [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found, index = [], 0
    while index < len(tokens):
        for size in range(min(LONGEST_PHRASE, len(tokens) - index), 0, -1):
            run = tokens[index : index + size]
            phrase = " ".join(token for token, _, _ in run)
            if phrase in table:
                start, end = run[0][1], run[-1][2]
                found.append(Found(text[start:end], start, end, table[phrase]))
                index += size
                break
        else:
            index += 1
    return found
