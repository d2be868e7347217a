"""Screenshots of the editing dialogs for the README: run under Xvfb on the xcb platform.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m scripts.screenshots_ui

Writes docs/screenshot-plan-properties.png, docs/screenshot-context-menu.png,
docs/screenshot-find-replace.png, docs/screenshot-focused-branch.png (View ▸ 只顯示此施政重點) and
docs/screenshot-print-preview.png (File ▸ 預覽列印) from the Kaohsiung sample (nothing is saved to the sample).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QGuiApplication

ROOT = Path(__file__).resolve().parents[1]
QStandardPaths.setTestModeEnabled(True)


def main() -> int:
    from editor.ui.app import create_application

    app = create_application([sys.argv[0]])
    from editor.ui.main_window import MainWindow
    from editor.ui.session.session import EditSession

    work = Path(tempfile.mkdtemp())
    session = EditSession.open(ROOT / "samples" / "kaohsiung-108-111.plan.json", journal_dir=work / "recovery")
    window = MainWindow(session, settings=QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat),
                        journal_dir=work / "recovery")
    window.resize(1280, 800)
    window.show()
    area = session.document.content.focus.focus_areas[0]
    strategy = area.strategies[1]

    def shot(name: str) -> None:
        QGuiApplication.primaryScreen().grabWindow(0).save(str(ROOT / "docs" / name))
        print("wrote", ROOT / "docs" / name)

    def properties():
        window.plan_properties.edit()
        QTimer.singleShot(400, lambda: (shot("screenshot-plan-properties.png"), window.plan_properties.dialog.reject(),
                                        QTimer.singleShot(300, context)))

    def context():
        window.tree.select_node(strategy.id)
        rect = window.tree.visualRect(window.tree.currentIndex())
        window.tree.customContextMenuRequested.emit(rect.center())
        QTimer.singleShot(400, lambda: (shot("screenshot-context-menu.png"), window.context_menu.close(),
                                        QTimer.singleShot(300, find)))

    def find():
        window.find_bar.start_replace()
        window.find_bar.field.setText("產業")
        window.find_bar.replace_field.setText("產業發展")
        window.find_bar.step(True)
        QTimer.singleShot(400, lambda: (shot("screenshot-find-replace.png"), window.find_bar.clear(),
                                        QTimer.singleShot(300, branch)))

    def branch():
        from editor.ui.tree.outline_views import STRATEGIES

        window.tree.select_node(area.strategies[2].id)
        window.branch_focus.focus_current()
        window.expand_to_level(STRATEGIES + 1)
        QTimer.singleShot(400, lambda: (shot("screenshot-focused-branch.png"), window.branch_focus.show_whole_plan(),
                                        QTimer.singleShot(300, preview)))

    def preview():
        dialog = window.printing.preview()
        QTimer.singleShot(2500, lambda: (shot("screenshot-print-preview.png"), dialog.reject(), finish()))

    def finish():
        window.session.undo_stack.setClean()
        window.maybe_save = lambda: True
        window.close()
        app.quit()

    QTimer.singleShot(1200, properties)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
