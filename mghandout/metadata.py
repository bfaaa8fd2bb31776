"""What the document properties say: title, subject, author, keywords and language, computed once for both outputs.

The source may hold any length of text, but the files' property fields may not:
python-pptx refuses a core property over 255 characters (the Office format's limit),
so a 349-character summary used as the subject stopped the build of a source that
`--check` accepted. The limit is the writer's to honour, not the editor's: every
property is shortened here, at a word boundary with "…", and the same shortened
values go into the PDF's Info dictionary and the deck's core properties, so the two
files describe themselves alike. Only the properties are shortened; the text printed
on the handout and the slides is never cut.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from mghandout.model import Article, Brand

LIMIT = 255
"""Characters a core property of an Office file may hold (python-pptx raises ValueError past it)."""

ELLIPSIS = "…"


@dataclass(frozen=True)
class Properties:
    """The document properties of one article, each at most LIMIT characters on one line."""

    title: str
    subject: str
    author: str
    keywords: str
    language: str

    def as_dict(self) -> dict[str, str]:
        """The properties by python-pptx's core-property names (the deck sets each one)."""
        return asdict(self)

    def pdf_args(self) -> dict[str, str]:
        """The properties as reportlab's document arguments (the PDF's Info dictionary and /Lang)."""
        values = self.as_dict()
        return {**values, "lang": values.pop("language")}


def properties(article: Article, brand: Brand | None = None) -> Properties:
    """The article's properties: the subject falls back to the summary, the author to the clinic."""
    author = article.author or (brand.clinic if brand else "")
    return Properties(
        title=shorten(article.title),
        subject=shorten(article.subject or article.summary),
        author=shorten(author),
        keywords=shorten(", ".join(" ".join(keyword.split()) for keyword in article.keywords)),
        language=shorten_tag(article.language),
    )


def shorten(text: str, limit: int = LIMIT) -> str:
    """`text` on one line, cut to at most `limit` characters at the last space that fits, ending in "…".

    A text with no space early enough (one very long word, or a script written
    without spaces) is cut at the limit: the property must fit, whatever the text.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = text[: limit - len(ELLIPSIS) + 1]
    cut = room.rfind(" ")
    kept = room[:cut] if cut > 0 else room[:-1]
    return kept.rstrip(" ,;:.-–—") + ELLIPSIS


def shorten_tag(tag: str, limit: int = LIMIT) -> str:
    """A language tag cut to whole subtags: `en-US-x-…` keeps `en-US`, a tag a reader can still match."""
    subtags = tag.split("-")
    while len(subtags) > 1 and len("-".join(subtags)) > limit:
        subtags.pop()
    return "-".join(subtags)[:limit]
