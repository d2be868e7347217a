"""The document operations that turn one content into another with the same ids (a merge's result).

The editor applies a merge as ordinary operations, so that it is one undo step, journalled like
any edit, and the tree updates row by row: :func:`operations_between` gives the removals, field
edits, insertions and moves from the current draft to the merged one. Applied in order to the
old content they give the new one; this is checked on a copy before they are returned, and when a
step would be refused on the way (an action moved under another while it still holds its own
sub-actions), the coarse but always valid sequence is returned instead: every section's children
removed and the new ones inserted whole.
"""
from __future__ import annotations

from typing import Any

from schema.document import Document
from schema.merge import PLAN_PROPERTIES
from schema.model import AnyNode, PlanContent, PlanDocument
from schema.operations import (
    Insert,
    InsertRevision,
    Move,
    Operation,
    OperationError,
    Remove,
    RemoveRevision,
    SetField,
    SetPlanProperties,
    SetProposal,
    SetRevisionLabel,
)
from schema.tree import KINDS, children, sections, walk

_SKIPPED = {"id", "kind"}


def operations_between(old: PlanContent, new: PlanContent) -> list[Operation]:
    """Operations that turn (a copy of) ``old`` into ``new``; both must have the same section ids."""
    if [s.id for s in sections(old)] != [s.id for s in sections(new)]:
        raise ValueError("the two contents are not versions of one plan (their sections differ)")
    ops = _fine(old, new)
    scratch = Document(old.model_copy(deep=True))
    try:
        scratch.apply_all(ops)
        if scratch.content == new:
            return ops
    except OperationError:
        pass
    return _coarse(old, new)


def _own(node: AnyNode) -> dict[str, Any]:
    field = KINDS[node.kind].children
    return node.model_dump(mode="json", exclude={*_SKIPPED, *([field] if field else [])})


def _fine(old: PlanContent, new: PlanContent) -> list[Operation]:
    old_nodes = {n.id: (n, p) for n, p in walk(old)}
    new_nodes = {n.id: (n, p) for n, p in walk(new)}
    ops: list[Operation] = []
    # 1. removals: the topmost nodes that are gone, each parent's from the back (indexes stay right)
    for node, parent in reversed(list(walk(old))):
        if node.id not in new_nodes and parent is not None and parent.id in new_nodes:
            ops.append(Remove(parent.id, children(parent).index(node)))
    # 2. the fields of nodes on both sides
    for nid, (node, _parent) in new_nodes.items():
        if nid in old_nodes:
            before, after = _own(old_nodes[nid][0]), _own(node)
            ops.extend(SetField(nid, name, value) for name, value in after.items() if before.get(name) != value)
    # 3. places, parent by parent in document order: new nodes inserted bare, known ones moved
    places: dict[str, list[str]] = {}  # parent id → child ids, as the operations leave them
    for node, _parent in walk(old):
        if node.id in new_nodes and KINDS[node.kind].children:
            places[node.id] = [c.id for c in children(node) if c.id in new_nodes]
    where = {c: p for p, kids in places.items() for c in kids}
    for node, _parent in walk(new):
        field = KINDS[node.kind].children
        if not field:
            continue
        current = places.setdefault(node.id, [])
        for i, child in enumerate(children(node)):
            if i < len(current) and current[i] == child.id:
                continue
            if child.id in old_nodes:
                source = where[child.id]
                places[source].remove(child.id)
                ops.append(Move(child.id, node.id, i))
            else:
                data = child.model_dump(mode="json")
                child_field = KINDS[child.kind].children
                if child_field:
                    data[child_field] = []
                ops.append(Insert(node.id, i, data))
            current.insert(i, child.id)
            where[child.id] = node.id
    return ops


def _coarse(old: PlanContent, new: PlanContent) -> list[Operation]:
    ops: list[Operation] = []
    for before, after in zip(sections(old), sections(new)):
        field = KINDS[before.kind].children
        assert field is not None
        ops.extend(Remove(before.id, i) for i in reversed(range(len(children(before)))))
        ops.extend(SetField(before.id, name, value) for name, value in _own(after).items() if _own(before).get(name) != value)
        ops.extend(Insert(after.id, i, child.model_dump(mode="json")) for i, child in enumerate(children(after)))
    return ops


def revision_operations(current: PlanDocument, merged: PlanDocument) -> list[Operation]:
    """The revision operations that give ``current`` the revisions and draft label of ``merged``
    (revisions keep their ids through a merge; one changed on a side is replaced whole)."""
    wanted = {r.id: r for r in merged.revisions}
    ops: list[Operation] = []
    kept: list[str] = []
    for rev in current.revisions:
        other = wanted.get(rev.id)
        if other is None or other.model_dump(exclude={"label"}) != rev.model_dump(exclude={"label"}):
            ops.append(RemoveRevision(rev.id))
        else:
            kept.append(rev.id)
    labels = {r.id: r.label for r in current.revisions}
    for index, rev in enumerate(merged.revisions):
        if rev.id not in kept:
            ops.append(InsertRevision(index, rev.model_dump(mode="json")))
        elif labels[rev.id] != rev.label:
            ops.append(SetRevisionLabel(rev.id, rev.label))
    if merged.draft.label != current.draft.label:
        ops.append(SetRevisionLabel(current.draft.id, merged.draft.label))
    return ops


def plan_operations(current: PlanDocument, merged: PlanDocument) -> list[Operation]:
    """Every operation that gives the open plan ``current`` the merge's result ``merged``: the draft's
    content, the plan's properties, the revisions and the proposals (a conflict's pending side among them)."""
    ops: list[Operation] = list(operations_between(current.draft.content, merged.draft.content))
    properties = {name: value for name, value in merged.model_dump(mode="json", include=set(PLAN_PROPERTIES)).items()
                  if current.model_dump(mode="json", include={name})[name] != value}
    if properties:
        ops.append(SetPlanProperties(properties))
    ops += revision_operations(current, merged)
    before = {p.id: p.model_dump(mode="json") for p in current.proposals}
    wanted = {p.id: p.model_dump(mode="json") for p in merged.proposals}
    ops += [SetProposal(pid, None) for pid in before if pid not in wanted]
    ops += [SetProposal(pid, data) for pid, data in wanted.items() if before.get(pid) != data]
    return ops


def touched_nodes(content: PlanContent, ops: list[Operation]) -> list[str]:
    """For each operation, the id of the node it changes (inserts, removes, moves, edits); "" for one
    on the plan around the draft. Worked out on a copy, since a removal names its node by place."""
    scratch = Document(content.model_copy(deep=True))
    ids: list[str] = []
    for op in ops:
        if isinstance(op, Remove):
            ids.append(children(scratch.node(op.parent_id))[op.index].id)
        elif isinstance(op, Insert):
            ids.append(str(op.node.get("id", "")) if isinstance(op.node, dict) else "")
        elif isinstance(op, Move | SetField):
            ids.append(op.node_id)
        else:
            ids.append("")
            continue
        scratch.apply(op)
    return ids
