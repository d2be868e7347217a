"""The main window: the plan tree on the left, the selected node's details on the right.

The window owns one :class:`editor.ui.session.session.EditSession` at a time (file, document, undo
stack, journal, lock) and rebuilds its model when another plan is opened; every dock follows
(checks, framework-chart preview, comparison). Docks and menus are added through
:meth:`MainWindow.add_dock` (``editor.ui.window_docks``) and :meth:`MainWindow.menu`; File ▸ Export lives in
``editor.ui.files.export_menu``, the Revisions menu and the comparison dock in ``editor.ui.revisions.menu``.

Start is progressive: the window first shows the tree, the detail pane, the menus and the
toolbar with the plan; the docks (undo history, checks, chart preview, comparison) are built
right after that first paint (:meth:`MainWindow.ensure_docks`, in ``editor.ui.window_docks``), or at once when something asks
for one of them. Modules needed only by a dialog or a dock are imported when it is first used.
"""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QVBoxLayout, QWidget

from editor.ui.actions import WindowActions
from editor.ui.checks.marks import CheckMarks
from editor.ui.detail.pane import DetailPane
from editor.ui.files import dialogs
from editor.ui.files.colleagues import ColleagueCommands
from editor.ui.files.export_menu import ExportMenu
from editor.ui.files.summary_menu import SummaryExports
from editor.ui.files.window_files import PlanFiles
from editor.ui.i18n import active_language, fill, translate
from editor.ui.pane_cycle import PaneCycle
from editor.ui.plan_properties import PlanProperties
from editor.ui.review.mode import ReviewMode
from editor.ui.revisions.menu import RevisionMenu
from editor.ui.session import undo_commands
from editor.ui.session.attribution import current_author
from editor.ui.session.session import EditSession
from editor.ui.tree.editing import TreeEditor
from editor.ui.tree.find_bar import FindBar
from editor.ui.tree.model import NODE_ID_ROLE, PlanTreeModel
from editor.ui.tree.outline_views import BranchFocus, expand_to_level
from editor.ui.tree.view import PlanTreeView
from editor.ui.window_docks import WindowDocks
from schema.document_listeners import OnChange

STATUS_TIMEOUT_MS = 8000
OPEN_STRATEGIES_LIMIT = 300  # above this, a thousand rows would open at once: focus areas start closed
CHECKS_DELAY_MS = 400  # checks run this long after the last edit, not on every keystroke


class _FirstPaint(QObject):
    """Calls ``then`` once, from the event loop, after the first paint of the watched widget."""

    def __init__(self, widget: QWidget, then):
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after the rest of the window has painted too
        return False


class MainWindow(PlanFiles, WindowDocks, QMainWindow):
    def __init__(self, session: EditSession | None = None, *, settings: QSettings | None = None, journal_dir: Path | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else QSettings()
        self.journal_dir = journal_dir
        self.session: EditSession | None = None
        self.model: PlanTreeModel | None = None

        self.tree = PlanTreeView()
        self.find_bar = FindBar(self.tree)
        self.detail = DetailPane()
        self.branch_focus = BranchFocus(self)  # View ▸ 只顯示此施政重點, with its bar above the tree
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.branch_focus.bar)
        left_layout.addWidget(self.find_bar)
        left_layout.addWidget(self.tree)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.setCentralWidget(self.splitter)

        self.undo_group = QUndoGroup(self)
        self.tree_editor = TreeEditor(self.tree, self._confirm, self)
        self.pane_cycle = PaneCycle(self)
        self.plan_properties = PlanProperties(self)  # File ▸ 計畫屬性…; the title follows any change of them
        self.window_actions = WindowActions(self, self.undo_group, self.tree)
        self.menus = self.window_actions.build_menus(self)
        self.toolbar = self.window_actions.build_toolbar(self)
        self.menus["view"].aboutToShow.connect(self.ensure_docks)  # the docks list themselves there
        self.export_menu = ExportMenu(self)
        self.colleagues = ColleagueCommands(self)  # File ▸ 分送局處… and 合併同仁版本…
        self.summary_exports = SummaryExports(self.export_menu)  # its summary tables, 含目錄 and 附錄
        self._docks: dict[str, QWidget] = {}  # built by ensure_docks
        self._findings: list | None = None  # of the last check run
        self._install_checks()
        self.revisions = RevisionMenu(self)
        self.review = ReviewMode(self)
        self.menus["help"] = self.window_actions.build_help_menu(self)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_context_menu)

        self.find_bar.match_shown.connect(self.detail.select_match)
        self.find_bar.replace_requested.connect(self.replace_text)
        for source in (self.tree_editor, self.detail):
            source.status_message.connect(self.show_status)
        self.tree.current_node_changed.connect(self.detail.show_node)
        self.undo_group.indexChanged.connect(self._stack_index_changed)
        self._last_stack_index = 0
        self.menus["recent"].aboutToShow.connect(self._fill_recent_menu)
        self.statusBar()
        self.resize(1280, 800)
        self._saved_state = self.restore_settings()
        self._first_paint = _FirstPaint(self.tree.viewport(), self.ensure_docks)
        self.set_session(session if session is not None else EditSession.new(journal_dir=journal_dir))

    @cached_property
    def printing(self):
        """File ▸ 預覽列印, 列印 (Ctrl+P); its module loads on first use."""
        from editor.ui.printing import PlanPrinting

        return PlanPrinting(self)

    # --- extension points ------------------------------------------------------------------------
    def _install_checks(self) -> None:
        """The checks (檢核結果), run shortly after the plan changes; their dock comes with the others."""
        # The findings speak the interface's language: the one whose translator is installed, not the
        # stored preference (a preference changed in this session takes effect after a restart).
        self.checks_lang = "en" if active_language() == "en" else "zh"
        self.check_marks = CheckMarks(self.tree)  # the tree marks nodes that have findings
        self._checks_timer = QTimer(self)
        self._checks_timer.setSingleShot(True)
        self._checks_timer.setInterval(CHECKS_DELAY_MS)
        self._checks_timer.timeout.connect(self.run_checks)
        self._change_listener = OnChange(self._checks_timer.start)

    def run_checks(self) -> None:
        from schema.checks import run_checks  # the first run is after the plan is on screen

        session = self.current_session()
        findings = self._findings = run_checks(session.document.content, session.plan.period, lang=self.checks_lang,
                                                 style=session.plan.numbering_style)
        self.check_marks.set_findings(findings)
        if self._docks:
            self.checks.set_findings(findings)

    def _rerun_checks(self) -> None:
        """The checks pane's 重新檢核 (F5): now, with the count in the status bar."""
        self._checks_timer.stop()
        self.run_checks()
        self.show_status(fill(translate("window", "已重新檢核：%1 項發現"), len(self._findings or [])))

    def menu(self, key: str) -> QMenu:
        """One of the menus: 'file', 'edit', 'view', 'recent', 'export', 'revisions'."""
        if key == "view":
            self.ensure_docks()  # it lists the docks
        return self.menus[key]

    # --- the plan shown ---------------------------------------------------------------------------
    def set_session(self, session: EditSession) -> None:
        """Show another plan; the previous session is closed (its journal cleared, its lock released)."""
        old = self.session
        if old is not None:
            for signal, slot in ((old.dirty_changed, self.update_title), (old.path_changed, self.update_title),
                                 (old.journal_failed, self._journal_failed)):
                signal.disconnect(slot)
            self.undo_group.removeStack(old.undo_stack)
        old_model = self.model
        if old_model is not None:
            old_model.detach()
        self.find_bar.reset()
        self.statusBar().clearMessage()  # 「已儲存 …」 was about the plan shown before
        self.session = session
        self.export_menu.reset()
        self.revisions.set_session(session)
        self.review.set_session(session)
        if self._docks:
            self.chart_preview.set_plan(session.plan, session.document)
            self.summary_tables.set_plan(session.plan, session.document)
        model = self.model = PlanTreeModel(session, self)
        model.status_message.connect(self.show_status)
        self.check_marks.attach(model)
        self.branch_focus.attach(model)  # the new plan is shown whole
        self.tree.setModel(model)
        if old_model is not None:  # its items (one per node of the plan shown before) go with it
            old_model.deleteLater()
        self.tree_editor.set_session(session)
        self.detail.set_session(session)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        self._last_stack_index = session.undo_stack.index()
        session.dirty_changed.connect(self.update_title)
        session.path_changed.connect(self.update_title)
        session.journal_failed.connect(self._journal_failed)
        self._change_listener.watch(session.document)
        self.plan_properties.watch(session)
        session.author = current_author(self.settings)  # who makes each edit (修改者)
        self._checks_timer.start()
        self.expand_default()
        first = session.document.content.focus
        self.tree.select_node(first.id)
        self.update_title()
        if old is not None and old is not session:
            old.close()

    def expand_default(self) -> None:
        """Sections and focus areas open, so the strategies are in view (in a plan of up to
        OPEN_STRATEGIES_LIMIT strategies; a bigger one opens with its focus areas closed); the preface's
        and the closing's long paragraphs closed."""
        content = self.current_session().document.content
        strategies = sum(len(area.strategies) for area in content.focus.focus_areas)
        self.tree.expandToDepth(1 if strategies <= OPEN_STRATEGIES_LIMIT else 0)
        for section in (content.preface, content.closing):
            self.tree.collapse(self.tree.index_for_id(section.id))

    def update_title(self, *_args: object) -> None:
        session = self.current_session()
        dirty = session.is_dirty()
        name = dialogs.display_name(session.path)
        # Qt shows [*] as "*" while the window is modified, and as nothing otherwise.
        self.setWindowTitle(fill("[*]%1 — %2 — %3", name, session.plan.title, translate("window", "中程施政計畫編輯器")))
        self.setWindowModified(dirty)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def _journal_failed(self, message: str) -> None:
        from editor.ui.files.file_errors import journal_error_text

        error = self.current_session().journal_error
        dialogs.show_error(self, translate("window", "無法寫入還原紀錄"),
                           translate("window", "還原紀錄無法寫入：當機時未儲存的編輯可能無法還原。請儘快儲存。"),
                           detail=journal_error_text(error) if error is not None else message)

    def _stack_index_changed(self, index: int) -> None:
        """After undo or redo, select and show the node the command changed: after an undo what it restored
        (``undo_focus_id``), after a redo what it made (``focus_id``)."""
        stack = self.undo_group.activeStack()
        if stack is None:  # the session's stack is going away with it
            return
        undone = index < self._last_stack_index
        self._last_stack_index = index
        command = stack.command(index if undone else index - 1)
        if command is None:
            return
        if not hasattr(command, "focus_id") and command.childCount():
            command = command.child(0)
        focus = getattr(command, "undo_focus_id" if undone else "focus_id", None)
        if not focus or focus not in self.current_session().document:
            return
        if not getattr(command, "replayed", False):  # a push: the edit's own code shows its item
            if focus != self.tree.current_node_id():
                self.tree.select_node(focus)
            return
        if focus != self.tree.current_node_id():
            self.tree.select_node(focus, scroll=False)
            self.tree.reveal_node(focus)
        elif getattr(command, "moves", False):  # still current, perhaps moved into a closed branch or out of sight
            self.tree.reveal_node(focus)

    def _confirm(self, title: str, text: str) -> bool:
        return dialogs.ask(self, title, text, [
            ("yes", translate("window", "刪除"), dialogs.Role.DestructiveRole),
            ("no", translate("window", "取消"), dialogs.Role.RejectRole),
        ], default="no") == "yes"

    # --- tree and find ------------------------------------------------------------------------------
    def rename_current(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index)

    def _tree_context_menu(self, position) -> None:
        index = self.tree.indexAt(position)
        if index.isValid() and index != self.tree.currentIndex():
            self.tree.select_node(self.tree.model().data(index, NODE_ID_ROLE))
        self.context_menu = self.window_actions.tree_context_menu(self)  # kept: a test reads what it offers
        self.context_menu.popup(self.tree.viewport().mapToGlobal(position))

    def expand_to_level(self, level: int) -> None:
        """View ▸ 展開至… (Ctrl+1, Ctrl+2, Ctrl+3): the tree open down to focus areas, strategies, everything."""
        expand_to_level(self.tree, level)

    def show_help(self, what: str):
        from editor.ui import help as help_dialogs

        return help_dialogs.show_about(self) if what == "about" else help_dialogs.show_shortcuts(self)

    def close_plan(self) -> None:
        """Ctrl+W: close the plan (asking to save it first); an empty plan takes its place."""
        self.new_plan()

    def edit_plan_properties(self) -> None:
        self.plan_properties.edit()

    def replace_text(self, query: str, replacement: str, everywhere: bool) -> int:
        """取代 / 全部取代 of the find bar: one undo step; the count in the status bar. How many places."""
        from schema.find_replace import matching_ids, replace_ops

        document = self.current_session().document
        ids = matching_ids(document, query)
        if not everywhere:
            current = self.tree.current_node_id()
            ids = [current] if current in ids else ids[:1]
        ops, count = replace_ops(document, query, replacement, ids)
        if not ops:
            self.show_status(fill(translate("window", "找不到「%1」"), query))
            return 0
        error = undo_commands.execute(self.current_session(), ops, fill(translate("window", "取代 %1 處"), count), focus_id=ids[0])
        if error:
            self.show_status(error)
            return 0
        self.show_status(fill(translate("window", "已取代 %1 處"), count))
        if not everywhere:
            self.find_bar.step(True)
        return count

    def start_find(self) -> None:
        self.find_bar.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.maybe_save():
            event.ignore()
            return
        self.save_settings()
        self.revisions.close_viewers()
        if self.model is not None:
            self.model.detach()
        self.current_session().close()
        event.accept()

    # --- settings -----------------------------------------------------------------------------------
    def show_preferences(self) -> None:
        from editor.ui.preferences import PreferencesDialog

        PreferencesDialog(self.settings, self).exec()
        self.current_session().author = current_author(self.settings)

    def restore_settings(self) -> bool:
        """Geometry, docks and splitter as they were; False when nothing was saved yet."""
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        return state is not None

    def save_settings(self) -> None:
        self.ensure_docks()  # so that their places are saved too
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
