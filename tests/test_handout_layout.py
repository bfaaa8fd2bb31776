"""The handout's layout step: what is printed, in which order, grouped how, decided without a file.

`handout_layout` is pure data, so the editorial promises of issue 4 (title block, summary, key
points, the sections in order, the FAQ, the conclusion, the disclaimer box, the write-in box; the
food list as groups; the table as header + rows) are checked here directly, on the magnesium source
and on the second test topic, before any PDF exists.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from topics import FIXTURES, ROOT
from topics import SOURCES as TOPICS

from mghandout.handout import HandoutTheme, handout_layout
from mghandout.handout.layout import (
    Alert,
    Boxed,
    FoodGrid,
    Grid,
    Heading,
    Item,
    Labelled,
    Links,
    Notes,
    RowBlocks,
    Text,
    Title,
    column_widths,
    food_columns,
    roomy,
)
from mghandout.handout.theme import large_print
from mghandout.model import Article, Brand, Callout, Foods, Paragraph, Table, TermList, article_labels, iter_texts
from mghandout.source import load_article, load_brand

SOURCES = TOPICS
THEME = HandoutTheme()


@pytest.fixture(scope="module", params=sorted(SOURCES))
def article(request: pytest.FixtureRequest) -> Article:
    """Each test topic, loaded once per module."""
    return load_article(SOURCES[request.param])


@pytest.fixture(scope="module")
def brand() -> Brand:
    """The test clinic (its logo is not needed by the layout step)."""
    return load_brand(FIXTURES / "brand.yaml")


@pytest.fixture(scope="module")
def theme(article: Article) -> HandoutTheme:
    """The theme as `render_pdf` makes it: with the article's own fixed words."""
    return replace(THEME, labels=article_labels(article))


@pytest.fixture(scope="module")
def items(article: Article, theme: HandoutTheme) -> list[Item]:
    return handout_layout(article, theme)


def _heading_index(items: list[Item], text: str) -> int:
    """Where the heading with this text stands; fails the test when it is missing."""
    found = [i for i, item in enumerate(items) if isinstance(item, Heading) and item.text == text]
    assert found, f"no heading {text!r} in the layout"
    return found[0]


def _texts_of(item: Item) -> list[str]:
    """Every source text an item prints."""
    if isinstance(item, Title):
        return [item.text]
    if isinstance(item, (Heading, Text)):
        return [item.text]
    if isinstance(item, Labelled):
        return [t for pair in item.items for t in pair]
    if isinstance(item, FoodGrid):
        return ([item.intro] if item.intro else []) + [t for group, foods in item.groups for t in (group, *foods)]
    if isinstance(item, (Grid, RowBlocks)):
        return ([item.caption] if item.caption else []) + list(item.header) + [c for row in item.rows for c in row]
    if isinstance(item, Boxed):
        return [item.title, item.text]
    if isinstance(item, Links):
        return [t for text, url in item.items for t in (text, url) if t]
    if isinstance(item, Alert):
        return [item.title, *([item.text] if item.text else []), *item.items]
    return [item.label]


def test_the_handout_opens_with_the_title_block(items: list[Item], article: Article) -> None:
    """A patient must see what the handout is about before anything else."""
    first = items[0]
    assert isinstance(first, Title)
    assert first.text == article.title
    assert first.clinic == (), "no brand was given, so no clinic may be printed"


def test_summary_then_key_points_come_before_the_sections(
    items: list[Item], article: Article, theme: HandoutTheme
) -> None:
    """Summary and key points are up front: a patient who reads one page gets the gist."""
    summary = _heading_index(items, theme.labels.summary)
    assert summary == 1, "the summary comes straight after the title block"
    assert items[summary + 1] == Text(article.summary, lead=True), "the summary is set as the lead paragraph"
    key_points = _heading_index(items, theme.labels.key_points)
    assert summary < key_points < _heading_index(items, article.sections[0].title)
    cards = items[key_points + 1]
    assert isinstance(cards, Labelled) and cards.boxed, "key points are a visual list (cards), not running text"
    assert cards.items == tuple((p.title, p.text) for p in article.key_points)


def test_the_summary_heading_is_not_a_bookmark(items: list[Item], theme: HandoutTheme) -> None:
    """The outline lists the article's parts; the 'In brief' label is not one of them."""
    assert not items[_heading_index(items, theme.labels.summary)].outline  # type: ignore[union-attr]


def test_introduction_follows_the_summary(items: list[Item], article: Article, theme: HandoutTheme) -> None:
    summary = _heading_index(items, theme.labels.summary)
    intro = [Text(p) for p in article.introduction]
    assert items[summary + 2 : summary + 2 + len(intro)] == intro


def test_whole_order_title_summary_keypoints_sections_faq_conclusion_disclaimer_notes(
    items: list[Item], article: Article
, theme: HandoutTheme) -> None:
    """The order of PRODUCT.md and issue 4: ... the sections in order; the FAQ; the conclusion; disclaimer; notes."""
    anchors = [
        0,
        _heading_index(items, theme.labels.summary),
        _heading_index(items, theme.labels.key_points),
        *(_heading_index(items, section.title) for section in article.sections),
        _heading_index(items, theme.labels.faq),
        _heading_index(items, article.conclusion.title),
        next(i for i, item in enumerate(items) if isinstance(item, Boxed)),
        next(i for i, item in enumerate(items) if isinstance(item, Notes)),
    ]
    assert anchors == sorted(anchors), "title, summary, key points, sections, FAQ, conclusion, disclaimer, notes"
    assert len(set(anchors)) == len(anchors)


def test_disclaimer_box_then_notes_box_close_the_handout(items: list[Item], article: Article) -> None:
    """The disclaimer is a box nobody can miss, and the write-in box is the last thing on the page."""
    *_, box, notes = items
    assert box == Boxed(article.disclaimer.heading(article_labels(article)), article.disclaimer.text)
    assert isinstance(notes, Notes)
    assert notes.label == article_labels(article).notes
    assert notes.lines >= 2, "room to write a note (the PDF grows the box to fill its page)"
    assert sum(isinstance(item, Boxed) for item in items) == 1
    assert sum(isinstance(item, Notes) for item in items) == 1


def test_each_section_heading_is_followed_by_its_blocks_in_order(items: list[Item], article: Article) -> None:
    for section in article.sections:
        start = _heading_index(items, section.title)
        heading = items[start]
        assert isinstance(heading, Heading) and heading.outline and heading.level == 1
        printed = items[start + 1 : start + 1 + len(section.blocks)]
        for block, item in zip(section.blocks, printed, strict=True):
            if isinstance(block, Paragraph):
                assert item == Text(block.paragraph)
            elif isinstance(block, TermList):
                assert item == Labelled(tuple((t.term, t.text) for t in block.terms))
            elif isinstance(block, Foods):
                assert isinstance(item, FoodGrid)
            elif isinstance(block, Callout):
                callout = block.callout
                assert item == Alert(callout.kind, callout.title, callout.text, tuple(callout.items or ()))
            else:
                assert isinstance(block, Table) and isinstance(item, Grid)


def test_faq_questions_stand_out_as_labels(items: list[Item], article: Article, theme: HandoutTheme) -> None:
    """Each question is the bold label over its answer (stacked), so a patient scans the questions."""
    faq = items[_heading_index(items, theme.labels.faq) + 1]
    assert isinstance(faq, Labelled) and faq.stacked
    assert faq.items == tuple((q.question, q.answer) for q in article.faq)


def test_conclusion_paragraphs_follow_their_heading(items: list[Item], article: Article) -> None:
    start = _heading_index(items, article.conclusion.title)
    paragraphs = [Text(p) for p in article.conclusion.paragraphs]
    assert items[start + 1 : start + 1 + len(paragraphs)] == paragraphs


def test_food_list_is_a_grid_of_its_groups(items: list[Item], article: Article) -> None:
    """The food list keeps the source's groups, each with its foods, in a grid of a few columns."""
    sources = [b.foods for s in article.sections for b in s.blocks if isinstance(b, Foods)]
    grids = [item for item in items if isinstance(item, FoodGrid)]
    assert len(grids) == len(sources) >= 1
    for grid, foods in zip(grids, sources, strict=True):
        assert grid.intro == foods.intro
        assert grid.groups == tuple((g.group, tuple(g.items)) for g in foods.groups)
        assert 2 <= grid.columns <= 4 or len(foods.groups) == 1, "a grid, not a single long column"
        assert grid.columns <= len(foods.groups), "no empty column"


@pytest.mark.parametrize(
    ("groups", "rows"),
    [(1, [1]), (3, [3]), (4, [4]), (5, [3, 2]), (6, [3, 3]), (7, [4, 3]), (8, [4, 4]), (9, [3, 3, 3]),
     (11, [4, 4, 3]), (12, [4, 4, 4])],
)
def test_food_grid_rows_are_balanced(groups: int, rows: list[int]) -> None:
    """6 groups as 3 + 3, not 4 + 2: rows differ by one group at most, and no row holds more than four."""
    columns = food_columns(groups)
    assert [min(columns, groups - start) for start in range(0, groups, columns)] == rows


def test_every_food_grid_is_balanced(items: list[Item]) -> None:
    for grid in (item for item in items if isinstance(item, FoodGrid)):
        last = len(grid.groups) % grid.columns or grid.columns
        assert grid.columns - last <= 1, f"{len(grid.groups)} groups in rows of {grid.columns}: a last row of {last}"


def test_a_table_that_goes_on_is_cued_in_the_articles_language(items: list[Item], article: Article) -> None:
    """The part of a table after a page break is headed "<section> (continued)" in the article's own words."""
    labels = article_labels(article)
    grids = [(i, item) for i, item in enumerate(items) if isinstance(item, Grid)]
    assert grids
    for index, grid in grids:
        section = next(item for item in reversed(items[:index]) if isinstance(item, Heading))
        assert grid.continued == labels.continued.format(title=section.text)
    if article.language == "es":
        assert all("(continuación)" in grid.continued for _, grid in grids)


def test_references_are_one_item_with_their_addresses(items: list[Item], article: Article) -> None:
    """One item, so the writer keeps references together at a break; each keeps its URL for the link."""
    links = [item for item in items if isinstance(item, Links)]
    assert links == ([Links(tuple((r.text, r.url) for r in article.references))] if article.references else [])


def test_table_item_carries_header_and_rows(items: list[Item], article: Article) -> None:
    """The comparison table is printed cell for cell, with its header, at full width."""
    sources = [b.table for s in article.sections for b in s.blocks if isinstance(b, Table)]
    grids = [item for item in items if isinstance(item, Grid)]
    assert len(grids) == len(sources) >= 1
    for grid, table in zip(grids, sources, strict=True):
        assert grid.header == tuple(table.header)
        assert grid.rows == tuple(tuple(row) for row in table.rows)
        assert grid.caption == table.caption
        assert len(grid.widths) == len(table.header)
        assert all(w > 0.05 for w in grid.widths), "every column keeps room to be read"
        assert sum(grid.widths) == pytest.approx(1.0), "the table is full width"


def test_world_table_is_long_enough_to_break_across_pages() -> None:
    """The second topic exists to exercise a table spanning pages: keep it long."""
    table = next(b.table for s in load_article(SOURCES["world"]).sections for b in s.blocks if isinstance(b, Table))
    assert len(table.rows) >= 40


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        (["A", "B"], [["x", "y"]]),
        (["Feature", "Low", "Healthy"], [["Muscle", "a long cell " * 5, "another long cell " * 4]]),
        (["1", "2", "3", "4"], [["a" * 100, "b", "c", "d"]]),
    ],
)
def test_column_widths_are_shares_of_the_page(header: list[str], rows: list[list[str]]) -> None:
    widths = column_widths(header, rows)
    assert len(widths) == len(header)
    assert sum(widths) == pytest.approx(1.0)
    assert min(widths) > 0.05


def test_every_source_text_is_in_the_layout(items: list[Item], article: Article) -> None:
    """Nothing typed in the source is dropped on the way to the page (references may be joined with their URL)."""
    printed = "\n".join(t for item in items for t in _texts_of(item))
    missing = [text for text in iter_texts(article) if text not in printed]
    assert not missing, missing


def test_brand_goes_into_the_title_block_and_the_notes_box(article: Article, brand: Brand) -> None:
    """Patients must know whom to call: the clinic's name and phone, at the top and beside the notes."""
    items = handout_layout(article, THEME, brand)
    title, notes = items[0], items[-1]
    assert isinstance(title, Title) and isinstance(notes, Notes)
    assert title.clinic[0] == brand.clinic
    assert brand.phone and any(brand.phone in line for line in title.clinic)
    assert brand.website and any(brand.website in line for line in title.clinic)
    assert brand.clinic in notes.contact and brand.phone in notes.contact


def test_no_brand_no_contact(items: list[Item]) -> None:
    notes = items[-1]
    assert isinstance(notes, Notes) and notes.contact == ""


def test_layout_writes_no_file(article: Article, brand: Brand, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The layout is pure: deciding what goes where touches no disk."""
    monkeypatch.chdir(tmp_path)
    before = set(os.listdir(ROOT))
    handout_layout(article, THEME, brand)
    handout_layout(article, THEME)
    assert list(tmp_path.iterdir()) == []
    assert set(os.listdir(ROOT)) == before


def test_layout_is_the_same_each_time(article: Article) -> None:
    """Same source, same items: the PDF's reproducibility starts here."""
    assert handout_layout(article, THEME) == handout_layout(article, THEME)


# --- the large-print edition (issue 27) ------------------------------------------------------------------------


def test_large_print_sets_key_points_and_food_groups_in_one_column(article: Article, theme: HandoutTheme) -> None:
    items = handout_layout(article, large_print(theme))
    cards = [item for item in items if isinstance(item, Labelled) and item.boxed]
    assert cards and all(item.columns == 1 for item in cards)
    assert all(item.columns == 1 for item in items if isinstance(item, FoodGrid))
    assert all(item.columns == 2 for item in handout_layout(article, theme) if isinstance(item, Labelled) and item.boxed)


def test_large_print_keeps_every_text(article: Article, theme: HandoutTheme) -> None:
    printed = "\n".join(t for item in handout_layout(article, large_print(theme)) for t in _texts_of(item))
    assert not [text for text in iter_texts(article) if text not in printed]


def test_a_table_too_narrow_for_18_pt_becomes_row_blocks_with_a_note(theme: HandoutTheme) -> None:
    """The bundled comparison table's three columns of sentences hold about 22 characters a line at 18 pt:
    too few, so each row is a block; the note in the article's language says nothing is left out."""
    article = load_article(ROOT / "source" / "magnesium-muscle-contractions.yaml")
    items = handout_layout(article, large_print(replace(THEME, labels=article_labels(article))))
    [blocks] = [item for item in items if isinstance(item, RowBlocks)]
    assert blocks.rows == tuple(map(tuple, tables(article)[0].rows))
    assert blocks.note == article_labels(article).table_rows
    assert not [item for item in items if isinstance(item, Grid)]


def test_a_table_of_short_cells_stays_a_table_in_large_print() -> None:
    header, rows = ["Food", "Amount"], [["Almonds", "1 ounce"], ["Spinach", "1/2 cup"]]
    assert roomy(header, rows, column_widths(header, rows), large_print(THEME))
    long = [["Muscle Function", "Characterized by involuntary contractions, spasms, and cramps " * 2] * 1] * 2
    wide = ["Feature", "Low", "Healthy", "Notes"]
    assert not roomy(wide, [row * 2 for row in long], column_widths(wide, [row * 2 for row in long]),
                     large_print(THEME))


def tables(article: Article) -> list[Any]:
    return [block.table for section in article.sections for block in section.blocks if isinstance(block, Table)]
