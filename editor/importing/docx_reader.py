"""A Word document (.docx) as the importer's source lines: paragraphs in reading order, with the numbers
Word's lists draw (computed, see ``docx_numbering``), heading levels from styles, node ids from our
bookmarks (pe_<id>_<field>, see CONVENTIONS.md) and tables as rows of cell texts.

Left out, and reported: text boxes (floating, outside the reading order) and pictures (e.g. the
framework chart). Left out silently, as layout: page and section breaks, empty paragraphs, the
table of contents, deleted text of tracked changes, headers and footers.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

from editor.docx_ids import parse_bookmark_name
from editor.importing.docx_numbering import ListNumbering, child_val
from editor.importing.docx_parts import DocxParts, read_parts
from schema.importer_text import SourceLine

_P, _TBL, _SDT, _TR, _TC = (qn(f"w:{t}") for t in ("p", "tbl", "sdt", "tr", "tc"))
_T, _TAB, _BR, _CR, _DEL, _TXBX = (qn(f"w:{t}") for t in ("t", "tab", "br", "cr", "del", "txbxContent"))
_BOOKMARK, _INSTR, _DRAWING, _PICT = qn("w:bookmarkStart"), qn("w:instrText"), qn("w:drawing"), qn("w:pict")
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"  # a copy of mc:Choice
_P_STYLE = f"{qn('w:pPr')}/{qn('w:pStyle')}"
_P_OUTLINE = f"{qn('w:pPr')}/{qn('w:outlineLvl')}"
_NUM_PR = f"{qn('w:pPr')}/{qn('w:numPr')}"
_NUM_ID, _ILVL = qn("w:numId"), qn("w:ilvl")
_VAL, _NAME, _TYPE_BR = qn("w:val"), qn("w:name"), qn("w:type")
_V_MERGE, _GRID_SPAN = f"{qn('w:tcPr')}/{qn('w:vMerge')}", f"{qn('w:tcPr')}/{qn('w:gridSpan')}"
# Whether a paragraph holds anything but plain runs (one pass in C instead of a test per text node).
_SPECIAL = etree.XPath("boolean(.//w:del|.//w:txbxContent|.//w:drawing|.//w:pict|.//mc:Fallback)",
                       namespaces={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                   "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"})
_HEADING = re.compile(r"^(?:heading|標題)\s*(\d)$", re.I)
# The table of contents, and our export's heading of the chart page (架構圖, for the navigation pane:
# the chart picture's description that follows carries the chart's own title and text).
_SKIPPED_STYLES = re.compile(r"^(?:toc|contents|目錄|索引|chart heading$)", re.I)


def parse_bookmark(name: str) -> tuple[str, str] | None:
    """pe_<id>_<field> → (id, field), by the one shared reader of the names (CONVENTIONS.md)."""
    return parse_bookmark_name(name) if name.startswith("pe_") else None


@dataclass
class DocxSource:
    lines: list[SourceLine]
    ignored: list[str] = field(default_factory=list)  # what was left out, for the report


class _Reader:
    def __init__(self, parts: DocxParts):
        self.numbering = ListNumbering.of(parts.numbering, parts.styles)
        self.styles = {}
        for style in (parts.styles.findall(qn("w:style")) if parts.styles is not None else []):
            name_el = style.find(qn("w:name"))
            # a w:name without its w:val names nothing, as a style without a w:name
            self.styles[style.get(qn("w:styleId"))] = (name_el.get(qn("w:val"), "") if name_el is not None else "", style)
        self.default_style = next(
            (sid for sid, (_name, element) in self.styles.items()
             if element.get(qn("w:default")) in ("1", "true") and element.get(qn("w:type")) == "paragraph"),
            None,
        )
        self.style_names: dict[str | None, str] = {}
        self.style_levels: dict[str | None, int | None] = {}
        # style id → (name, left out?, heading level): looked up once per style the document uses
        self.style_facts: dict[str | None, tuple[str, bool, int | None]] = {}
        self.lines: list[SourceLine] = []
        self.text_boxes: list[str] = []
        self.pictures = 0
        self.chart_texts: list[str] = []  # our export's chart picture describes the chart in its alt text

    def style_of(self, p) -> tuple[str | None, str]:
        style_id = p.find(_P_STYLE)
        sid = style_id.get(_VAL) if style_id is not None else self.default_style
        return sid, self.style_name(sid)

    def style_name(self, sid: str | None) -> str:
        name = self.style_names.get(sid)
        if name is None:
            name = self.style_names[sid] = _builtin_name(self.styles.get(sid, ("", None))[0] if sid else "")
        return name

    def facts(self, sid: str | None) -> tuple[str, bool, int | None]:
        name = self.style_name(sid)
        facts = self.style_facts[sid] = (name, bool(_SKIPPED_STYLES.match(name)), self.style_level(sid, name))
        return facts

    def style_level(self, sid: str | None, name: str) -> int | None:
        """The heading level a paragraph of style ``sid`` has by its style (Heading 2, or the style's outline level)."""
        if sid not in self.style_levels:
            self.style_levels[sid] = self._style_level(sid, name)
        return self.style_levels[sid]

    def _style_level(self, sid: str | None, name: str) -> int | None:
        match = _HEADING.match(name)
        if match:
            return int(match.group(1))
        seen = 0
        while sid in self.styles and seen < 20:
            element = self.styles[sid][1]
            level = element.find(_P_OUTLINE)
            if level is not None:
                return _outline(level)
            parent = element.find(qn("w:basedOn"))
            sid, seen = (parent.get(_VAL) if parent is not None else None), seen + 1
        return None

    def read(self, body) -> None:
        """The body's paragraphs and tables, in reading order.

        One pass of lxml's iterator over the few kinds of element that matter (its tag filter runs
        in C, so runs, their properties and the rest are never seen by Python) gathers each plain
        paragraph's style, list, outline level, text and ids. A paragraph holding anything else
        (a text box, a picture, deleted text …) is read again whole by ``paragraph``, a table by
        ``table``.
        """
        blocks, outside = _blocks(body)
        if outside is None:  # something else between the paragraphs that may hold text: read block by block
            for block in blocks:
                (self.paragraph if block.tag == _P else self.table)(block)
            return
        following, k = blocks[0] if blocks else None, 0
        p = None  # the paragraph being gathered; None in a table or outside any paragraph
        special = toc = tab_stops = False
        sid = num_id = ilvl = outline = None
        parts: list[str] = []
        ids: dict[str, str] = {}
        what_of = _WHAT.__getitem__
        for node in body.iter(*_WALKED):
            what = what_of(node.tag)
            if what <= _TBL_:
                if p is not None:
                    if special:
                        self.paragraph(p)
                    else:
                        self.add(p, sid, num_id, ilvl, outline, "".join(parts), ids, toc)
                    p = None
                if node is not following:
                    continue  # nested: in a table's cell, a text box or the table of contents
                k += 1
                following = blocks[k] if k < len(blocks) else None
                if what == _TBL_:
                    self.table(node)
                    continue
                p = node
                special = toc = tab_stops = False
                sid = num_id = ilvl = outline = None
                parts, ids = [], {}
            elif p is None or special:
                continue
            elif what == _T_:
                parts.append(node.text or "")
            elif what == _TAB_:
                if not (tab_stops and node.getparent().tag == _TABS):  # a tab stop of the paragraph's properties
                    parts.append("\t")
            elif what == _MARK_:
                if outside and node in outside:
                    continue
                parsed = parse_bookmark_name(node.get(_NAME, ""))
                if parsed:
                    ids.setdefault(parsed[1], parsed[0])
            elif what == _STYLE_:
                sid = sid or node.get(_VAL)
            elif what == _BR_:
                if node.get(_TYPE_BR) not in ("page", "column"):
                    parts.append("\n")
            elif what == _CR_:
                parts.append("\n")
            elif what == _NUMID_:
                num_id = num_id or node.get(_VAL)
            elif what == _ILVL_:
                ilvl = ilvl or node.get(_VAL)
            elif what == _OUTLINE_:
                outline = outline or node.get(_VAL)
            elif what == _INSTR_:
                toc = toc or "TOC" in (node.text or "")
            elif what == _TABS_:
                tab_stops = True
            else:
                special = True
        if p is not None:
            if special:
                self.paragraph(p)
            else:
                self.add(p, sid, num_id, ilvl, outline, "".join(parts), ids, toc)

    def paragraph(self, p) -> None:
        """A paragraph read on its own, whatever it holds."""
        sid, _name = self.style_of(p)
        num_pr = p.find(_NUM_PR)
        num_id, ilvl = (child_val(num_pr, "w:numId"), child_val(num_pr, "w:ilvl")) if num_pr is not None else (None, None)
        level = p.find(_P_OUTLINE)
        outline = level.get(_VAL) if level is not None else None
        toc = any("TOC" in (i.text or "") for i in p.iter(_INSTR))
        self.add(p, sid, num_id, ilvl, outline, None, self.ids_of(p), toc)

    def add(self, p, sid: str | None, num_id: str | None, ilvl: str | None, outline: str | None,
            text: str | None, ids: dict[str, str], toc: bool) -> None:
        """The source line of paragraph ``p``, from what was read of it (``text`` None: read it now)."""
        if sid is None:
            sid = self.default_style
        name, skipped, style_level = self.style_facts.get(sid) or self.facts(sid)
        if toc or skipped:  # a TOC field, or a paragraph of the table of contents
            return
        if text is None:
            text = self.text_of(p)
        label = self.numbering.label_of(num_id, ilvl, sid)
        if self.chart_texts:
            # Our export marks the goals shown only in the chart with empty bookmarks before the picture
            # (pe_<goals id>_title, pe_<goal id>_goala, _goalb … by place): their ids go with the chart's title line.
            from editor.docx_ids import parse_position_field

            places = {parse_position_field("goal", field): node_id for node_id, field in self.marks_of(p)}
            places.pop(None, None)
            goal_ids = [places[k] for k in range(len(places)) if k in places]
            chart_ids = {"title": ids["title"], "goals": " ".join(goal_ids)} if goal_ids and "title" in ids else {}
            for k, line in enumerate("\n".join(self.chart_texts).split("\n")):
                self.lines.append(SourceLine(line, len(self.lines) + 1, ids=chart_ids if k == 0 else {}))
            self.chart_texts = []
        if not text.strip():
            if label.strip():
                self.lines.append(SourceLine(label.strip(), len(self.lines) + 1, style=name, ids=ids))
            return
        heading = _outline_value(outline) if outline is not None else style_level
        self.lines.append(SourceLine(label + text, len(self.lines) + 1, heading=heading, style=name, ids=ids))

    def text_of(self, p) -> str:
        parts: list[str] = []
        if not _SPECIAL(p):  # plain runs (almost every paragraph): no ancestor to look at
            for node in p.iter(_T, _TAB, _BR, _CR):
                tag = node.tag
                if tag == _T:
                    parts.append(node.text or "")
                elif tag == _TAB:
                    if node.getparent().tag != _TABS:  # not a tab stop of the paragraph's properties
                        parts.append("\t")
                elif tag == _CR or node.get(_TYPE_BR) not in ("page", "column"):
                    parts.append("\n")
            return "".join(parts)
        for node in p.iter(_T, _TAB, _BR, _CR, _TXBX, _DRAWING, _PICT):
            if _inside(node, (_DEL, _TXBX, _FALLBACK)):
                continue
            if node.tag == _TXBX:
                box = "".join(t.text or "" for t in node.iter(_T)).strip()
                if box:
                    self.text_boxes.append(box)
            elif node.tag in (_DRAWING, _PICT):
                if not _inside(node, (_DRAWING,)) and node.find(".//" + _TXBX) is None:
                    described = node.find(".//" + _DOC_PR)
                    text = described.get("descr", "") if described is not None else ""
                    if "架構圖" in text.split("\n", 1)[0]:
                        self.chart_texts.append(text)
                    else:
                        self.pictures += 1
            elif node.tag == _T:
                parts.append(node.text or "")
            elif node.tag == _TAB:
                if node.getparent().tag != _TABS:
                    parts.append("\t")
            elif node.tag == _BR:
                if node.get(_TYPE_BR) not in ("page", "column"):
                    parts.append("\n")
            else:
                parts.append("\n")
        return "".join(parts)

    def marks_of(self, element) -> list[tuple[str, str]]:
        """(node id, field) of every bookmark of ours in ``element``, in document order."""
        return [parsed for mark in element.iter(_BOOKMARK) if (parsed := parse_bookmark(mark.get(qn("w:name"), "")))]

    def ids_of(self, element) -> dict[str, str]:
        ids: dict[str, str] = {}
        for mark in element.iter(_BOOKMARK):
            parsed = parse_bookmark(mark.get(_NAME, ""))
            if parsed:
                ids.setdefault(parsed[1], parsed[0])
        return ids

    def table(self, tbl) -> None:
        rows = []
        above: dict[int, str] = {}  # grid column → the text of the row above, for cells merged down (w:vMerge)
        for tr in tbl.iter(_TR):
            if _inside(tr, (_TBL,), stop=tbl):
                continue  # a nested table's rows are in its cell's text
            cells, column = [], 0
            for tc in tr.findall(_TC):
                merge = tc.find(_V_MERGE)
                if merge is not None and merge.get(_VAL) in (None, "continue"):
                    text = above.get(column, "")  # one cell drawn over several rows: its text is every row's
                else:
                    text = " ".join(t for t in (self.text_of(p).strip() for p in tc.iter(_P)) if t)
                cells.append(text)
                above[column] = text
                span = tc.find(_GRID_SPAN)
                column += int(span.get(_VAL)) if span is not None and (span.get(_VAL) or "").isdigit() else 1
            rows.append((cells, self.ids_of(tr)))
        self.lines.append(SourceLine("", len(self.lines) + 1, table=rows))


def _outline(level) -> int | None:
    return _outline_value(level.get(_VAL) or "")


def _outline_value(value: str) -> int | None:
    return int(value) + 1 if value.isdigit() and int(value) < 9 else None


# What the pass over the body looks for (``_Reader.read``); the first two end the paragraph before them,
# anything in _SPECIAL_TAGS sends its paragraph to ``_Reader.paragraph``.
_P_, _TBL_, _T_, _TAB_, _MARK_, _STYLE_, _BR_, _CR_, _NUMID_, _ILVL_, _OUTLINE_, _INSTR_, _TABS_, _SPECIAL_ = range(14)
_TABS = qn("w:tabs")
_SPECIAL_TAGS = (*(qn(f"w:{t}") for t in ("del", "txbxContent", "drawing", "pict", "pPrChange", "object")),
                 "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")
_WHAT = {_P: _P_, _TBL: _TBL_, _T: _T_, _TAB: _TAB_, _BOOKMARK: _MARK_, qn("w:pStyle"): _STYLE_, _BR: _BR_, _CR: _CR_,
         _NUM_ID: _NUMID_, _ILVL: _ILVL_, qn("w:outlineLvl"): _OUTLINE_, _INSTR: _INSTR_, _TABS: _TABS_,
         **dict.fromkeys(_SPECIAL_TAGS, _SPECIAL_)}
_WALKED = tuple(_WHAT)
_SECT_PR, _BOOKMARK_END, _SDT_CONTENT = qn("w:sectPr"), qn("w:bookmarkEnd"), qn("w:sdtContent")
_GALLERY = f"{qn('w:sdtPr')}/{qn('w:docPartObj')}/{qn('w:docPartGallery')}"


def _blocks(container) -> tuple[list, set | None]:
    """The paragraphs and tables of ``container`` (the body) in reading order, with those of its content
    controls but not of the table of contents; and the bookmark starts that lie between them, or None
    when something else there might hold text (then ``_Reader.read`` reads the blocks one by one)."""
    found: list = []
    outside: set = set()
    if _gather(container, found, outside):
        return found, outside
    found = []
    _gather(container, found, None)
    return found, None


def _gather(container, found: list, outside: set | None) -> bool:
    """Adds the blocks of ``container`` to ``found``; False when it holds more than blocks and bookmarks."""
    simple = True
    for child in container:
        tag = child.tag
        if tag == _P or tag == _TBL:
            found.append(child)
        elif tag == _SDT:  # a content control: its properties hold nothing the pass looks for
            gallery = child.find(_GALLERY)
            if gallery is not None and "Contents" in (gallery.get(_VAL) or ""):
                continue  # the table of contents
            content = child.find(_SDT_CONTENT)
            if content is not None:
                simple = _gather(content, found, outside) and simple
        elif tag == _BOOKMARK:
            if outside is not None:
                outside.add(child)
        elif tag != _SECT_PR and tag != _BOOKMARK_END and (len(child) or tag in _WHAT):
            simple = False
    return simple


def _inside(node, tags: tuple[str, ...], stop=None) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _builtin_name(name: str) -> str:
    """Word stores built-in styles' names in lower case (heading 1); python-docx and we say Heading 1."""
    lowered = name.lower()
    for builtin in ("heading", "title", "normal", "toc", "caption"):
        if lowered.startswith(builtin):
            return name[:1].upper() + name[1:]
    return name


def read_docx(path, members: Mapping[str, bytes] | None = None) -> DocxSource:
    """The source lines of the Word document at ``path`` (raises zipfile's and lxml's errors on a bad file);
    ``members``: its XML parts already unpacked (``docx_parts.unpack_checked``)."""
    parts = read_parts(path, members)
    reader = _Reader(parts)
    body = parts.document.find(qn("w:body"))
    if body is not None:
        reader.read(body)
    ignored = [f"text box: {t}" for t in reader.text_boxes]
    if reader.pictures:
        ignored.append(f"{reader.pictures} picture{'s' if reader.pictures > 1 else ''} (e.g. the framework chart)")
    return DocxSource(reader.lines, ignored)
