"""reportlab's PDF document written with object streams (PDF 1.5), so the handout's tags cost few bytes.

reportlab writes every object as plain text under a classic cross-reference table. A
tagged handout adds a few hundred small dictionaries, mostly text (each element's
/ActualText): written plain, they made the file 60 to 90 % larger. PDF 1.5 lets every
object that is not a stream sit, compressed, in an object stream, found through a
cross-reference stream. `PackedDocument.format` is reportlab's `PDFDocument.format` with
that one change: which objects, their numbers and their text are reportlab's.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from struct import pack

from reportlab.pdfbase.pdfdoc import NoEncryption, PDFDocument, PDFFile
from reportlab.pdfbase.pdfdoc import format as pdf_format

PER_STREAM = 100
"""Objects per object stream (qpdf's choice too): a reader inflates one stream to reach one of them."""


class PackedDocument(PDFDocument):
    """A PDFDocument whose dictionaries and arrays are written into compressed object streams."""

    def format(self) -> bytes:
        """The file: streams written as reportlab writes them, every other object packed, then the
        cross-reference stream, whose entries say where each object is (1: at an offset, 2: in a stream)."""
        if not isinstance(self.encrypt, NoEncryption):
            return super().format()
        catalog, info = self.Reference(self.Catalog), self.Reference(self.info)
        file = PDFFile(self._pdfVersion)
        entries: dict[int, tuple[int, int, int]] = {}
        packed: list[tuple[int, bytes]] = []
        for number, body in self._bodies():
            if body.endswith(b"endstream\n"):
                entries[number] = (1, file.add(b"%d 0 obj\n%sendobj\n" % (number, body)), 0)
            else:
                packed.append((number, body))
        number = len(entries) + len(packed) + 1
        for start in range(0, len(packed), PER_STREAM):
            chunk = packed[start : start + PER_STREAM]
            entries |= {kept: (2, number, index) for index, (kept, _) in enumerate(chunk)}
            entries[number] = (1, file.add(_object_stream(number, chunk)), 0)
            number += 1
        entries[number] = (1, file.offset, 0)
        rows = pack(">BIH", 0, 0, 65535) + b"".join(pack(">BIH", *entries[n]) for n in range(1, number + 1))
        identifier = self.ID().split(b"%")[0].strip()
        trailer = b"/Type /XRef /Size %d /W [1 4 2] /Root %s /Info %s /ID %s" % (
            number + 1,
            catalog.format(self),
            info.format(self),
            identifier,
        )
        start = file.add(_stream(number, trailer, rows))
        file.add(b"startxref\n%d\n%%%%EOF\n" % start)
        return file.format(self)

    def _bodies(self) -> Iterator[tuple[int, bytes]]:
        """Each object's number and body, in order; formatting one may register more."""
        number = 1
        while number in self.numberToId:
            yield number, pdf_format(self.idToObject[self.numberToId[number]], self, toplevel=1)
            number += 1


def _object_stream(number: int, objects: list[tuple[int, bytes]]) -> bytes:
    """Object `number`: the objects' bodies one after another, each found by its offset in the header."""
    header, at = [], 0
    for kept, body in objects:
        header.append(b"%d %d" % (kept, at))
        at += len(body) + 1
    head = b" ".join(header) + b"\n"
    content = head + b"\n".join(body for _, body in objects) + b"\n"
    return _stream(number, b"/Type /ObjStm /N %d /First %d" % (len(objects), len(head)), content)


def _stream(number: int, entries: bytes, content: bytes) -> bytes:
    data = zlib.compress(content)
    return b"%d 0 obj\n<< %s /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
        number,
        entries,
        len(data),
        data,
    )
