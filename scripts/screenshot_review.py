"""docs/screenshot-review.png: Review mode on the sample with the LibreOffice reviewer's changes and a comment.

Run under Xvfb with a real window system:
    xvfb-run -a env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshot_review.py REVIEWED.docx
(REVIEWED.docx: e.g. the tests' cached tracked-commented document, or any review of the sample).
"""
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.review import read_review  # noqa: E402
from editor.ui.main_window import MainWindow  # noqa: E402
from editor.ui.session.session import EditSession  # noqa: E402
from schema.fileio import load_plan, save_plan  # noqa: E402


def main() -> None:
    app = QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp())
    plan = load_plan(ROOT / "samples" / "kaohsiung-108-111.plan.json")
    plan.proposals += read_review(plan, sys.argv[1]).proposals
    save_plan(plan, work / "reviewed.plan.json")
    session = EditSession.open(work / "reviewed.plan.json", journal_dir=work / "recovery")
    window = MainWindow(session, settings=QSettings(str(work / "s.ini"), QSettings.Format.IniFormat), journal_dir=work / "recovery")
    window.resize(1400, 900)
    window.show()

    def shoot() -> None:
        view = window.review.view
        view.next_change()
        view.next_change()
        app.processEvents()
        window.grab().save(str(ROOT / "docs" / "screenshot-review.png"))
        window.maybe_save = lambda: True
        window.close()
        app.quit()

    QTimer.singleShot(1500, shoot)
    app.exec()


if __name__ == "__main__":
    main()
