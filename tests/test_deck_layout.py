"""The deck's pure layout step: what goes on which slide, and whether it fits, by the layout's own measure.

No file is written here. These tests hold `deck_layout` to the promises the writer and the
presentation program rely on: every slide has a title, what continues says so, no sentence is
cut or lost, every text box holds what was put in it (measured with Arial's metrics, as the
layout measures), a table continues under its repeated header, and all of it stays on the
slide, for 16:9 and for a 4:3 template alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from long_source import tripled

from mghandout.deck import DeckTheme, deck_layout
from mghandout.deck.layout import POINTS, Box, Slide, _Geometry, food_column_height
from mghandout.deck.measure import sentences, width, wrap
from mghandout.model import Article, Foods, Section, Table, TableData, iter_texts
from mghandout.source import load_article

ROOT = Path(__file__).resolve().parents[1]
MAGNESIUM = ROOT / "source" / "magnesium-muscle-contractions.yaml"
MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yaml"
THEME = DeckTheme()
WIDE = (13.333, 7.5)
STANDARD = (10.0, 7.5)
SIZES = [pytest.param(WIDE, id="16x9"), pytest.param(STANDARD, id="4x3")]
EPS = 1e-6
CONTINUED = " (continued)"


def magnesium() -> Article:
    return load_article(MAGNESIUM)


ARTICLES = {
    "magnesium": magnesium,
    "minimal": lambda: load_article(MINIMAL),
    "long": lambda: tripled(magnesium()),
}


@pytest.fixture(scope="module", params=list(ARTICLES))
def article(request: pytest.FixtureRequest) -> Article:
    return ARTICLES[request.param]()


def norm(text: str) -> str:
    """Whitespace collapsed: YAML folding and our joins may differ in spacing, never in words."""
    return " ".join(text.split())


def slide_pieces(slide: Slide) -> list[str]:
    """Every separate run of text a slide carries, on the slide or in its notes; a sentence must fit in one."""
    pieces = [slide.title, *slide.subtitle, slide.intro]
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


def lines_height(lines: int, size: float) -> float:
    return lines * size * THEME.line_spacing / POINTS


def topic(title: str) -> str:
    return title[: -len(CONTINUED)] if title.endswith(CONTINUED) else title


# --- titles and continuation -------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_every_slide_has_a_title(article: Article, size: tuple[float, float]) -> None:
    """Screen readers navigate a deck by its slide titles; an untitled slide is a hole in that outline."""
    deck = deck_layout(article, THEME, *size)
    assert deck.slides
    for number, slide in enumerate(deck.slides, start=1):
        assert slide.title.strip(), f"slide {number} has no title"
        assert slide.title_box.h > 0 and slide.title_box.w > 0


@pytest.mark.parametrize("size", SIZES)
def test_continued_slides_say_so_and_follow_their_topic(article: Article, size: tuple[float, float]) -> None:
    """A topic's first slide has its own title; each further slide of it is "<title> (continued)", right after."""
    deck = deck_layout(article, THEME, *size)
    seen: set[str] = set()
    previous = ""
    for number, slide in enumerate(deck.slides, start=1):
        if slide.title.endswith(CONTINUED):
            assert topic(previous) == topic(slide.title), f"slide {number} continues a topic not just shown"
        else:
            assert slide.title not in seen, f"slide {number}: topic {slide.title!r} restarts without '(continued)'"
            seen.add(slide.title)
        previous = slide.title


def test_the_deck_has_every_part_in_order() -> None:
    """Title, key points, each section, FAQ, conclusion, references, and the disclaimer last."""
    source = magnesium()
    titles = [topic(s.title) for s in deck_layout(source, THEME, *WIDE).slides]
    expected = [source.title, THEME.labels.key_points, *(s.title for s in source.sections), THEME.labels.faq,
                source.conclusion.title, THEME.labels.references, source.disclaimer.title]
    positions = [titles.index(title) for title in expected]
    assert positions == sorted(positions)
    assert titles[-1] == source.disclaimer.title
    last = deck_layout(source, THEME, *WIDE).slides[-1]
    assert [b.text for b in last.bullets] == [source.disclaimer.text]


def test_long_content_continues_rather_than_shrinks() -> None:
    """Three times the content gives more slides and more continuation slides, at the same type sizes."""
    short = deck_layout(magnesium(), THEME, *WIDE)
    long = deck_layout(tripled(magnesium()), THEME, *WIDE)
    count = lambda deck: sum(s.title.endswith(CONTINUED) for s in deck.slides)  # noqa: E731
    assert count(short) >= 1
    assert len(long.slides) > 2 * len(short.slides)
    assert count(long) > 2 * count(short)


# --- no text lost, no sentence cut --------------------------------------------------------------------------------


def _check_every_sentence_lands_whole(source: Article, size: tuple[float, float]) -> None:
    deck = deck_layout(source, THEME, *size)
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
    source = magnesium()
    caption = "This table compares a low magnesium state with a healthy one."
    sections = []
    for section in source.sections:
        blocks = [
            b.model_copy(update={"table": b.table.model_copy(update={"caption": caption})}) if isinstance(b, Table)
            else b for b in section.blocks
        ]
        sections.append(section.model_copy(update={"blocks": blocks}))
    _check_every_sentence_lands_whole(source.model_copy(update={"sections": sections}), WIDE)


@pytest.mark.parametrize("size", SIZES)
def test_bullets_are_whole_source_sentences(article: Article, size: tuple[float, float]) -> None:
    """What a slide shows is made of the source's own sentences, never a fragment of one."""
    known = {norm(s) for text in iter_texts(article) for s in sentences(text)}
    known |= {norm(s) for r in article.references if r.url for s in sentences(f"{r.text} {r.url}")}
    for slide in deck_layout(article, THEME, *size).slides:
        for bullet in slide.bullets:
            for sentence in sentences(bullet.text):
                assert norm(sentence) in known, f"{slide.title!r} shows a fragment: {sentence!r}"


def test_the_title_slide_notes_hold_the_introduction_and_disclaimer() -> None:
    """The presenter reads the introduction from the first slide's notes, and the disclaimer is said up front."""
    source = magnesium()
    notes = norm(deck_layout(source, THEME, *WIDE).slides[0].notes)
    for paragraph in source.introduction:
        assert norm(paragraph) in notes
    assert norm(source.disclaimer.text) in notes


# --- everything fits, by the layout's own measure ----------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_every_box_is_inside_the_slide_and_above_the_footer(article: Article, size: tuple[float, float]) -> None:
    """Nothing is placed off the slide or over the footer line, whatever the slide size."""
    w, h = size
    for slide in deck_layout(article, THEME, w, h).slides:
        for name, box in boxes(slide):
            where = f"{slide.title!r}: {name} {box}"
            assert box.x >= -EPS and box.y >= -EPS, where
            assert box.x + box.w <= w + EPS, where
            assert box.y + box.h <= h - THEME.footer_height + EPS, where
        if slide.body_box is not None:
            assert slide.title_box.y + slide.title_box.h <= slide.body_box.y + EPS, f"{slide.title!r}: title over body"


@pytest.mark.parametrize("size", SIZES)
def test_titles_fit_their_boxes(article: Article, size: tuple[float, float]) -> None:
    """A long title wraps, and its box is tall enough for every line at the title size."""
    for slide in deck_layout(article, THEME, *size).slides:
        type_size = THEME.cover_title_size if slide.layout == "title" else THEME.title_size
        box = slide.title_box
        lines = wrap(slide.title, type_size, (box.w - 2 * THEME.inset) * POINTS, bold=True)
        assert all(width(line, type_size, bold=True) <= (box.w - 2 * THEME.inset) * POINTS + EPS for line in lines
                   if " " in line)
        assert lines_height(len(lines), type_size) + 2 * THEME.inset <= box.h + EPS, slide.title


@pytest.mark.parametrize("size", SIZES)
def test_bullets_fit_their_box(article: Article, size: tuple[float, float]) -> None:
    """The bullets of each text slide, wrapped at the body size, are no taller than the body box."""
    geo = _Geometry(THEME, *size)
    for slide in deck_layout(article, THEME, *size).slides:
        if slide.layout != "content":
            continue
        assert slide.body_box is not None and slide.bullets, f"{slide.title!r} is an empty text slide"
        assert geo.fits(list(slide.bullets), slide.body_box), f"{slide.title!r}: bullets overflow their box"
        # the same, measured here rather than by the layout's own helper
        room = (slide.body_box.w - 2 * THEME.inset - 0.4) * POINTS
        used = 2 * THEME.inset
        for b in slide.bullets:
            if b.stacked:
                lines = len(wrap(b.label, THEME.body_size, room, bold=True)) + len(wrap(b.text, THEME.body_size, room))
            else:
                text = f"{b.label}: {b.text}" if b.label else b.text
                lines = len(wrap(text, THEME.body_size, room, bold=bool(b.label)))
            used += lines_height(lines, THEME.body_size) + THEME.paragraph_gap / POINTS
        assert used <= slide.body_box.h + EPS, f"{slide.title!r}: {used:.2f} in of text in {slide.body_box.h:.2f} in"


@pytest.mark.parametrize("size", SIZES)
def test_title_slide_subtitle_fits(article: Article, size: tuple[float, float]) -> None:
    slide = deck_layout(article, THEME, *size).slides[0]
    assert slide.layout == "title" and slide.body_box is not None
    room = (slide.body_box.w - 2 * THEME.inset) * POINTS
    lines = sum(len(wrap(line, THEME.subtitle_size, room)) for line in slide.subtitle)
    assert lines_height(lines, THEME.subtitle_size) + 2 * THEME.inset <= slide.body_box.h + EPS


def _check_food_columns_fit(source: Article, size: tuple[float, float]) -> None:
    geo = _Geometry(THEME, *size)
    food_slides = [s for s in deck_layout(source, THEME, *size).slides if s.foods]
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
            longest = max(width(w, THEME.food_size) for item in column.items for w in item.split())
            assert longest <= (column.box.w - 2 * THEME.inset - 0.25) * POINTS, f"a food word is wider than {column}"
        for left, right in zip(columns, columns[1:], strict=False):
            assert left.box.x + left.box.w <= right.box.x + EPS, f"{slide.title!r}: food columns overlap"
        if slide.intro:
            room = (slide.body_box.w - 2 * THEME.inset) * POINTS
            intro = lines_height(len(wrap(slide.intro, THEME.body_size, room)), THEME.body_size) + 2 * THEME.inset
            assert slide.body_box.y + intro <= columns[0].box.y + EPS, f"{slide.title!r}: intro runs into the grid"


@pytest.mark.parametrize("size", SIZES)
def test_food_columns_fit(article: Article, size: tuple[float, float]) -> None:
    """Each food group's column holds its name and items; columns sit side by side under the intro."""
    _check_food_columns_fit(article, size)


def test_every_food_group_is_shown_once_in_order() -> None:
    source = tripled(magnesium())
    shown = [(c.group, c.items) for s in deck_layout(source, THEME, *WIDE).slides for c in s.foods]
    expected = [(g.group, tuple(g.items)) for s in source.sections for b in s.blocks if isinstance(b, Foods)
                for g in b.foods.groups]
    assert shown == expected


def test_a_food_group_taller_than_a_slide_still_fits() -> None:
    """A group with many foods (here three times the magnesium groups' items) must continue, not run off."""
    source = magnesium()
    sections = []
    for section in source.sections:
        blocks = []
        for b in section.blocks:
            if isinstance(b, Foods):
                groups = [g.model_copy(update={"items": g.items * 3}) for g in b.foods.groups]
                b = b.model_copy(update={"foods": b.foods.model_copy(update={"groups": groups})})
            blocks.append(b)
        sections.append(section.model_copy(update={"blocks": blocks}))
    _check_food_columns_fit(source.model_copy(update={"sections": sections}), WIDE)


# --- tables ------------------------------------------------------------------------------------------------------


def source_tables(source: Article) -> list[tuple[Section, TableData]]:
    return [(s, b.table) for s in source.sections for b in s.blocks if isinstance(b, Table)]


@pytest.mark.parametrize("size", SIZES)
def test_table_parts_repeat_the_header_and_keep_every_row_in_order(article: Article, size: tuple[float, float]) -> None:
    """A table that continues repeats its header row on each slide; its rows are all there, once, in order."""
    slides = [s for s in deck_layout(article, THEME, *size).slides if s.table is not None]
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
        assert any(s.title.endswith(CONTINUED) for s in slides)


@pytest.mark.parametrize("size", SIZES)
def test_table_cells_fit_their_rows_and_columns(article: Article, size: tuple[float, float]) -> None:
    """Every cell, wrapped at the cell size in its column, fits its row; no word is wider than its column."""
    for slide in deck_layout(article, THEME, *size).slides:
        part = slide.table
        if part is None:
            continue
        assert slide.body_box is not None
        assert abs(part.box.w - sum(part.widths)) < 1e-6 and abs(part.box.h - sum(part.heights)) < 1e-6
        assert part.box.y + part.box.h <= slide.body_box.y + slide.body_box.h + EPS
        for r, (row, height) in enumerate(zip([part.header, *part.rows], part.heights, strict=True)):
            for c, (cell, column) in enumerate(zip(row, part.widths, strict=True)):
                bold = r == 0 or c == 0
                room = (column - 2 * THEME.cell_margin) * POINTS
                longest = max(width(word, THEME.cell_size, bold=bold) for word in cell.split())
                assert longest <= room + EPS, f"{cell!r} has a word wider than its column"
                lines = len(wrap(cell, THEME.cell_size, room, bold=bold))
                need = lines_height(lines, THEME.cell_size) + 2 * THEME.cell_margin
                assert need <= height + EPS, f"{slide.title!r}: cell {cell!r} needs {need:.2f} in, row {height:.2f}"


def test_a_long_table_continues_on_several_slides() -> None:
    """Three times the rows cannot fit one slide: the table must take more slides, each under its header."""
    slides = [s for s in deck_layout(tripled(magnesium()), THEME, *WIDE).slides if s.table is not None]
    short = [s for s in deck_layout(magnesium(), THEME, *WIDE).slides if s.table is not None]
    assert len(slides) > len(short) >= 1


# --- a 4:3 slide -------------------------------------------------------------------------------------------------


def test_a_four_by_three_slide_gets_narrower_boxes() -> None:
    """The layout is computed for the slide size in use, not for 16:9 and then squeezed."""
    wide = deck_layout(magnesium(), THEME, *WIDE)
    narrow = deck_layout(magnesium(), THEME, *STANDARD)
    assert (narrow.width, narrow.height) == STANDARD
    assert max(b.x + b.w for s in narrow.slides for _, b in boxes(s)) <= STANDARD[0]
    assert max(b.x + b.w for s in wide.slides for _, b in boxes(s)) > STANDARD[0]
    assert len(narrow.slides) >= len(wide.slides)


def test_layout_is_deterministic() -> None:
    assert deck_layout(magnesium(), THEME, *WIDE) == deck_layout(magnesium(), THEME, *WIDE)
