"""Run by ``test_x11_colleagues.py`` under Xvfb: File ▸ 分送局處… and 合併同仁版本… with keys from xdotool.

The real window on the xcb platform: Alt+F and the access keys go through the X keymap and Qt's
shortcut map as a user's would. Hands out 青年局's part, lets "the bureau" rename its strategy in the
file, merges it back, closes the summary with Return and undoes the merge with Ctrl+Z; writes what
happened as JSON to argv[1].
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

QStandardPaths.setTestModeEnabled(True)

from editor.ui.files.hand_out_dialog import HandOutDialog  # noqa: E402
from editor.ui.main_window import MainWindow  # noqa: E402
from editor.ui.session.session import EditSession  # noqa: E402
from schema.fileio import load_plan, save_plan  # noqa: E402
from tests.editor.colleagues_support import agency_plan  # noqa: E402
from tests.editor.x11_driver_support import when_tree_has_focus, write_results_and_quit, xdotool  # noqa: E402


def main(out: Path, work: Path) -> int:
    app = QApplication(sys.argv[:1])
    path = work / "plan.plan.json"
    save_plan(agency_plan(), path)
    session = EditSession.open(path, journal_dir=work / "recovery")
    window = MainWindow(session, settings=QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat),
                        journal_dir=work / "recovery")
    window.show()
    youth = session.plan.draft.content.focus.focus_areas[1].strategies[0]
    part_path = work / "plan-青年局.plan.json"
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (str(part_path), ""))  # File ▸ 合併同仁版本's chooser
    results: dict = {"before": youth.title}

    def when(condition, then, waited=0):
        """``then()`` as soon as ``condition()`` holds (the machine may be slow), or after 15 s regardless."""
        if condition() or waited >= 15_000:
            then()
        else:
            QTimer.singleShot(50, lambda: when(condition, then, waited + 50))

    def summary_shown():
        return any(b.isVisible() for b in window.findChildren(QMessageBox, "mergeSummary"))

    def summary_has_keyboard():
        return any(b.isVisible() and b.isAncestorOf(QApplication.focusWidget())
                   for b in window.findChildren(QMessageBox, "mergeSummary"))

    def focused(then):
        when_tree_has_focus(window, then)

    def hand_out():
        xdotool("key", "alt+f")
        QTimer.singleShot(600, lambda: xdotool("key", "h"))
        QTimer.singleShot(700, lambda: when(dialog_has_keyboard, choose))

    def dialog_has_keyboard():
        """The dialog is up and the X server has given it the keyboard (a moment after it shows)."""
        dialog = QApplication.activeModalWidget()
        return isinstance(dialog, HandOutDialog) and dialog.isAncestorOf(QApplication.focusWidget())

    def choose():
        dialog = QApplication.activeModalWidget()
        results["dialog"] = type(dialog).__name__
        results["dialog_focus"] = type(QApplication.focusWidget()).__name__
        xdotool("key", "Down")  # 青年局
        QTimer.singleShot(500, lambda: xdotool("key", "Return"))
        QTimer.singleShot(700, lambda: when(part_path.exists, lambda: QTimer.singleShot(300, handed_out)))

    def handed_out():
        results["dialog_open"] = isinstance(QApplication.activeModalWidget(), HandOutDialog)
        results["status_after_hand_out"] = window.statusBar().currentMessage()
        part = load_plan(part_path)  # the bureau renames its strategy
        part.draft.content.focus.focus_areas[0].strategies[0].title = "青年局改的策略"
        part.draft.author = "青年局"
        save_plan(part, part_path)
        focused(merge)

    def merge():
        xdotool("key", "alt+f")
        QTimer.singleShot(600, lambda: xdotool("key", "m"))
        QTimer.singleShot(700, lambda: when(summary_has_keyboard, merged))

    def merged():
        boxes = [b for b in window.findChildren(QMessageBox, "mergeSummary") if b.isVisible()]
        results["summary"] = boxes[0].text() if boxes else None
        results["after_merge"] = session.document.node(youth.id).title
        results["author"] = session.plan.draft.authors.get(youth.id)
        xdotool("key", "Return")  # closes the summary
        QTimer.singleShot(300, lambda: when(lambda: not summary_shown(), lambda: focused(undo)))

    def undo():
        results["summary_closed"] = not summary_shown()
        xdotool("key", "ctrl+z")
        QTimer.singleShot(300, lambda: when(lambda: session.document.node(youth.id).title == results["before"], finish))

    def finish():
        results["after_undo"] = session.document.node(youth.id).title
        write_results_and_quit(app, window, out, results)

    QTimer.singleShot(500, lambda: focused(hand_out))
    QTimer.singleShot(60_000, app.quit)  # never hang the suite
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
