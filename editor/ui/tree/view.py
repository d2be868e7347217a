"""The plan tree widget: a QTreeView that speaks in node ids, whether or not a find filter is on.

Keys (F2, Enter, Ctrl+Enter, Delete, Alt+Up/Down, Tab, Shift+Tab, Ctrl+C/X/V) are QActions
bound to this widget only (``editor.ui.actions``), so the same keys keep their usual meaning in
the detail pane and in the inline editor.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractProxyModel, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from editor.ui.tree.drop_feedback import DropFeedback
from editor.ui.tree.inline_editor import InlineEditDelegate
from editor.ui.tree.mark_painter import MarkPainter
from editor.ui.tree.model import NODE_ID_ROLE, PlanTreeModel
from editor.ui.widgets import ModelIndex
from schema.tree import subtree


class PlanTreeView(DropFeedback, MarkPainter, QTreeView):  # the drop indicator and why a drop is refused; the checks' marks
    current_node_changed = Signal(str)  # "" when nothing is current
    branch_left = Signal(str)  # the tree showed one branch and had to show all of it to reach this node
    # The branch shown alone is about to be this node's (None: the whole plan), emitted before the view looks
    # up its row, so that the find bar's filter keeps the new branch's row instead of the old one's.
    branch_changing = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("planTree")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)  # lays out thousands of rows without asking each for its size
        self.setAnimated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setExpandsOnDoubleClick(False)  # double-click renames
        self.setItemDelegate(InlineEditDelegate(self))  # no row change may overwrite what is being typed
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self._current_id: str | None = None  # the node last announced by current_node_changed
        self.root_id: str | None = None  # the branch shown alone (editor.ui.tree.outline_views), else None
        self._watched: PlanTreeModel | None = None
        self._revealing: str | None = None  # the node reveal_node scrolls to once the view has laid out
        # While a row is taken out and put back (a move: PlanTreeModel.row_moving), what the view had in it.
        self._moving: tuple[set[str], str | None, list[str], str | None] | None = None

    def setModel(self, model) -> None:  # noqa: N802 - Qt name
        self._current_id = None  # a new plan: announce its current node even if an id repeats
        super().setModel(model)
        plan = self.plan_model()
        if plan is not None and plan is not self._watched:  # the find bar's filter keeps the same plan model
            self._watched = plan
            plan.row_moving.connect(self._row_moving)
            plan.row_moved.connect(self._row_moved)
        if self.root_id is not None:  # the find bar's filter swaps models: stay on the branch shown
            self.show_branch(self.root_id)

    def show_branch(self, node_id: str | None) -> bool:
        """Show only this node's subtree (its children at the top), or the whole plan for None."""
        self.branch_changing.emit(node_id)
        index = self.index_for_id(node_id) if node_id is not None else QModelIndex()
        self.root_id = node_id if index.isValid() else None
        self.setRootIndex(index)
        if isinstance(self.model(), QAbstractProxyModel):  # the find bar's filter: every match in view, as it opened them
            self.expandAll()
        return index.isValid() or node_id is None

    # --- models --------------------------------------------------------------------------------
    def plan_model(self) -> PlanTreeModel | None:
        model = self.model()
        while isinstance(model, QAbstractProxyModel):
            model = model.sourceModel()
        return model if isinstance(model, PlanTreeModel) else None

    def to_view(self, source: QModelIndex) -> QModelIndex:
        model = self.model()
        return model.mapFromSource(source) if isinstance(model, QAbstractProxyModel) else source

    # --- ids -----------------------------------------------------------------------------------
    def current_node_id(self) -> str | None:
        index = self.currentIndex()
        return index.data(NODE_ID_ROLE) if index.isValid() else None

    def selected_node_ids(self) -> list[str]:
        """The selected nodes without those inside another selected one, in document order."""
        ids = [i.data(NODE_ID_ROLE) for i in self.selectionModel().selectedRows()] if self.selectionModel() else []
        if not ids and self.current_node_id():
            ids = [self.current_node_id()]
        model = self.plan_model()
        return model.top_most_ids(ids) if model else []

    def index_for_id(self, node_id: str) -> QModelIndex:
        model = self.plan_model()
        return self.to_view(model.index_for_id(node_id)) if model else QModelIndex()

    def select_node(self, node_id: str, *, edit: bool = False, scroll: bool = True) -> bool:
        """Make a node current and selected (expanding its ancestors), scrolled into view unless ``scroll`` is
        False; optionally open its inline editor."""
        index = self.index_for_id(node_id)
        if not index.isValid():
            return False
        root = self.rootIndex()
        if root.isValid() and not _inside(index, root):  # out of the branch shown: show the whole plan
            self.show_branch(None)
            self.branch_left.emit(node_id)
        self._open_ancestors(index)
        selection = self.selectionModel()
        # Already the one current and selected row (the window selects a pushed edit's item, then the edit's
        # own code asks again): selecting it anew would only cost the selection model's work.
        if index != selection.currentIndex() or selection.selectedRows() != [index]:
            # Explicitly: setCurrentIndex() would read the keyboard's modifiers (Ctrl held = toggle).
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            selection.setCurrentIndex(index, flags)
        if scroll:
            self.scrollTo(index)
        if edit:
            self.setFocus()
            self.edit(index)
        return True

    def reveal_node(self, node_id: str) -> None:
        """Bring a node into sight without touching the selection: its ancestors open now, the scroll once
        the view has laid out the edit's rows (a zero timer: scrolling at once would lay them out before
        the edit's last changes, and then again; an undo of an add paid 3–5 ms more for it)."""
        index = self.index_for_id(node_id)
        if not index.isValid():
            return
        root = self.rootIndex()
        if root.isValid() and not _inside(index, root):
            self.select_node(node_id)  # out of the branch shown: select_node shows the whole plan
            return
        self._open_ancestors(index)
        if self._revealing is None:
            QTimer.singleShot(0, self, self._scroll_to_revealed)
        self._revealing = node_id

    def _scroll_to_revealed(self) -> None:
        node_id, self._revealing = self._revealing, None
        index = self.index_for_id(node_id) if node_id is not None else QModelIndex()
        if index.isValid():
            self.scrollTo(index)

    def _open_ancestors(self, index: QModelIndex) -> None:
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()

    def expand_node(self, node_id: str) -> None:
        index = self.index_for_id(node_id)
        if index.isValid():
            self.expand(index)

    def expanded_ids(self) -> set[str]:
        """Ids of the expanded nodes (to keep them open across a model switch)."""
        result: set[str] = set()
        model = self.model()
        if model is None:
            return result
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                if self.isExpanded(index):
                    result.add(index.data(NODE_ID_ROLE))
                    stack.append(index)
        return result

    def restore_expanded(self, ids: set[str]) -> None:
        for node_id in ids:
            index = self.index_for_id(node_id)
            if index.isValid():
                self.expand(index)

    def rowsAboutToBeRemoved(self, parent: ModelIndex, start: int, end: int) -> None:  # noqa: N802
        """Move the current row off the rows that go before Qt does.

        Qt moves it from inside its own handler, after the removal has already marked the layout
        stale, and pays a full relayout of every open row for it (and again after the removal).
        Done here first, the one relayout after the removal is all it costs. During an undo or redo,
        the node it will select (so the current row moves once); else the same choice as Qt: the next
        row, else the previous one, else the parent.
        """
        current = self.currentIndex()
        if current.isValid() and start <= current.row() <= end and current.parent() == parent:
            model = self.model()
            count = model.rowCount(parent)
            plan = self.plan_model()
            hint = plan.focus_hint() if plan is not None and self._moving is None else None  # a move: its own row
            target: ModelIndex
            if hint is not None and (hinted := self.index_for_id(hint)).isValid():
                target = hinted
            elif end + 1 < count:
                target = model.index(end + 1, 0, parent)
            elif start > 0:
                target = model.index(start - 1, 0, parent)
            else:
                target = parent
            if target.isValid():
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                self.selectionModel().setCurrentIndex(target, flags)
        super().rowsAboutToBeRemoved(parent, start, end)

    # --- moves: the model takes the row out and puts it back ------------------------------------
    def _row_moving(self, node_id: str) -> None:
        """Note what the moved row had in this view: its open branches, the current and selected rows, the
        branch shown alone; the current row Qt moves off the row meanwhile is not announced."""
        model = self.plan_model()
        node = model._by_id.get(node_id) if model is not None else None
        if node is None:
            return
        open_ids = {n.id for n in subtree(node) if self.isExpanded(self.index_for_id(n.id))}
        self._moving = (open_ids, self.current_node_id(), self.selected_node_ids(), self.root_id)

    def _row_moved(self, node_id: str) -> None:
        moving, self._moving = self._moving, None
        if moving is None:
            return
        open_ids, current_id, selected_ids, root_id = moving
        if root_id is not None and self.root_id is None:  # the branch shown alone was in the moved row
            self.show_branch(root_id)
        for open_id in open_ids:
            self.expand_node(open_id)
        selection = self.selectionModel()
        if current_id is None or selection is None:
            return
        rows = QItemSelectionModel.SelectionFlag.Rows
        selection.setCurrentIndex(self.index_for_id(current_id), QItemSelectionModel.SelectionFlag.ClearAndSelect | rows)
        for other in selected_ids:
            if other != current_id:
                selection.select(self.index_for_id(other), QItemSelectionModel.SelectionFlag.Select | rows)

    def currentChanged(self, current: ModelIndex, previous: ModelIndex) -> None:  # noqa: N802
        """Announce the current node when it is another node, not when its row moved.

        A move, an insert above it or an undo changes the current index's row but not the node;
        telling the detail pane again would rebuild it for nothing (it follows the document's own
        changes, e.g. its heading's number, by listening to the document).
        """
        super().currentChanged(current, previous)
        if self._moving is not None:  # the moved row is made current again when it is back (_row_moved)
            return
        node_id = current.data(NODE_ID_ROLE) if current.isValid() else ""
        if node_id != self._current_id:
            self._current_id = node_id
            self.current_node_changed.emit(node_id)


def _inside(index: QModelIndex, ancestor: QModelIndex) -> bool:
    """Whether ``index`` lies strictly below ``ancestor``."""
    parent = index.parent()
    while parent.isValid():
        if parent == ancestor:
            return True
        parent = parent.parent()
    return False
