"""F3 / Shift+F3 go from match to match (selected in the tree and in its field); Ctrl+H replaces one or all,
all as one undo step with the count said. Keys go to the widget that has the focus."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.editor.ui_support import discard_on_close, ime_commit, make_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    qtbot.wait(1)


def test_f3_and_shift_f3_walk_the_matches_and_select_the_text(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_F, CTRL)
    ime_commit(QApplication.focusWidget(), "推動")  # 推動橋頭科學園區 (s1) and 成立專案推動小組。 (a1)
    window.tree.select_node("g1")  # from a goal on: the next match in the plan's order
    key(qtbot, Qt.Key.Key_F3)
    assert window.tree.current_node_id() == "s1"
    assert window.find_bar.count_label.text() == "第 1 項，共 2 項"
    title = window.detail.fields["title"]
    assert title.selectedText() == "推動" and title.selectionStart() == 0
    window.find_bar.field.selectAll()
    ime_commit(QApplication.focusWidget(), "。")  # 前言第一段。 成立專案推動小組。 細項。 籌設聯外道路。 引進民間資源。 結語。
    key(qtbot, Qt.Key.Key_F3)
    first = window.tree.current_node_id()
    key(qtbot, Qt.Key.Key_F3)
    second = window.tree.current_node_id()
    key(qtbot, Qt.Key.Key_F3, SHIFT)
    assert window.tree.current_node_id() == first and first != second
    assert [first, second] == ["a1", "a1x"]  # after s1, in the plan's order
    assert window.detail.fields["text"].textCursor().selectedText() == "。"
    discard_on_close(window)


def test_replace_all_is_one_undo_step_with_a_count(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_H, CTRL)
    bar = window.find_bar
    assert bar.isVisible() and bar.replace_row.isVisible() and QApplication.focusWidget() is bar.field
    ime_commit(QApplication.focusWidget(), "。")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is bar.replace_field
    ime_commit(QApplication.focusWidget(), "；")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is bar.replace_all_button
    key(qtbot, Qt.Key.Key_Space)
    doc = window.session.document
    assert [doc.node(i).text for i in ("p1", "a1", "a1x", "a2", "c1")] == ["前言第一段；", "成立專案推動小組；", "細項；", "籌設聯外道路；", "結語；"]
    assert doc.node("s2").body == "引進民間資源；"
    assert window.statusBar().currentMessage() == "已取代 6 處"
    stack = window.session.undo_stack
    assert stack.count() == 1 and stack.undoText() == "取代 6 處"
    stack.undo()
    assert doc.node("p1").text == "前言第一段。" and doc.node("s2").body == "引進民間資源。"
    discard_on_close(window)


def test_replace_one_changes_the_current_item_and_goes_on_to_the_next(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_H, CTRL)
    bar = window.find_bar
    ime_commit(QApplication.focusWidget(), "。")
    key(qtbot, Qt.Key.Key_Return)  # Enter in the query: the next match after the current item (壹、…)
    assert window.tree.current_node_id() == "a1"
    bar.replace_field.setFocus()
    ime_commit(bar.replace_field, "！")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is bar.replace_button
    key(qtbot, Qt.Key.Key_Space)
    assert window.session.document.node("a1").text == "成立專案推動小組！"
    assert window.session.document.node("p1").text == "前言第一段。"
    assert window.tree.current_node_id() == "a1x"  # on to the next match
    assert window.statusBar().currentMessage() == "已取代 1 處"
    discard_on_close(window)
