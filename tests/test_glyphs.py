"""Every character of a source is drawn by an embedded font, or refused where it is written, naming it."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import page
import pdfplumber
import pytest

from mghandout.cli import main
from mghandout.errors import Problem, SourceError
from mghandout.glyphs import MAX_REPORTED, SAFE, describe
from mghandout.handout import render_pdf
from mghandout.handout.fonts import missing
from mghandout.source import load_article

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
ERRORS_DOC = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
SYMBOLS = "✓ ✗ → ← ≥ ≤ ± × ° µ ½ ★ ⇒ ■ ● ⚠"
"""Symbols a patient handout uses that printed as blanks before Inter was added."""


def _source(tmp_path: Path, paragraph: str) -> Path:
    path = tmp_path / "topic.yaml"
    path.write_text(MINIMAL.replace("One paragraph.", paragraph), encoding="utf-8")
    return path


def _errors(path: Path) -> list[Problem]:
    with pytest.raises(SourceError) as caught:
        load_article(path)
    return caught.value.problems


def test_the_fast_path_never_claims_a_character_no_font_draws() -> None:
    """SAFE answers --check without loading the fonts, so each of its code points must really be drawn."""
    assert missing("".join(map(chr, SAFE))) == set()


def test_symbols_are_drawn_by_an_embedded_font(tmp_path: Path) -> None:
    article = load_article(_source(tmp_path, f'"Signs: {SYMBOLS}."'))
    data, _ = render_pdf(article, when=dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [char for page in pdf.pages for char in page.chars]
    drawn = {char["text"]: char["fontname"] for char in chars}
    for symbol in SYMBOLS.split():
        assert symbol in drawn, f"{describe(symbol)} is not in the PDF"
    assert drawn["✓"].endswith("Inter-Regular") and drawn["✗"].endswith("Inter-Regular")
    assert drawn["S"].endswith("AtkinsonHyperlegible-Regular"), "the words around a symbol keep the text font"
    pdf_path = tmp_path / "topic.pdf"
    pdf_path.write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    inter = [line for line in fonts.splitlines() if "Inter-Regular" in line]
    assert inter and inter[0].split()[-5] == "yes", fonts  # the emb column
    assert page.validate_pdf_bytes(data, profile="ua1").is_compliant, "the symbols font keeps the PDF/UA-1 font rules"


def test_an_emoji_is_a_located_error_naming_it(tmp_path: Path) -> None:
    [problem] = _errors(_source(tmp_path, "Eat well 😀 every day."))
    assert (problem.line, problem.column) == (13, 29)
    assert "U+1F600 GRINNING FACE cannot be printed" in problem.message
    assert f"error: {str(problem).split(': error: ', 1)[1]}`" in ERRORS_DOC.replace(str(tmp_path) + "/", "")


def test_the_check_command_refuses_it_and_the_build_writes_nothing(tmp_path: Path) -> None:
    path = _source(tmp_path, "Eat well 😀 every day.")
    for arguments in ([str(path), "--check"], [str(path), "-o", str(tmp_path / "out")]):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            assert main(arguments) == 2
        assert err.getvalue().startswith(f"{path}:13:29: error: U+1F600 GRINNING FACE")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_character_written_as_an_escape_is_located_at_its_text(tmp_path: Path) -> None:
    [problem] = _errors(_source(tmp_path, '"Eat well \\U0001F600 every day."'))
    assert (problem.line, problem.column) == (13, 20)
    assert "U+1F600" in problem.message


def test_each_character_is_reported_once_with_a_count(tmp_path: Path) -> None:
    path = tmp_path / "topic.yaml"
    path.write_text(MINIMAL.replace("One paragraph.", "A 😀.").replace("One key point.", "B 😀."), encoding="utf-8")
    [problem] = _errors(path)
    assert problem.line == 9 and "(also in 1 more text)" in problem.message


def test_a_source_in_a_script_we_cannot_draw_gets_a_bounded_report(tmp_path: Path) -> None:
    thai = "ภาวะขาดแมกนีเซียมทำให้กล้ามเนื้อเป็นตะคริวได้ไหม"
    text = MINIMAL.replace("One paragraph.", thai).replace("title: A", "language: th\ntitle: A")
    problems = _errors(_write(tmp_path, text))
    glyphs = [p for p in problems if "cannot be printed" in p.message]
    assert len(glyphs) == MAX_REPORTED
    assert "more such characters" in glyphs[-1].hint
    assert any("script, which the bundled fonts cannot draw" in p.message for p in problems if p not in glyphs)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topic.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_check_does_not_load_the_fonts_for_ordinary_text() -> None:
    """The fast path: the bundled source (accents, curly quotes, dashes) is checked without reportlab."""
    code = (
        "import sys; from pathlib import Path; from mghandout.source import load_article; "
        "load_article(Path('source/magnesium-muscle-contractions.yaml')); "
        "print('reportlab' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


def test_describe_names_the_character() -> None:
    assert describe("✓") == "U+2713 CHECK MARK"
    assert describe("\U000e0001") == "U+E0001 LANGUAGE TAG"
