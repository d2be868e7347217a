"""Review mode driven by real keys: next change, accept, reject, undo of each, accept all of one author."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.review import read_review
from schema.fileio import load_plan, save_plan
from tests.editor.ui_support import ime_commit, make_window
from tests.paths import SAMPLE
from tests.review.conftest import COMMENTER
from tests.review.reviewed_docs import REVIEWER

BAY = "c456565aff2f"
QIAOTOU = "d343ee237953"
YOUTH = "4133f35af774"


@pytest.fixture()
def window(qtbot, tmp_path, reviewed):
    return reviewed_window(qtbot, tmp_path, reviewed)


def reviewed_window(qtbot, tmp_path, reviewed):
    plan = load_plan(SAMPLE)
    plan.proposals += read_review(plan, reviewed["tracked_commented"]).proposals
    path = tmp_path / "reviewed.plan.json"
    save_plan(plan, path)
    window = make_window(qtbot, tmp_path, path=path)
    qtbot.waitUntil(lambda: window.review.dock.isVisible())  # pending proposals: Review mode shows itself
    window.review.view.text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.review.view.text)
    return window


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(QApplication.focusWidget(), key, modifier)
    qtbot.wait(20)


def strategy(window, node_id):
    return window.session.document.node(node_id)


def test_f8_walks_the_changes_in_the_plans_order_and_selects_their_item(qtbot, window):
    view = window.review.view
    assert view.position.text() == "共 5 項修正"
    key(qtbot, Qt.Key.Key_F8)
    assert view.position.text() == f"第 1／5 項：新增項目 推動橋頭科學園區（{REVIEWER}）"
    assert window.tree.current_node_id() == QIAOTOU
    key(qtbot, Qt.Key.Key_F8)
    assert view.position.text() == f"第 2／5 項：取代 亞洲新灣區再啟航（{REVIEWER}）"
    assert window.tree.current_node_id() == BAY
    key(qtbot, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.position.text().startswith("第 1／5 項")
    assert "爭取產業人才培育中心進駐園區。" in view.text.toPlainText()
    assert "text-decoration: underline" in view.text.toHtml()


def test_the_views_key_commands_are_its_widget_actions(window):
    """QWidget.actions() answers on the view (a dict named ``actions`` used to hide it: calling it raised)."""
    view = window.review.view
    assert [a.text() for a in view.actions()] == ["上一個", "下一個", "接受", "拒絕", "全部接受", "全部拒絕", "結案"]
    assert list(view.key_actions) == ["previous", "next", "accept", "reject", "accept_all", "reject_all", "resolve"]


def test_accept_then_undo(qtbot, window):
    view = window.review.view
    key(qtbot, Qt.Key.Key_F8)
    key(qtbot, Qt.Key.Key_F8)
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert strategy(window, BAY).title == "亞洲新灣區再升級"
    assert view.position.text() == f"第 2／4 項：註解 設置科技新創園區（{COMMENTER}）"
    assert window.isWindowModified()
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert strategy(window, BAY).title == "亞洲新灣區再啟航"
    assert [p.status for p in window.session.plan.proposals if p.node_id == BAY] == ["pending"]
    assert view.position.text().startswith("第 2／5 項")


def test_reject_then_undo(qtbot, window):
    view = window.review.view
    key(qtbot, Qt.Key.Key_F8)
    key(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(strategy(window, QIAOTOU).actions) == 2
    assert [p.status for p in window.session.plan.proposals if p.node_id == QIAOTOU] == ["rejected"]
    assert view.position.text() == f"第 1／4 項：取代 亞洲新灣區再啟航（{REVIEWER}）"
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [p.status for p in window.session.plan.proposals if p.node_id == QIAOTOU] == ["pending"]
    assert view.position.text() == "共 5 項修正" or view.position.text().startswith("第 1／5 項")


def test_accept_all_of_one_author_is_one_undo_step(qtbot, window):
    view = window.review.view
    key(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is view.author
    while view.author.currentData() != REVIEWER:
        key(qtbot, Qt.Key.Key_Down)
    assert view.position.text() == "共 4 項修正"
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert strategy(window, BAY).title == "亞洲新灣區再升級"
    assert strategy(window, QIAOTOU).actions[2].text == "爭取產業人才培育中心進駐園區。"
    assert "多元培訓課程" in strategy(window, YOUTH).body
    statuses = {p.kind: p.status for p in window.session.plan.proposals}
    assert statuses == {"insert_node": "accepted", "replace": "accepted", "delete": "accepted", "comment": "pending"}
    window.review.view.text.setFocus()
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [p.status for p in window.session.plan.proposals] == ["pending"] * 5
    assert strategy(window, BAY).title == "亞洲新灣區再啟航" and len(strategy(window, QIAOTOU).actions) == 2


def test_reply_resolve_and_a_staff_comment(qtbot, window):
    view = window.review.view
    for _ in range(3):
        key(qtbot, Qt.Key.Key_F8)
    assert view.current_item().is_comment
    view.reply.setFocus()
    ime_commit(QApplication.focusWidget(), "已補充")
    key(qtbot, Qt.Key.Key_Return)
    comment = next(p for p in window.session.plan.proposals if p.kind == "comment")
    assert [r.text for r in comment.replies][-1] == "已補充"
    assert "已補充" in view.comments.item(0).text()
    key(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert next(p for p in window.session.plan.proposals if p.kind == "comment").status == "resolved"
    window.tree.select_node(YOUTH)
    view.new_comment.setFocus()
    ime_commit(QApplication.focusWidget(), "請確認預算")
    key(qtbot, Qt.Key.Key_Return)
    staff = [p for p in window.session.plan.proposals if p.source == "staff"]
    assert [(p.node_id, p.comment, p.status) for p in staff] == [(YOUTH, "請確認預算", "pending")]


def test_buttons_name_the_keys_as_the_menus_do_and_the_keypad_enter_accepts(qtbot, window):
    from PySide6.QtWidgets import QPushButton

    view = window.review.view
    names = [view.findChild(QPushButton, f"review_{key}").text() for key in ("previous", "next", "accept", "reject", "accept_all", "reject_all")]
    assert names == ["上一個　Shift+F8", "下一個　F8", "接受　Ctrl+Enter", "拒絕　Ctrl+Del", "全部接受　Ctrl+Shift+Enter", "全部拒絕　Ctrl+Shift+Del"]
    key(qtbot, Qt.Key.Key_F8)
    key(qtbot, Qt.Key.Key_F8)
    key(qtbot, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier)
    assert strategy(window, BAY).title == "亞洲新灣區再升級"


BUTTONS = ("previous", "next", "accept", "reject", "accept_all", "reject_all")


@pytest.mark.parametrize(("language", "delete_key", "expected"), [
    # Qt's own Chinese names Del 「刪除鍵 (Del)」: our label adds no parentheses around it, as the menus' shortcut column
    ("zh_TW", "刪除鍵 (Del)", ["上一個　Shift+F8", "下一個　F8", "接受　Ctrl+Enter", "拒絕　Ctrl+刪除鍵 (Del)",
                               "全部接受　Ctrl+Shift+Enter", "全部拒絕　Ctrl+Shift+刪除鍵 (Del)"]),
    ("en", "Del", ["Previous (Shift+F8)", "Next (F8)", "Accept (Ctrl+Enter)", "Reject (Ctrl+Del)",
                   "Accept all (Ctrl+Shift+Enter)", "Reject all (Ctrl+Shift+Del)"]),
])
def test_with_the_apps_translators_the_buttons_name_the_keys_without_nested_parentheses(qtbot, tmp_path, reviewed, language, delete_key, expected):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QPushButton

    from editor.ui.i18n import install_translator

    assert install_translator(QApplication.instance(), language)  # as the app installs them (conftest removes them)
    window = reviewed_window(qtbot, tmp_path, reviewed)
    view = window.review.view
    assert [view.findChild(QPushButton, f"review_{name}").text() for name in BUTTONS] == expected
    # the menus name the key the same way (Edit ▸ 刪除's shortcut column)
    assert window.window_actions.delete.shortcut().toString(QKeySequence.SequenceFormat.NativeText) == delete_key
