"""Two ways of the tree's edits measured beside the editor: a minimal Python item model, and a C++ item model mirrored.

Until 2026-12-07 the editor's tree was a Python ``QAbstractItemModel``: every row Qt lays out or
paints called back into Python (index, parent, flags, hasChildren, multiData), and after an insert,
remove or move QTreeView lays out every open row again. :class:`MinimalModel` shows what any Python
model pays for the same edit: it holds only the rows' texts, answers each question from a list or a
dictionary, and does no more per edit than the plain baseline (the row change, renumbering the
following siblings, and selecting the row), with none of the editor's document, undo stack, journal
or panes — the floor the editor could not go below that way.

:class:`MirrorTree` is the other way (issue 17's prototype, which the editor's tree now follows:
``editor.ui.tree.model``): the edits as document operations on a document of their own, translated
by a listener into a QStandardItemModel, so that Qt's view asks C++ for every row and the Python runs
per edit, not per row; without the editor's undo stack, journal and panes.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView

from schema.document import Document
from schema.document_listeners import DocumentListener
from schema.numbering import all_numbers, number_at, strategy_number
from schema.operations import Insert, Move, Remove
from schema.tree import KINDS, children, title_of, walk

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
NODE_ID = Qt.ItemDataRole.UserRole + 1  # as the editor's model (editor.ui.tree.model.NODE_ID_ROLE)
_INVALID = QModelIndex()


def _flags(kind: str) -> Qt.ItemFlag:
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
    return flags | (Qt.ItemFlag.ItemIsDropEnabled if KINDS[kind].children else Qt.ItemFlag.ItemNeverHasChildren)


class Row:
    __slots__ = ("text", "kids", "parent", "serial", "flags")

    def __init__(self, text: str, parent: Row | None, serial: int, flags) -> None:
        self.text, self.parent, self.serial, self.flags = text, parent, serial, flags
        self.kids: list[Row] = []


class MinimalModel(QAbstractItemModel):
    def __init__(self, content) -> None:
        super().__init__()
        numbers = all_numbers(content)
        self.rows: list[Row] = [Row("", None, 0, Qt.ItemFlag.NoItemFlags)]  # serial → row; 0 is the root
        self.by_id: dict[str, Row] = {}
        self._indexes: dict[int, list[QModelIndex]] = {}  # parent serial → its children's indexes
        self._own: dict[int, QModelIndex] = {0: QModelIndex()}  # serial → its index (for parent())
        stack = [(node, self.rows[0]) for node in reversed([content.preface, content.goals, content.focus, content.closing])]
        while stack:
            node, parent = stack.pop()
            row = self.add_row(text(numbers.get(node.id, ""), title_of(node)), parent, _flags(node.kind))
            parent.kids.append(row)
            self.by_id[node.id] = row
            stack.extend((kid, row) for kid in reversed(children(node)))

    def add_row(self, label: str, parent: Row, flags) -> Row:
        row = Row(label, parent, len(self.rows), flags)
        self.rows.append(row)
        return row

    def index(self, row: int, column: int = 0, parent: QModelIndex = _INVALID) -> QModelIndex:
        key = parent.internalId()
        indexes = self._indexes.get(key)
        if indexes is None:
            indexes = self._indexes[key] = [self.createIndex(i, 0, kid.serial) for i, kid in enumerate(self.rows[key].kids)]
        return indexes[row] if not column and 0 <= row < len(indexes) else QModelIndex()

    def index_of(self, row: Row) -> QModelIndex:
        found = self._own.get(row.serial)
        if found is None:
            found = self._own[row.serial] = self.createIndex(row.parent.kids.index(row), 0, row.serial)
        return found

    def parent(self, index: QModelIndex = None):  # noqa: D401 - also QObject.parent()
        if index is None:
            return QAbstractItemModel.parent(self)
        parent = self.rows[index.internalId()].parent
        return self.index_of(parent) if parent is not None else QModelIndex()

    def _forget(self, parent: Row) -> None:
        """The children of ``parent`` changed rows: their remembered indexes go."""
        self._indexes.pop(parent.serial, None)
        for kid in parent.kids:
            self._own.pop(kid.serial, None)

    def rowCount(self, parent: QModelIndex = _INVALID) -> int:  # noqa: N802
        return len(self.rows[parent.internalId()].kids)

    def columnCount(self, parent: QModelIndex = _INVALID) -> int:  # noqa: N802
        return 1

    def hasChildren(self, parent: QModelIndex = _INVALID) -> bool:  # noqa: N802
        return bool(self.rows[parent.internalId()].kids)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return self.rows[index.internalId()].flags

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        return self.rows[index.internalId()].text if role == _DISPLAY else None

    def multiData(self, index: QModelIndex, span) -> None:  # noqa: N802 - Qt name
        label = self.rows[index.internalId()].text
        for role_data in span:
            if role_data.role() == _DISPLAY:
                role_data.setData(label)
            else:
                role_data.clearData()

    # --- the edits -----------------------------------------------------------------------------
    def renumber(self, parent: Row, start: int) -> None:
        """The plain baseline's renumbering: the texts of the following strategies, one dataChanged."""
        for i in range(start, len(parent.kids)):
            kid = parent.kids[i]
            kid.text = strategy_number(i) + kid.text.split("）", 1)[1]
        if start < len(parent.kids):
            top = self.index_of(parent)
            self.dataChanged.emit(self.index(start, 0, top), self.index(len(parent.kids) - 1, 0, top), [Qt.ItemDataRole.DisplayRole])

    def move(self, row: Row, down: bool) -> None:
        parent = row.parent
        at = parent.kids.index(row)
        to = at + 1 if down else at - 1
        top = self.index_of(parent)
        self.beginMoveRows(top, at, at, top, to + 1 if down else to)
        parent.kids.insert(to, parent.kids.pop(at))
        self._forget(parent)
        self.endMoveRows()
        self.renumber(parent, min(at, to))

    def insert(self, parent: Row, at: int, row: Row) -> None:
        self.beginInsertRows(self.index_of(parent), at, at)
        parent.kids.insert(at, row)
        self._forget(parent)
        self.endInsertRows()
        self.renumber(parent, at)

    def remove(self, parent: Row, at: int) -> Row:
        self.beginRemoveRows(self.index_of(parent), at, at)
        self._forget(parent)
        row = parent.kids.pop(at)
        self.endRemoveRows()
        self.renumber(parent, at)
        return row


def text(number: str, title: str) -> str:
    title = (title or "").split("\n", 1)[0].strip() or "（未命名）"
    return f"{number} {title}" if number.endswith(".") else f"{number}{title}"


class MinimalTree:
    """The same rows and edits as ``bench_editor.PlainTree``, in a minimal Python model."""

    def __init__(self, content, size) -> None:
        self.model = MinimalModel(content)
        self.view = QTreeView()
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setModel(self.model)
        self.view.resize(size)
        self.removed: list[Row] = []

    def expand(self, node_id: str) -> None:
        self.view.expand(self.model.index_of(self.model.by_id[node_id]))

    def select(self, row: Row) -> None:
        index = self.model.index_of(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def move(self, node_id: str, down: bool) -> None:
        row = self.model.by_id[node_id]
        self.model.move(row, down)
        self.select(row)

    def add_after(self, node_id: str) -> None:
        row = self.model.by_id[node_id]
        new = self.model.add_row(text("", ""), row.parent, row.flags)
        self.model.insert(row.parent, row.parent.kids.index(row) + 1, new)
        self.select(new)

    def remove_after(self, node_id: str) -> None:
        row = self.model.by_id[node_id]
        self.model.remove(row.parent, row.parent.kids.index(row) + 1)
        self.select(row)

    def delete(self, node_id: str) -> None:
        row = self.model.by_id[node_id]
        at = row.parent.kids.index(row)
        self.removed.append(self.model.remove(row.parent, at))
        self.select(row.parent.kids[at])

    def undelete(self, node_id: str, at: int) -> None:
        row = self.removed.pop()
        self.model.insert(row.parent, at, row)
        self.select(row)

    def rename(self, node_id: str, title: str) -> None:
        """A strategy's new title after its number, as the plain baseline's setText."""
        row = self.model.by_id[node_id]
        row.text = row.text.split("）", 1)[0] + "）" + title
        index = self.model.index_of(row)
        self.model.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])


# --- the prototype: the editor's own edit path driving Qt's C++ model ------------------------------
class StandardItemMirror(DocumentListener):
    """Document operations translated into a QStandardItemModel kept as a mirror of the plan (issue 17's
    prototype): the view's every question is answered in C++, and the listener inserts, removes and
    renumbers items as the document says. QStandardItemModel has no row moves (``moveRows`` answers
    False), so a move is a take and an insert: the view loses the moved row's open branches, its
    selection and any persistent index into it, which :class:`MirrorTree` gives back (the open branches
    and the current row) as the editor would have to."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.model = QStandardItemModel()
        self.items: dict[str, QStandardItem] = {}
        self._taken: list[QStandardItem] = []
        numbers = all_numbers(document.content)
        by_parent: dict[str, list[QStandardItem]] = {}
        for node, parent in walk(document.content):
            item = QStandardItem(text(numbers.get(node.id, ""), title_of(node)))
            item.setData(node.id, NODE_ID)
            self.items[node.id] = item
            by_parent.setdefault(parent.id if parent is not None else "", []).append(item)
        for node_id, kids in by_parent.items():
            (self.items[node_id] if node_id else self.model.invisibleRootItem()).appendRows(kids)
        document.listeners.append(self)

    def _item(self, node, number: str) -> QStandardItem:
        item = QStandardItem(text(number, title_of(node)))
        item.setData(node.id, NODE_ID)
        self.items[node.id] = item
        kids = children(node)
        if kids:
            item.appendRows([self._item(kid, number_at(kid.kind, i, node.kind)) for i, kid in enumerate(kids)])
        return item

    def _renumber(self, parent, start: int) -> None:
        kids = children(parent)
        for i in range(start, len(kids)):
            self.items[kids[i].id].setText(text(number_at(kids[i].kind, i, parent.kind), title_of(kids[i])))

    def after_insert(self, parent, index: int) -> None:
        node = children(parent)[index]
        self.items[parent.id].insertRow(index, self._item(node, number_at(node.kind, index, parent.kind)))
        self._renumber(parent, index + 1)

    def before_remove(self, parent, index: int) -> None:
        self.items[parent.id].removeRow(index)

    def after_remove(self, parent, index: int) -> None:
        self._renumber(parent, index)

    def before_move(self, node, old_parent, old_index, new_parent, new_index) -> None:
        self._taken = self.items[old_parent.id].takeRow(old_index)

    def after_move(self, node, old_parent, old_index, new_parent, new_index) -> None:
        self.items[new_parent.id].insertRow(new_index, self._taken)
        self._taken = []
        for parent, start in ([(old_parent, min(old_index, new_index))] if new_parent is old_parent
                              else [(old_parent, old_index), (new_parent, new_index)]):
            self._renumber(parent, start)


class MirrorTree:
    """The prototype in a plain QTreeView: the same rows and edits, each a document operation applied to a
    document of its own (no undo stack, journal or panes) and mirrored into QStandardItems."""

    def __init__(self, content, size) -> None:
        from schema.model import PlanContent

        self.document = Document(PlanContent.model_validate(content.model_dump()))
        self.mirror = StandardItemMirror(self.document)
        self.view = QTreeView()
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setModel(self.mirror.model)
        self.view.resize(size)
        self._inverses: list = []
        self._new = KINDS["strategy"].cls().model_dump(mode="json")

    def expand(self, node_id: str) -> None:
        self.view.expand(self.mirror.items[node_id].index())

    def select(self, node_id: str) -> None:
        index = self.mirror.items[node_id].index()
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _apply(self, op, select: str) -> None:
        self._inverses.append(self.document.apply(op))
        self.select(select)

    def _place(self, node_id: str) -> tuple[str, int]:
        node = self.document.node(node_id)
        return self.document.parent(node).id, self.document.index_of(node)

    def move(self, node_id: str, down: bool) -> None:
        """Alt+Down (or its undo), keeping the moved row open as it was, and current."""
        item = self.mirror.items[node_id]
        was_open = self.view.isExpanded(item.index())
        if down:
            parent_id, at = self._place(node_id)
            self._inverses.append(self.document.apply(Move(node_id, parent_id, at + 1)))
        else:
            self.undo()
        if was_open:
            self.view.expand(item.index())
        self.select(node_id)

    def add_after(self, node_id: str) -> None:
        parent_id, at = self._place(node_id)
        self._apply(Insert(parent_id, at + 1, self._new), self._new["id"])

    def delete(self, node_id: str) -> None:
        parent_id, at = self._place(node_id)
        follow = children(self.document.node(parent_id))[at + 1].id
        self._apply(Remove(parent_id, at), follow)

    def undo(self, select: str | None = None) -> None:
        self.document.apply(self._inverses.pop())
        if select is not None:
            self.select(select)
