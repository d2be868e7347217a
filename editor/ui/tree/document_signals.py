"""The structural half of the tree model: the document's inserts, removes and moves → its items.

Each change is made to the items after the document made it, so that whatever Qt's signals wake (the
view's current row, the detail pane) reads a document in the same state as the rows. The numbers of
the rows that follow a change are rewritten (``setText``, one ``dataChanged`` each), as a plain
QStandardItemModel of the same rows would do.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem

from schema.document_listeners import DocumentListener
from schema.model import AnyNode, NumberingStyle
from schema.numbering import all_numbers, number_at
from schema.tree import children, subtree

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from editor.ui.session.session import EditSession
    from schema.document import Document


class DocumentSignals(DocumentListener):
    """The document's changes → item changes; mixed into PlanTreeModel, whose items it keeps (``_items``)."""

    _removing: AnyNode | None = None

    if TYPE_CHECKING:  # what PlanTreeModel provides
        _doc: Document
        _session: EditSession
        _items: dict[str, QStandardItem]
        _by_id: Mapping[str, AnyNode]
        row_moving: SignalInstance
        row_moved: SignalInstance

        def _item(self, node: AnyNode, numbers: dict[str, str]) -> QStandardItem: ...
        @staticmethod
        def _label(node: AnyNode, number: str) -> str: ...

    def plan_changed(self) -> None:
        """The plan's properties changed, perhaps its numbering style (編號格式): every row's number is
        shown anew, in place (no reset: the open rows, the selection and an open editor stay)."""
        numbers = all_numbers(self._doc.content, self._session.plan.numbering_style)
        for node_id, item in self._items.items():
            node = self._by_id.get(node_id)
            if node is not None:
                text = self._label(node, numbers.get(node_id, ""))
                if item.text() != text:
                    item.setText(text)

    def _parent_item(self, parent: AnyNode) -> QStandardItem:
        return self._items[parent.id]

    def after_insert(self, parent: AnyNode, index: int) -> None:
        node = children(parent)[index]
        numbers = all_numbers_of(node, number_at(node.kind, index, parent.kind, self._session.plan.numbering_style),
                                 self._session.plan.numbering_style)
        self._parent_item(parent).insertRow(index, self._item(node, numbers))
        self._renumber(parent, index + 1)

    def before_remove(self, parent: AnyNode, index: int) -> None:
        self._removing = children(parent)[index]

    def after_remove(self, parent: AnyNode, index: int) -> None:
        removed, self._removing = self._removing, None
        self._parent_item(parent).removeRow(index)
        if removed is not None:
            for node in subtree(removed):
                self._items.pop(node.id, None)
        self._renumber(parent, index)

    def after_move(self, node: AnyNode, old_parent: AnyNode, old_index: int, new_parent: AnyNode, new_index: int) -> None:
        self.row_moving.emit(node.id)
        row = self._parent_item(old_parent).takeRow(old_index)
        self._parent_item(new_parent).insertRow(new_index, row)
        if new_parent is old_parent:  # only the rows between the two places change their numbers
            self._renumber(old_parent, min(old_index, new_index), max(old_index, new_index) + 1)
        else:
            self._renumber(old_parent, old_index)
            self._renumber(new_parent, new_index)
        self.row_moved.emit(node.id)

    def _renumber(self, parent: AnyNode, start: int, end: int | None = None) -> None:
        """Rewrite the numbers of the children from ``start`` to ``end`` (only the texts that change)."""
        style = self._session.plan.numbering_style
        items = self._items
        for row, kid in enumerate(children(parent)[start:end], start):
            item = items[kid.id]
            text = self._label(kid, number_at(kid.kind, row, parent.kind, style))
            if item.text() != text:
                item.setText(text)


def all_numbers_of(node: AnyNode, number: str, style: NumberingStyle) -> dict[str, str]:
    """Node id → number for ``node`` (whose own number is given) and its subtree."""
    numbers = {node.id: number}
    for current in subtree(node):
        for row, kid in enumerate(children(current)):
            numbers[kid.id] = number_at(kid.kind, row, current.kind, style)
    return numbers
