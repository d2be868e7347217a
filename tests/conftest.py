"""Suite-wide configuration: every test runs headless.

The platform must be chosen before any QApplication exists, so it is set at import time of
this conftest, which pytest loads before pytest-qt creates the application.
"""
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts=false;qt.text.font.db=false")

from PySide6.QtCore import QStandardPaths  # noqa: E402

# Recovery journals, settings and recent files of tests go to Qt's test locations
# (~/.qttest), never into the real user's folders.
QStandardPaths.setTestModeEnabled(True)

import pytest  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication_for_the_whole_run(qapp):
    """Create pytest-qt's QApplication before any test runs.

    Export code creates a bare QGuiApplication when none exists (the command line needs one
    for fonts and painting); if a chart test ran first, a later widget test could no longer
    create its QApplication and Qt would abort the process.

    At the end the clipboard is emptied: with Qt's offscreen platform (PySide6 6.11), a process
    that leaves QMimeData on the clipboard crashes while exiting (a real X11 or Windows session
    does not), which would turn a green run's exit status into 139.
    """
    yield qapp
    qapp.clipboard().clear()
