"""Outline views: Ctrl+1 / Ctrl+2 / Ctrl+3 open the tree to focus areas, strategies, everything;
Ctrl+Shift+B shows one focus area alone (with a bar naming it) and the whole plan again; edits, undo
and find go on while it is shown, and reaching an item outside it shows the whole plan and says so.
Keys go to the widget that has the focus, and every shortcut of the window names one command."""
from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from editor.ui.session import undo_commands
from schema.operations import Remove
from tests.editor.ui_support import discard_on_close, ime_commit, make_window, visible_texts

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    qtbot.wait(1)


def test_ctrl_1_2_3_open_the_tree_to_focus_areas_strategies_and_everything(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_1, CTRL)
    assert visible_texts(window.tree) == [
        "理念", "施政目標", "  產業轉型優先", "  增加就業優先", "壹、施政重點與發展策略", "  一、拚經濟", "  二、衝就業", "貳、未來施政藍圖與結語"]
    key(qtbot, Qt.Key.Key_2, CTRL)
    assert visible_texts(window.tree)[5:10] == [
        "  一、拚經濟", "    （一）推動橋頭科學園區", "    （二）亞洲新灣區再啟航", "  二、衝就業", "    （一）建置青年創業資源網"]
    key(qtbot, Qt.Key.Key_3, CTRL)
    texts = visible_texts(window.tree)
    assert texts[7:11] == ["    （一）推動橋頭科學園區", "      1. 成立專案推動小組。", "        （1）細項。", "      2. 籌設聯外道路。"]
    assert texts[0:2] == ["理念", "  前言第一段。"] and texts[-1] == "  結語。"
    discard_on_close(window)


def test_ctrl_shift_b_shows_one_focus_area_and_the_whole_plan_again(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("a2")
    key(qtbot, Qt.Key.Key_1, CTRL)  # the levels apply inside the branch too
    window.tree.select_node("s2")
    key(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
    assert visible_texts(window.tree) == ["（一）推動橋頭科學園區", "（二）亞洲新灣區再啟航"]
    assert window.branch_focus.bar.isVisible() and window.branch_focus.label.text() == "只顯示：一、拚經濟"
    assert window.statusBar().currentMessage() == "只顯示「一、拚經濟」：按 Ctrl+Shift+B 顯示整份計畫"
    assert window.tree.current_node_id() == "s2" and QApplication.focusWidget() is window.tree
    key(qtbot, Qt.Key.Key_3, CTRL)
    assert visible_texts(window.tree)[:3] == ["（一）推動橋頭科學園區", "  1. 成立專案推動小組。", "    （1）細項。"]
    key(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
    assert not window.branch_focus.bar.isVisible() and window.statusBar().currentMessage() == "顯示整份計畫"
    assert visible_texts(window.tree)[0] == "理念" and window.tree.current_node_id() == "s2"
    discard_on_close(window)


def test_a_goal_has_no_focus_area_to_show_alone(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("g1")
    key(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
    assert window.statusBar().currentMessage() == "請先選取一個施政重點或其下的項目"
    assert not window.branch_focus.is_focused() and visible_texts(window.tree)[0] == "理念"
    discard_on_close(window)


def test_edits_and_undo_inside_the_branch_keep_it_and_undo_elsewhere_brings_the_plan_back(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("fa1")  # the focus area itself: its first strategy becomes current
    key(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
    assert window.tree.current_node_id() == "s1"
    key(qtbot, Qt.Key.Key_2, CTRL)
    window.tree.select_node("s2")
    key(qtbot, Qt.Key.Key_Return)  # a new strategy after s2, its name typed in the tree
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not window.tree)
    ime_commit(QApplication.focusWidget(), "智慧城市")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.wait(500)  # the checks run after the edit and must not disturb the branch
    assert visible_texts(window.tree) == ["（一）推動橋頭科學園區", "（二）亞洲新灣區再啟航", "（三）智慧城市"]
    key(qtbot, Qt.Key.Key_Z, CTRL)  # the rename, then the insertion
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert visible_texts(window.tree) == ["（一）推動橋頭科學園區", "（二）亞洲新灣區再啟航"]
    assert window.branch_focus.is_focused() and window.branch_focus.bar.isVisible()
    discard_on_close(window)


def test_undo_of_an_edit_outside_the_branch_shows_the_whole_plan_and_says_so(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s3")
    key(qtbot, Qt.Key.Key_F2)
    ime_commit(QApplication.focusWidget(), "青年創業")
    key(qtbot, Qt.Key.Key_Return)
    assert window.session.document.node("s3").title.endswith("青年創業")
    window.tree.select_node("s1")
    key(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
    assert window.branch_focus.label.text() == "只顯示：一、拚經濟"
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.session.document.node("s3").title == "建置青年創業資源網"
    assert not window.branch_focus.is_focused() and not window.branch_focus.bar.isVisible()
    assert window.tree.current_node_id() == "s3" and visible_texts(window.tree)[0] == "理念"
    assert window.statusBar().currentMessage() == "「（一）建置青年創業資源網」不在聚焦的施政重點內：已顯示整份計畫"
    discard_on_close(window)


def test_find_inside_the_branch_filters_it_and_f3_to_a_match_outside_shows_the_whole_plan(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s1")
    key(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
    key(qtbot, Qt.Key.Key_F, CTRL)
    ime_commit(QApplication.focusWidget(), "建")  # 建置青年創業資源網 (s3, outside the branch) only
    assert window.branch_focus.is_focused() and visible_texts(window.tree) == []  # the branch holds no match
    key(qtbot, Qt.Key.Key_F3)
    assert window.tree.current_node_id() == "s3" and not window.branch_focus.is_focused()
    assert window.statusBar().currentMessage() == "「（一）建置青年創業資源網」不在聚焦的施政重點內：已顯示整份計畫"
    assert "  二、衝就業" in visible_texts(window.tree)
    discard_on_close(window)


def test_switching_the_branch_while_finding_moves_the_filter_to_the_new_branch_at_once(qtbot, tmp_path):
    """The find filter keeps the branch's own row whatever the query; Ctrl+Shift+B with a query typed makes
    it keep the new branch's row (or none), without the query having to change."""
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s1")
    key(qtbot, Qt.Key.Key_B, CTRL | SHIFT)  # 一、拚經濟 alone
    key(qtbot, Qt.Key.Key_F, CTRL)
    ime_commit(QApplication.focusWidget(), "建")  # 建置青年創業資源網 (s3, in 二、衝就業) only
    assert visible_texts(window.tree) == [] and QApplication.focusWidget() is window.find_bar.field
    key(qtbot, Qt.Key.Key_B, CTRL | SHIFT)  # the whole plan, the query unchanged: 一、拚經濟 holds no match
    assert not window.branch_focus.is_focused()
    assert visible_texts(window.tree) == ["壹、施政重點與發展策略", "  二、衝就業", "    （一）建置青年創業資源網"]
    assert window.find_bar.field.text() == "建" and window.find_bar.count_label.text() == "1 項符合"
    window.tree.setFocus()
    window.tree.select_node("s3")
    key(qtbot, Qt.Key.Key_B, CTRL | SHIFT)  # 二、衝就業 alone, still filtered
    assert window.branch_focus.label.text() == "只顯示：二、衝就業"
    assert visible_texts(window.tree) == ["（一）建置青年創業資源網"] and window.tree.current_node_id() == "s3"
    assert window.find_bar.proxy.kept == {"fa2", "fs"}
    key(qtbot, Qt.Key.Key_Escape)  # Esc in the tree: the find bar keeps its query; the field's Esc clears it
    window.find_bar.field.setFocus()
    key(qtbot, Qt.Key.Key_Escape)
    assert visible_texts(window.tree)[0] == "（一）建置青年創業資源網" and window.branch_focus.is_focused()
    discard_on_close(window)


def test_deleting_the_focus_areas_shows_the_whole_plan(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s3")
    key(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
    assert window.branch_focus.label.text() == "只顯示：二、衝就業"
    undo_commands.execute(window.session, [Remove("fs", 1)], "刪除")  # e.g. a merge or an accepted proposal
    assert not window.branch_focus.is_focused()
    assert window.statusBar().currentMessage() == "聚焦的施政重點已不在計畫中：已顯示整份計畫"
    assert visible_texts(window.tree)[0] == "理念"
    discard_on_close(window)


def test_no_key_of_the_tree_or_the_window_names_two_commands(qtbot, tmp_path):
    """Qt fires neither of two commands on one key where both apply ("Ambiguous shortcut overload"):
    the window's keys and the tree's own keys (which apply while the tree has the focus) are all distinct."""
    window = make_window(qtbot, tmp_path)
    window.ensure_docks()
    keys: Counter[str] = Counter()
    window_wide = [a for a in window.findChildren(QAction) if a.shortcutContext() == Qt.ShortcutContext.WindowShortcut]
    for action in window_wide + list(window.tree.actions()):
        for sequence in action.shortcuts():
            keys[sequence.toString(QKeySequence.SequenceFormat.PortableText)] += 1
    assert [k for k, n in keys.items() if n > 1] == []
    assert {"Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+Shift+B", "Shift+Tab", "F6", "Ctrl+H"} <= set(keys)
    discard_on_close(window)


def test_help_shortcuts_lists_the_outline_and_print_keys(qtbot, tmp_path):
    from editor.ui.help import shortcut_rows

    window = make_window(qtbot, tmp_path)
    rows = dict(shortcut_rows(window.window_actions.all_actions()))
    assert rows["展開至施政重點(1)"] == "Ctrl+1" and rows["展開至推動策略(2)"] == "Ctrl+2" and rows["全部展開(3)"] == "Ctrl+3"
    assert rows["只顯示此施政重點(B)"] == "Ctrl+Shift+B" and rows["列印(L)"] == "Ctrl+P"
    discard_on_close(window)
