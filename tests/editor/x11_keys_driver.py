"""Run by ``test_x11_keys.py`` under Xvfb: the real window on the xcb platform, keys sent by xdotool.

xdotool sends X key events through the X server, as a keyboard does, so the keys take the same way
as a user's: the X keymap, Qt's xcb key translation (Shift+Tab arrives as Backtab with several
possible key sequences), the shortcut map, then the widget. Writes what happened as JSON to argv[1].
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, QStandardPaths, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

QStandardPaths.setTestModeEnabled(True)

from editor.ui.main_window import MainWindow  # noqa: E402
from editor.ui.session.session import EditSession  # noqa: E402
from tests.editor.ui_support import small_plan  # noqa: E402
from tests.editor.x11_driver_support import when_tree_has_focus, write_results_and_quit, xdotool  # noqa: E402

TYPE_DELAYS_MS = (0, 100, 200, 300, 400, 500, 800)


def main(out: Path, work: Path) -> int:
    app = QApplication(sys.argv[:1])
    warnings: list[str] = []
    qInstallMessageHandler(lambda _mode, _context, message: warnings.append(message))
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(EditSession(small_plan(), None, journal_dir=work / "recovery"), settings=settings,
                        journal_dir=work / "recovery")
    window.chart_dock.show()
    window.revisions.compare()  # every dock that follows edits is on screen
    window.show()
    results: dict = {"typed": {}, "warnings": warnings}
    steps: list = []

    def wait_for_tree_focus(then):
        when_tree_has_focus(window, then)

    def type_after_enter(delay: int) -> None:
        def go():
            window.tree.select_node("s1")
            # One xdotool process sends Return (a new strategy after s1, its inline editor open), the
            # pause and the typing, so they reach the X server in this order (two processes started 0 ms
            # apart can race on a loaded machine, and the typing came before the Return). xdotool's type
            # takes every argument after it, so the closing Return is a second process, started once the
            # first has finished and the checks have run.
            typing = xdotool("key", "Return", "sleep", f"{delay / 1000:.3f}", "type", "--delay", "40", f"new{delay}")
            when_done(typing, 1200, lambda: when_done(xdotool("key", "Return"), 500, record))

        def record():
            results["typed"][str(delay)] = window.session.document.node("fa1").strategies[1].title
            next_step()

        def when_done(keys: subprocess.Popen, pause: int, then) -> None:
            """Once xdotool has sent its keys, let the window work for ``pause`` ms, then go on."""
            if keys.poll() is None:
                QTimer.singleShot(50, lambda: when_done(keys, pause, then))
            else:
                QTimer.singleShot(pause, then)
        wait_for_tree_focus(go)

    def shift_tab() -> None:
        def go():
            window.tree.select_node("a1x")
            xdotool("key", "shift+Tab")
            QTimer.singleShot(600, record)

        def record():
            results["after_shift_tab"] = [a.id for a in window.session.document.node("s1").actions]
            next_step()
        wait_for_tree_focus(go)

    def outline_keys() -> None:
        """Ctrl+1, Ctrl+2 (digits with Ctrl under the X keymap) and Ctrl+Shift+B."""
        def go():
            window.tree.select_node("s1")
            xdotool("key", "ctrl+1")
            QTimer.singleShot(900, after_1)

        def after_1():
            results["ctrl_1_focus_area_open"] = window.tree.isExpanded(window.tree.index_for_id("fa1"))
            xdotool("key", "ctrl+2")
            QTimer.singleShot(900, after_2)

        def after_2():
            tree = window.tree
            results["ctrl_2_open"] = [tree.isExpanded(tree.index_for_id(i)) for i in ("fa1", "s1")]
            tree.select_node("s1")
            xdotool("key", "ctrl+shift+b")
            QTimer.singleShot(900, after_b)

        def after_b():
            results["ctrl_shift_b_root"] = window.tree.root_id
            xdotool("key", "ctrl+shift+b")
            QTimer.singleShot(900, lambda: (results.__setitem__("ctrl_shift_b_again_root", window.tree.root_id), next_step()))
        wait_for_tree_focus(go)

    def checks_menu() -> None:
        """The menu key and a right click on a finding of the checks pane: one menu each time."""
        from PySide6.QtWidgets import QMenu

        checks = window.checks
        window.checks_dock.show()

        def go():
            group = checks.model.index(0, 0)
            checks.view.setCurrentIndex(checks.model.index(0, 0, group))
            checks.view.setFocus()
            xdotool("key", "Menu")
            QTimer.singleShot(900, after_key)

        def shown_menus():
            return [m.objectName() for m in QApplication.topLevelWidgets() if isinstance(m, QMenu) and m.isVisible()]

        def after_key():
            results["menu_key"] = shown_menus()
            xdotool("key", "Escape")
            QTimer.singleShot(900, click)

        def click():
            view = checks.view
            point = view.viewport().mapToGlobal(view.visualRect(view.currentIndex()).center())
            xdotool("mousemove", "--sync", str(point.x()), str(point.y()))
            QTimer.singleShot(500, lambda: xdotool("click", "3"))
            QTimer.singleShot(1500, after_click)

        def after_click():
            results["right_click"] = shown_menus()
            xdotool("key", "Escape")
            QTimer.singleShot(900, next_step)
        QTimer.singleShot(800, go)  # the checks have run on the plan

    def drag_over_goals() -> None:
        """Drag s3 with the mouse over 推動橋頭科學園區's top edge, then over a goal, and let go there."""
        tree = window.tree
        viewport = tree.viewport()

        def at(node_id: str, top: bool = False):
            rect = tree.visualRect(tree.index_for_id(node_id))
            point = viewport.mapToGlobal(QPoint(rect.center().x(), rect.top() + 1) if top else rect.center())
            return str(point.x()), str(point.y())

        def shown(name: str):
            results.setdefault("drag", []).append([name, tree.showDropIndicator(), tree.dropIndicatorPosition().name if tree.showDropIndicator() else None,
                                                   window.statusBar().currentMessage()])

        def go():
            tree.select_node("s3")
            x, y = at("s3")
            xdotool("mousemove", "--sync", x, y)
            QTimer.singleShot(300, lambda: xdotool("mousedown", "1"))
            QTimer.singleShot(600, lambda: xdotool("mousemove", "--sync", x, str(int(y) + 12)))  # the drag starts
            QTimer.singleShot(1000, lambda: xdotool("mousemove", *at("s1", top=True)))
            QTimer.singleShot(1800, lambda: (shown("s1 top"), xdotool("mousemove", *at("g2"))))
            QTimer.singleShot(2600, lambda: (shown("g2"), xdotool("mousemove", *at("g1"))))
            QTimer.singleShot(3400, lambda: (shown("g1"), xdotool("mouseup", "1")))
            QTimer.singleShot(4200, record)

        def record():
            document = window.session.document
            results["after_drop"] = [[s.id for s in document.node(a).strategies] for a in ("fa1", "fa2")]
            results["undo_count"] = window.session.undo_stack.count()
            results["indicator_after"] = tree.showDropIndicator()
            next_step()
        wait_for_tree_focus(go)

    chosen = sys.argv[3].split(",") if len(sys.argv) > 3 else ["typing", "shift_tab", "outline", "checks_menu"]
    for name in chosen:
        if name == "typing":
            steps.extend([lambda d=d: type_after_enter(d) for d in TYPE_DELAYS_MS])
        else:
            steps.append({"shift_tab": shift_tab, "outline": outline_keys, "checks_menu": checks_menu,
                          "drag": drag_over_goals}[name])

    def next_step():
        if steps:
            steps.pop(0)()
        else:
            write_results_and_quit(app, window, out, results)

    QTimer.singleShot(500, next_step)
    QTimer.singleShot(60_000, app.quit)  # never hang the suite
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
