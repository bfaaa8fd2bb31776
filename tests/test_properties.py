"""Property tests: any valid source builds and keeps every word; any invalid one is refused with a location.

Valid sources are generated as article dicts in arbitrary Unicode text (Latin with accents,
Vietnamese, Greek, Cyrillic, combining marks, digits, punctuation including `<`, `>`, `&`,
straight and curly quotes, dashes), written with `yaml.safe_dump`, built by both writers and read
back: the PDF with pdfplumber, the deck with python-pptx. Invalid sources are a valid one with one
mistake an editor can make, checked through the command (`main([path, "--check"])`). Last, whatever
`--check` accepts the build builds: sources with every optional field left out, with every one given,
and pushed at and past every limit (long texts, many parts, wide tables, dates the zip format cannot
hold) either build both files or are refused at located sizes.

Sizes are kept small and examples few (EXAMPLES each) so the module runs in well under a minute;
raise `max_examples` locally to search harder.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
import pdfplumber
import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, example, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from mghandout.cli import main
from mghandout.deck import render_pptx
from mghandout.handout import render_pdf
from mghandout.handout.fonts import missing
from mghandout.model import (
    Article,
    Conclusion,
    Disclaimer,
    FoodGroup,
    FoodList,
    Foods,
    KeyPoint,
    Paragraph,
    Question,
    Reference,
    Section,
    Table,
    TableData,
    Term,
    TermList,
    iter_texts,
)
from mghandout.source import load_article

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = int(os.environ.get("MGHANDOUT_EXAMPLES", "20"))
SHRINK = os.environ.get("MGHANDOUT_SHRINK") == "1"
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    # Shrinking a failure re-renders hundreds of documents (minutes); the known minimal cases are pinned
    # with @example, and MGHANDOUT_SHRINK=1 turns shrinking back on to minimise a new failure.
    phases=tuple(Phase) if SHRINK else (Phase.explicit, Phase.reuse, Phase.generate, Phase.target),
)
WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)


# ---------------------------------------------------------------------------------------------
# Text the handout's fonts can draw
# ---------------------------------------------------------------------------------------------

_BLOCKS = [
    (0x0021, 0x007F),  # ASCII: letters, digits, < > & " ' and the rest of the punctuation
    (0x00A1, 0x0100),  # Latin-1: accented letters, « » ¿ ¡ § ° £
    (0x0100, 0x0180),  # Latin Extended-A: ő ł č ...
    (0x0180, 0x0250),  # Latin Extended-B: ơ ư (Vietnamese) ...
    (0x0300, 0x0370),  # combining diacritical marks
    (0x0370, 0x0400),  # Greek
    (0x0400, 0x0530),  # Cyrillic
    (0x1E00, 0x1F00),  # Latin Extended Additional: Vietnamese ạ ế ộ ...
    (0x2010, 0x2028),  # dashes, curly quotes, bullet, ellipsis
    (0x2030, 0x205F),  # per mille, guillemets, primes
    (0x20A0, 0x20C0),  # currency: € ₫ ₽
]


def _printable(char: str) -> bool:
    """A character an editor types as text: no controls, format marks, surrogates, private use or spaces."""
    return unicodedata.category(char)[0] not in "CZ" and not missing(char)


ALPHABET = sorted(c for low, high in _BLOCKS for c in map(chr, range(low, high)) if _printable(c))
"""Everything in the blocks above that a handout font has (checked with `fonts.missing`)."""

TRICKY = [
    "<b>",
    "</b>",
    "&amp;",
    "&",
    "<",
    ">",
    '"',
    "'",
    "“quoted”",
    "‘it’s’",
    "—",
    "–",
    "Yes",
    "No",
    "null",
    "~",
    "1.50",
    "2026",
    "#",
    "- ",
    ": ",
    "*x",
    "%",
    "@",
    "{a}",
    "[1]",
    "\\n",
    "<br/>",
    "&#60;",
]
"""Tokens that look like markup, YAML or numbers; they must print as typed."""

words = st.one_of(
    st.text(st.sampled_from(ALPHABET), min_size=1, max_size=10),
    st.sampled_from(TRICKY),
)
SEPARATORS = st.sampled_from([" ", " ", " ", " ", "  ", "\n"])


@st.composite
def texts(draw: st.DrawFn, max_words: int = 6) -> str:
    """One text: words in arbitrary scripts, separated by spaces (sometimes two, or a line break)."""
    parts = draw(st.lists(st.tuples(words, SEPARATORS), min_size=1, max_size=max_words))
    text = "".join(word + sep for word, sep in parts)
    text = draw(st.sampled_from(["", " "])) + text  # leading and trailing blanks are stripped on load
    assume(text.strip())
    return text


def short(max_words: int = 3) -> st.SearchStrategy[str]:
    return texts(max_words=max_words)


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


# ---------------------------------------------------------------------------------------------
# Valid sources
# ---------------------------------------------------------------------------------------------


def _without_none(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in mapping.items() if value is not None}


paragraph_blocks = texts(max_words=12).map(lambda text: {"paragraph": text})
term_blocks = st.lists(st.fixed_dictionaries({"term": short(), "text": texts()}), min_size=1, max_size=2).map(
    lambda terms: {"terms": terms}
)
food_blocks = st.fixed_dictionaries(
    {
        "intro": maybe(texts()),
        "groups": st.lists(
            st.fixed_dictionaries({"group": short(2), "items": st.lists(short(3), min_size=1, max_size=3)}),
            min_size=1,
            max_size=3,
        ),
    }
).map(lambda foods: {"foods": _without_none(foods)})


@st.composite
def table_blocks(draw: st.DrawFn) -> dict[str, Any]:
    columns = draw(st.integers(2, 3))
    header = draw(st.lists(short(2), min_size=columns, max_size=columns))
    rows = draw(st.lists(st.lists(short(3), min_size=columns, max_size=columns), min_size=1, max_size=2))
    return {"table": _without_none({"caption": draw(maybe(texts())), "header": header, "rows": rows})}


blocks = st.one_of(paragraph_blocks, term_blocks, food_blocks, table_blocks())


@st.composite
def short_titles(draw: st.DrawFn) -> str:
    text = draw(short(4))
    assume(len(text.strip()) <= 60)
    return text


@st.composite
def articles(draw: st.DrawFn) -> dict[str, Any]:
    """An article dict that the model accepts, with every optional part sometimes present."""
    doc = {
        "title": draw(texts()),
        "short_title": draw(short_titles()),
        "date": draw(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))),
        "summary": draw(texts(max_words=10)),
        "introduction": draw(st.lists(texts(max_words=10), min_size=1, max_size=2)),
        "key_points": draw(
            st.lists(st.fixed_dictionaries({"title": short(), "text": texts()}), min_size=1, max_size=2)
        ),
        "sections": draw(
            st.lists(
                st.fixed_dictionaries({"title": short(), "blocks": st.lists(blocks, min_size=1, max_size=3)}),
                min_size=1,
                max_size=2,
            )
        ),
        "conclusion": {"title": draw(short()), "paragraphs": draw(st.lists(texts(), min_size=1, max_size=2))},
        "faq": draw(st.lists(st.fixed_dictionaries({"question": texts(), "answer": texts()}), min_size=0, max_size=2)),
        "references": draw(
            st.lists(
                st.fixed_dictionaries({"text": texts(), "url": maybe(short(1))}).map(_without_none),
                min_size=0,
                max_size=2,
            )
        ),
        "disclaimer": _without_none(
            {"title": draw(maybe(short())), "text": draw(texts()), "short": draw(maybe(short()))}
        ),
    }
    return {key: value for key, value in doc.items() if value != []}


def dump(doc: Any) -> str:
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10**6)


def expected_texts(doc: dict[str, Any]) -> list[str]:
    """The texts of the dict, in the order `iter_texts` promises, as the model keeps them (stripped)."""
    found: list[str] = [doc["title"], doc["summary"], *doc["introduction"]]
    for point in doc["key_points"]:
        found += [point["title"], point["text"]]
    for section in doc["sections"]:
        found.append(section["title"])
        for block in section["blocks"]:
            if "paragraph" in block:
                found.append(block["paragraph"])
            elif "terms" in block:
                found += [t for term in block["terms"] for t in (term["term"], term["text"])]
            elif "foods" in block:
                foods = block["foods"]
                found += [foods["intro"]] if "intro" in foods else []
                for group in foods["groups"]:
                    found += [group["group"], *group["items"]]
            else:
                table = block["table"]
                found += [table["caption"]] if "caption" in table else []
                found += table["header"] + [cell for row in table["rows"] for cell in row]
    found += [doc["conclusion"]["title"], *doc["conclusion"]["paragraphs"]]
    for question in doc.get("faq", []):
        found += [question["question"], question["answer"]]
    for reference in doc.get("references", []):
        found += [reference["text"]] + ([reference["url"]] if "url" in reference else [])
    found += [doc["disclaimer"]["title"]] if "title" in doc["disclaimer"] else []
    found.append(doc["disclaimer"]["text"])
    return [text.strip() for text in found]


def _load(doc: dict[str, Any]) -> Article:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "topic.yaml"
        path.write_text(dump(doc), encoding="utf-8")
        return load_article(path)


def _squeeze(text: str) -> str:
    """Text without any whitespace (see the PDF test for why)."""
    return re.sub(r"\s+", "", text)


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class PdfText:
    body: str
    footers: list[str]


FOOTER_BASELINE = 60.0
"""Points from the page's foot: the footer's lines sit below it, the body frame (0.9 in up) above it."""


def pdf_text(data: bytes) -> PdfText:
    """The PDF's characters in the order they are drawn, the body apart from each page's footer."""
    body, footers = [], []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            chars = page.chars
            body += [c["text"] for c in chars if c["matrix"][5] >= FOOTER_BASELINE]
            footers.append("".join(c["text"] for c in chars if c["matrix"][5] < FOOTER_BASELINE))
    return PdfText("".join(body), footers)


def deck_text(data: bytes) -> tuple[str, str, list[str]]:
    """The deck's slide text (titles, bodies, food boxes, table cells), its notes, and each slide's footer text."""
    slides, notes, footers = [], [], []
    for slide in Presentation(io.BytesIO(data)).slides:
        shown = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                shown.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                shown += [cell.text for row in shape.table.rows for cell in row.cells]
        slides.append("\n".join(shown))
        footers.append("\n".join(shown))
        if slide.has_notes_slide:
            notes.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(slides), "\n".join(notes), footers


# ---------------------------------------------------------------------------------------------
# Properties of valid sources
# ---------------------------------------------------------------------------------------------


def test_the_alphabet_spans_the_scripts_a_clinic_writes_in() -> None:
    """The generator is not quietly ASCII: every script named in the brief is in the alphabet."""
    samples = "éßłơưđạếộữαΩάжЯёї<>&\"'“”‘’–—…€\u0301"
    for sample in samples:
        assert sample in ALPHABET, sample
    assert not any(unicodedata.category(c)[0] in "CZ" for c in ALPHABET)


@PROPERTY
@given(articles())
def test_valid_source_loads_with_every_text_as_typed(doc: dict[str, Any]) -> None:
    """Whatever the text, the loader keeps it exactly (only outer blanks are stripped), in reading order."""
    article = _load(doc)
    assert iter_texts(article) == expected_texts(doc)
    assert article.short_title == doc["short_title"].strip()
    assert article.disclaimer.footer == doc["disclaimer"].get("short", doc["disclaimer"]["text"]).strip()


@PROPERTY
@given(articles())
def test_valid_source_builds_a_pdf_that_reads_back_every_text(doc: dict[str, Any]) -> None:
    """Every text of the source is in the handout's body, character for character.

    The comparison ignores whitespace. A PDF keeps no spaces or line breaks of the source: the
    writer wraps lines at its own places (the space there is not drawn), collapses runs of blanks
    as any typesetter does, and splits a word longer than a narrow table column across lines. So
    each text, with its whitespace removed, must appear as one contiguous run of the characters the
    PDF draws, in drawing order (which keeps a table cell or a paragraph together even when cells
    sit side by side; reading-order extraction would interleave them). The footer is drawn at the
    end of each page, between the halves of a paragraph that breaks across pages, so it is read
    apart, by its place on the page (next test). Nothing is Unicode-normalised: the writer draws one
    glyph per code point with no ligatures or shaping, and its ToUnicode map gives back the exact code
    points, combining marks included (NFC would even be wrong here: it reorders combining marks that
    meet across two texts once whitespace is removed).
    """
    article = _load(doc)
    data, pages = render_pdf(article, when=WHEN)
    assert data.startswith(b"%PDF-") and pages >= 1
    body = _squeeze(pdf_text(data).body)
    lost = [t for t in iter_texts(article) if _squeeze(t) not in body]
    assert not lost, f"not in the PDF: {lost!r}"


def _minimal(**changes: Any) -> dict[str, Any]:
    """tests/fixtures/minimal.yaml as a dict, with some values changed: a pinned falsifying example."""
    doc = yaml.safe_load((ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8"))
    doc.update(changes)
    return doc


@PROPERTY
@given(articles())
# Found by this test: a line break in the footer text printed as a missing-glyph box (extracted as NUL).
@example(_minimal(disclaimer={"text": "This is not\nmedical advice."}))
@example(_minimal(disclaimer={"text": "Full text.", "short": "Not\nadvice."}))
@example(_minimal(short_title="Minimal\ntopic"))
def test_every_pdf_page_footer_reads_back_the_short_title_and_disclaimer(doc: dict[str, Any]) -> None:
    """Each page's footer prints the short title and the disclaimer's footer form as typed (whitespace aside)."""
    article = _load(doc)
    data, pages = render_pdf(article, when=WHEN)
    footers = pdf_text(data).footers
    assert len(footers) == pages
    for footer in footers:
        assert "\x00" not in footer, f"a missing glyph in the footer: {footer!r}"
        assert _squeeze(article.short_title) in _squeeze(footer), footer
        assert _squeeze(article.disclaimer.footer) in _squeeze(footer), footer


@PROPERTY
@given(articles())
def test_valid_source_builds_a_deck_that_reads_back_every_text(doc: dict[str, Any]) -> None:
    """Every text of the source is in the deck's slides or speaker notes, with its words spaced as typed.

    python-pptx reads back the very strings written, so only runs of whitespace are normalised
    (a line break in the source may become a paragraph break, or a sentence split between
    slides); words and their order must be intact. The short title is in every slide's footer.
    """
    article = _load(doc)
    data, count = render_pptx(article, when=WHEN)
    shown, notes, footers = deck_text(data)
    assert len(footers) == count >= 1
    everything = _spaced(shown + "\n" + notes)
    lost = [t for t in iter_texts(article) if _spaced(t) not in everything]
    assert not lost, f"not in the deck: {lost!r}"
    assert all(_spaced(article.short_title) in _spaced(footer) for footer in footers)


@PROPERTY
@given(articles())
def test_valid_source_passes_the_check_command(doc: dict[str, Any]) -> None:
    """`make-handout SOURCE --check` accepts every generated source: exit 0, nothing on stderr but the
    warning that a disclaimer too long for the page footer leaves it (issue 23)."""
    status, out, err = _run_check(dump(doc).encode("utf-8"))
    others = [line for line in err.splitlines() if "too long for the page footer" not in line]
    assert (status, others) == (0, []), err
    assert out.endswith(": ok\n")


# ---------------------------------------------------------------------------------------------
# Invalid sources: a valid one with one mistake
# ---------------------------------------------------------------------------------------------

CHILDREN: dict[type, dict[str, Any]] = {
    Article: {
        "key_points": KeyPoint,
        "sections": Section,
        "conclusion": Conclusion,
        "faq": Question,
        "references": Reference,
        "disclaimer": Disclaimer,
    },
    Section: {"blocks": "block"},
    TermList: {"terms": Term},
    Foods: {"foods": FoodList},
    FoodList: {"groups": FoodGroup},
    Table: {"table": TableData},
}
BLOCK_MODELS = {"paragraph": Paragraph, "terms": TermList, "foods": Foods, "table": Table}


@dataclass
class Place:
    """A mapping in the doc and the model that validates it."""

    mapping: dict[str, Any]
    model: type


def places(doc: dict[str, Any]) -> list[Place]:
    """Every mapping of the doc, with its model class."""
    found: list[Place] = []

    def visit(mapping: dict[str, Any], model: type) -> None:
        found.append(Place(mapping, model))
        for key, child in CHILDREN.get(model, {}).items():
            value = mapping.get(key)
            for item in value if isinstance(value, list) else [value] if isinstance(value, dict) else []:
                kind = BLOCK_MODELS[next(iter(item))] if child == "block" else child
                visit(item, kind)

    visit(doc, Article)
    return found


def text_slots(doc: dict[str, Any]) -> list[tuple[Any, Any]]:
    """(container, key or index) of every text value in the doc."""
    slots: list[tuple[Any, Any]] = []

    def visit(value: Any) -> None:
        pairs = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
        for key, child in list(pairs):
            if isinstance(child, str):
                slots.append((value, key))
            else:
                visit(child)

    visit(doc)
    return slots


def list_slots(doc: dict[str, Any]) -> list[tuple[Any, Any]]:
    """(container, key) of every list in the doc that sits under a key."""
    slots: list[tuple[Any, Any]] = []

    def visit(value: Any) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                if isinstance(child, list):
                    slots.append((value, key))
                visit(child)
        elif isinstance(value, list):
            for child in value:
                visit(child)

    visit(doc)
    return slots


class Dup(dict):  # type: ignore[type-arg]
    """A mapping written with one key twice (a dict cannot hold that; see the representer below)."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.pairs = pairs


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Dup, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data.pairs))


@dataclass
class Bad:
    """An invalid source: its bytes, what the message must say, and where (when the mistake has one place)."""

    kind: str
    data: bytes
    words: str
    line: int | None = None


def _lines_to(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, index) + 1


def _misspell(draw: st.DrawFn, key: str, allowed: set[str]) -> str:
    choices = [key[:i] + key[i + 1 :] for i in range(len(key))]  # a letter left out
    choices += [key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(len(key) - 1)]  # two swapped
    choices += [key + key[-1], key[0] + key]  # a letter doubled
    choices = [c for c in dict.fromkeys(choices) if c and c != key and c not in allowed]
    assume(choices)
    return draw(st.sampled_from(choices))


def _mutate_key(draw: st.DrawFn, doc: dict[str, Any], kind: str) -> Bad:
    place = draw(st.sampled_from(places(doc)))
    allowed = set(place.model.__struct_fields__)
    if kind == "misspelt key":
        key = draw(st.sampled_from(list(place.mapping)))
        new = _misspell(draw, key, allowed)
        items = [(new if k == key else k, v) for k, v in place.mapping.items()]  # keep the order of keys
        block = place.model in BLOCK_MODELS.values()
    else:
        new = draw(st.sampled_from(["colour", "notes", "Title", "summary_text", "extra", "ключ", "tiêu_đề"]))
        assume(new not in allowed)
        items = list(place.mapping.items())
        items.insert(draw(st.integers(0, len(items))), (new, draw(short())))
        block = False
    place.mapping.clear()
    place.mapping.update(items)
    words = "not a known kind of block" if block else f"unknown key '{new}'"
    data = dump(doc).encode("utf-8")
    return Bad(kind, data, words, _key_line(data, new))


def _key_line(data: bytes, key: str) -> int | None:
    """The line where `key:` is written, if it is written once."""
    pattern = re.compile(rb"^[ \-]*" + re.escape(key.encode("utf-8")) + rb":", re.MULTILINE)
    found = [m.start() for m in pattern.finditer(data)]
    return _lines_to(data, found[0]) if len(found) == 1 else None


@st.composite
def bad_sources(draw: st.DrawFn) -> Bad:
    """A generated valid source with exactly one mistake of one kind."""
    doc = draw(articles())
    kind = draw(
        st.sampled_from(
            [
                "misspelt key",
                "unknown key",
                "list where text goes",
                "mapping where text goes",
                "mapping where a list goes",
                "text where a list goes",
                "missing required field",
                "empty required text",
                "empty list",
                "row with wrong cell count",
                "duplicate key",
                "tab indentation",
                "broken YAML",
                "not UTF-8",
                "NUL byte",
                "empty file",
            ]
        )
    )
    if kind in ("misspelt key", "unknown key"):
        return _mutate_key(draw, doc, kind)
    if kind in ("list where text goes", "mapping where text goes"):
        container, key = draw(st.sampled_from(text_slots(doc)))
        container[key] = [draw(short())] if kind.startswith("list") else {"a": draw(short())}
        return Bad(kind, dump(doc).encode("utf-8"), "should be text")
    if kind in ("mapping where a list goes", "text where a list goes"):
        container, key = draw(st.sampled_from(list_slots(doc)))
        container[key] = {"a": draw(short())} if kind.startswith("mapping") else draw(short())
        return Bad(kind, dump(doc).encode("utf-8"), f"'{key}' should be a list")
    if kind == "missing required field":
        place = draw(st.sampled_from(places(doc)))
        required = [f.name for f in msgspec.structs.fields(place.model) if f.required and f.name in place.mapping]
        assume(required and place.model not in BLOCK_MODELS.values())
        key = draw(st.sampled_from(required))
        del place.mapping[key]
        return Bad(kind, dump(doc).encode("utf-8"), f"missing key '{key}'")
    if kind == "empty required text":
        container, key = draw(st.sampled_from(text_slots(doc)))
        container[key] = draw(st.sampled_from(["", " ", "   "]))
        return Bad(kind, dump(doc).encode("utf-8"), "is empty")
    if kind == "empty list":
        container, key = draw(st.sampled_from(list_slots(doc)))
        assume(key not in ("faq", "references", "keywords"))  # optional lists may be empty
        container[key] = []
        return Bad(kind, dump(doc).encode("utf-8"), f"'{key}' is empty")
    if kind == "row with wrong cell count":
        tables = [b["table"] for s in doc["sections"] for b in s["blocks"] if "table" in b]
        if not tables:
            table = draw(table_blocks())
            doc["sections"][0]["blocks"].append(table)
            tables = [table["table"]]
        table = draw(st.sampled_from(tables))
        row = draw(st.sampled_from(table["rows"]))
        if draw(st.booleans()):
            row.append(draw(short()))
        else:
            row.pop()
        return Bad(kind, dump(doc).encode("utf-8"), f"but the header has {len(table['header'])}")
    if kind == "duplicate key":
        place = draw(st.sampled_from(places(doc)))
        key = draw(st.sampled_from(list(place.mapping)))
        pairs = list(place.mapping.items())
        pairs.insert(draw(st.integers(0, len(pairs))), (key, draw(short())))
        if place.mapping is doc:
            doc = Dup(pairs)
        else:
            _replace(doc, place.mapping, Dup(pairs))
        data = yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6).encode("utf-8")
        return Bad(kind, data, f"duplicate key '{key}'")
    text = dump(doc)
    lines = text.splitlines(keepends=True)
    if kind == "tab indentation":
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        lines[index] = "\t" + line.lstrip(" ") if draw(st.booleans()) else " " * draw(st.integers(0, 2)) + "\t" + line
        return Bad(kind, "".join(lines).encode("utf-8"), "a tab in the indentation", index + 1)
    if kind == "broken YAML":
        # before a top-level key or at the end, never inside a multi-line scalar where it would be text
        index = draw(st.sampled_from([i for i, line in enumerate(lines) if re.match(r"[a-z_]+:", line)] + [len(lines)]))
        breakage = draw(
            st.sampled_from(
                ["summary: [unclosed\n", 'title: "unterminated\n', "]\n", "key: a: b\n", "{x\n", "  indented: oddly\n"]
            )
        )
        lines.insert(index, breakage)
        return Bad(kind, "".join(lines).encode("utf-8"), "")
    if kind == "not UTF-8":
        data = text.encode("utf-8")
        index = draw(st.integers(0, len(data)))
        bad = draw(st.sampled_from([b"\xff", b"\xfe", b"\xc3(", b"\xe9", b"\x80", b"\xed\xa0\x80"]))
        data = data[:index] + bad + data[index:]
        return Bad(kind, data, "is not UTF-8 text", _lines_to(data, index))
    if kind == "NUL byte":
        data = text.encode("utf-8")
        index = draw(st.sampled_from([0] + [m.end() for m in re.finditer(b"\n", data)]))  # not inside a character
        return Bad(kind, data[:index] + b"\x00" + data[index:], "not a text file", _lines_to(data, index))
    blank = draw(st.sampled_from(["", "\n", "   \n\n", "# only a comment\n", "---\n", "\ufeff"]))
    return Bad(kind, blank.encode("utf-8"), "the file is empty", 1)


def _replace(value: Any, old: dict[str, Any], new: dict[str, Any]) -> None:
    """Put `new` where the mapping `old` is (by identity) inside `value`."""
    pairs = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in list(pairs):
        if child is old:
            value[key] = new
        else:
            _replace(child, old, new)


def _run_check(data: bytes) -> tuple[int, str, str]:
    """`make-handout PATH --check` in this process: exit status, stdout, stderr."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "topic.yaml"
        path.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main([str(path), "--check"])
        return status, out.getvalue().replace(str(path), "topic.yaml"), err.getvalue().replace(str(path), "topic.yaml")


LOCATED = re.compile(r"topic\.yaml:(\d+):(\d+): error: \S.*")


def _assert_refused(bad: Bad, status: int, out: str, err: str) -> None:
    assert status == 2, (bad.kind, status, err)
    assert "Traceback" not in err and "internal error" not in err, err
    assert out == "", out
    lines = err.splitlines()
    assert lines, "nothing on stderr"
    for line in lines:
        assert LOCATED.fullmatch(line), f"{bad.kind}: not FILE:LINE:COL: error: ...: {line!r}"
    text_lines = bad.data.count(b"\n") + 1
    for line in lines:
        number, column = map(int, LOCATED.fullmatch(line).groups())  # type: ignore[union-attr]
        assert 1 <= number <= text_lines and column >= 1, line
    assert bad.words in err, (bad.kind, bad.words, err)
    if bad.line is not None:
        assert any(int(LOCATED.fullmatch(line).group(1)) == bad.line for line in lines), (bad.line, err)  # type: ignore[union-attr]


MINIMAL = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")


@settings(PROPERTY, max_examples=60)
@given(bad_sources())
# Found by this test: an unknown key beside a block's kind key is located at the kind key's line (13), not its own.
@example(
    Bad(
        "unknown key",
        MINIMAL.replace("One paragraph.\n", "One paragraph.\n        colour: red\n").encode("utf-8"),
        "unknown key 'colour'",
        14,
    )
)
@example(
    Bad(
        "unknown key",
        MINIMAL.replace(
            "      - paragraph: One paragraph.\n",
            "      - table:\n          header: [A, B]\n          rows: [[a, b]]\n        colour: red\n",
        ).encode("utf-8"),
        "unknown key 'colour'",
        16,
    )
)
# Found by this test: a value echoed in a message keeps its line break, so the problem spills onto a second,
# unlocated stderr line.
@example(
    Bad(
        "text where a list goes",
        MINIMAL.replace("introduction:\n  - One introduction sentence.", 'introduction: "one\\ntwo"').encode("utf-8"),
        "'introduction' should be a list",
        5,
    )
)
# Found by this test: a file holding only the document marker is reported as "this value should be a mapping,
# not ''" at line 2 (past its one line) instead of "the file is empty".
@example(Bad("empty file", b"---\n", "the file is empty", 1))
def test_invalid_source_exits_2_with_a_location_and_no_traceback(bad: Bad) -> None:
    """Every mistake ends with exit 2, every stderr line is `FILE:LINE:COL: error: ...` and names it."""
    _assert_refused(bad, *_run_check(bad.data))


@settings(PROPERTY, max_examples=4)
@given(bad_sources())
def test_invalid_source_through_the_real_command(bad: Bad) -> None:
    """The same through `python -m mghandout` in its own process (a build, not --check): the exit status is real."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "topic.yaml"
        path.write_bytes(bad.data)
        result = subprocess.run(
            [sys.executable, "-m", "mghandout", str(path), "-o", str(Path(folder) / "out")],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
        _assert_refused(bad, result.returncode, result.stdout, result.stderr.replace(str(path), "topic.yaml"))
        assert not (Path(folder) / "out").exists() or not any((Path(folder) / "out").iterdir())


# ---------------------------------------------------------------------------------------------
# Whatever --check accepts, the build builds
# ---------------------------------------------------------------------------------------------

OPTIONAL = {
    None: ("language", "author", "subject", "keywords", "faq", "references", "labels", "reading_grade"),
    "disclaimer": ("title", "short"),
    "table": ("caption",),
    "foods": ("intro",),
    "references": ("url",),
}
"""Every optional key, by the key of the mapping that holds it (None: the article); `slide` anywhere."""


def strip_optional(value: Any, parent: str | None = None) -> Any:
    """The doc with every optional key left out, at every depth."""
    if isinstance(value, list):
        return [strip_optional(item, parent) for item in value]
    if not isinstance(value, dict):
        return value
    drop = {*OPTIONAL.get(parent, ()), "slide"}
    return {key: strip_optional(child, key) for key, child in value.items() if key not in drop}


def _build(data: bytes, *arguments: str) -> tuple[int, str, list[Path]]:
    """`make-handout PATH -o OUT ARGUMENTS` in this process: exit status, stderr, the files written."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "topic.yaml"
        path.write_bytes(data)
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            status = main([str(path), "-o", str(Path(folder) / "out"), *arguments])
        written = sorted((Path(folder) / "out").glob("topic.*")) if status == 0 else []
        return status, err.getvalue().replace(str(path), "topic.yaml"), [Path(p.name) for p in written]


@PROPERTY
@given(articles().map(strip_optional))
def test_every_optional_field_left_out_builds_and_keeps_every_text(doc: dict[str, Any]) -> None:
    """No optional key at any depth: --check passes, both files are written, and every text is in each."""
    data = dump(doc)
    assert not re.search(r"^\s*-?\s*(language|author|subject|keywords|faq|references|labels|reading_grade|"
                         r"short|caption|intro|url|slide):", data, re.MULTILINE)
    assert _run_check(data.encode("utf-8"))[0] == 0
    article = _load(doc)
    pdf = _squeeze(pdf_text(render_pdf(article, when=WHEN)[0]).body)
    shown, notes, _ = deck_text(render_pptx(article, when=WHEN)[0])
    deck = _spaced(shown + "\n" + notes)
    assert [t for t in iter_texts(article) if _squeeze(t) not in pdf or _spaced(t) not in deck] == []


def test_the_minimal_fixture_has_no_optional_field_and_builds() -> None:
    doc = yaml.safe_load(MINIMAL)
    assert strip_optional(doc) == doc
    status, err, written = _build(MINIMAL.encode("utf-8"))
    assert (status, err) == (0, "") and [p.name for p in written] == ["topic.pdf", "topic.pptx"]


LANGUAGES = ["en", "en-GB", "es", "es-MX", "vi", "tl", "ru", "ht", "fr", "pt", "pl", "de"]


@st.composite
def full_articles(draw: st.DrawFn) -> dict[str, Any]:
    """An article with every optional field given: document properties, callouts, slide texts, a language."""
    doc = draw(articles())
    doc.update(
        author=draw(short()),
        subject=draw(texts(max_words=10)),
        keywords=draw(st.lists(short(2), min_size=1, max_size=4)),
        language=draw(st.sampled_from(LANGUAGES)),
        reading_grade=draw(st.integers(1, 16)),
        faq=doc.get("faq") or [{"question": draw(texts()), "answer": draw(texts())}],
        references=doc.get("references") or [{"text": draw(texts()), "url": draw(short(1))}],
    )
    doc["disclaimer"] = {"title": draw(short()), "text": doc["disclaimer"]["text"], "short": draw(short())}
    doc["key_points"][0]["slide"] = draw(texts())
    callout = {"kind": draw(st.sampled_from(["warning", "tip"])), "title": draw(short()), "text": draw(texts()),
               "items": draw(st.lists(short(4), min_size=1, max_size=4))}
    doc["sections"][0]["blocks"].append({"callout": callout})
    doc["sections"][-1]["blocks"].insert(0, {"paragraph": draw(texts()), "slide": draw(short())})
    return doc


@PROPERTY
@given(full_articles())
def test_every_optional_field_given_builds(doc: dict[str, Any]) -> None:
    """--check passes (a language without built-in labels is a warning only), and the build writes both files."""
    data = dump(doc).encode("utf-8")
    status, _, err = _run_check(data)
    assert status == 0 and all(": warning: " in line for line in err.splitlines()), err
    status, err, written = _build(data)
    assert status == 0, err
    assert [p.name for p in written] == ["topic.pdf", "topic.pptx"]


LENGTHS = [1, 2, 59, 60, 61, 99, 100, 101, 149, 150, 151, 199, 200, 201, 255, 256, 600, 1000, 1500, 2400, 5000]
"""Text lengths at and either side of every limit (mghandout/limits.py, short_title, the 255 of document properties),
and the lengths of real clinic parts that once had limits and now flow (issue 21)."""
DATES = [dt.date(1, 1, 1), dt.date(1979, 12, 31), dt.date(1980, 1, 1), dt.date(2107, 12, 31), dt.date(9999, 12, 31)]


def _long_text(length: int, word: str) -> str:
    return ((word + " ") * (length // (len(word) + 1) + 1))[:length].strip().ljust(length, word[0])


@st.composite
def extreme_articles(draw: st.DrawFn) -> dict[str, Any]:
    """A generated article pushed at and past its limits: long texts, many parts, wide tables, far dates."""
    doc = draw(st.one_of(articles(), full_articles()))
    word = draw(st.sampled_from(["WWWWWWW", "magnesium", "Ñandú", "Мышцы", "x"]))
    prose = [(container, key) for container, key in text_slots(doc) if key not in ("kind", "language")]
    for container, key in draw(st.lists(st.sampled_from(prose), min_size=1, max_size=4)):
        if isinstance(container[key], str):
            container[key] = _long_text(draw(st.sampled_from(LENGTHS)), word)
    doc["date"] = draw(st.sampled_from([doc["date"], *DATES]))
    doc["key_points"] = [copy.deepcopy(point) for point in doc["key_points"] * draw(st.sampled_from([1, 2, 20]))]
    columns = draw(st.integers(2, 8))
    cell = _long_text(draw(st.sampled_from([1, 60, 200, 500, 1400])), word)
    table = {"header": [cell[:60]] * columns, "rows": [[cell] * columns for _ in range(draw(st.integers(1, 12)))]}
    items = [cell[:20]] * draw(st.integers(1, 30))
    groups = [{"group": "Group", "items": list(items)} for _ in range(draw(st.integers(1, 7)))]
    callout = {"title": "Call us", "text": cell, "items": [cell[:80]] * draw(st.integers(1, 28))}
    doc["sections"][0]["blocks"] += [{"table": table}, {"foods": {"groups": groups}}, {"callout": callout}]
    return doc


SIZE_WORDS = ("at most", "is too long", "too wide to print")


@pytest.mark.filterwarnings("ignore:Generating overly large repr")  # a falsifying example is large by design
@settings(PROPERTY, max_examples=max(EXAMPLES // 2, 4))
@given(extreme_articles())
@example(_minimal(subject=_long_text(349, "magnesium")))  # issue 11: a 349-character subject stopped the build
@example(_minimal(date=dt.date(9999, 12, 31)))  # found by this test: a date past 2107 cannot stamp a zip entry
@example(_minimal(labels={"continued": "{titel}"}))  # found by fuzzing: a label field the writers do not fill
@example(  # the sizes of issue 11's fuzzing: 200 key points, a 300-row table, a 5,000-letter word, 1-letter texts
    _minimal(
        title="T",
        summary="S",
        key_points=[{"title": f"Point {n}", "text": f"Text {n}."} for n in range(200)],
        sections=[
            {"title": "A", "blocks": [{"paragraph": "x" * 5000}, {"table": {"header": ["A", "B", "C"], "rows": [
                [f"a{n}", f"b{n}", f"c{n}"] for n in range(300)]}}]}
        ],
    )
)
def test_what_check_accepts_the_build_builds(doc: dict[str, Any]) -> None:
    """--check and the build agree: accepted, both files are written (exit 0); refused, only a heading past its
    limit or a table too wide for the page, located. Long content is never refused (issue 21)."""
    data = dump(doc).encode("utf-8")
    status, _, err = _run_check(data)
    errors = [line for line in err.splitlines() if ": warning: " not in line]
    if status == 0:
        built, err, written = _build(data)
        assert built == 0, err
        assert [p.name for p in written] == ["topic.pdf", "topic.pptx"]
        built, err, _ = _build(data, "--paper", "a4", "--format", "pdf")
        assert built == 0, err
    else:
        assert status == 2 and errors, err
        for line in errors:
            assert LOCATED.fullmatch(line), line
            assert any(words in line for words in SIZE_WORDS) or "label" in line, line
