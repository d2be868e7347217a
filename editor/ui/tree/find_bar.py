"""Ctrl+F: filter the tree to the items whose title or text contains the query, ancestors kept.

While a query is typed the tree shows a QSortFilterProxyModel with recursive filtering (a row
stays when it or any descendant matches, so the path to every match stays visible); when the
query is cleared (Esc) the tree goes back to the plain model with the items that were open.
Items added while filtering (Enter, Ctrl+Enter, a paste, whatever they say) stay in view until the
query changes, so that what is typed into a new item is never lost to the filter.
"""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from editor.ui.i18n import fill
from editor.ui.tree.model import NODE_ID_ROLE, PlanTreeModel
from editor.ui.widgets import ModelIndex
from schema.tree import walk

COUNT_DELAY_MS = 50


class PlanFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._needle = ""
        self.kept: set[str] = set()  # the branch shown alone and its ancestors: the view's root stays
        # The ids of the plan when the query was typed: any other row was added since, and stays in view.
        self._known: frozenset[str] | None = None

    def set_kept(self, ids: set[str]) -> None:
        self.kept = ids

    def set_query(self, query: str, existing_ids: Iterable[str] = ()) -> None:
        """Filter by ``query``; when it is another query, the rows added from now on are those not in
        ``existing_ids`` (the plan's ids now), and they stay in view whatever they say."""
        needle = query.strip().casefold()
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._set_needle(needle, existing_ids)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._set_needle(needle, existing_ids)
            self.invalidateFilter()

    def _set_needle(self, needle: str, existing_ids: Iterable[str]) -> None:
        if needle != self._needle or not needle:
            self._known = frozenset(existing_ids) if needle else None
        self._needle = needle

    def _search_text(self, index: QModelIndex) -> str:
        """What Find looks in for the row of ``index`` (of this proxy or of its source), from its node."""
        source = self.sourceModel()
        return source.search_text(index) if isinstance(source, PlanTreeModel) else ""

    def filterAcceptsRow(self, row: int, parent: ModelIndex) -> bool:  # noqa: N802
        if not self._needle:
            return True
        index = self.sourceModel().index(row, 0, parent)
        node_id = index.data(NODE_ID_ROLE)
        if self.kept and node_id in self.kept:
            return True
        if self._known is not None and node_id not in self._known:  # added while this query is on
            return True
        return self._needle in self._search_text(index).casefold()

    def first_match(self, root: QModelIndex) -> QModelIndex:
        """The first shown row under ``root`` (the view's root: the branch shown alone, if any), in the
        tree's order, that matches itself, else an invalid index."""
        if not self._needle:
            return QModelIndex()
        stack = [self.index(row, 0, root) for row in reversed(range(self.rowCount(root)))]
        while stack:
            index = stack.pop()
            if self._needle in self._search_text(index).casefold():
                return index
            stack.extend(self.index(row, 0, index) for row in reversed(range(self.rowCount(index))))
        return QModelIndex()

    def match_count(self) -> int:
        """How many shown items match themselves (not only through a descendant)."""
        count = 0
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(self.rowCount(parent)):
                index = self.index(row, 0, parent)
                if self._needle and self._needle in self._search_text(index).casefold():
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
        # The item to come back to when the bar closes: the current one when the search began, or the
        # item the user moved to while filtering (not those the bar selected itself).
        self._place: str | None = None
        self._selecting = False
        # The count follows every edit, counted once after a burst of changes (全部取代 is many).
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._show_count)
        for signal in (self._proxy.rowsInserted, self._proxy.rowsRemoved, self._proxy.dataChanged,
                       self._proxy.layoutChanged, self._proxy.modelReset):
            signal.connect(self._count_timer.start)
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
        # One Esc for the whole bar (the query, the replacement, the buttons): two of them, one per field,
        # were both active once the replace row showed, and an ambiguous shortcut does nothing.
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.clear)
        view.current_node_changed.connect(self._current_moved)
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
        if text.strip():
            self._keep_branch(self._view.root_id)
            if not self.is_filtering():
                self._place = self._view.current_node_id()
                self._expanded = self._view.expanded_ids()
                self._proxy.setSourceModel(model)
                self._view.setModel(self._proxy)
            self._proxy.set_query(text, model._doc.nodes_by_id)
            self._view.expandAll()
            self._count_timer.stop()
            self._show_count()
            self._show_place()
        elif self.is_filtering():
            place = self._place if self._place in model._doc else self._view.current_node_id()
            self._view.setModel(model)
            self._proxy.set_query("")
            self._view.restore_expanded(self._expanded)
            self.count_label.setText("")
            self._place = None
            if place:
                self._view.select_node(place)

    def _show_count(self) -> None:
        if self.is_filtering():
            self.count_label.setText(fill(self.tr("%1 項符合"), self._proxy.match_count()))

    def _show_place(self) -> None:
        """While filtering, an item is current whenever one is shown, so that the detail pane shows it:
        the place the search began from while it is in view, else the current row, else the first match."""
        place = self._view.index_for_id(self._place) if self._place else QModelIndex()
        target = place if place.isValid() else self._view.currentIndex()
        if not target.isValid():
            target = self._proxy.first_match(self._view.rootIndex())
        if not target.isValid():
            return
        node_id = target.data(NODE_ID_ROLE)
        if node_id == self._view.current_node_id():
            self._view.scrollTo(target)
            return
        self._selecting = True
        try:
            self._view.select_node(node_id)
        finally:
            self._selecting = False

    def _current_moved(self, node_id: str) -> None:
        """The user moved to another item while filtering: the bar comes back there when it closes."""
        if node_id and self.is_filtering() and not self._selecting:
            self._place = node_id

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
        self._place = None
        self.hide()


__all__ = ["FindBar", "PlanFilterProxy", "NODE_ID_ROLE"]
