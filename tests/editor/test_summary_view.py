"""檢視 ▸ 績效指標總表 / 經費需求表: the read-only overview, reached by keys, following edits after a pause."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget

from editor.ui import summary_view
from editor.ui.session.session import EditSession
from editor.ui.session.undo_commands import execute_field
from tests.editor.ui_support import make_window
from tests.editor.x11_support import run_x11_driver
from tests.summary_plan import plan_with_figures


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def row(table: QTableWidget, r: int) -> list[str]:
    return [table.item(r, c).text() for c in range(table.columnCount())]


def header(table: QTableWidget) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_the_overview_opens_by_keys_follows_edits_and_selects_a_strategy(qtbot, tmp_path):
    plan = plan_with_figures()
    window = make_window(qtbot, tmp_path, session=EditSession(plan, None, journal_dir=tmp_path / "recovery"))
    assert window.summary_dock.isHidden()
    tables = window.summary_tables
    assert tables.updates == 0  # hidden: nothing computed at start
    view_menu = [a.text() for a in window.menu("view").actions()]
    assert "績效指標總表(&K)" in view_menu and "經費需求表(&M)" in view_menu

    key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tables.kpi_table)
    assert window.summary_dock.isVisible() and tables.currentIndex() == 0
    kpis = tables.kpi_table
    assert header(kpis) == ["施政重點", "推動策略", "關鍵績效指標", "衡量標準", "單位", "108年目標值", "109年目標值", "110年目標值", "111年目標值"]
    assert kpis.rowCount() == 29
    assert row(kpis, 0) == ["一、拚經濟", "（一）推動橋頭科學園區", "進駐廠商家數", "累計進駐廠商數", "家", "10", "25", "40", "60"]
    assert row(kpis, 1)[2:] == ["招商金額", "年度招商金額", "億元", "", "100", "", "300"]
    assert (kpis.rowSpan(0, 0), kpis.rowSpan(0, 1)) == (7, 2)  # 一、拚經濟 over its seven lines, the park over its two

    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    budget = tables.budget_table
    qtbot.waitUntil(lambda: QApplication.focusWidget() is budget)
    assert tables.currentIndex() == 1
    assert header(budget) == ["施政重點", "推動策略", "108年（千元）", "109年（千元）", "110年（千元）", "111年（千元）", "合計（千元）"]
    assert row(budget, 6) == ["一、拚經濟", "小計", "13,300", "30,000.5", "46,200.125", "52,000.25", "141,500.875"]
    assert row(budget, budget.rowCount() - 1) == ["總計", "", "16,300", "33,000.5", "49,700.125", "55,500.251", "154,500.876"]
    assert budget.item(6, 2).font().bold() and not budget.item(0, 2).font().bold()
    assert budget.editTriggers() == QTableWidget.EditTrigger.NoEditTriggers  # read-only

    youth = plan.draft.content.focus.focus_areas[1].strategies[0]
    made = tables.updates
    execute_field(window.session, youth.id, "budget", {108: 4000, 109: 3000, 110: 3500, 111: 3500}, "預算")
    assert tables.is_stale() and row(budget, budget.rowCount() - 1)[-1] == "154,500.876"  # not at once …
    qtbot.waitUntil(lambda: row(budget, budget.rowCount() - 1)[-1] == "155,500.876", timeout=2000)  # … after the pause
    assert tables.updates == made + 1
    assert row(budget, budget.rowCount() - 1)[2] == "17,300"

    window.summary_dock.hide()
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the budget
    qtbot.wait(summary_view.DELAY_MS + 200)
    assert tables.is_stale() and tables.updates == made + 1  # hidden: no work
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is budget)
    assert row(budget, budget.rowCount() - 1)[-1] == "154,500.876"  # shown again: up to date with the undo
    key(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)  # Enter on 「（二）亞洲新灣區再啟航」 selects it in the tree
    assert window.tree.current_node_id() == plan.draft.content.focus.focus_areas[0].strategies[1].id
    window.session.undo_stack.setClean()


def test_under_x11_the_overview_keys_arrive_and_enter_selects_the_strategy(tmp_path):
    """The real window under Xvfb, keys from xdotool (see tests/editor/x11_summary_driver.py)."""
    results = run_x11_driver("tests.editor.x11_summary_driver", tmp_path, "summary-keys.json")
    assert results["kpi"] == ["kpiSummaryTable", 0, "進駐廠商家數"]
    assert results["budget"] == ["budgetSummaryTable", 1, "154,500.876"]
    assert results["selected"] is True
