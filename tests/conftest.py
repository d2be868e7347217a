"""Suite-wide configuration. The pure tests (tests/schema/) run without Qt; every other test may use it.

Qt's platform must be chosen before any QApplication exists, so it is set here, at import time.
Qt itself is imported only for the tests outside tests/schema/ (:func:`pytest_collection_modifyitems`
gives them the session fixture below), so ``pytest tests/schema -p no:pytestqt`` loads neither
PySide6 nor python-docx, and tests/schema/test_no_qt.py proves it.
"""
import os
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts=false;qt.text.font.db=false")

PURE_TESTS = Path(__file__).resolve().parent / "schema"


def pytest_collection_modifyitems(items):
    for item in items:
        if PURE_TESTS not in Path(str(item.path)).resolve().parents:
            item.fixturenames.insert(0, "_one_qapplication_for_the_whole_run")
            item.fixturenames.append("_no_translator_left_behind")


@pytest.fixture(scope="session")
def _one_qapplication_for_the_whole_run(request):
    """Create pytest-qt's QApplication before the first test that may use Qt runs.

    Export code creates a bare QGuiApplication when none exists (the command line needs one
    for fonts and painting); if a chart test ran first, a later widget test could no longer
    create its QApplication and Qt would abort the process. Recovery journals, settings and
    recent files of tests go to Qt's test locations (~/.qttest), never into the user's folders.

    At the end the clipboard is emptied: with Qt's offscreen platform (PySide6 6.11), a process
    that leaves QMimeData on the clipboard crashes while exiting (a real X11 or Windows session
    does not), which would turn a green run's exit status into 139.
    """
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    qapp = request.getfixturevalue("qapp")
    yield qapp
    qapp.clipboard().clear()


@pytest.fixture
def _no_translator_left_behind(qapp):
    """Tests that switch the interface language leave the run as they found it (no translator).

    Otherwise Qt's own zh_TW strings, installed by a test that switched back from English, name the
    keys of every later test differently (Del as 刪除鍵 (Del)), and a test's outcome depends on the order.
    """
    yield
    from editor.ui import i18n

    for translator in i18n._installed:
        qapp.removeTranslator(translator)
    i18n._installed.clear()
    i18n._active["language"] = i18n.DEFAULT_LANGUAGE
