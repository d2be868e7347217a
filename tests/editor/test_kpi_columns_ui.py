"""The KPI table of the detail pane shows other cities' columns 策略績效目標 and 評估體制 when the plan
uses them (an imported plan from such a city), typed into like every cell, one undo step each."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from editor.ui.session.session import EditSession
from schema.model import KPI
from tests.editor.ui_support import discard_on_close, ime_commit, make_window, small_plan


def _window(qtbot, tmp_path, kpis):
    plan = small_plan()
    plan.draft.content.focus.focus_areas[0].strategies[0].kpis = kpis
    return make_window(qtbot, tmp_path, session=EditSession(plan, None, journal_dir=tmp_path / "recovery"))


def test_a_plan_without_them_keeps_the_three_columns(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, [KPI(name="進駐率")])
    window.tree.select_node("s1")
    assert window.detail.kpi_table.headers()[:4] == ["指標名稱", "衡量標準", "單位", "108年目標值"]
    discard_on_close(window)


def test_the_columns_of_another_citys_table_are_shown_and_edited(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, [KPI(id="k1", name="日照中心數", objective="提升長者照顧量能")])
    session = window.session
    window.tree.select_node("s1")
    kpis = window.detail.kpi_table
    assert kpis.headers()[:5] == ["策略績效目標", "指標名稱", "衡量標準", "單位", "108年目標值"]  # 評估體制: not used
    table = kpis.table
    assert [table.item(0, c).text() for c in range(3)] == ["提升長者照顧量能", "日照中心數", ""]
    table.setCurrentCell(0, 0)
    table.editItem(table.item(0, 0))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    ime_commit(editor, "健全長照體系")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    strategy = lambda: session.document.node("s1")  # noqa: E731
    qtbot.waitUntil(lambda: strategy().kpis[0].objective == "健全長照體系")
    assert session.undo_stack.undoText() == "修改推動策略的關鍵績效指標"
    session.undo_stack.undo()
    assert strategy().kpis[0].objective == "提升長者照顧量能" and table.item(0, 0).text() == "提升長者照顧量能"
    window.tree.select_node("s2")  # another strategy of the same plan has the column too
    assert kpis.headers()[0] == "策略績效目標"
    discard_on_close(window)
