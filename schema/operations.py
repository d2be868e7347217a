"""Document operations: the only way a plan changes.

Each operation is a small frozen value that can be written to JSON (the editor's recovery
journal stores them) and applied to a :class:`schema.document.Document`, which returns the
inverse operation. Undo in the editor is "apply the inverse"; nothing else edits a plan.

Most operations change the working draft's content (Insert, Remove, Move, SetField). The
revisions (修正版) around it change through three more: InsertRevision, RemoveRevision and
SetRevisionLabel (the draft's label too, named by the draft's id). See docs/architecture.md,
"the one edit path".
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from schema.coded_error import CodedError


class OperationError(CodedError, ValueError):
    """An operation that would break the plan (wrong hierarchy, unknown node, bad value).

    Its sentence is the command line's; ``code`` and ``params`` (``schema.coded_error``) are what the
    window says in the interface's language (editor/ui/session/operation_errors.py, which has a
    phrase for every code raised here, a test checks)."""


@dataclass(frozen=True)
class Insert:
    """Insert a subtree (given as plain data, ids included) as child ``index`` of ``parent_id``."""

    parent_id: str
    index: int
    node: dict[str, Any]


@dataclass(frozen=True)
class Remove:
    """Remove the child ``index`` of ``parent_id`` (and everything below it)."""

    parent_id: str
    index: int


@dataclass(frozen=True)
class Move:
    """Move a node to be child ``index`` of ``parent_id``; ``index`` counts after the node left its place."""

    node_id: str
    parent_id: str
    index: int


@dataclass(frozen=True)
class SetField:
    """Set one field of one node to a JSON value (a text, a list of agencies, the KPI table …)."""

    node_id: str
    field: str
    value: Any


@dataclass(frozen=True)
class InsertRevision:
    """Put a revision (修正版, as plain data: label, date, author, note, content) at ``index`` of the plan's revisions."""

    index: int
    revision: dict[str, Any]


@dataclass(frozen=True)
class RemoveRevision:
    """Drop the revision with that id from the plan's revisions (the working draft cannot be removed)."""

    revision_id: str


@dataclass(frozen=True)
class SetRevisionLabel:
    """Give the revision with that id (or the working draft, by its id) another label."""

    revision_id: str
    label: str


@dataclass(frozen=True)
class SetProposal:
    """Put a proposal (修正建議, as plain data) in the plan's list under ``proposal_id``; None removes it.

    ``index`` places a new proposal (None: at the end); a replaced one keeps its place. Deciding,
    replying to and adding proposals are this operation (``schema.review``).
    """

    proposal_id: str
    data: dict[str, Any] | None
    index: int | None = None


@dataclass(frozen=True)
class SetPlanProperties:
    """Set some of the plan's own properties (計畫屬性) — title, organisation, period, numbering_style — as JSON.

    Only the keys given change; the inverse carries the old values of the same keys
    (``schema.plan_properties`` checks the values and says what a new period would drop).
    """

    properties: dict[str, Any]


ContentOperation = Insert | Remove | Move | SetField
RevisionOperation = InsertRevision | RemoveRevision | SetRevisionLabel
Operation = ContentOperation | RevisionOperation | SetProposal | SetPlanProperties
_BY_NAME: dict[str, type[Operation]] = {
    cls.__name__: cls
    for cls in (Insert, Remove, Move, SetField, InsertRevision, RemoveRevision, SetRevisionLabel, SetProposal,
                SetPlanProperties)
}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {cls: tuple(f.name for f in fields(cls)) for cls in _BY_NAME.values()}


def to_json(op: Operation) -> dict[str, Any]:
    """The operation as JSON data. Its values are the operation's own (shared, not copied): they are
    plain JSON data that nobody changes, and every edit and undo is journalled through this, so a deep
    copy of an inserted subtree (dataclasses.asdict) would be paid on each."""
    return {"op": type(op).__name__, **{name: getattr(op, name) for name in _FIELD_NAMES[type(op)]}}


def from_json(data: dict[str, Any]) -> Operation:
    data = dict(data)
    cls = _BY_NAME.get(data.pop("op", None))
    if cls is None:
        raise OperationError(f"unknown operation {data!r}", "unreadable_operation")
    return cls(**data)
