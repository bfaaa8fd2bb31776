"""--watch: a save rebuilds that source; an invalid save is reported and the watch goes on."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from figure_source import drawing, one_figure

from mghandout.build import Options, Outcome, build_all
from mghandout.watch import watch

MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yaml"


def _wait_for(condition: object, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_a_save_rebuilds_the_source_and_a_bad_save_does_not_stop_the_watch(tmp_path: Path) -> None:
    source = tmp_path / "source" / "topic.yaml"
    source.parent.mkdir()
    shutil.copy(MINIMAL, source)
    out = tmp_path / "out"
    seen: list[Outcome] = []

    def report(outcomes: Iterable[Outcome]) -> int:
        seen.extend(outcomes)
        return 0

    stop = threading.Event()
    thread = threading.Thread(target=watch, args=([source], Options(output=out, formats=("pdf",)), report),
                              kwargs={"stop": stop}, daemon=True)
    thread.start()
    try:
        time.sleep(0.5)
        (tmp_path / "source" / "unrelated.txt").write_text("not a source")
        source.write_text(source.read_text().replace("title: A minimal topic", "tittle: A minimal topic"))
        assert _wait_for(lambda: any(o.problems for o in seen)), "the invalid save was not reported"
        assert not (out / "topic.pdf").exists()
        assert "did you mean 'title'" in str(next(o for o in seen if o.problems).problems[0])

        shutil.copy(MINIMAL, source)
        assert _wait_for(lambda: (out / "topic.pdf").exists()), "the fixed save was not rebuilt"
        assert [o.source for o in seen] == [source] * len(seen)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_with_no_sources_named_a_new_yaml_file_in_the_folder_is_built(tmp_path: Path) -> None:
    folder = tmp_path / "source"
    folder.mkdir()
    out = tmp_path / "out"
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=([], Options(output=out, formats=("pdf",)), lambda o: len(list(o))),
                              kwargs={"every_yaml_in": folder, "stop": stop}, daemon=True)
    thread.start()
    try:
        time.sleep(0.5)
        shutil.copy(MINIMAL, folder / "new-topic.yaml")
        shutil.copy(MINIMAL, folder / "notes.txt")
        assert _wait_for(lambda: (out / "new-topic.pdf").exists()), "a new source was not built"
        assert not (out / "notes.pdf").exists()
    finally:
        stop.set()
        thread.join(timeout=10)


def test_saving_a_picture_rebuilds_the_source_that_places_it(tmp_path: Path) -> None:
    """Only the picture changes (the source's text does not): the source is built again (issue 26)."""
    source = one_figure(tmp_path / "source")
    out = tmp_path / "out"
    seen: list[Outcome] = []

    def report(outcomes: Iterable[Outcome]) -> int:
        seen.extend(outcomes)
        return 0

    options = Options(output=out, formats=("pdf",))
    list(build_all([source], options))
    built = (out / "topic.pdf").stat().st_mtime_ns
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=([source], options, report), kwargs={"stop": stop}, daemon=True)
    thread.start()
    try:
        time.sleep(0.5)
        drawing(source.parent / "images" / "drawing.png", (1500, 1000))
        assert _wait_for(lambda: any(o.written for o in seen)), "the saved picture did not rebuild its source"
        assert (out / "topic.pdf").stat().st_mtime_ns != built
    finally:
        stop.set()
        thread.join(timeout=10)
