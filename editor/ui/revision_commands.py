"""Undo commands for revisions (修正版): create one from the working draft, rename one, delete one.

These change the plan file's list of revisions, not the draft's text, so they are not document
operations; each command keeps what it needs to put the list back. The schema functions of
``schema.revisions`` decide what is allowed (a label is required and unique, a date is ISO);
the commands then change the *same* PlanDocument in place, because the editing session's
Document holds the draft's content object and must keep holding it.

Creating a revision also empties the draft's 修正說明 (they explained the revision just made,
not the next one, see ``schema.revisions.create_revision``). That is a change of the draft's
text, so it goes through ``apply_op`` (the session's ``apply``: journalled, seen by the tree)
as SetField operations, and undo applies their inverses the same way.

Nothing here is written to the recovery journal except those note operations: after a crash,
a recovered session has the draft's edits but not the revision operations since the last save.
"""
from __future__ import annotations

import datetime
from typing import Callable

from PySide6.QtGui import QUndoCommand

from editor.ui.i18n import draft_name, fill, translate
from schema.model import PlanDocument, Revision
from schema.operations import Operation, SetField
from schema.revisions import DRAFT_NAMES, create_revision, delete_revision, find_revision, rename_revision
from schema.tree import walk

ApplyOp = Callable[[Operation], Operation]


def label_problem(plan: PlanDocument, label: str, current: str | None = None) -> str | None:
    """Why ``label`` cannot name a revision (one sentence), or None; ``current`` is the label being renamed."""
    label = (label or "").strip()
    if not label:
        return translate("revisions", "請輸入版本名稱，例如「109年修正版」。")
    if label.lower() in DRAFT_NAMES:
        return fill(translate("revisions", "「%1」是工作草稿的名稱，不能作為修正版的名稱。"), label)
    if label != current and any(r.label == label for r in plan.revisions):
        return fill(translate("revisions", "已有名為「%1」的版本，請換一個名稱。"), label)
    return None


def date_problem(date: str) -> str | None:
    """Why ``date`` is not an ISO date (YYYY-MM-DD), or None; an empty date is allowed."""
    date = (date or "").strip()
    if not date:
        return None
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        return fill(translate("revisions", "日期「%1」請寫成 YYYY-MM-DD，例如 2020-06-30。"), date)
    return None


def item_count(revision: Revision) -> int:
    """How many items (paragraphs, goals, focus areas, strategies, actions) a version holds; the four sections are not counted."""
    return sum(1 for _node, parent in walk(revision.content) if parent is not None)


class CreateRevisionCommand(QUndoCommand):
    """Freeze the working draft as the newest revision; the draft goes on with the same ids."""

    def __init__(self, plan: PlanDocument, label: str, *, date: str = "", author: str = "", note: str = "",
                 clear_notes: bool = True, apply_op: ApplyOp, on_changed: Callable[[], None]):
        label = label.strip()
        super().__init__(fill(translate("revisions", "建立修正版「%1」"), label))
        # The schema function checks the label and date (RevisionError) and makes the snapshot.
        made = create_revision(plan, label, date=date.strip(), author=author.strip(), note=note.strip(), keep_notes=True)
        self._plan = plan
        self._snapshot = made.revisions[-1]
        self._draft_label = plan.draft.label
        self._clear_notes = clear_notes
        self._apply_op = apply_op
        self._on_changed = on_changed
        self._inverses: list[Operation] = []

    @property
    def revision(self) -> Revision:
        return self._snapshot

    def redo(self) -> None:
        plan = self._plan
        plan.revisions = [*plan.revisions, self._snapshot]
        plan.draft.label = ""
        self._inverses = []
        if self._clear_notes:
            ops = [SetField(node.id, "note", "") for node, _parent in walk(plan.draft.content) if node.note]
            self._inverses = [self._apply_op(op) for op in ops]
        self._on_changed()

    def undo(self) -> None:
        for inverse in reversed(self._inverses):
            self._apply_op(inverse)
        self._inverses = []
        plan = self._plan
        plan.revisions = [r for r in plan.revisions if r.id != self._snapshot.id]
        plan.draft.label = self._draft_label
        self._on_changed()


class RenameRevisionCommand(QUndoCommand):
    """Give a revision another label (its content and id stay)."""

    def __init__(self, plan: PlanDocument, label: str, new_label: str, *, on_changed: Callable[[], None]):
        new_label = new_label.strip()
        super().__init__(fill(translate("revisions", "將修正版「%1」改名為「%2」"), label, new_label))
        rename_revision(plan, label, new_label)  # raises RevisionError (unknown, empty, taken)
        self._plan = plan
        target = find_revision(plan, label)  # "draft" names a draft without a label of its own
        self._revision_id = target.id
        self._old, self._new = target.label, new_label
        self.setText(fill(translate("revisions", "將「%1」改名為「%2」"), target.label or draft_name(), new_label))
        self._on_changed = on_changed

    def _set(self, label: str) -> None:
        plan = self._plan
        target = plan.draft if plan.draft.id == self._revision_id else next(r for r in plan.revisions if r.id == self._revision_id)
        target.label = label
        self._on_changed()

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class DeleteRevisionCommand(QUndoCommand):
    """Drop a past revision; undo puts it back at its place in the list."""

    def __init__(self, plan: PlanDocument, label: str, *, on_changed: Callable[[], None]):
        super().__init__(fill(translate("revisions", "刪除修正版「%1」"), label))
        delete_revision(plan, label)  # raises RevisionError for the draft or an unknown label
        self._plan = plan
        self._revision = find_revision(plan, label)
        self._index = plan.revisions.index(self._revision)
        self._on_changed = on_changed

    def redo(self) -> None:
        plan = self._plan
        plan.revisions = [r for r in plan.revisions if r.id != self._revision.id]
        self._on_changed()

    def undo(self) -> None:
        plan = self._plan
        revisions = list(plan.revisions)
        revisions.insert(self._index, self._revision)
        plan.revisions = revisions
        self._on_changed()
