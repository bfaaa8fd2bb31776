"""Building one source in two processes gives the same files, and the same errors, as in one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from readback import no_children_left

from mghandout import build
from mghandout.build import Options, Rendered, render_all
from mghandout.logo import LogoError
from mghandout.model import Article
from mghandout.source import load_article

MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yaml"


def test_split_rendering_gives_the_same_bytes() -> None:
    article = load_article(MINIMAL)
    together = render_all(article, ["pdf", "pptx"], Options())
    split = render_all(article, ["pdf", "pptx"], Options(), split=True)
    assert split == together
    assert split["pdf"][0].startswith(b"%PDF-") and split["pptx"][0].startswith(b"PK")


REAL_RENDER = build.render


def _pdf_fails(article: Article, fmt: str, options: Options) -> Rendered:
    """build.render with a handout that cannot be made (module level: the process pool pickles it by name)."""
    if fmt == "pdf":
        raise LogoError("clinic/logo.png", "the clinic's logo file does not exist", "fix `logo:`")
    return REAL_RENDER(article, fmt, options)


def test_an_error_in_the_forked_renderer_is_reported_as_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """The handout renders in the forked process: its error crosses back whole (file, message, hint)."""
    monkeypatch.setattr(build, "render", _pdf_fails)
    with pytest.raises(LogoError, match="logo file does not exist") as caught:
        render_all(load_article(MINIMAL), ["pdf", "pptx"], Options(), split=True)
    assert (caught.value.file, caught.value.hint) == ("clinic/logo.png", "fix `logo:`")


def test_a_forked_renderer_that_dies_is_an_error_not_a_hang(monkeypatch: pytest.MonkeyPatch) -> None:
    """The handout's process ends without sending a result (killed, out of memory): the build says so."""

    def dies(article: Article, fmt: str, options: Options) -> Rendered:
        if fmt == "pdf":
            os._exit(9)
        return REAL_RENDER(article, fmt, options)

    monkeypatch.setattr(build, "render", dies)
    with pytest.raises(build.BuildError, match="stopped without a result"):
        render_all(load_article(MINIMAL), ["pdf", "pptx"], Options(), split=True)



def _no_deck_here(article: Article, fmt: str, options: Options) -> Rendered:
    if fmt == "pptx":
        raise AssertionError("the deck was rendered in this process, not in the one started for it")
    return REAL_RENDER(article, fmt, options)


def test_the_deck_started_before_the_source_is_read_is_the_same_deck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = Options(output=tmp_path, source_date_epoch=1_700_000_000, force=True)
    helper = build.deck_head_start([MINIMAL], options)
    assert helper is not None and helper.format == "pptx"
    monkeypatch.setattr(build, "render", _no_deck_here)  # after the fork: the deck's process keeps the real one
    [outcome] = build.build_all([MINIMAL], options, helper)
    assert not outcome.failure
    monkeypatch.undo()
    assert [w.path.suffix for w in outcome.written] == [".pdf", ".pptx"]
    alone = render_all(load_article(MINIMAL), ["pdf", "pptx"], options)
    assert (tmp_path / "minimal.pptx").read_bytes() == alone["pptx"][0]
    assert (tmp_path / "minimal.pdf").read_bytes() == alone["pdf"][0]
    assert no_children_left()


def test_the_head_start_is_ended_when_the_source_is_invalid_or_up_to_date(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    options = Options(output=tmp_path / "out")
    [outcome] = build.build_all([bad], options, build.deck_head_start([bad], options))
    assert outcome.problems and not outcome.written
    assert no_children_left()
    list(build.build_all([MINIMAL], options))
    [outcome] = build.build_all([MINIMAL], options, build.deck_head_start([MINIMAL], options))
    assert len(outcome.skipped) == 2 and not outcome.written
    assert no_children_left()


def test_no_head_start_for_a_batch_or_one_format() -> None:
    assert build.deck_head_start([MINIMAL, MINIMAL], Options()) is None
    assert build.deck_head_start([MINIMAL], Options(formats=("pdf",))) is None
    assert build.deck_head_start([MINIMAL], Options(formats=("pptx",))) is None


def test_without_fork_everything_is_made_in_this_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has no os.fork: one source and a batch still build, in one process, with the same bytes."""
    options = Options(output=tmp_path / "out", source_date_epoch=1_700_000_000, force=True)
    alone = render_all(load_article(MINIMAL), ["pdf", "pptx"], options)
    monkeypatch.delattr(os, "fork")
    assert build.deck_head_start([MINIMAL], options) is None
    second = tmp_path / "second.yaml"
    second.write_bytes(MINIMAL.read_bytes())
    outcomes = list(build.build_all([MINIMAL, second], options))
    assert [len(o.written) for o in outcomes] == [2, 2] and not any(o.failure for o in outcomes)
    assert (tmp_path / "out" / "minimal.pptx").read_bytes() == alone["pptx"][0]
    assert (tmp_path / "out" / "second.pdf").read_bytes() == alone["pdf"][0]


def test_a_source_too_large_to_build_is_refused_without_being_read(tmp_path: Path) -> None:
    """Before: the freshness check read the whole file first (a 1 GB source: 1 GB of memory, 5 s)."""
    import subprocess
    import sys

    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:
        stream.truncate(1 << 30)  # sparse: takes no disk
    code = ("import resource, subprocess, sys; r = subprocess.run([sys.executable, '-m', 'mghandout', *sys.argv[1:]],"
            " capture_output=True); print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, str(huge), "-o", str(tmp_path / "o")], capture_output=True,
                         text=True, timeout=60, cwd=Path(__file__).resolve().parents[1])
    status, peak = out.stdout.split()
    assert status == "2" and int(peak) < 200_000, out.stdout  # KB
