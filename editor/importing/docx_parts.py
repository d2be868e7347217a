"""The three parts of a Word document the importer reads — the body, the styles and the lists
(numbering) — found through the package's relationships and parsed by lxml, nothing else.

python-docx's ``Document()`` parses every part of the package into its own element classes
(a Python object behind each element the reader touches); reading only these three parts
into plain lxml elements is what lets an import of a big plan cost about what python-docx
takes merely to open it (tests/bench/bench_import.py).
"""
from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from lxml import etree

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# As python-docx parses: no entities resolved (no external files read), nothing fetched.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@dataclass
class DocxParts:
    document: etree._Element  # w:document
    styles: etree._Element | None  # w:styles
    numbering: etree._Element | None  # w:numbering


def _relationships(read: Callable[[str], bytes], names: Collection[str], part: str) -> dict[str, str]:
    """Relationship type (its last word: officeDocument, styles, numbering) → the target part's name."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in names:
        return {}
    found: dict[str, str] = {}
    for rel in etree.fromstring(read(rels), _PARSER).iter(_RELS):
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not kind.startswith(_TYPES) or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found.setdefault(kind[len(_TYPES):], path)
    return found


def read_parts(path, members: Mapping[str, bytes] | None = None) -> DocxParts:
    """The parts of the .docx at ``path``; zipfile's and lxml's errors for a damaged file, KeyError without a body.

    ``members``: the package's XML parts already unpacked (name → bytes), as ``unpack_checked`` gives them.
    """
    if members is not None:
        return _parts(members.__getitem__, members.keys())
    with zipfile.ZipFile(path) as archive:
        return _parts(archive.read, set(archive.namelist()))


def _parts(read: Callable[[str], bytes], names: Collection[str]) -> DocxParts:
    main = _relationships(read, names, "").get("officeDocument", "word/document.xml")
    related = _relationships(read, names, main)

    def parse(name: str | None) -> etree._Element | None:
        return etree.fromstring(read(name), _PARSER) if name and name in names else None

    document = parse(main)
    if document is None:
        raise KeyError(main)
    return DocxParts(document, parse(related.get("styles")), parse(related.get("numbering")))


def unpack_checked(archive: zipfile.ZipFile) -> dict[str, bytes]:
    """Every member of ``archive`` read whole, so that its checksum is verified (zipfile raises BadZipFile,
    zlib.error on a damaged one), the pictures included; the XML parts and relationships are kept for
    ``read_parts``, so the body is unpacked once, not once to check and once to read."""
    kept: dict[str, bytes] = {}
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")):
            kept[info.filename] = archive.read(info)
        else:
            with archive.open(info) as member:
                while member.read(1 << 20):
                    pass
    return kept
