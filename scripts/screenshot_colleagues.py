"""docs/screenshot-hand-out.png: File ▸ 分送局處… on the Kaohsiung sample, its strategies given lead agencies.

Run under Xvfb with a real window system:
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m scripts.screenshot_colleagues

The published sample names no lead agency (主辦機關), so each focus area's strategies are given the bureaus
that would lead them, in a temporary copy (the sample is not changed).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QGuiApplication

ROOT = Path(__file__).resolve().parents[1]
QStandardPaths.setTestModeEnabled(True)
AGENCIES = [  # per focus area, taken in turn by its strategies
    ["經濟發展局", "海洋局"], ["勞工局", "青年局"], ["教育局"], ["都市發展局", "交通局", "工務局"], ["社會局", "衛生局", "警察局"],
]


def main() -> int:
    from editor.ui.app import create_application

    app = create_application([sys.argv[0]])
    from editor.ui.main_window import MainWindow
    from editor.ui.session.session import EditSession
    from schema.fileio import load_plan, save_plan

    work = Path(tempfile.mkdtemp())
    plan = load_plan(ROOT / "samples" / "kaohsiung-108-111.plan.json")
    for area, agencies in zip(plan.draft.content.focus.focus_areas, AGENCIES):
        for index, strategy in enumerate(area.strategies):
            strategy.lead_agencies = [agencies[index % len(agencies)]]
    path = work / "高雄市中程施政計畫.plan.json"
    save_plan(plan, path)
    session = EditSession.open(path, journal_dir=work / "recovery")
    window = MainWindow(session, settings=QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat),
                        journal_dir=work / "recovery")
    window.resize(1280, 800)
    window.show()

    def hand_out():
        dialog = window.colleagues.hand_out()
        dialog.move(window.geometry().center() - dialog.rect().center())
        QTimer.singleShot(300, dialog.agency.showPopup)  # the lead agencies offered, with their strategies
        QTimer.singleShot(900, lambda: shot(dialog))

    def shot(dialog):
        target = ROOT / "docs" / "screenshot-hand-out.png"
        # The dialog and its open list alone (Xvfb has no window manager to frame it over the window).
        frame = dialog.frameGeometry()
        popup = dialog.agency.view().window()
        if popup.isVisible():
            frame = frame.united(popup.frameGeometry())
        QGuiApplication.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(str(target))
        print("wrote", target)
        dialog.reject()
        window.maybe_save = lambda: True
        window.close()
        app.quit()

    QTimer.singleShot(1200, hand_out)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
