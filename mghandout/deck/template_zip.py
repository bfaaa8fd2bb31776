"""A user's template file read as a package python-pptx can open safely: only the parts the deck can use.

python-pptx reads every entry of the zip into memory, so a 1 MB template holding a
1 GB entry nothing refers to took 2 GB to open; and it parses XML keeping entities it
does not resolve, so a DOCTYPE in a template's part gave an internal error, or a deck
whose part no longer parsed. Here the template's parts are found by following its
relationships from the package's, as python-pptx follows them, and only those are
read (at most `MAX_BYTES` in all), every XML part among them checked by
`xmlsafe.parse` (a DOCTYPE is refused naming the part). A macro-enabled file
(.pptm, .potm, .ppsm) loses its macros, and a template or show (.potx, .ppsx) its
main part's label, so what is built on is always a plain presentation.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from mghandout.errors import InputError
from mghandout.xmlsafe import XmlError, parse

MAX_BYTES = 100_000_000
"""The most the parts a deck can use may take unpacked: a template is a few megabytes; its pictures, say, 50."""
PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
OTHER_MAINS = frozenset({
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml",
})
"""The main part's type in a .potx, .ppsx, .pptm, .potm and .ppsm: each holds a presentation as a .pptx does."""
MACROS = frozenset({"http://schemas.microsoft.com/office/2006/relationships/vbaProject"})
"""Relationships to a macro project: never followed, so its part never reaches the deck."""
CONTENT_TYPES = "[Content_Types].xml"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_HINT = "save the template again from PowerPoint as .pptx, or leave out --template"


class TemplateError(InputError):
    """The template cannot be used: unreadable, unsafe, too large, or without a layout the deck can be built on."""


def template_package(template: Path) -> io.BytesIO:
    """The template as a zip in memory holding only the parts reachable from its relationships, checked."""
    try:
        with zipfile.ZipFile(template) as package:
            return _Reader(template, package).rebuilt()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError) as error:
        raise TemplateError(str(template), f"not a PowerPoint file that can be read ({type(error).__name__})",
                                   _HINT) from None


class _Reader:
    """One template's zip: reads parts on demand, counting what they take against `MAX_BYTES`."""

    def __init__(self, template: Path, package: zipfile.ZipFile) -> None:
        self.template, self.package = template, package
        self.entries = {info.filename: info for info in package.infolist()}
        self.read_bytes = 0

    def rebuilt(self) -> io.BytesIO:
        types = self._xml(CONTENT_TYPES)
        content_type = _content_types(types)
        kept: dict[str, bytes] = {}
        pending = ["/"]
        while pending:
            source = pending.pop()
            rels_name = _rels_name(source)
            if rels_name not in self.entries:
                continue
            rels = self._xml(rels_name)
            for rel in list(rels.iter(_RELATIONSHIP)):
                if rel.get("Type") in MACROS:
                    rels.remove(rel)
                    continue
                if rel.get("TargetMode") == "External":
                    continue
                target = _target(source, rel.get("Target", ""))
                if target not in kept and target in self.entries:
                    kept[target] = self._part(target, content_type(target))
                    pending.append("/" + target)
            kept[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
        for override in types.iter(f"{_CT}Override"):
            if override.get("ContentType") in OTHER_MAINS:
                override.set("ContentType", PRESENTATION)
        kept[CONTENT_TYPES] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as plain:
            for name, data in kept.items():
                plain.writestr(name, data)
        buffer.seek(0)
        return buffer

    def _part(self, name: str, content_type: str) -> bytes:
        """A part's bytes, checked to parse when it is XML."""
        data = self._read(name)
        if content_type.endswith("xml"):
            self._parsed(name, data)
        return data

    def _xml(self, name: str) -> etree._Element:
        if name not in self.entries:
            raise TemplateError(str(self.template), f"not a PowerPoint file: it has no part {name}", _HINT)
        return self._parsed(name, self._read(name))

    def _parsed(self, name: str, data: bytes) -> etree._Element:
        try:
            return parse(data)
        except XmlError as error:
            raise TemplateError(str(self.template), f"the template's part {name} {error}", _HINT) from None

    def _read(self, name: str) -> bytes:
        self.read_bytes += self.entries[name].file_size
        if self.read_bytes > MAX_BYTES:
            raise TemplateError(
                str(self.template),
                f"the parts of the template the deck would use take more than {MAX_BYTES // 1_000_000} MB unpacked "
                f"(reached at {name}, {self.entries[name].file_size / 1e6:,.0f} MB)",
                "make its pictures and media smaller, or leave out --template",
            )
        return self.package.read(name)


def _rels_name(source: str) -> str:
    """The zip entry of a part's relationships: `/` (the package) has `_rels/.rels`."""
    folder, name = posixpath.split(source)
    return posixpath.join(folder, "_rels", f"{name}.rels").lstrip("/")


def _target(source: str, target: str) -> str:
    """A relationship's target as a zip entry name, resolved as python-pptx resolves it."""
    base = posixpath.dirname(source) if source != "/" else "/"
    return posixpath.normpath(posixpath.join(base, target)).lstrip("/")


def _content_types(types: etree._Element) -> Callable[[str], str]:
    """A part's content type by its entry name: its Override, else the Default for its extension."""
    overrides = {e.get("PartName", "").lstrip("/").lower(): e.get("ContentType", "")
                 for e in types.iter(f"{_CT}Override")}
    defaults = {e.get("Extension", "").lower(): e.get("ContentType", "") for e in types.iter(f"{_CT}Default")}

    def content_type(name: str) -> str:
        extension = posixpath.splitext(name)[1].lstrip(".").lower()
        return overrides.get(name.lower(), defaults.get(extension, ""))

    return content_type
