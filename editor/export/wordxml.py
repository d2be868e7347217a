"""The Word XML layer: element builders for WordprocessingML (ECMA-376 Part 1 §17), one namespace
table, and ``WordWriter``, the base of the three writers (official document, tracked-changes
document, 修正對照表).

The writers build their paragraphs from these few functions instead of each spelling
``w:r``/``w:t``/``w:ins``/``w:del``/fields by hand: a paragraph with a style, a run (tab →
``w:tab``, line break → ``w:br``), a deleted run (``w:delText``), a tracked insertion or deletion
with its id, author and date, a complex field, a bookmark, and a table built row by row.
Everything is built with lxml directly and appended once: python-docx's ``add_paragraph`` looks
the style up among all styles on every call, and its ``table.cell(r, c)`` walks the whole table on
every call, which made a 500-row KPI table take minutes.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from docx.oxml.parser import oxml_parser
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement

from editor.docx_ids import bookmark_name
from editor.export.textclean import clean_text

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
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
_W = "{" + NAMESPACES["w"] + "}"
XML_SPACE = "{" + NAMESPACES["xml"] + "}space"
_PIECES = re.compile("(\t|\n)")
TWIPS_PER_PT = 20

Progress = Callable[[int, int], None]


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: w("p") → {…/main}p."""
    return _W + tag


def element(tag: str, **attrs: str):
    """A new ``w:tag`` element with ``w:`` attributes (``val="x"`` → ``w:val="x"``), not yet in a
    tree; of python-docx's element classes, so that python-docx's own objects can wrap it."""
    made = oxml_parser.makeelement(w(tag))
    for name, value in attrs.items():
        made.set(w(name), value)
    return made


def sub(parent, tag: str, **attrs: str):
    """A new ``w:tag`` child appended to ``parent`` (made in ``parent``'s tree: no document of its
    own to create and move the element out of, which ``element`` + ``append`` costs)."""
    return SubElement(parent, _W + tag, {_W + name: value for name, value in attrs.items()} if attrs else None)


def paragraph(style_id: str):
    """An empty ``w:p`` of the paragraph style ``style_id``."""
    p = element("p")
    sub(sub(p, "pPr"), "pStyle", val=style_id)
    return p


def indent(p, left_pt: float, hanging_pt: float) -> None:
    """A paragraph's own left and hanging indent (in its ``w:pPr``, after the style)."""
    ppr = p.find(w("pPr"))
    ind = ppr.find(w("ind"))
    if ind is None:
        ind = sub(ppr, "ind")
    ind.set(w("left"), str(round(left_pt * TWIPS_PER_PT)))
    ind.set(w("hanging"), str(round(hanging_pt * TWIPS_PER_PT)))


def run(text: str, *, deleted: bool = False, style_id: str | None = None):
    """A ``w:r`` holding ``text``: tabs as ``w:tab``, "\\n" as ``w:br``; ``deleted`` writes ``w:delText``."""
    r = element("r")
    _fill_run(r, text, deleted, style_id)
    return r


def add_run(parent, text: str, *, deleted: bool = False, style_id: str | None = None):
    """``run(text)`` made as the last child of ``parent`` (a w:p, w:ins or w:del), in its tree."""
    r = SubElement(parent, _W + "r")
    _fill_run(r, text, deleted, style_id)
    return r


def _fill_run(r, text: str, deleted: bool, style_id: str | None) -> None:
    if style_id is not None:
        sub(sub(r, "rPr"), "rStyle", val=style_id)
    tag = "delText" if deleted else "t"
    for piece in _PIECES.split(text):
        if piece == "\t":
            sub(r, "tab")
        elif piece == "\n":
            sub(r, "br")
        elif piece:
            t = sub(r, tag)
            t.text = piece
            if piece != piece.strip():
                t.set(XML_SPACE, "preserve")


def page_break():
    r = element("r")
    sub(r, "br", type="page")
    return r


def tracked(kind: str, change_id: int, author: str, date: str):
    """A ``w:ins`` (kind "ins") or ``w:del`` (kind "del") revision mark (§17.13.5)."""
    return element(kind, id=str(change_id), author=author, date=date)


def add_tracked(parent, kind: str, change_id: int, author: str, date: str):
    """``tracked(…)`` made as the last child of ``parent``, in its tree."""
    return sub(parent, kind, id=str(change_id), author=author, date=date)


def bookmark_start(bookmark_id: int, name: str):
    return element("bookmarkStart", id=str(bookmark_id), name=name)


def bookmark_end(bookmark_id: int):
    return element("bookmarkEnd", id=str(bookmark_id))


def field_begin(instruction: str) -> list:
    """The runs that open a complex field (§17.16.18): begin, the instruction, separate; the
    field's result runs follow, then ``field_end()``. No ``w:dirty``: the result is written
    complete, so Word has no reason to ask to update it on opening."""
    begin = element("r")
    sub(begin, "fldChar", fldCharType="begin")
    instr = element("r")
    text = sub(instr, "instrText")
    text.text = f" {instruction} "
    text.set(XML_SPACE, "preserve")
    separate = element("r")
    sub(separate, "fldChar", fldCharType="separate")
    return [begin, instr, separate]


def field_end():
    end = element("r")
    sub(end, "fldChar", fldCharType="end")
    return end


def field(instruction: str, result: str) -> list:
    """The runs of a whole one-paragraph field (PAGE …) with ``result`` as its current text."""
    return [*field_begin(instruction), run(result), field_end()]


class IdCounter:
    """Annotation ids (bookmarks, revision marks): unique integers within one document."""

    def __init__(self) -> None:
        self.next = 1

    def __call__(self) -> int:
        made = self.next
        self.next += 1
        return made


@dataclass(frozen=True)
class Table:
    """A table being written: its ``w:tbl`` and its column widths (EMU)."""

    element: object
    widths: list[int]


class WordWriter:
    """A python-docx Document written paragraph by paragraph at the end of its body.

    ``style_ids`` maps style names to ids; ``ids`` hands out annotation ids; each node field's
    bookmark (editor.docx_ids) is written once. ``tick`` reports progress at most ~100 times.
    """

    def __init__(self, doc, progress: Progress | None = None, total: int = 1):
        self.doc = doc
        self.style_ids = {s.name: s.style_id for s in doc.styles}
        self.body = doc.element.body
        self.sect_pr = self.body.sectPr  # the body's last child; paragraphs go before it
        self.ids = IdCounter()
        self.bookmarks: set[str] = set()
        self.progress = progress
        self.total = total
        self.done = 0
        self._reported = -1

    def tick(self, count: int = 1) -> None:
        self.done += count
        if self.progress is None:
            return
        step = max(1, self.total // 100)  # the UI repaints on every call
        if self.done // step != self._reported or self.done >= self.total:
            self._reported = self.done // step
            self.progress(min(self.done, self.total), self.total)

    def append(self, block) -> None:
        """Append a paragraph or table to the body (before the last section's properties)."""
        self.sect_pr.addprevious(block)

    def para(self, text: str, style: str, *, mark: tuple[str, str] | None = None, prefix: str = "") -> Paragraph:
        """Append a paragraph of ``style`` ("\\t" → tab, "\\n" → line break).

        ``mark`` = (node id, field) puts the text between that field's bookmark (docx_ids);
        ``prefix`` (the item's number) goes before the bookmark, outside it.
        """
        p, bookmark = self.open_para(text, style, mark=mark, prefix=prefix)
        self.close_bookmark(p, bookmark)
        return Paragraph(p, self.doc._body)

    def open_para(self, text: str, style: str, *, mark: tuple[str, str] | None = None, prefix: str = ""):
        """Append a paragraph like ``para`` whose bookmark stays open: (the w:p, the bookmark id or None)."""
        p = paragraph(self.style_ids[style])
        if prefix:
            add_run(p, clean_text(prefix))
        bookmark = self.open_bookmark(p, mark)
        text = clean_text(text)
        if text:
            add_run(p, text)
        self.append(p)
        return p, bookmark

    def lines(self, text: str, style: str, mark: tuple[str, str] | None = None) -> None:
        """One paragraph per non-blank line; one bookmark from the first to the last."""
        paragraphs = [line.strip() for line in clean_text(text).split("\n") if line.strip()]
        if not paragraphs:
            return
        first, bookmark = self.open_para(paragraphs[0], style, mark=mark)
        last = first
        for line in paragraphs[1:]:
            last = self.para(line, style)._p
        self.close_bookmark(last, bookmark)

    def open_bookmark(self, p, mark: tuple[str, str] | None) -> int | None:
        """Start the bookmark of ``mark`` = (node id, field) at the end of ``p``; its id, or None (no bookmark)."""
        if mark is None:
            return None
        name = bookmark_name(*mark)
        if name is None or name in self.bookmarks:  # an id Word cannot keep, or already marked
            return None
        self.bookmarks.add(name)
        bookmark_id = self.ids()
        p.append(bookmark_start(bookmark_id, name))
        return bookmark_id

    def close_bookmark(self, p, bookmark_id: int | None) -> None:
        if bookmark_id is not None:
            p.append(bookmark_end(bookmark_id))

    # --- tables ----------------------------------------------------------------------------------
    def table(self, widths: Iterable[int], *, style: str = "Table Grid") -> Table:
        """A new empty table (``w:tbl``) with fixed column ``widths`` (EMU), appended to the body."""
        widths = list(widths)
        tbl = element("tbl")
        tbl_pr = sub(tbl, "tblPr")
        sub(tbl_pr, "tblStyle", val=self.style_ids[style])
        sub(tbl_pr, "tblW", w=str(sum(_twips(x) for x in widths)), type="dxa")
        sub(tbl_pr, "tblLayout", type="fixed")
        sub(tbl_pr, "tblLook", val="04A0", firstRow="1", lastRow="0", firstColumn="1", lastColumn="0",
            noHBand="0", noVBand="1")
        grid = sub(tbl, "tblGrid")
        for width in widths:
            sub(grid, "gridCol", w=str(_twips(width)))
        self.append(tbl)
        return Table(tbl, widths)

    def row(self, table: Table, *, header: bool = False, cant_split: bool = False):
        """A new row at the end of ``table`` (w:tr), its properties first."""
        tr = sub(table.element, "tr")
        if header or cant_split:
            tr_pr = sub(tr, "trPr")
            if cant_split:
                sub(tr_pr, "cantSplit")
            if header:
                sub(tr_pr, "tblHeader")
        return tr

    def cell(self, tr, width: int, *, span: int = 1):
        """A new cell of ``width`` (EMU) at the end of row ``tr``; its paragraphs are appended to it."""
        tc = sub(tr, "tc")
        tc_pr = sub(tc, "tcPr")
        sub(tc_pr, "tcW", w=str(_twips(width)), type="dxa")
        if span > 1:
            sub(tc_pr, "gridSpan", val=str(span))
        return tc

    def text_row(self, table: Table, cells: list[str], styles: list[str], *, mark: tuple[str, str] | None = None,
                 **row_options):
        """A row of plain-text cells, one paragraph each (line ends as line breaks); ``mark`` = (id,
        field) bookmarks the first cell's text (a KPI's name carries the KPI's id); the w:tr."""
        tr = self.row(table, **row_options)
        for k, (width, text, style) in enumerate(zip(table.widths, cells, styles)):
            p = sub(self.cell(tr, width), "p")
            sub(sub(p, "pPr"), "pStyle", val=self.style_ids[style])
            bookmark = self.open_bookmark(p, mark) if k == 0 else None
            text = clean_text(text)
            if text:
                add_run(p, text)
            self.close_bookmark(p, bookmark)
        return tr


def _twips(emu: int) -> int:
    return round(emu / 635)  # 914400 EMU per inch, 1440 twips per inch
