"""What an article's language asks of the type: its face, its direction, how its lines break.

Latin, Greek and Cyrillic print in the bundled Latin faces. Chinese, Japanese and
Korean need a face with their tens of thousands of characters; Arabic and Persian
are written right to left, with letters joined; Hindi's Devanagari joins consonants
into conjuncts. Both writers ask this module once, from the language tag, so the
handout and the deck agree on the face and the direction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Script:
    """A script the outputs set in a face of its own."""

    name: str
    family: str
    """The face that covers the language whole (a variable font shipped on PyPI, see fontfiles.py)."""
    slot: str
    """The deck's font slot PowerPoint reads for these characters: `ea` (East Asian) or `cs` (complex script)."""
    deck_family: str
    """The face the deck names in that slot: the same design as `family`, under the name systems install it
    (Debian and most Linux ship "Noto Sans CJK SC"; PowerPoint without it falls back to the system's own)."""
    line_spacing: float
    """The deck's line pitch, in sizes: room for the script's marks and its face's taller lines (exact, so
    every presentation program spaces lines as the layout measured them)."""
    rtl: bool = False
    ideographic: bool = False
    """Lines break between any two characters (Chinese, Japanese), not only at spaces."""


HANS = Script("Chinese (Simplified)", "Noto Sans SC", "ea", "Noto Sans CJK SC", 1.3, ideographic=True)
HANT = Script("Chinese (Traditional)", "Noto Sans TC", "ea", "Noto Sans CJK TC", 1.3, ideographic=True)
JAPANESE = Script("Japanese", "Noto Sans JP", "ea", "Noto Sans CJK JP", 1.3, ideographic=True)
KOREAN = Script("Korean (Hangul)", "Noto Sans KR", "ea", "Noto Sans CJK KR", 1.3)
ARABIC = Script("Arabic", "Noto Sans Arabic", "cs", "Noto Sans Arabic", 1.5, rtl=True)
DEVANAGARI = Script("Devanagari", "Noto Sans Devanagari", "cs", "Noto Sans Devanagari", 1.4)

BY_LANGUAGE: dict[str, Script] = {
    "zh": HANS, "cmn": HANS, "wuu": HANS, "yue": HANT, "ja": JAPANESE, "ko": KOREAN,
    "ar": ARABIC, "fa": ARABIC, "hi": DEVANAGARI, "mr": DEVANAGARI, "ne": DEVANAGARI,
}
"""Languages written in a script with a face of its own (by the language subtag)."""

BY_SUBTAG: dict[str, Script] = {"hans": HANS, "hant": HANT, "jpan": JAPANESE, "kore": KOREAN,
                                "arab": ARABIC, "deva": DEVANAGARI}
"""BCP 47 script subtags that choose one of those scripts whatever the language."""

TRADITIONAL_REGIONS = frozenset({"tw", "hk", "mo"})
"""Chinese of these regions is written in traditional characters (`zh-TW` is `zh-Hant`)."""


def script_for(language: str) -> Script | None:
    """The script of a BCP 47 tag that needs a face of its own, or None for Latin, Greek and Cyrillic."""
    primary, *subtags = language.lower().split("-")
    for subtag in subtags:
        if subtag in BY_SUBTAG:
            return BY_SUBTAG[subtag]
        if subtag in ("latn", "cyrl", "grek"):
            return None
    if primary == "zh" and TRADITIONAL_REGIONS.intersection(subtags):
        return HANT
    return BY_LANGUAGE.get(primary)


IDEOGRAPHIC = re.compile(r"[\u2e80-\u2fff\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
                         r"\uf900-\ufaff\U00020000-\U0003134f]")
"""Characters a line may break before or after without a space: Han ideographs and Japanese kana."""

NO_LINE_START = frozenset("、。，．・：；？！）〕］｝〉》」』】〙〗〟’”ヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ々〻"
                          "‐゠–〜？!%)]},.:;")
"""Characters a CJK line must never begin with (closing marks, small kana, iteration marks): JIS X 4051."""

NO_LINE_END = frozenset("（〔［｛〈《「『【〘〖〝‘“([{")
"""Characters a CJK line must never end with (opening marks)."""


def break_units(word: str) -> list[str]:
    """A space-free word cut where a line may break: between ideographs, never before a closing mark
    nor after an opening one; Latin letters and numbers inside it stay whole.

    `（维生素B12）。` gives `（维`, `生`, `素`, `B12）。`.
    """
    units: list[str] = []
    for piece in re.split(f"({IDEOGRAPHIC.pattern})", word):
        if not piece:
            continue
        glued = units and (
            units[-1][-1] in NO_LINE_END
            or piece[0] in NO_LINE_START
            or not (IDEOGRAPHIC.match(piece) or IDEOGRAPHIC.match(units[-1][-1]))
        )
        if glued:
            units[-1] += piece
        else:
            units.append(piece)
    return units


SENTENCE_END = re.compile(r"(?<=[。！？])\s*(?=\S)")
"""A full stop that ends a sentence with no space after it (Chinese and Japanese write none)."""


def join_sentences(parts: list[str]) -> str:
    """Sentences as one text: a space after each, none after a Chinese or Japanese full stop."""
    return "".join(part + ("" if part.endswith(("。", "！", "？")) else " ") for part in parts).rstrip()
