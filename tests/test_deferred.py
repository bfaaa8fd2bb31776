"""The imports a build puts off: never needed by a build, and whole when something does need them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mghandout.deferred import _DeferredPattern, quick_imports

ROOT = Path(__file__).resolve().parent.parent
MAGNESIUM = ROOT / "source" / "magnesium-muscle-contractions.yaml"
LOADED = "[m for m in {names!r} if type(sys.modules.get(m)).__name__ == 'module']"


def _python(code: str) -> str:
    """Run `code` in a fresh interpreter (the deferrals act on a process's first imports) and return its output."""
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout


@pytest.mark.parametrize("fmt", ["pdf", "pptx"])
def test_a_build_never_loads_what_it_puts_off(fmt: str, tmp_path: Path) -> None:
    """One format at a time, so the whole build runs in the process that reports (both at once fork)."""
    heavy = ("urllib.request", "http.client", "email.parser", "ssl", "socket", "typing_extensions")
    out = _python(
        "import sys, json\n"
        "from mghandout.cli import main\n"
        f"code = main([{str(MAGNESIUM)!r}, '-o', {str(tmp_path)!r}, '--force', '--format', {fmt!r}])\n"
        f"print(json.dumps([code, {LOADED.format(names=heavy)}]))"
    )
    assert json.loads(out.splitlines()[-1]) == [0, []]
    assert (tmp_path / f"{MAGNESIUM.stem}.{fmt}").stat().st_size > 10_000


def test_reportlabs_web_address_pattern_waits_until_used() -> None:
    out = _python(
        "import mghandout.handout, reportlab.platypus.paragraph as p\n"
        "print(type(p.uri_pat).__name__)\n"
        "print(p._uri_split_pairs('https://example.org/a/b')[0])"
    )
    kind, pairs = out.splitlines()
    assert kind == "_DeferredPattern"
    assert pairs == "('https://example.org/a/', 'b')"


def test_a_deferred_module_is_the_module_once_used() -> None:
    out = _python(
        "import sys, mghandout.deck\n"
        "print(type(sys.modules['urllib.request']).__name__)\n"
        "import urllib.request\n"
        "from urllib.request import Request\n"
        "print(Request('https://example.org/x').host, urllib.request.Request is Request)\n"
        "print(type(sys.modules['urllib.request']).__name__)"
    )
    assert out.splitlines() == ["_DeferredModule", "example.org True", "module"]


def test_a_deferred_pattern_answers_as_the_compiled_one() -> None:
    pattern, flags = "([a-z\u00a1-\uffff]+)-(\\d+)", re.IGNORECASE
    deferred, compiled = _DeferredPattern(pattern, flags), re.compile(pattern, flags)
    text = "Ünïcode-12 and ÉTÉ-3, not -4"
    assert deferred.findall(text) == compiled.findall(text)
    assert deferred.sub(r"\2", text) == compiled.sub(r"\2", text)
    assert (deferred.pattern, deferred.flags, deferred.groups) == (compiled.pattern, compiled.flags, compiled.groups)


def test_only_wide_ranges_are_put_off() -> None:
    with quick_imports():
        narrow, wide = re.compile("[a-z]+"), re.compile("[\u2e80-\uffff]")
    assert isinstance(narrow, re.Pattern)
    assert isinstance(wide, _DeferredPattern)
    assert re.compile("[\u2e80-\uffff]").__class__ is re.Pattern
