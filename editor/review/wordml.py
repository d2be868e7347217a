"""A reviewed .docx read as a stream of paragraphs and text pieces with their revision marks.

Only what review needs is read, straight from the package's XML with lxml (python-docx has no
API for tracked changes and reads the whole package): the body's paragraphs in document order,
each a list of :class:`Piece` (a run's text, with the ``w:ins``/``w:del``/``w:moveTo``/
``w:moveFrom`` around it), its paragraph mark (tracked when a reviewer added or removed a
paragraph break), the ``pe_<id>_<field>`` bookmarks open over each piece (CONVENTIONS.md), the
places of comment anchors. The other parts (comments, style names, properties): word_parts.py.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from editor.review.word_parts import (
    AUTHOR,
    DATE,
    ID,
    VAL,
    Comment,
    StyleNames,
    WordFileError,
    core_properties,
    parse,
    read_comments,
)
from editor.review.word_parts import w as _w

P, R, T, DEL_TEXT, TAB, BR, PPR, RPR, PSTYLE = (_w(t) for t in ("p", "r", "t", "delText", "tab", "br", "pPr", "rPr", "pStyle"))
INS, DEL, MOVE_FROM, MOVE_TO, TBL = (_w(t) for t in ("ins", "del", "moveFrom", "moveTo", "tbl"))
BOOKMARK_START, BOOKMARK_END = _w("bookmarkStart"), _w("bookmarkEnd")
COMMENT_START, COMMENT_END, COMMENT_REF = _w("commentRangeStart"), _w("commentRangeEnd"), _w("commentReference")
NAME, TYPE = _w("name"), _w("type")
_PARAGRAPH_STYLE = f"{PPR}/{PSTYLE}"
_CHANGE_TAGS = {INS: "ins", DEL: "del", MOVE_TO: "ins", MOVE_FROM: "del"}
_MOVES = {MOVE_FROM: "moveFrom", MOVE_TO: "moveTo"}
_TEXT_TAGS = (T, DEL_TEXT, TAB, BR)


@dataclass(frozen=True, slots=True)
class Change:
    """One tracked change as Word writes it: its kind, who and when, and its mark's id."""

    kind: str  # "ins" or "del"
    author: str
    date: str
    mark_id: str
    move: str = ""  # "moveFrom"/"moveTo" for moved text, empty for a plain insertion/deletion


@dataclass(slots=True)
class Piece:
    """A stretch of text of one paragraph with one change (or none) and the bookmark over it."""

    text: str
    change: Change | None
    bookmark: str | None  # the innermost pe_ bookmark's name open over it
    is_mark: bool = False  # the paragraph mark ("\n"), tracked when a break was added or removed
    label: object = None  # filled in by the locator: (node_id, field), NUMBER or None

    @property
    def in_old(self) -> bool:
        return self.change is None or self.change.kind == "del"

    @property
    def in_new(self) -> bool:
        return self.change is None or self.change.kind == "ins"


class Para:
    """A paragraph: its pieces (the mark last), whether it sits in a table, whether anything in it is tracked.

    Its style name is looked up when asked, from its ``w:p`` (kept): only the paragraphs no bookmark
    places need it, and a ``w:pStyle`` met by the body pass for every paragraph cost a step each.
    """

    __slots__ = ("in_table", "pieces", "changed", "first_marked", "_element", "_styles", "_style")

    def __init__(self, in_table: bool, element=None, styles: StyleNames | None = None, style: str = "",
                 pieces: list[Piece] | None = None, changed: bool = False, first_marked: int = -1) -> None:
        self.in_table = in_table
        self.pieces: list[Piece] = [] if pieces is None else pieces
        self.changed = changed  # some piece (or the mark) is tracked
        self.first_marked = first_marked  # the index of its first piece under a pe_ bookmark, -1: none
        self._element = element
        self._styles = styles
        self._style: str | None = None if element is not None else style

    @property
    def style(self) -> str:
        """The name of the paragraph's style (its ``w:pPr/w:pStyle``), "" when it has none."""
        if self._style is None:
            found = self._element.find(_PARAGRAPH_STYLE)
            style_id = found.get(VAL, "") if found is not None else None
            self._style = "" if style_id is None or self._styles is None else self._styles[style_id]
        return self._style

    @property
    def mark(self) -> Piece:
        return self.pieces[-1]

    def old_text(self) -> str:
        return "".join(p.text for p in self.pieces if not p.is_mark and p.in_old)

    def new_text(self) -> str:
        return "".join(p.text for p in self.pieces if not p.is_mark and p.in_new)

    def has_changes(self) -> bool:
        return self.changed


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a comment's range starts or ends: a paragraph, right after one of its pieces (None: at its start).

    A piece rather than an index, since the locator splits pieces (a heading's number from its title).
    """

    para: int
    after: Piece | None


@dataclass
class WordDocument:
    paras: list[Para]
    comments: dict[str, Comment]
    comment_starts: dict[str, Anchor]
    comment_ends: dict[str, Anchor]
    comment_refs: dict[str, Anchor]
    last_modified_by: str
    modified: str
    has_bookmarks: bool
    changed_paras: list[int] = field(default_factory=list)  # the indexes of the paragraphs with a tracked change


def read_word(path: Path) -> WordDocument:
    """Read ``path``; raise WordFileError (one sentence) when it is not a Word document."""
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            if "word/document.xml" not in names:
                raise WordFileError(f"{path} is not a Word document (.docx): it has no word/document.xml.", "no_document_part",
                                    name=str(path))
            parts = {name: package.read(name) for name in (
                "word/document.xml", "word/styles.xml", "word/comments.xml", "word/commentsExtended.xml", "docProps/core.xml"
            ) if name in names}
    except zipfile.BadZipFile:
        raise WordFileError(f"{path} is not a Word document (.docx): it is not a zip package, or it is damaged.", "not_docx",
                            name=str(path)) from None
    except FileNotFoundError:
        raise WordFileError(f"{path} does not exist.", "not_found", name=str(path)) from None
    except IsADirectoryError:
        raise WordFileError(f"{path} is a folder, not a Word document.", "is_folder", name=str(path)) from None
    except PermissionError:
        raise WordFileError(f"{path} cannot be read: permission denied.", "permission_denied", name=str(path)) from None
    except OSError as exc:
        raise WordFileError(f"{path} cannot be read: {exc.strerror or exc}.", "unreadable", name=str(path)) from None
    try:
        body_xml = parse(parts["word/document.xml"])
        styles = StyleNames(None, parts.get("word/styles.xml"), path)
        comments = read_comments(parts.get("word/comments.xml"), parts.get("word/commentsExtended.xml"))
        modified_by, modified = core_properties(parts.get("docProps/core.xml"))
    except etree.XMLSyntaxError as exc:
        raise WordFileError(f"{path} is damaged: its XML cannot be read ({exc.msg}).", "damaged_xml", name=str(path)) from None
    body = body_xml.find(_w("body"))
    if body is None:
        raise WordFileError(f"{path} is not a Word document (.docx): its document part has no body.", "no_body", name=str(path))
    doc = WordDocument([], comments, {}, {}, {}, modified_by, modified, False)
    _read_body(body, styles, doc)
    return doc


_WANTED = (P, *_TEXT_TAGS, BOOKMARK_START, BOOKMARK_END, COMMENT_START, COMMENT_END, COMMENT_REF,
           INS, DEL, MOVE_FROM, MOVE_TO, TBL)


def _read_body(body, styles: StyleNames, doc: WordDocument) -> None:
    """One pass over the body's elements of interest, in document order (hot: one step per run's text).

    Each element met costs a Python object (lxml's proxy) and a few steps, so the pass touches only
    the elements it needs and does little with each: a paragraph's style is looked up when asked
    (Para.style); a tracked change's texts are noted when its ``w:ins``/``w:del`` … is met (before
    them), a table's paragraphs when the table is — in the same pass, since every walk of the tree
    costs a few milliseconds even when it meets little. Untracked text under one
    bookmark, with no comment anchor between, becomes one piece (every reader joins pieces' texts;
    only changes and anchors need their own), so a plain paragraph is a piece or two. A paragraph's
    state is kept in locals and its Para made when it ends (the next paragraph begins, or the body
    ends), its mark last.
    """
    paras = doc.paras
    changed_paras = doc.changed_paras
    open_marks: dict[str, str] = {}  # bookmark w:id → name, of the pe_ bookmarks open now
    bookmark: str | None = None  # the innermost open one's name
    para_element = None  # the current paragraph's w:p (None before the first)
    pieces: list[Piece] = []  # its pieces (its mark added when it ends)
    first_marked = -1  # the index of its first piece under a pe_ bookmark
    para_changed = False  # some piece of it, or its mark, is tracked
    plain: Piece | None = None  # the untracked piece being gathered (texts met are added to it)
    mark_change: Change | None = None  # the current paragraph's tracked mark
    pending: list[tuple[dict, str]] = []  # comment anchors seen before the first paragraph
    has_bookmarks = False  # a pe_ bookmark met
    # Each text element inside a tracked change → its Change, noted when the change's wrapper is met.
    # The dict holds the elements themselves, which keeps their lxml proxies alive: the pass then
    # meets the very same objects and finds them by identity. The same for the tables' paragraphs.
    changed: dict = {}
    in_tables: set = set()
    anchors_of = {COMMENT_START: doc.comment_starts, COMMENT_END: doc.comment_ends, COMMENT_REF: doc.comment_refs}
    get_change = changed.get
    new_piece = Piece
    new_para = Para
    add_para = paras.append
    # the tests go from the most frequent element to the least (a run's text first)
    for element in body.iter(_WANTED):
        tag = element.tag
        if tag == T or tag == TAB or tag == DEL_TEXT or tag == BR:
            if para_element is None:  # before the first paragraph
                continue
            if tag == T or tag == DEL_TEXT:
                text = element.text
                if not text:
                    continue
            elif tag == TAB:
                text = "\t"
            else:
                if element.get(TYPE) in ("page", "column"):
                    continue
                text = "\n"
            change = get_change(element)
            if change is None:
                if plain is not None:
                    plain.text += text
                else:
                    if bookmark is not None and first_marked < 0:
                        first_marked = len(pieces)
                    plain = new_piece(text, None, bookmark)
                    pieces.append(plain)
                continue
            plain = None
            para_changed = True
            if bookmark is not None and first_marked < 0:
                first_marked = len(pieces)
            pieces.append(new_piece(text, change, bookmark))
            continue
        if tag == BOOKMARK_START:
            plain = None
            name = element.get(NAME, "")
            if name.startswith("pe_"):  # the export's (editor.docx_ids parses them); _Toc, _GoBack … are not
                open_marks[element.get(ID, "")] = name
                bookmark = name
                has_bookmarks = True
        elif tag == BOOKMARK_END:
            plain = None
            if open_marks.pop(element.get(ID, ""), None) is not None:
                bookmark = next(reversed(open_marks.values())) if open_marks else None
        elif tag == P:
            plain = None
            if para_element is not None:
                pieces.append(new_piece("\n", mark_change, None, True))  # the mark stays last (see Para.mark)
                if para_changed:
                    changed_paras.append(len(paras))
                add_para(new_para(para_element in in_tables, para_element, styles, "", pieces, para_changed, first_marked))
                pieces = []
                first_marked = -1
                para_changed = False
                mark_change = None  # set when its w:pPr/w:rPr/w:ins (…) is met, which comes first
            para_element = element
            if pending:
                for anchors, comment_id in pending:
                    anchors[comment_id] = Anchor(len(paras), None)
                pending.clear()
        elif tag == TBL:  # not a piece: does not end the one being gathered
            in_tables.update(element.iter(P))
        elif tag in _CHANGE_TAGS:  # the same
            mark = _note_change(element, changed)
            if mark is not None and mark[0] is para_element and para_element is not None:
                mark_change = mark[1]
                para_changed = True
        else:  # a comment's anchor
            plain = None
            anchors = anchors_of[tag]
            if para_element is None:
                pending.append((anchors, element.get(ID, "")))
            else:
                anchors[element.get(ID, "")] = Anchor(len(paras), pieces[-1] if pieces else None)
    if para_element is not None:
        pieces.append(new_piece("\n", mark_change, None, True))
        if para_changed:
            changed_paras.append(len(paras))
        add_para(new_para(para_element in in_tables, para_element, styles, "", pieces, para_changed, first_marked))
    doc.has_bookmarks = has_bookmarks
    for anchors, comment_id in pending:  # a document without paragraphs
        anchors[comment_id] = Anchor(0, None)


def _note_change(wrapper, changed: dict) -> tuple[object, Change] | None:
    """Note a tracked change's texts in ``changed`` (text element → its Change); when the wrapper marks a
    paragraph's mark (``w:pPr/w:rPr/w:ins`` …) return (that w:p, the Change) instead."""
    kind = _CHANGE_TAGS[wrapper.tag]
    move = _MOVES.get(wrapper.tag, "")
    # a mark's change is empty: its parent is looked at only then (a wrapper of runs is most changes)
    parent = wrapper.getparent() if len(wrapper) == 0 else None
    if parent is not None and parent.tag == RPR:
        properties = parent.getparent()
        if properties is not None and properties.tag == PPR:  # a paragraph's mark
            paragraph = properties.getparent()
            if paragraph is not None and paragraph.tag == P:
                return paragraph, Change(kind, wrapper.get(AUTHOR, ""), wrapper.get(DATE, ""), wrapper.get(ID, ""), move)
        return None
    change = None
    for text in wrapper.iter(_TEXT_TAGS):
        if change is None:
            change = Change(kind, wrapper.get(AUTHOR, ""), wrapper.get(DATE, ""), wrapper.get(ID, ""), move)
        before = changed.get(text)
        if before is None:
            changed[text] = change
        elif before.kind != kind:
            # inserted, then deleted again (w:ins around w:del): in neither version
            changed[text] = Change("gone", before.author, before.date, before.mark_id)
    return None
