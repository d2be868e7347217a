"""Undo commands for revisions (修正版): create one from the working draft, rename one, delete one.

These change the plan file's list of revisions, not the draft's text, so they are not document
operations; each command keeps what it needs to put the list back. The schema functions of
``schema.revisions`` decide what is allowed (a label is required and unique, a date is ISO);
the commands then change the *same* PlanDocument in place, because the editing session's
Document holds the draft's content object and must keep holding it.

Every change of the list (and of the draft's label), in redo and in undo, goes through
``apply_plan(revisions, draft_label)``: by default the ``apply_plan_change`` of the open
EditSession of that plan, which writes it to the recovery journal first, so a killed editor
gets its revisions back along with the draft's edits. Without a session the list is set directly.

Creating a revision also empties the draft's 修正說明 (they explained the revision just made,
not the next one, see ``schema.revisions.create_revision``). That is a change of the draft's
text, so it goes through ``apply_op`` (the session's ``apply``: journalled, seen by the tree)
as SetField operations, and undo applies their inverses the same way.
"""
from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from editor.ui.i18n import draft_name, fill, translate
from schema.model import PlanDocument, Revision
from schema.operations import Operation, SetField
from schema.revisions import DRAFT_NAMES, create_revision, delete_revision, find_revision, rename_revision
from schema.tree import walk

ApplyOp = Callable[[Operation], Operation]
ApplyPlan = Callable[[Sequence[Revision], str], None]  # (all revisions, the draft's label)


def _set_plan(plan: PlanDocument, apply_plan: ApplyPlan | None, revisions: Sequence[Revision], draft_label: str) -> None:
    """Give the plan these revisions and draft label, journalled when a session edits the plan."""
    if apply_plan is None:
        from editor.ui.session.session import EditSession  # here: the session module is heavier than these commands

        session = EditSession.editing(plan)
        if session is None:
            plan.revisions = list(revisions)
            plan.draft.label = draft_label
            return
        apply_plan = session.apply_plan_change
    apply_plan(list(revisions), draft_label)


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
                 clear_notes: bool = True, apply_op: ApplyOp, on_changed: Callable[[], None],
                 apply_plan: ApplyPlan | None = None):
        label = label.strip()
        super().__init__(fill(translate("revisions", "建立修正版「%1」"), label))
        # The schema function checks the label and date (RevisionError) and makes the snapshot.
        made = create_revision(plan, label, date=date.strip(), author=author.strip(), note=note.strip(), keep_notes=True)
        self._plan = plan
        self._snapshot = made.revisions[-1]
        self._draft_label = plan.draft.label
        self._clear_notes = clear_notes
        self._apply_op = apply_op
        self._apply_plan = apply_plan
        self._on_changed = on_changed
        self._inverses: list[Operation] = []

    @property
    def revision(self) -> Revision:
        return self._snapshot

    def redo(self) -> None:
        plan = self._plan
        # The revision first, then the notes: a kill in between keeps the revision (journal order).
        _set_plan(plan, self._apply_plan, [*plan.revisions, self._snapshot], "")
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
        _set_plan(plan, self._apply_plan, [r for r in plan.revisions if r.id != self._snapshot.id], self._draft_label)
        self._on_changed()


class RenameRevisionCommand(QUndoCommand):
    """Give a revision another label (its content and id stay)."""

    def __init__(self, plan: PlanDocument, label: str, new_label: str, *, on_changed: Callable[[], None],
                 apply_plan: ApplyPlan | None = None):
        new_label = new_label.strip()
        super().__init__(fill(translate("revisions", "將修正版「%1」改名為「%2」"), label, new_label))
        rename_revision(plan, label, new_label)  # raises RevisionError (unknown, empty, taken)
        self._plan = plan
        target = find_revision(plan, label)  # "draft" names a draft without a label of its own
        self._revision_id = target.id
        self._old, self._new = target.label, new_label
        self.setText(fill(translate("revisions", "將「%1」改名為「%2」"), target.label or draft_name(), new_label))
        self._apply_plan = apply_plan
        self._on_changed = on_changed

    def _set(self, label: str) -> None:
        plan = self._plan
        if plan.draft.id == self._revision_id:
            _set_plan(plan, self._apply_plan, plan.revisions, label)
        else:
            # A relabelled copy, not a change in place: the journal gets the new list before it is set.
            revisions = [r.model_copy(update={"label": label}) if r.id == self._revision_id else r for r in plan.revisions]
            _set_plan(plan, self._apply_plan, revisions, plan.draft.label)
        self._on_changed()

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class DeleteRevisionCommand(QUndoCommand):
    """Drop a past revision; undo puts it back at its place in the list."""

    def __init__(self, plan: PlanDocument, label: str, *, on_changed: Callable[[], None],
                 apply_plan: ApplyPlan | None = None):
        super().__init__(fill(translate("revisions", "刪除修正版「%1」"), label))
        delete_revision(plan, label)  # raises RevisionError for the draft or an unknown label
        self._plan = plan
        self._revision = find_revision(plan, label)
        self._index = plan.revisions.index(self._revision)
        self._apply_plan = apply_plan
        self._on_changed = on_changed

    def redo(self) -> None:
        plan = self._plan
        _set_plan(plan, self._apply_plan, [r for r in plan.revisions if r.id != self._revision.id], plan.draft.label)
        self._on_changed()

    def undo(self) -> None:
        plan = self._plan
        revisions = list(plan.revisions)
        revisions.insert(self._index, self._revision)
        _set_plan(plan, self._apply_plan, revisions, plan.draft.label)
        self._on_changed()
