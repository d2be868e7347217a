"""The Revisions menu (修正版) of the main window, the comparison dock (修正對照) and read-only viewers.

- 管理修正版… opens :class:`editor.ui.revisions.dialog.RevisionsDialog` on the session: creating,
  renaming and deleting a revision are document operations, undoable from the Edit menu, and mark
  the plan as changed (the window's title shows ``*``).
- 比較版本… shows the comparison dock (:class:`editor.ui.comparison.view.ComparisonView`). Its 修正說明
  edits go through ``undo_commands.execute_field`` (one undo step per typing burst); selecting a change
  selects its node in the tree and the tree's selection selects the node's change.
- 檢視過去的修正版 ▸ <label> opens :class:`editor.ui.comparison.readonly_view.RevisionViewer` in a window of its own.
- The comparison's Export table… / Export with tracked changes… buttons (and Review mode's) call
  ``editor.ui.files.amendment_export`` (imported on first use: python-docx is not needed at start),
  starting in the last export's folder (File ▸ Export's setting) and remembering the folder chosen.
- Rejecting a change from the comparison's change list puts the older version back
  (``schema.review.restore_operations``) as one undo step; 審閱檢視 opens Review mode's view on it.

The menu exists from the start; the comparison dock is built with the window's other docks
(:meth:`RevisionMenu.build_dock`, called by ``MainWindow.ensure_docks``), and the dialog and the
viewers' modules are imported when first opened.
"""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from editor.ui.i18n import dated, node_kind_name, translate
from editor.ui.session import undo_commands
from editor.ui.session.operation_errors import operation_error_text
from editor.ui.text import removed_note, strip_controls
from schema.document_listeners import OnRevisionsChange

if TYPE_CHECKING:
    from editor.ui.comparison.readonly_view import RevisionViewer
    from editor.ui.comparison.view import ComparisonView
    from editor.ui.main_window import MainWindow
    from editor.ui.revisions.dialog import RevisionsDialog
    from editor.ui.session.session import EditSession


class RevisionMenu(QObject):
    """The menu, the comparison dock and the viewers of ``window`` (a MainWindow), for its current session."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.menu = window.menuBar().addMenu(translate("revision_menu", "修正版(&R)"))
        self.menu.setObjectName("revisionsMenu")
        window.menus["revisions"] = self.menu
        self.manage_action = self.menu.addAction(translate("revision_menu", "管理修正版(&M)…"), self.manage)
        self.manage_action.setStatusTip(translate("revision_menu", "由工作草稿建立修正版、重新命名或刪除修正版"))
        self.compare_action = self.menu.addAction(translate("revision_menu", "比較版本(&C)…"), self.compare)
        self.compare_action.setShortcut("Ctrl+Shift+D")
        self.compare_action.setStatusTip(translate("revision_menu", "逐項列出兩個版本之間的修正"))
        self.view_menu = self.menu.addMenu(translate("revision_menu", "檢視過去的修正版(&V)"))
        self.view_menu.aboutToShow.connect(self._fill_view_menu)
        self._comparison: ComparisonView | None = None
        self._comparison_dock: QDockWidget | None = None
        window.tree.current_node_changed.connect(self._tree_selected)
        self._following = False  # the tree is following the comparison: do not follow it back
        self.viewers: list[RevisionViewer] = []  # the windows showing past revisions
        self.dialog: RevisionsDialog | None = None  # while it is open
        # Told by the session's document when a revision operation was applied (made, undone, redone).
        self._revisions_listener = OnRevisionsChange(self.revisions_changed)

    def build_dock(self) -> None:
        """The comparison dock (hidden), sharing the bottom area with the checks dock."""
        from editor.ui.comparison.view import ComparisonView

        window = self.window
        comparison = self._comparison = ComparisonView(set_note=self.set_note)
        dock = self._comparison_dock = window.add_dock(
            comparison, translate("revision_menu", "修正對照"), "comparison", Qt.DockWidgetArea.BottomDockWidgetArea)
        dock.hide()
        window.tabifyDockWidget(window.checks_dock, dock)  # the bottom area has room for one of them
        dock.dockLocationChanged.connect(self._fit_orientation)
        dock.topLevelChanged.connect(self._fit_orientation)
        self._fit_orientation()
        comparison.node_selected.connect(self._change_selected)
        comparison.export_table_requested.connect(lambda: self.export_amendments("table"))
        comparison.export_tracked_requested.connect(lambda: self.export_amendments("tracked"))
        comparison.reject_requested.connect(self.reject_change)
        comparison.review_requested.connect(lambda old_id, node_id: self.window.review.show_draft(old_id, node_id))
        if window.session is not None:
            comparison.set_plan(window.session.plan, window.session.document)

    @property
    def comparison(self) -> ComparisonView:
        """The comparison view (:class:`editor.ui.comparison.view.ComparisonView`)."""
        if self._comparison is None:
            self.window.ensure_docks()
        assert self._comparison is not None  # ensure_docks builds it (build_dock)
        return self._comparison

    @property
    def comparison_dock(self) -> QDockWidget:
        if self._comparison_dock is None:
            self.window.ensure_docks()
        assert self._comparison_dock is not None  # ensure_docks builds it (build_dock)
        return self._comparison_dock

    @property
    def session(self) -> EditSession:
        return self.window.current_session()

    def set_session(self, session: EditSession) -> None:
        """Another plan is shown: compare its versions; viewers of the previous plan close."""
        self._revisions_listener.watch(session.document)
        if self._comparison is not None:
            self._comparison.set_plan(session.plan, session.document)
        self.close_viewers()

    def close_viewers(self) -> None:
        for viewer in list(self.viewers):
            viewer.close()
        self.viewers.clear()

    def revisions_changed(self) -> None:
        """A revision was made, renamed or deleted, or that was undone or redone (the document says so)."""
        if self.window.docks_built():
            self.comparison.refresh()
            self.window.chart_preview.refresh()  # the chart's title names the version
        for viewer in list(self.viewers):  # a deleted revision's viewer closes (identity: revisions are big)
            if not any(r is viewer.revision for r in self.session.plan.revisions):
                self.viewers.remove(viewer)
                viewer.close()

    # --- the menu's actions -------------------------------------------------------------------
    def manage(self) -> None:
        """The revisions dialog (modal); its commands go on the session's undo stack."""
        from editor.ui.revisions.dialog import RevisionsDialog

        session = self.session
        dialog = RevisionsDialog(session, parent=self.window)
        dialog.view_requested.connect(self.view_revision)
        self.dialog = dialog
        try:
            dialog.exec()
        finally:
            self.dialog = None
            session.undo_stack.indexChanged.disconnect(dialog.refresh)
            dialog.deleteLater()

    def compare(self) -> None:
        """Show the comparison dock, in front of any dock sharing its place."""
        dock = self.comparison_dock
        first = dock.isHidden()
        dock.show()
        dock.raise_()
        if first and not dock.isFloating():  # the list and the two side-by-side texts need room
            # once the window has laid the shown dock out: resizing before that has no effect
            QTimer.singleShot(0, lambda: self.window.resizeDocks(
                [dock], [max(300, self.window.height() * 9 // 20)], Qt.Orientation.Vertical))
        self.comparison.list.setFocus()
        node = self.window.tree.current_node_id()
        if node:
            self.comparison.update_now()
            self.comparison.select_node(node)

    def view_revision(self, label: str) -> RevisionViewer:
        """A window showing a past revision read-only (a RevisionViewer; raised if already open)."""
        from editor.ui.comparison.readonly_view import RevisionViewer

        for viewer in self.viewers:
            if viewer.revision.label == label:
                viewer.show()
                viewer.raise_()
                viewer.activateWindow()
                return viewer
        viewer = RevisionViewer(self.session.plan, label, parent=self.window)
        viewer.setWindowFlag(Qt.WindowType.Window, True)  # its own window, owned by the editor's
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        viewer.destroyed.connect(lambda _obj=None, v=viewer: self.viewers.remove(v) if v in self.viewers else None)
        current = self.window.tree.current_node_id()
        if current:
            viewer.select_node(current)  # the same item, as it was then (when it existed)
        viewer.resize(960, 640)
        viewer.show()
        self.viewers.append(viewer)
        return viewer

    def _fill_view_menu(self) -> None:
        menu = self.view_menu
        menu.clear()
        for revision in reversed(self.session.plan.revisions):
            menu.addAction(dated(revision.label, revision.date), partial(self.view_revision, revision.label))
        if menu.isEmpty():
            menu.addAction(translate("revision_menu", "（還沒有修正版）")).setEnabled(False)

    # --- the comparison dock ------------------------------------------------------------------
    def set_note(self, node_id: str, text: str) -> None:
        """A 修正說明 typed in the comparison view: one undoable step per typing burst."""
        session = self.session
        if node_id not in session.document:
            return
        text, removed = strip_controls(text)
        if removed:
            self.window.show_status(removed_note(removed))
        node = session.document.node(node_id)
        label = undo_commands.field_text(node_kind_name(session.document, node), "note")
        error = undo_commands.execute_field(session, node_id, "note", text, label, typing=True)
        if error:
            self.window.show_status(error)

    def _fit_orientation(self, *_args) -> None:
        """In a wide, low dock (top or bottom) the change list and the texts stand side by side; in a tall one, stacked."""
        area = self.window.dockWidgetArea(self.comparison_dock)
        wide = not self.comparison_dock.isFloating() and area in (Qt.DockWidgetArea.BottomDockWidgetArea,
                                                                  Qt.DockWidgetArea.TopDockWidgetArea)
        self.comparison.set_orientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)

    def _change_selected(self, node_id: str) -> None:
        self._following = True
        try:
            self.window.tree.select_node(node_id)
        finally:
            self._following = False

    def _tree_selected(self, node_id: str) -> None:
        dock, comparison = self._comparison_dock, self._comparison
        if node_id and not self._following and dock is not None and comparison is not None and dock.isVisible() \
                and not comparison.is_stale():
            self.comparison.select_node(node_id)

    def reject_change(self, change) -> None:
        """A change of the draft rejected in the comparison's list: the older version's text or item put back."""
        from schema.operations import OperationError
        from schema.review import restore_operations

        old, _new = self.comparison.selected_versions()
        try:
            ops = restore_operations(self.session.document, change, old.content)
        except OperationError as exc:
            self.window.show_status(operation_error_text(exc))
            return
        error = undo_commands.execute(self.session, ops, translate("revision_menu", "拒絕修正")) if ops else None
        if error:
            self.window.show_status(error)

    def export_amendments(self, what: str, old_id: str | None = None, new_id: str | None = None):
        """The 修正對照表 ('table') or tracked-changes document ('tracked') of the comparison's two versions,
        or of ``old_id`` → ``new_id`` (Review mode's); the path written, or None."""
        from editor.ui.files import amendment_export
        from editor.ui.files.export_menu import FOLDER_KEY, export_folder

        plan = self.session.plan
        if old_id is None or new_id is None:
            comparison = self.comparison.current_comparison()
            if comparison is None:
                return None
            old, new = self.comparison.selected_versions()
        else:
            from schema.compare import compare

            versions = {r.id: r for r in [*plan.revisions, plan.draft]}
            old, new = versions[old_id], versions[new_id]
            comparison = compare(old.content, new.content, new.authors)
        settings = self.window.settings
        folder = export_folder(self.window)
        if what == "table":
            written = amendment_export.export_amendment_table(self.window, plan, old, new, comparison, directory=folder,
                                                              authors=amendment_export.table_names_authors(settings))
        else:
            written = amendment_export.export_tracked_document(self.window, plan, old, new, comparison, directory=folder)
        if written is not None:
            settings.setValue(FOLDER_KEY, str(written.parent))
        return written
