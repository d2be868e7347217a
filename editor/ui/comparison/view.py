"""The comparison view (修正對照): what changed between any two versions of the plan, item by item.

A standalone widget that the main window mounts (in a dock or a tab). Two combo boxes pick the
versions (every revision and the working draft; by default the latest revision → the draft).
The list shows each change once with a filter by kind and the count of each kind; the selected
change's older and newer texts stand side by side with deletions struck through in red and
insertions underlined in green, and its 修正說明 (why it changed) can be written right there.

The change list's context menu (right button, the Menu key or Shift+F10) goes to the item,
accepts a change (keeps it: it leaves the list until the versions change), rejects it (puts the
older version back), shows it marked up in Review mode's view (審閱檢視, also a button), or exports
the two amendment documents; accepting, rejecting and Review mode need the working draft as the
newer version and a revision as the older (``change_list_menu.py``).

The view never edits the plan itself: a note goes to the ``set_note(node_id, text)`` callback,
a rejection to the ``reject_requested`` signal,
which the window wires to an undoable command, and the view learns of any edit through
:meth:`ComparisonView.refresh` (or by watching the document, see :meth:`set_plan`). Comparing is
lazy: it runs only while the view is visible, :data:`DEBOUNCE_MS` after the last edit, so
typing in the editor never waits for it.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor.ui.comparison.change_detail import ChangeDetail
from editor.ui.comparison.change_list import ALL, CHANGE_COLOURS, CHANGE_SIGNS, ChangeListModel, change_name
from editor.ui.comparison.change_list_menu import ChangeListMenu
from editor.ui.i18n import counted, translate, version_name
from editor.ui.lazy_refresh import LazyRefresh
from editor.ui.widgets import named
from schema.compare import KINDS_OF_CHANGE, Change, Comparison, compare
from schema.document import Document
from schema.document_listeners import OnChange
from schema.model import PlanDocument, Revision
from schema.tree import walk

DEBOUNCE_MS = 300  # after the last edit; long enough that a typing burst is compared once


class ComparisonView(ChangeListMenu, QWidget):
    node_selected = Signal(str)  # a change was picked: the id of its node in the working draft
    export_table_requested = Signal()  # 修正對照表 of the two versions shown
    export_tracked_requested = Signal()  # Word document with tracked changes
    reject_requested = Signal(object)  # a Change of the draft against a revision: put the revision's version back
    review_requested = Signal(str, str)  # (the older revision's id, the draft node to show): Review mode's view

    def __init__(self, set_note: Callable[[str, str], None] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("comparisonView")
        self.set_note = set_note
        self.plan: PlanDocument | None = None
        self.comparison: Comparison | None = None
        self._document: Document | None = None
        self._watcher = OnChange(self.refresh)
        self._versions_key: tuple = ()
        self._refresh = LazyRefresh(self, self.update_now, DEBOUNCE_MS)
        self._silent = False  # selection or note text set by the program: no signal, no callback
        self._draft_ids: set[str] = set()
        self.kept: set[tuple[str, str]] = set()  # changes accepted from the context menu: (kind, node id)
        self._build()

    # --- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.old_combo = named(QComboBox(), "oldVersion")
        self.new_combo = named(QComboBox(), "newVersion")
        for combo in (self.old_combo, self.new_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._versions_picked)
        self.swap_button = named(QToolButton(), "swapVersions")
        self.swap_button.setText("⇄")
        self.swap_button.setToolTip(translate("comparison", "對調兩個版本"))
        self.swap_button.clicked.connect(self.swap_versions)
        self.export_table_button = named(QPushButton(translate("comparison", "匯出修正對照表…")), "exportTable")
        self.export_tracked_button = named(QPushButton(translate("comparison", "匯出追蹤修訂文件…")), "exportTracked")
        self.review_button = named(QPushButton(translate("comparison", "審閱檢視…")), "reviewMarkup")
        self.review_button.setToolTip(translate("comparison", "在審閱模式中看整份工作草稿標示出的修正，逐項接受或拒絕"))
        self.review_button.clicked.connect(lambda: self._review(self.current_change()))
        self.export_table_button.clicked.connect(self.export_table_requested)
        self.export_tracked_button.clicked.connect(self.export_tracked_requested)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("comparison", "比較")))
        top.addWidget(self.old_combo)
        top.addWidget(QLabel("→"))
        top.addWidget(self.new_combo)
        top.addWidget(self.swap_button)
        top.addStretch(1)
        top.addWidget(self.review_button)
        top.addWidget(self.export_table_button)
        top.addWidget(self.export_tracked_button)

        self.filter_group = QButtonGroup(self)
        self.filter_buttons: dict[str, QToolButton] = {}
        filters = QHBoxLayout()
        filters.addWidget(QLabel(translate("comparison", "顯示：")))
        for kind in (ALL, *KINDS_OF_CHANGE):
            button = named(QToolButton(), f"filter_{kind}")
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            if kind != ALL:
                button.setStyleSheet(f"QToolButton {{ color: {CHANGE_COLOURS[kind]}; }}")
            self.filter_group.addButton(button)
            self.filter_buttons[kind] = button
            button.clicked.connect(lambda _checked=False, k=kind: self.set_kind_filter(k))
            filters.addWidget(button)
        self.filter_buttons[ALL].setChecked(True)
        filters.addStretch(1)

        self.model = ChangeListModel(self)
        self.list = named(QTreeView(), "changeList")
        self.list.setModel(self.model)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the title takes what the others leave
        header.setResizeContentsPrecision(50)  # sizing looks at 50 rows, not at every change of a big plan
        self.list.selectionModel().currentRowChanged.connect(self._current_changed)
        self._install_context_menu()

        self.detail = ChangeDetail()
        self.detail.note_edited.connect(self._note_typed)
        # the detail's parts, by the names the window and the tests use
        d = self.detail
        self.heading, self.place, self.old_caption, self.new_caption = d.heading, d.place, d.old_caption, d.new_caption
        self.old_text, self.new_text, self.note_label, self.note_edit = d.old_text, d.new_text, d.note_label, d.note_edit

        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("comparisonSplitter")
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.empty_label = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True), "emptyState")
        self.empty_label.setStyleSheet("font-size: 16pt; color: #555555;")
        self.stack = QStackedWidget()
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        self._update_filter_texts()
        self._show_change(None)

    # --- what the window calls ------------------------------------------------------------------
    def set_plan(self, plan: PlanDocument, document: Document | None = None) -> None:
        """Compare versions of ``plan``; with ``document`` (the draft's), every edit of it refreshes the view."""
        self._watcher.watch(document)
        self._document = document
        self.plan = plan
        self._versions_key = ()
        self.comparison = None
        self.model.set_changes([])
        self.refresh()

    def refresh(self) -> None:
        """The plan changed (an edit, a new or renamed revision): compare again soon, if visible."""
        self._sync_versions()
        self._refresh.request()

    def update_now(self) -> None:
        """Compare the two chosen versions now (the debounced refresh ends here)."""
        self._refresh.done()
        if self.plan is None:
            return
        self._refresh.stale = False
        old, new = self.selected_versions()
        self.comparison = Comparison([], {k: 0 for k in KINDS_OF_CHANGE}, "id") if old is new else compare(old.content, new.content, new.authors)
        self._draft_ids = {node.id for node, _parent in walk(self.plan.draft.content)}
        self.detail.set_captions(self._version_name(old), self._version_name(new))
        self.review_button.setEnabled(self.is_draft_against_revision())
        key = self._current_key()
        self._silent = True
        try:
            self.model.set_changes([c for c in self.comparison.changes if (c.kind, c.node_id) not in self.kept])
            self._fit_columns()
            self._update_filter_texts()
            if not self.comparison.changes:
                self.empty_label.setText(translate("comparison", "兩個版本沒有差異"))
                self.stack.setCurrentWidget(self.empty_label)
                self._show_change(None)
                return
            self.stack.setCurrentIndex(0)
            row = self.model.row_of(key) if key else -1
            self._select_row(row if row >= 0 else 0)
        finally:
            self._silent = False

    def current_comparison(self) -> Comparison | None:
        """The comparison shown, brought up to date first (what an export of the view should write)."""
        if self._refresh.stale:
            self.update_now()
        return self.comparison

    def selected_versions(self) -> tuple[Revision, Revision]:
        """(older, newer) as picked in the combo boxes."""
        return self._revision(self.old_combo.currentData()), self._revision(self.new_combo.currentData())

    def set_versions(self, old_id: str, new_id: str) -> None:
        """Pick two versions by revision id (``plan.draft.id`` for the working draft)."""
        for combo, rid in ((self.old_combo, old_id), (self.new_combo, new_id)):
            index = combo.findData(rid)
            if index < 0:
                raise KeyError(f"no version with id {rid!r} in this plan")
            combo.setCurrentIndex(index)

    def swap_versions(self) -> None:
        self.set_versions(self.new_combo.currentData(), self.old_combo.currentData())

    def set_kind_filter(self, kind: str) -> None:
        """Show only changes of that kind ('added', 'removed', 'modified', 'moved') or 'all'."""
        key = self._current_key()
        self.filter_buttons[kind].setChecked(True)
        self._silent = True
        try:
            self.model.set_kind_filter(kind)
            self._fit_columns()
            row = self.model.row_of(key) if key else -1
            self._select_row(row if row >= 0 else 0)
        finally:
            self._silent = False

    def select_node(self, node_id: str) -> bool:
        """Show the change of that node, if it has one (the tree's selection followed); no signal."""
        for row, change in enumerate(self.model.visible):
            if change.node_id == node_id:
                self._silent = True
                try:
                    self._select_row(row)
                finally:
                    self._silent = False
                return True
        return False

    def current_change(self) -> Change | None:
        return self.model.change(self.list.currentIndex())

    def set_orientation(self, orientation: Qt.Orientation) -> None:
        """Horizontal: the change list and the two texts side by side (a wide, low dock), the list taking
        two fifths of the width; vertical: the list above the texts (a tall dock or a window of its own)."""
        splitter = self.splitter
        if splitter.orientation() == orientation and orientation == Qt.Orientation.Vertical:
            return
        splitter.setOrientation(orientation)
        if orientation == Qt.Orientation.Horizontal:  # the list's five columns need about two fifths
            width = max(self.width(), self.window().width())  # a dock not laid out yet is still narrow
            splitter.setSizes([width * 2 // 5, width - width * 2 // 5])

    def orientation(self) -> Qt.Orientation:
        return self.splitter.orientation()

    # --- versions -------------------------------------------------------------------------------
    def _revision(self, rid: str | None) -> Revision:
        plan = self.plan
        assert plan is not None  # the combo boxes hold versions only once there is a plan
        if rid == plan.draft.id:
            return plan.draft
        return next((r for r in plan.revisions if r.id == rid), plan.draft)

    def _version_name(self, revision: Revision) -> str:
        return version_name(self.plan, revision)

    def _sync_versions(self) -> None:
        """Rebuild the combo boxes when revisions came, went or were renamed; keep the choice if it still exists."""
        plan = self.plan
        if plan is None:
            return
        key = (tuple((r.id, r.label, r.date) for r in plan.revisions), plan.draft.id, plan.draft.label)
        if key == self._versions_key:
            return
        first = not self._versions_key
        self._versions_key = key
        old_id, new_id = self.old_combo.currentData(), self.new_combo.currentData()
        versions = [*plan.revisions, plan.draft]
        ids = [r.id for r in versions]
        if first or old_id not in ids:
            old_id = plan.revisions[-1].id if plan.revisions else plan.draft.id
        if first or new_id not in ids:
            new_id = plan.draft.id
        for combo, chosen in ((self.old_combo, old_id), (self.new_combo, new_id)):
            combo.blockSignals(True)
            combo.clear()
            for revision in versions:
                combo.addItem(self._version_name(revision), revision.id)
            combo.setCurrentIndex(ids.index(chosen))
            combo.blockSignals(False)
        self._refresh.stale = True

    def _versions_picked(self, _index: int) -> None:
        self.kept.clear()
        self._refresh.request_now()  # a deliberate choice: no need to wait for more

    # --- the list and the selected change -------------------------------------------------------
    def _update_filter_texts(self) -> None:
        counts = {k: 0 for k in KINDS_OF_CHANGE}
        for change in self.model.changes:
            counts[change.kind] += 1
        total = sum(counts.values())
        for kind, button in self.filter_buttons.items():
            count = total if kind == ALL else counts[kind]
            sign = "" if kind == ALL else CHANGE_SIGNS[kind] + " "
            button.setText(sign + counted(change_name(kind), count))

    def _fit_columns(self) -> None:
        # Once per comparison, not on every selection (ResizeToContents would measure rows each time).
        for column in (0, 1, 2, 4):
            self.list.resizeColumnToContents(column)

    def _current_key(self) -> tuple[str, str] | None:
        change = self.current_change()
        return (change.kind, change.node_id) if change else None

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, 0)
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.list.scrollTo(index)
            self._show_change(self.model.change(index))
        else:
            self.list.selectionModel().clearSelection()
            self._show_change(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        change = self.model.change(current)
        self._show_change(change)
        if change is not None and not self._silent:
            target = self._tree_node(change)
            if target is not None:
                self.node_selected.emit(target)

    def _tree_node(self, change: Change) -> str | None:
        """The draft's node to select for a change: the node itself, or for a removal the parent it left."""
        nid = change.old.parent_id if change.kind == "removed" and change.old is not None else change.node_id
        return nid if nid in self._draft_ids else None

    def _note_target(self, change: Change | None) -> str | None:
        """Where this change's 修正說明 lives: only in the working draft, as the newer version."""
        if change is None or self.plan is None or self.set_note is None:
            return None
        if self.new_combo.currentData() != self.plan.draft.id or self.old_combo.currentData() == self.plan.draft.id:
            return None
        return self._tree_node(change)

    def _show_change(self, change: Change | None) -> None:
        self.detail.show_change(change, editable=self._note_target(change) is not None)

    def _note_typed(self, text: str) -> None:
        change = self.current_change()
        target = self._note_target(change)
        if target is None or self.set_note is None:  # (no target without a set_note callback)
            return
        for other in self.model.changes:  # the list shows the new note before the next comparison
            if self._tree_node(other) == target:  # a removal's note is its parent's note
                other.note = text
        self.set_note(target, text)

    # --- visibility: compare only when seen ----------------------------------------------------
    def is_stale(self) -> bool:
        """True while an edit has not been compared yet (the view is hidden or waiting for the pause)."""
        return self._refresh.stale
