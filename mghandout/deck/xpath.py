"""python-pptx's XPath queries, each compiled once per process instead of on every call.

python-pptx answers "is this shape a placeholder?" (and many like it) with
`element.xpath("./*[1]/p:nvPr/p:ph")`, which makes lxml parse and compile the
expression every time: about 40% of a deck's time went there (2,500 queries a deck,
from `slide.shapes.title`, `slide.placeholders` and the placeholders' inherited
positions). A compiled `etree.XPath` gives the same nodes for the same expression
and namespaces, so nothing in the output changes. The cache is keyed by the
expression alone (the namespaces are python-pptx's fixed map) and bounded, since a
few python-pptx queries (charts, which the deck has none of) format numbers into it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree
from pptx.oxml.ns import _nsmap
from pptx.oxml.xmlchemy import BaseOxmlElement


@lru_cache(maxsize=512)
def _compiled(expression: str) -> etree.XPath:
    return etree.XPath(expression, namespaces=_nsmap)


def _xpath(element: BaseOxmlElement, expression: str) -> Any:
    """`BaseOxmlElement.xpath` (the same nodes), with the expression compiled once."""
    return _compiled(expression)(element)


def install() -> None:
    """Make every python-pptx element's `xpath` use compiled expressions; once per process is enough."""
    BaseOxmlElement.xpath = _xpath  # type: ignore[method-assign]
