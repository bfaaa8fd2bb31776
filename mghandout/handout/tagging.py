"""A tagged PDF (PDF/UA-1): marked content while reportlab draws, the structure tree as it saves.

Open-source reportlab writes no structure tree. This module adds one without
changing a pixel of the page:

- `Tagger.tag(item, flowables)` decides, from the layout item and its flowables,
  each flowable's role (H1, H2, H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure) as a
  node of the tree, in reading order, and hooks that flowable's drawing.
- `TaggedCanvas` wraps each text object and image drawn inside a hooked flowable
  in `/Role <</MCID n>> BDC ... EMC` and everything else on the page (rules,
  backgrounds, write-in lines, a table's repeated header) in `/Artifact`;
  `artifact("Pagination")` marks the running footer.
- `Tagger.finish(canvas)`, once the last page is shown and before the canvas saves,
  adds to reportlab's own document objects the StructTreeRoot and its ParentTree,
  `/MarkInfo`, XMP with `dc:title` and `pdfuaid:part`, `/DisplayDocTitle`, `/Tabs /S`,
  Link elements for the link annotations, and drops ToUnicode entries to U+0000:
  the file is written once, by reportlab, with its tags.

reportlab drops the space at a line break, so every text element carries its whole
text as `/ActualText`: a screen reader reads "word word", not "wordword".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from typing import Any

from reportlab.pdfbase.pdfdoc import (
    BasicFonts,
    PDFArray,
    PDFDictionary,
    PDFDocument,
    PDFName,
    PDFObjectReference,
    PDFPage,
    PDFStream,
    PDFString,
    PDFtrue,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, Paragraph, Table

from mghandout.handout.layout import Alert, Boxed, Grid, Item, Notes
from mghandout.handout.objstreams import PackedDocument
from mghandout.handout.shaping import in_reading_order

STYLE_ROLES: dict[str, str | None] = {
    "title": "H1",
    "heading": "H2",
    "subheading": "H2",
    "label": "H3",
    "question": "H3",
    "cue": None,
}
"""Roles of paragraphs by their style's name; any other style is a P. A "cue" (a table's
"(continued)" over its part on the next page, a box's or a food group's title and "(continued)")
repeats what the reader knows: an artifact, never the heading of the box it stands in."""


@dataclass(eq=False)
class Node:
    """One structure element: its role, kids, and the marked content drawn for it (page index, MCID).

    A node with no role is a group: its kids stand in its place in the tree written.
    """

    role: str
    kids: list[Node] = field(default_factory=list)
    marks: list[tuple[int, int]] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)
    alt: str | None = None
    text: str | None = None
    header: bool = False
    cells: dict[tuple[int, int], Node] = field(default_factory=dict)
    """A Table's cells by (row, column) of the source table: the bands of a tall row share its TR and TDs."""

    def add(self, role: str, **more: Any) -> Node:
        kid = Node(role, **more)
        self.kids.append(kid)
        return kid

    def has_content(self) -> bool:
        return bool(self.marks or self.links or any(kid.has_content() for kid in self.kids))


@dataclass(eq=False)
class _Scope:
    """What a hooked flowable's drawing is tagged as: its text objects go to `targets` in turn.

    A list item's first text object is its bullet (Lbl), the rest its body (LBody);
    a continuation on the next page has no bullet. The last target takes the rest.
    """

    targets: list[Node]
    whole: bool = False
    """One marked sequence around all the flowable draws (a figure), not one per text object."""
    drawn: int = 0

    def next_target(self) -> Node:
        target = self.targets[min(self.drawn, len(self.targets) - 1)]
        self.drawn += 1
        return target


class TaggedCanvas(Canvas):
    """A canvas that marks what it draws: tagged content inside a hooked flowable, artifacts elsewhere.

    The page's content is one artifact with tagged sequences cut into it: each begins
    with EMC (closing the artifact) and ends by reopening it. The outer artifact is put
    around the page's code as the page is written, so pages held back for "Page X of Y"
    stay consistent.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # PDF/UA-1 is built on PDF 1.7 (ISO 32000-1); reportlab would write 1.4 into the header.
        super().__init__(*args, pdfVersion=(1, 7), **kwargs)
        # The document reportlab's canvas made, written with its objects packed (objstreams.py).
        self._doc.__class__ = PackedDocument
        self._tag_scope: _Scope | None = None
        self._tag_next_mcid = 0

    def _startPage(self) -> None:  # noqa: N802  reportlab's name
        super()._startPage()
        self._tag_next_mcid = 0

    def drawText(self, aTextObject: Any) -> None:  # noqa: N802, N803  reportlab's names
        with self._marked():
            super().drawText(aTextObject)

    def drawImage(self, *args: Any, **kwargs: Any) -> Any:  # noqa: N802  reportlab's name
        with self._marked():
            return super().drawImage(*args, **kwargs)

    @contextmanager
    def artifact(self, kind: str) -> Iterator[None]:
        """Draw the body of the `with` as an artifact of this kind (Pagination for the running footer)."""
        self._code.append(f"EMC /Artifact <</Type /{kind}>> BDC")
        yield
        self._code.append("EMC /Artifact BMC")

    @contextmanager
    def tag_scope(self, scope: _Scope | None) -> Iterator[None]:
        """Tag what is drawn inside as `scope` says (None: as an artifact)."""
        outer, self._tag_scope = self._tag_scope, scope
        annotations = len(self._annotationrefs)
        try:
            if scope is not None and scope.whole:
                with self._marked():
                    yield
            else:
                yield
        finally:
            self._tag_scope = outer
        if scope is not None:
            page = self._pageNumber - 1
            scope.targets[-1].links += [(page, index) for index in range(annotations, len(self._annotationrefs))]

    @contextmanager
    def _marked(self) -> Iterator[None]:
        if self._tag_scope is None:
            yield
            return
        node = self._tag_scope.next_target()
        mcid, self._tag_next_mcid = self._tag_next_mcid, self._tag_next_mcid + 1
        node.marks.append((self._pageNumber - 1, mcid))
        self._code.append(f"EMC /{node.role} <</MCID {mcid}>> BDC")
        scope, self._tag_scope = self._tag_scope, None
        try:
            yield
        finally:
            self._tag_scope = scope
            self._code.append("EMC /Artifact BMC")

    def showPage(self) -> None:  # noqa: N802  reportlab's name
        self._code.insert(0, "/Artifact BMC")
        self._code.append("EMC")
        super().showPage()


class Tagger:
    """The structure tree of one handout, filled while its story is made and drawn."""

    def __init__(self, logo_alt: str | None) -> None:
        self.root = Node("Document")
        self.logo_alt = logo_alt

    def tag(self, item: Item, flowables: list[Flowable]) -> list[Flowable]:
        """Give the flowables of one layout item their place in the tree; returns them unchanged.

        A box's first paragraph is its heading: the disclaimer's and the notes' are H2
        (parts of the handout), a callout's H3 (it sits in a section), whatever its style.
        """
        parent = self.root.add("Div") if isinstance(item, Alert) else self.root
        first = {Alert: "H3", Boxed: "H2", Notes: "H2"}.get(type(item))
        _Walk(self, parent, first, data_table=isinstance(item, Grid)).flowables(flowables)
        return flowables

    def finish(self, canvas: Canvas, *, title: str) -> None:
        """Put the structure tree and the catalog entries PDF/UA-1 asks for into the canvas's document.

        Called once every page is shown and before the canvas saves: the pages and their
        annotations are then reportlab's objects, not yet written, and the tree joins them
        in the one pass that writes the file.
        """
        doc = canvas._doc
        _drop_null_unicode(doc)
        _Tree(doc).write(self.root)
        _catalog(doc, title)


@dataclass
class _Walk:
    """Walks one item's flowables in reading order, making nodes and hooking the flowables that draw text."""

    tagger: Tagger
    parent: Node
    first: str | None
    """The role of the first paragraph walked, when it heads a box."""
    data_table: bool
    grid: Node | None = None
    """The item's Table once walked: a part of it on the next page adds its rows there."""
    _list: Node | None = None
    _body: Node | None = None
    """The node of the last paragraph or list item body walked: a piece of it cut between lines (`continues`:
    a long food, a long summary) goes on in it."""

    def flowables(self, flowables: list[Any]) -> None:
        for flowable in flowables:
            self.flowable(flowable)

    def flowable(self, flowable: Any) -> None:
        if getattr(flowable, "decorative", False):
            return  # a decorative picture (a figure's `decorative: true`) is drawn as an artifact
        if isinstance(flowable, Paragraph):
            self.paragraph(flowable)
        elif isinstance(flowable, Image) or isinstance(getattr(flowable, "alt", None), str):
            self._list = None
            alt = getattr(flowable, "alt", None) or self.tagger.logo_alt
            figure = self.parent.add("Figure", alt=alt)
            _hook(flowable, lambda: [figure], whole=True)
        elif isinstance(flowable, Table):
            self.table(flowable)
        elif isinstance(flowable, (list, tuple)):
            self.flowables(list(flowable))
        elif hasattr(flowable, "_content"):
            self.flowables(flowable._content)
        elif isinstance(flowable, Flowable) and not type(flowable).__module__.startswith("reportlab."):
            self._later(flowable)

    def paragraph(self, paragraph: Paragraph, cell: Node | None = None) -> None:
        text = _plain(paragraph)
        if not text.strip():
            return
        if cell is not None:
            cell.text = " ".join(filter(None, [cell.text, text]))
            _hook(paragraph, lambda: [cell])
            return
        if getattr(paragraph, "continues", False) and self._body is not None:
            body = self._body
            body.text = " ".join(filter(None, [body.text, text]))
            _hook(paragraph, lambda: [body])
            return
        if paragraph.bulletText:
            self._list = self._list or self.parent.add("L")
            item = self._list.add("LI")
            label, body = item.add("Lbl"), item.add("LBody", text=text)
            self._body = body
            _hook(paragraph, lambda: [label, body], lambda: [body])
            return
        self._list = None
        if paragraph.style.name in STYLE_ROLES and STYLE_ROLES[paragraph.style.name] is None:
            return
        role, self.first = self.first or STYLE_ROLES.get(paragraph.style.name, "P"), None
        node = self.parent.add(role, text=text)
        self._body = node
        _hook(paragraph, lambda: [node])

    def table(self, table: Table) -> None:
        """A table of data (the item's table with a repeated header) is a Table; any other is only layout."""
        self._list = None
        if self.data_table and table.repeatRows:
            header = self.grid is None
            self.grid = self.grid or self.parent.add("Table")
            for number, row in enumerate(table._cellvalues):
                if number < table.repeatRows and not header:
                    continue
                self._row(row, number < table.repeatRows)
            return
        for row in table._cellvalues:
            for value in in_reading_order(row):
                self.flowable(value)
                self._list = None

    def _row(self, row: list[Any], head: bool) -> None:
        """One row of a data table. A band of a tall row (its cells' paragraphs carry `band_of`, the source
        row and column) adds its text to the row's TR and TDs, made by its first band."""
        assert self.grid is not None
        keys = [getattr(paragraph, "band_of", None) for value in row for paragraph in _paragraphs(value)]
        source = next((key[0] for key in keys if key is not None), None)
        tr = None
        for column, value in enumerate(in_reading_order(row)):
            cell = self.grid.cells.get((source, column)) if source is not None else None
            if cell is None:
                tr = tr or self.grid.add("TR")
                cell = tr.add("TH" if head else "TD", header=head)
                if source is not None:
                    self.grid.cells[source, column] = cell
            for paragraph in _paragraphs(value):
                self.paragraph(paragraph, cell)

    def _later(self, flowable: Flowable) -> None:
        """A flowable of ours that makes what it draws only as it is laid out: walked then, in its place.

        One that splits (a table or food grid broken between rows) is walked piece by
        piece as it splits, its pieces' nodes in a group of their own where it stood, a
        table going on in the same Table, after it is walked whole if it can say what it
        holds (`whole`); one that draws (the write-in box) when it draws.
        """
        group = self.parent.add("")
        walk = _Walk(self.tagger, group, self.first, self.data_table, self.grid)
        whole = getattr(flowable, "whole", None)
        if whole is not None and not self.data_table:
            # A run broken inside its units (a food group going on overleaf) is read in its own order:
            # its texts get their nodes now, from the run laid out whole, and keep them in every part.
            walk.flowables(whole())
        draw_on, split = flowable.drawOn, flowable.split

        def tagged_split(width: float, height: float) -> list[Flowable]:
            pieces = split(width, height)
            walk.flowables(pieces)
            return pieces

        def tagged_draw_on(canvas: TaggedCanvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803
            group.kids.clear()
            inner = [value for value in vars(flowable).values() if isinstance(value, Flowable)]
            _Walk(self.tagger, group, self.first, data_table=False).flowables(inner)
            draw_on(canvas, x, y, _sW)

        flowable.drawOn, flowable.split = tagged_draw_on, tagged_split


def _plain(paragraph: Paragraph) -> str:
    """A paragraph's text; for a part of one cut between lines (a band of a tall table row), which
    reportlab's `getPlainText` gives as empty, the words of its lines."""
    text = paragraph.getPlainText()
    if text.strip():
        return text
    words: list[str] = []
    for line in getattr(getattr(paragraph, "blPara", None), "lines", []):
        if isinstance(line, tuple):
            words += [word if isinstance(word, str) else getattr(word, "text", "") for word in line[1]]
        else:
            words += ["".join(getattr(frag, "text", "") for frag in getattr(line, "words", []))]
    return " ".join(words)


def _paragraphs(value: Any) -> list[Paragraph]:
    if isinstance(value, Paragraph):
        return [value]
    if isinstance(value, (list, tuple)):
        return [inner for part in value for inner in _paragraphs(part)]
    return []


def _hook(
    flowable: Flowable,
    targets: Callable[[], list[Node]],
    continued: Callable[[], list[Node]] | None = None,
    whole: bool = False,
) -> None:
    """Tag what `flowable` draws; the pieces a page break splits it into continue the same nodes.

    Drawn a second time (a table's header row repeated on the next page), the same
    flowable is an artifact: its text is in the tree once. Hooked once: a flowable walked
    again (a reference in a part laid out anew) keeps the nodes it was first given.
    """
    if getattr(flowable, "_tagged", False):
        return
    flowable._tagged = True
    draw_on, split = flowable.drawOn, flowable.split
    drawn: list[bool] = []

    def tagged_draw_on(canvas: TaggedCanvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803
        with canvas.tag_scope(None if drawn else _Scope(targets(), whole)):
            draw_on(canvas, x, y, _sW)
        drawn.append(True)

    def tagged_split(width: float, height: float) -> list[Flowable]:
        pieces = split(width, height)
        for index, piece in enumerate(pieces):
            if piece is not flowable:
                _hook(piece, targets if index == 0 else (continued or targets), continued, whole)
        return pieces

    flowable.drawOn, flowable.split = tagged_draw_on, tagged_split


def _shown(nodes: list[Node]) -> Iterator[Node]:
    """The nodes with content, a group (no role) replaced by its own."""
    for node in nodes:
        if not node.role:
            yield from _shown(node.kids)
        elif node.has_content():
            yield node


class _Tree:
    """Writes the nodes as StructElems, with the ParentTree that maps each page's MCIDs back to them.

    Each object is one of reportlab's, registered with its document: it is written out,
    with every reference resolved, when the canvas saves.
    """

    def __init__(self, doc: PDFDocument) -> None:
        self.doc = doc
        self.pages: list[PDFPage] = doc.Pages.pages
        self.refs = [doc.Reference(page) for page in self.pages]
        self.parents: list[dict[int, PDFObjectReference]] = [{} for _ in self.pages]
        self.annotations: list[PDFObjectReference] = []
        self.root = PDFDictionary({"Type": PDFName("StructTreeRoot")})

    def write(self, document: Node) -> None:
        self.root["K"] = self._element(document, self.doc.Reference(self.root))
        nums: list[Any] = []
        for index, page in enumerate(self.pages):
            # PDFPage writes only the keys its __NoDefault__ names; these two are not among them.
            page.__NoDefault__ = [*page.__NoDefault__, "StructParents", "Tabs"]
            page.StructParents, page.Tabs = index, PDFName("S")
            nums += [index, PDFArray(self.parents[index][mcid] for mcid in sorted(self.parents[index]))]
        for key, element in enumerate(self.annotations, start=len(self.pages)):
            nums += [key, element]
        self.root["ParentTree"] = self.doc.Reference(PDFDictionary({"Nums": PDFArray(nums)}))
        self.root["ParentTreeNextKey"] = len(self.pages) + len(self.annotations)
        self.doc.Catalog.StructTreeRoot = self.root

    def _element(self, node: Node, parent: PDFObjectReference) -> PDFObjectReference:
        element = _struct_element(node.role, parent)
        reference = self.doc.Reference(element)
        if node.alt is not None:
            element["Alt"] = PDFString(node.alt)
        if node.text is not None and node.marks:
            element["ActualText"] = PDFString(node.text)
        if node.header:
            element["A"] = PDFDictionary({"O": PDFName("Table"), "Scope": PDFName("Column")})
        kids: list[Any] = []
        if node.marks:
            # Content on the element's own page (its /Pg) is a bare MCID, a tenth of the bytes of a
            # marked-content reference; only the part of a split element overleaf needs one.
            element["Pg"] = self.refs[node.marks[0][0]]
        for page, mcid in node.marks:
            own = page == node.marks[0][0]
            kids.append(mcid if own else PDFDictionary({"Type": PDFName("MCR"), "Pg": self.refs[page], "MCID": mcid}))
            self.parents[page][mcid] = reference
        kids += [self._element(kid, reference) for kid in _shown(node.kids)]
        kids += [self._link(page, index, reference) for page, index in node.links]
        element["K"] = PDFArray(kids)
        return reference

    def _link(self, page: int, index: int, parent: PDFObjectReference) -> PDFObjectReference:
        """A Link element holding its annotation, which says where it goes in /Contents."""
        held = self.pages[page].Annots[index]
        annotation: PDFDictionary = self.doc.idToObject[held.name]
        objr = PDFDictionary({"Type": PDFName("OBJR"), "Obj": held, "Pg": self.refs[page]})
        link = _struct_element("Link", parent, Pg=self.refs[page], K=PDFArray([objr]))
        annotation["StructParent"] = len(self.pages) + len(self.annotations)
        if "Contents" not in annotation and "A" in annotation and "URI" in annotation["A"]:
            annotation["Contents"] = annotation["A"]["URI"]
        reference = self.doc.Reference(link)
        self.annotations.append(reference)
        return reference


def _struct_element(role: str, parent: PDFObjectReference, **more: Any) -> PDFDictionary:
    return PDFDictionary({"Type": PDFName("StructElem"), "S": PDFName(role), "P": parent, **more})


def _catalog(doc: PDFDocument, title: str) -> None:
    catalog = doc.Catalog
    catalog.MarkInfo = PDFDictionary({"Marked": PDFtrue})
    catalog.ViewerPreferences = PDFDictionary({"DisplayDocTitle": PDFtrue})
    language = catalog.Lang.s if catalog.Lang else "en"
    kind = PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")})
    catalog.Metadata = PDFStream(kind, _xmp(title, language).encode("utf-8"))


def _xmp(title: str, language: str) -> str:
    """XMP written out in full, so the same handout gives the same bytes (no editing date)."""
    title, language = escape(title, quote=False), escape(language, quote=False)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>\n'
        f"<dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>\n"
        "<pdfuaid:part>1</pdfuaid:part>\n"
        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )


_NULL_ENTRY = re.compile(r"^<[0-9A-F]+> <0000>\n", re.MULTILINE)
_BFCHAR_COUNT = re.compile(r"(\d+) beginbfchar")


def _drop_null_unicode(doc: PDFDocument) -> None:
    """reportlab maps each subset's .notdef (code 0, never drawn) to U+0000, which PDF/UA forbids.

    reportlab makes a font's objects, ToUnicode CMaps among them, only as it saves
    (`PDFDocument.delayedFonts`). They are made here instead, once every page is drawn,
    so each CMap can lose those entries before it is written.
    """
    for font in doc.delayedFonts:
        font.addObjects(doc)
    doc.delayedFonts = []
    for font in doc.idToObject[BasicFonts].dict.values():
        unicode = getattr(font, "ToUnicode", None)
        if unicode is None:
            continue
        cmap = doc.idToObject[unicode.name]
        content, removed = _NULL_ENTRY.subn("", cmap.content)
        if removed:
            count = int(_BFCHAR_COUNT.search(content).group(1)) - removed
            cmap.content = _BFCHAR_COUNT.sub(f"{count} beginbfchar", content, count=1)
