"""Undo commands: each is a list of document operations plus their inverses (docs/architecture.md).

Every change of the plan — the draft's text and the revisions (修正版) alike — goes through
:func:`execute` (or :func:`execute_field`): the operations
are applied through ``session.apply`` (which journals them before applying), and only when all of
them succeeded is a command pushed on the session's QUndoStack; its first ``redo`` is then a no-op.
Undo applies the inverses through ``session.apply`` too, so the journal always replays to the
current state. A refused operation changes nothing and comes back as one sentence.

Typing in a field pushes one :class:`FieldCommand` per keystroke; consecutive ones for the same
node and field merge (``mergeWith``) until the user pauses for :data:`TYPING_PAUSE` seconds.
"""
from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from editor.ui.i18n import field_name, fill, translate
from editor.ui.session.attribution import Attribution
from editor.ui.session.operation_errors import operation_error_text
from schema.operations import Move, Operation, OperationError, SetField

if TYPE_CHECKING:
    from editor.ui.session.session import EditSession

TYPING_PAUSE = 1.5  # seconds without typing that start a new undo step
_MERGE_ID = 0x504C  # QUndoCommand.id() of mergeable field edits; never an attribute named `id`


class OperationsCommand(QUndoCommand):
    """Operations already applied once; redo re-applies them, undo applies their inverses."""

    def __init__(self, session: EditSession, ops: Sequence[Operation], inverses: Sequence[Operation], text: str,
                 focus_id: str | None = None, authors: Sequence[str] | None = None, *,
                 undo_focus_id: str | None = None, attribution: tuple[Attribution, Attribution] | None = None):
        """``attribution``: the authors (修改者) of the nodes the edit touched, before and after it
        (``session.last_attribution`` right after applying it): undo puts back the first, redo the second."""
        super().__init__(text)
        self._session = session
        self._ops = list(ops)
        self._authors = list(authors) if authors is not None else None  # who made them, again on redo
        self._inverses = list(inverses)  # in the order that undoes
        before, after = attribution if attribution is not None else session.last_attribution
        self.authors_before, self.authors_after = dict(before), dict(after)
        self._first_redo = True
        self.focus_id = focus_id  # the node to select after redo
        # The node to select after undo: what a delete restored, the item a new one was added after.
        self.undo_focus_id = undo_focus_id if undo_focus_id is not None else focus_id
        self.replayed = False  # undone or redone since the push (a push's own first redo does nothing)
        self.moves = any(isinstance(op, Move) for op in self._ops)  # may take its node out of sight

    def redo(self) -> None:
        if self._first_redo:  # already applied by execute()
            self._first_redo = False
            return
        self.replayed = True
        self._session.focus_hint = self.focus_id
        try:
            self._inverses = _apply_all(self._session, self._ops, self._authors, self.authors_after)
        finally:
            self._session.focus_hint = None

    def undo(self) -> None:
        self.replayed = True
        self._session.focus_hint = self.undo_focus_id
        try:
            _apply_all(self._session, self._inverses, attribution=self.authors_before)
        finally:
            self._session.focus_hint = None


class FieldCommand(OperationsCommand):
    """One field of one node set to a new value; typing bursts merge into one step."""

    def __init__(self, session: EditSession, op: SetField, inverse: SetField, text: str, *, typing: bool):
        super().__init__(session, [op], [inverse], text, focus_id=op.node_id)
        self.key = (op.node_id, op.field)
        self.typing = typing
        self.last_time = time.monotonic()

    def id(self) -> int:  # noqa: A003 - Qt's merge id
        return _MERGE_ID if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt name
        if not isinstance(other, FieldCommand) or not other.typing or other.key != self.key:
            return False
        if other.last_time - self.last_time > TYPING_PAUSE:
            return False
        self._ops = other._ops
        self.last_time = other.last_time
        for node_id, author in other.authors_before.items():
            self.authors_before.setdefault(node_id, author)
        self.authors_after = {**self.authors_after, **other.authors_after}
        original, typed = self._inverses[0], self._ops[0]
        if isinstance(original, SetField) and isinstance(typed, SetField) and original.value == typed.value:
            # typed and deleted back to the start: nothing to undo, and nobody changed the item. The
            # authors it had come back through a journalled no-op edit, so that recovery agrees.
            self.setObsolete(True)
            self._session.apply_group([typed], attribution=self.authors_before)
        return True


def _apply_all(session: EditSession, ops: Sequence[Operation], authors: Sequence[str] | None = None,
               attribution: Attribution | None = None) -> list[Operation]:
    """Apply operations as one compound edit (journalled as one line: recovery gets all or none);
    on a refusal none stays applied and the refusal is re-raised. ``attribution``: the authors the
    touched nodes have afterwards (an undo's or redo's), whoever applies them."""
    return session.apply_group(ops, authors=authors, attribution=attribution)


def execute(session: EditSession, ops: Sequence[Operation], text: str, *, focus_id: str | None = None,
            author: str | None = None, authors: Sequence[str] | None = None,
            undo_focus_id: str | None = None) -> str | None:
    """Apply ``ops`` as one undo step named ``text``; return why they were refused, or None.

    The window selects ``focus_id`` after the step is done or redone, ``undo_focus_id`` (by default
    ``focus_id``) after it is undone.

    Who made them (修改者): the session's author, unless ``author`` names someone else for all of
    them (an accepted proposal is its proposer's) or ``authors`` one for each (a merge)."""
    if author is not None:
        authors = [author] * len(ops)
    try:
        inverses = _apply_all(session, ops, authors)
    except OperationError as exc:
        return operation_error_text(exc)
    session.undo_stack.push(OperationsCommand(session, ops, inverses, text, focus_id, authors, undo_focus_id=undo_focus_id))
    return None


def push_recovered(session: EditSession, applied) -> None:
    """Put the edits a recovery replayed (``journal.replay``'s ``applied``: operations, inverses, authors, the authors found and left)
    on the undo stack as they were applied, so that Ctrl+Z undoes the last of them first. They are
    already applied: pushing does not apply them again (OperationsCommand's first redo)."""
    for ops, inverses, authors, attribution in applied:
        session.undo_stack.push(OperationsCommand(session, ops, inverses, recovered_text(len(ops)), _focus_of(ops[0]),
                                                  list(authors) if any(authors) else None, attribution=attribution))


def _focus_of(op: Operation) -> str | None:
    """The node an operation is about, to show it after its undo: the one inserted, else the one named."""
    node = getattr(op, "node", None)
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        return node["id"]
    for name in ("node_id", "parent_id"):
        value = getattr(op, name, None)
        if isinstance(value, str):
            return value
    return None


def execute_field(session: EditSession, node_id: str, field: str, value: Any, text: str, *, typing: bool = False) -> str | None:
    """Set one field as one undo step (merged with the previous one when ``typing``)."""
    op = SetField(node_id, field, value)
    try:
        inverse = session.apply(op)
    except OperationError as exc:
        return operation_error_text(exc)
    assert isinstance(inverse, SetField)  # a field set's inverse sets it back
    session.undo_stack.push(FieldCommand(session, op, inverse, text, typing=typing))
    return None


# --- readable names (shown in the Edit menu and the undo history) ---------------------------
# Each a whole phrase with placeholders, so that English can order the words its own way; a count of
# one has its own phrase (English says "1 item", not "1 items").

def recovered_text(count: int) -> str:
    """The name of an edit brought back by crash recovery (its kind is not recorded in the journal)."""
    if count == 1:
        return translate("commands", "還原的編輯")
    return fill(translate("commands", "還原的編輯（%1 項）"), count)


def rename_text(kind_label: str) -> str:
    return fill(translate("commands", "重新命名%1"), kind_label)


def field_text(kind_label: str, field: str) -> str:
    """「修改推動策略的主辦機關」; a title or text is a rename."""
    if field in ("title", "text"):
        return rename_text(kind_label)
    return fill(translate("commands", "修改%1的%2"), kind_label, field_name(field))


def add_text(kind_label: str) -> str:
    return fill(translate("commands", "新增%1"), kind_label)


def delete_text(kind_label: str) -> str:
    return fill(translate("commands", "刪除%1"), kind_label)


def delete_many_text(count: int) -> str:
    if count == 1:
        return translate("commands", "刪除 1 個項目")
    return fill(translate("commands", "刪除 %1 個項目"), count)


def move_up_text(kind_label: str) -> str:
    return fill(translate("commands", "上移%1"), kind_label)


def move_down_text(kind_label: str) -> str:
    return fill(translate("commands", "下移%1"), kind_label)


def indent_text(kind_label: str) -> str:
    return fill(translate("commands", "降階%1"), kind_label)


def outdent_text(kind_label: str) -> str:
    return fill(translate("commands", "升階%1"), kind_label)


def drag_text(count: int) -> str:
    if count == 1:
        return translate("commands", "拖放移動 1 個項目")
    return fill(translate("commands", "拖放移動 %1 個項目"), count)


def paste_text(count: int) -> str:
    if count == 1:
        return translate("commands", "貼上 1 個項目")
    return fill(translate("commands", "貼上 %1 個項目"), count)


def cut_text(count: int) -> str:
    if count == 1:
        return translate("commands", "剪下 1 個項目")
    return fill(translate("commands", "剪下 %1 個項目"), count)
