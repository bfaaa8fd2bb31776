"""A slide's shapes read and placed as lxml elements, with python-pptx's results and without its proxies.

Each python-pptx shape property builds proxy objects, resolves lazy properties and
runs XPath queries; for a placeholder without a position of its own it also walks
to the layout to find the inherited one. The writer asks these questions a few
hundred times a deck, so they were a tenth of its time. These functions answer
from the XML the way python-pptx does (the same shapes, ids, positions and the same
elements written in the same order), and hand over to python-pptx wherever the
answer is inherited from the layout.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree
from pptx.oxml.ns import qn
from pptx.shapes.shapetree import SlideShapeFactory

SHAPE_TAGS = frozenset(qn(tag) for tag in ("p:sp", "p:grpSp", "p:graphicFrame", "p:cxnSp", "p:pic",
                                           "p:contentPart"))
"""The children of a shape tree that python-pptx counts as shapes."""
_NV_PR, _PH, _SP_PR, _XFRM, _OFF, _EXT = (qn(tag) for tag in ("p:nvPr", "p:ph", "p:spPr", "a:xfrm", "a:off", "a:ext"))
_FRAME, _FRAME_XFRM, _GROUP, _GROUP_PR = qn("p:graphicFrame"), qn("p:xfrm"), qn("p:grpSp"), qn("p:grpSpPr")
_TX_BODY, _P, _R, _FLD, _T = (qn(tag) for tag in ("p:txBody", "a:p", "a:r", "a:fld", "a:t"))


def shape_elements(tree: Any) -> Iterator[Any]:
    """The shape elements of a shape tree in document order, as `slide.shapes` gives them."""
    return (child for child in tree.iterchildren() if child.tag in SHAPE_TAGS)


def placeholder(element: Any) -> Any:
    """The shape's `p:ph`, or None: python-pptx's `./*[1]/p:nvPr/p:ph`."""
    properties = element[0].find(_NV_PR) if len(element) else None
    return None if properties is None else properties.find(_PH)


def shape_id(element: Any) -> int:
    """The shape's id, from the `p:cNvPr` that opens its non-visual properties."""
    return int(element[0][0].get("id"))


def title_id(tree: Any) -> int | None:
    """The id of the slide's title, python-pptx's `shapes.title`: the first placeholder of idx 0."""
    for element in shape_elements(tree):
        ph = placeholder(element)
        if ph is not None and int(ph.get("idx", "0")) == 0:
            return shape_id(element)
    return None


def position(element: Any, shapes: Any) -> tuple[int | None, int | None]:
    """The shape's (top, left) in EMU; python-pptx's answer (inherited from the layout) where it has none of its own."""
    offset = _offset(element)
    if offset is None:
        shape = SlideShapeFactory(element, shapes)
        return shape.top, shape.left
    return int(offset.get("y")), int(offset.get("x"))


def _offset(element: Any) -> Any:
    if element.tag == _FRAME:
        xfrm = element.find(_FRAME_XFRM)
    else:
        properties = element.find(_GROUP_PR if element.tag == _GROUP else _SP_PR)
        xfrm = None if properties is None else properties.find(_XFRM)
    return None if xfrm is None else xfrm.find(_OFF)


def has_text(element: Any) -> bool:
    """Whether the shape's text frame holds anything but white space, as python-pptx's `text_frame.text.strip()`."""
    body = element.find(_TX_BODY)
    if body is None:
        return False
    return any((t.text or "").strip() for p in body.iterchildren(_P) for run in p.iterchildren(_R, _FLD)
               for t in run.iterchildren(_T))


def place(element: Any, x: int, y: int, cx: int, cy: int) -> None:
    """Set a `p:sp`'s position and size, as python-pptx's left, top, width and height setters write them."""
    properties = element.find(_SP_PR)
    xfrm = properties.find(_XFRM)
    if xfrm is None:
        xfrm = etree.Element(_XFRM)
        properties.insert(0, xfrm)
    offset = xfrm.find(_OFF)
    if offset is None:
        offset = etree.Element(_OFF)
        xfrm.insert(0, offset)
    offset.set("x", str(x))
    offset.set("y", str(y))
    extent = xfrm.find(_EXT)
    if extent is None:
        extent = etree.Element(_EXT)
        offset.addnext(extent)
    extent.set("cx", str(cx))
    extent.set("cy", str(cy))
