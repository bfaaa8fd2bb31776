"""`--check` advises, at the part's line, where a part takes more than two text slides and a `slide:` text would
help."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import yaml
from long_parts import MINIMAL, sentences

from mghandout.cli import main


def _check(path: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main([str(path), "--check"])
    return status, err.getvalue()


def _source(tmp_path: Path, slide: bool) -> Path:
    """A section of six 600-character paragraphs (three slides at least), with or without `slide:` texts."""
    doc = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    doc["sections"][0]["title"] = "A long section"
    short = {"slide": "Short."} if slide else {}
    doc["sections"][0]["blocks"] = [{"paragraph": sentences(f"Part {n}", 600), **short} for n in range(6)]
    path = tmp_path / "topic.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False, width=10**6), encoding="utf-8")
    return path


def test_a_part_of_more_than_two_slides_is_pointed_out(tmp_path: Path) -> None:
    path = _source(tmp_path, slide=False)
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if "A long section" in text)
    status, err = _check(path)
    assert status == 0
    assert f"{path}:{line}:" in err and "warning: 'A long section' takes" in err and "'slide:' text" in err
    documented = (Path(__file__).resolve().parents[1] / "docs" / "errors.md").read_text(encoding="utf-8")
    assert err.strip().split(": warning: ")[1] in documented


def test_no_advice_once_the_editor_wrote_slide_texts(tmp_path: Path) -> None:
    status, err = _check(_source(tmp_path, slide=True))
    assert status == 0 and "takes" not in err
