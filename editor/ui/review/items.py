"""What Review mode walks through: pending proposals, or the draft's changes against a revision.

One :class:`ReviewItem` per thing a person decides: a proposal (a reviewer's tracked change or
comment, a merge's disagreement, a staff comment) or a change of the working draft against a
revision (schema.compare). Each knows the operations that take it or take it back, so the view
only runs them as undo steps: accepting a proposal is ``schema.review.decide``; rejecting a
draft change puts the revision's version back (its text, or the item where it was).
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from schema.compare import Change, compare
from schema.document import Document
from schema.model import PlanDocument, Revision
from schema.operations import Insert, Move, Operation, OperationError, Remove, SetField
from schema.proposals import Proposal
from schema.review import decide
from schema.tree import KINDS, children, walk

KIND_NAMES = {  # translated where shown (QT_TRANSLATE_NOOP: lupdate sees them)
    "insert": QT_TRANSLATE_NOOP("review", "插入"), "delete": QT_TRANSLATE_NOOP("review", "刪除"),
    "replace": QT_TRANSLATE_NOOP("review", "取代"), "comment": QT_TRANSLATE_NOOP("review", "註解"),
    "insert_node": QT_TRANSLATE_NOOP("review", "新增項目"), "remove_node": QT_TRANSLATE_NOOP("review", "刪除項目"),
    "move_node": QT_TRANSLATE_NOOP("review", "移動項目"), "added": QT_TRANSLATE_NOOP("review", "新增項目"),
    "removed": QT_TRANSLATE_NOOP("review", "刪除項目"), "modified": QT_TRANSLATE_NOOP("review", "修改"),
    "moved": QT_TRANSLATE_NOOP("review", "移動項目"),
}


@dataclass
class ReviewItem:
    key: str
    node_id: str
    field: str
    kind: str  # a proposal kind, or added/removed/modified/moved for a draft change
    author: str
    date: str
    proposal: Proposal | None = None
    change: Change | None = None

    @property
    def is_comment(self) -> bool:
        return self.kind == "comment"

    def accept_ops(self, document: Document) -> list:
        """The operations that take it (none for a draft change: taking it is keeping it)."""
        if self.proposal is not None:
            return decide(document, self.proposal, "resolved" if self.is_comment else "accepted")
        return []

    def reject_ops(self, document: Document, base: Revision | None) -> list:
        if self.proposal is not None:
            return decide(document, self.proposal, "resolved" if self.is_comment else "rejected")
        return restore_ops(document, self.change, base)


def proposal_items(plan: PlanDocument, document: Document) -> list[ReviewItem]:
    """The pending proposals, in the plan's order of items (unplaced ones last)."""
    order = _order(document)
    items = [
        ReviewItem(p.id, p.node_id, p.field, p.kind, p.author, p.date, proposal=p)
        for p in plan.proposals if p.status == "pending"
    ]
    items.sort(key=lambda i: (order.get(i.node_id, len(order)), _field_order(i)))
    return items


def draft_items(plan: PlanDocument, document: Document, base: Revision) -> list[ReviewItem]:
    """The working draft's changes against ``base``, in the draft's order (removed items where they were)."""
    comparison = compare(base.content, document.content)
    order = _order(document)
    items = []
    for change in comparison.changes:
        author = plan.draft.author or ""
        anchor = change.node_id if change.node_id in document else (change.old.parent_id if change.old else "")
        items.append(ReviewItem(f"{change.kind}:{change.node_id}", anchor, "", change.kind, author, plan.draft.date, change=change))
    items.sort(key=lambda i: order.get(i.node_id, len(order)))
    return items


def in_branch(document: Document, item: ReviewItem, root_id: str | None) -> bool:
    if not root_id:
        return True
    node = document.get(item.node_id)
    if node is None:
        return False
    return node.id == root_id or any(a.id == root_id for a in document.ancestors(node))


def restore_ops(document: Document, change: Change | None, base: Revision | None) -> list[Operation]:
    """Operations putting ``base``'s version of a changed item back in the draft (rejecting the change).

    An added item is removed; a removed one is inserted again, with its ids, where it stood in
    ``base`` (after the sibling it followed there, when that one is still in the draft); a moved
    one is moved back the same way; a modified one gets ``base``'s value of each changed field.
    Raise OperationError (one sentence) when the draft no longer has the place it belongs.
    """
    if change is None or base is None:
        return []
    base_doc = Document(base.content)
    if change.kind == "added":
        node = document.get(change.node_id)
        if node is None:
            raise OperationError("the added item is no longer in the plan")
        return [Remove(document.parent(node).id, document.index_of(node))]
    if change.kind == "removed":
        old = base_doc.get(change.node_id)
        parent_id = change.old.parent_id if change.old else None
        if old is None or parent_id not in document:
            raise OperationError("the item it was under is no longer in the plan")
        if any(n.id in document for n in _subtree(old)):
            raise OperationError("part of the removed item is elsewhere in the draft now; move it back first")
        return [Insert(parent_id, _place_in(document, base_doc, old.id, parent_id), old.model_dump(mode="json"))]
    ops: list[Operation] = []
    node = document.get(change.node_id)
    old = base_doc.get(change.node_id)
    if node is None or old is None:
        return ops
    if change.kind == "moved" and change.old is not None:
        if change.old.parent_id not in document:
            raise OperationError("the item it was under is no longer in the plan")
        ops.append(Move(node.id, change.old.parent_id, _place_in(document, base_doc, node.id, change.old.parent_id)))
    spec = KINDS[node.kind]
    for name in type(node).model_fields:
        if name in ("id", "kind", "note", spec.children):
            continue
        before = old.model_dump(mode="json", include={name})[name]
        if node.model_dump(mode="json", include={name})[name] != before:
            ops.append(SetField(node.id, name, before))
    return ops


def _place_in(document: Document, base_doc: Document, node_id: str, parent_id: str) -> int:
    """Where ``node_id`` goes back under ``parent_id`` of the draft: right after the nearest sibling
    it followed in the revision that is still there, else before the nearest one it preceded, else last.
    Counted without the node itself (a Move's index counts after the node left its place)."""
    base_node = base_doc.node(node_id)
    siblings = [n.id for n in children(base_doc.parent(base_node))]
    at = siblings.index(node_id)
    kids = [n.id for n in children(document.node(parent_id)) if n.id != node_id]
    for before in reversed(siblings[:at]):
        if before in kids:
            return kids.index(before) + 1
    for after in siblings[at + 1:]:
        if after in kids:
            return kids.index(after)
    return len(kids)


def _subtree(node) -> list:
    found, stack = [], [node]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children(current))
    return found


def _order(document: Document) -> dict[str, int]:
    return {node.id: i for i, (node, _parent) in enumerate(walk(document.content))}


def _field_order(item: ReviewItem) -> int:
    return {"title": 0, "chart_label": 1, "body": 2, "text": 2}.get(item.field, 3)
