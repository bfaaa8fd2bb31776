"""The article: every part of a patient-education source, typed, in one place.

Both outputs read only these classes, so a field added here is a field every writer
must honour, and a typo in the YAML (an unknown key) is refused instead of silently
dropping content. Validation happens once, on load (`mghandout.source.load_article`).
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag, create_model, model_validator
from pydantic_core import PydanticCustomError

from mghandout.labels import LABEL_HELP, Labels, resolve

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Prose that prints literally: `<`, `&` and quotes are text, never markup."""


SLIDE_HELP = (
    "A short form for the slide, written by the editor (the full text still goes in the handout and the speaker "
    "notes); without it the layout chooses what the slide shows."
)


class _Part(BaseModel):
    """Base for every part: frozen, and unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class KeyPoint(_Part):
    """One take-away, shown up front on the handout and on the key-points slide."""

    title: Text = Field(description="A few words that name the point.")
    text: Text = Field(description="One or two sentences that explain it.")
    slide: Text | None = Field(None, description=SLIDE_HELP)


class Term(_Part):
    """A labelled item in a list, such as a symptom group and its description."""

    term: Text = Field(description="The label, printed in bold.")
    text: Text = Field(description="What the label means.")
    slide: Text | None = Field(None, description=SLIDE_HELP)


class FoodGroup(_Part):
    """One group of the food list, such as 'Leafy Greens' and its foods."""

    group: Text = Field(description="The group's name.")
    items: list[Text] = Field(min_length=1, description="The foods, one per entry.")


class Paragraph(_Part):
    """A paragraph of running text."""

    paragraph: Text = Field(description="The paragraph's text.")
    slide: Text | None = Field(None, description=SLIDE_HELP)


class TermList(_Part):
    """A list of labelled items (term + text)."""

    terms: list[Term] = Field(min_length=1, description="The items, in order.")


class FoodList(_Part):
    """The food list's introduction and groups."""

    intro: Text | None = Field(None, description="The sentence that introduces the list.")
    groups: list[FoodGroup] = Field(min_length=1, description="The groups, in order.")


class Foods(_Part):
    """The food list: groups of foods, laid out as a scannable grid."""

    foods: FoodList = Field(description="The food list.")


class TableData(_Part):
    """The table's caption, header row and body rows."""

    caption: Text | None = Field(None, description="A sentence that says what the table compares.")
    header: list[Text] = Field(min_length=2, description="The column headers.")
    rows: list[list[Text]] = Field(min_length=1, description="The body rows, each with one cell per header.")

    @model_validator(mode="after")
    def _rows_match_header(self) -> TableData:
        for index, row in enumerate(self.rows):
            if len(row) != len(self.header):
                raise PydanticCustomError(
                    "row_cells",
                    "row {row} has {cells} cells but the header has {columns}",
                    {"row": index, "cells": len(row), "columns": len(self.header)},
                )
        return self


class Table(_Part):
    """A table with a header row, such as the comparison table."""

    table: TableData = Field(description="The table.")


class CalloutData(_Part):
    """What the patient must act on: a title, then a paragraph, a list, or both."""

    kind: Literal["warning", "tip"] = Field(
        "warning", description="`warning` for what is urgent (when to call, when to get help), `tip` for advice."
    )
    title: Text = Field(description='The box\'s title, e.g. "When to call your doctor".')
    text: Text | None = Field(None, description="A paragraph, printed first.")
    items: list[Text] | None = Field(None, min_length=1, description="A list, one entry per line starting with '- '.")

    @model_validator(mode="after")
    def _has_content(self) -> CalloutData:
        if self.text is None and self.items is None:
            raise PydanticCustomError("callout_empty", "a callout needs text, items or both", {})
        return self


class Callout(_Part):
    """A box the patient cannot miss, for what they must act on; never split, and on a slide in full."""

    callout: CalloutData = Field(description="The callout.")


BLOCK_KINDS: dict[str, type[_Part]] = {
    "paragraph": Paragraph,
    "terms": TermList,
    "foods": Foods,
    "table": Table,
    "callout": Callout,
}


def _kind_of(value: object) -> str | None:
    """Pick a block's kind from its one key, so an error speaks of that kind only."""
    if isinstance(value, dict):
        return next((key for key in value if key in BLOCK_KINDS), None)
    if isinstance(value, _Part):
        return block_kind(value)
    return None


Block = Annotated[
    Annotated[Paragraph, Tag("paragraph")]
    | Annotated[TermList, Tag("terms")]
    | Annotated[Foods, Tag("foods")]
    | Annotated[Table, Tag("table")]
    | Annotated[Callout, Tag("callout")],
    Discriminator(
        _kind_of,
        custom_error_type="block_kind",
        custom_error_message="a block must be a mapping with one of the keys paragraph, terms, foods, table, callout",
    ),
]
"""A section is made of these blocks, in order; each is a mapping with one key that names its kind."""


class Section(_Part):
    """A titled part of the article, made of ordered blocks."""

    title: Text = Field(description="The section heading.")
    blocks: list[Block] = Field(min_length=1, description="The section's content, in order.")


class Conclusion(_Part):
    """The closing section."""

    title: Text = Field(description="The conclusion's heading.")
    paragraphs: list[Text] = Field(min_length=1, description="The conclusion's paragraphs.")


class Question(_Part):
    """One frequently asked question and its answer."""

    question: Text = Field(description="The question, as a patient would ask it.")
    answer: Text = Field(description="The answer.")


class Reference(_Part):
    """A source the article names. Never invent one."""

    text: Text = Field(description="The reference as the article gives it.")
    url: Text | None = Field(None, description="A web address, if the article gives one.")


class Disclaimer(_Part):
    """The medical disclaimer, printed word for word."""

    title: Text | None = Field(None, description="The disclaimer's heading; the language's label when absent.")
    text: Text = Field(description="The disclaimer, word for word.")
    short: Text | None = Field(None, description="A short form for page footers; the full text is used when absent.")

    @property
    def footer(self) -> str:
        """The form printed in footers."""
        return self.short or self.text

    def heading(self, labels: Labels) -> str:
        """The title printed over the disclaimer: the source's, else the language's own words."""
        return self.title or labels.disclaimer


LabelOverrides = create_model(  # type: ignore[call-overload]
    "LabelOverrides",
    __base__=_Part,
    __doc__="Any fixed word of the outputs, in the article's own words; the language's built-in set fills the rest.",
    **{
        key: (list[Text] | None, Field(None, min_length=12, max_length=12, description=help_))
        if key == "months"
        else (Text | None, Field(None, description=help_))
        for key, help_ in LABEL_HELP.items()
    },
)


class Article(_Part):
    """A patient-education article: the whole content of one handout and one deck."""

    title: Text = Field(description="The article's full title.")
    short_title: Text = Field(max_length=60, description="A short title for footers (at most 60 characters).")
    language: Text = Field(
        "en", pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", description="BCP 47 language tag, e.g. en or en-GB."
    )
    author: Text = Field("", description="Who wrote or publishes the article.")
    subject: Text | None = Field(None, description="A one-line subject for document properties.")
    keywords: list[Text] = Field(default_factory=list, description="Keywords for document properties.")
    date: _dt.date = Field(
        description="The article's date (YYYY-MM-DD); stamped in the outputs so builds are reproducible."
    )
    summary: Text = Field(description="A short summary, shown first.")
    introduction: list[Text] = Field(min_length=1, description="The opening paragraphs.")
    key_points: list[KeyPoint] = Field(min_length=1, description="The key points.")
    sections: list[Section] = Field(min_length=1, description="The body of the article, in order.")
    conclusion: Conclusion = Field(description="The closing section.")
    faq: list[Question] = Field(default_factory=list, description="Frequently asked questions.")
    references: list[Reference] = Field(default_factory=list, description="The sources the article names.")
    disclaimer: Disclaimer = Field(description="The medical disclaimer.")
    labels: LabelOverrides | None = Field(  # type: ignore[valid-type]
        None, description="Overrides of the fixed words (headings, 'Page X of Y', '(continued)' ...)."
    )
    reading_grade: int = Field(8, ge=1, le=16, description="The US school grade the text should read at (6-8 for patients).")


def article_labels(article: Article) -> Labels:
    """The fixed words this article prints: its language's built-in set, then the source's `labels:`."""
    overrides = article.labels.model_dump(exclude_none=True) if article.labels else None
    return resolve(article.language, overrides)


def block_kind(block: _Part) -> str:
    """The YAML key that names a block's kind."""
    return next(iter(type(block).model_fields))


def iter_texts(article: Article) -> list[str]:
    """Every piece of text in the article, in reading order."""
    texts: list[str] = [article.title, article.summary, *article.introduction]
    for point in article.key_points:
        texts += [point.title, point.text]
    for section in article.sections:
        texts.append(section.title)
        for block in section.blocks:
            texts += _block_texts(block)
    texts += [article.conclusion.title, *article.conclusion.paragraphs]
    for question in article.faq:
        texts += [question.question, question.answer]
    for reference in article.references:
        texts.append(reference.text)
        if reference.url:
            texts.append(reference.url)
    texts += [article.disclaimer.title, article.disclaimer.text] if article.disclaimer.title else [article.disclaimer.text]
    return texts


def _block_texts(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [block.paragraph]
    if isinstance(block, TermList):
        return [t for term in block.terms for t in (term.term, term.text)]
    if isinstance(block, Foods):
        texts = [block.foods.intro] if block.foods.intro else []
        for group in block.foods.groups:
            texts += [group.group, *group.items]
        return texts
    if isinstance(block, Callout):
        callout = block.callout
        return [callout.title, *([callout.text] if callout.text else []), *(callout.items or [])]
    texts = [block.table.caption] if block.table.caption else []
    texts += block.table.header
    for row in block.table.rows:
        texts += row
    return texts


class Brand(_Part):
    """The clinic that hands the handout over: printed on it so patients know whom to call."""

    clinic: Text = Field(description="The clinic's name.")
    phone: Text | None = Field(None, description="The phone number patients should call.")
    website: Text | None = Field(None, description="The clinic's web address.")
    logo: Text | None = Field(None, description="A PNG or JPEG logo, relative to the brand file.")
