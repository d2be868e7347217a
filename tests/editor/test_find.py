"""Ctrl+F filters the tree to matching items with their ancestors; Esc brings the whole tree back."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.editor.ui_support import discard_on_close, ime_commit, make_window, visible_texts

CTRL = Qt.KeyboardModifier.ControlModifier


def open_find(qtbot, window):
    qtbot.keyClick(window.tree, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.find_bar.field)
    return window.find_bar.field


def test_find_keeps_matches_and_their_ancestors_and_esc_clears(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    before = visible_texts(window.tree)
    field = open_find(qtbot, window)
    ime_commit(field, "就業")
    assert visible_texts(window.tree) == [
        "施政目標", "  增加就業優先",
        "壹、施政重點與發展策略", "  二、衝就業",  # a match keeps its children only if they match too
    ]
    assert window.find_bar.count_label.text() == "2 項符合"
    field.clear()
    ime_commit(field, "聯外")  # a match deep down: the whole path to it stays
    assert visible_texts(window.tree) == [
        "壹、施政重點與發展策略", "  一、拚經濟", "    （一）推動橋頭科學園區", "      2. 籌設聯外道路。",
    ]
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert visible_texts(window.tree) == before
    assert window.tree.model() is window.model


def test_find_searches_body_text_and_ignores_case(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.model.setData(window.model.index_for_id("s3"), "Smart City 青年", Qt.ItemDataRole.EditRole)
    field = open_find(qtbot, window)
    qtbot.keyClicks(field, "smart")
    assert visible_texts(window.tree) == ["壹、施政重點與發展策略", "  二、衝就業", "    （一）Smart City 青年"]
    field.clear()
    ime_commit(field, "民間資源")  # only in the body of s2
    assert visible_texts(window.tree)[-1] == "    （二）亞洲新灣區再啟航"
    ime_commit(field, "不存在的字")
    assert visible_texts(window.tree) == [] and window.find_bar.count_label.text() == "0 項符合"
    discard_on_close(window)


def test_editing_while_filtered_and_the_current_item_survive(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    field = open_find(qtbot, window)
    ime_commit(field, "推動")
    window.tree.select_node("s1")
    index = window.tree.currentIndex()
    window.tree.model().setData(index, "推動橋頭科學園區二期", Qt.ItemDataRole.EditRole)  # rename through the filter
    assert window.session.document.node("s1").title == "推動橋頭科學園區二期"
    assert "    （一）推動橋頭科學園區二期" in visible_texts(window.tree)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert window.tree.current_node_id() == "s1"
    discard_on_close(window)
