"""The shipped JSON Schema is the model's, and sources point editors at it."""

from __future__ import annotations

import json
from pathlib import Path

from mghandout.schema import SCHEMA_PATH, article_schema, schema_text

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_schema_matches_the_model() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), "run: python -m mghandout.schema"


def test_schema_forbids_unknown_keys_everywhere() -> None:
    schema = article_schema()
    objects = [schema, *schema["$defs"].values()]
    assert all(part.get("additionalProperties") is False for part in objects)


def test_every_source_names_the_schema_on_its_first_line() -> None:
    for source in sorted((ROOT / "source").glob("*.yaml")):
        first = source.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        target = (source.parent / first.split("=", 1)[1]).resolve()
        assert target == SCHEMA_PATH.resolve()
        assert json.loads(target.read_text(encoding="utf-8"))["title"] == "mghandout article source"
