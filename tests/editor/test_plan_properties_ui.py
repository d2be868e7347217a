"""Finding 6 of issue 11: File ▸ 計畫屬性… edits the plan's title, organisation, period and numbering style with
the keyboard; a shorter period says what it drops before anything changes; all of it is one undo step."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.ui.session.session import EditSession
from schema.model import KPI
from tests.editor.ui_support import DialogAnswerer, discard_on_close, ime_commit, make_window, small_plan

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key where the keyboard's goes: an open menu, else the widget that has the focus."""
    qtbot.keyClick(QApplication.activePopupWidget() or QApplication.focusWidget(), key, modifier)
    qtbot.wait(1)


def window_with_values(qtbot, tmp_path):
    plan = small_plan()
    s1 = plan.draft.content.focus.focus_areas[0].strategies[0]
    s1.budget = {108: 1200.0, 109: 1300.5, 111: 900.0}
    s1.kpis = [KPI(id="k1", name="進駐廠商家數", unit="家", targets={108: "10", 110: "30"})]
    session = EditSession(plan, None, journal_dir=tmp_path / "recovery")
    return make_window(qtbot, tmp_path, session=session)


def open_dialog(qtbot, window):
    key(qtbot, Qt.Key.Key_F, ALT)  # the File menu
    key(qtbot, Qt.Key.Key_T)  # 計畫屬性(&T)…
    qtbot.waitUntil(lambda: window.plan_properties.dialog is not None and window.plan_properties.dialog.isVisible())
    dialog = window.plan_properties.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.title_field)
    return dialog


def test_plan_properties_by_keyboard_say_what_a_shorter_period_drops_and_undo_in_one_step(qtbot, tmp_path):
    window = window_with_values(qtbot, tmp_path)
    dialog = open_dialog(qtbot, window)
    assert dialog.windowTitle() == "計畫屬性"
    assert (dialog.title_field.text(), dialog.organisation_field.text()) == ("測試計畫", "測試市政府")
    dialog.title_field.selectAll()
    ime_commit(QApplication.focusWidget(), "高雄市政府109至110年度中程施政計畫")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.organisation_field
    QApplication.focusWidget().selectAll()
    ime_commit(QApplication.focusWidget(), "高雄市政府")
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "109")  # the start year (Tab selected its text)
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "110")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.strategy_style and dialog.strategy_style.currentText() == "（一） （二） …"
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.action_style and dialog.action_style.currentText() == "1. 2. …"
    key(qtbot, Qt.Key.Key_Down)
    with DialogAnswerer("取消") as first:
        key(qtbot, Qt.Key.Key_Return)  # OK: first asked about the dropped values, and the user keeps them
        qtbot.waitUntil(lambda: len(first.texts) == 1)
    assert first.texts == ["期程改為民國 109 至 110 年，會刪除期程外的資料："]
    assert first.details == ["「推動橋頭科學園區」：預算 108年、111年；指標「進駐廠商家數」108年目標值"]
    plan = window.session.plan
    assert plan.title == "測試計畫" and window.session.undo_stack.count() == 0  # nothing changed
    qtbot.waitUntil(lambda: dialog.isVisible())  # the form again, as the user left it
    assert dialog.end_year.value() == 110
    with DialogAnswerer("刪除並變更期程") as second:
        dialog.activateWindow()
        dialog.ok_button.setFocus()
        key(qtbot, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: window.plan_properties.dialog is None)
    assert second.texts == first.texts
    assert (plan.title, plan.organisation, plan.period.years) == ("高雄市政府109至110年度中程施政計畫", "高雄市政府", [109, 110])
    assert (plan.numbering_style.strategy, plan.numbering_style.action) == ("({一})", "{1}、")
    s1 = window.session.document.node("s1")
    assert s1.budget == {109: 1300.5} and s1.kpis[0].targets == {110: "30"}
    assert window.windowHandle().title() == "*未命名 — 高雄市政府109至110年度中程施政計畫 — 中程施政計畫編輯器"
    window.tree.select_node("s1")
    assert [window.detail.budget_table.horizontalHeaderItem(c).text() for c in range(2)] == ["109年", "110年"]
    assert window.session.undo_stack.count() == 1 and window.session.undo_stack.undoText() == "變更計畫屬性"
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert (plan.title, plan.period.years, plan.numbering_style.action) == ("測試計畫", [108, 109, 110, 111], "{1}.")
    assert s1.budget == {108: 1200.0, 109: 1300.5, 111: 900.0} and s1.kpis[0].targets == {108: "10", 110: "30"}
    assert window.windowHandle().title() == "未命名 — 測試計畫 — 中程施政計畫編輯器"
    assert window.detail.budget_table.columnCount() == 4
    discard_on_close(window)


def test_an_end_before_the_start_is_said_in_the_dialog_and_ok_waits(qtbot, tmp_path):
    window = window_with_values(qtbot, tmp_path)
    dialog = open_dialog(qtbot, window)
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "115")
    assert dialog.message.text() == "期程的結束年（111年）早於開始年（115年）"
    assert not dialog.ok_button.isEnabled()
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.plan_properties.dialog is None)
    assert window.session.plan.period.years == [108, 109, 110, 111] and window.session.undo_stack.count() == 0
    discard_on_close(window)
