"""`--watch`: rebuild a source the moment an editor saves it.

An editor keeps the handout open beside the YAML; each save rebuilds only the
sources that changed, and an invalid save is reported without stopping the watch,
so fixing the typo and saving again is the whole loop. watchfiles (inotify, with
debouncing of the several events one save makes) is imported only here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from mghandout.build import Options, Outcome, build_all

Report = Callable[[Iterable[Outcome]], int]


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
        if changed:
            report(build_all(changed, options))


def _source(path: Path, known: dict[Path, Path], folder: Path | None) -> Path | None:
    if path in known:
        return known[path]
    if folder is not None and path.suffix in (".yaml", ".yml") and path.parent == folder.resolve() and path.is_file():
        return folder / path.name
    return None
