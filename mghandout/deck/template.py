"""A user's template made fit to build on: its sample slides gone from every reference, and its layouts found.

Templates come from PowerPoint, LibreOffice, pandoc and Google Slides, and each
names and shapes its layouts its own way. The deck needs three kinds of layout; each
is found by its name (in the spellings PowerPoint and LibreOffice use), else by the
layout type PowerPoint records, else by the placeholders it holds. A template's own
slides are removed with everything that names them (custom shows, sections, a slide
show's range, relationships from any part), or their parts would survive beside
ours under the same names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.slide import SlideLayout

from mghandout.deck.template_zip import TemplateError, template_package

NAMES = {
    "title": ("Title Slide",),
    "content": ("Title and Content", "Title, Content"),
    "title_only": ("Title Only",),
}
"""The layout names each kind is known by: PowerPoint's, then LibreOffice's."""
TYPES = {"title": ("title",), "content": ("obj", "tx"), "title_only": ("titleOnly",)}
"""The `p:sldLayout type` each kind has when the template's program records it."""
SHAPES = {"title": ("title", "body"), "content": ("title", "body"), "title_only": ("title",)}
"""What each kind holds (see `_shape`), for templates whose layouts have neither our names nor a type."""
TITLES = {"title", "ctrTitle"}
BODIES = {"body", "obj", "subTitle"}
LATENT = {"dt", "ftr", "sldNum"}
"""Placeholders a slide shows only when asked (date, footer, slide number): they say nothing about the layout's kind."""
_SECTIONS = "{http://schemas.microsoft.com/office/powerpoint/2010/main}sectionLst"
_REL_ID = qn("r:id")


__all__ = ["TemplateError", "find_layout", "open_template", "remove_slides"]


def open_template(template: Path) -> Any:
    """The user's template (.pptx, .potx, .ppsx, or one with macros), its slides removed, checked to hold every
    layout the deck needs."""
    package = template_package(template)  # only the parts the deck can use, checked, macros and labels dropped
    try:
        presentation = Presentation(package)
    except Exception as error:
        raise TemplateError(str(template), f"not a PowerPoint file that can be read ({type(error).__name__})",
                            "save it from PowerPoint as .pptx, or leave out --template") from None
    remove_slides(presentation)
    for kind in NAMES:
        find_layout(presentation, kind, template)
    return presentation


def find_layout(presentation: Any, kind: str, template: Path | None) -> SlideLayout:
    """The layout for `kind` ("title", "content", "title_only"): by name, else by type, else by its placeholders."""
    layouts = list(presentation.slide_layouts)
    tests = (
        lambda layout: layout.name in NAMES[kind],
        lambda layout: layout._element.get("type") in TYPES[kind] and _shape(layout) == SHAPES[kind],
        lambda layout: _shape(layout) == SHAPES[kind],
    )
    for test in tests:
        found = next((layout for layout in layouts if test(layout)), None)
        if found is not None:
            return found
    nearest = _nearest(layouts, kind)
    if nearest is not None:
        return nearest
    names = ", ".join(f"'{layout.name}'" for layout in layouts) or "none"
    name = NAMES[kind][0]
    raise TemplateError(str(template), f"the template has no slide layout named '{name}' nor one shaped like it "
                        f"(its layouts: {names})",
                        f"add a layout named '{name}' to the template's slide master, or leave out --template")


def _nearest(layouts: list[SlideLayout], kind: str) -> SlideLayout | None:
    """For a kind no layout has, the layout that comes nearest: one with a title (and a text placeholder, for content),
    the fewest other placeholders first. A template without "Title Only" builds on its "Title and Content", whose
    body placeholder the writer leaves out when the slide does not fill it."""
    def fits(layout: SlideLayout) -> bool:
        types = [_ph_type(placeholder.element) for placeholder in layout.placeholders]
        return any(t in TITLES for t in types) and (kind != "content" or any(t in ("body", "obj") for t in types))

    return min((layout for layout in layouts if fits(layout)), key=lambda layout: len(layout.placeholders),
               default=None)


def _shape(layout: SlideLayout) -> tuple[str, ...]:
    """What a layout holds, as the deck sees it: a title, and a body if it has one text placeholder; () for a layout
    with no title, more text placeholders, or anything else (pictures, charts, tables)."""
    xml_types = [_ph_type(placeholder.element) for placeholder in layout.placeholders]
    title = [t for t in xml_types if t in TITLES]
    bodies = [t for t in xml_types if t in BODIES]
    others = [t for t in xml_types if t not in TITLES | BODIES | LATENT]
    if len(title) != 1 or others or len(bodies) > 1:
        return ()
    return ("title", "body") if bodies else ("title",)


def _ph_type(sp: Any) -> str:
    ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
    return "obj" if ph is None else ph.get("type", "obj")


def remove_slides(presentation: Any) -> None:
    """Every slide of the template gone, with every reference to it: nothing left behind or named twice."""
    part = presentation.part
    slide_ids = presentation.slides._sldIdLst
    removed = set()
    for slide_id in list(slide_ids):
        if slide_id.rId in part._rels:  # a slide id naming no part (a damaged file) just goes
            removed.add(part.related_part(slide_id.rId))
        slide_ids.remove(slide_id)
    for holder in [part.package, *part.package.iter_parts()]:
        if holder not in removed:
            _drop_rels_to(holder, removed)
    _drop_custom_shows(part._element)
    for sections in part._element.iter(_SECTIONS):
        extension = sections.getparent()
        extension.getparent().remove(extension)
    _show_all_slides(part)


def _drop_rels_to(holder: Any, removed: set[Any]) -> None:
    """Relationships from `holder` to removed slides, and the XML elements that use them."""
    doomed = [rId for rId, rel in holder._rels.items() if not rel.is_external and rel.target_part in removed]
    if not doomed:
        return
    element = getattr(holder, "_element", None)
    tree = element if element is not None else _xml(holder)
    if tree is not None:
        for user in [e for e in tree.iter() if e.get(_REL_ID) in doomed]:
            user.getparent().remove(user)
        if element is None:
            holder.blob = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
    for rId in doomed:
        holder._rels.pop(rId)


def _xml(part: Any) -> Any:
    """The XML of a part python-pptx keeps as bytes (presentation properties, view properties), or None."""
    if not hasattr(part, "partname") or not part.content_type.endswith("+xml"):
        return None
    return etree.fromstring(part.blob)


def _drop_custom_shows(presentation: Any) -> None:
    """Custom shows left with no slide go, and the list of them when it is empty."""
    for shows in presentation.findall(qn("p:custShowLst")):
        for show in shows.findall(qn("p:custShow")):
            if not list(show.iter(qn("p:sld"))):
                shows.remove(show)
        if not len(shows):
            presentation.remove(shows)


def _show_all_slides(part: Any) -> None:
    """A slide show set to a removed custom show or to a range of the template's slides shows all of ours instead."""
    try:
        properties = part.part_related_by(RT.PRES_PROPS)
    except KeyError:
        return
    tree = etree.fromstring(properties.blob)
    show = tree.find(qn("p:showPr"))
    if show is None:
        return
    stale = [e for e in show if e.tag in (qn("p:custShow"), qn("p:sldRg"))]
    for element in stale:
        show.remove(element)
    if stale:
        properties.blob = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
