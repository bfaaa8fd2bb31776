"""The article: every part of a patient-education source, typed, in one place.

Both outputs read only these classes, so a field added here is a field every writer
must honour, and a typo in the YAML (an unknown key) is refused instead of silently
dropping content. Validation happens once, on load (`mghandout.source.load_article`).

The parts are msgspec structs: defining them and checking a valid source takes well under
a millisecond, where a pydantic model took about 150 ms of every run. msgspec stops at the
first problem, so a source that fails is checked again, part by part, by
`mghandout.validation`, which reads the same types and constraints to report every problem.
"""


import datetime as _dt
from typing import Annotated, Any, Literal, TypeVar

import msgspec
from msgspec import Meta, Struct

from mghandout.labels import LABEL_HELP, Labels, resolve

P = TypeVar("P", bound="_Part")
Text = Annotated[str, Meta(min_length=1)]
"""Prose that prints literally: `<`, `&` and quotes are text, never markup. The loader strips it."""


def _help(description: str) -> Meta:
    return Meta(description=description)


SLIDE_HELP = _help(
    "A short form for the slide, written by the editor (the full text still goes in the handout and the speaker "
    "notes); without it the layout chooses what the slide shows."
)


class PartError(ValueError):
    """A rule that spans a part's fields is broken; `kind`, `context` and the path below the part say which."""

    def __init__(self, kind: str, message: str, below: tuple[int | str, ...] = (), **context: Any) -> None:
        super().__init__(message.format(**context))
        self.kind, self.below, self.context = kind, below, context


class _Part(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Base for every part: frozen, and unknown keys are errors (both inherited).

    `kw_only` is not inherited, so every part repeats it: it lets a required field follow
    an optional one, keeping the fields in the order an editor writes them.
    """

    def model_dump(self, *, exclude_none: bool = False) -> dict[str, Any]:
        """The part as plain data, `exclude_none` at the top level (pydantic's name, which callers already use)."""
        data: dict[str, Any] = msgspec.to_builtins(self)
        return {key: value for key, value in data.items() if value is not None} if exclude_none else data

    def model_dump_json(self) -> str:
        """The part as JSON, e.g. for a fingerprint of the options."""
        return msgspec.json.encode(self).decode()

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Any:
        """A copy with some fields replaced, not validated again (as pydantic's `model_copy`)."""
        return msgspec.structs.replace(self, **(update or {}))


class Block:
    """A section is made of these blocks, in order; each is a mapping with one key that names its kind.

    The kinds (BLOCK_KINDS) share no tag field, which msgspec would need to tell them apart,
    so in annotations `Block` stands for "one of them" and `decode_hook` picks the kind by
    the block's key; the JSON Schema lists the kinds (`mghandout.schema`).
    """

    __slots__ = ()
    ERROR = "a block must be a mapping with one of the keys paragraph, terms, foods, table, callout, figure"

    @staticmethod
    def kind_of(value: object) -> str | None:
        """A block's kind, from its one key, so an error speaks of that kind only."""
        return next((key for key in value if key in BLOCK_KINDS), None) if isinstance(value, dict) else None


class KeyPoint(_Part, kw_only=True):
    """One take-away, shown up front on the handout and on the key-points slide."""

    title: Annotated[Text, _help("A few words that name the point.")]
    text: Annotated[Text, _help("One or two sentences that explain it.")]
    slide: Annotated[Text | None, SLIDE_HELP] = None


class Term(_Part, kw_only=True):
    """A labelled item in a list, such as a symptom group and its description."""

    term: Annotated[Text, _help("The label, printed in bold.")]
    text: Annotated[Text, _help("What the label means.")]
    slide: Annotated[Text | None, SLIDE_HELP] = None


class FoodGroup(_Part, kw_only=True):
    """One group of the food list, such as 'Leafy Greens' and its foods."""

    group: Annotated[Text, _help("The group's name.")]
    items: Annotated[list[Text], Meta(min_length=1, description="The foods, one per entry.")]


class Paragraph(_Part, Block, kw_only=True):
    """A paragraph of running text."""

    paragraph: Annotated[Text, _help("The paragraph's text.")]
    slide: Annotated[Text | None, SLIDE_HELP] = None


class TermList(_Part, Block, kw_only=True):
    """A list of labelled items (term + text)."""

    terms: Annotated[list[Term], Meta(min_length=1, description="The items, in order.")]


class FoodList(_Part, kw_only=True):
    """The food list's introduction and groups."""

    intro: Annotated[Text | None, _help("The sentence that introduces the list.")] = None
    groups: Annotated[list[FoodGroup], Meta(min_length=1, description="The groups, in order.")]


class Foods(_Part, Block, kw_only=True):
    """The food list: groups of foods, laid out as a scannable grid."""

    foods: Annotated[FoodList, _help("The food list.")]


class TableData(_Part, kw_only=True):
    """The table's caption, header row and body rows."""

    caption: Annotated[Text | None, _help("A sentence that says what the table compares.")] = None
    header: Annotated[list[Text], Meta(min_length=2, description="The column headers.")]
    rows: Annotated[
        list[list[Text]], Meta(min_length=1, description="The body rows, each with one cell per header.")
    ]

    def __post_init__(self) -> None:
        for index, row in enumerate(self.rows):
            if len(row) != len(self.header):
                raise PartError("row_cells", "row {row} has {cells} cells but the header has {columns}",
                                ("rows", index), row=index, cells=len(row), columns=len(self.header))


class Table(_Part, Block, kw_only=True):
    """A table with a header row, such as the comparison table."""

    table: Annotated[TableData, _help("The table.")]


class CalloutData(_Part, kw_only=True):
    """What the patient must act on: a title, then a paragraph, a list, or both."""

    kind: Annotated[
        Literal["warning", "tip"],
        _help("`warning` for what is urgent (when to call, when to get help), `tip` for advice."),
    ] = "warning"
    title: Annotated[Text, _help('The box\'s title, e.g. "When to call your doctor".')]
    text: Annotated[Text | None, _help("A paragraph, printed first.")] = None
    items: Annotated[
        Annotated[list[Text], Meta(min_length=1)] | None, _help("A list, one entry per line starting with '- '.")
    ] = None

    def __post_init__(self) -> None:
        if self.text is None and self.items is None:
            raise PartError("callout_empty", "a callout needs text, items or both")


class Callout(_Part, Block, kw_only=True):
    """A box the patient cannot miss, for what they must act on: whole on one page and one slide when it fits, else
    continued under its title and "(continued)"."""

    callout: Annotated[CalloutData, _help("The callout.")]


class FigureData(_Part, kw_only=True):
    """A picture: its file, the words that stand for it, and what is printed under it."""

    image: Annotated[Text, _help("A PNG, JPEG or SVG file, relative to the source file's folder.")]
    alt: Annotated[
        Text | None, _help("What the picture shows, for screen readers (required unless `decorative: true`).")
    ] = None
    decorative: Annotated[
        bool, _help("`true` for a picture that adds nothing to the text (a divider): screen readers skip it.")
    ] = False
    caption: Annotated[Text | None, _help("A sentence printed under the picture.")] = None
    credit: Annotated[Text | None, _help('Who made the picture and its licence, e.g. "Drawing: our clinic".')] = None

    def __post_init__(self) -> None:
        if self.alt is None and not self.decorative:
            raise PartError("figure_alt", "a figure needs alt text, or `decorative: true`")
        if self.alt is not None and self.decorative:
            raise PartError("figure_both", "a decorative figure has no alt text", ("alt",))


class Figure(_Part, Block, kw_only=True):
    """A picture with its alt text, caption and credit; on a slide beside its section's text or on its own."""

    figure: Annotated[FigureData, _help("The picture.")]


BLOCK_KINDS: dict[str, type[Block]] = {
    "paragraph": Paragraph,
    "terms": TermList,
    "foods": Foods,
    "table": Table,
    "callout": Callout,
    "figure": Figure,
}


def decode_hook(kind: type, value: Any) -> Any:
    """Turn plain data into the types msgspec does not know by itself: a block of one of BLOCK_KINDS."""
    if kind is Block:
        name = Block.kind_of(value)
        if name is None:
            raise ValueError(Block.ERROR)
        return msgspec.convert(value, BLOCK_KINDS[name], strict=False)
    raise NotImplementedError(kind)


class Section(_Part, kw_only=True):
    """A titled part of the article, made of ordered blocks."""

    title: Annotated[Text, _help("The section heading.")]
    blocks: Annotated[list[Block], Meta(min_length=1, description="The section's content, in order.")]


class Conclusion(_Part, kw_only=True):
    """The closing section."""

    title: Annotated[Text, _help("The conclusion's heading.")]
    paragraphs: Annotated[list[Text], Meta(min_length=1, description="The conclusion's paragraphs.")]


class Question(_Part, kw_only=True):
    """One frequently asked question and its answer."""

    question: Annotated[Text, _help("The question, as a patient would ask it.")]
    answer: Annotated[Text, _help("The answer.")]


class Reference(_Part, kw_only=True):
    """A source the article names. Never invent one."""

    text: Annotated[Text, _help("The reference as the article gives it.")]
    url: Annotated[Text | None, _help("A web address, if the article gives one.")] = None


class Disclaimer(_Part, kw_only=True):
    """The medical disclaimer, printed word for word."""

    title: Annotated[Text | None, _help("The disclaimer's heading; the language's label when absent.")] = None
    text: Annotated[Text, _help("The disclaimer, word for word.")]
    short: Annotated[Text | None, _help("A short form for page footers; the full text is used when absent.")] = None

    @property
    def footer(self) -> str:
        """The form printed in footers."""
        return self.short or self.text

    def heading(self, labels: Labels) -> str:
        """The title printed over the disclaimer: the source's, else the language's own words."""
        return self.title or labels.disclaimer


LabelOverrides = msgspec.defstruct(
    "LabelOverrides",
    [
        (key, Annotated[Annotated[list[Text], Meta(min_length=12, max_length=12)] | None, _help(help_)], None)
        if key == "months"
        else (key, Annotated[Text | None, _help(help_)], None)
        for key, help_ in LABEL_HELP.items()
    ],
    bases=(_Part,),
    module=__name__,
)
LabelOverrides.__doc__ = (
    "Any fixed word of the outputs, in the article's own words; the language's built-in set fills the rest."
)


class Article(_Part, kw_only=True):
    """A patient-education article: the whole content of one handout and one deck."""

    title: Annotated[Text, _help("The article's full title.")]
    short_title: Annotated[Text, Meta(max_length=60, description="A short title for footers (at most 60 characters).")]
    language: Annotated[
        Text, Meta(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", description="BCP 47 language tag, e.g. en or en-GB.")
    ] = "en"
    author: Annotated[Text, _help("Who wrote or publishes the article.")] = ""
    subject: Annotated[Text | None, _help("A one-line subject for document properties.")] = None
    keywords: Annotated[list[Text], _help("Keywords for document properties.")] = msgspec.field(default_factory=list)
    date: Annotated[
        _dt.date, _help("The article's date (YYYY-MM-DD); stamped in the outputs so builds are reproducible.")
    ]
    summary: Annotated[Text, _help("A short summary, shown first.")]
    introduction: Annotated[list[Text], Meta(min_length=1, description="The opening paragraphs.")]
    key_points: Annotated[list[KeyPoint], Meta(min_length=1, description="The key points.")]
    sections: Annotated[list[Section], Meta(min_length=1, description="The body of the article, in order.")]
    conclusion: Annotated[Conclusion, _help("The closing section.")]
    faq: Annotated[list[Question], _help("Frequently asked questions.")] = msgspec.field(default_factory=list)
    references: Annotated[list[Reference], _help("The sources the article names.")] = msgspec.field(
        default_factory=list
    )
    disclaimer: Annotated[Disclaimer, _help("The medical disclaimer.")]
    labels: Annotated[
        LabelOverrides | None,  # type: ignore[valid-type]
        _help("Overrides of the fixed words (headings, 'Page X of Y', '(continued)' ...)."),
    ] = None
    reading_grade: Annotated[
        int, Meta(ge=1, le=16, description="The US school grade the text should read at (6-8 for patients).")
    ] = 8


def validate(data: Any, model: type[P]) -> P:
    """`data` (plain dicts, lists and text from the loader) as `model`; msgspec.ValidationError at the first problem."""
    return msgspec.convert(data, model, strict=False, dec_hook=decode_hook)


def article_labels(article: Article) -> Labels:
    """The fixed words this article prints: its language's built-in set, then the source's `labels:`."""
    overrides = article.labels.model_dump(exclude_none=True) if article.labels else None
    return resolve(article.language, overrides)


def block_kind(block: _Part) -> str:
    """The YAML key that names a block's kind."""
    return block.__struct_fields__[0]


def iter_texts(article: Article) -> list[str]:
    """Every piece of text the article prints, in reading order (a figure's alt text describes it, unprinted)."""
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
    disclaimer = article.disclaimer
    texts += [disclaimer.title, disclaimer.text] if disclaimer.title else [disclaimer.text]
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
    if isinstance(block, Figure):
        figure = block.figure
        return [text for text in (figure.caption, figure.credit) if text]
    texts = [block.table.caption] if block.table.caption else []
    texts += block.table.header
    for row in block.table.rows:
        texts += row
    return texts


class Brand(_Part, kw_only=True):
    """The clinic that hands the handout over: printed on it so patients know whom to call."""

    clinic: Annotated[Text, _help("The clinic's name.")]
    phone: Annotated[Text | None, _help("The phone number patients should call.")] = None
    website: Annotated[Text | None, _help("The clinic's web address.")] = None
    logo: Annotated[Text | None, _help("A PNG or JPEG logo, relative to the brand file.")] = None
    large_print: Annotated[
        bool, _help("Write the large-print handout (18 pt) instead of the standard one, for a low-vision clinic.")
    ] = False
