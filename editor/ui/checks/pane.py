"""The checks pane (檢核結果): the findings of ``schema.checks``, grouped by severity.

A standalone widget that the main window docks. It only shows what it is given: the window
runs ``run_checks`` when the plan changes and calls :meth:`ChecksPane.set_findings`; a click on
a finding, or Enter on it, emits :attr:`ChecksPane.node_activated` with the node's id so that the
window can select that node. The context menu (right click, the menu key or Shift+F10) offers 前往項目,
複製說明 (Ctrl+C) and 重新檢核 (F5, :attr:`ChecksPane.rerun_requested`). Rebuilding keeps the collapsed groups, the current finding and the
scroll position, so live updates do not make the list jump under the user.

The findings live in a small read-only model (groups → findings) rather than in
QTreeWidgetItems: a live update is one model reset instead of thousands of item calls.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import overload

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QStyle, QTreeView, QVBoxLayout, QWidget

from editor.ui.i18n import translate
from editor.ui.widgets import ModelIndex
from schema.checks import ERROR, INFO, SEVERITIES, WARNING, Finding

NODE_ID_ROLE = Qt.ItemDataRole.UserRole
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2  # on group rows only

TEXTS = {
    "zh": {
        ERROR: "錯誤", WARNING: "警告", INFO: "提示",
        "group": "{name}（{count}）", "empty": "沒有發現問題", "item": "項目", "message": "說明",
        "untitled": "（無標題）",
    },
    "en": {
        ERROR: "Errors", WARNING: "Warnings", INFO: "Info",
        "group": "{name} ({count})", "empty": "No problems found", "item": "Item", "message": "Problem",
        "untitled": "(untitled)",
    },
}
_ICONS = {
    ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}
_GROUP = 0  # internal id of a group row; a finding row's id is its group's row + 1


class FindingsModel(QAbstractItemModel):
    """Two levels: one row per severity that has findings, and under it the findings."""

    def __init__(self, parent=None, *, lang: str = "zh"):
        super().__init__(parent)
        self.lang = lang
        self.groups: list[tuple[str, list[Finding]]] = []
        self._icons: dict[str, object] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_findings(self, findings: Sequence[Finding], lang: str, style: QStyle) -> None:
        self.beginResetModel()
        self.lang = lang
        self._icons = {s: style.standardIcon(icon) for s, icon in _ICONS.items()}
        by_severity: dict[str, list[Finding]] = {severity: [] for severity in SEVERITIES}
        for finding in findings:
            by_severity[finding.severity].append(finding)
        self.groups = [(severity, by_severity[severity]) for severity in SEVERITIES if by_severity[severity]]
        self.endResetModel()

    def finding(self, index: ModelIndex) -> Finding | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self.groups[index.internalId() - 1][1][index.row()]

    # --- QAbstractItemModel ---------------------------------------------------------------
    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else _GROUP)

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, index: ModelIndex) -> QModelIndex: ...

    def parent(self, index: ModelIndex | None = None) -> QObject | QModelIndex | None:
        """A finding's group row; without an index, the model's owner (QObject.parent, which this name hides)."""
        if index is None:
            return super().parent()
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 2

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        texts = TEXTS[self.lang]
        if index.internalId() == _GROUP:
            severity, findings = self.groups[index.row()]
            if index.column() != 0:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return texts["group"].format(name=texts[severity], count=len(findings))
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icons.get(severity)
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == SEVERITY_ROLE:
                return severity
            return None
        finding = self.finding(index)
        assert finding is not None  # a valid index that is not a group's is a finding's
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 1:
                return finding.message
            return " ".join(p for p in (finding.number, finding.title) if p) or texts["untitled"]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 1:
                return finding.message
            return f"{finding.title}\n[{finding.code}]" if finding.title else f"[{finding.code}]"
        if role == NODE_ID_ROLE:
            return finding.node_id
        if role == CODE_ROLE:
            return finding.code
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section in (0, 1):
            return TEXTS[self.lang]["item" if section == 0 else "message"]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _FindingsView(QTreeView):
    """A tree view that reports Enter on a row (its own ``activated`` also fires on double-click) and
    opens its context menu at the current row for the menu key and Shift+F10."""

    enter_pressed = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enter_pressed.emit(self.currentIndex())
            event.accept()
            return
        menu_key = event.key() == Qt.Key.Key_Menu or (
            event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier)
        if menu_key:
            rect = self.visualRect(self.currentIndex())
            self.customContextMenuRequested.emit(rect.center() if rect.isValid() else self.viewport().rect().topLeft())
            event.accept()
            return
        super().keyPressEvent(event)


class ChecksPane(QWidget):
    """Findings grouped by severity (errors, warnings, info), with the count in each group's row."""

    node_activated = Signal(str)
    rerun_requested = Signal()  # 重新檢核: the window runs the checks now

    def __init__(self, parent: QWidget | None = None, *, lang: str = "zh"):
        super().__init__(parent)
        self._lang = lang if lang in TEXTS else "zh"
        self._findings: list[Finding] = []
        self._collapsed: set[str] = set()

        self.model = FindingsModel(self, lang=self._lang)
        self.view = _FindingsView(self)
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.header().setStretchLastSection(True)
        self.view.clicked.connect(self._activate)
        self.view.enter_pressed.connect(self._activate)
        self.view.collapsed.connect(lambda index: self._collapsed.add(index.data(SEVERITY_ROLE)))
        self.view.expanded.connect(lambda index: self._collapsed.discard(index.data(SEVERITY_ROLE)))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.menu: QMenu | None = None  # the last context menu (a test reads what it offers)
        self.go_action = self._action(translate("checks", "前往項目(&G)"), lambda: self._activate(self.view.currentIndex()), [])
        self.copy_action = self._action(translate("checks", "複製說明(&C)"), self.copy_message, [QKeySequence.StandardKey.Copy])
        self.rerun_action = self._action(translate("checks", "重新檢核(&R)"), self.rerun_requested.emit, [QKeySequence(Qt.Key.Key_F5)])

        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # F6 reaches an empty pane, and F5 works there

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.empty_label)
        self._rebuild()

    # --- public API ------------------------------------------------------------------------
    def set_findings(self, findings: Sequence[Finding]) -> None:
        """Show these findings (in the order given, within each group), replacing the previous ones."""
        self._findings = list(findings)
        self._rebuild()

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def counts(self) -> dict[str, int]:
        """severity → how many findings of it are shown."""
        counts = {severity: 0 for severity in SEVERITIES}
        for finding in self._findings:
            counts[finding.severity] += 1
        return counts

    def set_language(self, lang: str) -> None:
        """Relabel the groups, headers and empty text; messages come from ``run_checks(lang=...)``."""
        self._lang = lang if lang in TEXTS else "zh"
        self._rebuild()

    def copy_message(self) -> str:
        """Ctrl+C: the current finding's message to the clipboard (nothing for a group row)."""
        finding = self.model.finding(self.view.currentIndex())
        if finding is None:
            return ""
        QGuiApplication.clipboard().setText(finding.message)
        return finding.message

    # --- internals ------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcuts) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # the pane's keys, not the tree's
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _context_menu(self, position) -> None:
        index = self.view.indexAt(position)
        if index.isValid():
            self.view.setCurrentIndex(index)
        on_finding = self.model.finding(self.view.currentIndex()) is not None
        self.go_action.setEnabled(on_finding)
        self.copy_action.setEnabled(on_finding)
        menu = self.menu = QMenu(self)
        menu.setObjectName("checksContextMenu")
        menu.addActions([self.go_action, self.copy_action])
        menu.addSeparator()
        menu.addAction(self.rerun_action)
        menu.popup(self.view.viewport().mapToGlobal(position))

    def _rebuild(self) -> None:
        current = self.model.finding(self.view.currentIndex())
        scroll = self.view.verticalScrollBar().value()
        self.model.set_findings(self._findings, self._lang, self.style())
        restore = QModelIndex()
        for row, (severity, findings) in enumerate(self.model.groups):
            group = self.model.index(row, 0)
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
            self.view.setExpanded(group, severity not in self._collapsed)
            if current is not None and not restore.isValid():
                for i, f in enumerate(findings):
                    if (f.node_id, f.code) == (current.node_id, current.code):
                        restore = self.model.index(i, 0, group)
                        break
        if restore.isValid():
            self.view.setCurrentIndex(restore)
        self.view.resizeColumnToContents(0)
        self.view.verticalScrollBar().setValue(scroll)
        self.empty_label.setText(TEXTS[self._lang]["empty"])
        self.view.setVisible(bool(self._findings))
        self.empty_label.setVisible(not self._findings)

    def _activate(self, index: QModelIndex | QPersistentModelIndex) -> None:
        node_id = index.data(NODE_ID_ROLE)
        if node_id:  # group rows carry no node
            self.node_activated.emit(node_id)
