"""Undo and redo put the selection on what they changed, as word processors and file managers do: the
item a delete or cut restored, the item a new one was added after, the item moved, indented, pasted
or renamed — selected, its branch open and scrolled into view. Keys pressed on the focused widget."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from editor.ui.session.session import EditSession
from tests.editor.ui_support import current_id, discard_on_close, make_window

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "samples" / "kaohsiung-108-111-demo.plan.json"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
ECONOMY = "5f4cd818d670"  # 拚經濟, the first focus area: seven strategies, （一）…（七）
STREETS = "782ad52d8236"  # （七）啟動商圈造街計畫, its last strategy
FARMERS = "fd43e8674685"  # （六）支持青農在地深耕


def demo_window(qtbot, tmp_path):
    session = EditSession.open(DEMO, journal_dir=tmp_path / "recovery")
    return make_window(qtbot, tmp_path, session=session)


def key(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """One key on the focused widget (the tree, where these edits happen), then the timers it started."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    QTest.keyClick(QApplication.focusWidget(), key, modifier)
    qtbot.wait(20)


def undo(qtbot, window) -> None:
    key(qtbot, window, Qt.Key.Key_Z, CTRL)


def redo(qtbot, window) -> None:
    key(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)


def shown(window) -> str:
    """The current row's text as the tree shows it."""
    return window.tree.currentIndex().data()


def in_sight(window, node_id: str) -> bool:
    """Every ancestor open and the row inside the viewport."""
    tree = window.tree
    index = tree.index_for_id(node_id)
    parent = index.parent()
    while parent.isValid():
        if not tree.isExpanded(parent):
            return False
        parent = parent.parent()
    return tree.viewport().rect().contains(tree.visualRect(index))


def selected(window) -> list[str]:
    return window.tree.selected_node_ids()


def test_undo_of_a_delete_selects_the_restored_item_and_redo_what_takes_its_place(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path)
    window.tree.select_node(STREETS)
    assert shown(window) == "（七）啟動商圈造街計畫"
    key(qtbot, window, Qt.Key.Key_Delete)  # a strategy without actions: no question
    assert STREETS not in window.session.document
    assert current_id(window) == FARMERS and shown(window) == "（六）支持青農在地深耕"
    undo(qtbot, window)
    assert current_id(window) == STREETS and shown(window) == "（七）啟動商圈造街計畫"
    assert selected(window) == [STREETS] and in_sight(window, STREETS)
    assert window.detail.node_id == STREETS
    redo(qtbot, window)
    assert STREETS not in window.session.document
    assert current_id(window) == FARMERS and shown(window) == "（六）支持青農在地深耕"
    undo(qtbot, window)
    assert current_id(window) == STREETS and shown(window) == "（七）啟動商圈造街計畫"
    discard_on_close(window)


def test_undo_of_a_delete_in_the_middle_selects_the_restored_item_not_its_follower(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path)
    fourth, fifth = window.session.document.node(ECONOMY).strategies[3:5]  # （四） has no actions: no question
    window.tree.select_node(fourth.id)
    key(qtbot, window, Qt.Key.Key_Delete)
    assert current_id(window) == fifth.id and shown(window) == "（四）建構農漁高雄隊"
    undo(qtbot, window)
    assert current_id(window) == fourth.id and shown(window) == "（四）轉型高階製造中心"
    redo(qtbot, window)
    assert current_id(window) == fifth.id and shown(window) == "（四）建構農漁高雄隊"
    discard_on_close(window)


def test_undo_of_an_add_selects_the_item_it_was_added_after_and_redo_the_new_one(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path)
    window.tree.select_node(FARMERS)
    key(qtbot, window, Qt.Key.Key_Return)  # a new strategy after （六）, its inline editor open
    new_id = current_id(window)
    assert new_id not in (FARMERS, STREETS) and shown(window) == "（七）（未命名）"
    editor = QApplication.focusWidget()
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.tree.state() != QAbstractItemView.State.EditingState)
    announced: list[str] = []
    window.tree.current_node_changed.connect(announced.append)
    undo(qtbot, window)
    assert new_id not in window.session.document
    assert current_id(window) == FARMERS and shown(window) == "（六）支持青農在地深耕"
    assert announced == [FARMERS]  # straight there, not first to the row after the removed one (the detail pane shows one)
    redo(qtbot, window)
    assert current_id(window) == new_id and shown(window) == "（七）（未命名）"
    assert window.tree.index_for_id(STREETS).data() == "（八）啟動商圈造街計畫"
    discard_on_close(window)


def test_undo_and_redo_of_a_cut_and_a_paste_select_what_they_restore_or_make(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path)
    window.tree.select_node(STREETS)
    key(qtbot, window, Qt.Key.Key_X, CTRL)
    assert current_id(window) == ECONOMY
    undo(qtbot, window)
    assert current_id(window) == STREETS and shown(window) == "（七）啟動商圈造街計畫"
    window.tree.select_node(FARMERS)
    key(qtbot, window, Qt.Key.Key_V, CTRL)  # a copy of （七） right after （六）
    pasted = current_id(window)
    assert pasted not in (FARMERS, STREETS) and shown(window) == "（七）啟動商圈造街計畫"
    undo(qtbot, window)
    assert pasted not in window.session.document
    assert current_id(window) == FARMERS and shown(window) == "（六）支持青農在地深耕"
    redo(qtbot, window)
    assert current_id(window) == pasted and shown(window) == "（七）啟動商圈造街計畫"
    assert window.tree.index_for_id(STREETS).data() == "（八）啟動商圈造街計畫"
    discard_on_close(window)


def test_undo_and_redo_of_a_move_keep_the_moved_item_selected_and_in_sight(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path)
    window.tree.select_node(STREETS)
    key(qtbot, window, Qt.Key.Key_Up, ALT)
    assert shown(window) == "（六）啟動商圈造街計畫"
    window.tree.scrollToBottom()  # the user scrolls away
    undo(qtbot, window)
    assert current_id(window) == STREETS and shown(window) == "（七）啟動商圈造街計畫"
    assert selected(window) == [STREETS] and in_sight(window, STREETS)
    window.tree.scrollToBottom()
    redo(qtbot, window)
    assert current_id(window) == STREETS and shown(window) == "（六）啟動商圈造街計畫"
    assert in_sight(window, STREETS)
    discard_on_close(window)


def test_redo_of_an_indent_opens_the_closed_branch_the_item_goes_into(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path)
    doc = window.session.document
    action = doc.node(ECONOMY).strategies[0].actions[1]
    before = doc.node(ECONOMY).strategies[0].actions[0]
    window.tree.select_node(action.id)
    key(qtbot, window, Qt.Key.Key_Tab)
    assert doc.parent(action).id == before.id and current_id(window) == action.id
    undo(qtbot, window)
    assert doc.parent(action).id == doc.node(ECONOMY).strategies[0].id
    assert current_id(window) == action.id and in_sight(window, action.id)
    window.tree.collapse(window.tree.index_for_id(before.id))  # the user closes the branch it went into
    redo(qtbot, window)
    assert doc.parent(action).id == before.id
    assert current_id(window) == action.id and in_sight(window, action.id)
    assert shown(window).startswith("（1）為完善橋頭科學園區的交通運輸需求")
    key(qtbot, window, Qt.Key.Key_Backtab, SHIFT)  # outdent, then its undo puts it back inside
    assert doc.parent(action).id == doc.node(ECONOMY).strategies[0].id
    window.tree.collapse(window.tree.index_for_id(before.id))
    undo(qtbot, window)
    assert doc.parent(action).id == before.id
    assert current_id(window) == action.id and in_sight(window, action.id)
    discard_on_close(window)


def test_undo_of_a_rename_selects_the_renamed_item(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path)
    window.tree.select_node(STREETS)
    key(qtbot, window, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    QTest.keyClicks(editor, "Night market")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tree.state() != QAbstractItemView.State.EditingState)
    assert shown(window) == "（七）Night market"
    window.tree.select_node(FARMERS)
    undo(qtbot, window)
    assert current_id(window) == STREETS and shown(window) == "（七）啟動商圈造街計畫"
    window.tree.select_node(FARMERS)
    redo(qtbot, window)
    assert current_id(window) == STREETS and shown(window) == "（七）Night market"
    discard_on_close(window)
