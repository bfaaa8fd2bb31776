"""`--watch`: rebuild a source the moment an editor saves it.

An editor keeps the handout open beside the YAML; each save rebuilds only the
sources that changed, and an invalid save is reported without stopping the watch,
so fixing the typo and saving again is the whole loop. A picture saved anywhere under
the watched folders rebuilds the sources whose figures place it. watchfiles (inotify, with
debouncing of the several events one save makes) is imported only here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from mghandout.build import Options, Outcome, build_all

Report = Callable[[Iterable[Outcome]], int]
PICTURES = (".png", ".jpg", ".jpeg", ".svg")
"""A saved picture may be a figure's: every source is built again, and those it does not change are up to date."""


def watch(sources: list[Path], options: Options, report: Report, *, every_yaml_in: Path | None = None,
          stop: threading.Event | None = None) -> None:
    """Rebuild `sources` (or, with `every_yaml_in`, any YAML file saved in that folder) until stopped."""
    from watchfiles import Change
    from watchfiles import watch as saves

    known = {source.resolve(): source for source in sources}
    folders = {every_yaml_in} if every_yaml_in else {source.parent for source in sources}
    for batch in saves(*folders, stop_event=stop, raise_interrupt=False):
        saved = {Path(path).resolve() for change, path in batch if change != Change.deleted}
        changed = sorted({_source(path, known, every_yaml_in) for path in saved} - {None})
        if any(path.suffix.lower() in PICTURES for path in saved):
            changed = _every_source(known, every_yaml_in)  # which source places it is known once each is read
        if changed:
            report(build_all(changed, options))


def _every_source(known: dict[Path, Path], folder: Path | None) -> list[Path]:
    if folder is None:
        return sorted(known.values())
    return sorted(path for path in folder.iterdir() if path.suffix in (".yaml", ".yml") and path.is_file())


def _source(path: Path, known: dict[Path, Path], folder: Path | None) -> Path | None:
    if path in known:
        return known[path]
    if folder is not None and path.suffix in (".yaml", ".yml") and path.parent == folder.resolve() and path.is_file():
        return folder / path.name
    return None
