"""Document operations: the only way a plan's content changes.

Each operation is a small frozen value that can be written to JSON (the editor's recovery
journal stores them) and applied to a :class:`schema.document.Document`, which returns the
inverse operation. Undo in the editor is "apply the inverse"; nothing else edits a plan.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


class OperationError(ValueError):
    """An operation that would break the plan (wrong hierarchy, unknown node, bad value)."""


@dataclass(frozen=True)
class Insert:
    """Insert a subtree (given as plain data, ids included) as child ``index`` of ``parent_id``."""

    parent_id: str
    index: int
    node: dict


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


Operation = Insert | Remove | Move | SetField
_BY_NAME = {cls.__name__: cls for cls in (Insert, Remove, Move, SetField)}


def to_json(op: Operation) -> dict:
    return {"op": type(op).__name__, **asdict(op)}


def from_json(data: dict) -> Operation:
    data = dict(data)
    cls = _BY_NAME.get(data.pop("op", None))
    if cls is None:
        raise OperationError(f"unknown operation {data!r}")
    return cls(**data)
