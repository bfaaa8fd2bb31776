"""Reading a YAML source into the model, with every problem located in the file.

YAML is forgiving in ways that lose content: a duplicated key silently keeps the last
value, `yes` becomes a boolean, an alias can expand a few lines into gigabytes. So the
file is composed into nodes (which keep their line and column and never expand
aliases), checked, turned into plain data whose scalars stay the text the editor typed,
and validated once by the model. Every problem found is reported together.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from mghandout.checks import source_problems
from mghandout.errors import Problem, SourceError
from mghandout.labels import BUILT_IN, missing_for, unsupported_script
from mghandout.model import BLOCK_KINDS, Article, Brand

MAX_BYTES = 1_000_000
"""A patient handout is a few kilobytes; refusing larger files bounds memory and time."""

MAX_VALUES = 100_000
"""Bounds the work a file can cause, whatever its shape (the magnesium article has about 300)."""
MAX_ALIAS_LINES = 10
"""Lines with aliases reported one by one; past them, a count (an alias bomb is one mistake)."""

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULLS = {"", "~", "null", "Null", "NULL"}
M = TypeVar("M", bound=BaseModel)
TextStarts = dict[str, tuple[int, int]]
"""Where each text of a source starts (line, column), by its text: for reports that point into the file."""


def load_article(path: Path) -> Article:
    """Load and validate one article source; raise SourceError with every problem."""
    return read_article(path)[0]


def read_article(path: Path) -> tuple[Article, list[Problem]]:
    """Load and validate one article source, with the warnings an editor should see (they never stop a build)."""
    return load(path, Article)


def read_article_located(path: Path) -> tuple[Article, list[Problem], TextStarts]:
    """`read_article`, with where each text starts, noted while composing (the reading report points at sentences)."""
    starts: TextStarts = {}
    article, warnings = load(path, Article, starts)
    return article, warnings, starts


def load_brand(path: Path) -> Brand:
    """Load and validate a clinic's brand file."""
    return load(path, Brand)[0]


def load(path: Path, model: type[M], starts: TextStarts | None = None) -> tuple[M, list[Problem]]:
    """Read, parse and validate `path` as `model`; the model and its warnings, or SourceError with every error.

    `starts`, when given, is filled with where each text starts in the file.
    """
    name = str(path)
    text = _read_text(path, name)
    root = _compose(text, name)
    data, problems = _Plain(name, starts).convert(root)
    problems += source_problems(name, text, root)
    try:
        result = model.model_validate(data)
    except ValidationError as error:
        problems += [_problem(name, root, detail, model) for detail in _relevant(error.errors(), model)]
        raise SourceError(_in_order([p for p in problems if p.severity == "error"])) from None
    if isinstance(result, Article):
        problems += _language_problems(name, root, result)
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        raise SourceError(_in_order(errors))
    return result, _in_order(problems)


def _in_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def _language_problems(name: str, root: yaml.Node, article: Article) -> list[Problem]:
    """A language our fonts cannot draw is an error; one with no built-in labels prints English, so say which."""
    node, _ = _locate(root, ("language",))
    at = _at(node) if node is not root else (None, None)
    script = unsupported_script(article.language)
    if script:
        return [Problem(name, f"language '{article.language}' is written in {script} script, which the bundled fonts "
                        "cannot draw", "write the article in a language with Latin, Greek or Cyrillic script; "
                        "built-in labels: " + ", ".join(BUILT_IN), *at)]
    overrides = article.labels.model_dump(exclude_none=True) if article.labels else None
    missing = missing_for(article.language, overrides)
    if not missing:
        return []
    return [Problem(name, f"no built-in labels for language '{article.language}', so the fixed words print in "
                    "English", "give them under `labels:` (" + ", ".join(missing) + "), or use one of: "
                    + ", ".join(BUILT_IN), *at, severity="warning")]


def _relevant(details: list[ErrorDetails], model: type[BaseModel]) -> list[ErrorDetails]:
    """Drop 'missing key' where a misspelling of that key is already reported with a did-you-mean."""
    misspelt = set()
    for detail in details:
        if detail["type"] == "extra_forbidden":
            parent = tuple(detail["loc"][:-1])
            misspelt |= {(parent, guess) for guess in _guesses(str(detail["loc"][-1]), _allowed_keys(model, parent))}
    return [d for d in details if not (d["type"] == "missing" and (tuple(d["loc"][:-1]), d["loc"][-1]) in misspelt)]


def _read_text(path: Path, name: str) -> str:
    if not path.exists():
        raise SourceError([Problem(name, "no such file", "check the path, or run from the folder that holds source/")])
    if not path.is_file():
        raise SourceError([Problem(name, "this is a folder, not a source file", "name a .yaml file inside it")])
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(
            [
                Problem(
                    name,
                    f"the file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit for a source",
                    "a handout's source is a few kilobytes: check that this is the right file",
                )
            ]
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise SourceError(
            [
                Problem(
                    name,
                    f"byte 0x{raw[error.start]:02x} is not UTF-8 text",
                    "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
                    line,
                    column,
                )
            ]
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise SourceError(
            [
                Problem(
                    name,
                    "the file holds a NUL character, so it is not a text file",
                    "open the right file, or save it again as plain UTF-8 text",
                    line,
                    1,
                )
            ]
        )
    return text


def _compose(text: str, name: str) -> yaml.Node:
    tabs = _tab_indents(text, name)
    if tabs:
        raise SourceError(tabs)
    try:
        _scan_events(text, name)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise SourceError([_syntax_problem(name, error)]) from None
    except yaml.YAMLError as error:
        raise SourceError(
            [Problem(name, f"not valid YAML: {error}", "check the file's indentation and quoting")]
        ) from None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null") and not root.value):
        raise SourceError(
            [Problem(name, "the file is empty", "copy source/magnesium-muscle-contractions.yaml as a start", 1, 1)]
        )
    return root


def _scan_events(text: str, name: str) -> None:
    """Refuse aliases at their place, and files with too many values, before building anything."""
    aliases = []
    for count, event in enumerate(yaml.parse(text, Loader=_Loader)):
        if count > MAX_VALUES:
            raise SourceError(
                [
                    Problem(
                        name,
                        f"the file has over {MAX_VALUES:,} values",
                        "a handout's source is far smaller; check that this is the right file",
                        *_mark(event.start_mark),
                    )
                ]
            )
        if isinstance(event, yaml.AliasEvent):
            aliases.append(_mark(event.start_mark))
    if aliases:
        raise SourceError(_alias_problems(name, aliases))


def _alias_problems(name: str, aliases: list[tuple[int, int]]) -> list[Problem]:
    """One problem per line that uses aliases, the first ten lines only: an alias bomb is one mistake, not 70."""
    lines: dict[int, list[int]] = {}
    for line, column in aliases:
        lines.setdefault(line, []).append(column)
    problems = []
    for line, columns in list(lines.items())[:MAX_ALIAS_LINES]:
        more = f" ({len(columns)} on this line)" if len(columns) > 1 else ""
        problems.append(Problem(name, f"an alias (*name) repeats other content{more}",
                                "write the text out in full; aliases are not allowed", line, columns[0]))
    if len(lines) > MAX_ALIAS_LINES:
        last = problems[-1]
        hint = f"{last.hint} ({len(aliases):,} aliases on {len(lines):,} lines in all)"
        problems[-1] = Problem(name, last.message, hint, last.line, last.column)
    return problems


def _mark(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _tab_indents(text: str, name: str) -> list[Problem]:
    """YAML forbids tabs in indentation; say so plainly instead of YAML's token error."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                Problem(
                    name,
                    "a tab in the indentation",
                    "indent with spaces only (YAML does not allow tabs)",
                    number,
                    indent.index("\t") + 1,
                )
            )
    return problems


def _syntax_problem(name: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    message = " ".join(part for part in (error.context, error.problem) if part)
    hint = "check the indentation, and put text that holds ': ' or starts with a quote, '-', '*', '&' or '{' in quotes"
    if mark is None:
        return Problem(name, f"not valid YAML: {message}", hint)
    return Problem(name, f"not valid YAML: {message}", hint, *_mark(mark))


def _at(node: yaml.Node) -> tuple[int, int]:
    return _mark(node.start_mark)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
"""Characters a PDF cannot print and PowerPoint's XML cannot hold (tab, line feed and carriage return are spaces)."""


class _Plain:
    """Turns nodes into dicts, lists and strings, refusing what YAML would do silently."""

    def __init__(self, name: str, starts: TextStarts | None = None) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.starts = {} if starts is None else starts

    def convert(self, root: yaml.Node) -> tuple[Any, list[Problem]]:
        """Return the plain data and the problems found on the way."""
        data = self._node(root)
        return data, self.problems

    def _problem(self, node: yaml.Node, message: str, hint: str) -> None:
        self.problems.append(Problem(self.name, message, hint, *_at(node)))

    def _node(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            return [self._node(item) for item in node.value]
        if node.style is None and node.value in _NULLS:
            return None
        control = _CONTROL.search(node.value)
        if control:
            self._problem(
                node,
                f"a control character (U+{ord(control.group()):04X}) in the text",
                "remove it: it cannot be printed",
            )
        self.starts.setdefault(node.value.strip(), _text_start(node))
        return node.value

    def _mapping(self, node: yaml.MappingNode) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, "a key must be a plain word", "write keys as `name: value`")
                continue
            key = key_node.value
            if key in first:
                line, _ = _at(first[key])
                self._problem(
                    key_node,
                    f"duplicate key '{key}' (first at line {line})",
                    "remove one of them: YAML would silently keep only the last",
                )
                continue
            first[key] = key_node
            result[key] = self._node(value_node)
        return result


def _text_start(node: yaml.ScalarNode) -> tuple[int, int]:
    """A block scalar's text starts on the line after its `>-` or `|` indicator."""
    return (node.start_mark.line + 2, 1) if node.style in ("|", ">") else _at(node)


def _problem(name: str, root: yaml.Node, detail: ErrorDetails, model: type[BaseModel]) -> Problem:
    """Translate one pydantic error into words an editor can act on, at its place in the file."""
    kind = detail["type"]
    loc = tuple(detail["loc"])
    if kind == "row_cells":
        loc += ("rows", detail["ctx"]["row"])
    node, key_node = _locate(root, loc)
    at = key_node if kind == "extra_forbidden" and key_node is not None else node
    message, hint = _explain(detail, loc, model)
    return Problem(name, message, hint, *_at(at))


def _locate(root: yaml.Node, loc: tuple[int | str, ...]) -> tuple[yaml.Node, yaml.Node | None]:
    """Follow a validation error's path through the nodes; parts that are not in the file (union tags) are skipped.

    A block's tag is also its kind key (`paragraph:`), so a path part is not followed
    when the part after it is a key of the same mapping: `colour:` beside `paragraph:`
    is reported where it is written, not at `paragraph:`.
    """
    node, key_node = root, None
    for index, part in enumerate(loc):
        if isinstance(node, yaml.MappingNode):
            keys = {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
            following = loc[index + 1] if index + 1 < len(loc) else None
            if part in keys and following not in keys:
                key_node, node = keys[part]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node, key_node = node.value[part], None
    return node, key_node


def _where(loc: tuple[int | str, ...]) -> str:
    named = [str(part) for part in loc if isinstance(part, str)]
    return f"'{named[-1]}'" if named else "this value"


def _explain(detail: ErrorDetails, loc: tuple[int | str, ...], model: type[BaseModel]) -> tuple[str, str]:
    kind, value = detail["type"], detail.get("input")
    field = _where(loc)
    if kind == "extra_forbidden" and len(loc) > 2 and loc[-2] in BLOCK_KINDS and isinstance(loc[-3], int):
        return f"unknown key '{loc[-1]}'", f"a block holds only its kind, `{loc[-2]}:`; start another block with '- '"
    if kind == "extra_forbidden":
        return _unknown_key(str(loc[-1]), _allowed_keys(model, loc[:-1]))
    if kind == "missing":
        return f"missing key {field}", f"add `{loc[-1]}:` here ({_field_help(model, loc)})"
    if kind == "block_kind":
        keys = list(value) if isinstance(value, dict) else []
        guess = difflib.get_close_matches(str(keys[0]), BLOCK_KINDS, n=1) if keys else []
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        return "not a known kind of block", hint + "start each block with one of: " + ", ".join(BLOCK_KINDS)
    if kind == "row_cells":
        ctx = detail["ctx"]
        cells = f"{ctx['cells']} cell" + ("" if ctx["cells"] == 1 else "s")
        return (
            f"this row has {cells} but the header has {ctx['columns']}",
            'give every row one cell per column (write an empty cell as "-" if there is nothing to say)',
        )
    if kind == "too_short" and isinstance(value, list):
        return f"{field} is empty", "give at least one entry, each on its own line starting with '- '"
    if kind == "string_too_short" or (kind == "string_type" and value is None):
        return f"{field} is empty", "write the text, or remove the key if it is optional"
    if kind == "string_type":
        return (
            f"{field} should be text, not {_shape(value)}",
            "write it on one line after the colon, or as a block with `>-`",
        )
    if kind == "list_type":
        return f"{field} should be a list, not {_shape(value)}", "write each entry on its own line starting with '- '"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"{field} should be a mapping, not {_shape(value)}", "write `key: value` lines indented under it"
    if kind == "string_too_long":
        return f"{field} is too long", detail["msg"].replace("String should", "it should")
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not a language tag", "use a BCP 47 tag such as en, en-GB, es or vi"
    if kind.startswith("date"):
        return f"'{value}' is not a date", "write it as YYYY-MM-DD, e.g. 2026-11-25"
    return f"{field}: {detail['msg']}", detail.get("ctx", {}).get("hint", "see docs/source-format.md")


def _shape(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = " ".join(str(value).split())
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def _guesses(key: str, allowed: list[str]) -> list[str]:
    return difflib.get_close_matches(key, allowed, n=1, cutoff=0.7)


def _unknown_key(key: str, allowed: list[str]) -> tuple[str, str]:
    guess = _guesses(key, allowed)
    choices = "allowed here: " + ", ".join(allowed)
    if guess:
        return f"unknown key '{key}'", f"did you mean '{guess[0]}'? ({choices})"
    return f"unknown key '{key}'", choices


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc`, found by walking field annotations."""
    candidates: list[type[BaseModel]] = [model]
    for part in loc:
        if isinstance(part, int):
            continue
        if len(candidates) > 1:
            # A block union: pydantic puts the chosen kind's tag in the path.
            candidates = [BLOCK_KINDS[part]] if part in BLOCK_KINDS else []
            continue
        fields = candidates[0].model_fields if candidates else {}
        if part not in fields:
            return None
        candidates = _models_in(fields[part].annotation)
    return candidates[0] if len(candidates) == 1 else None


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models inside `list[X]`, `X | None`, a union of blocks, or `X` itself."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [found for arg in getattr(annotation, "__args__", ()) for found in _models_in(arg)]


def _allowed_keys(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    owner = _model_at(model, loc)
    return list(owner.model_fields) if owner else []


def _field_help(model: type[BaseModel], loc: tuple[int | str, ...]) -> str:
    owner = _model_at(model, loc[:-1])
    field = owner.model_fields.get(str(loc[-1])) if owner else None
    return (field.description or "required") if field else "required"
