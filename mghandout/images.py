"""A figure's picture file: read once, checked where the source names it, sized for print.

A picture is the one part of an article that lives outside its YAML, so the loader
checks it here, at the `image:` line: the path stays inside the source's folder
tree, the file is a PNG, JPEG or SVG that opens whole (Pillow's decompression-bomb
guard on), and it has pixels enough for print. The writers read the same `ImageFile`
and place it by the same rule (`print_scale`), so what the check warns about is what
prints.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from mghandout.errors import Problem
from mghandout.model import Article, Figure, FigureData

if TYPE_CHECKING:
    import yaml

RASTER = ("PNG", "JPEG")
PRINT_DPI = 150
"""Pixels per inch a picture needs on paper; fewer look soft or jagged."""
MOST_PIXELS = 40_000_000
"""Pillow refuses a picture past this (a 7,000-pixel-square photo is a quarter of it): a file that unpacks to more
is a mistake or a decompression bomb."""
SMALLEST = 0.5
"""A picture prints at least at this share of the largest size it could take: smaller, a drawing's labels are lost."""
TALLEST = 0.7
"""A picture is at most this share of the column's width tall (about half a page's text area on Letter or A4),
leaving room for its caption and the text around it."""
PAPER_INCHES = {"letter": (8.5, 11.0), "a4": (210 / 25.4, 297 / 25.4)}


@dataclass(frozen=True)
class ImageFile:
    """A picture both writers can place: its file, its kind, and its size (pixels, or points for an SVG)."""

    path: Path
    kind: str
    width: float
    height: float

    @property
    def vector(self) -> bool:
        return self.kind == "SVG"

    @property
    def natural(self) -> float:
        """Points a unit of its size takes at its own size: an SVG's points are points, a raster's pixels at 150 dpi."""
        return 1.0 if self.vector else 72 / PRINT_DPI


class PictureError(ValueError):
    """A picture that cannot be placed: what is wrong and how to fix it."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


def print_scale(picture: ImageFile, room_width: float, room_height: float) -> float:
    """Points per unit of the picture's size: as large as 150 dpi allows, within the room, never under half of it."""
    fit = min(room_width / picture.width, room_height / picture.height)
    return min(fit, max(picture.natural, SMALLEST * fit))


def print_room(paper: str, margin_inch: float) -> tuple[float, float]:
    """The largest picture a handout page takes, in points: the text column's width, and `TALLEST` of it in height."""
    width = (PAPER_INCHES[paper][0] - 2 * margin_inch) * 72
    return width, width * TALLEST


def read_picture(path: Path) -> ImageFile:
    """The picture at `path`, opened whole; PictureError when it is missing, unreadable or of another kind."""
    if not path.is_file():
        raise PictureError("the picture file does not exist", "check `image:`: the path is relative to the source file")
    status = path.stat()
    return _read(path, status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=64)
def _read(path: Path, mtime_ns: int, size: int) -> ImageFile:
    """Read once per version of the file: the check, the handout and the deck each need it."""
    if path.suffix.lower() == ".svg":
        return _read_svg(path)
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            Image.MAX_IMAGE_PIXELS = MOST_PIXELS
            with Image.open(path) as image:
                kind, (width, height) = image.format, image.size
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PictureError(f"the picture unpacks to over {MOST_PIXELS:,} pixels",
                           "save it smaller: 3,000 pixels across is plenty for a handout") from None
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError):
        raise PictureError("the picture is not a readable PNG, JPEG or SVG file",
                           "export it again as PNG, JPEG or SVG") from None
    if kind not in RASTER:
        raise PictureError(f"the picture is a {kind} file, which the handout and the deck cannot both show",
                           "export it as PNG (drawings), JPEG (photos) or SVG")
    return ImageFile(path, kind, float(width), float(height))


def _read_svg(path: Path) -> ImageFile:
    drawing = svg_drawing(path)
    if drawing is None or not drawing.width or not drawing.height:
        raise PictureError("the picture is not a readable SVG drawing with a width and a height",
                           "export it again as SVG (with width and height, or a viewBox), or as PNG")
    return ImageFile(path, "SVG", float(drawing.width), float(drawing.height))


def svg_drawing(path: Path) -> Any:
    """An SVG as a reportlab Drawing (vectors), or None; entities are not expanded, and a picture the SVG names
    outside its own folder is refused."""
    import logging

    from svglib.svglib import svg2rlg

    logging.getLogger("svglib").setLevel(logging.ERROR)
    try:
        return svg2rlg(str(path), external_reference_root=str(path.parent))
    except Exception:  # svglib raises what lxml and its parsers raise on a broken file
        return None


def figures(article: Article) -> Iterator[FigureData]:
    """Every figure of the article, in order."""
    for section in article.sections:
        for block in section.blocks:
            if isinstance(block, Figure):
                yield block.figure


def check_figures(name: str, root: yaml.Node, article: Article, folder: Path) -> tuple[Article, list[Problem]]:
    """The article with each figure's image as a path resolved from `folder`, and the problems at `image:` lines."""
    nodes = list(_image_nodes(root))
    problems: list[Problem] = []
    resolved: list[str] = []
    for figure, node in zip(figures(article), nodes, strict=True):
        at = (node.start_mark.line + 1, node.start_mark.column + 1)
        path = (folder / figure.image).resolve()
        resolved.append(str(path))
        if not path.is_relative_to(folder.resolve()):
            problems.append(Problem(name, "the picture's path leaves the source's folder",
                                    "put the picture in the source's folder or a folder inside it", *at))
            continue
        try:
            picture = read_picture(path)
        except PictureError as error:
            problems.append(Problem(name, error.message, error.hint, *at))
            continue
        problems += _coarse(name, figure, picture, at)
    return _with_images(article, iter(resolved)), problems


def _coarse(name: str, figure: FigureData, picture: ImageFile, at: tuple[int, int]) -> list[Problem]:
    """A warning for a picture that prints under 150 dpi on either paper, at the size it prints."""
    from mghandout.handout.theme import HandoutTheme

    if picture.vector:
        return []
    margin = HandoutTheme().margin_inch
    scale = max(print_scale(picture, *print_room(paper, margin)) for paper in PAPER_INCHES)
    dpi = 72 / scale
    if dpi >= PRINT_DPI - 0.5:
        return []
    inches = f"{picture.width * scale / 72:.1f} × {picture.height * scale / 72:.1f} in"
    factor = PRINT_DPI / dpi
    needs = f"{round(picture.width * factor):,} × {round(picture.height * factor):,}"
    return [Problem(name, f"the picture is {picture.width:,.0f} × {picture.height:,.0f} pixels, so it prints at "
                    f"{dpi:.0f} dpi at {inches} and will look coarse",
                    f"use a picture of at least {needs} pixels ({PRINT_DPI} dpi at that size)", *at,
                    severity="warning")]


def _image_nodes(root: yaml.Node) -> Iterator[yaml.Node]:
    """Each figure's `image:` value node, in the order of the article's figures."""
    for section in _items(_value(root, "sections")):
        for block in _items(_value(section, "blocks")):
            image = _value(_value(block, "figure"), "image")
            if image is not None:
                yield image


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    import yaml  # loaded already by the loader that calls this; the writers, which import this module, need it not

    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if getattr(name, "value", None) == key), None)


def _items(node: yaml.Node | None) -> list[yaml.Node]:
    import yaml

    return node.value if isinstance(node, yaml.SequenceNode) else []


def _with_images(article: Article, paths: Iterator[str]) -> Article:
    """The article with its figures' images replaced, in order, by `paths`."""
    def block(part: Any) -> Any:
        if not isinstance(part, Figure):
            return part
        return Figure(figure=msgspec.structs.replace(part.figure, image=next(paths)))

    sections = [msgspec.structs.replace(section, blocks=[block(part) for part in section.blocks])
                for section in article.sections]
    return msgspec.structs.replace(article, sections=sections)
