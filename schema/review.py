"""Deciding proposals (修正建議): accepting or rejecting one is ordinary operations with inverses.

Accepting a text proposal is a :class:`~schema.operations.SetField` of the field's new text,
rebased onto the field as it is now when other accepted changes touched it since; accepting a
structural one applies the operation it carries. Either way the proposal's status changes too,
through :class:`~schema.operations.SetProposal`, an operation on the plan around the draft (a
document made with ``Document.of_plan`` applies it). Rejecting, resolving, replying and adding a
staff comment are a ``SetProposal`` alone. The editor applies the whole list as one undo step, journalled
like any edit, so every decision can be taken back; the command line applies it directly.

Source-independent: a reviewer's document, a merge and a staff comment are decided the same way.
Rejecting a change of the working draft against a revision (Review mode, the comparison's change
list) is :func:`restore_operations`: the revision's text, or its item where it stood, put back.
"""
from __future__ import annotations

from collections.abc import Callable

from diff_match_patch import diff_match_patch

from schema.compare import Change
from schema.document import Document
from schema.model import PlanContent, PlanDocument
from schema.operations import Insert, Move, Operation, OperationError, Remove, SetField, SetProposal, from_json
from schema.proposals import Proposal, ProposalStatus, Reply
from schema.sequences import longest_increasing
from schema.tree import KINDS, children, subtree

TEXT_KINDS = ("insert", "delete", "replace")


def find(plan: PlanDocument, proposal_id: str) -> Proposal:
    for proposal in plan.proposals:
        if proposal.id == proposal_id:
            return proposal
    raise OperationError(f"no proposal with id {proposal_id!r}", "no_proposal", id=proposal_id)


def with_status(proposal: Proposal, status: ProposalStatus) -> SetProposal:
    return SetProposal(proposal.id, {**proposal.model_dump(mode="json"), "status": status})


def rebase_text(old: str, new: str, current: str) -> str | None:
    """``new``'s change of ``old`` made to ``current`` instead; None when it no longer fits.

    The common case is ``current == old``. Otherwise another accepted change touched the same
    field: the change is carried over as a patch (its context located in ``current``).
    """
    if current == old:
        return new
    if new == old:
        return current
    dmp = diff_match_patch()
    dmp.Match_Threshold = 0.3
    dmp.Patch_DeleteThreshold = 0.3
    patches = dmp.patch_make(old, new)
    result, applied = dmp.patch_apply(patches, current)
    return result if all(applied) else None


def accept_operations(document: Document, proposal: Proposal) -> list[Operation]:
    """The content operations that accepting ``proposal`` applies to ``document`` (not applied here).

    Raise OperationError (one sentence) when it cannot be taken as the plan is now.
    """
    if proposal.kind == "comment":
        return []
    if proposal.operation is not None:
        op = from_json(proposal.operation)
        if isinstance(op, Insert):  # other decisions may have shortened the list since
            parent = document.get(op.parent_id)
            if parent is None:
                raise OperationError("the item this proposal adds to is no longer in the plan", "proposal_parent_gone")
            op = Insert(op.parent_id, min(op.index, len(children(parent))), op.node)
        elif isinstance(op, Remove) and proposal.node_id:
            node = document.get(proposal.node_id)  # find it where it is now
            if node is None:
                raise OperationError("the item this proposal removes is no longer in the plan", "proposal_item_gone")
            parent = document.parent(node)
            op = Remove(parent.id, document.index_of(node)) if parent is not None else op
        elif isinstance(op, Move):  # other decisions may have shortened the list since
            parent = document.get(op.parent_id)
            node = document.get(op.node_id)
            if parent is None or node is None:
                raise OperationError("the item this proposal moves, or the item it moves it under, is no longer in the plan",
                                     "proposal_move_gone")
            room = len(children(parent)) - (1 if document.parent(node) is parent else 0)
            op = Move(op.node_id, op.parent_id, min(op.index, room))
        return [op]
    if proposal.kind not in TEXT_KINDS or not proposal.node_id or not proposal.field:
        raise OperationError("this proposal could not be placed on an item, so it cannot be accepted", "proposal_unplaced")
    node = document.get(proposal.node_id)
    if node is None:
        raise OperationError("the item this proposal changes is no longer in the plan", "proposal_item_gone")
    current = getattr(node, proposal.field, None)
    if not isinstance(current, str):
        raise OperationError(f"the item has no text field {proposal.field!r}", "proposal_no_field", field=proposal.field)
    value = rebase_text(proposal.old, proposal.new, current)
    if value is None:
        raise OperationError("the text this proposal changes was edited since, so the change no longer fits", "proposal_text_edited")
    return [SetField(proposal.node_id, proposal.field, value)]


def decide(document: Document, proposal: Proposal, status: ProposalStatus) -> list[Operation]:
    """The operations that give ``proposal`` this status: content operations first when accepting.

    A comment has nothing to take or refuse: accepting or rejecting one resolves it (it stays in
    the plan's history, with its thread).
    """
    if proposal.kind == "comment" and status in ("accepted", "rejected"):
        status = "resolved"
    ops: list[Operation] = []
    if status == "accepted":
        ops += accept_operations(document, proposal)
    ops.append(with_status(proposal, status))
    return ops


def add_reply(proposal: Proposal, reply: Reply) -> SetProposal:
    data = proposal.model_dump(mode="json")
    data["replies"] = [*data["replies"], reply.model_dump(mode="json")]
    return SetProposal(proposal.id, data)


def add_proposal(proposal: Proposal) -> SetProposal:
    return SetProposal(proposal.id, proposal.model_dump(mode="json"))


def apply_decisions(document: Document, ops: list[Operation]) -> list[Operation]:
    """Apply to a plan's document (``Document.of_plan``, outside the editor); return the inverses in undo order."""
    return document.apply_all(ops)


def decide_all(plan: PlanDocument, status: ProposalStatus, wanted: Callable[[Proposal], bool] = lambda p: True) -> tuple[int, list[str]]:
    """Give every pending proposal that ``wanted`` picks this status, in order; return (done, refusals)."""
    document = Document.of_plan(plan)
    done, refused = 0, []
    for proposal in [p for p in plan.proposals if p.status == "pending" and wanted(p)]:
        if status == "accepted" and not proposal.node_id:
            continue  # unplaced: nothing to take; it stays pending for a person to read
        try:
            apply_decisions(document, decide(document, find(plan, proposal.id), status))
            done += 1
        except OperationError as exc:
            refused.append(str(exc))
    return done, refused


def restore_operations(document: Document, change: Change | None, base: PlanContent | None) -> list[Operation]:
    """Operations putting ``base``'s version of a changed item back in the draft (rejecting the change).

    An added item is removed; a removed one is inserted again, with its ids, where it stood in
    ``base`` (after the sibling it followed there, when that one is still in the draft; without the
    parts of it the draft moved elsewhere, which their own moves bring back); a moved
    one is moved back the same way; a modified one gets ``base``'s value of each changed field.
    Raise OperationError (one sentence) when the draft no longer has the place it belongs.
    """
    if change is None or base is None:
        return []
    base_doc = Document(base)
    if change.kind == "added":
        node = document.get(change.node_id)
        parent = document.parent(node) if node is not None else None
        if node is None or parent is None:
            raise OperationError("the added item is no longer in the plan", "added_item_gone")
        return [Remove(parent.id, document.index_of(node))]
    if change.kind == "removed":
        old = base_doc.get(change.node_id)
        parent_id = change.old.parent_id if change.old else None
        if old is None or parent_id is None or parent_id not in document:
            raise OperationError("the item it was under is no longer in the plan", "old_parent_gone")
        if old.id in document:
            raise OperationError("the removed item is in the draft again", "removed_item_back")
        # the parts of it that the draft moved elsewhere stay there: rejecting their moves brings them back
        data = _without(old.model_dump(mode="json"), {n.id for n in subtree(old) if n.id in document})
        return [Insert(parent_id, _place_in(document, base_doc, old.id, parent_id), data)]
    ops: list[Operation] = []
    node = document.get(change.node_id)
    old = base_doc.get(change.node_id)
    if node is None or old is None:
        return ops
    if change.kind == "moved" and change.old is not None:
        old_parent = change.old.parent_id
        if old_parent is None or old_parent not in document:
            raise OperationError("the item it was under is not in the draft; reject that item's removal first",
                                 "old_parent_removed")
        ops.append(Move(node.id, old_parent, _place_in(document, base_doc, node.id, old_parent)))
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
    Counted without the node itself (a Move's index counts after the node left its place).

    Only siblings that kept their order count as landmarks (a longest run of them in the revision's
    order, as the comparison finds what moved): a sibling that is itself out of place would put the
    node back beside it, out of place again, and rejecting the move would change nothing."""
    base_parent = base_doc.parent(base_doc.node(node_id))
    siblings = [n.id for n in children(base_parent)] if base_parent is not None else [node_id]
    at = siblings.index(node_id)
    kids = [n.id for n in children(document.node(parent_id)) if n.id != node_id]
    base_place = {sibling: place for place, sibling in enumerate(siblings)}
    in_order = longest_increasing([kid for kid in kids if kid in base_place], key=base_place.__getitem__)
    landmarks = set(in_order)
    for before in reversed(siblings[:at]):
        if before in landmarks:
            return kids.index(before) + 1
    for after in siblings[at + 1:]:
        if after in landmarks:
            return kids.index(after)
    return len(kids)


def _without(data: dict, ids: set[str]) -> dict:
    """A node's data without the descendants whose ids are in ``ids`` (and what they hold)."""
    if not ids:
        return data
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict) and "kind" in value[0]:
            data[key] = [_without(child, ids) for child in value if child.get("id") not in ids]
    return data
