"""Skipping outputs that are already up to date.

A clinic rebuilding a library of handouts should wait only for what changed. Each
output's fingerprint hashes everything that decides its bytes: the source, the
options, the brand and template files, and the package's own code (its themes and
writers); the pictures a source places are read with it, so their digests are kept
beside the fingerprint. Fingerprints are kept in one small file in the output folder, beside the
size and time of the file they describe, so an output edited or replaced by hand is
rebuilt too.
"""

from __future__ import annotations

import hashlib
import json
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
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def read_stamps(folder: Path) -> dict[str, dict[str, object]]:
    """The fingerprints recorded in an output folder; none when the file is missing or damaged."""
    try:
        stamps = json.loads((folder / STAMPS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamps if isinstance(stamps, dict) else {}


def stamp(path: Path, print_: str, pictures: tuple[Path, ...] = ()) -> dict[str, object]:
    """The record kept for a file just written; with the digest of each picture its source placed.

    A picture lives outside the source, so the fingerprint, taken before the source is read,
    cannot hold it: its digest is kept here, and a picture changed alone makes the output stale.
    """
    status = path.stat()
    record: dict[str, object] = {"fingerprint": print_, "size": status.st_size, "mtime_ns": status.st_mtime_ns}
    if pictures:
        record["pictures"] = {str(picture): _digest(picture) for picture in pictures}
    return record


def is_fresh(path: Path, print_: str, stamps: dict[str, dict[str, object]]) -> bool:
    """True when `path` was written by us from exactly these inputs and has not changed since."""
    try:
        status = path.stat()
    except OSError:
        return False
    record = dict(stamps.get(path.name) or {})
    pictures = record.pop("pictures", {})
    if record != {"fingerprint": print_, "size": status.st_size, "mtime_ns": status.st_mtime_ns}:
        return False
    return isinstance(pictures, dict) and all(_digest(Path(name)) == digest for name, digest in pictures.items())


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
