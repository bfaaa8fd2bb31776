"""The clinic's logo, checked the same way for the handout and the deck.

A missing, unreadable or truncated logo file, a web address, or one of more pixels than a picture
may take (`pictures.MAX_BYTES`), is an input error that names the file (exit status 2),
found before anything is drawn, never a crash inside a writer. A logo larger than
print needs is embedded made smaller (`pictures.open_picture`).
"""

from __future__ import annotations

import re
from pathlib import Path

from mghandout.model import Brand
from mghandout.pictures import Picture, PictureError, open_picture

LOGO_PIXELS = 1200
"""The logo's longest side kept: it prints at most 2 inches wide, so 600 dots per inch."""
Logo = Picture
LogoError = PictureError


def clinic_logo(brand: Brand | None, brand_dir: Path | None) -> Logo | None:
    """The brand's logo, checked and at most `LOGO_PIXELS` on its longest side; None when there is no brand or logo."""
    if brand is None or brand.logo is None:
        return None
    if re.match(r"[a-z][a-z0-9+.-]*://", brand.logo, re.IGNORECASE):  # read as a file under the brand folder, missing
        raise LogoError(brand.logo, "the clinic's logo is a web address, and it is read from a file",
                        "download the picture next to the brand file and write its file name in `logo:`")
    return open_picture((brand_dir or Path.cwd()) / brand.logo, what="the clinic's logo",
                        hint="fix `logo:` in the brand file, or remove it", longest=LOGO_PIXELS)
