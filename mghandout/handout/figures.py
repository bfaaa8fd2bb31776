"""A figure on the handout: the picture at its print size with its caption and credit under it, never apart.

The picture prints at the size `images.print_scale` gives (the column's width or less,
never past 150 dpi when it has the pixels), and PNG and JPEG as their own pixels, SVG as
vectors (svglib). Where a page has room for the figure only a little smaller, it is
set smaller (down to `SHRINK` of its size) rather than go overleaf; where going overleaf
would leave a hole the page rules forbid (the page less than `page_fill` full), smaller
still, down to `SMALLEST_INCHES` across; else it goes overleaf whole with its caption. Only a caption longer than
a page leaves it parts from its picture, flowing on to the next page. The tagger (`tagging.py`)
makes the picture a Figure with its alt text, or, decorative, an artifact, and the
caption a paragraph.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

from mghandout.handout.fonts import font_set, markup
from mghandout.handout.layout import Picture
from mghandout.handout.theme import HandoutTheme
from mghandout.images import TALLEST, ImageFile, print_scale, read_picture, svg_drawing

SHRINK = 0.75
"""The least share of its size a figure is set at to stay on a page that has almost room for it."""
SMALLEST_INCHES = 2.5
"""The narrowest a figure is set to keep a page from ending short: a drawing's parts still tell apart."""
SMALLEST_ALONE = 0.5
"""The least share of its size a figure is set at on a page of its own, where a long caption takes the rest."""
CAPTION_GAP = 4.0
"""Points between the picture and its caption."""


class PictureDrawing(Flowable):
    """The picture alone, at `scale` points per unit of its size; `alt` None makes it decorative."""

    def __init__(self, image: ImageFile, alt: str | None, scale: float) -> None:
        super().__init__()
        self.image, self.scale = image, scale
        self.decorative = alt is None
        if alt is not None:
            self.alt = alt
        self.drawing = _own_fonts(svg_drawing(image.path)) if image.vector else None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.image.width * self.scale, self.image.height * self.scale

    def draw(self) -> None:
        width, height = self.wrap(0, 0)
        if self.drawing is None:
            self.canv.drawImage(str(self.image.path), 0, 0, width, height, mask="auto")
            return
        from reportlab.graphics import renderPDF  # only for an SVG

        self.canv.saveState()
        self.canv.scale(self.scale, self.scale)
        renderPDF.draw(self.drawing, self.canv, 0, 0)
        self.canv.restoreState()


class FigureBlock(Flowable):
    """The picture, centred, over its caption; kept whole on one page, a little smaller where that keeps it there.

    `_content` lets the tagger walk the picture and the caption in reading order.
    """

    def __init__(self, picture: PictureDrawing, caption: Paragraph | None, fill: float = 0.8) -> None:
        super().__init__()
        self.picture, self.caption, self.fill = picture, caption, fill
        self.full = picture.scale
        self._content = [picture, caption] if caption is not None else [picture]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        under = self._caption_height(available_width)
        picture = self.picture
        picture.scale = self.full
        height = picture.image.height * self.full + under
        if height > available_height:
            fitting = (available_height - under) / picture.image.height
            if fitting >= self._least(available_height):
                picture.scale = fitting
                height = picture.image.height * fitting + under
        return available_width, height

    def _least(self, available_height: float) -> float:
        """The smallest scale the figure takes to stay where it is: a quarter off its size anywhere; more, down to
        `SMALLEST_INCHES` across, where going overleaf would leave the page less full than the page rules allow
        (`fill`), as a table breaks there rather than leave a hole; half its size on a page of its own."""
        frame = getattr(self, "_frame", None)
        if frame is None:
            return SHRINK * self.full
        if frame._atTop:
            return SMALLEST_ALONE * self.full
        if available_height > (1 - self.fill) * frame._height:
            return min(SHRINK * self.full, SMALLEST_INCHES * 72 / self.picture.image.width)
        return SHRINK * self.full

    def _alone(self) -> bool:
        """At the top of a page: no later page has more room for it."""
        frame = getattr(self, "_frame", None)
        return frame is not None and bool(frame._atTop)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Nothing where the figure is not at the top of a page: it goes overleaf whole. At the top, its caption is
        longer than a page leaves it: the picture at most half the page, the caption flowing on after it."""
        if not self._alone() or self.caption is None:
            return []
        picture = self.picture
        picture.scale = min(self.full, available_height * SMALLEST_ALONE / picture.image.height)
        picture.hAlign = "CENTER"
        return [picture, Spacer(1, CAPTION_GAP), self.caption]

    def _caption_height(self, width: float) -> float:
        if self.caption is None:
            return 0.0
        return CAPTION_GAP + self.caption.wrap(self._caption_width(width), 10_000)[1]

    def _caption_width(self, width: float) -> float:
        """As wide as the picture at its full size, at least 4 inches (or the column): the same however it is set."""
        return min(width, max(self.picture.image.width * self.full, 4 * 72))

    def draw(self) -> None:
        width, height = self.picture.wrap(0, 0)
        under = self._caption_height(self.width)
        self.picture.drawOn(self.canv, (self.width - width) / 2, under)
        if self.caption is not None:
            room = self._caption_width(self.width)
            self.caption.wrap(room, 10_000)
            self.caption.drawOn(self.canv, (self.width - room) / 2, 0)


def figure(item: Picture, body: ParagraphStyle, theme: HandoutTheme, width: float) -> FigureBlock:
    """The figure's flowable for a column `width` points wide (`body` is the text style its caption matches)."""
    image = read_picture(Path(item.image))
    picture = PictureDrawing(image, item.alt, print_scale(image, width, TALLEST * width))
    return FigureBlock(picture, _caption(item, body, theme), theme.page_fill)


def _caption(item: Picture, body: ParagraphStyle, theme: HandoutTheme) -> Paragraph | None:
    """The caption, then the credit in the muted colour: both at body size, which is the least a patient reads."""
    parts = [markup(item.caption)] if item.caption else []
    if item.credit:
        parts.append(f'<font color="{theme.muted}">{markup(item.credit)}</font>')
    if not parts:
        return None
    style = ParagraphStyle("caption", parent=body, spaceBefore=0, spaceAfter=0)
    return Paragraph(" ".join(parts), style)


def _own_fonts(drawing: Any) -> Any:
    """An SVG's text set in the handout's font: the PDF fonts svglib would name are not embedded (PDF/UA forbids it)."""
    if drawing is None:
        return None
    from reportlab.graphics.shapes import Group, String

    name = font_set(False).primary
    drawing.initialFontName = name
    stack = [drawing]
    while stack:
        node = stack.pop()
        if isinstance(node, String):
            node.fontName = name
            node.fillColor = node.fillColor or colors.black
        if isinstance(node, Group) or hasattr(node, "contents"):
            stack.extend(getattr(node, "contents", []))
    return drawing
