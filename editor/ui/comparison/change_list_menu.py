"""The comparison view's change list: its context menu (right button, the Menu key or Shift+F10).

The menu goes to the item, accepts a change (keeps it: it leaves the list until the versions
change), rejects it (puts the older version back), shows it marked up in Review mode's view
(審閱檢視), or exports the two amendment documents; accepting, rejecting and Review mode need the
working draft as the newer version and a revision as the older. :class:`ChangeListMenu` is a part
of :class:`editor.ui.comparison.view.ComparisonView` (its list, model, combo boxes and signals).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from editor.ui.i18n import translate
from schema.compare import Change

if TYPE_CHECKING:
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QComboBox, QTreeView

    from editor.ui.comparison.change_list import ChangeListModel
    from schema.compare import Comparison
    from schema.model import PlanDocument


class ChangeListMenu(QWidget):
    """The change list's context menu, mixed into the comparison view."""

    if TYPE_CHECKING:  # what ComparisonView provides
        node_selected: ClassVar[Signal]
        export_table_requested: ClassVar[Signal]
        export_tracked_requested: ClassVar[Signal]
        reject_requested: ClassVar[Signal]
        review_requested: ClassVar[Signal]
        list: QTreeView
        model: ChangeListModel
        plan: PlanDocument | None
        comparison: Comparison | None
        old_combo: QComboBox
        new_combo: QComboBox
        kept: set[tuple[str, str]]
        _silent: bool

        def current_change(self) -> Change | None: ...
        def _tree_node(self, change: Change) -> str | None: ...
        def _update_filter_texts(self) -> None: ...
        def _select_row(self, row: int) -> None: ...

    def _install_context_menu(self) -> None:
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        # Shift+F10 opens it at the current row; the keyboard's Menu key does by itself (the window
        # system sends a context-menu event: a shortcut on it would open a second menu)
        menu_key = QAction(self.list)
        menu_key.setShortcut(QKeySequence("Shift+F10"))
        menu_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        menu_key.triggered.connect(lambda: self._context_menu(self.list.visualRect(self.list.currentIndex()).center()))
        self.list.addAction(menu_key)
        self.list.viewport().installEventFilter(self)  # the Menu key's context-menu event: at the current row
        self.list.installEventFilter(self)
        self.context_menu: QMenu | None = None  # while it is open

    # --- the change list's context menu -----------------------------------------------------------
    def is_draft_against_revision(self) -> bool:
        """Whether the newer version is the working draft and the older a revision (changes can be decided)."""
        plan = self.plan
        return plan is not None and self.new_combo.currentData() == plan.draft.id and self.old_combo.currentData() != plan.draft.id

    def _context_menu(self, position) -> None:
        if self.context_menu is not None:
            return  # one is open already
        index = self.list.indexAt(position)
        if index.isValid():
            self.list.setCurrentIndex(index)
        change = self.current_change()
        decidable = change is not None and self.is_draft_against_revision()
        target = self._tree_node(change) if change is not None else None
        menu = QMenu(self.list)
        menu.setObjectName("changeListMenu")
        for text, enabled, slot in (
            (translate("comparison", "到此項目(&G)"), target is not None, lambda: self.node_selected.emit(target)),
            (translate("comparison", "接受：保留此修正(&A)"), decidable, lambda: self.keep(change)),
            (translate("comparison", "拒絕：還原為舊版(&R)"), decidable, lambda: self.reject_requested.emit(change)),
            (translate("comparison", "在審閱檢視中查看(&V)"), self.is_draft_against_revision(), lambda: self._review(change)),
            (None, False, None),
            (translate("comparison", "匯出修正對照表(&T)…"), True, self.export_table_requested.emit),
            (translate("comparison", "匯出追蹤修訂文件(&K)…"), True, self.export_tracked_requested.emit),
        ):
            if text is None:
                menu.addSeparator()
                continue
            action = menu.addAction(text)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
        self.context_menu = menu
        try:
            menu.exec(self.list.viewport().mapToGlobal(position))
        finally:
            self.context_menu = None
            menu.deleteLater()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt name
        """A context menu asked for from the keyboard opens at the current row, not where the mouse happens to be."""
        if event.type() == QEvent.Type.ContextMenu and event.reason() == QContextMenuEvent.Reason.Keyboard \
                and watched in (self.list, self.list.viewport()):
            self._context_menu(self.list.visualRect(self.list.currentIndex()).center())
            return True
        return super().eventFilter(watched, event)

    def keep(self, change: Change | None) -> None:
        """Accept a change of the draft: it stays in the draft and leaves the list (until other versions are picked)."""
        if change is None or self.comparison is None:  # (a change is listed only from a comparison)
            return
        self.kept.add((change.kind, change.node_id))
        row = self.list.currentIndex().row()
        self._silent = True
        try:
            self.model.set_changes([c for c in self.comparison.changes if (c.kind, c.node_id) not in self.kept])
            self._update_filter_texts()
            self._select_row(min(row, self.model.rowCount() - 1))
        finally:
            self._silent = False

    def _review(self, change: Change | None) -> None:
        if self.is_draft_against_revision():
            target = self._tree_node(change) if change is not None else None
            self.review_requested.emit(self.old_combo.currentData(), target or "")
