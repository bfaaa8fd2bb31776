"""Deciding a source's reading report: which texts are read, how they grade, what to flag.

Pure: the article, where its texts start, and the file's lines in; a `Report` out.
The texts graded are those a patient reads as prose: headings, labels, references and
the editor's short slide texts are not (a heading is not a sentence, and a slide text
repeats one). Medical words are looked for in that prose, in reading order, so "first
used" means first met by a reader; swaps in headings too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from mghandout.model import Article, Callout, Figure, Foods, Paragraph, Section, Table, TermList
from mghandout.reading.formulas import LONG_SENTENCE, Counts
from mghandout.reading.grading import Grader, grader
from mghandout.reading.plainwords import swaps
from mghandout.reading.report import HARDEST, Flag, HardSentence, Part, Report
from mghandout.reading.sentences import split
from mghandout.reading.terms import explained, medical_words
from mghandout.source import TextStarts

HARD_SENTENCE_WORDS = 10
"""Shorter sentences are not ranked: on a table cell or a list item ("Avocado") a grade formula is noise."""
WORD_LISTS_LANGUAGE = "en"
"""The medical-word and swap lists are English."""


class _Text(NamedTuple):
    text: str
    graded: bool


Texts = list[_Text]


def analyse(source: str, article: Article, starts: TextStarts, file_lines: list[str]) -> Report:
    """The reading report of one article; `starts` and `file_lines` place each finding at its line."""
    locate = _Locator(starts, file_lines).line
    parts = _parts(article)
    language, target = article.language, article.reading_grade
    notes, terms, swaps = [], [], []
    if language.split("-")[0].lower() == WORD_LISTS_LANGUAGE:
        texts = [text for _, texts in parts for text in texts]
        terms, swaps = list(_unexplained(texts, locate)), list(_swaps(texts, locate))
    else:
        notes.append("medical words and everyday swaps are checked in English sources only")
    grading = grader(language)
    grades = _grades(parts, grading, locate, target) if grading else None
    if grading is None:
        notes.insert(0, f"no readability formula for language '{language}' is built in (English and Spanish are "
                     "graded), so no grade is given")
    elif grades is None:
        notes.insert(0, "no sentences to grade")
    return Report(source, language, target, **(grades._asdict() if grades else {}), notes=notes, terms=terms,
                  swaps=swaps)


class _Grades(NamedTuple):
    counts: Counts
    scores: dict[str, float]
    met: bool
    parts: list[Part]
    hard_sentences: list[HardSentence]


def _grades(parts: list[tuple[str, Texts]], grading: Grader, locate: _Locate, target: int) -> _Grades | None:
    """The whole article's and each part's grades, and the hardest sentences; None when nothing is graded."""
    count = _Counter(grading.syllables)
    graded_parts, sentences = [], []
    for title, texts in parts:
        counts = Counts()
        for text in (t for t in texts if t.graded):
            for sentence in split(text.text):
                counted = count(sentence.words)
                counts += counted
                sentences.append((counted, text.text, sentence))
        if counts.sentences:
            graded_parts.append(Part(title, locate(texts[0].text, 0), counts, grading.scores(counts),
                                     grading.grade(counts)))
    total = sum((part.counts for part in graded_parts), Counts())
    if not total.sentences:
        return None
    candidates = [s for s in sentences if s[0].words >= HARD_SENTENCE_WORDS]
    hardest = sorted(candidates, key=lambda s: (grading.grade(s[0]), s[0].words), reverse=True)[:HARDEST]
    return _Grades(
        total,
        grading.scores(total),
        grading.meets(total, target),
        graded_parts,
        [HardSentence(locate(text, s.start), s.text, c.words, grading.grade(c)) for c, text, s in hardest],
    )


class _Counter:
    """Counts a sentence's words and syllables, remembering each word's syllables (words repeat a lot)."""

    def __init__(self, syllables: Callable[[str], int]) -> None:
        self.syllables = syllables
        self.known: dict[str, int] = {}

    def __call__(self, words: tuple[str, ...]) -> Counts:
        counts = [self.known.get(word) or self.known.setdefault(word, self.syllables(word)) for word in words]
        return Counts(1, len(words), sum(counts), sum(n >= 3 for n in counts), int(len(words) > LONG_SENTENCE))


def _unexplained(texts: Texts, locate: _Locate) -> Iterator[Flag]:
    """Each medical word whose first use in the prose, in reading order, has no plain words beside it.

    Headings are passed over: a title cannot hold an explanation, and the text under it can.
    """
    seen: set[str] = set()
    for text in (t for t in texts if t.graded):
        for word in medical_words(text.text):
            if word.plain in seen:
                continue
            seen.add(word.plain)
            if not explained(text.text, word):
                yield Flag(word.word, locate(text.text, word.start), word.plain)


def _swaps(texts: Texts, locate: _Locate) -> Iterator[Flag]:
    for text in texts:
        for word in swaps(text.text):
            yield Flag(word.word, locate(text.text, word.start), word.plain)


def _parts(article: Article) -> list[tuple[str, Texts]]:
    """The article in reading order, in the parts the report grades; headings are read but not graded."""
    parts: list[tuple[str, Texts]] = [
        ("Title", [heading(article.title)]),
        ("Summary", [prose(article.summary)]),
        ("Introduction", [prose(t) for t in article.introduction]),
        ("Key points", [t for p in article.key_points for t in (heading(p.title), prose(p.text))]),
    ]
    parts += [(section.title, [heading(section.title), *_section_texts(section)]) for section in article.sections]
    conclusion = article.conclusion
    parts.append((conclusion.title, [heading(conclusion.title), *map(prose, conclusion.paragraphs)]))
    parts.append(("FAQ", [prose(t) for q in article.faq for t in (q.question, q.answer)]))
    disclaimer = article.disclaimer
    parts.append((disclaimer.title or "Disclaimer", [*map(heading, filter(None, [disclaimer.title])),
                                                    prose(disclaimer.text)]))
    return parts


def heading(text: str) -> _Text:
    """A text that is read but not graded (a title, a label)."""
    return _Text(text, False)


def prose(text: str) -> _Text:
    """A text that is graded."""
    return _Text(text, True)


def _section_texts(section: Section) -> Texts:
    """A section's texts in order: list items and table cells are prose (each a sentence), labels are headings."""
    texts: Texts = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            texts.append(prose(block.paragraph))
        elif isinstance(block, TermList):
            texts += [t for term in block.terms for t in (heading(term.term), prose(term.text))]
        elif isinstance(block, Foods):
            texts += [prose(intro) for intro in filter(None, [block.foods.intro])]
            for group in block.foods.groups:
                texts += [heading(group.group), *map(prose, group.items)]
        elif isinstance(block, Table):
            table = block.table
            cells = [*filter(None, [table.caption]), *table.header, *(cell for row in table.rows for cell in row)]
            texts += map(prose, cells)
        elif isinstance(block, Callout):
            callout = block.callout
            texts += [heading(callout.title), *map(prose, [*filter(None, [callout.text]), *(callout.items or [])])]
        elif isinstance(block, Figure):
            texts += map(prose, filter(None, [block.figure.caption, block.figure.alt]))
    return texts


_Locate = Callable[[str, int], "int | None"]


class _Locator:
    """The file line a place in a text is on, by counting words from where the text starts.

    YAML folds a long text's lines into one, but keeps its words: the n-th word of the
    text is the n-th word of the file from the text's start.
    """

    def __init__(self, starts: TextStarts, file_lines: list[str]) -> None:
        self.starts = starts
        self.file_lines = file_lines

    def line(self, text: str, offset: int) -> int | None:
        """The line of the character at `offset` in `text`; None for a text the file does not hold."""
        start = self.starts.get(text)
        if start is None:
            return None
        line, column = start
        before = len(text[:offset].split()) - (1 if offset and not text[offset - 1].isspace() else 0)
        for index in range(line - 1, len(self.file_lines)):
            words = len(self.file_lines[index][column - 1 if index == line - 1 else 0 :].split())
            if before < words:
                return index + 1
            before -= words
        return line
