"""Writing output files so that a failed build never leaves a truncated file, or a handout and deck that disagree.

A clinic may print from output/ at any moment; each file is written beside its
final name under a temporary name, flushed to disk, then renamed over the old one,
which is atomic on the same file system. A source's outputs are all written first
and then all renamed, so a full disk while writing the deck leaves the old handout
too, never a new handout beside an old deck. A temporary file's name holds the id of
the process writing it, so one left by a killed build (whose process is gone) is
removed by the next build, and one another build is writing is left alone.
"""

from __future__ import annotations

import errno
import os
import tempfile
import time
from pathlib import Path

from mghandout.errors import BuildError

ORPHAN_AGE = 3600
"""Seconds after which a temporary file of ours that names no process (made by an older version) is removed."""


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` all at once, or leave it exactly as it was."""
    write_all_atomic({path: data})


def write_all_atomic(files: dict[Path, bytes]) -> None:
    """Replace every file with its data, or leave every one as it was (unless a rename itself fails)."""
    written: dict[Path, str] = {}
    try:
        for path, data in files.items():
            written[path] = _temporary(path, data)
        for path, temporary in written.items():
            try:
                os.replace(temporary, path)
            except OSError as error:
                raise BuildError(f"cannot write {path}: {error.strerror}") from None
    finally:
        for temporary in written.values():
            Path(temporary).unlink(missing_ok=True)


def _temporary(path: Path, data: bytes) -> str:
    """`data` written and flushed to disk under a temporary name beside `path`; that name."""
    if path.is_dir():
        raise BuildError(f"{path} is a folder; remove it or choose another output folder with -o")
    try:
        if path.parent.exists() and not path.parent.is_dir():  # mkdir would say "File exists"
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(path)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    except OSError as error:
        raise BuildError(f"cannot write in {path.parent}: {error.strerror}; choose another folder with -o") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise BuildError(f"cannot write {path}: {error.strerror}") from None
        raise
    return temporary


def remove_stale(path: Path) -> None:
    """Temporary files of ours beside `path` that a build killed while writing left behind."""
    for temporary in path.parent.glob(f".{_glob_escape(path.name)}.*.tmp"):
        middle = temporary.name[len(path.name) + 2:-len(".tmp")]
        pid, _, rest = middle.partition(".")
        try:
            if pid.isdigit() and rest:
                stale = not _alive(int(pid))
            else:
                stale = time.time() - temporary.stat().st_mtime > ORPHAN_AGE
            if stale:
                temporary.unlink()
        except OSError:
            continue  # another build removed it first, or it cannot be removed: it is only clutter


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end the process there; its file waits for ORPHAN_AGE instead
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _glob_escape(name: str) -> str:
    return "".join(f"[{char}]" if char in "*?[" else char for char in name)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
