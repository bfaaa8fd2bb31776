"""XML from files we did not write (a user's template), parsed so that nothing in it is resolved or kept unchecked.

An Office file never holds a DOCTYPE. One that does may declare entities: expanded,
they read local files (XXE) or grow to gigabytes ("billion laughs"); kept unexpanded
(python-pptx's parser keeps them), they are written back as `&name;` without the
declaration, and the part no longer parses. So a part is parsed with entities,
DTDs and the network all off, and a DOCTYPE, or XML that does not parse, is refused.
"""

from __future__ import annotations

from lxml import etree

_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


class XmlError(ValueError):
    """A part that is not plain well-formed XML: what is wrong with it, in words."""


def parse(data: bytes) -> etree._Element:
    """The root element of `data`; XmlError when it declares a DOCTYPE or is not well-formed."""
    doctype = XmlError("declares a DOCTYPE, which no Office file holds (it can carry entities that read other files)")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        if b"<!DOCTYPE" in data[:4096] or "<!DOCTYPE".encode("utf-16-le") in data[:8192]:
            raise doctype from None
        raise XmlError(f"is not well-formed XML ({error.msg})") from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise doctype
    return root
