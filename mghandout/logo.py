"""The clinic's logo, checked the same way for the handout and the deck.

A missing, unreadable or truncated logo file is an input error that names the file
(exit status 2), found before anything is drawn, never a crash inside a writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mghandout.errors import InputError
from mghandout.model import Brand

FORMATS = ("PNG", "JPEG")


class LogoError(InputError):
    """The clinic's logo cannot be placed."""


@dataclass(frozen=True)
class Logo:
    """A logo that both writers can place: its file and its size in pixels."""

    path: Path
    width: int
    height: int


def clinic_logo(brand: Brand | None, brand_dir: Path | None) -> Logo | None:
    """The brand's logo, checked; None when there is no brand or no logo."""
    if brand is None or brand.logo is None:
        return None
    from PIL import Image, UnidentifiedImageError

    path = (brand_dir or Path.cwd()) / brand.logo
    if not path.is_file():
        raise LogoError(
            str(path), "the clinic's logo file does not exist", "fix `logo:` in the brand file, or remove it"
        )
    try:
        with Image.open(path) as image:
            image.load()
            kind, (width, height) = image.format, image.size
    except (OSError, UnidentifiedImageError, ValueError):
        kind, width, height = None, 0, 0
    if kind not in FORMATS or not width or not height:
        raise LogoError(
            str(path), "the clinic's logo is not a readable PNG or JPEG image", "export the logo again as PNG or JPEG"
        )
    return Logo(path, width, height)
