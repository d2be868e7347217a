"""The checks pane's context menu in the window: right click, the menu key or Shift+F10 on a finding offer
前往項目, 複製說明 (Ctrl+C) and 重新檢核 (F5); each works from its access key. Keys go to the focused widget."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.editor.ui_support import discard_on_close, make_window

MESSAGE = "推動策略既沒有說明文字，也沒有具體作法。"  # the small plan's one finding, on s3


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.activePopupWidget() or QApplication.focusWidget(), key, modifier)
    qtbot.wait(1)


def checks_with_the_finding_current(qtbot, window):
    checks = window.checks
    qtbot.waitUntil(lambda: len(checks.findings()) == 1)
    for _step in range(8):  # F6 walks the panes to the checks
        if QApplication.focusWidget() is checks.view:
            break
        key(qtbot, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is checks.view
    key(qtbot, Qt.Key.Key_Down)  # from the group row (警告（1）) to the finding
    assert checks.view.currentIndex().data(Qt.ItemDataRole.DisplayRole) == "二、（一） 建置青年創業資源網"
    return checks


def menu_texts(menu) -> list[str]:
    return [(a.text(), a.isEnabled()) for a in menu.actions() if not a.isSeparator()]


def test_the_menu_key_offers_go_copy_and_rerun_and_go_selects_the_item(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s1")
    checks = checks_with_the_finding_current(qtbot, window)
    key(qtbot, Qt.Key.Key_Menu)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is checks.menu)
    assert menu_texts(checks.menu) == [("前往項目(&G)", True), ("複製說明(&C)", True), ("重新檢核(&R)", True)]
    key(qtbot, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert window.tree.current_node_id() == "s3"
    discard_on_close(window)


def test_shift_f10_then_c_copies_the_message_and_ctrl_c_does_too(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    checks = checks_with_the_finding_current(qtbot, window)
    QApplication.clipboard().clear()
    key(qtbot, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is checks.menu)
    key(qtbot, Qt.Key.Key_C)
    assert QApplication.clipboard().text() == MESSAGE
    QApplication.clipboard().clear()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is checks.view)
    key(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == MESSAGE
    assert window.session.undo_stack.count() == 0  # the tree's Ctrl+C (copy items) did not fire
    QApplication.clipboard().clear()
    discard_on_close(window)


def test_right_click_on_a_finding_and_rerun_with_r_or_f5(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    checks = checks_with_the_finding_current(qtbot, window)
    window.session.document.node("s3").body = "補上說明。"  # changed behind the document's back: no automatic run
    index = checks.view.currentIndex()
    position = checks.view.visualRect(index).center()
    qtbot.mouseClick(checks.view.viewport(), Qt.MouseButton.RightButton, pos=position)
    if QApplication.activePopupWidget() is None:  # offscreen Qt makes no context-menu event of the click
        checks.view.customContextMenuRequested.emit(position)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is checks.menu)
    key(qtbot, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: checks.findings() == [])
    assert window.statusBar().currentMessage() == "已重新檢核：0 項發現"
    assert checks.empty_label.text() == "沒有發現問題"
    window.session.document.node("s3").body = ""
    window.activateWindow()  # the popup had the focus; offscreen Qt gives it back to nobody
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    for _step in range(8):  # F6 reaches the empty pane too
        if QApplication.focusWidget() is checks.empty_label:
            break
        key(qtbot, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is checks.empty_label
    key(qtbot, Qt.Key.Key_F5)
    assert [f.message for f in checks.findings()] == [MESSAGE]
    assert window.statusBar().currentMessage() == "已重新檢核：1 項發現"
    discard_on_close(window)


def test_on_a_group_row_only_rerun_applies(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    checks = checks_with_the_finding_current(qtbot, window)
    key(qtbot, Qt.Key.Key_Up)  # the group row 警告（1）
    key(qtbot, Qt.Key.Key_Menu)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is checks.menu)
    assert menu_texts(checks.menu) == [("前往項目(&G)", False), ("複製說明(&C)", False), ("重新檢核(&R)", True)]
    key(qtbot, Qt.Key.Key_Escape)
    discard_on_close(window)
