"""The list of changes shown by the comparison view: a small read-only table model with a kind filter.

It holds the changes of one comparison and shows those of the chosen kind (新增 / 刪除 / 修改 /
移動, or all). The comparison itself is data (``schema.compare``); this model only presents it,
so a new comparison is one model reset, not thousands of item calls.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from editor.ui.i18n import QT_TRANSLATE_NOOP, kind_label, translate
from editor.ui.widgets import ModelIndex
from schema.compare import KINDS_OF_CHANGE, Change, NodeSide

NODE_ID_ROLE = Qt.ItemDataRole.UserRole
CHANGE_KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ALL = "all"

# Each kind has a sign as well as a colour, so that it does not rest on colour alone (plain signs,
# not the full-width ＋／－ of Chinese text: they read the same in either interface language).
CHANGE_NAMES = {
    "added": QT_TRANSLATE_NOOP("comparison", "新增"),
    "removed": QT_TRANSLATE_NOOP("comparison", "刪除"),
    "modified": QT_TRANSLATE_NOOP("comparison", "修改"),
    "moved": QT_TRANSLATE_NOOP("comparison", "移動"),
    ALL: QT_TRANSLATE_NOOP("comparison", "全部"),
}
CHANGE_SIGNS = {"added": "+", "removed": "\u2212", "modified": "✎", "moved": "⇅"}  # + − ✎ ⇅
CHANGE_COLOURS = {"added": "#00703c", "removed": "#b00020", "modified": "#1f4e99", "moved": "#7a3e9d"}
COLUMNS = (
    QT_TRANSLATE_NOOP("comparison", "變更"),
    QT_TRANSLATE_NOOP("comparison", "項目"),
    QT_TRANSLATE_NOOP("comparison", "編號"),
    QT_TRANSLATE_NOOP("comparison", "標題或文字"),
    QT_TRANSLATE_NOOP("comparison", "所屬"),
)


def change_name(kind: str) -> str:
    return translate("comparison", CHANGE_NAMES[kind])


def side_of(change: Change) -> NodeSide:
    """The node as it reads in the newer version, or in the older one for a removal."""
    side = change.new or change.old
    assert side is not None  # schema.compare makes every change with one side or both
    return side


def change_node_kind_name(change: Change) -> str:
    """推動策略, 具體作法, 子項作法 (an action numbered （1） sits under another action) …; "Strategy" in English."""
    side = side_of(change)
    return kind_label(change.node_kind, sub_action=change.node_kind == "action" and side.number.startswith("（"))


def number_text(change: Change) -> str:
    """一、（四） or 一、（四）→一、（五）: the numbers from the focus area down (every focus area
    has its （四）), as the checks name a place; a move that keeps the number still shows it."""
    old = change.old.location if change.old else ""
    new = change.new.location if change.new else ""
    if change.old and change.new and old != new:
        return f"{old}→{new}"
    return new or old


def words_of(change: Change, limit: int = 60) -> str:
    side = side_of(change)
    words = side.title or side.text.split("\n", 1)[0]
    return words if len(words) <= limit else words[:limit] + "…"


def parent_text(change: Change) -> str:
    """所屬: the focus area (一、拚經濟) for a strategy, an action and a sub-action alike; a focus
    area's section. A move to another focus area shows both."""
    if change.kind == "moved" and change.old and change.new and change.old.area != change.new.area:
        return f"{change.old.area}→{change.new.area}"
    return side_of(change).area


class ChangeListModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.changes: list[Change] = []
        self.kind_filter = ALL
        self.visible: list[Change] = []
        self._brushes = {kind: QBrush(QColor(colour)) for kind, colour in CHANGE_COLOURS.items()}

    def set_changes(self, changes: list[Change]) -> None:
        self.beginResetModel()
        self.changes = list(changes)
        self._filter()
        self.endResetModel()

    def set_kind_filter(self, kind: str) -> None:
        if kind != ALL and kind not in KINDS_OF_CHANGE:
            raise ValueError(f"unknown kind of change {kind!r}")
        self.beginResetModel()
        self.kind_filter = kind
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        self.visible = [c for c in self.changes if self.kind_filter in (ALL, c.kind)]

    def change(self, index: ModelIndex) -> Change | None:
        if not index.isValid() or index.row() >= len(self.visible):
            return None
        return self.visible[index.row()]

    def row_of(self, key: tuple[str, str]) -> int:
        """The visible row of the change with that (kind, node id), or -1."""
        for row, change in enumerate(self.visible):
            if (change.kind, change.node_id) == key:
                return row
        return -1

    # --- QAbstractTableModel ------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt name
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt name
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt name
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return translate("comparison", COLUMNS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        change = self.change(index)
        if change is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{CHANGE_SIGNS[change.kind]} {change_name(change.kind)}"
            if column == 1:
                return change_node_kind_name(change)
            if column == 2:
                return number_text(change)
            if column == 3:
                return words_of(change)
            return parent_text(change)
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            side = side_of(change)
            return side.title or side.text
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return self._brushes[change.kind]
        if role == NODE_ID_ROLE:
            return change.node_id
        if role == CHANGE_KIND_ROLE:
            return change.kind
        return None
