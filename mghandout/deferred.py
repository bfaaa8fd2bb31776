"""What the writing libraries import and a build seldom uses, put off until something uses it.

A build spends most of its time importing reportlab and python-pptx, and part of that
is for features no handout or deck of ours calls:

- python-pptx imports `xml.sax.saxutils` for one `escape`; saxutils imports
  `urllib.request`, which imports `http.client`, `email`, `ssl` and `socket`:
  about 30 ms of every deck.
- reportlab's paragraph module compiles, as it is imported, a case-insensitive
  web-address pattern whose letters span U+00A1..U+FFFF; the compiler case-folds
  every character of that range, about 50 ms of every handout. Only splitting a
  long web address at the end of a line uses it.
- Both import Pillow's `Image` module for pictures (~20 ms); a handout only draws
  one when the clinic has a logo.
- reportlab imports HarfBuzz (`uharfbuzz`, ~40 to 100 ms) for shaping, which only a
  handout in Arabic, Persian or Devanagari asks for.

Each stays importable and behaves the same: the first use imports or compiles it.
`importlib.util.LazyLoader` is the standard tool for the modules, but on Python 3.11
importing a module that is already loaded reads its `__spec__`, which makes a lazy
module load at once, and python-pptx imports `urllib.request` by name.
"""

from __future__ import annotations

import importlib
import re
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

MODULES = ("urllib.request", "PIL.Image", "uharfbuzz")
"""Modules imported by the writing libraries at import time and used by a build rarely or never."""


class _DeferredModule(types.ModuleType):
    """Stands in `sys.modules` for a module until an attribute of it is read, then becomes it."""

    def __getattr__(self, name: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        module = importlib.import_module(self.__name__)
        self.__dict__.update(module.__dict__)
        return getattr(module, name)


def defer_modules(names: tuple[str, ...] = MODULES) -> None:
    """Put off importing `names` until one of their attributes is read; a name already imported is left alone."""
    for name in names:
        if name in sys.modules:
            continue
        parent, _, child = name.rpartition(".")
        stand_in = _DeferredModule(name)
        sys.modules[name] = stand_in
        if parent:
            setattr(importlib.import_module(parent), child, stand_in)


class _DeferredPattern:
    """A compiled regular expression, compiled when first used; then its methods are the compiled ones."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        compiled = _compile(*self._source)
        for attribute in dir(compiled):
            if not attribute.startswith("__"):
                setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


_compile = re.compile


@contextmanager
def quick_imports(slower_than: str = "\u2fff") -> Iterator[None]:
    """Import the writing libraries within this block: `MODULES` are put off, and so are slow patterns.

    A pattern is taken as slow to compile when it holds a character past `slower_than`:
    in the libraries that is the end of a range reaching U+FFFF, every character of which
    the compiler checks (and case-folds, when the pattern ignores case). The others
    compile at once, as usual.
    """
    defer_modules()

    def compile_later(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and max(pattern, default="") > slower_than:
            return _DeferredPattern(pattern, flags)
        return _compile(pattern, flags)

    re.compile = compile_later  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = _compile


def import_msgspec() -> None:
    """Import msgspec without typing_extensions, which it prefers when installed and needs only before Python 3.11.

    msgspec takes `get_type_hints`, `Required` and `NotRequired` from typing_extensions
    when it can; on 3.11 `typing` has all three, and importing typing_extensions (it
    imports `inspect`, `ast` and `dis`) was about 10 ms of every run, `--check` included.
    Anything imported later still finds typing_extensions as usual.
    """
    if sys.version_info < (3, 11) or "msgspec" in sys.modules or "typing_extensions" in sys.modules:
        return
    sys.modules["typing_extensions"] = None  # type: ignore[assignment]  # makes its import fail, as if not installed
    try:
        importlib.import_module("msgspec")
    finally:
        del sys.modules["typing_extensions"]
