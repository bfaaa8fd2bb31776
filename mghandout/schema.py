"""The JSON Schema of a source file, generated from the model so the two never disagree.

Editors with a YAML language server read it (the source's first line names it) to
complete keys and flag mistakes as the editor types. Run `python -m mghandout.schema`
to write it again after the model changes; a test fails while the shipped copy is stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec

from mghandout.model import BLOCK_KINDS, Article, Block

SCHEMA_PATH = Path(__file__).parent / "schema" / "article.schema.json"
REF = "#/$defs/{name}"


def article_schema() -> dict[str, Any]:
    """The schema of an article source, as JSON-ready data: the article's object, its parts under `$defs`."""
    (article, *_), defs = msgspec.json.schema_components(
        [Article, *BLOCK_KINDS.values()], schema_hook=_block_schema, ref_template=REF
    )
    name = article["$ref"].rsplit("/", 1)[1]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "mghandout article source",
        **{key: value for key, value in defs.pop(name).items() if key != "title"},
        "$defs": defs,
    }


def _block_schema(kind: type) -> dict[str, Any]:
    """A block is one of BLOCK_KINDS, each told apart by its one required key."""
    if kind is Block:
        return {"oneOf": [{"$ref": REF.format(name=part.__name__)} for part in BLOCK_KINDS.values()]}
    raise NotImplementedError(kind)


def schema_text() -> str:
    """The schema as the text shipped in the package."""
    return json.dumps(article_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(SCHEMA_PATH)
