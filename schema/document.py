"""A plan's content with an index of its nodes, edited only through operations.

:class:`Document` keeps an id → node and id → parent index up to date as operations are
applied, checks every operation against the hierarchy of ``schema.tree.KINDS`` before touching
anything, and tells its listeners (``schema.document_listeners``) before and after each change.
The editor's Qt model is such a listener: it turns these calls into begin/end signals and holds
no copy of the plan.

A document made with :meth:`Document.of_plan` also applies the operations on the plan's
revisions (修正版: InsertRevision, RemoveRevision, SetRevisionLabel), so that a revision is made,
renamed and deleted on the same path as an edit of the text (docs/architecture.md).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from pydantic import ValidationError

from schema.document_listeners import DocumentListener
from schema.file_limits import lone_surrogate_place
from schema.model import AnyNode, PlanContent, PlanDocument, Revision, new_id, repeated_label
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
from schema.tree import KINDS, MAX_ACTION_DEPTH, action_depth, children, subtree, walk

_FIXED_FIELDS = {"id", "kind"}


class Document:
    def __init__(self, content: PlanContent, plan: PlanDocument | None = None) -> None:
        if plan is not None and plan.draft.content is not content:
            raise ValueError("a document edits the content of its plan's draft")
        self.content = content
        self.plan = plan  # the plan file around the content, for the revision operations
        self.listeners: list[DocumentListener] = []
        self._nodes: dict[str, AnyNode] = {}
        self._parents: dict[str, AnyNode | None] = {}
        for node, parent in walk(content):
            self._nodes[node.id] = node
            self._parents[node.id] = parent
        # Live read-only views of the index, for callers that look nodes up thousands of times
        # (the Qt model answers a view's every row from them).
        self.nodes_by_id: Mapping[str, AnyNode] = MappingProxyType(self._nodes)
        self.parents_by_id: Mapping[str, AnyNode | None] = MappingProxyType(self._parents)

    @classmethod
    def of_plan(cls, plan: PlanDocument) -> Document:
        """The document of a plan's working draft, which also edits the plan's revisions."""
        return cls(plan.draft.content, plan)

    # --- queries -------------------------------------------------------------------------
    def __contains__(self, node_id: str) -> bool:
        return node_id in self._nodes

    def __len__(self) -> int:
        return len(self._nodes)

    def node(self, node_id: str) -> AnyNode:
        try:
            return self._nodes[node_id]
        except KeyError:
            raise OperationError(f"no item with id {node_id!r} in this plan", "no_item", id=node_id) from None

    def get(self, node_id: str) -> AnyNode | None:
        """The node with that id, or None (no exception: for callers that expect misses)."""
        return self._nodes.get(node_id)

    def parent(self, node: AnyNode) -> AnyNode | None:
        return self._parents[node.id]

    def index_of(self, node: AnyNode) -> int:
        parent = self._parents[node.id]
        if parent is None:
            return [s.id for s in self.sections()].index(node.id)
        for i, sibling in enumerate(children(parent)):
            if sibling is node:
                return i
        raise OperationError(f"item {node.id!r} is not where the index says", "no_item", id=node.id)  # pragma: no cover

    def sections(self) -> list[AnyNode]:
        c = self.content
        return [c.preface, c.goals, c.focus, c.closing]

    def ancestors(self, node: AnyNode) -> list[AnyNode]:
        """Parents from the nearest up to the section."""
        result = []
        parent = self._parents[node.id]
        while parent is not None:
            result.append(parent)
            parent = self._parents[parent.id]
        return result

    def can_hold(self, parent: AnyNode, node_kind: str, depth: int = 1) -> str | None:
        """Why ``parent`` cannot hold a node of that kind (``depth`` levels of actions), or None."""
        refusal = self.hold_refusal(parent, node_kind, depth)
        return None if refusal is None else str(refusal)

    def hold_refusal(self, parent: AnyNode, node_kind: str, depth: int = 1) -> OperationError | None:
        """The refusal (with its code, for the window's phrase) if ``parent`` cannot hold a node of that kind, or None."""
        spec = KINDS[parent.kind]
        if spec.child_kind != node_kind:
            return OperationError(f"{KINDS[parent.kind].label}之下不能放{KINDS[node_kind].label}", "cannot_hold",
                                  parent_kind=parent.kind, kind=node_kind)
        if node_kind == "action":
            level = 1 + sum(1 for a in [parent, *self.ancestors(parent)] if a.kind == "action")
            if level + depth - 1 > MAX_ACTION_DEPTH:
                return OperationError("具體作法最多兩層（1. 與（1））", "action_depth")
        return None

    # --- applying operations ----------------------------------------------------------------
    def apply(self, op: Operation) -> Operation:
        """Apply one operation and return its inverse; raise OperationError and change nothing if it is invalid."""
        _refuse_lone_surrogates(op)
        if isinstance(op, Insert):
            inverse = self._insert(op)
        elif isinstance(op, Remove):
            inverse = self._remove(op)
        elif isinstance(op, Move):
            inverse = self._move(op)
        elif isinstance(op, SetField):
            inverse = self._set(op)
        elif isinstance(op, InsertRevision | RemoveRevision | SetRevisionLabel):
            inverse = self._apply_to_revisions(op)
            for listener in list(self.listeners):
                listener.revisions_changed()
        elif isinstance(op, SetProposal):
            inverse = self._apply_to_proposals(op)
            for listener in list(self.listeners):
                listener.proposals_changed()
        elif isinstance(op, SetPlanProperties):
            inverse = self._set_plan_properties(op)
            for listener in list(self.listeners):
                listener.plan_changed()
        else:
            raise OperationError(f"not an operation: {op!r}", "unreadable_operation")
        for listener in list(self.listeners):
            listener.changed()
        return inverse

    def apply_all(self, ops: Iterable[Operation]) -> list[Operation]:
        """Apply several operations; return their inverses in the order that undoes them."""
        inverses = [self.apply(op) for op in ops]
        inverses.reverse()
        return inverses

    def _container(self, parent_id: str) -> tuple[AnyNode, list]:
        parent = self.node(parent_id)
        spec = KINDS[parent.kind]
        if spec.children is None:
            raise OperationError(f"{spec.label}「{_short(parent)}」不能有下層項目", "no_children", kind=parent.kind, title=_short(parent))
        return parent, getattr(parent, spec.children)

    def _insert(self, op: Insert) -> Operation:
        parent, kids = self._container(op.parent_id)
        kind = op.node.get("kind") if isinstance(op.node, dict) else None
        if kind not in KINDS or kind in ("preface", "goals_section", "focus_section", "closing"):
            raise OperationError(f"cannot insert an item of kind {kind!r}", "bad_kind", kind=kind)
        try:
            node = KINDS[kind].cls.model_validate(op.node)
        except ValidationError as exc:
            raise OperationError(f"invalid {kind}: {exc.errors()[0]['msg']}", "invalid_item", kind=kind) from None
        refusal = self.hold_refusal(parent, kind, action_depth(node) or 1)
        if refusal is not None:
            raise refusal
        if not 0 <= op.index <= len(kids):
            raise OperationError(f"position {op.index} is outside 0…{len(kids)}", "bad_position")
        new_ids = [n.id for n in subtree(node)]
        clash = next((i for i in new_ids if i in self._nodes), None)
        if clash is not None or len(set(new_ids)) != len(new_ids):
            raise OperationError(f"the id {clash!r} is already in this plan", "id_taken", id=clash)
        for listener in self.listeners:
            listener.before_insert(parent, op.index)
        kids.insert(op.index, node)
        self._index_subtree(node, parent)
        for listener in self.listeners:
            listener.after_insert(parent, op.index)
        return Remove(parent.id, op.index)

    def _remove(self, op: Remove) -> Operation:
        parent, kids = self._container(op.parent_id)
        if not 0 <= op.index < len(kids):
            raise OperationError(f"position {op.index} is outside 0…{len(kids) - 1}", "bad_position")
        node = kids[op.index]
        data = node.model_dump(mode="json")
        for listener in self.listeners:
            listener.before_remove(parent, op.index)
        del kids[op.index]
        for n in subtree(node):
            del self._nodes[n.id]
            del self._parents[n.id]
        for listener in self.listeners:
            listener.after_remove(parent, op.index)
        return Insert(parent.id, op.index, data)

    def _move(self, op: Move) -> Operation:
        node = self.node(op.node_id)
        old_parent = self._parents[node.id]
        if old_parent is None:
            raise OperationError(f"「{_short(node)}」是固定的章節，不能移動", "fixed_section", title=_short(node))
        new_parent, new_kids = self._container(op.parent_id)
        if new_parent is node or node in self.ancestors(new_parent):
            raise OperationError(f"「{_short(node)}」不能移到自己的下層", "into_itself", title=_short(node))
        refusal = self.hold_refusal(new_parent, node.kind, action_depth(node) or 1)
        if refusal is not None:
            raise refusal
        old_index = self.index_of(node)
        old_kids = children(old_parent)
        limit = len(new_kids) - (1 if new_parent is old_parent else 0)
        if not 0 <= op.index <= limit:
            raise OperationError(f"position {op.index} is outside 0…{limit}", "bad_position")
        if new_parent is old_parent and op.index == old_index:
            return Move(node.id, old_parent.id, old_index)
        for listener in self.listeners:
            listener.before_move(node, old_parent, old_index, new_parent, op.index)
        del old_kids[old_index]
        new_kids.insert(op.index, node)
        self._parents[node.id] = new_parent
        for listener in self.listeners:
            listener.after_move(node, old_parent, old_index, new_parent, op.index)
        return Move(node.id, old_parent.id, old_index)

    def _set(self, op: SetField) -> Operation:
        node = self.node(op.node_id)
        spec = KINDS[node.kind]
        if op.field in _FIXED_FIELDS or op.field == spec.children or op.field not in type(node).model_fields:
            raise OperationError(f"{spec.label} has no editable field {op.field!r}", "no_field", kind=node.kind, field=op.field)
        old = node.model_dump(mode="json", include={op.field})[op.field]
        try:
            setattr(node, op.field, op.value)
        except ValidationError as exc:
            raise OperationError(f"invalid value for {op.field}: {exc.errors()[0]['msg']}", "invalid_value", kind=node.kind,
                                 field=op.field, problem=exc.errors()[0]["type"]) from None
        for listener in self.listeners:
            listener.field_changed(node, op.field)
        return SetField(node.id, op.field, old)

    # --- the proposals around the draft ----------------------------------------------------
    def _apply_to_proposals(self, op: SetProposal) -> Operation:
        from schema.proposals import Proposal

        plan = self.plan
        if plan is None:
            raise OperationError("this document edits a plan's text without its proposals", "text_only")
        proposals = plan.proposals
        where = next((i for i, p in enumerate(proposals) if p.id == op.proposal_id), None)
        new = None
        if op.data is not None:
            try:
                new = Proposal.model_validate({**op.data, "id": op.proposal_id})
            except ValidationError as exc:
                raise OperationError(f"an invalid proposal: {exc.errors()[0]['msg']}", "invalid_proposal") from None
        if where is None:
            if new is None:
                raise OperationError(f"no proposal with id {op.proposal_id!r}", "no_proposal", id=op.proposal_id)
            index = len(proposals) if op.index is None else max(0, min(op.index, len(proposals)))
            proposals.insert(index, new)
            return SetProposal(op.proposal_id, None)
        old = proposals[where].model_dump(mode="json")
        if new is None:
            del proposals[where]
        else:
            proposals[where] = new
        return SetProposal(op.proposal_id, old, where)

    def _set_plan_properties(self, op: SetPlanProperties) -> Operation:
        from schema.plan_properties import check_properties  # the rules of the plan's own properties

        plan = self.plan
        if plan is None:
            raise OperationError("this document edits a plan's text without its properties", "text_only")
        if not isinstance(op.properties, dict):
            raise OperationError(f"plan properties are a mapping, not {op.properties!r}", "invalid_property", property="")
        values = check_properties(op.properties)  # all checked before anything changes
        old = plan.model_dump(mode="json", include=set(values))
        for name, value in values.items():
            setattr(plan, name, value)
        return SetPlanProperties(old)

    # --- the revisions around the draft ----------------------------------------------------
    def _apply_to_revisions(self, op: InsertRevision | RemoveRevision | SetRevisionLabel) -> Operation:
        plan = self.plan
        if plan is None:
            raise OperationError("this document edits a plan's text without its revisions", "text_only")
        if isinstance(op, InsertRevision):
            return self._insert_revision(plan, op)
        if isinstance(op, RemoveRevision):
            index = self._revision_index(plan, op.revision_id, "removed")
            data = plan.revisions[index].model_dump(mode="json")
            plan.revisions = plan.revisions[:index] + plan.revisions[index + 1:]
            return InsertRevision(index, data)
        if not isinstance(op.label, str):
            raise OperationError(f"a revision label is a text, not {op.label!r}", "invalid_revision")
        if op.revision_id == plan.draft.id:
            old = plan.draft.label
            plan.draft.label = op.label
            return SetRevisionLabel(op.revision_id, old)
        index = self._revision_index(plan, op.revision_id, "renamed")
        others = [r.label for i, r in enumerate(plan.revisions) if i != index]
        _check_labels([*others, op.label])
        target = plan.revisions[index]
        # A relabelled copy, not a change in place: whoever holds the old object (a read-only
        # viewer) sees that it is no longer one of the plan's revisions.
        plan.revisions = [*plan.revisions[:index], target.model_copy(update={"label": op.label}), *plan.revisions[index + 1:]]
        return SetRevisionLabel(op.revision_id, target.label)

    def _insert_revision(self, plan: PlanDocument, op: InsertRevision) -> Operation:
        if not 0 <= op.index <= len(plan.revisions):
            raise OperationError(f"position {op.index} is outside 0…{len(plan.revisions)}", "bad_position")
        try:
            revision = Revision.model_validate(op.revision)
        except ValidationError as exc:
            raise OperationError(f"invalid revision: {exc.errors()[0]['msg']}", "invalid_revision") from None
        if revision.id == plan.draft.id or any(r.id == revision.id for r in plan.revisions):
            raise OperationError(f"the revision id {revision.id!r} is already in this plan", "id_taken", id=revision.id)
        _check_labels([*(r.label for r in plan.revisions), revision.label])
        plan.revisions = [*plan.revisions[:op.index], revision, *plan.revisions[op.index:]]
        return RemoveRevision(revision.id)

    @staticmethod
    def _revision_index(plan: PlanDocument, revision_id: str, what: str) -> int:
        if revision_id == plan.draft.id:
            raise OperationError(f"the working draft cannot be {what} like a revision", "draft_not_revision")
        for index, revision in enumerate(plan.revisions):
            if revision.id == revision_id:
                return index
        raise OperationError(f"no revision with id {revision_id!r} in this plan", "no_revision", id=revision_id)

    def _index_subtree(self, node: AnyNode, parent: AnyNode) -> None:
        self._nodes[node.id] = node
        self._parents[node.id] = parent
        for child in children(node):
            self._index_subtree(child, node)


def _check_labels(labels: list[str]) -> None:
    repeated = repeated_label(labels)
    if repeated is not None:
        raise OperationError(f"the revision label {repeated!r} is used twice", "label_twice", label=repeated)


def _short(node: AnyNode, limit: int = 12) -> str:
    from schema.tree import title_of

    text = title_of(node) or ""
    return text if len(text) <= limit else text[:limit] + "…"


def with_new_ids(data: dict) -> dict:
    """A copy of a node's data with fresh ids throughout (for paste and duplicate)."""
    copy = {k: v for k, v in data.items()}
    copy["id"] = new_id()
    spec = KINDS[copy["kind"]]
    if spec.children and spec.children in copy:
        copy[spec.children] = [with_new_ids(child) for child in copy[spec.children]]
    if "kpis" in copy:
        copy["kpis"] = [{**k, "id": new_id()} for k in copy["kpis"]]
    return copy


def _refuse_lone_surrogates(op: Operation) -> None:
    """A text holding half of a UTF-16 pair (a lone surrogate, e.g. from a broken paste) could be
    shown but never saved as UTF-8: refuse it here, as loading refuses it, so every plan can be saved."""
    if isinstance(op, Insert):
        value: object = op.node
    elif isinstance(op, SetField):
        value = op.value
    elif isinstance(op, InsertRevision):
        value = op.revision
    elif isinstance(op, SetRevisionLabel):
        value = op.label
    else:
        return
    if lone_surrogate_place(value) is not None:
        raise OperationError("the text holds a lone surrogate (\\ud800–\\udfff), half of a character that no file can store",
                             "lone_surrogate")
