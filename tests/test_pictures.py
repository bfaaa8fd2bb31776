"""Pictures opened under a pixel budget: bombs refused by name and size, large pictures embedded smaller."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from hostile import png, run_measured
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader
from topics import FIXTURES

from mghandout.errors import InputError
from mghandout.pictures import MAX_BYTES, PictureError, open_picture, reduced

MINIMAL = FIXTURES / "minimal.yaml"
PEAK_MB = 600


def _open(path: Path, longest: int = 2400):
    return open_picture(path, what="the figure", hint="fix `image:`", longest=longest)


def test_a_bomb_is_refused_naming_the_file_and_its_size_before_it_is_decoded(tmp_path: Path) -> None:
    bomb = png(tmp_path / "bomb.png", 30000, 30000, bits=1)
    assert bomb.stat().st_size < 200_000
    with pytest.raises(PictureError) as caught:
        _open(bomb)
    assert isinstance(caught.value, InputError)  # exit status 2
    assert caught.value.file == str(bomb)
    assert "30,000 x 30,000 pixels (900 megapixels)" in caught.value.message
    assert "export it smaller" in caught.value.hint


def test_a_colour_picture_past_the_budget_is_refused(tmp_path: Path) -> None:
    side = int((MAX_BYTES / 4) ** 0.5) + 100
    with pytest.raises(PictureError, match="megapixels"):
        _open(png(tmp_path / "wide.png", side, side, colour=True))


def test_a_large_picture_is_embedded_smaller_in_its_proportions(tmp_path: Path) -> None:
    picture = _open(png(tmp_path / "big.png", 6000, 3000), longest=1200)
    assert (picture.width, picture.height, picture.format) == (1200, 600, "PNG")
    with Image.open(io.BytesIO(picture.data)) as image:
        assert image.size == (1200, 600)
        assert image.getpixel((0, 0)) == 0x40 and image.getpixel((0, 70)) == 0xFF, "the band survives the reduction"


def test_a_large_jpeg_is_decoded_at_a_smaller_scale_and_stays_a_jpeg(tmp_path: Path) -> None:
    Image.new("RGB", (4000, 3000), (200, 30, 30)).save(tmp_path / "photo.jpg", quality=80)
    picture = _open(tmp_path / "photo.jpg", longest=500)
    assert picture.format == "JPEG" and max(picture.width, picture.height) <= 500
    with Image.open(io.BytesIO(picture.data)) as image:
        assert image.format == "JPEG" and image.size == (picture.width, picture.height)


def test_a_small_picture_is_embedded_as_it_is(tmp_path: Path) -> None:
    Image.new("RGB", (300, 120), (11, 90, 107)).save(tmp_path / "logo.png")
    picture = _open(tmp_path / "logo.png")
    assert picture.data == (tmp_path / "logo.png").read_bytes() and (picture.width, picture.height) == (300, 120)


def test_a_palette_picture_with_transparency_is_reduced_in_colour_keeping_it() -> None:
    image = Image.new("P", (40, 20), 0)
    image.putpalette([255, 255, 255, 200, 0, 0])
    image.paste(1, (0, 0, 20, 20))
    image.info["transparency"] = 0
    small = reduced(image, 4)
    assert small.mode == "RGBA" and small.size == (10, 5)
    assert small.getpixel((0, 0)) == (200, 0, 0, 255) and small.getpixel((9, 0))[3] == 0


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n truncated", b"<svg xmlns='http://www.w3.org/2000/svg'/>"])
def test_what_is_not_a_png_or_jpeg_is_refused(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "x.png").write_bytes(content)
    with pytest.raises(PictureError, match="not a readable PNG or JPEG"):
        _open(tmp_path / "x.png")


def test_a_folder_is_named_as_a_folder(tmp_path: Path) -> None:
    (tmp_path / "logo.png").mkdir()
    with pytest.raises(PictureError, match="is a folder"):
        _open(tmp_path / "logo.png")


def _brand(folder: Path, logo: str) -> Path:
    shutil.copy(FIXTURES / "brand.yaml", folder / "brand.yaml")
    text = (folder / "brand.yaml").read_text(encoding="utf-8").replace("riverside-logo.png", logo)
    (folder / "brand.yaml").write_text(text, encoding="utf-8")
    return folder / "brand.yaml"


def test_a_bomb_logo_is_a_located_exit_2_error_in_bounded_memory(tmp_path: Path) -> None:
    png(tmp_path / "bomb.png", 30000, 30000, bits=1)
    result, peak = run_measured([str(MINIMAL), "--brand", str(_brand(tmp_path, "bomb.png")), "-o", str(tmp_path / "o")])
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"{tmp_path / 'bomb.png'}: error: the clinic's logo is 30,000 x 30,000 pixels")
    assert "Traceback" not in result.stderr and "Warning" not in result.stderr
    assert peak < PEAK_MB
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_a_large_logo_builds_in_bounded_memory_and_is_embedded_smaller(tmp_path: Path) -> None:
    png(tmp_path / "big.png", 12000, 12000)
    out = tmp_path / "o"
    result, peak = run_measured([str(MINIMAL), "--brand", str(_brand(tmp_path, "big.png")), "-o", str(out)])
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr, "no raw Pillow warning"
    assert peak < PEAK_MB
    deck = Presentation(str(out / "minimal.pptx"))
    pictures = [shape for shape in deck.slides[0].shapes if shape.shape_type == 13]
    assert pictures and max(pictures[0].image.size) <= 1200
    images = [image for page in PdfReader(out / "minimal.pdf").pages for image in page.images]
    assert images and max(images[0].image.size) <= 1200


def test_a_template_picture_past_the_budget_has_no_colours_rather_than_a_crash(tmp_path: Path) -> None:
    from mghandout.pictures import thumbnail

    assert thumbnail(png(tmp_path / "bomb.png", 30000, 30000, bits=1).read_bytes(), 200) is None
    assert thumbnail(b"not a picture", 200) is None
    small = thumbnail(png(tmp_path / "big.png", 3000, 1000).read_bytes(), 200)
    assert small is not None and small.mode == "RGB" and small.size == (200, 67)
