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
        layers = [self.layout] if self.layout._element.get("showMasterSp") == "0" else [self.master, self.layout]
        self.shapes = [(owner, shape, rect) for owner in layers
                       for shape in owner._element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
                       if (rect := _drawn(shape)) is not None]
        """The shapes and pictures that can lie behind text (no placeholders), bottom first, with where they are."""
        self._points: dict[tuple[int, int], list[str]] = {}
        self._texts: dict[str, str | None] = {}
        self._placeholders: dict[str, tuple[Any, Rect] | None] = {}

    def behind(self, rect: Rect) -> list[str]:
        """Every colour behind the text of `rect`: at each sample point, the topmost fill there."""
        return sorted({colour for x, y in rect.points() for colour in self.at(x, y)})

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
        for owner, shape, rect in reversed(self.shapes):
            if rect.holds(x, y):
                colours = self._fills(owner, [shape.find(qn("p:spPr")), shape, shape.find(qn("p:style"))], rect, x, y)
                if colours:
                    return colours
        for owner in (self.layout, self.master):
            background = owner._element.find(f"{qn('p:cSld')}/{qn('p:bg')}")
            if background is not None:
                colours = self._fills(owner, [*background.iterchildren(qn("p:bgPr")), background], None, x, y)
                if colours:
                    return colours
        return [self.scheme_colour("bg1") or "FFFFFF"]

    def placeholder(self, kind: str) -> tuple[Any, Rect] | None:
        """The layout's first placeholder of XML type `kind` (`ftr`, `sldNum`) and where it is, or None."""
        if kind not in self._placeholders:
            found = [p for p in self.layout.placeholders if _ph_type(p.element) == kind]
            self._placeholders[kind] = (found[0], Rect(found[0].left, found[0].top, found[0].width,
                                                       found[0].height)) if found else None
        return self._placeholders[kind]

    def _fills(self, owner: Any, holders: list[Any], rect: Rect | None, x: int, y: int) -> list[str]:
        """The colours the first fill among the holders' children puts at a point: one for a solid fill, every stop
        of a gradient, the background of a pattern, the darkest and lightest pixels around the point of a picture,
        none for no fill."""
        for holder in holders:
            for fill in holder.iterchildren() if holder is not None else ():
                if fill.tag == qn("a:noFill"):
                    return []
                if fill.tag in (qn("a:blipFill"), qn("p:blipFill")):
                    return _picture_colours(owner, fill, rect or self._slide_rect(), x, y)
                if fill.tag == qn("a:pattFill"):  # thin lines of one colour on the other: text reads on the other
                    return [c for c in (self.colour(e) for e in fill.iterchildren(qn("a:bgClr"))) if c is not None]
                if fill.tag in (qn("a:solidFill"), qn("a:gradFill"), qn("p:bgRef")) or (
                        fill.tag == qn("a:fillRef") and fill.get("idx", "0") != "0"):
                    return [c for c in (self.colour(e) for e in fill.iter(*_COLOURS)) if c is not None]
        return []

    def _slide_rect(self) -> Rect:
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
    title_colour, title_plate = text_on(backdrop, [backdrop.text_colour("title"), ours.title], title)
    text, body_plate = text_on(backdrop, [backdrop.text_colour("body"), ours.text], body)
    body_behind = [body_plate] if body_plate else backdrop.behind(body)
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


def text_on(backdrop: Backdrop, candidates: list[str | None], rect: Rect, *,
            middle: bool = False) -> tuple[str, str | None]:
    """A colour for text in `rect` (or only at its `middle`), and None; or, where what lies behind is too mixed for
    any colour to read on all of it (a band the text runs past, a busy picture), a colour and the plate to put
    behind the text: the colour at the middle of the box, so the plate continues what is there."""
    behind = backdrop.at(*rect.points()[0]) if middle else backdrop.behind(rect)
    colour = readable(candidates, behind)
    if all(contrast(colour, back) >= MINIMUM for back in behind):
        return colour, None
    x, y = rect.points()[0]
    plate = backdrop.at(x, y)[0]
    return readable(candidates, [plate]), plate
