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


def test_stamps_saved_by_another_build_meanwhile_are_kept(tmp_path: Path) -> None:
    from mghandout.freshness import read_stamps, save_stamps

    save_stamps(tmp_path, {"a.pdf": {"fingerprint": "1"}})
    save_stamps(tmp_path, {"b.pdf": {"fingerprint": "2"}})
    assert read_stamps(tmp_path) == {"a.pdf": {"fingerprint": "1"}, "b.pdf": {"fingerprint": "2"}}


def test_concurrent_builds_into_one_folder_keep_each_others_stamps(tmp_path: Path) -> None:
    """Two builds of different sources at once; then each source is up to date, neither rebuilt."""
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    for name in ("a", "b", "c"):
        shutil.copy(root / "tests" / "fixtures" / "minimal.yaml", tmp_path / f"{name}.yaml")
    command = [sys.executable, "-m", "mghandout", "-o", str(tmp_path / "out"), "--format", "pdf"]
    builds = [subprocess.Popen([*command, str(tmp_path / f"{name}.yaml")], cwd=root, stdout=subprocess.PIPE)
              for name in ("a", "b", "c")]
    assert [build.wait(timeout=120) for build in builds] == [0, 0, 0]
    for build in builds:
        assert build.stdout is not None
        build.stdout.close()
    again = subprocess.run([*command, *(str(tmp_path / f"{name}.yaml") for name in "abc")], cwd=root,
                           capture_output=True, text=True, timeout=120)
    assert again.stdout.count("up to date") == 3, again.stdout
