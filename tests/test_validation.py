"""The walker finds every problem msgspec would stop at, and nothing in a valid source."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import msgspec
import pytest
import yaml

from mghandout.model import Article, Brand, validate
from mghandout.validation import issues

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = [Path(__file__).resolve().parents[1] / "source" / "magnesium-muscle-contractions.yaml",
           *sorted(p for p in FIXTURES.glob("*.yaml") if p.name != "brand.yaml")]


def _data(path: Path) -> Any:
    """The loader's plain data: every scalar as the text typed (BaseLoader), as mghandout.source gives it."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_a_valid_source_has_no_issues(path: Path) -> None:
    data = _data(path)
    validate(data, Article)
    assert issues(data, Article) == []


def _minimal() -> dict[str, Any]:
    return _data(FIXTURES / "minimal.yaml")


def _broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(_minimal())
    change(data)
    return data


# (what is wrong, the change, the issue's kind and path)
CASES = [
    ("unknown key", lambda d: d.update(colour="red"), "unknown_key", ("colour",)),
    ("missing key", lambda d: d.pop("summary"), "missing", ("summary",)),
    ("empty text", lambda d: d.update(summary=""), "empty", ("summary",)),
    ("list for text", lambda d: d.update(summary=["a"]), "not_text", ("summary",)),
    ("text for a list", lambda d: d.update(introduction="a"), "not_list", ("introduction",)),
    ("text for a part", lambda d: d["key_points"].__setitem__(0, "Drink water"), "not_mapping", ("key_points", 0)),
    ("empty list", lambda d: d["conclusion"].update(paragraphs=[]), "list_length", ("conclusion", "paragraphs")),
    ("too long", lambda d: d.update(short_title="x" * 61), "too_long", ("short_title",)),
    ("language", lambda d: d.update(language="english"), "pattern", ("language",)),
    ("date", lambda d: d.update(date="2026-02-30"), "not_date", ("date",)),
    ("grade", lambda d: d.update(reading_grade="17"), "out_of_range", ("reading_grade",)),
    ("grade not a number", lambda d: d.update(reading_grade="eight"), "not_whole", ("reading_grade",)),
    ("months", lambda d: d.update(labels={"months": ["Jan"]}), "list_length", ("labels", "months")),
    ("block kind", lambda d: d["sections"][0]["blocks"].__setitem__(0, {"paragraf": "x"}), "block_kind",
     ("sections", 0, "blocks", 0)),
    ("key beside a block's kind", lambda d: d["sections"][0]["blocks"][0].update(colour="red"), "unknown_key",
     ("sections", 0, "blocks", 0, "colour")),
    ("callout kind", lambda d: d["sections"][0]["blocks"].append({"callout": {"kind": "urgent", "title": "T",
                                                                              "text": "x"}}),
     "not_choice", ("sections", 0, "blocks", 1, "callout", "kind")),
    ("empty callout", lambda d: d["sections"][0]["blocks"].append({"callout": {"title": "T"}}), "callout_empty",
     ("sections", 0, "blocks", 1, "callout")),
    ("row cells", lambda d: d["sections"][0]["blocks"].append({"table": {"header": ["a", "b"], "rows": [["1"]]}}),
     "row_cells", ("sections", 0, "blocks", 1, "table", "rows", 0)),
]


@pytest.mark.parametrize(("change", "kind", "loc"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_rule_of_the_model_is_found_where_msgspec_stops(change: Any, kind: str, loc: tuple[Any, ...]) -> None:
    data = _broken(change)
    with pytest.raises(msgspec.ValidationError):
        validate(data, Article)
    assert [(issue.kind, issue.loc) for issue in issues(data, Article)] == [(kind, loc)]


def test_every_issue_is_found_at_once() -> None:
    chosen = ["unknown key", "missing key", "text for a list", "text for a part", "too long", "date"]

    def change(data: dict[str, Any]) -> None:
        for case in CASES:
            if case[0] in chosen:
                case[1](data)

    found = issues(_broken(change), Article)
    assert [issue.kind for issue in found] == [
        "unknown_key", "missing", "too_long", "not_date", "not_list", "not_mapping"
    ]
    assert {issue.owner for issue in found if issue.kind in ("unknown_key", "missing")} == {Article}


def test_the_brand_is_walked_with_its_own_fields() -> None:
    found = issues({"clinc": "Clinic"}, Brand)
    assert [(issue.kind, issue.loc, issue.owner) for issue in found] == [
        ("unknown_key", ("clinc",), Brand),
        ("missing", ("clinic",), Brand),
    ]
