"""The sha256 of every fixture's deck on every template the tests use: run it before and after a change
to the deck writer that must not change a byte, and compare the two outputs.

    .venv/bin/python bench/deck_bytes.py > /tmp/before.txt   # ... change ...
    .venv/bin/python bench/deck_bytes.py | diff /tmp/before.txt -

The templates are made as `tests/test_templates.py` makes them (LibreOffice's converted by
LibreOffice, pandoc's printed by pandoc, the rest by python-pptx) into `--templates` once and
reused; every deck is dated SOURCE_DATE_EPOCH=1700000000. The magnesium article is also built
with the test brand and its drawn logo, so the title slide's clinic and picture are covered.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import test_templates as made  # noqa: E402

from mghandout.deck import render_pptx  # noqa: E402
from mghandout.source import load_article, load_brand  # noqa: E402

WHEN = dt.datetime.fromtimestamp(1700000000, dt.timezone.utc)
SOURCES = [ROOT / "source" / "magnesium-muscle-contractions.yaml",
           *sorted(p for p in (ROOT / "tests" / "fixtures").glob("*.yaml") if p.stem != "brand")]


def templates(folder: Path) -> dict[str, Path]:
    """Every template of tests/test_templates.py, made into `folder` unless it is there already."""
    folder.mkdir(parents=True, exist_ok=True)
    found = {name: folder / f"{name}.pptx" for name in (*made.IMPRESS, made.FOOT_ART)}
    if not all(path.is_file() for path in found.values()):
        made.soffice("--convert-to", "pptx", "--outdir", str(folder),
                     *(str(made.LIBREOFFICE / f"{n}.otp") for n in (*made.IMPRESS, made.FOOT_ART)), cwd=folder)
    pandoc = folder / "pandoc.pptx"
    if not pandoc.is_file():
        subprocess.run(["pandoc", "-o", str(pandoc), "--print-default-data-file", "reference.pptx"], check=True)
    found["pandoc"] = pandoc
    ours = {"custom-show": made.custom_show, "sections": made.sections,
            "untitled-title-slide": made.untitled_title_slide,
            "four-by-three": lambda p: made.sized(p, 10, 7.5), "ten-inch-wide": lambda p: made.sized(p, 10, 5.625)}
    for name, make in ours.items():
        found[name] = folder / f"{name}.pptx"
        if not found[name].is_file():
            make(found[name])
    return found


def brand_folder(folder: Path) -> Path:
    """The test brand and its logo, drawn as tests/conftest.py draws it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "tests" / "fixtures" / "brand.yaml", folder / "brand.yaml")
    image = Image.new("RGB", (120, 60), "#0B5A6B")
    image.paste((255, 255, 255), (10, 10, 60, 50))
    image.save(folder / "riverside-logo.png", format="PNG")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--templates", type=Path, default=Path("/tmp/deck-bytes-templates"))
    args = parser.parse_args()
    choices: dict[str, Path | None] = {"default": None, **templates(args.templates)}
    articles = {source.stem: load_article(source) for source in SOURCES}
    for name, template in choices.items():
        for stem, article in articles.items():
            data, _ = render_pptx(article, template=template, when=WHEN)
            print(f"{hashlib.sha256(data).hexdigest()}  {stem} on {name}")
    branded = brand_folder(args.templates / "brand")
    brand = load_brand(branded / "brand.yaml")
    data, _ = render_pptx(articles[SOURCES[0].stem], brand=brand, brand_dir=branded, when=WHEN)
    print(f"{hashlib.sha256(data).hexdigest()}  {SOURCES[0].stem} with the brand")


if __name__ == "__main__":
    main()
