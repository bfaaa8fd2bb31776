"""The deck's .pptx bytes: python-pptx's package written as its `PackageWriter` writes it, reproducibly.

Every zip entry is stamped with the build's date, not the time of saving: stamping
while writing, rather than rewriting the saved zip, keeps the file byte-for-byte
reproducible without compressing every part twice (a sixth of a deck's time). Each
part's relationships are written as python-pptx writes them, with the same elements,
attributes and order, but built directly: python-pptx parses a one-element document
for every relationship (a tenth of the time of saving).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from typing import IO, Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.oxml import nsmap
from pptx.opc.packuri import PACKAGE_URI, PackURI
from pptx.opc.serialized import PackageWriter

_RELATIONSHIPS, _RELATIONSHIP = f"{{{nsmap['pr']}}}Relationships", f"{{{nsmap['pr']}}}Relationship"


def save(presentation: Any, when: dt.datetime) -> bytes:
    """The .pptx bytes, the same for the same deck and date."""
    package = presentation.part.package
    buffer = io.BytesIO()
    _StampedPackageWriter(buffer, package._rels, tuple(package.iter_parts()), when)._write()
    return buffer.getvalue()


def rels_xml(rels: Any) -> bytes:
    """A part's relationships as python-pptx's `_Relationships.xml` serialises them: in the numeric order of their
    ids, the target mode only when external."""
    def number(rId: str) -> tuple[int, str]:
        return int(rId[3:]) if rId.startswith("rId") and rId[3:].isdigit() else 0, rId

    root = etree.Element(_RELATIONSHIPS, nsmap={None: nsmap["pr"]})
    for rId in sorted(rels.keys(), key=number):
        rel = rels[rId]
        entry = etree.SubElement(root, _RELATIONSHIP, Id=rId, Type=rel.reltype, Target=rel.target_ref)
        if rel.is_external:
            entry.set("TargetMode", RTM.EXTERNAL)
    return etree.tostring(root, encoding="UTF-8", standalone=True)


class _StampedPackageWriter(PackageWriter):
    """python-pptx's package writer, every zip entry stamped with the build's date, relationships built directly."""

    def __init__(self, pkg_file: IO[bytes], pkg_rels: Any, parts: Sequence[Any], when: dt.datetime) -> None:
        super().__init__(pkg_file, pkg_rels, parts)
        stamp = when.astimezone(dt.timezone.utc).timetuple()[:6]
        self.stamp = min(max(stamp, (1980, 1, 1, 0, 0, 0)), (2107, 12, 31, 23, 59, 58))  # the dates a zip entry holds

    def _write(self) -> None:
        with zipfile.ZipFile(self._pkg_file, "w", zipfile.ZIP_DEFLATED) as target:
            self._write_content_types_stream(_Stamped(target, self.stamp))
            self._write_pkg_rels(_Stamped(target, self.stamp))
            self._write_parts(_Stamped(target, self.stamp))

    def _write_pkg_rels(self, phys_writer: Any) -> None:
        phys_writer.write(PACKAGE_URI.rels_uri, rels_xml(self._pkg_rels))

    def _write_parts(self, phys_writer: Any) -> None:
        for part in self._parts:
            phys_writer.write(part.partname, part.blob)
            if part._rels:
                phys_writer.write(part.partname.rels_uri, rels_xml(part._rels))


class _Stamped:
    """The zip writer `PackageWriter` writes through: each member deflated and dated `stamp`."""

    def __init__(self, target: zipfile.ZipFile, stamp: tuple[int, ...]) -> None:
        self.target, self.stamp = target, stamp

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=self.stamp)  # type: ignore[arg-type]
        entry.compress_type = zipfile.ZIP_DEFLATED
        self.target.writestr(entry, blob)
