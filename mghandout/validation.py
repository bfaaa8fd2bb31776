"""Every problem in a source's data, found part by part against the model's own types.

msgspec (`mghandout.model.validate`) checks a valid source in microseconds but stops at
the first problem. An editor should see every problem at once, so when it fails this
walker goes through the data with the same annotations and `Meta` constraints the model
declares, and lets msgspec judge each leaf and each part's own rules. It holds no rule
of its own about the article: a field added to the model is checked here unchanged.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import msgspec

from mghandout.model import BLOCK_KINDS, Block, PartError, decode_hook

Loc = tuple[int | str, ...]
BOOLEANS = ("true", "false")
"""How a source writes yes and no (YAML's `yes`, `on` are not read as such: the loader keeps text as typed)."""


class Issue(msgspec.Struct, frozen=True):
    """One way the data does not fit the model, at a path of keys and list indexes."""

    kind: str
    """missing, unknown_key, not_mapping, not_list, not_text, empty, too_long, pattern, not_date, not_whole,
    out_of_range, not_choice, list_length, block_kind, or the kind of a part's own rule (PartError)."""
    loc: Loc
    value: Any = None
    owner: type[msgspec.Struct] | None = None
    """The part whose mapping holds loc[-1] (unknown_key, missing) or that the value should be (not_mapping)."""
    context: dict[str, Any] = msgspec.field(default_factory=dict)


def issues(data: Any, model: type[msgspec.Struct]) -> list[Issue]:
    """Every issue in `data` as `model`, in the order of the data."""
    return _value(data, model, ())


def _value(value: Any, annotation: Any, loc: Loc) -> list[Issue]:
    base, metas = _unwrap(annotation)
    if get_origin(base) in (Union, types.UnionType):
        if value is None:
            return []
        base = next(arg for arg in get_args(base) if arg is not type(None))
        return _value(value, Annotated[(base, *metas)] if metas else base, loc)
    if base is Block:
        kind = Block.kind_of(value)
        return _part(value, BLOCK_KINDS[kind], loc) if kind else [Issue("block_kind", loc, value)]
    if isinstance(base, type) and issubclass(base, msgspec.Struct):
        return _part(value, base, loc)
    if get_origin(base) is list:
        return _list(value, get_args(base)[0], metas, loc)
    if get_origin(base) is Literal:
        return [] if value in get_args(base) else [Issue("not_choice", loc, value, context={"choices": get_args(base)})]
    if base is bool:
        return [] if value in ("true", "false") else [Issue("not_choice", loc, value, context={"choices": BOOLEANS})]
    return _leaf(value, base, metas, loc)


def _unwrap(annotation: Any) -> tuple[Any, list[msgspec.Meta]]:
    """The type inside `Annotated[...]` (however nested) and every `Meta` on it."""
    metas: list[msgspec.Meta] = []
    while get_origin(annotation) is Annotated:
        annotation, *extras = get_args(annotation)
        metas += [extra for extra in extras if isinstance(extra, msgspec.Meta)]
    return annotation, metas


def _limit(metas: list[msgspec.Meta], name: str) -> Any:
    return next((getattr(meta, name) for meta in metas if getattr(meta, name) is not None), None)


def _part(value: Any, model: type[msgspec.Struct], loc: Loc) -> list[Issue]:
    if not isinstance(value, dict):
        return [Issue("not_mapping", loc, value, model)]
    fields = {info.name: info for info in msgspec.structs.fields(model)}
    found = [Issue("unknown_key", (*loc, key), owner=model) for key in value if key not in fields]
    found += [Issue("missing", (*loc, name), owner=model) for name, info in fields.items()
              if info.required and name not in value]
    for key, item in value.items():
        if key in fields:
            found += _value(item, fields[key].type, (*loc, key))
    if found:
        return found
    try:
        msgspec.convert(value, model, strict=False, dec_hook=decode_hook)
    except msgspec.ValidationError as error:
        cause = error.__cause__
        if isinstance(cause, PartError):
            return [Issue(cause.kind, (*loc, *cause.below), value, model, cause.context)]
        return [Issue("invalid", loc, value, model, {"message": str(error)})]
    return []


def _list(value: Any, item: Any, metas: list[msgspec.Meta], loc: Loc) -> list[Issue]:
    if not isinstance(value, list):
        return [Issue("not_list", loc, value)]
    least, most = _limit(metas, "min_length"), _limit(metas, "max_length")
    if (least is not None and len(value) < least) or (most is not None and len(value) > most):
        return [Issue("list_length", loc, value, context={"least": least, "most": most})]
    return [issue for index, entry in enumerate(value) for issue in _value(entry, item, (*loc, index))]


def _leaf(value: Any, base: Any, metas: list[msgspec.Meta], loc: Loc) -> list[Issue]:
    """Text, a whole number or a date: msgspec judges; the kind of issue says which constraint failed."""
    try:
        msgspec.convert(value, Annotated[(base, *metas)] if metas else base, strict=False)
    except msgspec.ValidationError:
        return [Issue(_leaf_kind(value, base, metas), loc, value, context=_constraints(metas))]
    return []


def _leaf_kind(value: Any, base: Any, metas: list[msgspec.Meta]) -> str:
    if base is str:
        if value is None or (isinstance(value, str) and len(value) < (_limit(metas, "min_length") or 0)):
            return "empty"
        if not isinstance(value, str):
            return "not_text"
        return "too_long" if len(value) > (_limit(metas, "max_length") or len(value)) else "pattern"
    if base is int:
        try:
            msgspec.convert(value, int, strict=False)
        except msgspec.ValidationError:
            return "not_whole"
        return "out_of_range"
    return "not_date"


def _constraints(metas: list[msgspec.Meta]) -> dict[str, Any]:
    names = ("min_length", "max_length", "ge", "le", "pattern")
    return {name: limit for name in names if (limit := _limit(metas, name)) is not None}
