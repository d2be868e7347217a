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


def _relationships(archive: zipfile.ZipFile, names: set[str], part: str) -> dict[str, str]:
    """Relationship type (its last word: officeDocument, styles, numbering) → the target part's name."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in names:
        return {}
    found: dict[str, str] = {}
    for rel in etree.fromstring(archive.read(rels), _PARSER).iter(_RELS):
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not kind.startswith(_TYPES) or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found.setdefault(kind[len(_TYPES):], path)
    return found


def read_parts(path) -> DocxParts:
    """The parts of the .docx at ``path``; zipfile's and lxml's errors for a damaged file, KeyError without a body."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        main = _relationships(archive, names, "").get("officeDocument", "word/document.xml")
        related = _relationships(archive, names, main)

        def parse(name: str | None) -> etree._Element | None:
            return etree.fromstring(archive.read(name), _PARSER) if name and name in names else None

        document = parse(main)
        if document is None:
            raise KeyError(main)
        return DocxParts(document, parse(related.get("styles")), parse(related.get("numbering")))
