"""Characters the handout cannot draw, refused at their line and column in the source.

A character no bundled font has prints as a blank in the PDF, with no word to anyone:
a ✓ before "Eat leafy greens" or an emoji in a callout vanished. The handout's fonts
(`handout/fonts.py`: three Latin text fonts, Inter for symbols, and the faces of
Chinese, Japanese, Korean, Arabic and Devanagari) draw tens of thousands of
characters; anything else in the source is an error naming the character
(`U+1F600 GRINNING FACE`) where it is written, so the editor can replace it.

`--check` must stay fast, and the handout's fonts are slow to load (reportlab and
four font files, most of a second; a CJK face's character map a good part of another),
so the scripts and symbols a source usually holds are answered from SAFE, ranges every
font set covers (a test holds SAFE to the fonts); only a character outside them loads
the fonts for the exact answer.
"""

from __future__ import annotations

import unicodedata
from itertools import chain

import yaml

from mghandout.errors import Problem
from mghandout.yamlnodes import char_place, walk

MAX_REPORTED = 10
"""Distinct characters reported one by one; a file in a script we cannot draw is one mistake, not hundreds."""

SAFE = frozenset(
    chain(
        range(0x20, 0x7F),  # ASCII
        range(0xA0, 0x378),  # Latin-1, Latin Extended-A and B, IPA, modifiers, combining marks
        range(0x38E, 0x3A2),  # Greek
        range(0x3A3, 0x3E2),
        range(0x3F0, 0x530),  # Cyrillic
        range(0x1E00, 0x1F00),  # Latin Extended Additional (Vietnamese)
        range(0x2000, 0x2065),  # spaces, dashes, quotes, bullets, ellipsis
        range(0x20A0, 0x20C1),  # currency
        range(0x0600, 0x0700),  # Arabic (Noto Sans Arabic)
        range(0x0900, 0x0980),  # Devanagari (Noto Sans Devanagari)
        range(0x3000, 0x3040),  # CJK punctuation (Noto Sans SC, TC, JP, KR)
        range(0x3041, 0x3097),  # hiragana
        range(0x3099, 0x3100),  # katakana
        range(0x4E00, 0x9FF0),  # CJK unified ideographs
        range(0xAC00, 0xD7A4),  # Hangul syllables
        range(0xFF01, 0xFF61),  # full-width forms
        map(ord, "№™℃℉←↑→↓↔⇒∞≈≠≤≥−√✓✗★●○■□▪◆▶►♥⚠"),
    )
)
"""Code points the handout's fonts are known to draw (tests/test_glyphs.py checks each against the fonts)."""


def unprintable(name: str, text: str, root: yaml.Node) -> list[Problem]:
    """An error at the first place of each character of the source's values that no handout font draws."""
    first: dict[str, tuple[int, int]] = {}
    texts: dict[str, int] = {}
    for node in (node for _, node in walk(root) if isinstance(node, yaml.ScalarNode)):
        odd = {char for char in node.value if ord(char) not in SAFE and not char.isspace() and not _control(char)}
        for char in sorted(_missing(odd)):
            if char not in first:  # located once: a file in a script we cannot draw has thousands
                first[char] = char_place(text, node, char)
            texts[char] = texts.get(char, 0) + 1
    problems = [_problem(name, char, first[char], texts[char]) for char in first]
    problems.sort(key=lambda problem: (problem.line or 0, problem.column or 0))
    if len(problems) > MAX_REPORTED:
        last = problems[MAX_REPORTED - 1]
        problems = problems[: MAX_REPORTED - 1] + [
            Problem(name, last.message, f"{last.hint} ({len(problems) - MAX_REPORTED} more such characters)",
                    last.line, last.column)
        ]
    return problems


def _control(char: str) -> bool:
    """Control characters and non-characters: the loader refuses them with its own message."""
    return unicodedata.category(char) == "Cc" or char in "\ufffe\uffff"


def _missing(chars: set[str]) -> set[str]:
    if not chars:
        return set()
    from mghandout.handout.fonts import missing  # the fonts load only for a character outside SAFE

    return missing("".join(chars))



def _problem(name: str, char: str, place: tuple[int, int], texts: int) -> Problem:
    line, column = place
    others = texts - 1
    more = f" (also in {others} more text{'s' if others > 1 else ''})" if others else ""
    return Problem(
        name,
        f"{describe(char)} cannot be printed: no font of the handout has it{more}",
        "write it in words or use a character the handout prints (see docs/source-format.md, 'Characters')",
        line,
        column,
    )


def describe(char: str) -> str:
    """`U+2713 CHECK MARK`: the code point and its Unicode name, as an editor can search for it."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'without a name')}"
