"""A closing that hides the current item makes its nearest visible ancestor current and selected (as in
file managers and outliners): the detail pane shows it, and Delete and Down act on the row in sight.
Ctrl+1, Ctrl+2, View ▸ 全部摺疊 and a click on an ancestor's arrow alike; a row in sight stays current."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.editor.ui_support import DialogAnswerer, current_id, discard_on_close, make_window

CTRL = Qt.KeyboardModifier.ControlModifier


def key(qtbot, window, code, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    if QApplication.focusWidget() is not window.tree:
        window.activateWindow()
        window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    QTest.keyClick(QApplication.focusWidget(), code, modifier)
    qtbot.wait(20)


def selected(window) -> list[str]:
    return window.tree.selected_node_ids()


def test_ctrl_1_on_a_strategy_makes_its_focus_area_current_and_down_goes_to_the_next_one(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s2")
    qtbot.waitUntil(lambda: window.detail.heading.text() == "推動策略　（二）亞洲新灣區再啟航")
    key(qtbot, window, Qt.Key.Key_1, CTRL)
    assert (current_id(window), selected(window)) == ("fa1", ["fa1"])
    qtbot.waitUntil(lambda: window.detail.heading.text() == "施政重點　一、拚經濟")
    key(qtbot, window, Qt.Key.Key_Down)
    assert (current_id(window), selected(window)) == ("fa2", ["fa2"])
    discard_on_close(window)


def test_delete_after_ctrl_1_asks_about_the_focus_area_in_sight_not_the_hidden_strategy(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s2")
    key(qtbot, window, Qt.Key.Key_1, CTRL)
    with DialogAnswerer("取消") as answers:
        key(qtbot, window, Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: len(answers.texts) == 1)
    assert answers.texts == ["刪除施政重點「拚經濟」會一併刪除其下 5 個項目，共 6 個項目。確定要刪除嗎？"]
    assert "s2" in window.session.document and "fa1" in window.session.document
    assert window.session.undo_stack.count() == 0
    discard_on_close(window)


def test_ctrl_2_on_an_action_makes_its_strategy_current_and_delete_asks_about_it(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("a1x")
    key(qtbot, window, Qt.Key.Key_2, CTRL)
    assert (current_id(window), selected(window)) == ("s1", ["s1"])
    qtbot.waitUntil(lambda: window.detail.heading.text() == "推動策略　（一）推動橋頭科學園區")
    with DialogAnswerer("取消") as answers:
        key(qtbot, window, Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: len(answers.texts) == 1)
    assert answers.texts == ["刪除推動策略「推動橋頭科學園區」會一併刪除其下 3 個項目，共 4 個項目。確定要刪除嗎？"]
    assert "a1x" in window.session.document
    discard_on_close(window)


def test_a_row_in_sight_stays_current_after_ctrl_1(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("g2")  # a goal: still in sight at the first level
    key(qtbot, window, Qt.Key.Key_1, CTRL)
    assert (current_id(window), selected(window)) == ("g2", ["g2"])
    discard_on_close(window)


def test_collapse_all_from_the_view_menu_makes_the_section_current(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("a2")
    key(qtbot, window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # 檢視(&V)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), type(window.menuBar().actions()[0].menu())))
    menu = QApplication.activePopupWidget()
    QTest.keyClick(menu, Qt.Key.Key_0)  # 全部摺疊(&0)
    qtbot.waitUntil(lambda: current_id(window) == "fs")
    assert selected(window) == ["fs"]
    discard_on_close(window)


def test_a_click_on_an_ancestors_arrow_makes_it_current(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    tree = window.tree
    tree.select_node("a2")
    index = tree.index_for_id("s1")
    rect = tree.visualRect(index)
    arrow = QPoint(rect.left() - tree.indentation() // 2, rect.center().y())  # the branch indicator, left of the row
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, arrow)
    qtbot.waitUntil(lambda: not tree.isExpanded(index))
    assert (current_id(window), selected(window)) == ("s1", ["s1"])
    qtbot.waitUntil(lambda: window.detail.heading.text() == "推動策略　（一）推動橋頭科學園區")
    key(qtbot, window, Qt.Key.Key_Down)
    assert current_id(window) == "s2"
    discard_on_close(window)
