"""A source's reading report as values, and its two forms: one screen of text, and JSON.

The report is decided by `analyse.analyse` (pure, no printing); these classes only hold
it and serialise it, so the text and the JSON cannot say different things.
"""

from __future__ import annotations

from typing import NamedTuple

import msgspec

from mghandout.reading.formulas import (
    LONG_SENTENCE,
    SMOG_SENTENCES,
    Counts,
    huerta_grade,
    inflesz,
    school_grade,
    whole,
)
from mghandout.reading.grading import GRADES, SCORES

HARDEST = 5
"""Hard sentences shown: enough to start on, few enough for one screen."""
WIDTH = 120
"""The text form's line width, for the swaps packed several to a line."""
SHORTEST_SHOWN = 40
"""Characters of a hard sentence shown at least, however long the file's name (JSON gives it whole)."""


class Part(NamedTuple):
    """One part of the article (summary, a section, the FAQ ...), graded on its own."""

    title: str
    line: int | None
    counts: Counts
    scores: dict[str, float]
    grade: float

    @property
    def rough(self) -> bool:
        """Too few sentences for SMOG's sample of 30: the grade is a rough guide."""
        return self.counts.sentences < SMOG_SENTENCES


class HardSentence(NamedTuple):
    """A sentence among the hardest to read, where it is."""

    line: int | None
    text: str
    words: int
    grade: float


class Flag(NamedTuple):
    """A word to look at, where it is, and a plainer way to say it."""

    word: str
    line: int | None
    plain: str


class Report(msgspec.Struct, frozen=True):
    """Everything the reading check says about one source."""

    source: str
    language: str
    target: int
    counts: Counts = Counts()
    scores: dict[str, float] = msgspec.field(default_factory=dict)
    met: bool | None = None
    """None when the language has no grade."""
    notes: list[str] = msgspec.field(default_factory=list)
    parts: list[Part] = msgspec.field(default_factory=list)
    hard_sentences: list[HardSentence] = msgspec.field(default_factory=list)
    terms: list[Flag] = msgspec.field(default_factory=list)
    swaps: list[Flag] = msgspec.field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        """The report as JSON-ready data (documented in docs/reading-level.md)."""
        return {
            "source": self.source,
            "language": self.language,
            "target": self.target,
            "reading": {
                **_scores(self.scores),
                "met": self.met,
                "sentences": self.counts.sentences,
                "words": self.counts.words,
                "syllables": self.counts.syllables,
                "over_20_words": round(self.counts.long_share, 3),
            },
            "notes": self.notes,
            "sections": [
                {
                    "title": part.title,
                    "line": part.line,
                    "grade": school_grade(part.grade),
                    **_scores(part.scores),
                    "words": part.counts.words,
                    "sentences": part.counts.sentences,
                    "over_20_words": round(part.counts.long_share, 3),
                    "rough": part.rough,
                }
                for part in self.parts
            ],
            "hard_sentences": [
                {"line": s.line, "text": s.text, "words": s.words, "grade": school_grade(s.grade)}
                for s in self.hard_sentences
            ],
            "terms": [{"word": t.word, "line": t.line, "plain": t.plain} for t in self.terms],
            "swaps": [{"word": t.word, "line": t.line, "plain": t.plain} for t in self.swaps],
        }

    def as_text(self) -> str:
        """The report as one screen for a terminal: every place as FILE:LINE, which editors open."""
        lines = [f"{self.source}: reading level: {self._headline()}"]
        lines += [f"  note: {note}" for note in self.notes]
        if self.parts:
            lines += self._parts_table()
        if self.hard_sentences:
            lines.append("  hardest sentences:")
            for sentence in self.hard_sentences:
                where = f"  {self._at(sentence.line)} grade {school_grade(sentence.grade)}, {sentence.words} words: "
                lines.append(where + _short(sentence.text, max(WIDTH - len(where), SHORTEST_SHOWN)))
        if self.terms:
            lines.append("  medical words not explained where first used (a plain alternative):")
            lines += [f"  {self._at(t.line)} {t.word} -> {t.plain}" for t in self.terms]
        if self.swaps:
            lines.append("  everyday swaps (--json gives every line):")
            lines += self._swap_lines()
        return "\n".join(lines)

    def _headline(self) -> str:
        if self.met is None:
            return "no grade"
        verdict = "met" if self.met else "not met"
        return f"{_score_text(self.scores)}; target grade {self.target}: {verdict}"

    def _parts_table(self) -> list[str]:
        names = [name for name in SCORES if name in self.scores]
        header = "  ".join(f"{_SHORT_NAMES[name]:>5}" for name in names)
        rows = [f"  {'line':>5}  {header}  {'words':>5}  >{LONG_SENTENCE} words  part"]
        for part in self.parts:
            marks = "  ".join(f"{_number(name, part.scores[name]):>4}{'*' if _rough(name, part) else ' '}"
                              for name in names)
            rows.append(
                f"  {part.line or '':>5}  {marks}  {part.counts.words:>5}  {part.counts.long_share:>9.0%}  "
                f"{_short(part.title, 50)}"
            )
        if "smog" in names and any(part.rough for part in self.parts):
            rows.append(f"  * rough: SMOG needs {SMOG_SENTENCES} sentences; these parts have fewer")
        return rows

    def _swap_lines(self) -> list[str]:
        """Each word once, how often, and its first plainer form, packed several to a line (JSON has every place)."""
        by_word: dict[str, list[Flag]] = {}
        for flag in self.swaps:
            by_word.setdefault(flag.word.lower(), []).append(flag)
        entries = [
            f"{word}{f' ({len(flags)}x)' if len(flags) > 1 else ''} -> {flags[0].plain.split(',')[0].split(';')[0]};"
            for word, flags in by_word.items()
        ]
        entries[-1] = entries[-1].removesuffix(";")
        return _packed(entries, "    ")

    def _at(self, line: int | None) -> str:
        return f"{self.source}:{line}:" if line is not None else f"{self.source}:"


def _packed(entries: list[str], indent: str) -> list[str]:
    """Entries several to a line, each kept whole, lines at most WIDTH wide (but for an entry wider alone)."""
    lines = [indent]
    for entry in entries:
        if len(lines[-1]) > len(indent) and len(lines[-1]) + 1 + len(entry) > WIDTH:
            lines.append(indent)
        lines[-1] += entry if len(lines[-1]) == len(indent) else " " + entry
    return lines


_SHORT_NAMES = {"smog": "SMOG", "flesch_kincaid": "FK", "fernandez_huerta": "F-H", "szigriszt_pazos": "S-P"}


def _number(name: str, score: float) -> int:
    """Grades (SMOG, Flesch-Kincaid) never below 0; the Spanish scores are ease, 0-100, shown whole."""
    return school_grade(score) if name in GRADES else whole(score)


def _rough(name: str, part: Part) -> bool:
    return name == "smog" and part.rough


def _scores(scores: dict[str, float]) -> dict[str, int | str | None]:
    """Every score as a whole number (null where the language has none), and the INFLESZ band where it applies."""
    result: dict[str, int | str | None] = {name: _number(name, scores[name]) if name in scores else None
                                           for name in SCORES}
    result["inflesz"] = inflesz(scores["szigriszt_pazos"]) if "szigriszt_pazos" in scores else None
    return result


def _score_text(scores: dict[str, float]) -> str:
    if "smog" in scores:
        return f"SMOG {school_grade(scores['smog'])}, Flesch-Kincaid {school_grade(scores['flesch_kincaid'])}"
    ease, perspicuity = scores["fernandez_huerta"], scores["szigriszt_pazos"]
    return (
        f"Fernández-Huerta {whole(ease)} (grade {huerta_grade(whole(ease))}), "
        f"Szigriszt-Pazos {whole(perspicuity)} (INFLESZ: {inflesz(perspicuity)})"
    )


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
