"""The plan tree as a Qt item model, without a copy of the plan (DESIGN.md §2, §6).

:class:`PlanTreeModel` is a :class:`schema.document.DocumentListener`: the document tells it
before and after every insert, remove, move and field change, and it translates those calls
into Qt's begin/end signals and ``dataChanged``. Indexes carry a small integer (``internalId``)
that maps to a node id; every question (rows, parent, text) is answered from the schema nodes.
Edits made through the model (rename in place, drag and drop) become undo commands.

Numbers come from position (``schema.numbers``). The model remembers each number it has shown
and, after every insert, remove or move, forgets and re-announces (``dataChanged``) the numbers
of the rows that follow: so a neighbour's text changes only with a signal that says so, as Qt's
model contract (and the model tester) expects, and never silently inside a row change.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from editor.ui import commands
from editor.ui.i18n import node_kind_name, translate
from editor.ui.text import first_line, removed_note, strip_controls
from schema.document import DocumentListener
from schema.model import AnyNode
from schema.numbers import number_of
from schema.operations import Move, OperationError
from schema.tree import KINDS, SECTION_KINDS, action_depth, children, title_of

NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # every text a user may look for (find bar)
MIME_TYPE = "application/x-plan-editor-node-ids"
_SEARCH_FIELDS = ("title", "text", "chart_label", "body", "note")


def _flags_of(kind: str) -> Qt.ItemFlag:
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if kind not in SECTION_KINDS:
        flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
    if KINDS[kind].children:
        flags |= Qt.ItemFlag.ItemIsDropEnabled
    else:
        flags |= Qt.ItemFlag.ItemNeverHasChildren  # the view need not ask paragraphs and goals for children
    return flags


_FLAGS = {kind: _flags_of(kind) for kind in KINDS}


def title_field(node: AnyNode) -> str:
    """The field that names a node in the tree: ``title``, or ``text`` for paragraphs and actions."""
    return "title" if hasattr(node, "title") else "text"


class PlanTreeModel(QAbstractItemModel, DocumentListener):
    status_message = Signal(str)

    def __init__(self, session, parent: QObject | None = None):
        QAbstractItemModel.__init__(self, parent)
        self._session = session
        self._doc = session.document
        self._serials: dict[str, int] = {}
        self._ids: list[str | None] = [None]  # serial → node id; 0 is never used
        self._numbers: dict[str, str] = {}  # node id → number last shown (see the module docstring)
        self._moving_with_reset = False
        self._sections = self._doc.sections()  # the four fixed section objects never change
        # Views ask index() for row after row of one parent: remember that parent's children list
        # (the live list of the schema node, mutated in place; forgotten on every removal).
        self._kids_key: int | None = None
        self._kids_list: list = []
        self._doc.listeners.append(self)

    def detach(self) -> None:
        """Stop listening (the window is switching to another plan)."""
        if self in self._doc.listeners:
            self._doc.listeners.remove(self)

    # --- ids ↔ indexes ---------------------------------------------------------------------
    def _serial(self, node_id: str) -> int:
        serial = self._serials.get(node_id)
        if serial is None:
            serial = len(self._ids)
            self._serials[node_id] = serial
            self._ids.append(node_id)
        return serial

    def node(self, index: QModelIndex) -> AnyNode | None:
        if not index.isValid():
            return None
        try:
            return self._doc.node(self._ids[index.internalId()])
        except OperationError:  # a stale index (its node was removed) finds nothing
            return None

    def index_of_node(self, node: AnyNode | None) -> QModelIndex:
        if node is None:
            return QModelIndex()
        return self.createIndex(self._doc.index_of(node), 0, self._serial(node.id))

    def index_for_id(self, node_id: str) -> QModelIndex:
        if node_id not in self._doc:
            return QModelIndex()
        return self.index_of_node(self._doc.node(node_id))

    def _kids(self, parent: QModelIndex) -> list:
        if not parent.isValid():
            return self._sections
        key = parent.internalId()
        if key != self._kids_key:
            node = self.node(parent)
            self._kids_list = children(node) if node is not None else []
            self._kids_key = key
        return self._kids_list

    # --- QAbstractItemModel --------------------------------------------------------------------
    def index(self, row: int, column: int = 0, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if column or row < 0 or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        kids = self._kids(parent)
        if row >= len(kids):
            return QModelIndex()
        node_id = kids[row].id
        serial = self._serials.get(node_id)
        return self.createIndex(row, 0, serial if serial is not None else self._serial(node_id))

    def parent(self, index: QModelIndex = None):  # noqa: D401 - also QObject.parent()
        if index is None:
            return QObject.parent(self)
        node = self.node(index)
        if node is None:
            return QModelIndex()
        return self.index_of_node(self._doc.parent(node))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._kids(parent))

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 1

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return bool(self._kids(parent)) if parent.column() <= 0 else False

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        node = self.node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(node)
        if role == Qt.ItemDataRole.EditRole:
            return title_of(node) or ""
        if role == NODE_ID_ROLE:
            return node.id
        if role == KIND_ROLE:
            return node.kind
        if role == SEARCH_ROLE:
            return "\n".join(str(getattr(node, f)) for f in _SEARCH_FIELDS if getattr(node, f, ""))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{node_kind_name(self._doc, node)}：{title_of(node) or ''}"
        if role == Qt.ItemDataRole.FontRole and node.kind in SECTION_KINDS:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not (title_of(node) or "").strip():
            return QBrush(QColor("gray"))
        return None

    def display_text(self, node: AnyNode) -> str:
        """「（一）推動橋頭科學園區」: the official number and the first line of the title."""
        title = first_line(title_of(node) or "").strip() or translate("tree", "（未命名）")
        number = self._numbers.get(node.id)
        if number is None:
            number = self._numbers[node.id] = number_of(self._doc, node)
        # Full-width numbers (一、 （一） （1）) join the title directly; 1. takes a space, as printed.
        return f"{number} {title}" if number.endswith(".") else f"{number}{title}"

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        node = self.node(index)
        return Qt.ItemFlag.NoItemFlags if node is None else _FLAGS[node.kind]  # precomputed: views ask per row

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        node = self.node(index)
        if node is None or role != Qt.ItemDataRole.EditRole or node.kind in SECTION_KINDS:
            return False
        text, removed = strip_controls(str(value))
        if removed:
            self.status_message.emit(removed_note(removed))
        field = title_field(node)
        if getattr(node, field) == text:
            return True
        error = commands.execute_field(
            self._session, node.id, field, text, commands.rename_text(node_kind_name(self._doc, node))
        )
        if error:
            self.status_message.emit(error)
        return error is None

    # --- drag and drop -----------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
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
            ids = json.loads(bytes(data.data(MIME_TYPE)).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(ids, list) or not ids or not all(isinstance(i, str) and i in self._doc for i in ids):
            return None
        return ids

    def drop_refusal(self, data: QMimeData, parent: QModelIndex) -> str | None:
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
            why = self._doc.can_hold(target, node.kind, action_depth(node) or 1)
            if why:
                return why
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
        ids = self.top_most_ids(self._dragged_ids(data))
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
                    stack.beginMacro(commands.drag_text(len(ids)))
                    in_macro = True
                error = commands.execute(self._session, [Move(node_id, target.id, new_index)], "", focus_id=node_id)
                if error:
                    self.status_message.emit(error)
                    break
        finally:
            if in_macro:
                stack.endMacro()
        return False

    # --- DocumentListener: document changes → Qt signals ---------------------------------------
    def before_insert(self, parent: AnyNode, index: int) -> None:
        self.beginInsertRows(self.index_of_node(parent), index, index)

    def after_insert(self, parent: AnyNode, index: int) -> None:
        self._numbers.pop(children(parent)[index].id, None)  # an undone removal comes back with its id
        self.endInsertRows()
        self._renumber(parent, index + 1)

    def before_remove(self, parent: AnyNode, index: int) -> None:
        self._kids_key = None  # the removed node may have been the remembered parent
        self.beginRemoveRows(self.index_of_node(parent), index, index)

    def after_remove(self, parent: AnyNode, index: int) -> None:
        self.endRemoveRows()
        self._renumber(parent, index)

    def before_move(self, node, old_parent, old_index, new_parent, new_index) -> None:
        # Qt counts the destination before the row leaves: one more when moving down in one parent.
        destination = new_index + 1 if new_parent is old_parent and new_index > old_index else new_index
        ok = self.beginMoveRows(
            self.index_of_node(old_parent), old_index, old_index, self.index_of_node(new_parent), destination
        )
        self._moving_with_reset = not ok
        if not ok:  # never expected (the document refuses no-op and cyclic moves); stay correct anyway
            self.beginResetModel()

    def after_move(self, node, old_parent, old_index, new_parent, new_index) -> None:
        if self._moving_with_reset:
            self._moving_with_reset = False
            self._numbers.clear()
            self.endResetModel()
            return
        self.endMoveRows()
        if new_parent is old_parent:
            self._renumber(old_parent, min(old_index, new_index))
        else:
            self._renumber(old_parent, old_index)
            self._renumber(new_parent, new_index)

    def field_changed(self, node: AnyNode, field: str) -> None:
        if field in _SEARCH_FIELDS:
            index = self.index_of_node(node)
            self.dataChanged.emit(index, index)

    def _renumber(self, parent: AnyNode, start: int) -> None:
        """Forget and re-announce the numbers of the children from ``start`` on."""
        kids = children(parent)
        for kid in kids[start:]:
            self._numbers.pop(kid.id, None)
        if start < len(kids):
            first = self.createIndex(start, 0, self._serial(kids[start].id))
            last = self.createIndex(len(kids) - 1, 0, self._serial(kids[-1].id))
            self.dataChanged.emit(first, last, [Qt.ItemDataRole.DisplayRole])

