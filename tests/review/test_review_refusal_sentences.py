"""Review mode: a proposal that no longer fits the plan is refused with one Chinese sentence in the
status bar (its code's phrase, editor/ui/session/operation_errors.py), not the English text of the
OperationError (which is the command line's)."""
from PySide6.QtCore import Qt

from editor.ui.session import undo_commands
from tests.review.reviewed_docs import REVIEWER
from tests.review.test_review_mode import BAY, key, reviewed_window, strategy


def test_accepting_a_replacement_of_a_title_edited_since_says_why_in_chinese(qtbot, tmp_path, reviewed):
    window = reviewed_window(qtbot, tmp_path, reviewed)
    view = window.review.view
    assert undo_commands.execute_field(window.session, BAY, "title", "完全不同的名字", "改名") is None  # edited meanwhile
    view.text.setFocus()
    key(qtbot, Qt.Key.Key_F8)
    key(qtbot, Qt.Key.Key_F8)
    assert view.position.text().startswith("第 2／5 項：取代")
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "1 項無法處理：無法接受：這個建議修改的文字之後又被編輯過，修改已經對不上"
    assert strategy(window, BAY).title == "完全不同的名字"
    assert [p.status for p in window.session.plan.proposals if p.node_id == BAY and p.author == REVIEWER] == ["pending"]
