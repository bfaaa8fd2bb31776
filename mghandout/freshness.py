"""Skipping outputs that are already up to date.

A clinic rebuilding a library of handouts should wait only for what changed. Each
output's fingerprint hashes everything that decides its bytes: the source, the
options, the brand and template files, and the package's own code (its themes and
writers). Fingerprints are kept in one small file in the output folder, beside the
size and time of the file they describe, so an output edited or replaced by hand is
rebuilt too.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from mghandout import __version__

STAMPS = ".make-handout.json"


@cache
def _code_digest() -> str:
    """The package's code and data: a change to a theme or a writer makes every output stale."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json", ".pptx", ".ttf") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(source: bytes, fmt: str, settings: str, inputs: tuple[Path, ...]) -> str:
    """What decides one output's bytes, hashed."""
    digest = hashlib.sha256()
    for part in (_code_digest().encode(), fmt.encode(), settings.encode(), source):
        digest.update(hashlib.sha256(part).digest())
    for path in inputs:
        digest.update(_file_digest(path))
    return digest.hexdigest()


def _file_digest(path: Path) -> bytes:
    """A file's SHA-256, read a megabyte at a time: a template may be large, and is never held whole for this."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.digest()


def read_stamps(folder: Path) -> dict[str, dict[str, object]]:
    """The fingerprints recorded in an output folder; none when the file is missing or damaged."""
    try:
        stamps = json.loads((folder / STAMPS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamps if isinstance(stamps, dict) else {}


def save_stamps(folder: Path, written: dict[str, dict[str, object]]) -> None:
    """Record the files just written, keeping what other builds into the same folder recorded meanwhile.

    Two builds of different sources into one folder each read the record at their start;
    writing back what each read would lose the other's files, so the record is read
    again and merged while the folder is locked against the other builds doing the same.
    """
    from mghandout.output import write_atomic

    with _locked(folder):
        stamps = read_stamps(folder)
        stamps.update(written)
        write_atomic(folder / STAMPS, json.dumps(stamps, indent=1, sort_keys=True).encode())


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the folder itself (no lock file to leave behind); no lock where there is no flock."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def stamp(path: Path, print_: str) -> dict[str, object]:
    """The record kept for a file just written."""
    status = path.stat()
    return {"fingerprint": print_, "size": status.st_size, "mtime_ns": status.st_mtime_ns}


def is_fresh(path: Path, print_: str, stamps: dict[str, dict[str, object]]) -> bool:
    """True when `path` was written by us from exactly these inputs and has not changed since."""
    try:
        status = path.stat()
    except OSError:
        return False
    return stamps.get(path.name) == {"fingerprint": print_, "size": status.st_size, "mtime_ns": status.st_mtime_ns}
