"""Pictures of the summary tables for the README: the window's overview and the rendered Word pages.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m scripts.screenshot_summary

The Kaohsiung sample has neither indicators nor budgets (the published text has none), so the pictures
use the tests' copy of it with a few (tests/summary_plan.py). Writes docs/screenshot-summary-tables.png
(檢視 ▸ 經費需求表) and, through LibreOffice with editor/export/fonts.conf, docs/docx-kpi-table-page.png
and docs/docx-budget-table-page.png (first pages of `--kpi-table` / `--budget-table OUT.docx`).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication

ROOT = Path(__file__).resolve().parents[1]
QStandardPaths.setTestModeEnabled(True)


def render_pages(work: Path) -> None:
    from editor.export.fonts import FONTCONFIG_FILE
    from editor.export.summary_export import write_summary_table
    from tests.summary_plan import plan_with_figures

    plan = plan_with_figures()
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG_FILE), HOME=str(work))
    for kind in ("kpi", "budget"):
        docx = write_summary_table(kind, plan, None, work / f"{kind}.docx")
        subprocess.run(["soffice", f"-env:UserInstallation={(work / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(work), str(docx)], check=True, capture_output=True, env=env, timeout=300)
        target = ROOT / "docs" / f"docx-{kind}-table-page"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(work / f"{kind}.pdf"),
                        str(target)], check=True)
        print("wrote", target.with_suffix(".png"))


def main() -> int:
    work = Path(tempfile.mkdtemp())
    render_pages(work)
    from editor.ui.app import create_application

    app = create_application([sys.argv[0]])
    from editor.ui.main_window import MainWindow
    from editor.ui.session.session import EditSession
    from tests.summary_plan import plan_with_figures

    session = EditSession(plan_with_figures(), None, journal_dir=work / "recovery")
    window = MainWindow(session, settings=QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat),
                        journal_dir=work / "recovery")
    window.resize(1280, 800)
    window.show()

    def overview():
        window.show_summary("budget")
        window.resizeDocks([window.summary_dock], [420], Qt.Orientation.Vertical)
        QTimer.singleShot(600, shot)

    def shot():
        target = ROOT / "docs" / "screenshot-summary-tables.png"
        QGuiApplication.primaryScreen().grabWindow(0).save(str(target))
        print("wrote", target)
        session.undo_stack.setClean()
        window.close()
        app.quit()

    QTimer.singleShot(800, overview)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
