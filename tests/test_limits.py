"""Headings and brand lines at their limits build on Letter and A4, one past is a located error; tables too wide
for the page are refused with how many columns fit, and long content is never refused."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
import yaml

from mghandout.cli import main
from mghandout.errors import Problem, SourceError
from mghandout.handout import render_pdf
from mghandout.limits import ANY, LIMITS, Limit
from mghandout.model import Brand
from mghandout.source import load_article, load_brand

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
ERRORS_DOC = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
BRAND_KEYS = ("clinic", "phone", "website")
ARTICLE_LIMITS = [limit for limit in LIMITS if limit.pattern[0] not in BRAND_KEYS]
BRAND_LIMITS = [limit for limit in LIMITS if limit.pattern[0] in BRAND_KEYS]
WIDE = "WWWWWWW"
"""The widest letter in seven-letter words: text at a limit in these is wider than any real text of that length."""


def wide(length: int) -> str:
    """`length` characters of wide words."""
    return ((WIDE + " ") * (length // 8 + 1))[:length].rstrip().ljust(length, "W")


def _spread(total: int, parts: int) -> list[str]:
    """`parts` wide texts of `total` characters in all."""
    sizes = [total // parts + (1 if index < total % parts else 0) for index in range(parts)]
    return [wide(size) for size in sizes]


def at_limits() -> dict[str, Any]:
    """An article with every heading at its limit at once, in wide letters, beside long content."""
    doc = yaml.safe_load(MINIMAL)
    doc["title"] = wide(200)
    doc["key_points"] = [{"title": wide(150), "text": wide(600)} for _ in range(3)]
    # Its footer form is short: a 1,500-character disclaimer alone would only leave the footer, with a warning.
    doc["disclaimer"] = {"title": wide(150), "text": wide(1500), "short": "Not medical advice."}
    table = {"header": [wide(60)] * 6, "rows": [[wide(200)] * 6 for _ in range(2)]}
    groups = [{"group": wide(60), "items": _spread(250, 12)} for _ in range(5)]
    callout = {"title": wide(150), "text": wide(300), "items": _spread(750, 12)}
    doc["sections"][0]["blocks"] += [{"table": table}, {"foods": {"groups": groups}}, {"callout": callout}]
    doc["sections"][0]["title"] = wide(150)
    doc["conclusion"]["title"] = wide(150)
    return doc


def _write(tmp_path: Path, doc: dict[str, Any]) -> Path:
    path = tmp_path / "topic.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    return path


def _check(path: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main([str(path), "--check"])
    return status, err.getvalue()


def _clean(status: int, err: str) -> bool:
    """`--check` passed it: exit 0 and nothing but warnings (such long parts get the deck's slide advice)."""
    return status == 0 and all(": warning: " in line for line in err.splitlines())


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_every_part_at_its_limit_builds(tmp_path: Path, paper: str) -> None:
    """The article and a brand file with every part at its limit at once: the clinic's lines stand beside the title."""
    path = _write(tmp_path, at_limits())
    brand = tmp_path / "brand.yaml"
    brand.write_text(yaml.safe_dump(brand_at_limits(), sort_keys=False, width=10**6), encoding="utf-8")
    assert _clean(*_check(path))
    assert load_brand(brand) == Brand(**brand_at_limits())
    data, pages = render_pdf(load_article(path), paper=paper, brand=load_brand(brand), when=WHEN)
    assert data.startswith(b"%PDF-") and pages > 1


def brand_at_limits() -> dict[str, str]:
    return {key: wide(limit.most) for limit in BRAND_LIMITS for key in limit.pattern}


@pytest.mark.parametrize("key", BRAND_KEYS)
def test_a_brand_line_past_its_limit_is_a_located_error(tmp_path: Path, key: str) -> None:
    brand = brand_at_limits()
    brand[key] += "W"
    path = tmp_path / "brand.yaml"
    path.write_text(yaml.safe_dump(brand, sort_keys=False, width=10**6), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_brand(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (list(brand).index(key) + 1, len(key) + 3)
    assert "at most" in problem.message
    source = tmp_path / "topic.yaml"
    source.write_text(MINIMAL, encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main([str(source), "--check", "--brand", str(path)]) == 2, "--check agrees with the build"
    assert err.getvalue().startswith(f"{path}:{problem.line}:{problem.column}: error: ")


def test_the_at_limit_source_is_at_every_limit(tmp_path: Path) -> None:
    """The source above really reaches each limit (else the build test proves less than it says)."""
    doc = at_limits()
    for limit in ARTICLE_LIMITS:
        assert _size(_find(doc, limit.pattern), limit) == limit.most, limit


def _locate(value: Any, pattern: tuple[str, ...]) -> tuple[Any, Any] | None:
    """The container and key of the first part of the dict at `pattern` (ANY matches any list position)."""
    head, rest = pattern[0], pattern[1:]
    if head == ANY:
        keys: list[Any] = list(range(len(value))) if isinstance(value, list) else []
    else:
        keys = [head] if isinstance(value, dict) and head in value else []
    for key in keys:
        found = (value, key) if not rest else _locate(value[key], rest)
        if found:
            return found
    return None


def _find(doc: dict[str, Any], pattern: tuple[str, ...]) -> Any:
    container, key = _locate(doc, pattern)  # type: ignore[misc]
    return container[key]


def _size(value: Any, limit: Limit) -> int:
    return len(" ".join(value.split()))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    children = value.values() if isinstance(value, dict) else value
    return [text for child in children for text in _strings(child)]


@pytest.mark.parametrize("limit", ARTICLE_LIMITS, ids=lambda limit: ".".join(limit.pattern[-2:]))
def test_one_past_a_limit_is_a_located_error(tmp_path: Path, limit: Limit) -> None:
    doc = at_limits()
    container, key = _locate(doc, limit.pattern)  # type: ignore[misc]
    container[key] += "W"
    path = _write(tmp_path, doc)
    status, err = _check(path)
    assert status == 2
    lines = [line for line in err.splitlines() if ": error: " in line]
    assert len(lines) == 1, err
    assert f"{limit.what} " in lines[0] and f"at most {limit.most:,}" in lines[0]
    line, column = _node_place(path, limit.pattern)
    assert lines[0].startswith(f"{path}:{line}:{column}: error: ")


def _node_place(path: Path, pattern: tuple[str, ...]) -> tuple[int, int]:
    """Where PyYAML says the first part at `pattern` starts, found independently of mghandout.limits."""

    def search(node: yaml.Node, rest: tuple[str, ...]) -> yaml.Node | None:
        if not rest:
            return node
        if rest[0] == ANY:
            children = node.value if isinstance(node, yaml.SequenceNode) else []
        else:
            children = [v for k, v in node.value if k.value == rest[0]] if isinstance(node, yaml.MappingNode) else []
        return next((found for child in children if (found := search(child, rest[1:])) is not None), None)

    node = search(yaml.compose(path.read_text(encoding="utf-8")), pattern)
    assert node is not None
    return node.start_mark.line + 1, node.start_mark.column + 1


def _one_error(tmp_path: Path, text: str) -> Problem:
    path = tmp_path / "topic.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_article(path)
    [problem] = caught.value.problems
    return problem


def _table(header: list[str], row: list[str]) -> str:
    return f"""      - table:
          header: [{", ".join(header)}]
          rows:
            - [{", ".join(row)}]
            - [{", ".join(row)}]
"""


WIDE_TABLE = _table([f"Column{n}" for n in range(12)], ["Magnesium-rich"] * 12)
NARROW_TABLE = _table([chr(65 + n) for n in range(12)], ["Yes"] * 12)


def test_a_table_too_wide_for_the_page_says_how_many_columns_fit(tmp_path: Path) -> None:
    problem = _one_error(tmp_path, MINIMAL.replace("      - paragraph: One paragraph.\n", WIDE_TABLE))
    assert "a table of 12 columns is too wide to print at 12 pt: the first " in problem.message
    fit = int(problem.message.split("the first ")[1].split()[0])
    assert 4 <= fit < 12
    assert (problem.line, problem.column) == (14, 19)
    assert f"error: {str(problem).split(': error: ', 1)[1]}`" in ERRORS_DOC, str(problem)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_a_table_of_many_narrow_columns_builds(tmp_path: Path, paper: str) -> None:
    """Twelve columns of short words fit across the page: columns are measured, not counted."""
    path = tmp_path / "topic.yaml"
    path.write_text(MINIMAL.replace("      - paragraph: One paragraph.\n", NARROW_TABLE), encoding="utf-8")
    data, _ = render_pdf(load_article(path), paper=paper, when=WHEN)
    assert data.startswith(b"%PDF-")


@pytest.mark.parametrize(
    "part",
    [("key_points", 0, "text", 5000), ("disclaimer", "text", 3000)],
    ids=["key point", "disclaimer"],
)
def test_long_content_is_never_refused(tmp_path: Path, part: tuple[Any, ...]) -> None:
    """What the old box limits refused (a key point over 600 characters, a disclaimer over 1,500) now checks clean."""
    doc = yaml.safe_load(MINIMAL)
    *keys, length = part
    target = doc
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = ("Take it as your doctor says. " * length)[:length].strip()
    assert _clean(*_check(_write(tmp_path, doc)))  # warnings only: the footer's, the deck's slide advice


def test_a_heading_past_its_limit_message_is_documented(tmp_path: Path) -> None:
    problem = _one_error(tmp_path, MINIMAL.replace("title: Point", "title: " + "x" * 151))
    assert f"error: {str(problem).split(': error: ', 1)[1]}`" in ERRORS_DOC, str(problem)


def test_the_bundled_and_fixture_sources_are_within_the_limits() -> None:
    fixtures = sorted((ROOT / "tests" / "fixtures").glob("*.yaml"))
    for path in [ROOT / "source" / "magnesium-muscle-contractions.yaml", *fixtures]:
        if path.name != "brand.yaml":
            load_article(path)
