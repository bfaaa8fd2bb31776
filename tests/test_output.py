"""Atomic writes: a failed write leaves the old file exactly as it was, and no temporary file."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mghandout.errors import BuildError
from mghandout.output import write_atomic


def test_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "new" / "x.pdf"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in target.parent.iterdir()) == ["x.pdf"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.pdf"
    target.write_bytes(b"good")

    def broken(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(BuildError, match="No space left on device"):
        write_atomic(target, b"half")
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]


def test_interrupted_write_leaves_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "x.pdf", b"data")
    assert list(tmp_path.iterdir()) == []


def test_output_path_taken_by_a_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").mkdir()
    with pytest.raises(BuildError, match="is a folder"):
        write_atomic(tmp_path / "x.pdf", b"data")


def test_folder_that_cannot_be_made_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(BuildError, match="cannot write in"):
        write_atomic(tmp_path / "file" / "x.pdf", b"data")


def test_a_failure_writing_the_second_file_leaves_both_as_they_were(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk while writing the deck: the handout is not replaced either, so the two never disagree."""
    from mghandout.output import write_all_atomic

    handout, deck = tmp_path / "x.pdf", tmp_path / "x.pptx"
    handout.write_bytes(b"old handout")
    deck.write_bytes(b"old deck")
    calls = []
    real = os.fsync

    def full_on_second(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", full_on_second)
    with pytest.raises(BuildError, match=r"cannot write .*x.pptx: No space left on device"):
        write_all_atomic({handout: b"new handout", deck: b"new deck"})
    assert (handout.read_bytes(), deck.read_bytes()) == (b"old handout", b"old deck")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf", "x.pptx"]


def test_temporary_files_left_by_a_killed_build_are_removed_by_the_next(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".x.pdf.{dead.pid}.k2j4.tmp"
    writing = tmp_path / f".x.pdf.{os.getppid()}.p9q1.tmp"  # a live process's: another build writing now
    older = tmp_path / ".x.pdf.abc123.tmp"  # named as earlier versions named them, an hour old
    recent = tmp_path / ".x.pdf.def456.tmp"
    for path in (stale, writing, older, recent):
        path.write_bytes(b"half")
    os.utime(older, (time.time() - 7200, time.time() - 7200))
    write_atomic(tmp_path / "x.pdf", b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["x.pdf", writing.name, recent.name])
