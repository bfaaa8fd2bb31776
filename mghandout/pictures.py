"""Pictures from the user's files (the clinic's logo, a figure) opened under a pixel budget.

A PNG of 100 KB can declare 30,000 x 30,000 pixels, 3.6 GB once decoded: a file's size
says nothing of the memory its picture takes. So a picture's size is read from its
header first, and one that would decode to more than `MAX_PIXELS` is refused, naming
the file and its size, before a byte of it is decoded. A JPEG is decoded at the
smallest of JPEG's built-in scales (1/2, 1/4, 1/8) that still gives the print size, so
a 50-megapixel camera photo never exists whole in memory. A picture larger than print
needs is made smaller strip by strip, so no second full-size copy is made either; the
writers embed that smaller copy, not the file.
"""

from __future__ import annotations

import contextlib
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mghandout.errors import InputError

if TYPE_CHECKING:
    from PIL import Image as PilImage

FORMATS = ("PNG", "JPEG")
MAX_BYTES = 160_000_000
"""The most memory a picture may take once decoded: 40 megapixels in colour (8,000 x 5,000, more than any print
needs), 160 in grey or a palette (Pillow keeps a colour pixel in 4 bytes, a grey or palette one in 1)."""
PRINT_PIXELS = 2400
"""The longest side a picture is kept at: 8 inches at 300 dots per inch, a full page's width; larger is made smaller."""
STRIP_BYTES = 16_000_000
"""About how much of a picture is converted and reduced at once when it is made smaller."""


class PictureError(InputError):
    """A picture cannot be placed: missing, not an image we print, or too many pixels."""


@dataclass(frozen=True)
class Picture:
    """A picture both writers can place: the bytes to embed (PNG or JPEG), their size in pixels and their format."""

    path: Path
    data: bytes
    width: int
    height: int
    format: str


def open_picture(path: Path, *, what: str, hint: str, longest: int = PRINT_PIXELS) -> Picture:
    """The picture in `path`, checked and at most `longest` pixels on its longest side.

    `what` names it in errors ("the clinic's logo"), `hint` says where to fix its name
    when the file is missing. Raises PictureError (exit status 2) naming the file.
    """
    from PIL import UnidentifiedImageError

    Image = _pillow()
    if not path.is_file():
        missing = "is a folder, not a picture" if path.is_dir() else "file does not exist"
        raise PictureError(str(path), f"{what} {missing}", hint)
    unreadable = PictureError(str(path), f"{what} is not a readable PNG or JPEG image",
                              "export it again as PNG or JPEG")
    try:
        with _header_only(Image), Image.open(path) as image:
            if image.format not in FORMATS or not image.width or not image.height:
                raise unreadable
            declared = image.size
            if image.format == "JPEG":
                image.draft(image.mode, _draft_size(image.size, longest))
            _within_budget(path, what, image, declared)
            image.load()
            if max(declared) <= longest:
                return Picture(path, path.read_bytes(), image.width, image.height, image.format)
            small = reduced(image, math.ceil(max(image.size) / longest))  # 1 when the JPEG decoder made it small
            return Picture(path, _encoded(small, image.format), small.width, small.height, image.format)
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError, EOFError) as error:
        if isinstance(error, PictureError):
            raise
        raise unreadable from None


def _pillow() -> Any:
    """Pillow's `Image` module itself: a build's stand-in for it (`deferred.py`) would keep the settings made here."""
    import importlib

    from PIL import Image

    Image.open  # noqa: B018  (reading an attribute makes the stand-in import the module)
    return importlib.import_module("PIL.Image")


@contextlib.contextmanager
def _header_only(image_module: Any) -> Iterator[None]:
    """Pillow's own bomb check off while a header is read: `_within_budget` is stricter, and names the size."""
    import warnings

    saved, image_module.MAX_IMAGE_PIXELS = image_module.MAX_IMAGE_PIXELS, None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", image_module.DecompressionBombWarning)
            yield
    finally:
        image_module.MAX_IMAGE_PIXELS = saved


def _draft_size(size: tuple[int, int], longest: int) -> tuple[int, int]:
    """The size to ask JPEG's decoder for: the print size, in the picture's proportions (it picks a scale at least as
    large)."""
    scale = min(1.0, longest / max(size))
    return max(1, int(size[0] * scale)), max(1, int(size[1] * scale))


def thumbnail(data: bytes, longest: int) -> PilImage.Image | None:
    """A picture's bytes (a template's art) as an RGB image at most `longest` pixels a side; None when Pillow cannot
    read it or it would take more than `MAX_BYTES` to decode (its colours are then unknown, not a crash)."""
    from PIL import UnidentifiedImageError

    Image = _pillow()
    try:
        with _header_only(Image), Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (4 * longest, 4 * longest))  # a picture up to 4 times `longest` is opened as it is
            if _decoded_bytes(image) > MAX_BYTES:
                return None
            image.load()
            small = reduced(image, max(1, max(image.size) // (4 * longest))).convert("RGB")
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError, EOFError):
        return None
    small.thumbnail((longest, longest))
    return small


def _decoded_bytes(image: PilImage.Image) -> int:
    return image.width * image.height * _bytes_per_pixel(image.mode)


def _within_budget(path: Path, what: str, image: PilImage.Image, declared: tuple[int, int]) -> None:
    decoded = _decoded_bytes(image)
    if decoded <= MAX_BYTES:
        return
    wide, high = declared
    raise PictureError(
        str(path),
        f"{what} is {wide:,} x {high:,} pixels ({wide * high / 1e6:,.0f} megapixels), which would take "
        f"{decoded / 1e9:,.1f} GB of memory to open; a picture may take at most {MAX_BYTES / 1e6:.0f} MB "
        f"({MAX_BYTES / 4e6:.0f} megapixels in colour)",
        f"export it smaller: {PRINT_PIXELS:,} pixels on its longest side prints sharp on a full page",
    )


def _bytes_per_pixel(mode: str) -> int:
    """What Pillow keeps a pixel of `mode` in: one byte for bilevel, grey and palette, two for 16-bit grey, else 4."""
    return 1 if mode in ("1", "L", "P") else 2 if mode.startswith("I;16") else 4


def reduced(image: PilImage.Image, factor: int) -> PilImage.Image:
    """`image` made `factor` times smaller, averaging each factor x factor block, a strip of rows at a time.

    Converting a palette or 16-bit picture to the mode Pillow reduces in would make a
    second full-size copy (four times the first for a palette); a strip at a time, it
    makes only a strip's worth.
    """
    mode = _working_mode(image)
    if factor == 1 and image.mode == mode:
        return image
    rows = max(factor, STRIP_BYTES // (4 * image.width) // factor * factor)
    from PIL import Image

    small = Image.new(mode, (math.ceil(image.width / factor), math.ceil(image.height / factor)))
    for top in range(0, image.height, rows):
        strip = image.crop((0, top, image.width, min(image.height, top + rows)))
        small.paste(strip.convert(mode).reduce(factor), (0, top // factor))
    return small


def _working_mode(image: PilImage.Image) -> str:
    """The mode a picture is reduced in: its own when Pillow reduces it, else the nearest one that keeps its colours
    and transparency."""
    if image.mode in ("L", "LA", "RGB", "RGBA"):
        return image.mode
    if image.mode in ("1", "I;16", "I;16B", "I"):
        return "L"
    transparent = image.mode in ("PA", "La") or "transparency" in image.info
    return "RGBA" if transparent else "RGB"


def _encoded(image: PilImage.Image, fmt: str) -> bytes:
    """A reduced picture as the bytes to embed: PNG for a PNG (it keeps sharp edges and transparency), else JPEG."""
    buffer = io.BytesIO()
    if fmt == "JPEG" and image.mode in ("RGB", "L"):
        image.save(buffer, format="JPEG", quality=90)
    else:
        image.save(buffer, format="PNG")
    return buffer.getvalue()
