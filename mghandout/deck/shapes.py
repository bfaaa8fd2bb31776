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

import copy
from collections.abc import Iterator
from typing import Any

from lxml import etree
from pptx.oxml.ns import qn
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.shapes.shapetree import SlideShapeFactory

SHAPE_TAGS = frozenset(qn(tag) for tag in ("p:sp", "p:grpSp", "p:graphicFrame", "p:cxnSp", "p:pic",
                                           "p:contentPart"))
"""The children of a shape tree that python-pptx counts as shapes."""
_C_NV_PR, _NV_PR, _PH, _SP_PR, _XFRM, _OFF, _EXT = (qn(tag) for tag in ("p:cNvPr", "p:nvPr", "p:ph", "p:spPr", "a:xfrm",
                                                                              "a:off", "a:ext"))
_FRAME, _FRAME_XFRM, _GROUP, _GROUP_PR = qn("p:graphicFrame"), qn("p:xfrm"), qn("p:grpSp"), qn("p:grpSpPr")
_TX_BODY, _P, _P_PR, _R, _FLD, _T = (qn(tag) for tag in ("p:txBody", "a:p", "a:pPr", "a:r", "a:fld", "a:t"))
_BREAK = qn("a:br")
_CONTENT = frozenset((_R, _BREAK, _FLD))
"""What python-pptx's `paragraph.clear()` removes: runs, line breaks and fields."""
_TEXT_BOX = CT_Shape.new_textbox_sp(0, "", 0, 0, 0, 0)
"""python-pptx's new text box, made once: each text box is a copy of it."""
_IDS = etree.XPath("//@id")
_TREE_END = qn("p:extLst")


def shape_elements(tree: Any) -> Iterator[Any]:
    """The shape elements of a shape tree in document order, as `slide.shapes` gives them."""
    return (child for child in tree.iterchildren() if child.tag in SHAPE_TAGS)


def placeholder(element: Any) -> Any:
    """The shape's `p:ph`, or None: python-pptx's `./*[1]/p:nvPr/p:ph`."""
    names = _non_visual(element)
    properties = None if names is None else names.find(_NV_PR)
    return None if properties is None else properties.find(_PH)


def shape_id(element: Any) -> int:
    """The shape's id, from the `p:cNvPr` of its non-visual properties."""
    return int(_non_visual(element).find(_C_NV_PR).get("id"))


def _non_visual(element: Any) -> Any:
    """The shape's first child element, its non-visual properties (python-pptx's `./*[1]`: not a comment)."""
    return next(element.iterchildren(etree.Element), None)


def title(tree: Any) -> Any:
    """The slide's title, python-pptx's `shapes.title`: the first placeholder of idx 0 (its element), or None."""
    return next((element for element in placeholders(tree) if _index(element) == 0), None)


def title_id(tree: Any) -> int | None:
    """The id of the slide's title, or None."""
    found = title(tree)
    return None if found is None else shape_id(found)


def placeholders(tree: Any) -> Iterator[Any]:
    """The placeholders among the shapes, in document order."""
    return (element for element in shape_elements(tree) if placeholder(element) is not None)


def placeholders_by_index(tree: Any) -> list[Any]:
    """The placeholders in the order of their `idx`, as python-pptx's `slide.placeholders` gives them."""
    return sorted(placeholders(tree), key=_index)


def _index(element: Any) -> int:
    return int(placeholder(element).get("idx", "0"))


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


def next_shape_id(tree: Any) -> int:
    """python-pptx's `_next_shape_id`: one more than the largest numeric id anywhere in the slide."""
    ids = [int(value) for value in _IDS(tree) if value.isdigit()]
    return (max(ids) if ids else 0) + 1


def add_textbox(tree: Any, x: int, y: int, cx: int, cy: int) -> Any:
    """A new text box `p:sp` in the shape tree, as python-pptx's `shapes.add_textbox` adds it, without parsing it.

    The same id, name, XML and place in the tree: a copy of python-pptx's own new text box with the id, name,
    position and size filled in.
    """
    number = next_shape_id(tree)
    element = copy.deepcopy(_TEXT_BOX)
    names = element[0][0]
    names.set("id", str(number))
    names.set("name", f"TextBox {number - 1}")
    xfrm = element.find(_SP_PR).find(_XFRM)
    xfrm[0].set("x", str(x))
    xfrm[0].set("y", str(y))
    xfrm[1].set("cx", str(cx))
    xfrm[1].set("cy", str(cy))
    end = tree.find(_TREE_END)
    if end is None:
        tree.append(element)
    else:
        end.addprevious(element)
    return element


def text_body(element: Any, shapes: Any) -> Any:
    """The shape's `p:txBody`, as `shape.text_frame` finds it (python-pptx adds one to a shape without)."""
    body = element.find(_TX_BODY)
    return SlideShapeFactory(element, shapes).text_frame._txBody if body is None else body


def first_paragraph(element: Any, shapes: Any) -> Any:
    """The first `a:p` of the shape's text, as `shape.text_frame.paragraphs[0]`."""
    return text_body(element, shapes).find(_P)


def text_of(body: Any) -> str:
    """The text of a `p:txBody` as python-pptx's `text_frame.text` gives it: paragraphs joined by line feeds, a line
    break as a vertical tab."""
    return "\n".join("".join(_content_text(child) for child in paragraph if child.tag in _CONTENT)
                     for paragraph in body.iterchildren(_P))


def _content_text(child: Any) -> str:
    if child.tag == _BREAK:
        return "\v"
    text = child.find(_T)
    return "" if text is None else text.text or ""


def cleared(body: Any) -> Any:
    """A text body emptied as python-pptx's `text_frame.clear()` empties it (the first paragraph kept, with its
    properties); its first paragraph."""
    first, *rest = body.iterchildren(_P)
    for paragraph in rest:
        body.remove(paragraph)
    for content in [child for child in first if child.tag in _CONTENT]:
        first.remove(content)
    return first


def paragraph_properties(paragraph: Any) -> Any:
    """The paragraph's `a:pPr`, added first (where the schema puts it) if missing: python-pptx's `get_or_add_pPr`."""
    properties = paragraph.find(_P_PR)
    if properties is None:
        properties = etree.Element(_P_PR)
        paragraph.insert(0, properties)
    return properties
