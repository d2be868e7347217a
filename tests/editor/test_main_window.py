"""The main window driven with the keyboard, as a user works in the tree: rename, add, delete, move,
indent and outdent, with numbers following at once, undo and redo of each, and the title's `*`."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QToolButton

from tests.editor.ui_support import (
    DialogAnswerer,
    LayoutRequests,
    current_id,
    discard_on_close,
    ime_commit,
    make_window,
    tooltip_shown,
    visible_texts,
    write_plan,
)

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def strategies(window, area="fa1"):
    return [(s.id, s.title) for s in window.session.document.node(area).strategies]


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key in the tree, once the tree has the focus again (after a dialog or the inline editor)."""
    if QApplication.focusWidget() is not window.tree:  # offscreen has no window manager to re-activate us
        window.activateWindow()
        window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    qtbot.keyClick(window.tree, key, modifier)


def undo(qtbot, window):
    press(qtbot, window, Qt.Key.Key_Z, CTRL)


def redo(qtbot, window, with_y=False):
    if with_y:
        press(qtbot, window, Qt.Key.Key_Y, CTRL)
    else:
        press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)


def finish_inline(qtbot, window, editor, key=Qt.Key.Key_Return) -> None:
    """Enter (commit) or Esc in the inline editor; the delegate closes it from the event loop."""
    qtbot.keyClick(editor, key)
    qtbot.waitUntil(lambda: window.tree.state() != QAbstractItemView.State.EditingState)


def inline_editor(window) -> QLineEdit:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and window.tree.isAncestorOf(editor)
    return editor


def rename_in_tree(qtbot, window, node_id: str, title: str) -> None:
    """F2 on ``node_id``, the whole title replaced by ``title`` typed through the input method, Enter."""
    window.tree.select_node(node_id)
    press(qtbot, window, Qt.Key.Key_F2)
    editor = inline_editor(window)
    editor.selectAll()
    ime_commit(editor, title)
    finish_inline(qtbot, window, editor)


def test_f2_edits_the_title_without_its_number_and_resting_on_a_row_shows_its_kind(qtbot, tmp_path):
    """The rows are painted by Qt from the items (the model has no data() of its own): the inline editor
    and the tooltip still come from the node — the whole title to edit, 「推動策略：…」 to read."""
    window = make_window(qtbot, tmp_path)
    assert tooltip_shown(window.tree, "s1") == "推動策略：推動橋頭科學園區"
    window.tree.select_node("s1")
    press(qtbot, window, Qt.Key.Key_F2)
    editor = inline_editor(window)
    assert editor.text() == "推動橋頭科學園區" and not editor.isModified()
    editor.end(False)
    ime_commit(editor, "二期")
    finish_inline(qtbot, window, editor)
    assert window.session.document.node("s1").title == "推動橋頭科學園區二期"
    assert window.tree.index_for_id("s1").data() == "（一）推動橋頭科學園區二期"
    assert tooltip_shown(window.tree, "s1") == "推動策略：推動橋頭科學園區二期"
    discard_on_close(window)


def test_the_window_shows_the_four_sections_and_the_strategies(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    assert visible_texts(window.tree) == [
        "理念", "施政目標", "  產業轉型優先", "  增加就業優先",
        "壹、施政重點與發展策略", "  一、拚經濟", "    （一）推動橋頭科學園區", "    （二）亞洲新灣區再啟航",
        "  二、衝就業", "    （一）建置青年創業資源網", "貳、未來施政藍圖與結語",
    ]  # the preface's and the closing's long paragraphs start closed
    assert window.windowHandle().title() == "未命名 — 測試計畫 — 中程施政計畫編輯器"


def test_f2_renames_in_place_with_chinese_input_and_undo_redo(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    rename_in_tree(qtbot, window, "s2", "亞洲新灣區2.0")
    assert window.session.document.node("s2").title == "亞洲新灣區2.0"
    assert window.tree.index_for_id("s2").data() == "（二）亞洲新灣區2.0"
    assert window.window_actions.undo.text() == "復原 重新命名推動策略"
    assert window.windowHandle().title().startswith("*未命名 — ")
    undo(qtbot, window)
    assert window.session.document.node("s2").title == "亞洲新灣區再啟航"
    assert window.windowHandle().title().startswith("未命名 — ")
    redo(qtbot, window, with_y=True)
    assert window.tree.index_for_id("s2").data() == "（二）亞洲新灣區2.0"
    discard_on_close(window)


def test_double_click_opens_the_inline_editor(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    index = window.tree.index_for_id("s3")
    window.tree.scrollTo(index)
    rect = window.tree.visualRect(index)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = inline_editor(window)
    assert editor.text() == "建置青年創業資源網"
    finish_inline(qtbot, window, editor, Qt.Key.Key_Escape)
    assert window.session.undo_stack.count() == 0


def test_enter_adds_a_sibling_after_and_names_it(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s1")
    press(qtbot, window, Qt.Key.Key_Return)
    editor = inline_editor(window)
    ime_commit(editor, "推動智慧城市")
    finish_inline(qtbot, window, editor)
    titles = [t for _i, t in strategies(window)]
    assert titles == ["推動橋頭科學園區", "推動智慧城市", "亞洲新灣區再啟航"]
    assert window.tree.index_for_id("s2").data() == "（三）亞洲新灣區再啟航"
    assert window.session.undo_stack.count() == 2
    assert window.session.undo_stack.text(0) == "新增推動策略"
    undo(qtbot, window)
    undo(qtbot, window)
    assert [t for _i, t in strategies(window)] == ["推動橋頭科學園區", "亞洲新灣區再啟航"]
    redo(qtbot, window)
    assert [t for _i, t in strategies(window)] == ["推動橋頭科學園區", "", "亞洲新灣區再啟航"]
    discard_on_close(window)


def test_ctrl_enter_and_insert_add_children(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s2")
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    editor = inline_editor(window)
    ime_commit(editor, "引進民間投資")
    finish_inline(qtbot, window, editor)
    assert [a.text for a in window.session.document.node("s2").actions] == ["引進民間投資"]
    new_action = window.session.document.node("s2").actions[0].id
    assert window.tree.index_for_id(new_action).data() == "1. 引進民間投資"
    press(qtbot, window, Qt.Key.Key_Insert)  # a sub-action under the new action
    finish_inline(qtbot, window, inline_editor(window), Qt.Key.Key_Escape)
    sub = window.session.document.node(new_action).actions
    assert len(sub) == 1 and window.tree.index_for_id(sub[0].id).data() == "（1）（未命名）"
    assert window.session.undo_stack.undoText() == "新增子項作法"
    press(qtbot, window, Qt.Key.Key_Insert)  # no third level
    assert window.statusBar().currentMessage() == "具體作法最多兩層（1. 與（1））"
    window.tree.select_node("g1")
    press(qtbot, window, Qt.Key.Key_Insert)
    assert window.statusBar().currentMessage() == "施政目標之下不能有下層項目"
    discard_on_close(window)


def test_delete_asks_how_many_go_for_a_subtree(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("a2")  # a leaf: no question
    press(qtbot, window, Qt.Key.Key_Delete)
    assert [a.id for a in window.session.document.node("s1").actions] == ["a1"]
    assert window.session.undo_stack.undoText() == "刪除具體作法"
    window.tree.select_node("s1")
    with DialogAnswerer("取消") as answers:
        press(qtbot, window, Qt.Key.Key_Delete)
    assert answers.texts == ["刪除推動策略「推動橋頭科學園區」會一併刪除其下 2 個項目，共 3 個項目。確定要刪除嗎？"]
    assert "s1" in window.session.document
    with DialogAnswerer("刪除") as answers:
        press(qtbot, window, Qt.Key.Key_Delete)
    assert strategies(window) == [("s2", "亞洲新灣區再啟航")]
    assert window.tree.index_for_id("s2").data() == "（一）亞洲新灣區再啟航"
    assert current_id(window) == "s2"
    undo(qtbot, window)
    assert [i for i, _t in strategies(window)] == ["s1", "s2"]
    assert [a.id for a in window.session.document.node("a1").actions] == ["a1x"]
    undo(qtbot, window)
    assert [a.id for a in window.session.document.node("s1").actions] == ["a1", "a2"]
    discard_on_close(window)


def test_delete_of_several_selected_items_counts_all_of_them(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    selection = window.tree.selectionModel()
    window.tree.select_node("s1")
    selection.select(window.tree.index_for_id("s3"), selection.SelectionFlag.Select)
    with DialogAnswerer("刪除") as answers:
        press(qtbot, window, Qt.Key.Key_Delete)
    assert answers.texts == ["刪除選取的 2 個項目會連同其下層一起刪除，共 5 個項目。確定要刪除嗎？"]
    assert "s1" not in window.session.document and "s3" not in window.session.document
    assert window.session.undo_stack.undoText() == "刪除 2 個項目"
    undo(qtbot, window)
    assert "s1" in window.session.document and "s3" in window.session.document
    discard_on_close(window)


def test_alt_up_and_down_move_among_siblings(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s2")
    press(qtbot, window, Qt.Key.Key_Up, ALT)
    assert [i for i, _t in strategies(window)] == ["s2", "s1"]
    assert window.tree.index_for_id("s2").data() == "（一）亞洲新灣區再啟航"
    assert current_id(window) == "s2"
    press(qtbot, window, Qt.Key.Key_Up, ALT)
    assert window.statusBar().currentMessage() == "「亞洲新灣區再啟航」已經是第一個"
    press(qtbot, window, Qt.Key.Key_Down, ALT)
    assert [i for i, _t in strategies(window)] == ["s1", "s2"]
    assert window.session.undo_stack.undoText() == "下移推動策略"
    press(qtbot, window, Qt.Key.Key_Down, ALT)
    assert window.statusBar().currentMessage() == "「亞洲新灣區再啟航」已經是最後一個"
    undo(qtbot, window)
    assert [i for i, _t in strategies(window)] == ["s2", "s1"]
    undo(qtbot, window)
    assert [i for i, _t in strategies(window)] == ["s1", "s2"]
    discard_on_close(window)


def test_tab_indents_and_shift_tab_outdents_where_the_hierarchy_allows(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    doc = window.session.document
    window.tree.select_node("a2")
    press(qtbot, window, Qt.Key.Key_Tab)
    assert [a.id for a in doc.node("a1").actions] == ["a1x", "a2"]
    assert window.tree.index_for_id("a2").data() == "（2）籌設聯外道路。"
    assert window.session.undo_stack.undoText() == "降階具體作法"
    assert current_id(window) == "a2" and window.tree.hasFocus()
    press(qtbot, window, Qt.Key.Key_Backtab, SHIFT)
    assert [a.id for a in doc.node("s1").actions] == ["a1", "a2"]
    assert window.tree.index_for_id("a2").data() == "2. 籌設聯外道路。"
    assert window.session.undo_stack.undoText() == "升階子項作法"
    window.tree.select_node("s2")
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.statusBar().currentMessage() == "無法降階：推動策略之下不能放推動策略"
    window.tree.select_node("a1")
    press(qtbot, window, Qt.Key.Key_Backtab, SHIFT)
    assert window.statusBar().currentMessage() == "無法升階：施政重點之下不能放具體作法"
    window.tree.select_node("a1x")
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.statusBar().currentMessage() == "「細項。」前面沒有同層項目，無法降階"
    assert window.session.undo_stack.count() == 2
    undo(qtbot, window)
    undo(qtbot, window)
    assert [a.id for a in doc.node("s1").actions] == ["a1", "a2"] and [a.id for a in doc.node("a1").actions] == ["a1x"]
    discard_on_close(window)


def test_sections_are_fixed(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("fs")
    press(qtbot, window, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage() == "固定的章節不能刪除"
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == "固定的章節不能新增同層項目；請用 Ctrl+Enter 新增下層項目"
    press(qtbot, window, Qt.Key.Key_Down, ALT)
    assert window.statusBar().currentMessage() == "固定的章節不能移動"
    assert window.session.undo_stack.count() == 0


def test_the_undo_history_lists_readable_names(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s2")
    press(qtbot, window, Qt.Key.Key_Up, ALT)
    window.tree.select_node("a2")
    press(qtbot, window, Qt.Key.Key_Tab)
    window.undo_dock.show()
    model = window.undo_view.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["〈開啟時的狀態〉", "上移推動策略", "降階具體作法"]
    window.undo_view.setCurrentIndex(model.index(0, 0))  # click the first line: back to the start
    assert [i for i, _t in strategies(window)] == ["s1", "s2"]
    assert window.window_actions.redo.text() == "取消復原 上移推動策略"
    discard_on_close(window)


def test_geometry_splitter_and_recent_files_are_remembered(qtbot, tmp_path):
    plan = write_plan(tmp_path / "plans" / "a.plan.json")
    window = make_window(qtbot, tmp_path, path=plan)
    window.resize(640, 480)
    window.splitter.setSizes([200, 440])
    window.add_recent(plan)
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("recent_files") in ([str(plan)], str(plan))
    second = make_window(qtbot, tmp_path)
    assert (second.width(), second.height()) == (640, 480)
    assert abs(second.splitter.sizes()[0] - 200) <= 2  # the handle's width is shared out again
    second.menus["recent"].aboutToShow.emit()
    assert [a.text() for a in second.menus["recent"].actions()] == [f"&1 {plan}"]


def test_a_big_plan_opens_with_its_focus_areas_closed(qtbot, tmp_path):
    from editor.ui.main_window import OPEN_STRATEGIES_LIMIT
    from editor.ui.session.session import EditSession
    from tests.synthetic import generate_plan

    plan = generate_plan(focus_areas=OPEN_STRATEGIES_LIMIT // 10 + 1, strategies=10, actions=1)
    window = make_window(qtbot, tmp_path, session=EditSession(plan, None, journal_dir=tmp_path / "recovery"))
    rows = visible_texts(window.tree)
    areas = OPEN_STRATEGIES_LIMIT // 10 + 1  # 310 strategies: over the limit
    assert rows[:2] == ["理念", "施政目標"] and rows[6:8] == ["壹、施政重點與發展策略", "  一、施政重點1"]
    assert rows[-1] == "貳、未來施政藍圖與結語"
    assert len(rows) == 2 + 4 + 1 + areas + 1  # sections, goals, focus areas: no strategy row is open


def test_the_docks_come_right_after_the_first_paint_and_keep_their_places(qtbot, tmp_path):
    """Start is progressive: the plan is painted first, then the docks are built (and restored)."""
    from editor.ui.main_window import MainWindow
    from editor.ui.session.session import EditSession
    from tests.editor.ui_support import small_plan

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(EditSession(small_plan(), None, journal_dir=tmp_path / "recovery"), settings=settings,
                        journal_dir=tmp_path / "recovery")
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "maybe_save", lambda: True))
    assert not window.docks_built()
    window.show()
    qtbot.waitUntil(window.docks_built)
    view_menu = [a.text() for a in window.menu("view").actions() if a.text()]
    assert view_menu[-5:] == ["復原記錄", "檢核結果", "架構圖預覽", "績效指標與經費總表", "修正對照"]
    assert window.checks_dock.isVisible() and window.chart_dock.isHidden() and window.undo_dock.isHidden()
    window.chart_dock.show()
    window.undo_dock.show()
    window.close()

    second = make_window(qtbot, tmp_path)
    assert second.chart_dock.isVisible() and second.undo_dock.isVisible() and second.checks_dock.isVisible()
    assert second.revisions.comparison_dock.isHidden()
    discard_on_close(second)


def test_a_title_holding_a_placeholder_reads_as_typed_in_the_question(qtbot, tmp_path):
    """The question's placeholders are filled in one pass (i18n.fill): a title with "%3" in it stays as it is."""
    window = make_window(qtbot, tmp_path)
    window.model.setData(window.model.index_for_id("s1"), "第%3期園區")
    window.tree.select_node("s1")
    with DialogAnswerer("取消") as answers:
        press(qtbot, window, Qt.Key.Key_Delete)
    assert answers.texts == ["刪除推動策略「第%3期園區」會一併刪除其下 3 個項目，共 4 個項目。確定要刪除嗎？"]
    discard_on_close(window)


def test_the_toolbar_undo_button_follows_the_stack_without_relaying_out_the_toolbar(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    undo_button = window.toolbar.findChild(QToolButton, "undoButton")
    redo_button = window.toolbar.findChild(QToolButton, "redoButton")
    assert (undo_button.isEnabled(), redo_button.isEnabled()) == (False, False)
    requests = LayoutRequests()
    window.toolbar.installEventFilter(requests)
    rename_in_tree(qtbot, window, "s2", "亞洲新灣區2.0")
    assert undo_button.isEnabled() and undo_button.toolTip() == "復原 重新命名推動策略"
    QTest.mouseClick(undo_button, Qt.MouseButton.LeftButton)
    qtbot.wait(20)  # the toolbar's posted relayout, if an edit asked for one
    assert window.session.document.node("s2").title == "亞洲新灣區再啟航"
    assert (undo_button.isEnabled(), redo_button.isEnabled()) == (False, True)
    assert redo_button.toolTip() == "取消復原 重新命名推動策略"
    assert requests.count == 0  # the buttons change, the toolbar's actions do not
    QTest.mouseClick(redo_button, Qt.MouseButton.LeftButton)
    assert window.tree.index_for_id("s2").data() == "（二）亞洲新灣區2.0"
    discard_on_close(window)


def test_the_window_keeps_qwidgets_own_actions_beside_its_menu_actions(qtbot, tmp_path):
    """The menus' actions are ``window_actions``; ``actions()`` is QWidget's list of the window's own."""
    window = make_window(qtbot, tmp_path)
    assert window.actions() == []
    extra = QAction("額外", window)
    window.addAction(extra)
    assert window.actions() == [extra]
    assert window.window_actions.undo.text() == "復原"
