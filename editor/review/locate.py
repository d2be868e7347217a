"""Which item and field each piece of a reviewed document belongs to.

First by the ``pe_<id>_<field>`` bookmarks the export writes (CONVENTIONS.md), which Word and
LibreOffice keep through editing; then, for the paragraphs no bookmark covers (a reviewer
deleted them, or the document predates them), by content: the document's paragraphs as they were
before the tracked changes are aligned with the paragraphs the export writes for the plan
(``expected``), equal ones first, changed ones (a document re-saved without tracking) paired by
similarity within the stretch between equal ones.

A piece's label is ``(node_id, field)``, :data:`NUMBER` for the number printed before an item's
text (outside the field: a change there is reported, never applied), or None (the cover, the
table of contents, the tables, a paragraph a reviewer added).
"""
from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from editor.docx_ids import PREFIX as BOOKMARK_PREFIX
from editor.review.expected import Expected
from editor.review.wordml import Para, Piece, WordDocument
from schema.tree import KINDS

NUMBER = "number"
EXPORT_LAYOUT_STYLES = frozenset({"Chart Heading", "TOC Heading", "TOC 1", "TOC 2", "TOC 3"})
SIMILAR_ENOUGH = 0.5  # a changed paragraph is taken for the plan's one when at least this alike
_STRING_FIELDS = {kind: frozenset(spec.string_fields) for kind, spec in KINDS.items()}  # what a bookmark can name

@dataclass
class Located:
    """The result: every piece labelled, plus what the locator learnt on the way."""

    by_label: dict[tuple[str, str], list[Piece]] = field(default_factory=dict)  # in document order
    para_label: list[tuple[str, str] | None] = field(default_factory=list)  # each paragraph's item field
    added: list[bool] = field(default_factory=list)  # paragraphs a reviewer added (no label, new text)
    matched: int = 0  # paragraphs placed (by bookmark or content)
    missing: list[Expected] = field(default_factory=list)  # the plan's paragraphs not found
    changed: set[tuple[str, str]] = field(default_factory=set)  # the labels with a tracked change in their pieces


def wholly_new(paras: list[Para], i: int) -> bool:
    """A paragraph a tracked change added: all its text inserted, and a paragraph break inserted before or at it."""
    para = paras[i]
    if any(p.change is None or p.change.kind != "ins" for p in para.pieces if not p.is_mark):
        return False
    return _inserted(para.mark) or (i > 0 and _inserted(paras[i - 1].mark))


def _inserted(piece: Piece) -> bool:
    """A piece (or paragraph mark) that a tracked insertion added."""
    return piece.change is not None and piece.change.kind == "ins"


def label_pieces(doc: WordDocument, expected: Callable[[], list[Expected]], labels: list[tuple[str, str]],
                 nodes: Mapping[str, Any]) -> Located:
    """Label every piece; ``labels`` are the fields the export writes, ``expected()`` their paragraphs
    (made only when bookmarks do not find them all: numbering a big plan is not free); ``nodes`` the
    plan's items by id (a bookmark names one of their text fields, or nothing of the plan)."""
    paras = doc.paras
    result = Located(para_label=[None] * len(paras), added=[False] * len(paras))
    # only a paragraph with tracked changes, or an empty one after an inserted break, can be new: with
    # bookmarks, the untracked paragraphs they place (most) are passed over, the others looked at below
    new_flags = [False] * len(paras) if doc.has_bookmarks else \
        [(para.changed or len(para.pieces) == 1) and wholly_new(paras, i) for i, para in enumerate(paras)]
    # the fields' pieces are gathered as bookmarks place their paragraphs (in document order, as the
    # gathering after content matching does, which is needed only when bookmarks do not place them all)
    by_label = result.by_label
    changed = result.changed
    matched = 0
    if doc.has_bookmarks:
        para_label = result.para_label
        start = len(BOOKMARK_PREFIX)
        for i, para in enumerate(paras):
            if para.in_table:
                continue
            first = para.first_marked
            if first >= 0 and not para.changed:
                # most paragraphs: untracked, their first bookmarked piece names the field and the
                # pieces before it are the number (what _label_by_bookmarks finds, without its loop)
                pieces = para.pieces
                bookmark = pieces[first].bookmark
                assert bookmark is not None  # first_marked is the index of the first piece under a bookmark
                node_id, _sep, name = bookmark[start:].rpartition("_")
                node = nodes.get(node_id)
                if node is not None and name in _STRING_FIELDS[node.kind]:
                    label = (node_id, name)
                    if first == 1:  # the number (most headings and actions)
                        pieces[0].label = NUMBER
                    else:
                        for piece in pieces[:first]:
                            piece.label = NUMBER
                    para_label[i] = label
                    matched += 1
                    tail = pieces[first:]  # untracked: no change among them
                    for piece in tail:
                        piece.label = label
                    target = by_label.get(label)
                    if target is None:
                        by_label[label] = tail
                    else:
                        target += tail
                    continue
            if para.changed or len(para.pieces) == 1:
                new_flags[i] = wholly_new(paras, i)
            if not (new_flags[i] and moved_here(para)):
                # a paragraph moved here whole is new at this place, whatever bookmarks it carried
                # along: its item is where it was moved from (found by content, if not by bookmark)
                found = _label_by_bookmarks(para, nodes)
                if found is not None:
                    para_label[i] = found
                    matched += 1
                    _gather(para, found, result)
    paragraphs: list[Expected] = []
    seen = by_label  # the fields bookmarks placed (each has its pieces there)
    if not all(map(seen.__contains__, labels)):
        paragraphs = expected()
        unseen = [e for e in paragraphs if (e.node_id, e.field) not in seen]
        _match_content(paras, new_flags, unseen, result)
        by_label.clear()  # gathered again in document order, the paragraphs matched by content among them
        changed.clear()
        matched = 0
        for para, own_label in zip(paras, result.para_label):
            if own_label is not None:
                matched += 1
                _gather(para, own_label, result)
    # everything not placed that holds new text after the plan began is a reviewer's addition
    unplaced = [i for i, label in enumerate(result.para_label) if label is None]  # few: most are placed
    first = next((k for k, i in enumerate(unplaced) if k != i), len(unplaced))  # the first placed one
    for i in unplaced:
        para = paras[i]
        if para.in_table:
            continue
        if not ((i > first or new_flags[i]) and para.new_text().strip()):
            continue
        if para.style in EXPORT_LAYOUT_STYLES and not new_flags[i]:
            continue  # the export's own headings (the chart page's 架構圖, a table of contents), not an item
        result.added[i] = True  # (its style asked last: the first asking reads styles.xml)
    result.matched = matched
    placed = set(by_label)
    result.missing = [e for e in paragraphs if (e.node_id, e.field) not in placed]
    return result


def _gather(para: Para, label: tuple[str, str], result: Located) -> None:
    """Add ``para``'s pieces (all but its number) to ``label``'s, noting whether a tracked change is among them."""
    target = result.by_label.get(label)
    if target is None:
        target = result.by_label[label] = []
    for piece in para.pieces:
        if piece.label is not NUMBER:
            piece.label = label
            target.append(piece)
    if para.changed:  # a tracked piece or mark: the label's text has a change in it
        for piece in para.pieces:
            if piece.change is not None and piece.label is label:
                result.changed.add(label)
                break


def moved_here(para: Para) -> bool:
    """A paragraph whose text Word marks as moved here (w:moveTo) throughout."""
    return all(p.change is not None and p.change.move == "moveTo" for p in para.pieces if not p.is_mark and p.text.strip())


def _bookmark_label(name: str, nodes: Mapping[str, Any]) -> tuple[str, str] | None:
    """The (node id, field) a ``pe_<id>_<field>`` bookmark names, when it is one of the plan's fields.

    A real id and one of its kind's text fields is the whole check (what
    ``editor.docx_ids.parse_bookmark_name`` checks with patterns, once per paragraph, costs more).
    """
    node_id, _sep, field = name[len(BOOKMARK_PREFIX):].rpartition("_")
    node = nodes.get(node_id)
    return (node_id, field) if node is not None and field in _STRING_FIELDS[node.kind] else None


def _label_by_bookmarks(para: Para, nodes: Mapping[str, Any]) -> tuple[str, str] | None:
    """The field a paragraph's bookmark names; the unmarked pieces before it are its number."""
    label = None
    first = None
    for index, piece in enumerate(para.pieces):
        if piece.bookmark is not None and not piece.is_mark:
            label = _bookmark_label(piece.bookmark, nodes)
            if label is not None:
                first = index
                break
    if label is None:
        # an emptied field keeps its bookmark on the mark alone
        mark = para.mark
        return _bookmark_label(mark.bookmark, nodes) if mark.bookmark else None
    number_edited = False
    for piece in para.pieces[:first]:
        inserted = piece.change is not None and piece.change.kind == "ins"
        if not inserted or number_edited:
            piece.label = NUMBER  # the number and tab, written outside the bookmark (or typed over it)
        number_edited = number_edited or (piece.change is not None and piece.change.kind == "del")
    return label


def _match_content(paras: list[Para], new_flags: list[bool], expected: list[Expected], result: Located) -> None:
    """Label the unlabelled paragraphs whose text (before the changes) is one of ``expected``."""
    candidates = [
        i for i, para in enumerate(paras)
        if result.para_label[i] is None and not para.in_table and not new_flags[i] and para.old_text().strip()
    ]
    texts = [_old_group_text(paras, i) for i in candidates]
    wanted = [e.full for e in expected]
    matcher = difflib.SequenceMatcher(None, texts, wanted, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(a1 - a0):
                _assign(paras[candidates[a0 + k]], expected[b0 + k], result, candidates[a0 + k], exact=True)
        elif tag == "replace":
            used: set[int] = set()
            for a in range(a0, a1):
                best, best_ratio = None, SIMILAR_ENOUGH
                for b in range(b0, b1):
                    if b in used:
                        continue
                    ratio = difflib.SequenceMatcher(None, texts[a], wanted[b], autojunk=False).ratio()
                    if ratio >= best_ratio:
                        best, best_ratio = b, ratio
                if best is not None:
                    used.add(best)
                    _assign(paras[candidates[a]], expected[best], result, candidates[a], exact=False)


def _old_group_text(paras: list[Para], i: int) -> str:
    """A paragraph's text before the changes, with the text of the paragraphs a reviewer split off it."""
    text = paras[i].old_text()
    while _inserted(paras[i].mark) and i + 1 < len(paras):
        i += 1
        text += paras[i].old_text()
    return text


def _assign(para: Para, entry: Expected, result: Located, index: int, *, exact: bool) -> None:
    label = (entry.node_id, entry.field)
    result.para_label[index] = label
    if not entry.prefix:
        return
    # the first len(prefix) characters of the old text are the number: split the piece that straddles it
    if not exact and not para.old_text().startswith(entry.prefix):
        for piece in para.pieces:  # the number itself was edited: nothing of this paragraph is applied
            piece.label = NUMBER
        return
    remaining = len(entry.prefix)
    position = 0
    number_edited = False
    while remaining > 0 and position < len(para.pieces):
        piece = para.pieces[position]
        if piece.is_mark:
            break
        if not piece.in_old:  # inserted inside the number
            piece.label = NUMBER
            position += 1
            continue
        if len(piece.text) > remaining:
            # the number becomes a piece of its own before the original one, which keeps the rest:
            # comment anchors point after original pieces, and must still include the whole run
            number = Piece(piece.text[:remaining], piece.change, piece.bookmark, label=NUMBER)
            piece.text = piece.text[remaining:]
            para.pieces.insert(position, number)
            break
        piece.label = NUMBER
        number_edited = number_edited or piece.change is not None
        remaining -= len(piece.text)
        position += 1
    while number_edited and position < len(para.pieces) and _inserted(para.pieces[position]) \
            and not para.pieces[position].is_mark:
        para.pieces[position].label = NUMBER  # typed in place of the deleted number
        position += 1
