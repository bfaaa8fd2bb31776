"""Stopping a batch: Ctrl-C ends it in one line with status 130, and a killed command leaves no worker behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from topics import ROOT, SOURCES

SOURCE_COUNT = 16


def _live_in_session(session: int) -> list[int]:
    """Processes of a session still running (a zombie, dead but not yet reaped by init, does not count)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(int(entry))
    return found


def _batch(tmp_path: Path) -> subprocess.Popen[str]:
    """A batch of copies of the magnesium article, started in its own session, once its first file is written."""
    sources = []
    for number in range(SOURCE_COUNT):
        sources.append(shutil.copy(SOURCES["magnesium"], tmp_path / f"topic{number}.yaml"))
    process = subprocess.Popen([sys.executable, "-m", "mghandout", "-o", str(tmp_path / "out"), *map(str, sources)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                               start_new_session=True)
    assert process.stdout is not None and process.stdout.readline().startswith("wrote ")
    return process


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_ends_a_batch_in_one_line_with_status_130(tmp_path: Path) -> None:
    process = _batch(tmp_path)
    os.killpg(process.pid, signal.SIGINT)  # as the terminal sends it: to every process of the command
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err == "make-handout: stopped; every file written is complete\n"
    assert not list((tmp_path / "out").glob(".*.tmp"))
    deadline = time.monotonic() + 5
    while _live_in_session(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _live_in_session(process.pid)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_batch_leaves_no_worker_writing(tmp_path: Path, how: int) -> None:
    process = _batch(tmp_path)
    os.kill(process.pid, how)  # the command only, as `kill PID` does
    _, err = process.communicate(timeout=10)  # ends only when no process holds the pipes open (`| tee` ends)
    deadline = time.monotonic() + 5
    while _live_in_session(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _live_in_session(process.pid), "a worker outlived the command"
    written = sorted((tmp_path / "out").iterdir())
    time.sleep(1)
    assert sorted((tmp_path / "out").iterdir()) == written
    if how == signal.SIGTERM:
        assert process.returncode == 143
        assert err == "make-handout: stopped; every file written is complete\n"
