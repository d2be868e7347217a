"""Ctrl+F: filter the tree to the items whose title or text contains the query, ancestors kept.

While a query is typed the tree shows a QSortFilterProxyModel with recursive filtering (a row
stays when it or any descendant matches, so the path to every match stays visible); when the
query is cleared (Esc) the tree goes back to the plain model with the items that were open.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from editor.ui.i18n import fill
from editor.ui.tree.model import NODE_ID_ROLE, SEARCH_ROLE
from editor.ui.widgets import ModelIndex
from schema.tree import walk


class PlanFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._needle = ""
        self.kept: set[str] = set()  # the branch shown alone and its ancestors: the view's root stays

    def set_kept(self, ids: set[str]) -> None:
        self.kept = ids

    def set_query(self, query: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._needle = query.strip().casefold()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._needle = query.strip().casefold()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: ModelIndex) -> bool:  # noqa: N802
        if not self._needle:
            return True
        index = self.sourceModel().index(row, 0, parent)
        if self.kept and index.data(NODE_ID_ROLE) in self.kept:
            return True
        return self._needle in (index.data(SEARCH_ROLE) or "").casefold()

    def match_count(self) -> int:
        """How many shown items match themselves (not only through a descendant)."""
        count = 0
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(self.rowCount(parent)):
                index = self.index(row, 0, parent)
                if self._needle and self._needle in (index.data(SEARCH_ROLE) or "").casefold():
                    count += 1
                stack.append(index)
        return count


class FindBar(QWidget):
    """The find field above the tree; it switches the tree between the plain and the filtered model.

    F3 / Shift+F3 go to the next / previous matching item (selected in the tree, the match selected in
    its field by the window); Ctrl+H shows the replace row: 取代 (the current item) and 全部取代 (all of
    them, one undo step, with the count in the status bar).
    """

    closed = Signal()
    match_shown = Signal(str, str)  # node id, the query: the window selects the match in the detail pane
    replace_requested = Signal(str, str, bool)  # query, replacement, all items (else the current one)

    def __init__(self, view, parent=None):
        super().__init__(parent)
        self._view = view
        self._proxy = PlanFilterProxy(self)
        self._expanded: set[str] = set()
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("尋找標題或內文（Esc 清除）"))
        self.field.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip(self.tr("關閉尋找（Esc）"))
        close.clicked.connect(self.clear)
        self.replace_field = QLineEdit(self)
        self.replace_field.setObjectName("replaceField")
        self.replace_field.setPlaceholderText(self.tr("取代為"))
        self.replace_button = QPushButton(self.tr("取代"), self)
        self.replace_all_button = QPushButton(self.tr("全部取代"), self)
        self.replace_row = QWidget(self)
        replace_layout = QHBoxLayout(self.replace_row)
        replace_layout.setContentsMargins(0, 0, 0, 0)
        replace_layout.addWidget(self.replace_field, 1)
        replace_layout.addWidget(self.replace_button)
        replace_layout.addWidget(self.replace_all_button)
        find_row = QHBoxLayout()
        find_row.addWidget(self.field, 1)
        find_row.addWidget(self.count_label)
        find_row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(find_row)
        layout.addWidget(self.replace_row)
        self.replace_row.hide()
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Esc closes; Tab goes from the query to the replacement
        QWidget.setTabOrder(self.field, self.replace_field)
        QWidget.setTabOrder(self.replace_field, self.replace_button)
        QWidget.setTabOrder(self.replace_button, self.replace_all_button)
        self.field.textChanged.connect(self._apply)
        view.branch_changing.connect(self._keep_branch)
        self.field.returnPressed.connect(lambda: self.step(True))
        self.replace_button.clicked.connect(lambda: self.replace_requested.emit(self.field.text(), self.replace_field.text(), False))
        self.replace_all_button.clicked.connect(lambda: self.replace_requested.emit(self.field.text(), self.replace_field.text(), True))
        for widget in (self.field, self.replace_field):
            QShortcut(QKeySequence(Qt.Key.Key_Escape), widget, self.clear, context=Qt.ShortcutContext.WidgetShortcut)
        self.hide()

    @property
    def proxy(self) -> PlanFilterProxy:
        return self._proxy

    def is_filtering(self) -> bool:
        return self._view.model() is self._proxy

    def start(self) -> None:
        """Ctrl+F: show the bar and put the cursor in it."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def start_replace(self) -> None:
        """Ctrl+H: the find bar with its replace row, the cursor in the query."""
        self.replace_row.show()
        self.start()

    def step(self, forward: bool = True) -> str | None:
        """F3 / Shift+F3: the next / previous item that matches after the current one (round the plan)."""
        from schema.find_replace import matching_ids

        model = self._view.plan_model()
        query = self.field.text()
        if model is None or not query.strip():
            self.start()
            return None
        ids = matching_ids(model._doc, query)
        if not ids:
            self.count_label.setText(self.tr("沒有符合的項目"))
            return None
        current = self._view.current_node_id()
        if current in ids:
            target = ids[(ids.index(current) + (1 if forward else -1)) % len(ids)]
        else:
            order = [node.id for node, _p in walk(model._doc.content)]
            here = order.index(current) if current in order else -1
            after = [i for i in ids if order.index(i) > here] if forward else [i for i in ids if order.index(i) < here]
            target = (after[0] if forward else after[-1]) if after else (ids[0] if forward else ids[-1])
        self._view.select_node(target)
        self.count_label.setText(fill(self.tr("第 %1 項，共 %2 項"), ids.index(target) + 1, len(ids)))
        self.match_shown.emit(target, query)
        return target

    def clear(self) -> None:
        """Esc: empty the query, show the whole tree again, give the focus back to the tree."""
        self.field.clear()
        self.replace_row.hide()
        self.hide()
        self._view.setFocus()
        self.closed.emit()

    def _apply(self, text: str) -> None:
        model = self._view.plan_model()
        if model is None:
            return
        current = self._view.current_node_id()
        if text.strip():
            self._keep_branch(self._view.root_id)
            if not self.is_filtering():
                self._expanded = self._view.expanded_ids()
                self._proxy.setSourceModel(model)
                self._view.setModel(self._proxy)
            self._proxy.set_query(text)
            self._view.expandAll()
            self.count_label.setText(fill(self.tr("%1 項符合"), self._proxy.match_count()))
        elif self.is_filtering():
            self._view.setModel(model)
            self._proxy.set_query("")
            self._view.restore_expanded(self._expanded)
            self.count_label.setText("")
        if current:
            self._view.select_node(current)

    def _keep_branch(self, root_id: str | None) -> None:
        """Keep the row of the branch shown alone (outline_views) and its ancestors, whatever the query, so
        that a search inside it keeps the view's root; when the branch changes while filtering, filter again
        at once, so that the old branch's row goes and the new one's stays."""
        model = self._view.plan_model()
        document = model._doc if model is not None else None
        branch = {root_id, *(a.id for a in document.ancestors(document.node(root_id)))} \
            if document is not None and root_id in document else set()
        if branch == self._proxy.kept:
            return
        self._proxy.set_kept(branch)
        if self.is_filtering():
            self._proxy.set_query(self.field.text())

    def reset(self) -> None:
        """A new plan was opened: drop the filter without touching the new model."""
        self._proxy.setSourceModel(None)  # type: ignore[arg-type]  # Qt takes nullptr (no source); the stub does not
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.count_label.setText("")
        self.hide()


__all__ = ["FindBar", "PlanFilterProxy", "NODE_ID_ROLE"]
