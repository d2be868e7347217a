"""Drag and drop in the plan tree (docs/architecture.md, "Recipes and traps"): the payload is the dragged ids as JSON, and a
drop becomes move commands inside one undo macro, refused where it would break the hierarchy.

A mixin of :class:`editor.ui.tree.model.PlanTreeModel`, which provides ``node()``, ``_doc``,
``_session`` and ``status_message``; ``dropMimeData`` returns False so the view removes nothing.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QStandardItemModel

from editor.ui.i18n import translate
from editor.ui.session import undo_commands
from editor.ui.session.operation_errors import operation_error_text
from schema.operations import Move
from schema.tree import SECTION_KINDS, action_depth, children

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from editor.ui.session.session import EditSession
    from editor.ui.widgets import ModelIndex
    from schema.document import Document
    from schema.model import AnyNode

MIME_TYPE = "application/x-plan-editor-node-ids"


class TreeDragAndDrop(QStandardItemModel):
    if TYPE_CHECKING:  # what PlanTreeModel provides
        _doc: Document
        _session: EditSession
        status_message: SignalInstance

        def node(self, index: ModelIndex) -> AnyNode | None: ...

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        nodes = [n for n in (self.node(i) for i in indexes) if n is not None and n.kind not in SECTION_KINDS]
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(json.dumps(self.top_most_ids([n.id for n in nodes])).encode("utf-8")))
        return mime

    def top_most_ids(self, ids: list[str]) -> list[str]:
        """The given nodes without those inside another given node, in document order, once each."""
        wanted = {i for i in ids if i in self._doc}
        result = []
        for node_id in self._document_order(wanted):
            node = self._doc.node(node_id)
            if not any(a.id in wanted for a in self._doc.ancestors(node)):
                result.append(node_id)
        return result

    def _document_order(self, ids: set[str]) -> list[str]:
        def key(node_id: str) -> list[int]:
            node = self._doc.node(node_id)
            path = [self._doc.index_of(node)]
            path += [self._doc.index_of(a) for a in self._doc.ancestors(node)]
            return path[::-1]

        return sorted(ids, key=key)

    def _dragged_ids(self, data: QMimeData) -> list[str] | None:
        if not data.hasFormat(MIME_TYPE):
            return None
        try:
            ids = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(ids, list) or not ids or not all(isinstance(i, str) and i in self._doc for i in ids):
            return None
        return ids

    def drop_refusal(self, data: QMimeData, parent: ModelIndex) -> str | None:
        """Why these nodes cannot be dropped into ``parent``, or None when they can."""
        ids = self._dragged_ids(data)
        if ids is None:
            return translate("tree", "拖放的內容不是這份計畫的項目")
        target = self.node(parent)
        if target is None:
            return translate("tree", "不能放在章節之外")
        for node_id in ids:
            node = self._doc.node(node_id)
            if node.kind in SECTION_KINDS:
                return translate("tree", "固定的章節不能移動")
            if target is node or node in self._doc.ancestors(target):
                return translate("tree", "不能移到自己的下層")
            refusal = self._doc.hold_refusal(target, node.kind, action_depth(node) or 1)
            if refusal is not None:
                return operation_error_text(refusal)
        return None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        return action == Qt.DropAction.MoveAction and self.drop_refusal(data, parent) is None

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        """Move the dragged nodes as one undo step; return False so that the view removes nothing itself."""
        if action != Qt.DropAction.MoveAction:
            return False
        why = self.drop_refusal(data, parent)
        if why:
            self.status_message.emit(why)
            return False
        target = self.node(parent)
        ids = self.top_most_ids(self._dragged_ids(data) or [])
        if target is None:  # drop_refusal refused a drop outside the sections already
            return False
        position = len(children(target)) if row < 0 else row  # counted before any node leaves
        stack = self._session.undo_stack
        in_macro = False
        try:
            for node_id in ids:
                node = self._doc.node(node_id)
                old_parent = self._doc.parent(node)
                old_index = self._doc.index_of(node)
                if old_parent is target and old_index < position:
                    new_index = position - 1  # it leaves a place before the drop point
                else:
                    new_index = position
                    position += 1
                if old_parent is target and old_index == new_index:
                    continue
                if not in_macro:  # no empty step when nothing moves
                    stack.beginMacro(undo_commands.drag_text(len(ids)))
                    in_macro = True
                error = undo_commands.execute(self._session, [Move(node_id, target.id, new_index)], "", focus_id=node_id)
                if error:
                    self.status_message.emit(error)
                    break
        finally:
            if in_macro:
                stack.endMacro()
        return False

