"""The main window's docks: undo history, checks, chart preview, the summary tables' overview.

:class:`WindowDocks` is a part of :class:`editor.ui.main_window.MainWindow`. The docks are built
right after the window's first paint (:meth:`WindowDocks.ensure_docks`), or at once when
something asks for one of them (the properties below); the comparison dock is added by
``editor.ui.revisions.menu``. :meth:`WindowDocks.add_dock` docks a widget and lists it in the
View menu.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from editor.ui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoGroup
    from PySide6.QtWidgets import QMenu

    from editor.ui.revisions.menu import RevisionMenu
    from editor.ui.session.session import EditSession
    from editor.ui.tree.view import PlanTreeView
    from schema.checks import Finding


class WindowDocks(QMainWindow):
    """The docks of the main window, built on first use."""

    if TYPE_CHECKING:  # what MainWindow provides
        settings: QSettings
        menus: dict[str, QMenu]
        tree: PlanTreeView
        undo_group: QUndoGroup
        revisions: RevisionMenu
        checks_lang: str
        _docks: dict[str, QWidget]
        _findings: list[Finding] | None
        _saved_state: bool

        def current_session(self) -> EditSession: ...
        def _rerun_checks(self) -> None: ...

    def add_dock(self, widget: QWidget, title: str, name: str, area=Qt.DockWidgetArea.BottomDockWidgetArea) -> QDockWidget:
        """Dock ``widget`` and list it in the View menu (``name`` keys its saved position)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.menus["view"].addAction(dock.toggleViewAction())
        return dock

    def ensure_docks(self) -> None:
        """Build the docks (undo history, checks, chart preview, comparison) unless they are built.

        Called right after the window's first paint, so that the plan is on screen first, and by
        anything that needs a dock before that.
        """
        if self._docks:
            return
        from PySide6.QtWidgets import QUndoView

        from editor.ui.chart_preview import ChartPreview
        from editor.ui.checks.pane import ChecksPane

        undo_view = self._docks["undo_view"] = QUndoView(self.undo_group)
        undo_view.setEmptyLabel(translate("window", "〈開啟時的狀態〉"))
        undo_dock = self._docks["undo_dock"] = self.add_dock(
            undo_view, translate("window", "復原記錄"), "undoHistory", Qt.DockWidgetArea.RightDockWidgetArea)
        undo_dock.hide()
        checks = self._docks["checks"] = ChecksPane(lang=self.checks_lang)
        checks_dock = self._docks["checks_dock"] = self.add_dock(checks, translate("window", "檢核結果"), "checks")
        checks.node_activated.connect(self.tree.select_node)
        checks.rerun_requested.connect(self._rerun_checks)
        if self._findings is not None:
            checks.set_findings(self._findings)
        preview = self._docks["chart_preview"] = ChartPreview()
        chart_dock = self._docks["chart_dock"] = self.add_dock(
            preview, translate("window", "架構圖預覽"), "chartPreview", Qt.DockWidgetArea.RightDockWidgetArea)
        chart_dock.hide()
        preview.node_selected.connect(self.tree.select_node)
        self.tree.current_node_changed.connect(preview.set_current)
        session = self.current_session()
        preview.set_plan(session.plan, session.document)
        preview.set_current(self.tree.current_node_id())
        self._build_summary_dock(checks_dock)
        self.revisions.build_dock()
        state = self.settings.value("window/state") if self._saved_state else None
        if state is not None:
            self.restoreState(state)  # the docks' saved places (the rest was restored at start)
        else:  # first start: a modest checks dock, once the window has laid it out
            checks_dock.show()  # a dock added to a window already on screen starts hidden
            QTimer.singleShot(0, lambda: self.resizeDocks([checks_dock], [150], Qt.Orientation.Vertical))

    def _build_summary_dock(self, checks_dock: QDockWidget) -> None:
        """檢視 ▸ 績效指標總表 / 經費需求表: the read-only overview of the summary tables (summary_view)."""
        from editor.ui.summary_view import SummaryTables

        tables = self._docks["summary_tables"] = SummaryTables()
        dock = self._docks["summary_dock"] = self.add_dock(
            tables, translate("window", "績效指標與經費總表"), "summaryTables", Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(checks_dock, dock)  # a tab beside the checks: the tables need the width
        dock.hide()
        tables.strategy_activated.connect(self.tree.select_node)
        session = self.current_session()
        tables.set_plan(session.plan, session.document)

    def show_summary(self, which: str) -> None:
        """Show the overview at the KPI ("kpi") or budget ("budget") table, with the keyboard in it."""
        dock = self.summary_dock
        dock.show()
        dock.raise_()
        self.summary_tables.show_table(which).setFocus(Qt.FocusReason.ShortcutFocusReason)

    # The docks, built on first use (see ensure_docks).
    def _dock(self, name: str):
        self.ensure_docks()
        return self._docks[name]

    undo_view = property(lambda self: self._dock("undo_view"))
    undo_dock = property(lambda self: self._dock("undo_dock"))
    checks = property(lambda self: self._dock("checks"))
    checks_dock = property(lambda self: self._dock("checks_dock"))
    chart_preview = property(lambda self: self._dock("chart_preview"))
    chart_dock = property(lambda self: self._dock("chart_dock"))
    summary_tables = property(lambda self: self._dock("summary_tables"))
    summary_dock = property(lambda self: self._dock("summary_dock"))

    def docks_built(self) -> bool:
        return bool(self._docks)
