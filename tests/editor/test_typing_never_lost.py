"""Finding 1 of issue 11: what is typed into a new item's inline editor is never lost.

The checks run 400 ms after an edit and mark the new (untitled) row; Qt's views put the model's data
back into an open editor on every ``dataChanged`` of its row, so the typed text was replaced by the
empty title. The user types at every moment around that: right away, while the checks, the chart
preview and the comparison update, and after. Keys go to the widget that has the focus.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from editor.ui.main_window import CHECKS_DELAY_MS
from tests.editor.ui_support import discard_on_close, ime_commit, make_window

DELAYS_MS = (0, 100, 200, 300, 400, 500, 800)


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.chart_dock.show()
    w.revisions.compare()  # the comparison dock shown (it takes the focus: give it back to the tree)
    w.activateWindow()
    w.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.tree)
    assert w.checks_dock.isVisible() or w.revisions.comparison_dock.isVisible()
    assert w.chart_dock.isVisible() and w.revisions.comparison_dock.isVisible()
    yield w
    discard_on_close(w)


def type_new_item(qtbot, window, key, modifier, delay: int) -> QLineEdit:
    """Press ``key`` in the tree, wait ``delay`` ms, then type 推動 (input method) and ab (keys), pausing
    past the checks' delay in between; the editor the text went into."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    qtbot.wait(delay)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and window.tree.isAncestorOf(editor)
    ime_commit(QApplication.focusWidget(), "推動")
    qtbot.wait(CHECKS_DELAY_MS + 100)  # the checks run and mark the new row meanwhile
    assert QApplication.focusWidget() is editor and editor.text() == "推動"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_B)
    qtbot.wait(CHECKS_DELAY_MS + 100)
    assert QApplication.focusWidget() is editor and editor.text() == "推動ab"
    return editor


def commit(qtbot, window) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tree.state() != QAbstractItemView.State.EditingState)


@pytest.mark.parametrize("delay", DELAYS_MS)
def test_enter_then_typing_after_a_delay_keeps_every_character(qtbot, window, delay):
    window.tree.select_node("s1")
    qtbot.wait(CHECKS_DELAY_MS + 100)  # a quiet plan: no check run pending
    type_new_item(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, delay)
    commit(qtbot, window)
    titles = [s.title for s in window.session.document.node("fa1").strategies]
    assert titles == ["推動橋頭科學園區", "推動ab", "亞洲新灣區再啟航"]
    assert window.tree.currentIndex().data() == "（二）推動ab"


def test_ctrl_enter_then_typing_while_the_checks_run_keeps_every_character(qtbot, window):
    for delay in (150, 350):  # one new action after another, each typed inside the window that lost text
        window.tree.select_node("s2")
        type_new_item(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier, delay)
        commit(qtbot, window)
    assert [a.text for a in window.session.document.node("s2").actions] == ["推動ab", "推動ab"]


def test_a_row_changed_under_the_open_editor_updates_it_only_until_the_user_types(qtbot, window):
    window.tree.select_node("s3")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor.text() == "建置青年創業資源網"
    window.detail.fields["title"].setText("建置青年創業網")  # a rename from elsewhere, nothing typed yet
    assert editor.text() == "建置青年創業網"
    qtbot.keyClick(editor, Qt.Key.Key_End)
    ime_commit(editor, "站")
    window.detail.fields["title"].setText("另一個名稱")  # now the user's text wins in the editor
    assert editor.text() == "建置青年創業網站"
    commit(qtbot, window)
    assert window.session.document.node("s3").title == "建置青年創業網站"
