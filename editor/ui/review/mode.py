"""Review mode (審閱) in the main window: its menu, its dock, and reading a reviewer's document.

- 審閱模式 (Ctrl+Shift+R) shows the review dock (:class:`editor.ui.review.view.ReviewView`) with the
  keyboard in its text; a plan opened with pending proposals shows it by itself.
- 讀入審閱文件… reads a reviewed .docx (``editor.review.read_review``) and adds its proposals to
  the plan as one undo step; a file that is not a review of this plan is one sentence, and the
  plan is not touched.
- 工作草稿對照修正版 shows the draft's changes against the latest revision in the same view, where
  rejecting one puts the revision's text back (the comparison dock's 審閱檢視 opens it on any revision).
- 匯出修正對照表… / 匯出追蹤修訂文件… (also buttons of the view) write the draft against that revision
  through the Revisions menu's export (``RevisionMenu.export_amendments``, the one export runner).

The dock and ``editor.review`` are built/imported on first use.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog

from editor.ui.i18n import fill, translate
from editor.ui.session import undo_commands

if TYPE_CHECKING:
    from editor.ui.review.view import ReviewView


class ReviewMode(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.menu = window.menuBar().addMenu(translate("review", "審閱(&W)"))
        self.menu.setObjectName("reviewMenu")
        window.menus["review"] = self.menu
        self.show_action = self.menu.addAction(translate("review", "審閱模式(&M)"), self.show)
        self.show_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.show_action.setStatusTip(translate("review", "逐項檢視、接受或拒絕修正建議與註解"))
        self.draft_action = self.menu.addAction(translate("review", "工作草稿對照修正版(&D)"), lambda: self.show_draft())
        self.read_action = self.menu.addAction(translate("review", "讀入審閱文件(&I)…"), self.read_document_dialog)
        self.menu.addSeparator()
        self.table_action = self.menu.addAction(translate("review", "匯出修正對照表(&T)…"), lambda: self.export("table"))
        self.tracked_action = self.menu.addAction(translate("review", "匯出追蹤修訂文件(&K)…"), lambda: self.export("tracked"))
        for action in (self.table_action, self.tracked_action):
            action.setStatusTip(translate("review", "工作草稿對照審閱模式所對照的修正版（預設為最新的修正版）"))
        self._view: ReviewView | None = None
        self._dock: QDockWidget | None = None

    @property
    def view(self) -> ReviewView:
        return self._built()[0]

    @property
    def dock(self) -> QDockWidget:
        return self._built()[1]

    def _built(self) -> tuple[ReviewView, QDockWidget]:
        if self._view is None or self._dock is None:
            return self._build()
        return self._view, self._dock

    def _build(self) -> tuple[ReviewView, QDockWidget]:
        from editor.ui.review.view import ReviewView

        window = self.window
        self._view = view = ReviewView(current_node=window.tree.current_node_id)
        self._dock = dock = window.add_dock(view, translate("review", "審閱"), "review", Qt.DockWidgetArea.BottomDockWidgetArea)
        dock.hide()
        view.node_selected.connect(window.tree.select_node)
        view.status_message.connect(window.show_status)
        view.export_requested.connect(self.export)
        window.tree.current_node_changed.connect(self._tree_selected)
        if window.session is not None:
            view.set_session(window.session)
        return view, dock

    def set_session(self, session) -> None:
        if self._view is not None:
            self._view.set_session(session)
        if any(p.status == "pending" for p in session.plan.proposals):
            QTimer.singleShot(0, self.show)  # once the window is up: the reviewers' proposals are waiting

    def show(self) -> None:
        dock = self.dock
        first = dock.isHidden()
        dock.show()
        dock.raise_()
        if first and not dock.isFloating():
            QTimer.singleShot(0, lambda: self.window.resizeDocks(
                [dock], [max(320, self.window.height() // 2)], Qt.Orientation.Vertical))
        self.view.text.setFocus()

    def show_draft(self, revision_id: str | None = None, node_id: str = "") -> None:
        """The draft's changes against a revision (the latest by default), at ``node_id``'s first change if given."""
        self.show()
        revisions = self.window.session.plan.revisions
        if not revisions:
            self.window.show_status(translate("review", "還沒有修正版可以對照"))
            return
        rebuilt = self.view.show_draft_against(revision_id or revisions[-1].id)
        if node_id:
            self.view.go_to_node(node_id, refresh=not rebuilt)

    def export(self, what: str):
        """The 修正對照表 ('table') or tracked-changes document of the draft against the revision Review
        mode compares with (the latest when it shows proposals); the path written, or None."""
        plan = self.window.session.plan
        base = self.view.base_revision() or (plan.revisions[-1] if plan.revisions else None)
        if base is None:
            self.window.show_status(translate("review", "還沒有修正版可以對照"))
            return None
        return self.window.revisions.export_amendments(what, base.id, plan.draft.id)

    def _tree_selected(self, _node_id: str) -> None:
        if self._view is not None and self._view.branch.isChecked():
            self._view.refresh()

    # --- reading a reviewer's document ------------------------------------------------------------
    def read_document_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self.window, translate("review", "讀入審閱文件"), "",
                                                    translate("review", "Word 文件 (*.docx)"))
        if path:
            self.read_document(Path(path))

    def read_document(self, path: Path) -> str | None:
        """Add the proposals of a reviewed document as one undo step; return the sentence shown when it cannot
        (a file that cannot be read as a review of this plan: in a message box, as File ▸ Import… does)."""
        from editor.review import ReviewError, read_review
        from editor.ui.files import dialogs
        from editor.ui.files.document_errors import document_error_text
        from schema.review import add_proposal

        session = self.window.session
        try:
            result = read_review(session.plan, path)
        except ReviewError as exc:
            message = document_error_text(exc)
            self.window.show_status(fill(translate("review", "無法讀入審閱文件「%1」。"), path.name))
            dialogs.show_error(self.window, translate("review", "讀入審閱文件"),
                               fill(translate("review", "無法讀入審閱文件「%1」。"), path.name), detail=message, name="reviewError")
            return message
        found = result.proposals + result.unplaced
        if found:
            error = undo_commands.execute(session, [add_proposal(p) for p in found],
                                          fill(translate("review", "讀入審閱文件 %1"), path.name))
            if error:
                self.window.show_status(error)
                return error
        self.window.show_status(fill(translate("review", "讀入 %1 項修正建議，%2 項無法對應到項目"), len(result.proposals), len(result.unplaced)))
        self.show()
        return None
