"""File ▸ Import… from the keyboard: a Word document opens as a new, never-saved plan; a bad file says why."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from editor.ui.files import dialogs
from tests.editor.ui_support import DialogAnswerer, discard_on_close, make_window
from tests.importing.material import write_list_docx

ALT = Qt.KeyboardModifier.AltModifier


def _choose(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def _file_import(qtbot, window):
    window.activateWindow()
    window.tree.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: window.menus["file"].isVisible())
    QTest.keyClick(window.menus["file"], Qt.Key.Key_I)


def test_file_import_opens_the_plan_unsaved(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path)
    source = write_list_docx(tmp_path / "高雄計畫.docx")
    _choose(monkeypatch, source)
    _file_import(qtbot, window)
    qtbot.waitUntil(lambda: window.session.plan.title == "高雄市政府108至111年度中程施政計畫理念", timeout=20000)
    content = window.session.plan.draft.content
    assert [a.title for a in content.focus.focus_areas] == ["拚經濟", "衝就業", "顧教育", "好生活", "真安心"]
    assert window.session.path is None
    assert window.statusBar().currentMessage() == "已匯入「高雄計畫.docx」：5 項施政重點、28 項推動策略"
    assert window.session.is_dirty() and window.isWindowModified()  # the import exists nowhere else yet
    discard_on_close(window)


def test_closing_an_imported_plan_asks_to_save_it(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path)
    _choose(monkeypatch, write_list_docx(tmp_path / "高雄計畫.docx"))
    _file_import(qtbot, window)
    qtbot.waitUntil(lambda: window.session.plan.title == "高雄市政府108至111年度中程施政計畫理念", timeout=20000)
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, path: asked.append(path) or "cancel")
    window.close()
    assert asked == [None] and window.isVisible()  # asked about the never-saved plan; cancelling keeps it open
    discard_on_close(window)


def test_a_file_that_cannot_be_imported_leaves_the_plan_open(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path)
    before = window.session
    broken = tmp_path / "壞掉.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    _choose(monkeypatch, broken)
    with DialogAnswerer("確定") as answerer:
        _file_import(qtbot, window)
        qtbot.waitUntil(lambda: answerer.texts != [], timeout=10000)
    assert answerer.texts == ["無法匯入「壞掉.docx」。"]
    assert answerer.details == ["「壞掉.docx」已經損壞：看來是 Word 文件，但其中的 zip 封裝無法讀取。"]  # in the interface's language
    assert window.session is before
    discard_on_close(window)
