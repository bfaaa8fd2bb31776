"""Writing output files so that a failed build never leaves a truncated file behind.

A clinic may print from output/ at any moment; each file is written beside its
final name under a temporary name, flushed to disk, then renamed over the old one,
which is atomic on the same file system.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from mghandout.errors import BuildError


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` all at once, or leave it exactly as it was."""
    if path.is_dir():
        raise BuildError(f"{path} is a folder; remove it or choose another output folder with -o")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise BuildError(f"cannot write in {path.parent}: {error.strerror}; choose another folder with -o") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise BuildError(f"cannot write {path}: {error.strerror}") from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
