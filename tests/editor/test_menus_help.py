"""The commands users expect around the outline: the tree's context menu (menu key or right click),
Help ▸ 快速鍵 and ▸ 關於, Ctrl+W, recent files that still exist, and a status bar that forgets the last plan."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.editor.ui_support import DialogAnswerer, discard_on_close, make_window, write_plan


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.activePopupWidget() or QApplication.focusWidget(), key, modifier)
    qtbot.wait(1)


def test_the_menu_key_opens_the_rows_commands_and_they_work(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s2")
    rect = window.tree.visualRect(window.tree.currentIndex())
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.RightButton, pos=rect.center())
    window.tree.customContextMenuRequested.emit(rect.center())  # what Qt emits for the right click
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.context_menu)
    assert [a.text() for a in window.context_menu.actions() if not a.isSeparator()] == [
        "新增同層項目", "新增下層項目", "重新命名(&R)", "剪下(&T)", "複製(&C)", "貼上(&P)", "刪除(&D)", "上移", "下移", "降階", "升階"]
    key(qtbot, Qt.Key.Key_U)  # none has U: the menu stays
    window.context_menu.close()
    discard_on_close(window)


def test_help_lists_the_shortcuts_with_their_keys_and_about_says_where_things_are(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    key(qtbot, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    assert dialog.objectName() == "shortcutsDialog" and dialog.windowTitle() == "快速鍵"
    table = dialog.findChild(type(dialog.layout().itemAt(0).widget()), "shortcutsTable")
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["升階"] == "Shift+Tab" and rows["降階"] == "Tab" and rows["下一個窗格"] == "F6"
    assert rows["尋找下一個"] == "F3" and rows["取代(H)"] == "Ctrl+H" and rows["關閉計畫(C)"] == "Ctrl+W"
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    key(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    key(qtbot, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    about = QApplication.activeModalWidget()
    text = about.findChild(type(about.layout().itemAt(0).widget()), "aboutText").text()
    assert text.splitlines() == ["中程施政計畫編輯器 0.1.0", "授權：MIT", f"設定檔：{tmp_path / 'settings.ini'}",
                                 f"還原紀錄資料夾：{tmp_path / 'recovery'}"]
    key(qtbot, Qt.Key.Key_Escape)
    discard_on_close(window)


def test_ctrl_w_closes_the_plan_after_asking(qtbot, tmp_path):
    path = write_plan(tmp_path / "計畫.plan.json")
    window = make_window(qtbot, tmp_path / "w", path=path)
    window.tree.select_node("s1")
    window.show_status("已儲存 計畫.plan.json")
    window.detail.fields["title"].setText("改過的標題")  # an unsaved edit
    with DialogAnswerer("不儲存") as answers:
        key(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert answers.texts == ["「計畫.plan.json」有尚未儲存的變更。要先儲存嗎？"]
    assert window.session.path is None and window.session.plan.title == "未命名計畫"
    assert window.statusBar().currentMessage() == ""  # nothing about the plan closed
    discard_on_close(window)


def test_recent_files_that_no_longer_exist_are_dropped(qtbot, tmp_path):
    kept = write_plan(tmp_path / "在.plan.json")
    window = make_window(qtbot, tmp_path / "w")
    window.settings.setValue("recent_files", [str(tmp_path / "不在了.plan.json"), str(kept)])
    window.menus["recent"].aboutToShow.emit()
    assert [a.text() for a in window.menus["recent"].actions()] == [f"&1 {kept}"]
    assert window.recent_files() == [str(kept)]
    discard_on_close(window)


def test_no_two_commands_of_a_menu_share_their_access_key(qtbot, tmp_path):
    """Two 「(&I)」 in one menu and Alt+F, I opens neither: Qt only cycles between them."""
    import re

    window = make_window(qtbot, tmp_path)
    window.ensure_docks()
    for menu_action in window.menuBar().actions():
        keys = [m.group(1).lower() for a in menu_action.menu().actions()
                if (m := re.search(r"&(\w)", a.text()))]
        assert len(keys) == len(set(keys)), (menu_action.text(), keys)
    discard_on_close(window)
