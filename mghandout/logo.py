"""The clinic's logo, checked the same way for the handout and the deck.

A missing, unreadable or truncated logo file, or one of more pixels than a picture may
have (`pictures.MAX_PIXELS`), is an input error that names the file (exit status 2),
found before anything is drawn, never a crash inside a writer. A logo larger than
print needs is embedded made smaller (`pictures.open_picture`).
"""

from __future__ import annotations

from pathlib import Path

from mghandout.model import Brand
from mghandout.pictures import Picture, PictureError, open_picture

LOGO_PIXELS = 1200
"""The logo's longest side kept: it prints at most 2 inches wide, so 600 dots per inch."""
Logo = Picture
LogoError = PictureError


def logo_path(brand: Brand, brand_dir: Path | None) -> Path | None:
    """Where the brand's logo file is, relative to the brand file; None for a brand without one."""
    return None if brand.logo is None else (brand_dir or Path.cwd()) / brand.logo


def clinic_logo(brand: Brand | None, brand_dir: Path | None) -> Logo | None:
    """The brand's logo, checked and at most `LOGO_PIXELS` on its longest side; None when there is no brand or logo."""
    path = None if brand is None else logo_path(brand, brand_dir)
    if path is None:
        return None
    return open_picture(path, what="the clinic's logo", hint="fix `logo:` in the brand file, or remove it",
                        longest=LOGO_PIXELS)
