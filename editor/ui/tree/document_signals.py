"""How the plan tree model follows the document: its listener calls as Qt's begin/end signals.

:class:`DocumentSignals` is the half of :class:`editor.ui.tree.model.PlanTreeModel` that the document
(``schema.document``) calls before and after every insert, remove and move, and after a change of
the plan's properties. It emits Qt's begin/end signals around each change and keeps the model's
lookups true meanwhile: the rows of the siblings, the remembered child and parent indexes, and the
numbers shown (forgotten and re-announced in one ``dataChanged`` for the rows that follow, so that a
neighbour's number never changes without a signal that says so). Qt asks parent() and index()
inside the end*() calls, so the lookups are made right first. No model reset in any edit or undo.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from schema.document_listeners import DocumentListener
from schema.model import AnyNode
from schema.tree import children


class DocumentSignals(DocumentListener):
    """The document's changes → Qt signals; mixed into PlanTreeModel, whose lookups it keeps
    (``_rows``, ``_numbers``, ``_painted``, ``_lists``, ``_child_indexes``, ``_parent_indexes``, ``_serials``)."""

    def plan_changed(self) -> None:
        """The plan's properties changed, perhaps its numbering style (編號格式): every row's number is
        shown anew, in place (no reset: the open rows, the selection and an open editor stay)."""
        self._numbers.clear()
        self._painted.clear()
        role = [Qt.ItemDataRole.DisplayRole]
        parents = [QModelIndex()]
        while parents:
            parent = parents.pop()
            rows = self.rowCount(parent)
            if rows:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, 0, parent), role)
                parents.extend(self.index(row, 0, parent) for row in range(rows))

    # Qt asks parent() and index() inside the end*() calls: the row cache is made right first.
    def before_insert(self, parent: AnyNode, index: int) -> None:
        self.beginInsertRows(self.index_of_node(parent), index, index)

    def after_insert(self, parent: AnyNode, index: int) -> None:
        node = children(parent)[index]
        self._forget_subtree(node)  # an undone removal comes back as new objects with the old ids
        self._renumber(parent, index, announce=False)
        self.endInsertRows()
        self._announce(parent, index + 1)

    def before_remove(self, parent: AnyNode, index: int) -> None:
        self.beginRemoveRows(self.index_of_node(parent), index, index)
        self._forget_parents(children(parent)[index])  # its subtree's indexes are stale from now on

    def after_remove(self, parent: AnyNode, index: int) -> None:
        self._renumber(parent, index, announce=False)
        self.endRemoveRows()
        self._announce(parent, index)

    def before_move(self, node, old_parent, old_index, new_parent, new_index) -> None:
        # Qt counts the destination before the row leaves: one more when moving down in one parent.
        destination = new_index + 1 if new_parent is old_parent and new_index > old_index else new_index
        ok = self.beginMoveRows(
            self.index_of_node(old_parent), old_index, old_index, self.index_of_node(new_parent), destination
        )
        self._moving_with_reset = not ok
        self._parent_indexes.pop(self._serial(node), None)  # its parent changes (its children's: see _renumber)
        if not ok:  # never expected (the document refuses no-op and cyclic moves); stay correct anyway
            self.beginResetModel()

    def after_move(self, node, old_parent, old_index, new_parent, new_index) -> None:
        if new_parent is old_parent:
            starts = [(old_parent, min(old_index, new_index))]
        else:
            starts = [(old_parent, old_index), (new_parent, new_index)]
        for parent, start in starts:
            self._renumber(parent, start, announce=False)
        if self._moving_with_reset:
            self._moving_with_reset = False
            self._numbers.clear()
            self._painted.clear()
            self._child_indexes.clear()
            self._parent_indexes.clear()
            self._rows = {section.id: row for row, section in enumerate(self._sections)}
            self.endResetModel()
            return
        self.endMoveRows()
        for parent, start in starts:
            self._announce(parent, start)

    def _forget_parents(self, node: AnyNode) -> None:
        stack = [node]
        while stack:
            current = stack.pop()
            serial = self._serials.get(current.id)
            if serial is not None:
                self._parent_indexes.pop(serial, None)
            self._painted.pop(current.id, None)
            stack.extend(children(current))

    def _forget_subtree(self, node: AnyNode) -> None:
        stack = [node]
        while stack:
            current = stack.pop()
            serial = self._serials.get(current.id)
            if serial is not None:
                self._lists.pop(serial, None)
                self._child_indexes.pop(serial, None)
                self._parent_indexes.pop(serial, None)
            self._numbers.pop(current.id, None)
            self._painted.pop(current.id, None)
            kids = children(current)
            for i, kid in enumerate(kids):
                self._rows[kid.id] = i
            stack.extend(kids)

    def _renumber(self, parent: AnyNode, start: int, *, announce: bool = True) -> None:
        """Set the rows of the children from ``start`` on (their shown numbers stay until announced).

        Their own indexes change, so the remembered parent index of each of their children goes.
        """
        self._child_indexes.pop(self._serial(parent), None)
        kids = children(parent)
        rows, serials, parents = self._rows, self._serials, self._parent_indexes
        for row in range(start, len(kids)):
            kid = kids[row]
            rows[kid.id] = row
            for grandchild in children(kid):
                serial = serials.get(grandchild.id)
                if serial is not None:
                    parents.pop(serial, None)
        if announce:
            self._announce(parent, start)

    def _announce(self, parent: AnyNode, start: int) -> None:
        """Forget the numbers from ``start`` on and say so in one dataChanged (to the last child)."""
        kids = children(parent)
        numbers, painted = self._numbers, self._painted
        for row in range(start, len(kids)):
            numbers.pop(kids[row].id, None)
            painted.pop(kids[row].id, None)
        if start < len(kids):
            first = self.createIndex(start, 0, self._serial(kids[start]))
            last = self.createIndex(len(kids) - 1, 0, self._serial(kids[-1]))
            self.dataChanged.emit(first, last, [Qt.ItemDataRole.DisplayRole])
