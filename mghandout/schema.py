"""The JSON Schema of a source file, generated from the model so the two never disagree.

Editors with a YAML language server read it (the source's first line names it) to
complete keys and flag mistakes as the editor types. Run `python -m mghandout.schema`
to write it again after the model changes; a test fails while the shipped copy is stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mghandout.model import Article

SCHEMA_PATH = Path(__file__).parent / "schema" / "article.schema.json"


def article_schema() -> dict[str, Any]:
    """The schema of an article source, as JSON-ready data."""
    schema = Article.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "mghandout article source"
    return schema


def schema_text() -> str:
    """The schema as the text shipped in the package."""
    return json.dumps(article_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(SCHEMA_PATH)
