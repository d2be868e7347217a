"""Revisions (修正版) of a plan file: the rules for making, renaming and deleting one, as operations.

A revision is a snapshot of the working draft with the *same* node ids, which is what lets
:func:`schema.compare.compare` match an item across revisions by id.

The ``*_operations`` functions check a request against the rules below and answer the document
operations that carry it out (``schema.operations``: InsertRevision, RemoveRevision,
SetRevisionLabel, and SetField for the notes a new revision takes from the draft). The editor
applies them like any edit, through its undo stack and journal; :func:`create_revision`,
:func:`rename_revision` and :func:`delete_revision` apply them to a copy, for scripts and tests.

The rules, in one place (the editor's forms show the same ones in the interface's language):

- a revision's label is required, and unique among the revisions and the draft's own label;
- ``draft`` / ``working draft`` / 工作草稿 name the working draft, so they label no revision;
- a revision's date is empty or an ISO date (YYYY-MM-DD);
- the working draft cannot be deleted.
"""
from __future__ import annotations

import datetime
from typing import Literal

from schema.document import Document
from schema.model import PlanDocument, Revision, new_id
from schema.operations import InsertRevision, Operation, RemoveRevision, SetField, SetRevisionLabel
from schema.roc_dates import revision_time as revision_time  # re-exported: its home was here
from schema.tree import walk

DRAFT_NAMES = ("draft", "working draft", "工作草稿")

LabelProblem = Literal["empty", "draft-name", "taken"]


class RevisionError(ValueError):
    """A revision that cannot be made, found, renamed or deleted; ``str()`` is one sentence."""


# --- the rules ---------------------------------------------------------------------------------
def label_problem(plan: PlanDocument, label: str, *, keeping: str | None = None) -> LabelProblem | None:
    """What is wrong with ``label`` as a revision's label, or None.

    ``keeping`` is a label that may be kept although it is in use: the label of the revision being
    renamed, or the draft's own label when the draft is renamed or frozen into a revision.
    """
    label = (label or "").strip()
    if not label:
        return "empty"
    if label.lower() in DRAFT_NAMES:
        return "draft-name"
    taken = [r.label for r in plan.revisions if r.label != keeping]
    if plan.draft.label and plan.draft.label != keeping:
        taken.append(plan.draft.label)
    return "taken" if label in taken else None


def label_error(problem: LabelProblem, label: str) -> str:
    """The sentence of a label problem (English: the command line and the schema's errors)."""
    label = (label or "").strip()
    if problem == "empty":
        return "a revision needs a label, such as 109年修正版"
    if problem == "draft-name":
        return f"{label!r} names the working draft and cannot label a revision"
    return f"a revision labelled {label!r} already exists; choose another label"


def parse_date(text: str) -> datetime.date | None:
    """A revision's date (YYYY-MM-DD) as a date; None when empty; ValueError when it is not a date."""
    text = (text or "").strip()
    return datetime.date.fromisoformat(text) if text else None


def date_is_valid(text: str) -> bool:
    try:
        parse_date(text)
    except ValueError:
        return False
    return True


def _checked_label(plan: PlanDocument, label: str, keeping: str | None) -> str:
    problem = label_problem(plan, label, keeping=keeping)
    if problem is not None:
        raise RevisionError(label_error(problem, label))
    return label.strip()


# --- finding --------------------------------------------------------------------------------------
def revision_labels(plan: PlanDocument) -> list[str]:
    """The labels of the revisions, oldest first, then the draft's ("draft" when it has none)."""
    return [r.label for r in plan.revisions] + [plan.draft.label or "draft"]


def latest_revision(plan: PlanDocument) -> Revision | None:
    return plan.revisions[-1] if plan.revisions else None


def is_draft_name(plan: PlanDocument, label: str) -> bool:
    return label.strip().lower() in DRAFT_NAMES or (bool(plan.draft.label) and label == plan.draft.label)


def find_revision(plan: PlanDocument, label: str) -> Revision:
    """The revision with that label, or the draft (by its label or by one of DRAFT_NAMES)."""
    for rev in plan.revisions:
        if rev.label == label:
            return rev
    if is_draft_name(plan, label):
        return plan.draft
    known = "、".join(revision_labels(plan))
    raise RevisionError(f"there is no revision labelled {label!r} (known: {known})")


# --- the operations -----------------------------------------------------------------------------
def create_operations(
    plan: PlanDocument, label: str, *, date: str = "", author: str = "", note: str = "", keep_notes: bool = False
) -> list[Operation]:
    """Freeze the working draft as a new revision (the newest); the draft goes on with the same ids.

    The draft loses its label (the revision took it, if it was the draft's), and unless
    ``keep_notes`` its every 修正說明: those notes explained the revision just made, not the
    next one. The revision comes first, so that a kill after it keeps it (journal order).
    """
    label = _checked_label(plan, label, keeping=plan.draft.label or None)  # the draft may give its own label
    if not date_is_valid(date):
        raise RevisionError(f"the date {date!r} is not a date written as YYYY-MM-DD (e.g. 2020-06-30)")
    snapshot = Revision(id=new_id(), label=label, date=date.strip(), author=author.strip(), note=note.strip(),
                        content=plan.draft.content, authors=dict(plan.draft.authors))
    ops: list[Operation] = [InsertRevision(len(plan.revisions), snapshot.model_dump(mode="json"))]
    if plan.draft.label:
        ops.append(SetRevisionLabel(plan.draft.id, ""))
    if not keep_notes:
        ops += [SetField(node.id, "note", "") for node, _parent in walk(plan.draft.content) if node.note]
    return ops


def rename_operations(plan: PlanDocument, label: str, new_label: str) -> list[Operation]:
    """Give a revision (or the draft) another label; none when it keeps its label."""
    target = find_revision(plan, label)
    new_label = _checked_label(plan, new_label, keeping=target.label or None)
    return [] if new_label == target.label else [SetRevisionLabel(target.id, new_label)]


def delete_operations(plan: PlanDocument, label: str) -> list[Operation]:
    """Drop a past revision; the working draft cannot be deleted."""
    target = find_revision(plan, label)
    if target is plan.draft:
        raise RevisionError("the working draft cannot be deleted, only revisions can")
    return [RemoveRevision(target.id)]


# --- the same, on a copy ----------------------------------------------------------------------------
def create_revision(
    plan: PlanDocument, label: str, *, date: str = "", author: str = "", note: str = "", keep_notes: bool = False
) -> PlanDocument:
    """A copy of ``plan`` with the draft frozen as its newest revision (see :func:`create_operations`)."""
    return _applied(plan, create_operations(plan, label, date=date, author=author, note=note, keep_notes=keep_notes))


def rename_revision(plan: PlanDocument, label: str, new_label: str) -> PlanDocument:
    """A copy of ``plan`` with a revision (or the draft) relabelled."""
    return _applied(plan, rename_operations(plan, label, new_label))


def delete_revision(plan: PlanDocument, label: str) -> PlanDocument:
    """A copy of ``plan`` without that revision."""
    return _applied(plan, delete_operations(plan, label))


def _applied(plan: PlanDocument, ops: list[Operation]) -> PlanDocument:
    result = plan.model_copy(deep=True)
    Document.of_plan(result).apply_all(ops)
    return result

