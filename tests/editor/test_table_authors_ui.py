"""Preferences ▸ 修正對照表的說明欄列出修改者, set with the keyboard, gives the window's 修正對照表 (審閱 ▸ 匯出修正對照表)
a 修改者 line under each 說明, as `plan-editor diff --table --authors` does."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from shiboken6 import isValid

from editor.ui.files.amendment_export import table_names_authors
from editor.ui.preferences import PreferencesDialog
from schema.fileio import save_plan
from tests.editor.colleagues_support import ALT, KeyAnswerer, file_command, focus_tree, key
from tests.editor.test_attribution_exports import _cells, attributed
from tests.editor.ui_support import ModalPoller, discard_on_close, make_window


class DialogKeys(ModalPoller):
    """When a modal dialog of ``kind`` is up, press ``keys`` ((key, modifier), …) where the keyboard is, one
    every 150 ms (an access key clicks its button after a short animation), from a timer: never hangs."""

    def __init__(self, kind, *keys):
        self.kind, self.keys, self.seen = kind, list(keys), False
        super().__init__()

    def _poll(self):
        dialog = QApplication.activeModalWidget()
        if self.seen or not isinstance(dialog, self.kind) or not dialog.isVisible():
            return
        self.seen = True
        for step, (pressed, modifier) in enumerate(self.keys, start=1):
            QTimer.singleShot(150 * step, lambda p=pressed, m=modifier: QTest.keyClick(QApplication.focusWidget() or dialog, p, m))
        QTimer.singleShot(150 * (len(self.keys) + 2), lambda: isValid(dialog) and dialog.isVisible() and dialog.reject())  # never left open


def test_the_preference_names_the_authors_in_the_windows_amendment_table(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "plan.plan.json"
    save_plan(attributed(), path)
    window = make_window(qtbot, tmp_path, path=path)
    assert not table_names_authors(window.settings)
    none = Qt.KeyboardModifier.NoModifier
    with DialogKeys(PreferencesDialog, (Qt.Key.Key_U, ALT), (Qt.Key.Key_Return, none)) as keys:
        file_command(qtbot, window, Qt.Key.Key_P)  # 檔案 ▸ 偏好設定
        qtbot.waitUntil(lambda: keys.seen and QApplication.activeModalWidget() is None, timeout=5000)
    assert table_names_authors(window.settings)

    target = tmp_path / "對照表.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    focus_tree(qtbot, window)
    with KeyAnswerer(Qt.Key.Key_Escape) as answerer:  # 已儲存: 關閉
        key(qtbot, Qt.Key.Key_W, ALT)  # 審閱
        qtbot.waitUntil(lambda: window.review.menu.isVisible())
        key(qtbot, Qt.Key.Key_T)  # 匯出修正對照表
        qtbot.waitUntil(lambda: len(answerer.texts) == 1, timeout=20000)
    assert answerer.texts == ["已儲存「對照表.docx」。"]
    assert [cell[-1][1] for cell in _cells(target, 2)] == ["修改者：王小明", "修改者：李小華"]
    discard_on_close(window)
