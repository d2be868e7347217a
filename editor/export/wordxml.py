"""The Word XML layer: element builders for WordprocessingML (ECMA-376 Part 1 §17) and one namespace table.

The three writers (official document, tracked-changes document, 修正對照表) build their paragraphs
from these few functions instead of each spelling ``w:r``/``w:t``/``w:ins``/``w:del``/fields by
hand: a paragraph with a style, a run (tab → ``w:tab``, line break → ``w:br``), a deleted run
(``w:delText``), a tracked insertion or deletion with its id, author and date, a complex field,
and a bookmark. Paragraphs are built with lxml directly: python-docx's ``add_paragraph`` looks the
style up among all styles on every call, which made a 5,000-paragraph plan take seconds.
"""
from __future__ import annotations

import re

from docx.oxml.parser import oxml_parser
from lxml import etree

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
}
_W = "{" + NAMESPACES["w"] + "}"
XML_SPACE = "{" + NAMESPACES["xml"] + "}space"
LINE_BREAK = "\n"
_PIECES = re.compile("(\t|\n)")


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: w("p") → {…/main}p."""
    return _W + tag


def sub(parent, tag: str, **attrs: str):
    """A new ``w:tag`` child of ``parent`` with ``w:`` attributes (``val="x"`` → ``w:val="x"``)."""
    element = etree.SubElement(parent, w(tag))
    for name, value in attrs.items():
        element.set(w(name), value)
    return element


def element(tag: str, **attrs: str):
    """A new ``w:tag`` element with ``w:`` attributes, not yet in a tree (python-docx's element
    classes, so that python-docx's own objects can wrap what is built here)."""
    made = oxml_parser.makeelement(w(tag))
    for name, value in attrs.items():
        made.set(w(name), value)
    return made


def paragraph(style_id: str):
    """An empty ``w:p`` of the paragraph style ``style_id``."""
    p = element("p")
    sub(sub(p, "pPr"), "pStyle", val=style_id)
    return p


def run(text: str, *, deleted: bool = False, style_id: str | None = None):
    """A ``w:r`` holding ``text``: tabs as ``w:tab``, "\\n" as ``w:br``; ``deleted`` writes ``w:delText``."""
    r = element("r")
    if style_id is not None:
        sub(sub(r, "rPr"), "rStyle", val=style_id)
    tag = "delText" if deleted else "t"
    for piece in _PIECES.split(text):
        if piece == "\t":
            sub(r, "tab")
        elif piece == LINE_BREAK:
            sub(r, "br")
        elif piece:
            t = sub(r, tag)
            t.text = piece
            if piece != piece.strip():
                t.set(XML_SPACE, "preserve")
    return r


def tracked(kind: str, change_id: int, author: str, date: str):
    """A ``w:ins`` (kind "ins") or ``w:del`` (kind "del") revision mark (§17.13.5)."""
    return element(kind, id=str(change_id), author=author, date=date)


def bookmark_start(bookmark_id: int, name: str):
    return element("bookmarkStart", id=str(bookmark_id), name=name)


def bookmark_end(bookmark_id: int):
    return element("bookmarkEnd", id=str(bookmark_id))


class IdCounter:
    """Annotation ids (bookmarks, revision marks): unique integers within one document."""

    def __init__(self) -> None:
        self.next = 1

    def __call__(self) -> int:
        made = self.next
        self.next += 1
        return made
