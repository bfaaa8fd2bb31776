"""What lies behind text on a template's layout, the colours the template gives its text, and which colour reads.

A template restyles the deck, but its colours were chosen for its own placeholders:
our teal titles landed on a navy title band at 1.4:1. So each text role (title,
body, subtitle, footer) takes the template's own colour for that role only where it
reaches 4.5:1 (WCAG AA) on everything behind the text: the layout's and master's
filled shapes and pictures under the box, else the slide background; gradients
count every stop and pictures their darkest and lightest pixels there. Otherwise our
colour for the role, and if that fails too, black or white, whichever reads better
(one of them always reaches 4.5:1).
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml import etree
from PIL import Image
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from mghandout.pictures import thumbnail

MINIMUM = 4.5
"""WCAG AA contrast for text."""
EMU = 914400
PIECES = 3
"""More pictures and filled shapes than this reaching into a body placeholder are its backdrop, not art to avoid."""
NEAR = EMU // 4
"""How far around a point a picture's pixels count (EMU): about a line of body text."""
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_PH = f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}"
_COLOURS = {qn("a:srgbClr"), qn("a:schemeClr"), qn("a:sysClr"), qn("a:prstClr"), qn("a:scrgbClr")}
_PRESETS = {"black": "000000", "white": "FFFFFF"}
STYLES = {"title": "p:titleStyle", "ctrTitle": "p:titleStyle", "body": "p:bodyStyle", "obj": "p:bodyStyle",
          "subTitle": "p:bodyStyle"}
"""The master text style each placeholder type starts from (any other: `p:otherStyle`)."""


@dataclass(frozen=True)
class Rect:
    """A rectangle on the slide, in EMU."""

    x: int
    y: int
    w: int
    h: int

    def points(self) -> list[tuple[int, int]]:
        """Where the text is sampled, the middle first: a grid of three by three just inside the box's edges."""
        xs = [self.x + self.w * f // 20 for f in (10, 1, 19)]
        ys = [self.y + self.h * f // 20 for f in (10, 2, 18)]
        return [(x, y) for y in ys for x in xs]

    def holds(self, x: int, y: int) -> bool:
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + self.h

    def meets(self, other: Rect) -> bool:
        """Whether the two overlap (more than along an edge)."""
        return (self.x < other.x + other.w and other.x < self.x + self.w
                and self.y < other.y + other.h and other.y < self.y + self.h)

    def near(self, other: Rect, gap: int) -> bool:
        """Whether the two overlap or lie within `gap` of each other."""
        return (self.x - gap <= other.x + other.w and other.x <= self.x + self.w + gap
                and self.y - gap <= other.y + other.h and other.y <= self.y + self.h + gap)

    def contains(self, other: Rect) -> bool:
        return (self.x <= other.x and self.y <= other.y and other.x + other.w <= self.x + self.w
                and other.y + other.h <= self.y + self.h)

    def around(self, other: Rect) -> list[Rect]:
        """The parts of this rectangle left, right, above and below `other` (empty ones have no width or height)."""
        right, bottom = self.x + self.w, self.y + self.h
        return [
            Rect(self.x, self.y, max(0, min(other.x, right) - self.x), self.h),
            Rect(max(self.x, other.x + other.w), self.y, max(0, right - max(self.x, other.x + other.w)), self.h),
            Rect(self.x, self.y, self.w, max(0, min(other.y, bottom) - self.y)),
            Rect(self.x, max(self.y, other.y + other.h), self.w, max(0, bottom - max(self.y, other.y + other.h))),
        ]


def luminance(colour: str) -> float:
    """WCAG relative luminance of an RRGGBB colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """WCAG contrast ratio of two RRGGBB colours, 1 to 21."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(candidates: Iterable[str | None], behind: list[str]) -> str:
    """The first candidate reaching 4.5:1 on every colour behind the text, else black or white, whichever reads."""
    for colour in candidates:
        if colour is not None and all(contrast(colour, back) >= MINIMUM for back in behind):
            return colour
    return max(("000000", "FFFFFF"), key=lambda colour: min(contrast(colour, back) for back in behind))


class Backdrop:
    """One layout of a template as text on it will be seen: its master's colours, shapes and background."""

    def __init__(self, layout: Any) -> None:
        self.layout = layout
        self.master = layout.slide_master
        theme = etree.fromstring(self.master.part.part_related_by(RT.THEME).blob)
        scheme = theme.find(f"{_A}themeElements/{_A}clrScheme")
        self.scheme = {child.tag.removeprefix(_A): _plain(child) for child in scheme} if scheme is not None else {}
        mapping = self.master._element.find(qn("p:clrMap"))
        self.mapping = dict(mapping.attrib) if mapping is not None else {}
        self.layers = [self.layout] if self.layout._element.get("showMasterSp") == "0" else [self.master, self.layout]
        """What a slide on the layout shows of the template: the master's shapes unless the layout hides them, then
        the layout's."""
        self.shapes = [(owner, shape, rect) for owner in self.layers
                       for shape in owner._element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
                       if (rect := _drawn(shape)) is not None]
        """The shapes and pictures that can lie behind text (no placeholders), bottom first, with where they are."""
        self._points: dict[tuple[int, int], list[str]] = {}
        self._texts: dict[str, str | None] = {}
        self._placeholders: dict[str, tuple[Any, Rect] | None] = {}

    def behind(self, rect: Rect) -> list[str]:
        """Every colour behind the text of `rect`: at each sample point, the topmost fill there; and the fill and
        outline of every smaller piece of art reaching into it, which the points may miss (a bulb's strokes)."""
        colours = {colour for x, y in rect.points() for colour in self.at(x, y)}
        slide = self.slide_rect()
        for owner, shape, art in self.shapes:
            if _hidden(shape) or not art.meets(rect) or art.w * art.h * 2 >= slide.w * slide.h:
                continue
            middle = (art.x + art.w // 2, art.y + art.h // 2)
            holders = [shape.find(qn("p:spPr")), shape, shape.find(qn("p:style"))]
            colours.update(self._fills(owner, holders, art, *middle) + self._outline(shape))
        return sorted(colours)

    def text_colour(self, kind: str) -> str | None:
        """The colour the template gives text in its `kind` placeholder (title, body, subTitle, ftr, sldNum)."""
        if kind not in self._texts:
            self._texts[kind] = self._find_text_colour(kind)
        return self._texts[kind]

    def _find_text_colour(self, kind: str) -> str | None:
        for tree in (self.layout._element, self.master._element):
            for sp in tree.iter(qn("p:sp")):
                ph = sp.find(_PH)
                if ph is not None and _same_kind(ph.get("type", "obj"), kind):
                    colour = self._first_fill(sp.find(qn("p:txBody")))
                    if colour is not None:
                        return colour
        style = self.master._element.find(f"{qn('p:txStyles')}/{qn(STYLES.get(kind, 'p:otherStyle'))}")
        return self._first_fill(style)

    def _first_fill(self, element: Any) -> str | None:
        """The first level-one or run colour in a text body or text style, resolved."""
        if element is None:
            return None
        for fill in element.iter(qn("a:solidFill")):
            colour = self.colour(fill)
            if colour is not None:
                return colour
        return None

    def at(self, x: int, y: int) -> list[str]:
        """The colours at one point: the topmost filled shape or picture of master and layout holding it, else the
        background (the layout's, else the master's, else the scheme's first background colour)."""
        if (x, y) not in self._points:
            self._points[x, y] = self._find_at(x, y)
        return self._points[x, y]

    def _find_at(self, x: int, y: int) -> list[str]:
        partial: list[str] = []
        for owner, shape, rect in reversed(self.shapes):
            if rect.holds(x, y) and not _hidden(shape):
                colours = self._fills(owner, [shape.find(qn("p:spPr")), shape, shape.find(qn("p:style"))], rect, x, y)
                if colours and _fills(shape, rect, x, y):
                    return sorted(set(partial + colours + self._outline(shape)))
                partial += colours + self._outline(shape)  # a drawn path or an ellipse: it, or what is under it
        for owner in (self.layout, self.master):
            background = owner._element.find(f"{qn('p:cSld')}/{qn('p:bg')}")
            if background is not None:
                colours = self._fills(owner, [*background.iterchildren(qn("p:bgPr")), background], None, x, y)
                if colours:
                    return sorted(set(partial + colours))
        return sorted(set(partial + [self.scheme_colour("bg1") or "FFFFFF"]))

    def under(self, kind: str | None, rect: Rect, *, middle: bool = False) -> list[str]:
        """Every colour behind the text of a `kind` placeholder put at `rect` (or only at its middle): the fill the
        template gives that placeholder itself where it has one, else what the slide draws there."""
        own = self.own_fill(kind) if kind is not None else None
        if own:
            return own
        return self.at(*rect.points()[0]) if middle else self.behind(rect)

    def own_fill(self, kind: str) -> list[str] | None:
        """The colours of the fill the template gives its `kind` placeholder itself (a title placeholder filled grey):
        it moves with the placeholder and lies under its text whatever the slide draws there. None for no fill.

        A slide's placeholder inherits from the layout's of its kind, and that one from the
        master's; a layout without one leaves the slide none to inherit, but for the title,
        which the writer adds as a title placeholder that inherits the master's.
        """
        layout_has = any(_same_kind(_ph_type(sp), kind) for sp in _placeholders(self.layout._element))
        owners = [self.layout, self.master] if layout_has or kind in ("title", "ctrTitle") else []
        for owner in owners:
            sp = next((sp for sp in _placeholders(owner._element) if _same_kind(_ph_type(sp), kind)), None)
            if sp is None:
                continue
            holders = [sp.find(qn("p:spPr")), sp.find(qn("p:style"))]
            if not _declares_fill(holders):
                continue
            rect = _rect(holders[0]) or self.slide_rect()
            return self._fills(owner, holders, rect, rect.x + rect.w // 2, rect.y + rect.h // 2) or None
        return None

    def numbering(self) -> tuple[Any, Rect] | None:
        """The text box, not a placeholder, in which the layout or its master numbers every slide itself
        (Midnightblue's circle on its master), and where it is; None when the template leaves it to a placeholder.

        PowerPoint shows it on every slide, and LibreOffice only on slides that have a number
        placeholder: the deck hides it and draws its copy on each slide, one number either way.
        """
        for _, shape, rect in self.shapes:
            if shape.tag == qn("p:sp") and any(f.get("type") == "slidenum" for f in shape.iter(qn("a:fld"))):
                return shape, rect
        return None

    def hide_words_under(self, boxes: Iterable[Rect]) -> None:
        """Hide the template's own words that lie where the deck puts its text: sample and prompt text ("Title",
        "Subtitle goes here, no more than two lines") typed into plain text boxes of a layout, which every slide
        on it would show under or over ours. Placeholders are not drawn on slides, so they need nothing."""
        boxes = list(boxes)
        for _, shape, rect in self.shapes:
            body = shape.find(qn("p:txBody"))
            words = "".join(t.text or "" for t in body.iter(qn("a:t"))) if body is not None else ""
            if words.strip() and any(rect.meets(box) for box in boxes):
                _non_visual(shape).set("hidden", "1")
        self._points.clear()

    def clear_of_art(self, area: Rect) -> Rect:
        """`area` less the pictures and filled shapes of the layout and master that reach into it (a logo in a
        corner of the body placeholder, a band across its foot): cut on the side that keeps the most of it.

        Art covering half the slide or all of the area is a background, which the text's
        colour is chosen to read on; so is a pattern of more than `PIECES` pieces reaching in
        (Focus's polygons, Lights' bubbles), and art that would take more than half the area's
        width or height: there the colour reads on it, or a plate goes behind the text.
        """
        art = self.art(area)
        if len(art) > PIECES:
            return area
        cleared = area
        for rect in art:
            if not rect.meets(cleared) or rect.contains(cleared):
                continue
            best = max(cleared.around(rect), key=lambda part: part.w * part.h)
            if best.w * 2 >= area.w and best.h * 2 >= area.h:
                cleared = best
        return cleared

    def art(self, area: Rect) -> list[Rect]:
        """Where the layout's and master's pictures and filled shapes reach into `area`, but for backgrounds."""
        return [rect for rect, background in self._art(area) if not background]

    def backgrounds(self, area: Rect) -> list[Rect]:
        """Where the pictures and filled shapes covering half the slide or more (a frame, a card) meet `area`."""
        return [rect for rect, background in self._art(area) if background]

    def _art(self, area: Rect) -> list[tuple[Rect, bool]]:
        """The art meeting `area`, each with whether it is a background: a piece covering half the slide or more (a
        frame, a card) stands alone; smaller pieces close together are taken together (Yellow Idea's bulb is drawn in
        twenty strokes), and what they cover together may be a background too (Focus's polygons)."""
        slide = self.slide_rect()
        pieces = [rect for owner, shape, rect in self.shapes if not _hidden(shape) and self._is_art(owner, shape, rect)]
        big = [rect for rect in pieces if rect.w * rect.h * 2 >= slide.w * slide.h]
        small = _clusters([rect for rect in pieces if rect.w * rect.h * 2 < slide.w * slide.h])
        return [(rect, rect in big or rect.w * rect.h * 2 >= slide.w * slide.h) for rect in big + small
                if rect.meets(area)]

    def _outline(self, shape: Any) -> list[str]:
        """The colour of a shape's drawn outline, where its strokes may cross text (Yellow Idea's bulb in black)."""
        line = shape.find(f"{qn('p:spPr')}/{qn('a:ln')}")
        fill = line.find(qn("a:solidFill")) if line is not None else None
        colour = self.colour(fill) if fill is not None else None
        return [colour] if colour is not None else []

    def _is_art(self, owner: Any, shape: Any, rect: Rect) -> bool:
        """A picture, or a shape with a fill or a drawn outline: what text should not run across."""
        if shape.tag == qn("p:pic"):
            return True
        holders = [shape.find(qn("p:spPr")), shape, shape.find(qn("p:style"))]
        middle = (rect.x + rect.w // 2, rect.y + rect.h // 2)
        return bool(self._fills(owner, holders, rect, *middle) or self._outline(shape))

    def placeholder(self, kind: str) -> tuple[Any, Rect] | None:
        """The layout's first placeholder of XML type `kind` (`ftr`, `sldNum`) and where it is, or None."""
        if kind not in self._placeholders:
            found = [p for p in self.layout.placeholders if _ph_type(p.element) == kind]
            self._placeholders[kind] = (found[0], Rect(found[0].left, found[0].top, found[0].width,
                                                       found[0].height)) if found else None
        return self._placeholders[kind]

    def _fills(self, owner: Any, holders: list[Any], rect: Rect | None, x: int, y: int) -> list[str]:
        """The colours the first fill among the holders' children puts at a point: one for a solid fill, every stop
        of a gradient, both colours of a pattern, the darkest and lightest pixels around the point of a picture,
        none for no fill."""
        for holder in holders:
            for fill in holder.iterchildren() if holder is not None else ():
                if fill.tag == qn("a:noFill"):
                    return []
                if fill.tag in (qn("a:blipFill"), qn("p:blipFill")):
                    return _picture_colours(owner, fill, rect or self.slide_rect(), x, y)
                if fill.tag == qn("a:pattFill"):  # dots or lines of one colour on the other: text is on both
                    return [c for c in (self.colour(e) for e in fill.iterchildren(qn("a:fgClr"), qn("a:bgClr")))
                            if c is not None]
                if fill.tag in (qn("a:solidFill"), qn("a:gradFill"), qn("p:bgRef")) or (
                        fill.tag == qn("a:fillRef") and fill.get("idx", "0") != "0"):
                    return [c for c in (self.colour(e) for e in fill.iter(*_COLOURS)) if c is not None]
        return []

    def slide_rect(self) -> Rect:
        """The whole slide."""
        presentation = self.master.part.package.presentation_part.presentation
        return Rect(0, 0, presentation.slide_width, presentation.slide_height)

    def recolour_links(self, colour: str) -> None:
        """Set the theme's link colours, which PowerPoint and LibreOffice paint links in whatever the run says."""
        theme_part = self.master.part.part_related_by(RT.THEME)
        theme = etree.fromstring(theme_part.blob)
        for slot in ("hlink", "folHlink"):
            for holder in theme.iter(f"{_A}{slot}"):
                for child in list(holder):
                    holder.remove(child)
                etree.SubElement(holder, f"{_A}srgbClr", val=colour)
        theme_part.blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)

    def scheme_colour(self, name: str) -> str | None:
        """A scheme colour's RRGGBB, through the master's colour map (tx1 is dk1, bg1 is lt1 ...)."""
        return self.scheme.get(self.mapping.get(name, name))

    def colour(self, element: Any) -> str | None:
        """The RRGGBB an `a:solidFill` (or a colour element) names, its luminance and tint changes applied."""
        colour_element = element if element.tag in _COLOURS else next(iter(element.iter(*_COLOURS)), None)
        if colour_element is None:
            return None
        tag = colour_element.tag.removeprefix(_A)
        if tag == "schemeClr":
            base = self.scheme_colour(colour_element.get("val", ""))
        elif tag == "prstClr":
            base = _PRESETS.get(colour_element.get("val", ""))
        else:
            base = _plain(colour_element.getparent()) if tag == "sysClr" else _plain_value(colour_element)
        return None if base is None else _transformed(base, colour_element)


def _drawn(shape: Any) -> Rect | None:
    """Where a shape or picture that is not a placeholder lies, or None (placeholders, groups, connectors)."""
    if shape.tag not in (qn("p:sp"), qn("p:pic")) or shape.find(_PH) is not None:
        return None
    return _rect(shape.find(qn("p:spPr")))


def _ph_type(sp: Any) -> str:
    ph = sp.find(_PH)
    return "obj" if ph is None else ph.get("type", "obj")


def _clusters(pieces: list[Rect]) -> list[Rect]:
    """The boxes around pieces of art less than `NEAR` apart (DNA's helix, drawn in beads), merged until none is
    that near another."""
    boxes = list(pieces)
    merged = True
    while merged:
        merged = False
        for i, one in enumerate(boxes):
            for j in range(i + 1, len(boxes)):
                other = boxes[j]
                if one.near(other, NEAR):
                    left, top = min(one.x, other.x), min(one.y, other.y)
                    right, bottom = max(one.x + one.w, other.x + other.w), max(one.y + one.h, other.y + other.h)
                    boxes[i] = Rect(left, top, right - left, bottom - top)
                    del boxes[j]
                    merged = True
                    break
            if merged:
                break
    return boxes


def _fills(shape: Any, rect: Rect, x: int, y: int) -> bool:
    """Whether a shape's fill surely covers a point of its box: anywhere for a picture or a rectangle, in the middle
    half for another preset shape (an ellipse, a rounded box), nowhere surely for a drawn path."""
    geometry = shape.find(f"{qn('p:spPr')}/{qn('a:prstGeom')}")
    if shape.tag == qn("p:pic") or (geometry is not None and geometry.get("prst") == "rect"):
        return True
    middle = Rect(rect.x + rect.w // 4, rect.y + rect.h // 4, rect.w // 2, rect.h // 2)
    return geometry is not None and middle.holds(x, y)


def _placeholders(tree: Any) -> Iterator[Any]:
    return (sp for sp in tree.iter(qn("p:sp")) if sp.find(_PH) is not None)


def _declares_fill(holders: list[Any]) -> bool:
    """Whether a shape's properties or style say how it is filled (else it takes the fill of what it inherits from)."""
    properties, style = holders
    fills = {qn("a:noFill"), qn("a:solidFill"), qn("a:gradFill"), qn("a:blipFill"), qn("a:pattFill"), qn("a:grpFill")}
    if properties is not None and any(child.tag in fills for child in properties):
        return True
    reference = style.find(qn("a:fillRef")) if style is not None else None
    return reference is not None and reference.get("idx", "0") != "0"


def _non_visual(shape: Any) -> Any:
    """A shape's or picture's `p:cNvPr`, which names it and says whether it is hidden."""
    return next(shape.iter(qn("p:cNvPr")))


def _hidden(shape: Any) -> bool:
    return _non_visual(shape).get("hidden") in ("1", "true")


def _same_kind(ph_type: str, kind: str) -> bool:
    titles = {"title", "ctrTitle"}
    bodies = {"body", "obj"}
    return ph_type == kind or (ph_type in titles and kind in titles) or (ph_type in bodies and kind in bodies)


def _plain(holder: Any) -> str | None:
    """The RRGGBB of a theme colour slot (`a:dk1` holding `a:srgbClr` or `a:sysClr`)."""
    for child in holder:
        value = _plain_value(child)
        if value is not None:
            return value
    return None


def _plain_value(element: Any) -> str | None:
    tag = element.tag.removeprefix(_A)
    if tag == "srgbClr":
        return element.get("val", "").upper() or None
    if tag == "sysClr":
        return (element.get("lastClr") or ("FFFFFF" if element.get("val") == "window" else "000000")).upper()
    if tag == "scrgbClr":
        return "".join(f"{round(int(element.get(c, '0')) / 100000 * 255):02X}" for c in "rgb")
    return None


def _transformed(colour: str, element: Any) -> str:
    """A colour with its `lumMod`/`lumOff` (as PowerPoint's darker and lighter theme shades), `tint` and `shade`."""
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4))
    for change in element:
        name, value = change.tag.removeprefix(_A), int(change.get("val", "100000")) / 100000
        if name in ("lumMod", "lumOff"):
            h, light, s = colorsys.rgb_to_hls(r, g, b)
            light = min(1.0, light * value) if name == "lumMod" else min(1.0, light + value)
            r, g, b = colorsys.hls_to_rgb(h, light, s)
        elif name == "tint":
            r, g, b = (c * value + (1 - value) for c in (r, g, b))
        elif name == "shade":
            r, g, b = (c * value for c in (r, g, b))
    return "".join(f"{round(max(0.0, min(1.0, c)) * 255):02X}" for c in (r, g, b))


def _rect(properties: Any) -> Rect | None:
    if properties is None:
        return None
    offset, extent = properties.find(f"{qn('a:xfrm')}/{qn('a:off')}"), properties.find(f"{qn('a:xfrm')}/{qn('a:ext')}")
    if offset is None or extent is None:
        return None
    return Rect(int(offset.get("x")), int(offset.get("y")), int(extent.get("cx")), int(extent.get("cy")))


def _picture_colours(owner: Any, fill: Any, rect: Rect, x: int, y: int) -> list[str]:
    """The darkest and lightest of a picture's pixels around a point (a line of text's height each way)."""
    blip = fill.find(qn("a:blip"))
    rId = blip.get(qn("r:embed")) if blip is not None else None
    if rId is None:
        return []
    image = _image(owner.part.related_part(rId).blob)
    if image is None:  # not a picture Pillow reads, or too large to open (pictures.thumbnail)
        return []
    u, v = (x - rect.x) / max(rect.w, 1), (y - rect.y) / max(rect.h, 1)
    w, h = image.size
    du, dv = NEAR / max(rect.w, 1), NEAR / max(rect.h, 1)
    left, top = int(max(0.0, u - du) * w), int(max(0.0, v - dv) * h)
    box = (left, top, max(int(min(1.0, u + du) * w), left + 1), max(int(min(1.0, v + dv) * h), top + 1))
    region = image.crop(box)
    pixels = sorted(_pixels(region), key=luminance)
    if not pixels:
        return []
    return [pixels[len(pixels) // 20], pixels[-1 - len(pixels) // 20]]


def _pixels(region: Image.Image) -> Iterator[str]:
    data = region.tobytes()
    for i in range(0, len(data), 3):
        yield data[i:i + 3].hex().upper()


@cache
def _image(blob: bytes) -> Image.Image | None:
    """A picture as RGB, shrunk (only its colours around a point are wanted), opened under the pixel budget."""
    return thumbnail(blob, 200)


@dataclass(frozen=True)
class Colours:
    """The colour of each text role on one slide: its title, body text, bold labels and quieter text; and the plate
    (a solid fill) put behind the title or the body where no colour reads on all that lies behind it."""

    title: str
    text: str
    label: str
    muted: str
    title_plate: str | None = None
    body_plate: str | None = None


def slide_colours(backdrop: Backdrop, ours: Colours, title: Rect, body: Rect) -> Colours:
    """Each role's colour on a slide of `backdrop`'s layout: the template's where it reads, else ours, else black or
    white. Labels take the theme's first accent colour, which is what the template picked to stand out."""
    title_colour, title_plate = text_on(backdrop, [backdrop.text_colour("title"), ours.title], title, kind="title")
    text, body_plate = text_on(backdrop, [backdrop.text_colour("body"), ours.text], body, kind="body")
    body_behind = [body_plate] if body_plate else backdrop.under("body", body)
    return Colours(
        title=title_colour,
        text=text,
        label=readable([backdrop.scheme_colour("accent1"), ours.label], body_behind),
        muted=readable([backdrop.text_colour("subTitle"), ours.muted], body_behind),
        title_plate=title_plate,
        body_plate=body_plate,
    )


def link_colour(backdrop: Backdrop, ours: str, body: Rect) -> str:
    """The colour links take on text slides: the template's where it reads on the body's backdrop, else ours."""
    return readable([backdrop.scheme_colour("hlink"), ours], backdrop.behind(body))


def text_on(backdrop: Backdrop, candidates: list[str | None], rect: Rect, *, middle: bool = False,
            kind: str | None = None) -> tuple[str, str | None]:
    """A colour for text of a `kind` placeholder in `rect` (or only at its `middle`), and None; or, where what lies
    behind is too mixed for any colour to read on all of it (a band the text runs past, a busy picture), a colour
    and the plate to put behind the text: the colour at the middle of the box, so the plate continues what is
    there."""
    behind = backdrop.under(kind, rect, middle=middle)
    colour = readable(candidates, behind)
    if all(contrast(colour, back) >= MINIMUM for back in behind):
        return colour, None
    plate = (backdrop.own_fill(kind) if kind is not None else None) or backdrop.at(*rect.points()[0])
    return readable(candidates, plate[:1]), plate[0]
