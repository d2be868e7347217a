"""Whole items a reviewer dragged elsewhere with tracking on: Word's moveFrom/moveTo paragraphs as one move.

Word marks a moved paragraph twice: struck at its old place (``w:moveFrom`` around its text and
on its paragraph mark) and underlined at its new one (``w:moveTo``). Read paragraph by paragraph,
that is an item removed and an item added; here each removed item marked moved away is paired
with an added one marked moved here that holds the same text (its title or text, its body, its
actions), and the pair becomes one ``move_node`` proposal whose acceptance is a ``Move``: the
item keeps its id, its notes, its indicators — what a delete and an insert would lose. A moved
paragraph whose text was also edited, or whose partner is not found, stays a removal and an addition.
Text moved inside one field is not an item moved: it stays a text proposal (``build``).
"""
from __future__ import annotations

from editor.review.expected import export_form
from schema.document import Document
from schema.operations import Move, to_json
from schema.proposals import Proposal
from schema.tree import KINDS, children, title_of


def pair_moves(proposals: list[Proposal], moved_from: dict[str, Proposal], moved_to: list[tuple[Proposal, dict]],
               document: Document) -> list[Proposal]:
    """``proposals`` with each paired removal and addition replaced by one move (where the removal stood)."""
    if not moved_from or not moved_to:
        return proposals
    replaced: dict[int, Proposal | None] = {}  # id(proposal) → its move, or None to drop it
    for added, data in moved_to:
        for node_id, removal in moved_from.items():
            if id(removal) in replaced:
                continue
            node = document.node(node_id)
            if node.kind != data["kind"] or not _same_item(node, data):
                continue
            op = added.operation
            assert op is not None  # an insert_node proposal (build.py) carries the Insert accepting it applies
            parent_id, index = op["parent_id"], op["index"]
            old_parent = document.parent(node)
            if old_parent is not None and old_parent.id == parent_id and document.index_of(node) < index:
                index -= 1  # a Move counts its index after the item left its place
            replaced[id(removal)] = Proposal(
                kind="move_node", node_id=node_id, author=added.author, date=added.date, old=title_of(node) or "",
                new=title_of(node) or "", operation=to_json(Move(node_id, parent_id, index)),
                reason=f"移動{KINDS[node.kind].label}",
            )
            replaced[id(added)] = None
            break
    result = []
    for proposal in proposals:
        if id(proposal) in replaced:
            move = replaced[id(proposal)]
            if move is not None:
                result.append(move)
        else:
            result.append(proposal)
    return result


def _same_item(node, data: dict) -> bool:
    """Whether the added item's data holds the plan item's text, as the export writes it, all the way down."""
    spec = KINDS[node.kind]
    for name in ("title", "text", "body"):
        if name in spec.string_fields and export_form(node.kind, name, getattr(node, name, "") or "") != (data.get(name) or ""):
            return False
    kids = children(node)
    added = data.get(spec.children or "", []) if spec.children else []
    return len(kids) == len(added) and all(_same_item(k, d) for k, d in zip(kids, added, strict=True))
