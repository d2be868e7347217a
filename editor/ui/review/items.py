"""What Review mode walks through: pending proposals, or the draft's changes against a revision.

One :class:`ReviewItem` per thing a person decides: a proposal (a reviewer's tracked change or
comment, a merge's disagreement, a staff comment) or a change of the working draft against a
revision (schema.compare). Each knows the operations that take it or take it back, so the view
only runs them as undo steps: accepting a proposal is ``schema.review.decide``; rejecting a
draft change puts the revision's version back (``schema.review.restore_operations``).
"""
from __future__ import annotations

from dataclasses import dataclass

from editor.ui.i18n import QT_TRANSLATE_NOOP
from schema.compare import Change, compare
from schema.document import Document
from schema.model import PlanDocument, Revision
from schema.proposals import Proposal
from schema.review import decide, restore_operations
from schema.tree import walk

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
        return restore_operations(document, self.change, base.content if base is not None else None)


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
        # a removed item is placed under its old parent (never None: sections are never removed)
        old_parent = change.old.parent_id if change.old is not None else None
        anchor = change.node_id if change.node_id in document else old_parent or ""
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


def _order(document: Document) -> dict[str, int]:
    return {node.id: i for i, (node, _parent) in enumerate(walk(document.content))}


def _field_order(item: ReviewItem) -> int:
    return {"title": 0, "chart_label": 1, "body": 2, "text": 2}.get(item.field, 3)
