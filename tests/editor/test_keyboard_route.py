"""The keyboard alone: F6 / Shift+F6 between the panes, Tab through every field of the detail pane top to
bottom (goal checkboxes, the KPI and budget tables, 修正說明), Shift+Tab outdenting in the tree, and the
KPI table keeping each typed value in its own column. Every key goes to the widget that has the focus."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from editor.ui.main_window import CHECKS_DELAY_MS
from tests.editor.ui_support import discard_on_close, ime_commit, make_window

SHIFT = Qt.KeyboardModifier.ShiftModifier


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    qtbot.wait(1)


def focused():
    return QApplication.focusWidget()


def test_f6_and_tab_walk_from_the_tree_through_every_field_to_the_note_and_back(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    qtbot.wait(CHECKS_DELAY_MS + 100)  # the first check run is done
    window.tree.select_node("s1")
    pane = window.detail
    key(qtbot, Qt.Key.Key_F6)
    assert focused() is pane.fields["title"]
    expected = [
        pane.fields["chart_label"], pane.fields["body"], pane.fields["lead_agencies"], pane.fields["supporting_agencies"],
        pane.goal_boxes["g1"], pane.goal_boxes["g2"],
        pane.kpi_table.table, pane.kpi_table.add_button, pane.kpi_table.remove_button,
    ]
    names = []
    for widget in expected:
        key(qtbot, Qt.Key.Key_Tab)
        names.append(focused().objectName() or focused().text())
        assert focused() is widget, names
    key(qtbot, Qt.Key.Key_Tab)  # into the budget row: one cell per year, then out of it
    budget = pane.budget_table
    assert focused() is budget
    columns = [budget.currentColumn()]
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Tab)
        assert focused() is budget
        columns.append(budget.currentColumn())
    assert columns == [0, 1, 2, 3]
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is pane.fields["note"]  # 修正說明: reachable at last
    key(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert focused() is budget and budget.currentColumn() == 3
    window.activateWindow()
    pane.fields["note"].setFocus()
    key(qtbot, Qt.Key.Key_F6, SHIFT)
    assert focused() is window.tree  # back in the tree, on the same item
    assert window.tree.current_node_id() == "s1"
    key(qtbot, Qt.Key.Key_F6)
    assert focused() is pane.fields["title"]
    key(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | SHIFT)  # the comparison dock
    comparison = window.revisions.comparison
    assert comparison.isAncestorOf(focused())
    key(qtbot, Qt.Key.Key_F6)
    assert focused() is window.tree
    key(qtbot, Qt.Key.Key_F6)
    assert focused() is pane.fields["title"]
    assert window.checks_dock.isVisible() and window.checks.view.isVisible()  # the plan has findings
    key(qtbot, Qt.Key.Key_F6)
    assert focused() is window.checks.view
    key(qtbot, Qt.Key.Key_F6)
    assert comparison.isAncestorOf(focused())
    key(qtbot, Qt.Key.Key_F6)
    assert focused() is window.tree  # round the window and back
    key(qtbot, Qt.Key.Key_F6, SHIFT)
    assert comparison.isAncestorOf(focused())
    key(qtbot, Qt.Key.Key_F6, SHIFT)
    assert focused() is window.checks.view
    key(qtbot, Qt.Key.Key_F6, SHIFT)
    assert focused() is pane.fields["title"]
    discard_on_close(window)


def test_shift_tab_outdents_in_the_tree(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("a1x")
    key(qtbot, Qt.Key.Key_Backtab, SHIFT)  # what the keyboard sends for Shift+Tab
    assert [a.id for a in window.session.document.node("s1").actions] == ["a1", "a1x", "a2"]
    assert window.session.undo_stack.undoText() == "升階子項作法"
    discard_on_close(window)


def test_kpi_values_typed_with_tab_and_enter_land_in_their_own_columns(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s1")
    kpis = window.detail.kpi_table
    window.activateWindow()
    kpis.add_button.setFocus()
    key(qtbot, Qt.Key.Key_Space)  # 新增指標: the new row's name cell opens for typing
    editor = focused()
    assert isinstance(editor, QLineEdit) and kpis.table.isAncestorOf(editor)
    ime_commit(editor, "進駐廠商家數")
    for text in ["家數統計", "家", "10", "20"]:
        key(qtbot, Qt.Key.Key_Tab)  # the next cell's editor opens
        if text.isascii():
            qtbot.keyClicks(focused(), text)
        else:
            ime_commit(focused(), text)
    key(qtbot, Qt.Key.Key_Return)
    kpi = window.session.document.node("s1").kpis[0]
    assert (kpi.name, kpi.measurement, kpi.unit, kpi.targets) == ("進駐廠商家數", "家數統計", "家", {108: "10", 109: "20"})
    assert (kpis.table.currentRow(), kpis.table.currentColumn()) == (0, 4)  # Enter keeps the place
    key(qtbot, Qt.Key.Key_Tab)
    assert (kpis.table.currentRow(), kpis.table.currentColumn()) == (0, 5)
    key(qtbot, Qt.Key.Key_F2)
    qtbot.keyClicks(focused(), "30")
    key(qtbot, Qt.Key.Key_Tab)  # the last cell: the editor commits and the table lets the cursor go on
    key(qtbot, Qt.Key.Key_F2)
    qtbot.keyClicks(focused(), "40")
    key(qtbot, Qt.Key.Key_Tab)
    assert window.session.document.node("s1").kpis[0].targets == {108: "10", 109: "20", 110: "30", 111: "40"}
    assert focused() is kpis.add_button
    discard_on_close(window)


def test_the_detail_pane_starts_at_its_top_for_another_item(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.resize(900, 420)  # a low window: the strategy's fields need scrolling
    window.tree.select_node("s1")
    pane = window.detail
    qtbot.waitUntil(lambda: pane.verticalScrollBar().maximum() > 0)
    pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum())  # scrolled down to 修正說明
    window.tree.select_node("s2")
    assert pane.verticalScrollBar().value() == 0  # the title of the item now shown is in view
    discard_on_close(window)
