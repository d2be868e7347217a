"""Revisions (修正版) of a plan file: snapshots of the working draft, as pure functions.

Every function takes a :class:`PlanDocument` and returns a new one; the argument is never
changed, so the editor can keep the old value for undo. A revision is a deep copy of the draft
with the *same* node ids, which is what lets :func:`schema.compare.compare` match an item across
revisions by id.

The working draft can be named by its own label or by ``draft`` / ``working draft`` (or 工作草稿),
which are therefore not allowed as revision labels.
"""
from __future__ import annotations

import datetime

from schema.model import PlanContent, PlanDocument, Revision, new_id
from schema.tree import walk

DRAFT_NAMES = ("draft", "working draft", "工作草稿")


class RevisionError(ValueError):
    """A revision that cannot be made, found, renamed or deleted; ``str()`` is one sentence."""


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


def create_revision(
    plan: PlanDocument, label: str, *, date: str = "", author: str = "", note: str = "", keep_notes: bool = False
) -> PlanDocument:
    """Freeze the working draft as a new revision (the newest) and go on with a fresh draft.

    The new draft has the same content and ids, no label, and, unless ``keep_notes``, every
    修正說明 emptied: those notes explained the revision just made, not the next one.
    """
    label = _check_label(plan, label, allow=plan.draft.label or None)  # the draft may keep its own label
    _check_date(date)
    snapshot = Revision(
        id=new_id(), label=label, date=date, author=author, note=note,
        content=plan.draft.content.model_copy(deep=True),
    )
    content = plan.draft.content.model_copy(deep=True)
    if not keep_notes:
        _clear_notes(content)
    draft = Revision(id=plan.draft.id, label="", author=plan.draft.author, content=content)
    result = plan.model_copy(deep=True)
    result.revisions = [*result.revisions, snapshot]
    result.draft = draft
    return result


def rename_revision(plan: PlanDocument, label: str, new_label: str) -> PlanDocument:
    """Give a revision (or the draft) another label."""
    target = find_revision(plan, label)
    result = plan.model_copy(deep=True)
    if target is plan.draft:
        result.draft.label = _check_label(plan, new_label, allow=plan.draft.label)
        return result
    new_label = _check_label(plan, new_label, allow=target.label)
    result.revisions = [
        r.model_copy(update={"label": new_label}) if r.id == target.id else r for r in result.revisions
    ]
    return result


def delete_revision(plan: PlanDocument, label: str) -> PlanDocument:
    """Drop a past revision; the working draft cannot be deleted."""
    target = find_revision(plan, label)
    if target is plan.draft:
        raise RevisionError("the working draft cannot be deleted, only revisions can")
    result = plan.model_copy(deep=True)
    result.revisions = [r for r in result.revisions if r.id != target.id]
    return result


def _check_label(plan: PlanDocument, label: str, allow: str | None = None) -> str:
    label = (label or "").strip()
    if not label:
        raise RevisionError("a revision needs a label, such as 109年修正版")
    if label.lower() in DRAFT_NAMES:
        raise RevisionError(f"{label!r} names the working draft and cannot label a revision")
    taken = [r.label for r in plan.revisions if r.label != allow]
    if plan.draft.label and plan.draft.label != allow:
        taken.append(plan.draft.label)
    if label in taken:
        raise RevisionError(f"a revision labelled {label!r} already exists; choose another label")
    return label


def _check_date(date: str) -> None:
    if not date:
        return
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise RevisionError(f"the date {date!r} is not a date written as YYYY-MM-DD (e.g. 2020-06-30)") from None


def _clear_notes(content: PlanContent) -> None:
    for node, _parent in walk(content):
        if node.note:
            node.note = ""
