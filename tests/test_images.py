"""A figure's picture checked where the source names it (issue 26): missing, unreadable, of another kind,
outside the source's folder, too coarse to print, too large to unpack; and sized for print the same way
the handout prints it."""

from __future__ import annotations

from pathlib import Path

import pytest
from figure_source import IMAGE_COLUMN, IMAGE_LINE, ONE_FIGURE, drawing, one_figure
from PIL import Image
from readback import run

from mghandout.errors import SourceError
from mghandout.images import (
    MOST_PIXELS,
    PRINT_DPI,
    ImageFile,
    figures,
    print_room,
    print_scale,
    read_picture,
)
from mghandout.source import read_article


def _problem(source: Path) -> str:
    with pytest.raises(SourceError) as raised:
        read_article(source)
    (problem,) = raised.value.problems
    return str(problem)


def test_a_missing_picture_is_an_error_at_its_image_line(tmp_path: Path) -> None:
    source = one_figure(tmp_path, size=None)
    assert _problem(source) == (f"{source}:{IMAGE_LINE}:{IMAGE_COLUMN}: error: the picture file does not exist; "
                                "check `image:`: the path is relative to the source file")


def test_a_missing_picture_fails_the_check_and_the_build_with_status_2(tmp_path: Path) -> None:
    source = one_figure(tmp_path, size=None)
    for args in (("--check",), ("-o", str(tmp_path / "out"))):
        result = run(str(source), *args)
        assert result.returncode == 2, result.stderr
        assert f"topic.yaml:{IMAGE_LINE}:{IMAGE_COLUMN}: error: the picture file does not exist" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_path_that_leaves_the_sources_folder_is_refused(tmp_path: Path) -> None:
    drawing(tmp_path / "outside.png", (1200, 900))
    source = one_figure(tmp_path / "source", image="../outside.png", size=None)
    assert ": error: the picture's path leaves the source's folder" in _problem(source)


def test_a_file_that_is_no_picture_is_an_error(tmp_path: Path) -> None:
    source = one_figure(tmp_path, size=None)
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "drawing.png").write_text("not a picture")
    assert ": error: the picture is not a readable PNG, JPEG or SVG file" in _problem(source)


def test_a_picture_of_another_kind_is_an_error(tmp_path: Path) -> None:
    drawing(tmp_path / "images" / "drawing.gif", (1200, 900), "GIF")
    source = one_figure(tmp_path, image="images/drawing.gif", size=None)
    assert ": error: the picture is a GIF file, which the handout and the deck cannot both show" in _problem(source)


def test_a_broken_svg_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "drawing.svg").write_text("<svg><rect")
    source = one_figure(tmp_path, image="images/drawing.svg", size=None)
    assert ": error: the picture is not a readable SVG drawing" in _problem(source)


def test_a_decompression_bomb_is_refused_unread(tmp_path: Path) -> None:
    """A one-bit picture of 64 million pixels is a small file that unpacks to far more than a handout needs."""
    (tmp_path / "images").mkdir()
    Image.new("1", (8000, 8000)).save(tmp_path / "images" / "drawing.png")
    source = one_figure(tmp_path, size=None)
    assert f": error: the picture unpacks to over {MOST_PIXELS:,} pixels" in _problem(source)


def test_a_coarse_picture_warns_with_its_pixels_and_the_pixels_it_needs(tmp_path: Path) -> None:
    source = one_figure(tmp_path, size=(400, 300))
    _, warnings = read_article(source)
    (warning,) = warnings
    assert (warning.line, warning.column, warning.severity) == (IMAGE_LINE, IMAGE_COLUMN, "warning")
    assert str(warning).endswith(
        "warning: the picture is 400 × 300 pixels, so it prints at 114 dpi at 3.5 × 2.6 in and will look coarse; "
        "use a picture of at least 525 × 394 pixels (150 dpi at that size)"
    )


def test_a_coarse_picture_still_builds(tmp_path: Path) -> None:
    source = one_figure(tmp_path, size=(400, 300))
    result = run(str(source), "-o", str(tmp_path / "out"), "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert "will look coarse" in result.stderr
    assert (tmp_path / "out" / "topic.pdf").is_file()


def test_a_picture_with_pixels_enough_does_not_warn(tmp_path: Path) -> None:
    _, warnings = read_article(one_figure(tmp_path, size=(1200, 900)))
    assert warnings == []


def test_the_loader_resolves_each_image_from_the_sources_folder(tmp_path: Path) -> None:
    article, _ = read_article(one_figure(tmp_path))
    (figure,) = figures(article)
    assert figure.image == str((tmp_path / "images" / "drawing.png").resolve())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("          alt: A drawing for the test.\n", "error: a figure needs alt text; add `alt:`"),
        ("          alt: A drawing for the test.\n",
         "error: a decorative figure has no alt text; remove `alt:`, or remove `decorative: true`"),
        ("", "error: 'decorative' should be one of true, false, not 'yes'"),
    ],
    ids=["no alt", "alt and decorative", "decorative yes"],
)
def test_alt_text_is_required_unless_decorative(tmp_path: Path, change: str, message: str) -> None:
    text = ONE_FIGURE.format(image="images/drawing.png")
    if "decorative figure" in message:
        text = text.replace(change, change + "          decorative: true\n")
    elif "'yes'" in message:
        text = text.replace("          alt: A drawing for the test.\n", "          decorative: yes\n")
    else:
        text = text.replace(change, "")
    drawing(tmp_path / "images" / "drawing.png", (1200, 900))
    source = tmp_path / "topic.yaml"
    source.write_text(text, encoding="utf-8")
    assert message in _problem(source)


def test_print_scale_keeps_150_dpi_within_the_column_and_never_under_half_its_room() -> None:
    room = print_room("letter", 0.5)
    assert room == (540.0, 540.0 * 0.7)
    sharp = 72 / PRINT_DPI
    assert print_scale(ImageFile(Path("a.png"), "PNG", 600, 400), *room) == pytest.approx(sharp)  # 4 x 2.7 in
    assert print_scale(ImageFile(Path("a.png"), "PNG", 6000, 4000), *room) == pytest.approx(540 / 6000)  # the column
    assert print_scale(ImageFile(Path("a.png"), "PNG", 200, 100), *room) == pytest.approx(0.5 * 540 / 200)  # coarse
    assert print_scale(ImageFile(Path("a.svg"), "SVG", 300, 225), *room) == pytest.approx(1.0)  # its own size


def test_a_picture_is_read_once_per_version_of_its_file(tmp_path: Path) -> None:
    path = drawing(tmp_path / "a.png", (300, 200))
    first = read_picture(path)
    assert read_picture(path) is first
    drawing(path, (600, 400))
    assert (read_picture(path).width, read_picture(path).height) == (600, 400)


ERRORS_DOC = (Path(__file__).resolve().parents[1] / "docs" / "errors.md").read_text(encoding="utf-8")


def test_every_picture_message_is_shown_in_docs_errors_md(tmp_path: Path) -> None:
    """The coarse warning and the errors, word for word as docs/errors.md shows them."""
    cases = {
        "missing": one_figure(tmp_path / "missing", size=None),
        "coarse": one_figure(tmp_path / "coarse", size=(400, 300)),
    }
    drawing(tmp_path / "gif" / "images" / "drawing.gif", (1200, 900), "GIF")
    cases["gif"] = one_figure(tmp_path / "gif", image="images/drawing.gif", size=None)
    (tmp_path / "text" / "images").mkdir(parents=True)
    (tmp_path / "text" / "images" / "drawing.png").write_text("not a picture")
    cases["text"] = one_figure(tmp_path / "text", size=None)
    drawing(tmp_path / "outside.png", (1200, 900))
    cases["outside"] = one_figure(tmp_path / "outside", image="../outside.png", size=None)
    for name, source in cases.items():
        try:
            _, problems = read_article(source)
        except SourceError as error:
            problems = error.problems
        for problem in problems:
            severity = f"{problem.severity}: "
            shown = severity + str(problem).split(": " + severity, 1)[1]
            assert f"{shown}`" in ERRORS_DOC, f"{name}: {shown}"
