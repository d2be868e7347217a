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


def test_the_columns_follow_every_edit_of_another_strategys_kpis_with_one_scan_per_change(qtbot, tmp_path, monkeypatch):
    """The plan-wide look for the optional columns runs once, not on every strategy shown, and again
    only after a KPI list or the tree changed: an objective typed into s3, its undo, s3 deleted."""
    from editor.ui.detail import pane as pane_module
    from editor.ui.session import undo_commands
    from schema.operations import Remove

    scans = []
    real = pane_module.kpi_columns_used
    monkeypatch.setattr(pane_module, "kpi_columns_used", lambda content: scans.append(1) or real(content))
    window = _window(qtbot, tmp_path, [KPI(id="k1", name="進駐率")])
    session, kpis = window.session, window.detail.kpi_table
    for strategy_id in ("s1", "s2", "s3", "s1", "s2"):
        window.tree.select_node(strategy_id)
    assert kpis.headers()[0] == "指標名稱" and len(scans) == 1
    value = [{"id": "k3", "name": "創業家數", "objective": "青年創業", "targets": {}}]
    assert undo_commands.execute_field(session, "s3", "kpis", value, "修改推動策略的關鍵績效指標") is None
    window.tree.select_node("s1")
    assert kpis.headers()[:2] == ["策略績效目標", "指標名稱"] and len(scans) == 2
    window.tree.select_node("s2")
    assert kpis.headers()[0] == "策略績效目標" and len(scans) == 2
    session.undo_stack.undo()
    window.tree.select_node("s1")
    assert kpis.headers()[0] == "指標名稱" and len(scans) == 3
    session.undo_stack.redo()
    assert undo_commands.execute(session, [Remove("fa2", 0)], "刪除推動策略") is None  # s3, the only one with it
    window.tree.select_node("s2")
    assert kpis.headers()[0] == "指標名稱"
    discard_on_close(window)


def test_an_insert_adds_its_own_columns_and_a_delete_rescans_only_when_columns_were_in_use(qtbot, tmp_path, monkeypatch):
    """A structural edit does not look through the whole plan: an inserted subtree's KPIs are added to the
    columns known, and a delete asks for a new look only when some optional column was in use."""
    from editor.ui.detail import pane as pane_module
    from editor.ui.session import undo_commands
    from schema.operations import Remove

    scans = []
    real = pane_module.kpi_columns_used
    monkeypatch.setattr(pane_module, "kpi_columns_used", lambda content: scans.append(1) or real(content))
    window = _window(qtbot, tmp_path, [KPI(id="k1", name="進駐率")])
    session, kpis = window.session, window.detail.kpi_table
    window.tree.select_node("s1")
    assert len(scans) == 1
    assert undo_commands.execute(session, [Remove("fa1", 1)], "刪除推動策略") is None  # s2: no column was in use
    session.undo_stack.undo()
    window.tree.select_node("s1")
    assert kpis.headers()[0] == "指標名稱" and len(scans) == 1
    value = [{"id": "k3", "name": "創業家數", "objective": "青年創業", "targets": {}}]
    assert undo_commands.execute_field(session, "s3", "kpis", value, "修改推動策略的關鍵績效指標") is None
    window.tree.select_node("s1")
    assert kpis.headers()[0] == "策略績效目標" and len(scans) == 2
    assert undo_commands.execute(session, [Remove("fa2", 0)], "刪除推動策略") is None  # s3 takes the column away
    window.tree.select_node("s2")
    assert kpis.headers()[0] == "指標名稱" and len(scans) == 3
    session.undo_stack.undo()  # s3 comes back with its objective: added from s3 alone
    window.tree.select_node("s1")
    assert kpis.headers()[:2] == ["策略績效目標", "指標名稱"] and len(scans) == 3
    discard_on_close(window)


def test_deleting_the_last_strategy_that_fills_a_column_takes_the_column_from_the_strategy_shown_next(qtbot, tmp_path):
    """Delete in the tree moves the selection to the next strategy before the deleted one is gone, so the
    pane drew s2 with s1's column 策略績效目標; it is redrawn as soon as the delete is done, and undo gives it back
    (showing s1, the strategy it restored)."""
    from tests.editor.test_main_window import press, undo
    from tests.editor.ui_support import DialogAnswerer

    window = _window(qtbot, tmp_path, [KPI(id="k1", name="日照中心數", objective="提升長者照顧量能")])
    kpis = window.detail.kpi_table
    window.tree.select_node("s2")
    assert kpis.headers()[:2] == ["策略績效目標", "指標名稱"]  # the plan uses it (s1), so s2 shows it too
    window.tree.select_node("s1")
    with DialogAnswerer("刪除") as answers:
        press(qtbot, window, Qt.Key.Key_Delete)
    assert len(answers.texts) == 1 and "s1" not in window.session.document
    assert window.detail.node_id == "s2"
    assert kpis.headers()[:4] == ["指標名稱", "衡量標準", "單位", "108年目標值"]
    assert kpis.table.columnCount() == 3 + 4  # 108–111
    undo(qtbot, window)
    qtbot.waitUntil(lambda: "s1" in window.session.document)
    assert window.detail.node_id == "s1"  # undo shows what it restored, with its column
    assert kpis.headers()[:2] == ["策略績效目標", "指標名稱"]
    window.tree.select_node("s2")
    assert kpis.headers()[:2] == ["策略績效目標", "指標名稱"]  # the column is back for s2 too
    discard_on_close(window)
