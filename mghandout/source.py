"""Reading a YAML source into the model, with every problem located in the file.

YAML is forgiving in ways that lose content: a duplicated key silently keeps the last
value, `yes` becomes a boolean, an alias can expand a few lines into gigabytes. So the
file is composed into nodes (which keep their line and column and never expand
aliases), checked, turned into plain data whose scalars stay the text the editor typed,
and validated once by the model. Every problem found is reported together.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec
import yaml

from mghandout.checks import source_problems
from mghandout.errors import Problem, SourceError
from mghandout.invisibles import Invisibles
from mghandout.labels import BUILT_IN, missing_for, unsupported_script
from mghandout.model import BLOCK_KINDS, Article, Brand, validate

if TYPE_CHECKING:
    from mghandout.model import _Part as Part
    from mghandout.validation import Issue

MAX_BYTES = 1_000_000
"""A patient handout is a few kilobytes; refusing larger files bounds memory and time."""

MAX_VALUES = 100_000
"""Bounds the work a file can cause, whatever its shape (the magnesium article has about 300)."""
MAX_DEPTH = 24
"""The deepest nesting of lists and mappings refused past: an article nests about 7 deep (article, sections, a
section, its blocks, a block, its groups, a group); a deeper file is a mistake, and reading it would recurse."""
MAX_ALIAS_LINES = 10
"""Lines with aliases reported one by one; past them, a count (an alias bomb is one mistake)."""

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULLS = {"", "~", "null", "Null", "NULL"}
M = TypeVar("M", bound="Part")
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
    """Load and validate a clinic's brand file; raise SourceError with every problem."""
    return read_brand(path)[0]


def read_brand(path: Path) -> tuple[Brand, list[Problem]]:
    """Load and validate a clinic's brand file, with the warnings its editor should see."""
    return load(path, Brand)


def load(path: Path, model: type[M], starts: TextStarts | None = None) -> tuple[M, list[Problem]]:
    """Read, parse and validate `path` as `model`; the model and its warnings, or SourceError with every error.

    `starts`, when given, is filled with where each text starts in the file.
    """
    name = str(path)
    text = _read_text(path, name)
    root = _compose(text, name)
    data, problems = _Plain(name, starts, text).convert(root)
    problems += source_problems(name, text, root)
    try:
        result = validate(data, model)
    except msgspec.ValidationError as error:
        problems += _not_at(_problems(name, root, data, model, error), problems)
        raise SourceError(_in_order([p for p in problems if p.severity == "error"])) from None
    if isinstance(result, Article):
        problems += _language_problems(name, root, result)
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        raise SourceError(_in_order(errors))
    return result, _in_order(problems)


def _not_at(found: list[Problem], reported: list[Problem]) -> list[Problem]:
    """The model's problems, less those where the loader already said what went wrong (one mistake, one message)."""
    places = {(problem.line, problem.column) for problem in reported if problem.severity == "error"}
    return [problem for problem in found if (problem.line, problem.column) not in places]


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


def _read_text(path: Path, name: str) -> str:
    size = _regular_file(path, name).st_size
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
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError([Problem(name, f"the file cannot be read: {error.strerror}",
                                   "check its permissions, or name another file")]) from None
    if _utf16(raw):
        raise SourceError([Problem(name, "the file is UTF-16 text, not UTF-8",
                                   "save it again as UTF-8 (most editors offer it under 'Save with encoding')", 1, 1)])
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
        at = text.index("\x00")
        line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
        raise SourceError(
            [
                Problem(
                    name,
                    "the file holds a NUL character, so it is not a text file",
                    "open the right file, or save it again as plain UTF-8 text",
                    line,
                    column,
                )
            ]
        )
    return text


def _utf16(raw: bytes) -> bool:
    """Whether the file is UTF-16 (as Windows Notepad saves "Unicode"): a byte-order mark, or a start of plain
    letters, each with a zero byte beside it."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = raw[:400] if len(raw) % 2 == 0 else b""
    return len(head) >= 8 and any(not any(zeros) and all(others) for zeros, others in
                                  ((head[1::2], head[0::2]), (head[0::2], head[1::2])))


def _regular_file(path: Path, name: str) -> os.stat_result:
    """The source's status, when it is a file to read; else an error saying what it is instead."""
    hint = "check the path, or run from the folder that holds source/"
    try:
        status = path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise SourceError([Problem(name, "a symbolic link that leads back to itself (a loop)",
                                       "point the link at the source file")]) from None
        missing = "a symbolic link to a file that does not exist" if path.is_symlink() else "no such file"
        if error.errno not in (errno.ENOENT, errno.ENOTDIR):
            missing = f"the file cannot be read: {error.strerror}"
        raise SourceError([Problem(name, missing, hint)]) from None
    if stat.S_ISDIR(status.st_mode):
        raise SourceError([Problem(name, "this is a folder, not a source file", "name a .yaml file inside it")])
    if not stat.S_ISREG(status.st_mode):
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(status.st_mode) else "a socket" if stat.S_ISSOCK(status.st_mode)
                else "a device")
        raise SourceError([Problem(name, f"this is {kind}, not a source file", "name a .yaml file")])
    return status


def _compose(text: str, name: str) -> yaml.Node:
    tabs = _tab_indents(text, name)
    if tabs:
        raise SourceError(tabs)
    try:
        _scan_events(text, name)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise SourceError([_syntax_problem(name, error, text.splitlines())]) from None
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
    """Refuse aliases at their place, and files with too many values or nested too deep, before building anything."""
    aliases = []
    depth = 0
    for count, event in enumerate(yaml.parse(text, Loader=_Loader)):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise SourceError([Problem(name, f"lists and mappings nest more than {MAX_DEPTH} deep here",
                                           "an article nests about 7 deep; check the brackets and the indentation",
                                           *_mark(event.start_mark))])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
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


def _syntax_problem(name: str, error: yaml.MarkedYAMLError, lines: list[str]) -> Problem:
    """YAML's own words, unless the mistake is one editors make often: then say what it is, where it is."""
    mark = error.problem_mark or error.context_mark
    message = " ".join(part for part in (error.context, error.problem) if part)
    hint = "check the indentation, and put text that holds ': ' or starts with a quote, '-', '*', '&' or '{' in quotes"
    if mark is None:
        return Problem(name, f"not valid YAML: {message}", hint)
    line = lines[mark.line] if mark.line < len(lines) else ""
    curly = _curly_quote_in(line)
    if curly is not None:
        return _curly_problem(name, line[curly], mark.line + 1, curly + 1)
    if error.context == "while scanning a simple key" and error.context_mark is not None:
        # YAML notices only on the next line; the mistake is the line that starts the would-be key.
        return Problem(name, "this line has no 'key:' and is not indented under the line above",
                       "if it continues the text above, indent it like that text (or join the two lines); "
                       "if it starts a key, write `key: value`", *_mark(error.context_mark))
    if "expected node content" in message and line[mark.column : mark.column + 1] == "-":
        return Problem(name, "a '- ' inside [...] does not start an entry", "separate the entries with commas, "
                       "[a, b], or write each entry on its own line starting with '- '", *_mark(mark))
    return Problem(name, f"not valid YAML: {message}", hint, *_mark(mark))


CURLY_QUOTES = "“”‘’"
"""A word processor's quotes, which YAML reads as text, never as quotes."""
_CURLY_AT_START = re.compile(f"(?:^ *|: +|- +|[\\[{{,] *)([{CURLY_QUOTES}])")


def _curly_quote_in(line: str) -> int | None:
    """The column (0-based) of a curly quote where YAML would expect an opening quote: a key's or a value's start."""
    found = _CURLY_AT_START.search(line)
    return found.start(1) if found else None


def _curly_problem(name: str, quote: str, line: int, column: int) -> Problem:
    return Problem(name, f"curly quote {quote} where YAML expects a straight quote",
                   'write "..." with straight quotes (curly quotes inside the text are fine)', line, column)


def _at(node: yaml.Node) -> tuple[int, int]:
    return _mark(node.start_mark)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
"""Characters a PDF cannot print and PowerPoint's XML cannot hold (tab, line feed and carriage return are spaces)."""


_YAML_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset({"!", *(_YAML_TAG + kind for kind in ("str", "int", "float", "bool", "null", "timestamp",
                                                               "seq", "map"))})
"""The tags YAML gives text, lists and mappings (and `!`, `!!str` written to keep a value text): any other, such as
`!custom` or `!!python/object`, is a mistake or an attack, and is refused where it is written."""


class _Plain:
    """Turns nodes into dicts, lists and strings, refusing what YAML would do silently."""

    def __init__(self, name: str, starts: TextStarts | None = None, text: str = "") -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.starts = {} if starts is None else starts
        self.invisibles = Invisibles(name, text)

    def convert(self, root: yaml.Node) -> tuple[Any, list[Problem]]:
        """Return the plain data and the problems found on the way."""
        data = self._node(root)
        return data, self.problems + self.invisibles.problems()

    def _problem(self, node: yaml.Node, message: str, hint: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.name, message, hint, *_at(node), severity=severity))

    def _node(self, node: yaml.Node) -> Any:
        if node.tag not in _PLAIN_TAGS:
            shown = node.tag.replace(_YAML_TAG, "!!", 1)
            self._problem(node, f"the tag '{shown}' has no meaning in a source",
                          f"remove '{shown}': a source holds only text, lists and mappings")
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
        if not node.style and len(node.value) > 1 and {node.value[0], node.value[-1]} <= set(CURLY_QUOTES):
            self._problem(node, f"the text is wrapped in curly quotes {node.value[0]} {node.value[-1]}, which YAML "
                          "keeps as part of the text", 'to quote it, use straight quotes "..."; to print the curly '
                          "quotes, wrap the whole text in straight quotes", severity="warning")
        # the model's Text: what prints is the text without its surrounding blanks and invisible characters
        return self.invisibles.visible(node).strip()

    def _mapping(self, node: yaml.MappingNode) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, "a key must be a plain word", "write keys as `name: value`")
                continue
            key = key_node.value
            if not key_node.style and key[:1] in CURLY_QUOTES:
                self.problems.append(_curly_problem(self.name, key[0], *_at(key_node)))
                key = key.strip(CURLY_QUOTES)  # read on as the key it was meant to be, so nothing else is reported
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


def _problems(
    name: str, root: yaml.Node, data: Any, model: type[Part], error: msgspec.ValidationError
) -> list[Problem]:
    """Every problem in `data`, located and explained; msgspec's first one if the walker finds none (never silent)."""
    from mghandout.validation import issues

    found = [_problem(name, root, issue) for issue in _relevant(issues(data, model))]
    return found or [Problem(name, f"not a valid {model.__name__.lower()}: {error}", "see docs/source-format.md")]


def _relevant(found: list[Issue]) -> list[Issue]:
    """Drop 'missing key' where a misspelling of that key is already reported with a did-you-mean."""
    misspelt = {
        (issue.loc[:-1], guess)
        for issue in found
        if issue.kind == "unknown_key" and issue.owner
        for guess in _guesses(str(issue.loc[-1]), _keys(issue.owner))
    }
    return [issue for issue in found if not (issue.kind == "missing" and (issue.loc[:-1], issue.loc[-1]) in misspelt)]


def _problem(name: str, root: yaml.Node, issue: Issue) -> Problem:
    """Translate one issue into words an editor can act on, at its place in the file."""
    node, key_node = _locate(root, issue.loc)
    at = key_node if issue.kind == "unknown_key" and key_node is not None else node
    message, hint = _colon_in_item(node) if issue.kind == "not_text" else (None, None)
    if message is None or hint is None:
        message, hint = _explain(issue)
    return Problem(name, message, hint, *_at(at))


def _colon_in_item(node: yaml.Node) -> tuple[str, str] | tuple[None, None]:
    """An entry of a `[...]` list that holds ': ' is read as a key and a value: say so, and how to quote it."""
    if not (isinstance(node, yaml.MappingNode) and node.flow_style and len(node.value) == 1):
        return None, None
    key, value = node.value[0]
    if key.start_mark.index != node.start_mark.index or not isinstance(value, yaml.ScalarNode):
        return None, None  # written with braces: a mapping on purpose
    text = f"{key.value}: {value.value}" if value.value else f"{key.value}:"
    quoted = f'"{text}"' if '"' not in text else "'" + text.replace("'", "''") + "'"
    return "this entry holds ': ', so YAML read it as a key and a value", f"put the entry in quotes: {quoted}"


def _locate(root: yaml.Node, loc: tuple[int | str, ...]) -> tuple[yaml.Node, yaml.Node | None]:
    """Follow an issue's path through the nodes, as far as the file has them (a missing key stops at its mapping)."""
    node, key_node = root, None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == part), None)
            if found is None:
                break
            key_node, node = found
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node, key_node = node.value[part], None
    return node, key_node


def _where(loc: tuple[int | str, ...]) -> str:
    named = [str(part) for part in loc if isinstance(part, str)]
    return f"'{named[-1]}'" if named else "this value"


def _explain(issue: Issue) -> tuple[str, str]:
    kind, loc, value, owner, context = issue.kind, issue.loc, issue.value, issue.owner, issue.context
    field = _where(loc)
    if kind == "unknown_key" and owner in BLOCK_KINDS.values():
        return f"unknown key '{loc[-1]}'", f"a block holds only its kind, `{owner.__struct_fields__[0]}:`; " \
            "start another block with '- '"
    if kind == "unknown_key" and owner:
        return _unknown_key(str(loc[-1]), _keys(owner))
    if kind == "missing" and owner:
        return f"missing key {field}", f"add `{loc[-1]}:` here ({_field_help(owner, str(loc[-1]))})"
    if kind == "block_kind":
        keys = list(value) if isinstance(value, dict) else []
        guess = _guesses(str(keys[0]), list(BLOCK_KINDS), cutoff=0.6) if keys else []
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        return "not a known kind of block", hint + "start each block with one of: " + ", ".join(BLOCK_KINDS)
    if kind == "row_cells":
        cells = f"{context['cells']} cell" + ("" if context["cells"] == 1 else "s")
        return (
            f"this row has {cells} but the header has {context['columns']}",
            'give every row one cell per column (write an empty cell as "-" if there is nothing to say)',
        )
    if kind == "callout_empty":
        return "a callout needs text, items or both", "add `text:` (a paragraph) or `items:` (a list) under `callout:`"
    if kind == "list_length":
        return _list_length(field, value, context)
    if kind == "empty":
        return f"{field} is empty", "write the text, or remove the key if it is optional"
    if kind == "not_text":
        return (
            f"{field} should be text, not {_shape(value)}",
            "write it on one line after the colon, or as a block with `>-`",
        )
    if kind == "not_list":
        return f"{field} should be a list, not {_shape(value)}", "write each entry on its own line starting with '- '"
    if kind == "not_mapping":
        return _not_mapping(field, value, loc, owner)
    if kind == "too_long":
        return f"{field} is too long", f"it should have at most {context['max_length']} characters"
    if kind == "pattern":
        return f"'{value}' is not a language tag", "use a BCP 47 tag such as en, en-GB, es or vi"
    if kind == "not_date":
        return f"'{value}' is not a date", "write it as YYYY-MM-DD, e.g. 2026-11-25"
    if kind in ("not_whole", "out_of_range"):
        return f"{field} should be a whole number from {context['ge']} to {context['le']}, not {_shape(value)}", \
            "write the number alone, e.g. 8"
    if kind == "not_choice":
        return f"{field} should be one of {', '.join(context['choices'])}, not {_shape(value)}", \
            "write one of them, in small letters"
    return f"{field}: {context.get('message', kind)}", "see docs/source-format.md"


def _list_length(field: str, value: list[Any], context: dict[str, Any]) -> tuple[str, str]:
    least, most = context["least"], context["most"]
    if not value:
        return f"{field} is empty", "give at least one entry, each on its own line starting with '- '"
    entries = f"{len(value)} entr" + ("y" if len(value) == 1 else "ies")
    wanted = f"exactly {least}" if least == most else f"at least {least}" if len(value) < least else f"at most {most}"
    return f"{field} has {entries}", f"give {wanted}, each on its own line starting with '- '"


def _not_mapping(field: str, value: object, loc: tuple[int | str, ...], owner: type[Part] | None) -> tuple[str, str]:
    """A mapping was expected: show the part's shape, its required keys, so the editor sees what to write."""
    required = [info.name for info in msgspec.structs.fields(owner) if info.required] if owner and loc else []
    if not required:
        return f"{field} should be a mapping, not {_shape(value)}", "write `key: value` lines indented under it"
    if isinstance(loc[-1], int):
        rest = ", ".join(f"`  {key}: ...`" for key in required[1:])
        after = f" followed by {rest} on the next line{'s' if len(required) > 2 else ''}" if rest else ""
        return f"each entry of {field} should be a mapping, not {_shape(value)}", (
            f"write each entry as `- {required[0]}: ...`{after}")
    return f"{field} should be a mapping, not {_shape(value)}", "write " + ", ".join(
        f"`{key}: ...`" for key in required) + " on lines indented under it"


def _shape(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = " ".join(str(value).split())
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def _guesses(key: str, allowed: list[str], cutoff: float = 0.7) -> list[str]:
    """The allowed key `key` most likely meant; case is ignored, so `FAQ` finds `faq`."""
    import difflib  # only a source with a mistake needs it

    lowered = {name.lower(): name for name in allowed}
    return [lowered[guess] for guess in difflib.get_close_matches(key.lower(), lowered, n=1, cutoff=cutoff)]


def _unknown_key(key: str, allowed: list[str]) -> tuple[str, str]:
    guess = _guesses(key, allowed)
    choices = "allowed here: " + ", ".join(allowed)
    if guess:
        return f"unknown key '{key}'", f"did you mean '{guess[0]}'? ({choices})"
    return f"unknown key '{key}'", choices


def _keys(owner: type[Part]) -> list[str]:
    return list(owner.__struct_fields__)


def _field_help(owner: type[Part], key: str) -> str:
    """The field's description in the model (the schema shows editors the same words)."""
    info = next(info for info in msgspec.structs.fields(owner) if info.name == key)
    metas = getattr(info.type, "__metadata__", ())
    return next((meta.description for meta in metas if getattr(meta, "description", None)), "required")
