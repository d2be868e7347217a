"""In the window, Ctrl+Z takes an edit's 修改者 back with it: the comparison names nobody for an item
whose move was undone, and Ctrl+Y names the mover again (the reviewer's steps on the demo plan)."""
from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.ui.session.attribution import AUTHOR_KEY
from tests.editor.test_main_window import rename_in_tree
from tests.editor.ui_support import current_id, discard_on_close, make_window

DEMO = Path(__file__).resolve().parents[2] / "samples" / "kaohsiung-108-111-demo.plan.json"
YOUNG_FARMERS = "fd43e8674685"  # （六）支持青農在地深耕
ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def key(qtbot, window, code, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    if QApplication.focusWidget() is not window.tree:
        window.activateWindow()
        window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    QTest.keyClick(QApplication.focusWidget(), code, modifier)
    qtbot.wait(50)


def test_a_move_undone_leaves_no_author_in_the_comparison_and_redo_names_the_mover(qtbot, tmp_path):
    path = tmp_path / "demo.plan.json"
    shutil.copyfile(DEMO, path)
    QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat).setValue(AUTHOR_KEY, "root")
    window = make_window(qtbot, tmp_path, path=path)
    assert window.session.plan.draft.authors == {}
    key(qtbot, window, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)  # 比較版本
    view = window.revisions.comparison
    qtbot.waitUntil(lambda: view.comparison is not None)
    assert window.tree.select_node(YOUNG_FARMERS)
    qtbot.waitUntil(lambda: "支持青農在地深耕" in view.heading.text())
    heading = view.heading.text()
    assert "修改者" not in heading

    key(qtbot, window, Qt.Key.Key_Down, ALT)
    assert window.session.plan.draft.authors == {YOUNG_FARMERS: "root"}
    qtbot.waitUntil(lambda: view.heading.text().endswith("　（修改者：root）"))

    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.session.plan.draft.authors == {}
    assert current_id(window) == YOUNG_FARMERS
    qtbot.waitUntil(lambda: view.heading.text() == heading)
    qtbot.wait(600)  # the comparison's refresh after a pause: it still names nobody
    assert view.heading.text() == heading

    key(qtbot, window, Qt.Key.Key_Y, CTRL)
    assert window.session.plan.draft.authors == {YOUNG_FARMERS: "root"}
    qtbot.waitUntil(lambda: view.heading.text().endswith("　（修改者：root）"))
    discard_on_close(window)


def test_a_rename_in_the_tree_undone_names_nobody(qtbot, tmp_path):
    path = tmp_path / "demo.plan.json"
    shutil.copyfile(DEMO, path)
    QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat).setValue(AUTHOR_KEY, "root")
    window = make_window(qtbot, tmp_path, path=path)
    rename_in_tree(qtbot, window, YOUNG_FARMERS, "青農")  # F2, typed through the input method, Enter
    qtbot.waitUntil(lambda: window.session.document.node(YOUNG_FARMERS).title == "青農")
    assert window.session.plan.draft.authors == {YOUNG_FARMERS: "root"}
    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.session.document.node(YOUNG_FARMERS).title == "支持青農在地深耕"
    assert window.session.plan.draft.authors == {}
    discard_on_close(window)
