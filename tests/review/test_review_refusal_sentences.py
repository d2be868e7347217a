"""Review mode: a proposal that no longer fits the plan is refused with one Chinese sentence in the
status bar (its code's phrase, editor/ui/session/operation_errors.py), not the English text of the
OperationError (which is the command line's)."""
from PySide6.QtCore import Qt

from editor.ui.session import undo_commands
from schema import revisions
from schema.document import Document
from schema.fileio import save_plan
from schema.operations import Move, Remove
from tests.editor.ui_support import make_window, small_plan
from tests.review.reviewed_docs import REVIEWER
from tests.review.test_review_comparison import comparison_at, menu_key
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


def test_rejecting_a_move_whose_old_parent_was_removed_says_why_in_chinese(qtbot, tmp_path):
    """The draft moved 亞洲新灣區再啟航 out of 拚經濟 and removed 拚經濟: its move cannot be rejected first."""
    plan = small_plan()
    document = Document.of_plan(plan)
    document.apply_all(revisions.create_operations(plan, "110年修正版"))
    document.apply_all([Move("s2", "fa2", 1), Remove("fs", 0)])
    path = tmp_path / "moved.plan.json"
    save_plan(plan, path)
    window = make_window(qtbot, tmp_path, path=path)
    view = comparison_at(qtbot, window, "s2")
    menu_key(qtbot, view, Qt.Key.Key_R)  # 拒絕：還原為舊版(&R)
    assert window.statusBar().currentMessage() == "無法拒絕：原本的上層項目不在工作草稿中；請先拒絕刪除那個項目"
    assert window.session.document.parent(window.session.document.node("s2")).id == "fa2"
    assert window.session.undo_stack.count() == 0
