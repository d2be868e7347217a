"""Comments (批註) of a reviewed document as proposals: each thread on the item its range covers.

A comment's range (``w:commentRangeStart``/``End``, else its ``w:commentReference``) gives the
anchor text and the item and field under it (the item's words, not its number); Word-style
replies (``commentsExtended.xml``, ``w15:paraIdParent``) join their comment's thread, and a done
comment comes back resolved. A comment on nothing of the plan, or on nothing at all, is unplaced.
"""
from __future__ import annotations

from typing import TypedDict

from editor.review.locate import NUMBER, Located
from editor.review.wordml import Para, Piece, WordDocument
from schema.proposals import Proposal, ProposalKind, ProposalStatus, Reply


class _CommentFields(TypedDict):
    """What every proposal made of one comment thread holds, placed or not."""

    kind: ProposalKind
    author: str
    date: str
    comment: str
    replies: list[Reply]
    status: ProposalStatus


def comment_proposals(doc: WordDocument, located: Located) -> tuple[list[Proposal], list[Proposal]]:
    """(placed, unplaced) comment proposals of ``doc``."""
    placed: list[Proposal] = []
    unplaced: list[Proposal] = []
    by_para_id = {pid: c for c in doc.comments.values() for pid in c.para_ids if pid}
    replies: dict[str, list] = {}
    for comment in doc.comments.values():
        parent = by_para_id.get(comment.parent_para_id) if comment.parent_para_id else None
        if parent is not None and parent is not comment:
            replies.setdefault(parent.comment_id, []).append(comment)
    reply_ids = {c.comment_id for group in replies.values() for c in group}
    for comment in doc.comments.values():
        if comment.comment_id in reply_ids:
            continue
        thread = [Reply(author=r.author, date=r.date, text=r.text) for r in replies.get(comment.comment_id, [])]
        status: ProposalStatus = "resolved" if comment.done else "pending"
        start = doc.comment_starts.get(comment.comment_id) or doc.comment_refs.get(comment.comment_id)
        end = doc.comment_ends.get(comment.comment_id) or start
        common = _CommentFields(kind="comment", author=comment.author, date=comment.date, comment=comment.text, replies=thread, status=status)
        if start is None:
            unplaced.append(Proposal(**common, reason="a comment anchored nowhere in the document"))
            continue
        pieces = _range(doc.paras, start, end)
        text = [p for p in pieces if p.in_new and not p.is_mark]
        words = [p for p in text if p.label is not NUMBER] or text  # the item's words, not its number
        anchor = "".join(p.text for p in words).strip()
        label = next((p.label for p in pieces if isinstance(p.label, tuple)), None)
        if label is None:
            label = located.para_label[start.para] if start.para < len(doc.paras) else None
        if label is None:
            unplaced.append(Proposal(**common, anchor=anchor, reason="a comment on text that is not one of the plan's items"))
            continue
        placed.append(Proposal(**common, node_id=label[0], field=label[1], anchor=anchor))
    return placed, unplaced


def _range(paras: list[Para], start, end) -> list[Piece]:
    pieces: list[Piece] = []
    for k in range(start.para, min(end.para, len(paras) - 1) + 1):
        items = paras[k].pieces
        lo = 0
        if k == start.para and start.after is not None:
            lo = _index(items, start.after) + 1
        hi = len(items) - 1
        if k == end.para and end.after is not None:
            hi = _index(items, end.after) + 1
        elif k == end.para and end.after is None and k != start.para:
            hi = 0
        pieces += items[lo:hi]
    return pieces


def _index(items: list[Piece], piece: Piece) -> int:
    for i, item in enumerate(items):
        if item is piece:
            return i
    return -1
