"""Fingerprints: an output is fresh only for the very inputs that made it, and only while untouched."""

from __future__ import annotations

from pathlib import Path

from mghandout.freshness import fingerprint, is_fresh, stamp


def test_fingerprint_changes_with_every_input(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"one")
    base = fingerprint(b"source", "pdf", "letter", (logo,))
    assert base == fingerprint(b"source", "pdf", "letter", (logo,))
    assert base != fingerprint(b"source!", "pdf", "letter", (logo,))
    assert base != fingerprint(b"source", "pptx", "letter", (logo,))
    assert base != fingerprint(b"source", "pdf", "a4", (logo,))
    logo.write_bytes(b"two")
    assert base != fingerprint(b"source", "pdf", "letter", (logo,))


def test_output_is_fresh_until_it_is_touched(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    assert not is_fresh(out, "abc", {})
    out.write_bytes(b"pdf")
    stamps = {"x.pdf": stamp(out, "abc")}
    assert is_fresh(out, "abc", stamps)
    assert not is_fresh(out, "other", stamps)
    out.write_bytes(b"edited by hand")
    assert not is_fresh(out, "abc", stamps)
