"""The command: what it writes, what it reports, and its exit status."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mghandout import build
from mghandout.cli import main

ROOT = Path(__file__).resolve().parents[1]
MAGNESIUM = ROOT / "source" / "magnesium-muscle-contractions.yaml"
MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yaml"
TOPIC = MAGNESIUM.stem
STAMPS = ".make-handout.json"


def run(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "mghandout", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120
    )


def outputs(folder: Path) -> list[str]:
    """The files in an output folder but the record of what was built (so a stray temporary file shows)."""
    return sorted(p.name for p in folder.iterdir() if p.name != STAMPS)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """`make-handout` with no arguments, in a copy of the project's source/ folder."""
    work = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "source", work / "source")
    return run(cwd=work), work


def test_no_arguments_builds_every_source_into_output(built: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result, work = built
    assert result.returncode == 0, result.stderr
    assert outputs(work / "output") == [f"{TOPIC}.pdf", f"{TOPIC}.pptx"]
    assert (work / "output" / f"{TOPIC}.pdf").read_bytes().startswith(b"%PDF-")


def test_each_file_written_is_reported_on_one_line(built: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result, work = built
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    pdf, pptx = lines
    size = (work / "output" / f"{TOPIC}.pdf").stat().st_size
    assert pdf.startswith(f"wrote output/{TOPIC}.pdf ") and " pages " in pdf and f"{size / 1024:.1f} KiB" in pdf
    assert pptx.startswith(f"wrote output/{TOPIC}.pptx ") and " slides " in pptx


def test_check_validates_and_writes_nothing(tmp_path: Path) -> None:
    result = run(str(MAGNESIUM), "--check", "-o", str(tmp_path / "out"))
    assert result.returncode == 0
    assert result.stdout.startswith(f"{MAGNESIUM}: reading level: ")
    assert result.stdout.splitlines()[-1] == f"{MAGNESIUM}: ok"
    assert not (tmp_path / "out").exists()


def test_check_does_not_import_the_writers() -> None:
    code = (
        f"import sys; from mghandout.cli import main; main(['--check', {str(MAGNESIUM)!r}]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'pptx', 'PIL', 'multiprocessing', "
        "'concurrent', 'tempfile', 'hashlib', 'difflib') or m == 'mghandout.validation'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().endswith("[]")


def test_format_and_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "new" / "folder"
    assert main([str(MINIMAL), "-o", str(out), "--format", "pdf"]) == 0
    assert outputs(out) == ["minimal.pdf"]


def test_a4_paper(tmp_path: Path) -> None:
    from pypdf import PdfReader

    assert main([str(MINIMAL), "-o", str(tmp_path), "--format", "pdf", "--paper", "a4"]) == 0
    box = PdfReader(tmp_path / "minimal.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_invalid_source_exits_2_with_location_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.read_text().replace("summary:", "sumary:"), encoding="utf-8")
    result = run(str(bad), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert f"{bad}:4:1: error: unknown key 'sumary'; did you mean 'summary'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_usage_errors_exit_2() -> None:
    assert run("--paper", "a5").returncode == 2
    assert run("--format", "docx").returncode == 2
    missing = run("no/such.yaml")
    assert missing.returncode == 2 and "no/such.yaml: error: no such file" in missing.stderr
    template = run(str(MAGNESIUM), "--template", "no-such.pptx")
    assert template.returncode == 2 and "no-such.pptx" in template.stderr


def test_no_sources_found_is_a_usage_error(tmp_path: Path) -> None:
    result = run(cwd=tmp_path)
    assert result.returncode == 2 and "no sources found in source/" in result.stderr


def test_bad_source_date_epoch_is_a_usage_error(tmp_path: Path) -> None:
    result = run(str(MINIMAL), "-o", str(tmp_path), env={"SOURCE_DATE_EPOCH": "yesterday", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 2 and "SOURCE_DATE_EPOCH" in result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("make-handout ")


def test_a_bad_source_does_not_stop_the_good_ones(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [\n", encoding="utf-8")
    good = tmp_path / "good.yaml"
    shutil.copy(MINIMAL, good)
    result = run(str(bad), str(good), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert f"{bad}:2:1: error: not valid YAML" in result.stderr
    assert outputs(tmp_path / "out") == ["good.pdf", "good.pptx"]


def test_a_failing_writer_leaves_earlier_outputs_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "minimal.pdf").write_bytes(b"old pdf")
    (tmp_path / "minimal.pptx").write_bytes(b"old deck")
    real = build.render

    def failing(article: object, fmt: str, options: build.Options) -> tuple[bytes, int]:
        if fmt == "pptx":
            raise RuntimeError("the deck writer broke")
        return real(article, fmt, options)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "render", failing)
    assert main([str(MINIMAL), "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: the deck writer broke" in err and "Traceback" not in err
    assert (tmp_path / "minimal.pdf").read_bytes() == b"old pdf"
    assert (tmp_path / "minimal.pptx").read_bytes() == b"old deck"
    assert outputs(tmp_path) == ["minimal.pdf", "minimal.pptx"]

    assert main([str(MINIMAL), "-o", str(tmp_path), "--debug"]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_output_path_taken_by_a_folder_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "minimal.pdf").mkdir()
    assert main([str(MINIMAL), "-o", str(tmp_path), "--format", "pdf"]) == 1
    assert "minimal.pdf is a folder" in capsys.readouterr().err


def test_same_source_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert main([str(MINIMAL), "-o", str(first)]) == 0
    assert main([str(MINIMAL), "-o", str(second)]) == 0
    for name in ("minimal.pdf", "minimal.pptx"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_source_date_epoch_sets_the_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert main([str(MINIMAL), "-o", str(tmp_path), "--format", "pdf"]) == 0
    assert PdfReader(tmp_path / "minimal.pdf").metadata.creation_date.year == 2023
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert main([str(MINIMAL), "-o", str(tmp_path), "--format", "pdf"]) == 0
    assert PdfReader(tmp_path / "minimal.pdf").metadata.creation_date.date().isoformat() == "2026-01-02"


def test_unchanged_source_is_skipped_until_forced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "minimal.yaml"
    shutil.copy(MINIMAL, source)
    out = tmp_path / "out"
    assert main([str(source), "-o", str(out)]) == 0
    assert capsys.readouterr().out.count("wrote ") == 2
    assert main([str(source), "-o", str(out)]) == 0
    up_to_date = [f"up to date {out / name}" for name in ("minimal.pdf", "minimal.pptx")]
    assert capsys.readouterr().out.splitlines() == up_to_date
    assert main([str(source), "-o", str(out), "--paper", "a4"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith(f"wrote {out / 'minimal.pdf'} ")
    source.write_text(source.read_text().replace("One paragraph.", "One changed paragraph."))
    assert main([str(source), "-o", str(out), "--paper", "a4"]) == 0
    assert capsys.readouterr().out.count("wrote ") == 2
    assert main([str(source), "-o", str(out), "--paper", "a4", "--force"]) == 0
    assert capsys.readouterr().out.count("wrote ") == 2


def test_a_template_that_is_not_a_deck_exits_2(tmp_path: Path) -> None:
    template = tmp_path / "notes.pptx"
    template.write_text("not a PowerPoint file")
    result = run(str(MINIMAL), "--template", str(template), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert f"{template}: error: not a PowerPoint file that can be read" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out" / "minimal.pdf").exists()


def test_check_refuses_the_template_the_build_refuses(tmp_path: Path) -> None:
    """`--check` exiting 0 promises the build will not stop on its inputs: the template is one of them."""
    template = tmp_path / "notes.pptx"
    template.write_text("not a PowerPoint file")
    checked = run(str(MINIMAL), "--check", "--template", str(template))
    built = run(str(MINIMAL), "--template", str(template), "-o", str(tmp_path / "out"))
    message = f"{template}: error: not a PowerPoint file that can be read"
    assert (checked.returncode, built.returncode) == (2, 2)
    assert message in checked.stderr and message in built.stderr
    assert "Traceback" not in checked.stderr
    missing = run(str(MINIMAL), "--check", "--template", str(tmp_path / "nowhere.pptx"))
    assert missing.returncode == 2 and "no such template file" in missing.stderr


def test_check_accepts_a_template_the_build_accepts(tmp_path: Path) -> None:
    from pptx import Presentation

    template = tmp_path / "plain.pptx"
    Presentation().save(str(template))
    assert run(str(MINIMAL), "--check", "--template", str(template)).returncode == 0


def test_brand_file_warnings_are_printed(tmp_path: Path, brand_dir: Path) -> None:
    """A brand file is YAML an editor keeps too: what YAML silently cut from it is said, as for a source."""
    brand = brand_dir / "cut.yaml"
    brand.write_text(
        (brand_dir / "brand.yaml").read_text(encoding="utf-8").replace(
            "clinic: Riverside Family Practice", "clinic: Riverside Family Practice #2"
        ),
        encoding="utf-8",
    )
    for extra in (["--check"], ["-o", str(tmp_path), "--format", "pdf"]):
        result = run(str(MINIMAL), "--brand", str(brand), *extra)
        assert result.returncode == 0, result.stderr
        assert f"{brand}:3:35: warning:" in result.stderr and "is read as a comment" in result.stderr


def test_one_page_is_one_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(MINIMAL), "-o", str(tmp_path), "--format", "pdf"]) == 0
    assert f"wrote {tmp_path / 'minimal.pdf'}  1 page  " in capsys.readouterr().out


@pytest.mark.parametrize(("names", "message"), [
    (("a/good.yaml", "b/good.yaml"), "a/good.yaml and b/good.yaml would both write good.pdf and good.pptx in o"),
    (("x.yaml", "x.yml"), "x.yaml and x.yml would both write x.pdf and x.pptx in o"),
    (("x.yaml", "./x.yaml"), "x.yaml is named twice"),
])
def test_two_sources_writing_the_same_outputs_are_a_usage_error_naming_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, names: tuple[str, str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in names:
        Path(name).parent.mkdir(exist_ok=True)
        shutil.copy(MINIMAL, name)
    assert main(["-o", "o", *names]) == 2
    assert capsys.readouterr().err.startswith(f"make-handout: error: {message}")
    assert not Path("o").exists()


def test_a_source_folder_with_x_yaml_and_x_yml_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("source").mkdir()
    shutil.copy(MINIMAL, "source/x.yaml")
    shutil.copy(MINIMAL, "source/x.yml")
    assert main([]) == 2
    assert "source/x.yaml and source/x.yml would both write x.pdf and x.pptx in output" in capsys.readouterr().err


def test_a_closed_pipe_ends_quietly_with_status_141(tmp_path: Path) -> None:
    """`make-handout ... | true`: the reader is gone before the first line."""
    command = f"'{sys.executable}' -m mghandout -o '{tmp_path}' '{MINIMAL}' | true; echo $PIPESTATUS"
    result = subprocess.run(["bash", "-c", f"sleep 0.2; {command}"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.stdout.strip() == "141" and result.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("check", [False, True])
def test_a_full_stdout_is_one_line_and_status_1(tmp_path: Path, check: bool) -> None:
    args = ["--check"] if check else ["-o", str(tmp_path)]
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "mghandout", *args, str(MINIMAL)], cwd=ROOT, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr == "make-handout: error: cannot write to standard output: No space left on device\n"


def test_output_named_as_a_file_says_not_a_directory(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = run(str(MINIMAL), "-o", str(tmp_path / "file"))
    assert result.returncode == 1
    assert f"cannot write in {tmp_path / 'file'}: Not a directory; choose another folder with -o" in result.stderr


@pytest.mark.parametrize(("logo", "message"), [
    ("/etc/passwd", "is not a readable PNG or JPEG image"),
    ("truncated.png", "is not a readable PNG or JPEG image"),
    ("logo.svg", "is not a readable PNG or JPEG image"),
    ("folder", "is a folder, not a picture"),
    ("https://example.org/logo.png", "is a web address"),
])
def test_check_with_a_brand_refuses_the_logo_the_build_refuses(tmp_path: Path, logo: str, message: str) -> None:
    (tmp_path / "truncated.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "brand.yaml").write_text(f"clinic: Riverside\nphone: 555 0100\nlogo: {logo}\n", encoding="utf-8")
    checked = run("--check", "--brand", str(tmp_path / "brand.yaml"), str(MINIMAL))
    built = run("--brand", str(tmp_path / "brand.yaml"), "-o", str(tmp_path / "out"), str(MINIMAL))
    assert checked.returncode == built.returncode == 2
    assert message in checked.stderr and message in built.stderr


def test_a_device_or_folder_as_template_is_named_for_what_it_is(tmp_path: Path) -> None:
    device = run("--template", "/dev/zero", "-o", str(tmp_path), str(MINIMAL))
    folder = run("--template", str(tmp_path), "-o", str(tmp_path), str(MINIMAL))
    assert device.returncode == folder.returncode == 2
    assert "/dev/zero: is not a regular file (a pipe or a device)" in device.stderr
    assert f"{tmp_path}: is a folder" in folder.stderr
