"""The two versions of a plan as one tree, read off the comparison's list of changes.

Both amendment documents need to know which node of the older version *is* which node of the
newer one. The comparison (``schema.compare``) reports every node that was added, removed or
moved; every other child of a kept parent kept its place, so under a kept parent the children
left on each side, once the reported ones are set aside, pair up in order. That gives:

- ``kept``: old id → new id of the nodes that stayed in place (possibly with edited words);
- ``merged_children(old, new)``: the children of a kept pair in the order of a document that
  holds both versions: between two kept children, first the old ones that left (deleted), then
  the new ones that arrived (inserted). A moved node therefore appears twice: deleted where it
  was, inserted where it is, which is how the tracked-changes document shows a move.
"""
from __future__ import annotations

from dataclasses import dataclass

from schema.compare import Comparison
from schema.model import AnyNode, PlanContent
from schema.tree import children, sections


@dataclass(frozen=True)
class Pairing:
    kept: dict[str, str]  # old id → new id, for the nodes that stayed in place

    def merged_children(self, old: AnyNode, new: AnyNode) -> list[tuple[AnyNode | None, AnyNode | None]]:
        """(old child, new child) pairs in merged order; one side is None for a deletion or an insertion."""
        out: list[tuple[AnyNode | None, AnyNode | None]] = []
        old_kids, new_kids = children(old), children(new)
        j = 0
        pending_old: list[AnyNode] = []
        for old_child in old_kids:
            partner = self.kept.get(old_child.id)
            if partner is None:
                pending_old.append(old_child)
                continue
            out.extend((o, None) for o in pending_old)
            pending_old = []
            while j < len(new_kids) and new_kids[j].id != partner:
                out.append((None, new_kids[j]))
                j += 1
            if j < len(new_kids):
                out.append((old_child, new_kids[j]))
                j += 1
            else:  # its partner came earlier (cannot happen with kept order): a deletion then
                out.append((old_child, None))
        out.extend((o, None) for o in pending_old)
        out.extend((None, n) for n in new_kids[j:])
        return out


def pair_nodes(comparison: Comparison, old: PlanContent, new: PlanContent) -> Pairing:
    """Which old node stayed in place as which new node (see the module docstring)."""
    left = {c.old.node_id for c in comparison.changes if c.kind in ("removed", "moved") and c.old}
    came = {c.new.node_id for c in comparison.changes if c.kind in ("added", "moved") and c.new}
    kept: dict[str, str] = {}
    stack: list[tuple[AnyNode, AnyNode]] = list(zip(sections(old), sections(new)))
    while stack:
        o, n = stack.pop()
        kept[o.id] = n.id
        old_kids = [c for c in children(o) if c.id not in left]
        new_kids = [c for c in children(n) if c.id not in came]
        # With a comparison of these two contents the counts always agree; should they not (a
        # comparison of other contents), the children are shown as deleted and inserted, which
        # still reads correctly.
        if len(old_kids) == len(new_kids) and all(x.kind == y.kind for x, y in zip(old_kids, new_kids)):
            stack.extend(zip(old_kids, new_kids))
    return Pairing(kept)


def body_lines(text: str) -> list[str]:
    """The paragraphs the official document makes of a multi-line field: stripped, blank lines dropped."""
    return [line.strip() for line in text.split("\n") if line.strip()]
