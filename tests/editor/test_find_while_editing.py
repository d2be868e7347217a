"""The find bar while the plan is edited, on the Kaohsiung sample, with real keys and clicks: an item
added or pasted while filtering stays in view and opens for typing, the count follows every edit, Esc
closes the bar in both modes, and closing it comes back to where the user was."""
from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from schema.tree import children, title_of, walk
from tests.editor.ui_support import DialogAnswerer, discard_on_close, ime_commit, make_window, visible_texts

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "kaohsiung-108-111.plan.json"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def sample_window(qtbot, tmp_path):
    path = tmp_path / "kaohsiung.plan.json"
    shutil.copy(SAMPLE, path)
    return make_window(qtbot, tmp_path, path=path)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(QApplication.focusWidget(), key, modifier)
    qtbot.wait(120)  # the count is refreshed on a short timer after a burst of changes


def node_titled(window, title):
    return next(node for node, _p in walk(window.session.document.content) if title_of(node) == title)


def click_row(qtbot, window, node_id):
    rect = window.tree.visualRect(window.tree.index_for_id(node_id))
    assert rect.isValid(), node_id
    QTest.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    assert window.tree.current_node_id() == node_id


def find(qtbot, window, query, modifier_key=Qt.Key.Key_F):
    press(qtbot, modifier_key, CTRL)
    assert QApplication.focusWidget() is window.find_bar.field
    ime_commit(QApplication.focusWidget(), query)
    qtbot.wait(120)


def in_view(window, node_id):
    rect = window.tree.visualRect(window.tree.index_for_id(node_id))
    return rect.isValid() and window.tree.viewport().rect().intersects(rect)


def test_an_item_added_while_filtered_stays_in_view_and_takes_what_is_typed(qtbot, tmp_path):
    window = sample_window(qtbot, tmp_path)
    find(qtbot, window, "教育")
    assert window.find_bar.count_label.text() == "5 項符合"
    bilingual = node_titled(window, "推動雙語教育，落實母語教學")
    click_row(qtbot, window, bilingual.id)
    press(qtbot, Qt.Key.Key_Return)  # a sibling after it, its editor open
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and window.tree.isAncestorOf(editor)
    ime_commit(editor, "新教育策略")
    press(qtbot, Qt.Key.Key_Return)
    parent = window.session.document.parent(bilingual)
    titles = [title_of(n) for n in children(parent)]
    new = children(parent)[titles.index("推動雙語教育，落實母語教學") + 1]
    assert title_of(new) == "新教育策略"
    assert titles.count("") == 0  # no second, unnamed item
    assert window.tree.current_node_id() == new.id and in_view(window, new.id)
    assert "    （四）新教育策略" in visible_texts(window.tree)
    assert window.detail.node_id == new.id
    assert window.find_bar.count_label.text() == "6 項符合"
    press(qtbot, Qt.Key.Key_Return)  # Enter on the named item adds one more, open for typing, in view too
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    press(qtbot, Qt.Key.Key_Escape)  # leaves the inline editor: the empty item stays, one undo step away
    assert [title_of(n) for n in children(parent)].count("") == 1
    assert "    （五）（未命名）" in visible_texts(window.tree)
    discard_on_close(window)


def test_an_item_added_while_filtered_goes_when_the_query_changes(qtbot, tmp_path):
    window = sample_window(qtbot, tmp_path)
    find(qtbot, window, "教育")
    click_row(qtbot, window, node_titled(window, "推動雙語教育，落實母語教學").id)
    press(qtbot, Qt.Key.Key_Return)
    ime_commit(QApplication.focusWidget(), "青年就業")
    press(qtbot, Qt.Key.Key_Return)
    assert "    （四）青年就業" in visible_texts(window.tree)
    window.find_bar.field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.find_bar.field)
    press(qtbot, Qt.Key.Key_Backspace)  # 教: another query, the filter's own rule again
    assert "    （四）青年就業" not in visible_texts(window.tree)
    discard_on_close(window)


def test_a_paste_while_filtered_is_shown_and_selected(qtbot, tmp_path):
    window = sample_window(qtbot, tmp_path)
    find(qtbot, window, "園區")
    assert window.find_bar.count_label.text() == "7 項符合"
    park = node_titled(window, "設置科技新創園區")
    click_row(qtbot, window, park.id)
    press(qtbot, Qt.Key.Key_C, CTRL)
    press(qtbot, Qt.Key.Key_V, CTRL)
    parent = window.session.document.parent(park)
    pasted = children(parent)[window.session.document.index_of(park) + 1]
    assert pasted.id != park.id and title_of(pasted) == "設置科技新創園區"
    assert window.tree.current_node_id() == pasted.id and in_view(window, pasted.id)
    assert window.detail.node_id == pasted.id
    assert window.find_bar.count_label.text() == "8 項符合"
    discard_on_close(window)


def test_the_count_follows_delete_undo_redo_and_replace_all(qtbot, tmp_path):
    window = sample_window(qtbot, tmp_path)
    find(qtbot, window, "園區")
    assert window.find_bar.count_label.text() == "7 項符合"
    click_row(qtbot, window, node_titled(window, "設置科技新創園區").id)
    with DialogAnswerer("刪除") as answers:
        press(qtbot, Qt.Key.Key_Delete)
    assert len(answers.texts) == 1
    window.activateWindow()  # offscreen has no window manager to give the window back its focus
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    assert window.find_bar.count_label.text() == "6 項符合"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.find_bar.count_label.text() == "7 項符合"
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.find_bar.count_label.text() == "6 項符合"
    press(qtbot, Qt.Key.Key_H, CTRL)  # the replace row under the same query
    assert QApplication.focusWidget() is window.find_bar.field
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.find_bar.replace_field
    ime_commit(QApplication.focusWidget(), "專區")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.find_bar.replace_all_button
    press(qtbot, Qt.Key.Key_Space)
    assert window.statusBar().currentMessage() == "已取代 9 處"  # the 6 items left hold 園區 9 times
    assert visible_texts(window.tree) == []
    assert window.find_bar.count_label.text() == "0 項符合"
    discard_on_close(window)


def test_esc_closes_the_bar_in_replace_mode_from_either_field(qtbot, tmp_path):
    window = sample_window(qtbot, tmp_path)
    before = visible_texts(window.tree)
    find(qtbot, window, "專區", Qt.Key.Key_H)
    assert window.find_bar.replace_field.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and window.find_bar.field.text() == ""
    assert QApplication.focusWidget() is window.tree
    assert visible_texts(window.tree) == before
    find(qtbot, window, "專區", Qt.Key.Key_H)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.find_bar.replace_field
    press(qtbot, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and window.tree.model() is window.model
    discard_on_close(window)


def test_closing_the_bar_comes_back_to_the_item_that_was_current(qtbot, tmp_path):
    window = sample_window(qtbot, tmp_path)
    manufacturing = node_titled(window, "轉型高階製造中心")
    window.tree.select_node(manufacturing.id)
    find(qtbot, window, "專區")
    # it is not a match: the first match is current while filtering, and the detail pane shows it
    match = window.tree.current_node_id()
    assert match is not None and "專區" in window.model.search_text(window.tree.currentIndex())
    assert window.detail.node_id == match and window.detail.heading.text() != "請在左側選擇一個項目"
    assert window.find_bar.count_label.text() == "1 項符合"
    press(qtbot, Qt.Key.Key_Escape)
    assert window.tree.current_node_id() == manufacturing.id and in_view(window, manufacturing.id)
    assert window.detail.node_id == manufacturing.id
    discard_on_close(window)


def test_closing_the_bar_stays_on_the_match_the_user_moved_to(qtbot, tmp_path):
    window = sample_window(qtbot, tmp_path)
    window.tree.select_node(node_titled(window, "轉型高階製造中心").id)
    find(qtbot, window, "園區")
    science = node_titled(window, "推動橋頭科學園區")
    click_row(qtbot, window, science.id)
    assert window.detail.node_id == science.id
    window.find_bar.field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.find_bar.field)
    press(qtbot, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.tree.current_node_id() == science.id and in_view(window, science.id)
    discard_on_close(window)
