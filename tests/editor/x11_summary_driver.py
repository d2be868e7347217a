"""Run by ``test_x11_summary_keys`` under Xvfb: the real window on the xcb platform, where Ctrl+Shift+I and
Ctrl+Shift+M (檢視 ▸ 績效指標總表 / 經費需求表) and Enter on a line arrive from xdotool through the X server.
Writes what happened as JSON to argv[1]."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

QStandardPaths.setTestModeEnabled(True)

from editor.ui.main_window import MainWindow  # noqa: E402
from editor.ui.session.session import EditSession  # noqa: E402
from tests.editor.x11_driver_support import write_results_and_quit, xdotool  # noqa: E402
from tests.summary_plan import plan_with_figures  # noqa: E402


def main(out: Path, work: Path) -> int:
    app = QApplication(sys.argv[:1])
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    plan = plan_with_figures()
    window = MainWindow(EditSession(plan, None, journal_dir=work / "recovery"), settings=settings, journal_dir=work / "recovery")
    window.show()
    results: dict = {}

    def focused() -> str:
        widget = QApplication.focusWidget()
        return widget.objectName() if widget is not None else ""

    def start():
        if QApplication.focusWidget() is not window.tree:
            window.activateWindow()
            window.tree.setFocus()
            xdotool("windowfocus", "--sync", str(int(window.winId())))
            QTimer.singleShot(100, start)
            return
        xdotool("key", "ctrl+shift+i")
        QTimer.singleShot(800, after_kpi)

    def after_kpi():
        tables = window.summary_tables
        results["kpi"] = [focused(), tables.currentIndex(), tables.kpi_table.item(0, 2).text() if tables.kpi_table.item(0, 2) else ""]
        xdotool("key", "ctrl+shift+m")
        QTimer.singleShot(800, after_budget)

    def after_budget():
        table = window.summary_tables.budget_table
        last = table.rowCount() - 1
        results["budget"] = [focused(), window.summary_tables.currentIndex(), table.item(last, table.columnCount() - 1).text()]
        xdotool("key", "ctrl+Home", "Right", "Down", "Return")  # Enter on （二）亞洲新灣區再啟航
        QTimer.singleShot(800, after_enter)

    def after_enter():
        results["selected"] = window.tree.current_node_id() == plan.draft.content.focus.focus_areas[0].strategies[1].id
        write_results_and_quit(app, window, out, results)

    QTimer.singleShot(500, start)
    QTimer.singleShot(60_000, app.quit)  # never hang the suite
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
