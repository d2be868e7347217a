"""Run by ``test_review_x11.py`` under Xvfb: the real window on the xcb platform, keys sent by xdotool.

The keys whose way from keyboard to action depends on the window system: the Menu key (and
Shift+F10) opening the comparison's change-list menu, an access key in that menu, and Ctrl with the
main Return or the keypad's Enter accepting in Review mode. Writes what happened as JSON to argv[1].
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMenu

QStandardPaths.setTestModeEnabled(True)

from editor.ui.main_window import MainWindow  # noqa: E402
from editor.ui.session.session import EditSession  # noqa: E402
from schema.fileio import load_plan, save_plan  # noqa: E402
from tests.paths import DEMO  # noqa: E402

METRO = "82e2ccce2507"  # its title changed in the demonstration draft


def xdotool(*args: str) -> subprocess.Popen:
    return subprocess.Popen(["xdotool", *args])


def main(out: Path, work: Path) -> int:
    app = QApplication(sys.argv[:1])
    save_plan(load_plan(DEMO), work / "demo.plan.json")
    session = EditSession.open(work / "demo.plan.json", journal_dir=work / "recovery")
    window = MainWindow(session, settings=QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat),
                        journal_dir=work / "recovery")
    window.resize(1200, 800)
    window.show()
    results: dict = {}
    warnings: list[str] = []
    qInstallMessageHandler(lambda _mode, _context, message: warnings.append(message))
    steps: list = []

    def focus(widget, then):
        def check():
            if QApplication.focusWidget() is widget:
                then()
            else:
                window.activateWindow()
                widget.setFocus()
                xdotool("windowfocus", "--sync", str(int(window.winId())))
                QTimer.singleShot(100, check)
        check()

    def menu_then(key_name: str, access: str, name: str):
        def step():
            window.tree.select_node(METRO)
            window.revisions.compare()
            view = window.revisions.comparison

            def go():
                view.update_now()
                view.select_node(METRO)
                xdotool("key", key_name)
                QTimer.singleShot(700, look)

            def look():
                popup = QApplication.activePopupWidget()
                results[f"{name}_menu"] = [a.text() for a in popup.actions() if not a.isSeparator()] if isinstance(popup, QMenu) else None
                xdotool("key", access)
                QTimer.singleShot(700, record)

            def record():
                results[f"{name}_title"] = window.session.document.node(METRO).title
                results[f"{name}_popup_left_open"] = QApplication.activePopupWidget() is not None
                window.session.undo_stack.undo()
                next_step()
            focus(view.list, go)
        return step

    def accept_with(key_name: str, name: str):
        def step():
            window.review.show_draft()
            view = window.review.view

            def go():
                while view.current_item() is None or view.current_item().node_id != METRO:
                    view.next_change()
                xdotool("key", key_name)
                QTimer.singleShot(700, record)

            def record():
                results[f"{name}_kept"] = f"modified:{METRO}" in view.kept
                view.kept.clear()
                view.refresh()
                next_step()
            focus(view.text, go)
        return step

    steps += [menu_then("Menu", "r", "menu_key"), menu_then("shift+F10", "r", "shift_f10"),
              accept_with("ctrl+Return", "ctrl_return"), accept_with("ctrl+KP_Enter", "ctrl_keypad_enter")]

    def next_step():
        if steps:
            steps.pop(0)()
        else:
            results["warnings"] = [w for w in warnings if "mbiguous" in w]
            out.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
            window.session.undo_stack.setClean()
            window.maybe_save = lambda: True
            window.close()
            app.quit()

    QTimer.singleShot(500, next_step)
    QTimer.singleShot(60_000, app.quit)  # never hang the suite
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
