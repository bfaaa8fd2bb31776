"""Articles with figures, written into a test's folder with pictures drawn there (Pillow), for the figure tests."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from topics import FIXTURES

FIGURES = FIXTURES / "figures.yaml"
"""The fixture with a PNG, a JPEG, an SVG and a decorative picture (tests/fixtures/images, drawn for the tests)."""

ONE_FIGURE = """\
title: A topic with one picture
short_title: One picture
date: 2026-01-02
summary: One summary sentence.
introduction:
  - One introduction sentence.
key_points:
  - title: Point
    text: One key point.
sections:
  - title: Section one
    blocks:
      - paragraph: One paragraph.
      - figure:
          image: {image}
          alt: A drawing for the test.
          caption: The caption of the drawing.
conclusion:
  title: Conclusion
  paragraphs: [One closing sentence.]
disclaimer:
  text: This is not medical advice.
"""
IMAGE_LINE, IMAGE_COLUMN = 15, 18
"""Where ONE_FIGURE's `image:` value starts."""


def drawing(path: Path, size: tuple[int, int], kind: str = "PNG") -> Path:
    """A simple drawing of `size` pixels: a frame and a disc, saved as `kind`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((2, 2, width - 3, height - 3), outline=(11, 90, 107), width=max(1, width // 100))
    draw.ellipse((width // 4, height // 4, 3 * width // 4, 3 * height // 4), fill=(11, 90, 107))
    image.save(path, format=kind)
    return path


def one_figure(folder: Path, image: str = "images/drawing.png", size: tuple[int, int] | None = (1200, 900)) -> Path:
    """A source in `folder` placing `image`; drawn at `size` pixels unless None (then the picture is missing)."""
    if size is not None:
        drawing(folder / image, size)
    source = folder / "topic.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    source.write_text(ONE_FIGURE.format(image=image), encoding="utf-8")
    return source
