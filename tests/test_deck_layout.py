"""The deck's pure layout step: what goes on which slide, and whether it fits, by the layout's own measure.

No file is written here. These tests hold `deck_layout` to the promises the writer and the
presentation program rely on: every slide has a title, what continues says so, no sentence is
cut or lost, every text box holds what was put in it (measured with Arial's metrics, as the
layout measures), a table continues under its repeated header, and all of it stays on the
slide, for 16:9 and for a 4:3 template alike. Then the promises to the audience: every
sentence on a slide (or the editor's slide text), slides filled before they multiply, runs
shared evenly, callouts whole and marked, what introduces a list kept with it, no word broken
inside itself, one geometry, a title slide worth opening on, and the same slides at any 16:9
size. The articles: the bundled one, every fixture, a source three times longer, and sources
with parts longer than a slide.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from long_parts import huge_sentences, long_parts
from long_source import tripled

from mghandout.deck import DeckTheme, deck_layout
from mghandout.deck.layout import POINTS, Box, Bullet, Deck, Slide, body_words
from mghandout.deck.layout.article import _titles
from mghandout.deck.layout.balance import shares
from mghandout.deck.layout.food_grids import food_column_height
from mghandout.deck.layout.geometry import Geometry
from mghandout.deck.measure import sentences, widest_word, width, words, wrap
from mghandout.model import (
    Article,
    Brand,
    Callout,
    FoodGroup,
    Foods,
    Paragraph,
    Section,
    Table,
    TableData,
    TermList,
    article_labels,
    iter_texts,
)
from mghandout.source import load_article

ROOT = Path(__file__).resolve().parents[1]
MAGNESIUM = ROOT / "source" / "magnesium-muscle-contractions.yaml"
FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL = FIXTURES / "minimal.yaml"
THEME = DeckTheme()
WIDE = (12192000 / 914400, 7.5)
"""PowerPoint's 16:9 slide, as the default deck has it."""
WIDE_10 = (10.0, 5.625)
STANDARD = (10.0, 7.5)
SIZES = [pytest.param(WIDE, id="16x9"), pytest.param(STANDARD, id="4x3")]
EPS = 1e-6


def magnesium() -> Article:
    return load_article(MAGNESIUM)


def fixture(path: Path) -> Callable[[], Article]:
    """A fixture article with its language's labels, as `render_pptx` lays it out."""
    return lambda: load_article(path)


ARTICLES = {
    "magnesium": magnesium,
    **{path.stem: fixture(path) for path in sorted(FIXTURES.glob("*.yaml")) if path.stem != "brand"},
    "long": lambda: tripled(magnesium()),
}
PRESENTED = [name for name in ARTICLES if name not in ("minimal", "long")]
"""The articles held to the fill promise: real topics (the minimal one is a stub, the long one a stress test)."""


@pytest.fixture(scope="module", params=list(ARTICLES))
def article(request: pytest.FixtureRequest) -> Article:
    return ARTICLES[request.param]()


def layout(source: Article, size: tuple[float, float] = WIDE, brand: Brand | None = None) -> Deck:
    """The deck as `render_pptx` lays it out: the theme in the article's language."""
    return deck_layout(source, replace(THEME, labels=article_labels(source)), *size, brand=brand)


def norm(text: str) -> str:
    """Whitespace collapsed: YAML folding and our joins may differ in spacing, never in words."""
    return " ".join(text.split())


def slide_pieces(slide: Slide) -> list[str]:
    """Every separate run of text a slide carries, on the slide or in its notes; a sentence must fit in one."""
    pieces = [slide.title, *slide.subtitle, slide.intro, slide.outro]
    for bullet in slide.bullets:
        pieces += [bullet.label, bullet.text, f"{bullet.label}: {bullet.text}"]
    for column in slide.foods:
        pieces += [column.group, *column.items]
    if slide.table is not None:
        pieces += [*slide.table.header, *(cell for row in slide.table.rows for cell in row)]
    pieces += slide.notes.splitlines()
    return [norm(p) for p in pieces if p.strip()]


def boxes(slide: Slide) -> Iterator[tuple[str, Box]]:
    yield "title", slide.title_box
    if slide.body_box is not None:
        yield "body", slide.body_box
    for column in slide.foods:
        yield f"food column {column.group!r}", column.box
    if slide.table is not None:
        yield "table", slide.table.box
    if slide.outro_box is not None:
        yield "text under the grid", slide.outro_box


def lines_height(deck: Deck, lines: int, size: float) -> float:
    return lines * size * deck.theme.line_spacing / POINTS


def continued(source: Article) -> str:
    """The article's "(continued)" suffix, in its language."""
    return article_labels(source).continued.format(title="")


def topic(title: str, suffix: str) -> str:
    return title[: -len(suffix)] if title.endswith(suffix) else title


def runs(deck: Deck, suffix: str) -> list[list[Slide]]:
    """Runs of consecutive slides of one topic and one kind (text, food grid, table): what is shared evenly."""
    result: list[list[Slide]] = []
    for slide in deck.slides:
        kind = (topic(slide.title, suffix), slide.layout, bool(slide.foods), slide.table is not None)
        if result and (topic(result[-1][-1].title, suffix), result[-1][-1].layout, bool(result[-1][-1].foods),
                       result[-1][-1].table is not None) == kind and slide.title.endswith(suffix):
            result[-1].append(slide)
        else:
            result.append([slide])
    return result


def slide_texts(source: Article) -> list[tuple[str, str]]:
    """(full text, slide text) of every part that has an editor's `slide:`."""
    pairs = [(f"{p.title}: {p.text}", p.slide) for p in source.key_points if p.slide]
    for section in source.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph) and block.slide:
                pairs.append((block.paragraph, block.slide))
            if isinstance(block, TermList):
                pairs += [(f"{t.term}: {t.text}", t.slide) for t in block.terms if t.slide]
    return pairs


# --- titles and continuation -------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_every_slide_has_a_title(article: Article, size: tuple[float, float]) -> None:
    """Screen readers navigate a deck by its slide titles; an untitled slide is a hole in that outline."""
    deck = layout(article, size)
    assert deck.slides
    for number, slide in enumerate(deck.slides, start=1):
        assert slide.title.strip(), f"slide {number} has no title"
        assert slide.title_box.h > 0 and slide.title_box.w > 0


@pytest.mark.parametrize("size", SIZES)
def test_continued_slides_say_so_and_follow_their_topic(article: Article, size: tuple[float, float]) -> None:
    """A topic's first slide has its own title; each further slide of it is "<title> (continued)", right after."""
    deck = layout(article, size)
    suffix = continued(article)
    seen: set[str] = set()
    previous = ""
    for number, slide in enumerate(deck.slides, start=1):
        if slide.title.endswith(suffix):
            assert topic(previous, suffix) == topic(slide.title, suffix), f"slide {number} continues another topic"
        else:
            assert slide.title not in seen, f"slide {number}: topic {slide.title!r} restarts without '(continued)'"
            seen.add(slide.title)
        previous = slide.title


def test_the_deck_has_every_part_in_order() -> None:
    """Title, key points, each section, FAQ, conclusion, references, and the disclaimer last."""
    source = magnesium()
    titles = [topic(s.title, continued(source)) for s in layout(source).slides]
    expected = [source.title, THEME.labels.key_points, *(s.title for s in source.sections), THEME.labels.faq,
                source.conclusion.title, THEME.labels.references, source.disclaimer.title]
    positions = [titles.index(title) for title in expected]
    assert positions == sorted(positions)
    assert titles[-1] == source.disclaimer.title
    last = layout(source).slides[-1]
    assert [b.text for b in last.bullets] == [source.disclaimer.text]


def test_long_content_continues_rather_than_shrinks() -> None:
    """Three times the content gives more slides and more continuation slides, never type under the floor."""
    short = layout(magnesium())
    long = layout(tripled(magnesium()))
    count = lambda deck: sum(s.title.endswith(" (continued)") for s in deck.slides)  # noqa: E731
    assert count(short) >= 1
    assert len(long.slides) > 2 * len(short.slides)
    assert count(long) > 2 * count(short)
    assert min(s.body_size for s in long.slides if s.bullets) >= THEME.body_size - EPS


# --- no text lost, no sentence cut --------------------------------------------------------------------------------


def _check_every_sentence_lands_whole(source: Article, size: tuple[float, float]) -> None:
    deck = layout(source, size)
    per_slide = [slide_pieces(slide) for slide in deck.slides]
    missing = [
        sentence
        for text in iter_texts(source)
        for sentence in sentences(text)
        if not any(norm(sentence) in piece for pieces in per_slide for piece in pieces)
    ]
    assert not missing, f"{len(missing)} sentences of the source are on no slide and in no notes: {missing[:3]}"


@pytest.mark.parametrize("size", SIZES)
def test_every_sentence_lands_whole_on_one_slide_or_its_notes(article: Article, size: tuple[float, float]) -> None:
    """The whole article is in the deck, and no sentence is cut in two across slides, bullets or note lines."""
    _check_every_sentence_lands_whole(article, size)


def test_a_table_caption_is_in_the_deck() -> None:
    """A table's `caption` is part of the source like any text: the deck must carry it (slide or notes)."""
    source = with_caption(magnesium(), "This table compares a low magnesium state with a healthy one.")
    _check_every_sentence_lands_whole(source, WIDE)


def with_caption(source: Article, caption: str) -> Article:
    sections = []
    for section in source.sections:
        blocks = [
            b.model_copy(update={"table": b.table.model_copy(update={"caption": caption})}) if isinstance(b, Table)
            else b for b in section.blocks
        ]
        sections.append(section.model_copy(update={"blocks": blocks}))
    return source.model_copy(update={"sections": sections})


@pytest.mark.parametrize("size", SIZES)
def test_bullets_are_whole_source_sentences(article: Article, size: tuple[float, float]) -> None:
    """What a slide shows is made of the source's own sentences (or the editor's slide texts), never a fragment."""
    known = {norm(s) for text in iter_texts(article) for s in sentences(text)}
    known |= {norm(s) for r in article.references if r.url for s in sentences(f"{r.text} {r.url}")}
    known |= {norm(s) for _, slide in slide_texts(article) for s in sentences(slide)}
    for slide in layout(article, size).slides:
        for bullet in slide.bullets:
            for sentence in sentences(bullet.text):
                assert norm(sentence) in known, f"{slide.title!r} shows a fragment: {sentence!r}"


def test_the_title_slide_notes_hold_the_introduction_and_disclaimer() -> None:
    """The presenter reads the introduction from the first slide's notes, and the disclaimer is said up front."""
    source = magnesium()
    notes = norm(layout(source).slides[0].notes)
    for paragraph in source.introduction:
        assert norm(paragraph) in notes
    assert norm(source.disclaimer.text) in notes


# --- slides to present: every sentence, the editor's texts, slides filled before they multiply -----------------


def shown_texts(source: Article) -> Iterator[tuple[str, str]]:
    """(where, text) of every text a slide shows in full when the editor wrote no `slide:` text."""
    yield from (("summary", source.summary),)
    yield from (("introduction", p) for p in source.introduction)
    for point in source.key_points:
        if not point.slide:
            yield point.title, point.text
    for section in source.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph) and not block.slide:
                yield section.title, block.paragraph
            if isinstance(block, TermList):
                yield from ((t.term, t.text) for t in block.terms if not t.slide)
            if isinstance(block, Callout):
                yield block.callout.title, block.callout.text or ""
                yield from ((block.callout.title, item) for item in block.callout.items or ())
    yield from ((q.question, q.answer) for q in source.faq)
    yield from ((source.conclusion.title, p) for p in source.conclusion.paragraphs)
    yield "disclaimer", source.disclaimer.text


@pytest.mark.parametrize("size", SIZES)
def test_every_sentence_is_on_a_slide(article: Article, size: tuple[float, float]) -> None:
    """No word list decides what a patient's educator may skip: every sentence is on a slide, not only in the notes."""
    deck = layout(article, size)
    shown = " ".join(norm(" ".join([b.label, b.text, s.intro, s.outro])) for s in deck.slides for b in
                     (s.bullets or (Bullet(""),)))
    for where, text in shown_texts(article):
        for sentence in sentences(text):
            assert norm(sentence) in shown, f"{where!r}: a sentence is only in the notes: {sentence!r}"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PRESENTED)
def test_slides_fill_before_they_multiply(name: str, size: tuple[float, float]) -> None:
    """Each text slide is at the largest of 32, 28 and 24 pt that fits; two slides of one run never fit as one at
    24 pt; on a 16:9 slide a median text slide is set at 26 pt or more (a 4:3 slide is narrower for the same text)."""
    source = ARTICLES[name]()
    deck = layout(source, size)
    geo = Geometry(deck.theme, *size, _titles(source, deck.theme))
    sizes = []
    for slide in deck.slides:
        if slide.layout != "content" or slide.mark is not None:
            continue
        sizes.append(slide.body_size)
        larger = [step for step in (32.0, 28.0) if step > slide.body_size + EPS]
        assert not any(geo.fits(list(slide.bullets), step) and geo.body_size(slide.bullets, step) >= step
                       for step in larger), f"{slide.title!r} could be larger"
    for run in runs(deck, continued(source)):
        for one, two in zip(run, run[1:]):
            if one.mark is None and one.bullets and two.bullets:
                assert not geo.fits([*one.bullets, *two.bullets], 24.0), f"{one.title!r}: two slides fit as one"
    ordered = sorted(sizes)
    print(f"{name}: {len(deck.slides)} slides, median text size {ordered[len(ordered) // 2]} pt")
    assert ordered[len(ordered) // 2] >= 26 or size != WIDE


def test_an_editor_slide_text_is_what_the_slide_shows() -> None:
    """A `slide:` text on a paragraph, key point or term is shown as written; the full text is in that slide's notes."""
    source = magnesium()
    point = source.key_points[0].model_copy(update={"slide": "Magnesium lets muscles relax."})
    section = source.sections[1]
    paragraph = section.blocks[0].model_copy(update={"slide": "Low magnesium shows in many ways."})
    terms = section.blocks[1]
    assert isinstance(terms, TermList)
    term = terms.terms[2].model_copy(update={"slide": "Irregular heartbeat, palpitations, high blood pressure."})
    terms = terms.model_copy(update={"terms": [*terms.terms[:2], term, *terms.terms[3:]]})
    section = section.model_copy(update={"blocks": [paragraph, terms, *section.blocks[2:]]})
    edited = source.model_copy(update={"key_points": [point, *source.key_points[1:]],
                                       "sections": [source.sections[0], section, *source.sections[2:]]})
    pairs = slide_texts(edited)
    assert len(pairs) == 3
    for full, short in pairs:
        holders = [s for s in layout(edited).slides if any(b.text == short for b in s.bullets)]
        assert len(holders) == 1, f"{short!r} is not shown once"
        assert norm(full) in norm(holders[0].notes), f"the notes behind {short!r} lack the full text"


# --- shared evenly ------------------------------------------------------------------------------------------------


def load(slide: Slide) -> int:
    """What a slide holds, to compare it with its neighbours: words of text or table, foods of a grid."""
    if slide.table is not None:
        return sum(words(cell) for row in slide.table.rows for cell in row)
    if slide.foods:
        return sum(len(column.items) for column in slide.foods)
    return body_words(slide)


@pytest.mark.parametrize("size", SIZES)
def test_continuations_are_shared_evenly(article: Article, size: tuple[float, float]) -> None:
    """In a run of slides with one title, the lightest holds at least 40% of what the heaviest holds."""
    for run in runs(layout(article, size), continued(article)):
        loads = [load(slide) for slide in run]
        assert min(loads) >= 0.4 * max(loads), f"{run[0].title!r} shared unevenly: {loads}"


@pytest.mark.parametrize("size", SIZES)
def test_no_lone_bullet_that_could_be_shared(article: Article, size: tuple[float, float]) -> None:
    """A slide holds one bullet only when that bullet and a neighbour's would not fit one slide at 24 pt."""
    deck = layout(article, size)
    geo = Geometry(deck.theme, *size, _titles(article, deck.theme))
    for run in runs(deck, continued(article)):
        for index, slide in enumerate(run):
            if len(slide.bullets) != 1 or len(run) == 1:
                continue
            for other in (run[index - 1] if index else None, run[index + 1] if index + 1 < len(run) else None):
                if other is None:
                    continue
                together = [*other.bullets, *slide.bullets]
                shareable = geo.fits(together, THEME.body_size) and other.mark is None
                assert not shareable, f"{slide.title!r}: a lone bullet that fits beside its neighbour's"


def test_a_run_looks_even_rather_than_two_then_four() -> None:
    """Six bullets of 23, 13, 11, 13, 6 and 11 words are even by words as 2 + 4 (36 and 41): they go 3 + 3 instead
    where the aim takes 50 words a slide, and 2 + 2 + 2 where it takes 40."""
    counts = [23, 13, 11, 13, 6, 11]
    assert shares(counts, [0.5] * 6, 10.0, 50, 60) == ([3, 3], True)
    assert shares(counts, [0.5] * 6, 10.0, 40, 60) == ([2, 2, 2], True)


def test_a_run_takes_the_fewest_even_slides_the_aim_allows() -> None:
    """Six 18-word bullets: 3 + 3 where the aim takes 54 words a slide, 2 + 2 + 2 where it takes 50."""
    assert shares([18] * 6, [0.5] * 6, 10.0, 54, 60)[0] == [3, 3]
    assert shares([18] * 6, [0.5] * 6, 10.0, 50, 60)[0] == [2, 2, 2]


def test_even_bullet_counts_win_over_even_words_within_the_budget() -> None:
    """"What Is Iron-Deficiency Anemia?" has six paragraphs: 3 + 3 bullets, not 2 + 4."""
    source = ARTICLES["long-english"]()
    slides = sections_slides(layout(source), continued(source))["What Is Iron-Deficiency Anemia?"]
    assert [len(slide.bullets) for slide in slides] == [3, 3]


def sections_slides(deck: Deck, suffix: str) -> dict[str, list[Slide]]:
    """Every topic's slides, by the title they continue."""
    result: dict[str, list[Slide]] = {}
    for slide in deck.slides[1:]:
        result.setdefault(topic(slide.title, suffix), []).append(slide)
    return result


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PRESENTED)
def test_no_short_text_slide_stands_alone_beside_a_grid(name: str, size: tuple[float, float]) -> None:
    """A one-bullet slide of a few words next to a food grid or table of its topic joins it (above or under)."""
    source = ARTICLES[name]()
    for title, slides in sections_slides(layout(source, size), continued(source)).items():
        if not any(slide.foods or slide.table for slide in slides):
            continue
        lone = [slide for slide in slides if len(slide.bullets) == 1 and body_words(slide) <= 15]
        assert not lone, f"{title!r}: {[b.text for s in lone for b in s.bullets]} stands alone beside the grid"


def test_a_lead_too_long_for_the_grid_first_slide_still_leads_it() -> None:
    """"Iron-Rich Foods" opens with an 8-word lead: it stands above the grid, not on a slide of its own."""
    source = ARTICLES["long-english"]()
    slides = sections_slides(layout(source), continued(source))["Iron-Rich Foods"]
    assert all(slide.foods for slide in slides), [s.title for s in slides if not s.foods]
    assert slides[0].intro.startswith("The foods below are good sources of iron.")


@pytest.mark.parametrize("size", SIZES)
def test_a_table_is_split_only_when_it_must_be(article: Article, size: tuple[float, float]) -> None:
    """A table that fits one slide is on one; one that does not is on as few as its rows need."""
    deck = layout(article, size)
    for run in runs(deck, continued(article)):
        parts = [slide.table for slide in run if slide.table is not None]
        for first, second in zip(parts, parts[1:], strict=False):
            assert first is not None and second is not None
            together = first.heights[0] + sum(first.heights[1:]) + sum(second.heights[1:])
            room = run[0].body_box.y + run[0].body_box.h - first.box.y  # type: ignore[union-attr]
            assert together > room + EPS, f"{run[0].title!r}: two table parts would fit one slide"


def test_the_comparison_table_is_on_one_slide() -> None:
    """The bundled article's 5-row table fits one 16:9 slide, so it is not split, at a size that uses the slide."""
    slides = [s for s in layout(magnesium()).slides if s.table is not None]
    tables = [s.table for s in slides]
    assert len(tables) == 1 and len(tables[0].rows) == 5 and tables[0].size >= THEME.cell_size
    table = tables[0]
    assert table.box.y + table.box.h >= slides[0].body_box.y + 0.5 * slides[0].body_box.h  # type: ignore[union-attr]


@pytest.mark.parametrize("size", SIZES)
def test_no_food_card_holds_one_food_of_a_longer_group(article: Article, size: tuple[float, float]) -> None:
    """A group cut into columns shares its foods among them: no column is left with a single food."""
    groups = {g.group: len(g.items) for s in article.sections for b in s.blocks if isinstance(b, Foods)
              for g in b.foods.groups}
    suffix = continued(article)
    for slide in layout(article, size).slides:
        for column in slide.foods:
            if groups.get(topic(column.group, suffix), 1) > 1:
                assert len(column.items) > 1, f"{slide.title!r}: {column.group!r} holds one food"


# --- everything fits, by the layout's own measure ----------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_every_box_is_inside_the_slide_and_above_the_footer(article: Article, size: tuple[float, float]) -> None:
    """Nothing is placed off the slide or over the footer line, whatever the slide size."""
    w, h = size
    deck = layout(article, (w, h))
    for slide in deck.slides:
        for name, box in boxes(slide):
            where = f"{slide.title!r}: {name} {box}"
            assert box.x >= -EPS and box.y >= -EPS, where
            assert box.x + box.w <= w + EPS, where
            assert box.y + box.h <= h - deck.theme.footer_height + EPS, where
        if slide.body_box is not None:
            assert slide.title_box.y + slide.title_box.h <= slide.body_box.y + EPS, f"{slide.title!r}: title over body"


@pytest.mark.parametrize("size", SIZES)
def test_titles_fit_their_boxes(article: Article, size: tuple[float, float]) -> None:
    """A long title wraps, and its box is tall enough for every line at its size, which is never below the floor."""
    deck = layout(article, size)
    theme = deck.theme
    for slide in deck.slides:
        box = slide.title_box
        room = (box.w - 2 * theme.inset) * POINTS
        lines = wrap(slide.title, slide.title_size, room, bold=True)
        assert widest_word(slide.title, slide.title_size, bold=True) <= room + EPS, slide.title
        assert lines_height(deck, len(lines), slide.title_size) + 2 * theme.inset <= box.h + EPS, slide.title
        assert slide.title_size >= theme.title_floor - EPS


@pytest.mark.parametrize("size", SIZES)
def test_bullets_fit_their_box(article: Article, size: tuple[float, float]) -> None:
    """The bullets of each text slide, wrapped at the slide's body size, are no taller than the body box."""
    deck = layout(article, size)
    theme = deck.theme
    for slide in deck.slides:
        if slide.layout != "content":
            continue
        assert slide.body_box is not None and slide.bullets, f"{slide.title!r} is an empty text slide"
        assert theme.body_floor - EPS <= slide.body_size <= theme.body_size * 4 / 3 + EPS
        room = (slide.body_box.w - 2 * theme.inset - theme.bullet_indent) * POINTS
        used = 2 * theme.inset
        for b in slide.bullets:
            assert max(widest_word(b.text, slide.body_size), widest_word(b.label, slide.body_size, True)) <= room
            if b.stacked:
                lines = len(wrap(b.label, slide.body_size, room, bold=True)) + len(wrap(b.text, slide.body_size, room))
            else:
                text = f"{b.label}: {b.text}" if b.label else b.text
                lines = len(wrap(text, slide.body_size, room, bold=bool(b.label)))
            used += lines_height(deck, lines, slide.body_size) + theme.paragraph_gap / POINTS
        assert used <= slide.body_box.h + EPS, f"{slide.title!r}: {used:.2f} in of text in {slide.body_box.h:.2f} in"


def _check_food_columns_fit(source: Article, size: tuple[float, float]) -> None:
    deck = layout(source, size)
    theme = deck.theme
    geo = Geometry(theme, *size, _titles(source, theme))
    food_slides = [s for s in deck.slides if s.foods]
    assert food_slides or not any(isinstance(b, Foods) for s in source.sections for b in s.blocks)
    for slide in food_slides:
        assert slide.body_box is not None
        body_bottom = slide.body_box.y + slide.body_box.h
        columns = sorted(slide.foods, key=lambda c: c.box.x)
        for column in columns:
            need = food_column_height(geo, column)
            assert need <= column.box.h + EPS, (
                f"{slide.title!r}: group {column.group!r} needs {need:.2f} in, its box is {column.box.h:.2f} in")
            assert column.box.y + column.box.h <= body_bottom + EPS
            assert theme.food_floor - EPS <= column.size <= theme.food_size + EPS
            room = (column.box.w - 2 * theme.inset) * POINTS
            longest = max(widest_word(item, column.size) for item in column.items)
            assert longest <= room - theme.food_indent * POINTS + EPS, f"a food word is wider than {column}"
            assert widest_word(column.group, column.size, bold=True) <= room + EPS, f"{column.group!r} breaks"
        for left, right in zip(columns, columns[1:], strict=False):
            assert left.box.x + left.box.w <= right.box.x + EPS, f"{slide.title!r}: food columns overlap"
        if slide.intro:
            room = (slide.body_box.w - 2 * theme.inset) * POINTS
            intro = lines_height(deck, len(wrap(slide.intro, theme.body_size, room)), theme.body_size) + 2 * theme.inset
            assert slide.body_box.y + intro <= columns[0].box.y + EPS, f"{slide.title!r}: intro runs into the grid"


@pytest.mark.parametrize("size", SIZES)
def test_food_columns_fit(article: Article, size: tuple[float, float]) -> None:
    """Each food group's column holds its name and items, no word wider than a line; columns sit side by side."""
    _check_food_columns_fit(article, size)


def test_every_food_group_is_shown_once_in_order() -> None:
    source = tripled(magnesium())
    shown = [(c.group, c.items) for s in layout(source).slides for c in s.foods]
    expected = [(g.group, tuple(g.items)) for s in source.sections for b in s.blocks if isinstance(b, Foods)
                for g in b.foods.groups]
    assert shown == expected


def with_groups(source: Article, change: Callable[[list[FoodGroup]], list[FoodGroup]]) -> Article:
    sections = []
    for section in source.sections:
        blocks = []
        for b in section.blocks:
            if isinstance(b, Foods):
                b = b.model_copy(update={"foods": b.foods.model_copy(update={"groups": change(b.foods.groups)})})
            blocks.append(b)
        sections.append(section.model_copy(update={"blocks": blocks}))
    return source.model_copy(update={"sections": sections})


def test_a_food_group_taller_than_a_slide_still_fits() -> None:
    """A group with many foods (here three times the magnesium groups' items) must continue, not run off."""
    source = with_groups(magnesium(), lambda groups: [g.model_copy(update={"items": g.items * 3}) for g in groups])
    _check_food_columns_fit(source, WIDE)
    _check_food_columns_fit(source, STANDARD)


@pytest.mark.parametrize("size", SIZES)
def test_a_word_too_wide_for_its_card_gets_a_smaller_size_or_a_wider_card(size: tuple[float, float]) -> None:
    """"Pomegranate" must never break inside itself: its card is set smaller (not below 18 pt) or made wider."""
    long = ["Pomegranate", "Watermelon", "Blackcurrants", "Gooseberries", "Huckleberries"]
    source = with_groups(magnesium(), lambda groups: [*groups, FoodGroup(group="Fruit", items=long),
                                                      FoodGroup(group="Pomegranates", items=long[::-1])])
    _check_food_columns_fit(source, size)
    sizes = {c.size for s in layout(source, size).slides for c in s.foods}
    assert min(sizes) >= THEME.food_floor


def test_wrap_counts_the_lines_of_a_word_wider_than_its_box() -> None:
    """Measurement agrees with rendering: a word wider than the room takes the lines a renderer breaks it into."""
    word = "Pomegranate"
    assert len(wrap(word, 22, width(word, 22) + 1)) == 1
    assert len(wrap(word, 22, width(word, 22) * 0.6)) == 2
    assert len(wrap(f"A {word}", 22, width(word, 22) * 0.6)) == 3


# --- tables ------------------------------------------------------------------------------------------------------


def source_tables(source: Article) -> list[tuple[Section, TableData]]:
    return [(s, b.table) for s in source.sections for b in s.blocks if isinstance(b, Table)]


@pytest.mark.parametrize("size", SIZES)
def test_table_parts_repeat_the_header_and_keep_every_row_in_order(article: Article, size: tuple[float, float]) -> None:
    """A table that continues repeats its header row on each slide; its rows are all there, once, in order."""
    slides = [s for s in layout(article, size).slides if s.table is not None]
    tables = source_tables(article)
    assert bool(slides) == bool(tables)
    rows = [row for s in slides for row in s.table.rows]  # type: ignore[union-attr]
    assert rows == [tuple(row) for _, table in tables for row in table.rows]
    for slide in slides:
        part = slide.table
        assert part is not None and part.rows
        assert any(part.header == tuple(table.header) for _, table in tables)
        assert len(part.heights) == len(part.rows) + 1
        assert len(part.widths) == len(part.header)
    if article.sections and len(slides) > 1:
        assert any(s.title.endswith(continued(article)) for s in slides)


@pytest.mark.parametrize("size", SIZES)
def test_table_cells_fit_their_rows_and_columns(article: Article, size: tuple[float, float]) -> None:
    """Every cell, wrapped at the table's size in its column, fits its row; no word is wider than its column."""
    deck = layout(article, size)
    theme = deck.theme
    for slide in deck.slides:
        part = slide.table
        if part is None:
            continue
        assert slide.body_box is not None
        assert theme.cell_floor - EPS <= part.size <= 24 * theme.cell_size / THEME.cell_size + EPS
        assert abs(part.box.w - sum(part.widths)) < 1e-6 and abs(part.box.h - sum(part.heights)) < 1e-6
        assert part.box.y + part.box.h <= slide.body_box.y + slide.body_box.h + EPS
        for r, (row, height) in enumerate(zip([part.header, *part.rows], part.heights, strict=True)):
            for c, (cell, column) in enumerate(zip(row, part.widths, strict=True)):
                bold = r == 0 or c == 0
                room = (column - 2 * theme.cell_margin) * POINTS
                assert widest_word(cell, part.size, bold=bold) <= room + EPS, f"{cell!r}: a word too wide"
                lines = len(wrap(cell, part.size, room, bold=bold))
                need = lines_height(deck, lines, part.size) + 2 * theme.cell_margin
                assert need <= height + EPS, f"{slide.title!r}: cell {cell!r} needs {need:.2f} in, row {height:.2f}"


def test_a_long_table_continues_on_several_slides() -> None:
    """Three times the rows cannot fit one slide: the table must take more slides, each under its header."""
    slides = [s for s in layout(tripled(magnesium())).slides if s.table is not None]
    short = [s for s in layout(magnesium()).slides if s.table is not None]
    assert len(slides) > len(short) >= 1


def test_a_caption_stands_above_its_table() -> None:
    """The caption says what the table compares: on the table's first slide, a line of its own above the table, even
    when the table then continues."""
    caption = "This table compares a low magnesium state with a healthy one."
    source = with_caption(magnesium(), caption)
    table = next(table for _, table in source_tables(source))
    slide = next(s for s in layout(source).slides if s.table is not None)
    assert slide.intro.split("\n")[-1] == caption and norm(caption) in norm(slide.notes)
    shorter = with_caption(with_rows(magnesium(), table.rows[:4]), caption)
    slide = next(s for s in layout(shorter).slides if s.table is not None)
    assert slide.intro == caption and slide.table is not None
    assert slide.table.box.y > slide.body_box.y  # type: ignore[union-attr]


def with_rows(source: Article, rows: list[list[str]]) -> Article:
    sections = []
    for section in source.sections:
        blocks = [b.model_copy(update={"table": b.table.model_copy(update={"rows": rows})}) if isinstance(b, Table)
                  else b for b in section.blocks]
        sections.append(section.model_copy(update={"blocks": blocks}))
    return source.model_copy(update={"sections": sections})


# --- one geometry, any slide size ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_one_geometry(article: Article, size: tuple[float, float]) -> None:
    """Every content slide has the same title box and its body starts at the same place (a callout's frame there)."""
    deck = layout(article, size)
    content = deck.slides[1:]
    assert len({s.title_box for s in content}) == 1
    assert len({s.mark.frame if s.mark else s.body_box for s in content}) == 1
    body = content[0].body_box
    assert body is not None
    for slide in content:
        first = [slide.table.box.y] if slide.table is not None and not slide.intro else []
        first += [c.box.y for c in slide.foods if not slide.intro]
        assert all(abs(y - body.y) < EPS for y in first), f"{slide.title!r} starts below the body's top"


@pytest.mark.parametrize("name", list(ARTICLES))
def test_any_sixteen_by_nine_size_gives_the_same_slides(name: str) -> None:
    """A 10-inch 16:9 template gets the slides of PowerPoint's 13.333-inch default, every box and size at 3/4."""
    source = ARTICLES[name]()
    wide, small = layout(source, WIDE), layout(source, WIDE_10)
    assert len(wide.slides) == len(small.slides)
    for big, little in zip(wide.slides, small.slides, strict=True):
        assert (big.title, big.bullets, big.notes, big.intro) == (little.title, little.bullets, little.notes,
                                                                  little.intro)
        assert little.title_size == pytest.approx(big.title_size * 0.75)
        for (name_a, a), (name_b, b) in zip(boxes(big), boxes(little), strict=True):
            assert name_a == name_b
            assert (b.x, b.y, b.w, b.h) == pytest.approx((a.x * 0.75, a.y * 0.75, a.w * 0.75, a.h * 0.75))
    assert small.theme.body_size == pytest.approx(THEME.body_size * 0.75)


def test_a_template_content_area_holds_every_body_box() -> None:
    """A content area (a template's body placeholder) short of the footer line and inset at the sides holds every body
    box, food card, table and text under a grid; without one, the deck is as before."""
    source = magnesium()
    plain = layout(source)
    assert deck_layout(source, replace(THEME, labels=article_labels(source)), *WIDE, content=None) == plain
    area = Box(1.0, 1.0, WIDE[0] - 2.0, 5.0)
    deck = deck_layout(source, replace(THEME, labels=article_labels(source)), *WIDE, content=area)
    assert len(deck.slides) > len(plain.slides), "the smaller area needs more slides"
    for slide in deck.slides[1:]:
        for name, box in boxes(slide):
            if name != "title":
                assert area.x - EPS <= box.x and box.x + box.w <= area.x + area.w + EPS, f"{slide.title!r}: {name}"
                assert area.y - EPS <= box.y and box.y + box.h <= area.y + area.h + EPS, f"{slide.title!r}: {name}"


def test_a_four_by_three_slide_gets_narrower_boxes() -> None:
    """The layout is computed for the slide size in use, not for 16:9 and then squeezed."""
    wide = layout(magnesium())
    narrow = layout(magnesium(), STANDARD)
    assert (narrow.width, narrow.height) == STANDARD
    assert max(b.x + b.w for s in narrow.slides for _, b in boxes(s)) <= STANDARD[0]
    assert max(b.x + b.w for s in wide.slides for _, b in boxes(s)) > STANDARD[0]
    assert len(narrow.slides) >= len(wide.slides)
    assert narrow.theme.body_size == THEME.body_size


def test_layout_is_deterministic() -> None:
    assert layout(magnesium()) == layout(magnesium())


# --- the title slide ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_title_slide(article: Article, size: tuple[float, float]) -> None:
    """The title, the date, a subtitle that adds to the title (never the short title again), the theme's band."""
    deck = layout(article, size)
    slide = deck.slides[0]
    assert slide.layout == "title" and slide.title == article.title and slide.body_box is not None
    assert slide.subtitle[-1] == article_labels(article).format_date(article.date)
    assert article.short_title not in slide.subtitle[:-1]
    assert slide.cover is not None and slide.cover.band is not None and slide.cover.rule is not None
    assert slide.cover.band.h == pytest.approx(size[1] - deck.theme.footer_height)
    assert slide.cover.clinic == "" and slide.cover.logo_box is None
    room = (slide.body_box.w - 2 * deck.theme.inset) * POINTS
    lines = sum(len(wrap(line, deck.theme.subtitle_size, room)) for line in slide.subtitle)
    assert lines_height(deck, lines, deck.theme.subtitle_size) + 2 * deck.theme.inset <= slide.body_box.h + EPS
    for box in (slide.title_box, slide.body_box):
        assert box.x >= slide.cover.band.x + slide.cover.band.w


def test_the_subject_is_a_subtitle_only_when_it_adds_to_the_title() -> None:
    source = magnesium()
    assert source.subject and layout(source).slides[0].subtitle[0] == source.subject
    repeated = source.model_copy(update={"subject": "Can Low Magnesium Cause Muscle Contractions?"})
    assert len(layout(repeated).slides[0].subtitle) == 1


def test_a_branded_title_slide_names_the_clinic_and_keeps_room_for_its_logo() -> None:
    brand = Brand(clinic="Riverside Family Practice", phone="(555) 010-0199", logo="riverside-logo.png")
    slide = layout(magnesium(), WIDE, brand).slides[0]
    assert slide.cover is not None and slide.cover.clinic == "Riverside Family Practice · (555) 010-0199"
    assert slide.cover.clinic_box is not None and slide.cover.logo_box is not None
    logo, title = slide.cover.logo_box, slide.title_box
    assert logo.y + logo.h <= title.y + EPS, "the logo sits above the title"
    assert slide.cover.clinic_box.y >= slide.body_box.y + slide.body_box.h  # type: ignore[union-attr]


def test_on_a_template_the_title_slide_has_no_band_of_ours() -> None:
    """A user's template brings its own look: no band or rule is added, and the title starts at the margin."""
    source = magnesium()
    slide = deck_layout(source, THEME, *WIDE, identity=False).slides[0]
    assert slide.cover is not None and slide.cover.band is None and slide.cover.rule is None
    assert slide.title_box.x == pytest.approx(THEME.margin)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ask Dr. Lee. She knows.", ["Ask Dr. Lee.", "She knows."]),
        ("The U.S. Department of Agriculture lists it. Eat well.",
         ["The U.S. Department of Agriculture lists it.", "Eat well."]),
        ("Low Magnesium vs. Healthy Magnesium, side by side.", ["Low Magnesium vs. Healthy Magnesium, side by side."]),
        ("Is it catching? No. It is not.", ["Is it catching?", "No.", "It is not."]),
        ("See leaflet No. 5 first.", ["See leaflet No. 5 first."]),
        ("¿Es grave? No. Beba agua.", ["¿Es grave?", "No.", "Beba agua."]),
    ],
)
def test_a_slide_sentence_never_ends_at_an_abbreviation(text: str, expected: list[str]) -> None:
    """A bullet cut after "Dr." or "U.S." would read as nonsense; the deck splits where the reading check does."""
    assert sentences(text) == expected


# --- parts longer than a slide (issues 21 and 24) ------------------------------------------------------------------


def built(doc: dict[str, Any], tmp_path: Path) -> Article:
    path = tmp_path / "topic.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    return load_article(path)


@pytest.mark.parametrize("size", SIZES)
def test_parts_longer_than_a_slide_continue_whole(tmp_path: Path, size: tuple[float, float]) -> None:
    """A 1,400-character cell, a 1,000-character key point, 30 foods, a callout of 28 items and a paragraph, a
    2,400-character disclaimer: every sentence and food on a slide, in a box that holds it, cells at 14 pt or more."""
    source = built(long_parts(), tmp_path)
    deck = layout(source, size)
    theme = deck.theme
    shown = " ".join(_slide_text(s) for s in deck.slides)
    for where, text in [*shown_texts(source), *(("table", cell) for _, t in source_tables(source)
                                                 for row in t.rows for cell in row)]:
        for sentence in sentences(text):
            assert norm(sentence) in shown, f"{where!r}: not on a slide: {sentence!r}"
    foods = [item for s in deck.slides for c in s.foods for item in c.items]
    assert foods.count("Food number 30") == 1 and len(foods) == 32
    for slide in deck.slides:
        if slide.table is not None:
            assert slide.table.size >= theme.cell_floor - EPS
            assert sum(slide.table.heights) <= slide.body_box.y + slide.body_box.h - slide.table.box.y + EPS
        for column in slide.foods:
            groups = {c.group for c in slide.foods}
            assert theme.labels.continued.format(title=column.group) not in groups


def _slide_text(slide: Slide) -> str:
    """Every text a slide shows, whitespace collapsed."""
    parts = [slide.intro, slide.outro, *(f"{b.label} {b.text}" for b in slide.bullets)]
    if slide.table is not None:
        parts += [cell for row in slide.table.rows for cell in row]
    parts += [item for column in slide.foods for item in column.items]
    return norm(" ".join(parts))


@pytest.mark.parametrize("size", SIZES)
def test_a_sentence_or_a_word_longer_than_a_slide_is_broken_not_run_off(tmp_path: Path,
                                                                         size: tuple[float, float]) -> None:
    """A summary of one 600-word sentence and a 5,000-character web address: cut between words (a word between
    letters), every piece in a box that holds it, no type under the bullets' floor."""
    source = built(huge_sentences(), tmp_path)
    deck = layout(source, size)
    theme = deck.theme
    shown = "".join("".join(b.text.split()) for s in deck.slides for b in s.bullets)
    assert "".join(source.summary.split()) in shown
    assert "a" * 4980 in shown
    for slide in deck.slides:
        if slide.layout == "content":
            assert slide.body_size >= theme.body_floor - EPS
            room = (slide.body_box.w - 2 * theme.inset - theme.bullet_indent) * POINTS
            lines = sum(len(wrap(b.text, slide.body_size, room)) for b in slide.bullets)
            used = lines_height(deck, lines, slide.body_size) + 2 * theme.inset
            assert used <= slide.body_box.h + EPS, f"{slide.title!r}: {used:.2f} in of text"


def test_a_four_by_three_template_takes_a_long_wide_section_title_beside_foods(tmp_path: Path) -> None:
    """A 119-character section title of wide letters on a 10 x 7.5 in slide, over a food grid: laid out."""
    doc = long_parts()
    doc["sections"][0]["title"] = " ".join(["WWWWWWW"] * 15)[:119]
    deck = layout(built(doc, tmp_path), STANDARD)
    assert any(slide.foods for slide in deck.slides)


def test_a_long_food_group_is_one_card_two_columns_wide() -> None:
    """Twelve foods too many for a narrow card: one card spanning two columns, its foods in two columns inside."""
    source = magnesium()
    section = next(s for s in source.sections if any(isinstance(b, Foods) for b in s.blocks))
    block = next(b for b in section.blocks if isinstance(b, Foods))
    group = FoodGroup(group="Fruit", items=[f"Pomegranate {n} (1/2 cup)" for n in range(1, 13)])
    foods = block.foods.model_copy(update={"groups": [*block.foods.groups, group]})
    blocks = [b.model_copy(update={"foods": foods}) if b is block else b for b in section.blocks]
    sections = [s.model_copy(update={"blocks": blocks}) if s is section else s for s in source.sections]
    deck = layout(source.model_copy(update={"sections": sections}))
    cards = [c for s in deck.slides for c in s.foods if c.group.startswith("Fruit")]
    assert len(cards) == 1 and cards[0].split and cards[0].second is not None
    assert cards[0].box.w > 1.5 * min(c.box.w for s in deck.slides for c in s.foods)


def test_a_sentence_introducing_a_list_stays_with_it() -> None:
    """The Vietnamese fixture's "Hãy làm theo các bước sau ...:" is on the slide with its steps, without a bullet."""
    source = ARTICLES["vietnamese"]()
    slide = next(s for s in layout(source).slides if any(b.text.endswith("rửa tay:") for b in s.bullets))
    lead = next(b for b in slide.bullets if b.text.endswith("rửa tay:"))
    assert lead.plain and slide.bullets[-1] is not lead and slide.bullets[1].label


def test_a_callout_is_marked_with_its_kind() -> None:
    """A warning carries the triangle, the language's "Warning" word and a red frame; a tip its circled "i"."""
    deck = layout(ARTICLES["vietnamese"]())
    marks = {s.mark.kind: s.mark for s in deck.slides if s.mark is not None}
    assert marks["warning"].label == "Cảnh báo" and marks["tip"].label == "Lời khuyên"
    assert marks["warning"].ink != marks["tip"].ink


def test_the_title_slide_names_the_author() -> None:
    """The Spanish fixture's author, a clinic's education service, stands under the title with the date."""
    source = ARTICLES["spanish"]()
    assert source.author in layout(source).slides[0].subtitle


def test_no_title_line_ends_on_a_one_letter_word() -> None:
    """"Low Magnesium vs. Healthy Magnesium: A Comparison" breaks before "A", not after it."""
    deck = layout(magnesium())
    slide = next(s for s in deck.slides if s.title.endswith("A Comparison"))
    assert slide.title_lines == ("Low Magnesium vs. Healthy Magnesium:", "A Comparison")
    for slide in deck.slides:
        lines = slide.title_lines or (slide.title,)
        assert " ".join(lines) == slide.title
        assert all(len(line.split()[-1]) > 1 for line in lines[:-1]), slide.title_lines
