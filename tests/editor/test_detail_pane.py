"""The detail pane: every field of a node typed into (Chinese through the input method), each edit one
undo step that merges while typing, control characters refused, undo and redo shown in the fields."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from editor.ui.detail.heading import HeadingBox
from editor.ui.session import undo_commands
from tests.editor.ui_support import LayoutRequests, discard_on_close, ime_commit, make_window

CTRL = Qt.KeyboardModifier.ControlModifier


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(undo_commands.time, "monotonic", c)
    return c


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    yield w
    discard_on_close(w)


def focus(qtbot, window, widget):
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def key_in(qtbot, window, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    focus(qtbot, window, widget)
    qtbot.keyClick(widget, key, modifier)


def node(window, node_id):
    return window.session.document.node(node_id)


def test_selecting_a_node_shows_its_fields(window):
    window.tree.select_node("s2")
    pane = window.detail
    assert pane.heading.text() == "推動策略　（二）亞洲新灣區再啟航"
    assert pane.fields["title"].text() == "亞洲新灣區再啟航"
    assert pane.fields["body"].toPlainText() == "引進民間資源。"
    shown = [f for f, w in pane.fields.items() if pane.form.isRowVisible(w)]
    assert shown == ["title", "chart_label", "body", "lead_agencies", "supporting_agencies", "goal_ids", "kpis", "budget", "note"]
    assert [b.text() for b in pane.goal_boxes.values()] == ["產業轉型優先", "增加就業優先"]
    assert pane.kpi_table.headers() == ["指標名稱", "衡量標準", "單位", "108年目標值", "109年目標值", "110年目標值", "111年目標值"]
    assert [pane.budget_table.horizontalHeaderItem(c).text() for c in range(4)] == ["108年", "109年", "110年", "111年"]
    window.tree.select_node("a1x")
    assert pane.heading.text() == "子項作法　（1）細項。"
    assert [f for f, w in pane.fields.items() if pane.form.isRowVisible(w)] == ["text", "note"]
    window.tree.select_node("fs")
    assert pane.fields["title"].isReadOnly()


@pytest.mark.parametrize("field, node_id, before, typed, name", [
    ("title", "s2", "亞洲新灣區再啟航", "亞洲新灣區再啟航２", "重新命名推動策略"),
    ("chart_label", "s2", "", "亞灣再啟航", "修改推動策略的架構圖標籤"),
    ("body", "s2", "引進民間資源。", "引進民間資源。\n推動5G產業。", "修改推動策略的內容"),
    ("note", "s2", "", "配合中央政策調整", "修改推動策略的修正說明"),
    ("text", "a2", "籌設聯外道路。", "籌設聯外道路及捷運。", "重新命名具體作法"),
    ("title", "g1", "產業轉型優先", "產業轉型升級優先", "重新命名施政目標"),
    ("body", "fa1", "", "帶動產業發展", "修改施政重點的內容"),
    ("text", "p1", "前言第一段。", "前言第一段，修正。", "重新命名段落"),
])
def test_each_text_field_takes_chinese_input_and_undoes(qtbot, window, clock, field, node_id, before, typed, name):
    window.tree.select_node(node_id)
    widget = window.detail.fields[field]
    focus(qtbot, window, widget)
    if isinstance(widget, QLineEdit):
        widget.setCursorPosition(len(widget.text()))
    else:
        widget.moveCursor(widget.textCursor().MoveOperation.End)
    addition = typed[len(before):] if typed.startswith(before) else typed
    if not typed.startswith(before):
        widget.selectAll()
    for char in addition:  # one input-method commit per character, as a person types
        ime_commit(widget, char)
        clock.now += 0.3
    assert getattr(node(window, node_id), field) == typed
    assert window.session.undo_stack.count() == 1  # merged into one step
    assert window.session.undo_stack.undoText() == name
    key_in(qtbot, window, widget, Qt.Key.Key_Z, CTRL)  # Ctrl+Z in the field undoes through the window's stack
    assert getattr(node(window, node_id), field) == before
    text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    assert text == before
    key_in(qtbot, window, widget, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert getattr(node(window, node_id), field) == typed


def test_a_pause_starts_a_new_undo_step(qtbot, window, clock):
    window.tree.select_node("s3")
    widget = window.detail.fields["title"]
    focus(qtbot, window, widget)
    widget.setCursorPosition(len(widget.text()))
    ime_commit(widget, "平")
    clock.now += 0.5
    ime_commit(widget, "台")
    clock.now += undo_commands.TYPING_PAUSE + 0.5
    ime_commit(widget, "2")
    assert node(window, "s3").title == "建置青年創業資源網平台2"
    assert window.session.undo_stack.count() == 2
    window.session.undo_stack.undo()
    assert widget.text() == "建置青年創業資源網平台"
    window.session.undo_stack.undo()
    assert widget.text() == "建置青年創業資源網"


def test_typing_back_to_the_start_leaves_no_undo_step(qtbot, window, clock):
    window.tree.select_node("s3")
    widget = window.detail.fields["title"]
    key_in(qtbot, window, widget, Qt.Key.Key_End)
    ime_commit(widget, "X")
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    assert node(window, "s3").title == "建置青年創業資源網"
    assert window.session.undo_stack.count() == 0


def test_agencies_are_one_per_line(qtbot, window):
    window.tree.select_node("s1")
    lead = window.detail.fields["lead_agencies"]
    focus(qtbot, window, lead)
    ime_commit(lead, "經濟發展局")
    qtbot.keyClick(lead, Qt.Key.Key_Return)
    assert node(window, "s1").lead_agencies == ["經濟發展局"]
    ime_commit(lead, "工務局")
    assert node(window, "s1").lead_agencies == ["經濟發展局", "工務局"]
    supporting = window.detail.fields["supporting_agencies"]
    focus(qtbot, window, supporting)
    ime_commit(supporting, "捷運工程局")
    assert node(window, "s1").supporting_agencies == ["捷運工程局"]
    assert window.session.undo_stack.undoText() == "修改推動策略的協辦機關"
    window.session.undo_stack.undo()
    assert supporting.toPlainText() == "" and node(window, "s1").supporting_agencies == []
    window.session.undo_stack.undo()
    assert node(window, "s1").lead_agencies == []
    assert lead.toPlainText() == ""


def test_goal_links_are_checkboxes_of_the_plans_goals(qtbot, window):
    window.tree.select_node("s1")
    boxes = window.detail.goal_boxes

    def click(box):  # on the box itself, at its left end (the rest of the row is empty space)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))

    click(boxes["g2"])
    assert node(window, "s1").goal_ids == ["g2"]
    click(boxes["g1"])
    assert node(window, "s1").goal_ids == ["g1", "g2"]  # in the order of the plan's goals
    assert window.session.undo_stack.undoText() == "修改推動策略的施政目標連結"
    window.session.undo_stack.undo()
    assert not window.detail.goal_boxes["g1"].isChecked() and window.detail.goal_boxes["g2"].isChecked()
    window.session.undo_stack.redo()
    assert window.detail.goal_boxes["g1"].isChecked()
    # renaming a goal relabels its checkbox at once
    window.tree.select_node("g2")
    window.detail.fields["title"].setText("增加就業機會優先")
    window.tree.select_node("s1")
    assert [b.text() for b in window.detail.goal_boxes.values()] == ["產業轉型優先", "增加就業機會優先"]


def test_kpi_table_has_a_target_column_per_year_and_undoes(qtbot, window):
    window.tree.select_node("s1")
    kpis = window.detail.kpi_table
    qtbot.mouseClick(kpis.add_button, Qt.MouseButton.LeftButton)
    assert len(node(window, "s1").kpis) == 1
    assert window.session.undo_stack.undoText() == "修改推動策略的關鍵績效指標"
    table = kpis.table
    # edit a cell as a user does: open the editor, type Chinese, Enter
    table.setCurrentCell(0, 0)
    table.editItem(table.item(0, 0))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    ime_commit(editor, "進駐廠商家數")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: node(window, "s1").kpis[0].name == "進駐廠商家數")
    table.item(0, 2).setText("家")
    table.item(0, 4).setText("30")  # 109年目標值
    kpi = node(window, "s1").kpis[0]
    assert (kpi.name, kpi.unit, kpi.targets) == ("進駐廠商家數", "家", {109: "30"})
    assert window.session.undo_stack.count() == 4
    window.session.undo_stack.undo()
    assert node(window, "s1").kpis[0].targets == {}
    assert table.item(0, 4).text() == ""
    window.session.undo_stack.redo()
    assert table.item(0, 4).text() == "30"
    table.setCurrentCell(0, 1)
    qtbot.mouseClick(kpis.remove_button, Qt.MouseButton.LeftButton)
    assert node(window, "s1").kpis == [] and table.rowCount() == 0
    window.session.undo_stack.undo()
    assert table.rowCount() == 1 and table.item(0, 0).text() == "進駐廠商家數"


def test_budget_per_year_accepts_numbers_only(qtbot, window):
    window.tree.select_node("s1")
    budget = window.detail.budget_table
    budget.item(0, 0).setText("12,500")
    assert node(window, "s1").budget == {108: 12500.0}
    assert window.session.undo_stack.undoText() == "修改推動策略的預算"
    budget.item(0, 1).setText("很多")
    assert window.statusBar().currentMessage() == "預算必須是數字（千元），「很多」不是數字"
    assert budget.item(0, 1).text() == "" and node(window, "s1").budget == {108: 12500.0}
    budget.item(0, 0).setText("")
    assert node(window, "s1").budget == {}
    window.session.undo_stack.undo()
    assert budget.item(0, 0).text() == "12,500"


def test_control_characters_never_get_in(qtbot, window):
    window.tree.select_node("s2")
    widget = window.detail.fields["body"]
    focus(qtbot, window, widget)
    widget.moveCursor(widget.textCursor().MoveOperation.End)
    widget.insertPlainText("乙\x0b丙\x00")  # a paste from a PDF viewer
    assert node(window, "s2").body == "引進民間資源。乙丙"
    assert widget.toPlainText() == "引進民間資源。乙丙"
    assert window.statusBar().currentMessage() == "已移除 2 個無法寫入 Word 文件的控制字元"
    title = window.detail.fields["title"]
    title.setText("亞洲\x1f新灣區")
    assert node(window, "s2").title == "亞洲新灣區"


def test_the_pane_follows_edits_made_elsewhere(qtbot, window):
    window.tree.select_node("s2")
    index = window.tree.index_for_id("s2")
    window.model.setData(index, "亞灣新區", Qt.ItemDataRole.EditRole)  # a rename in the tree
    assert window.detail.fields["title"].text() == "亞灣新區"
    assert window.detail.heading.text() == "推動策略　（二）亞灣新區"
    window.tree.select_node("s1")
    window.tree_editor.move_down()
    window.tree.select_node("s1")
    assert window.detail.heading.text() == "推動策略　（二）推動橋頭科學園區"
    window.tree.select_node("s2")
    window.tree_editor.delete()
    assert window.detail.node_id == window.tree.current_node_id()


def test_the_heading_follows_a_rename_without_laying_the_form_out_again(qtbot, window):
    window.tree.select_node("s2")
    qtbot.wait(20)  # the pane laid out for a strategy's fields (its scroll bar, its width)
    pane = window.detail
    box = pane.heading.parentWidget()
    fitted = box.height()
    assert fitted == pane.heading.heightForWidth(box.width()) == pane.heading.height()
    requests = LayoutRequests()
    pane.widget().installEventFilter(requests)  # the pane's body, which holds the form
    title = pane.fields["title"]
    focus(qtbot, window, title)
    title.selectAll()
    ime_commit(title, "新灣區")
    qtbot.wait(20)  # the posted relayouts, if any were asked for
    assert pane.heading.text() == "推動策略　（二）新灣區"
    assert (requests.count, box.height()) == (0, fitted)
    long_title = "亞洲新灣區再啟航暨高雄港埠與產業園區整體發展計畫之推動與跨局處協調機制" * 2
    title.selectAll()
    ime_commit(title, long_title)
    qtbot.wait(20)
    grown = box.height()
    assert grown > fitted and pane.heading.height() == grown  # more lines: the form moves down
    assert requests.count >= 1
    title.selectAll()
    ime_commit(title, "新灣區")
    qtbot.wait(20)
    assert box.height() == grown  # while the node is shown the heading does not shrink back and forth
    window.tree.select_node("s1")
    assert pane.heading.text() == "推動策略　（一）推動橋頭科學園區"
    assert box.height() == fitted  # another node: fitted again


def test_a_new_window_gives_the_detail_pane_its_share_of_the_width(qtbot, tmp_path):
    """With no saved layout, the splitter sizes the pane from its size hint, which the heading is part
    of: a heading box without a hint of its own left the pane a 170-pixel strip beside the tree."""
    window = make_window(qtbot, tmp_path)
    window.resize(1280, 800)
    qtbot.wait(50)
    tree_width, pane_width = window.splitter.sizes()
    assert pane_width >= 0.4 * (tree_width + pane_width), (tree_width, pane_width)
    heading = window.findChild(HeadingBox)
    assert heading.sizeHint().width() == heading.label.sizeHint().width()
    discard_on_close(window)
