"""Review mode on the working draft against a revision: rejecting a change puts the revision's version back."""
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from schema.document import Document
from schema.fileio import load_plan, save_plan
from schema.tree import children
from tests.editor.ui_support import make_window
from tests.paths import DEMO

METRO = "82e2ccce2507"  # 加速興建捷運及輕軌路網: its title changed in the 110 draft
ADDED = "demo110s0001"  # 推動智慧防災韌性城市: a strategy the draft added


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(QApplication.focusWidget(), key, modifier)
    qtbot.wait(20)


def test_rejecting_draft_changes_restores_the_revision_and_undo_brings_them_back(qtbot, tmp_path):
    path = tmp_path / "demo.plan.json"
    save_plan(load_plan(DEMO), path)
    window = make_window(qtbot, tmp_path, path=path)
    base = load_plan(DEMO).revisions[-1]
    old_title = next(s for a in base.content.focus.focus_areas for s in a.strategies if s.id == METRO).title
    window.review.show_draft()
    view = window.review.view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.text)
    assert view.position.text() == "共 9 項修正"
    while view.current_item() is None or view.current_item().node_id != METRO:
        key(qtbot, Qt.Key.Key_F8)
    assert view.position.text().endswith("項：修改 " + window.session.document.node(METRO).title + "（示範）")
    key(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.node(METRO).title == old_title
    assert view.position.text().startswith("第 ") and "／8 項" in view.position.text()
    while view.current_item().node_id != ADDED and view.current_item().key != f"added:{ADDED}":
        key(qtbot, Qt.Key.Key_F8)
    key(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert ADDED not in window.session.document
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ADDED in window.session.document
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.node(METRO).title != old_title
    assert view.position.text().startswith("第 ") and "／9 項" in view.position.text()


REMOVED = "b495579400f5"  # an action the draft removed (under ad635399a1da's sibling abd5d0ff4702)
MOVED = "fd43e8674685"  # a strategy the draft moved to another focus area
CHANGED_BODY = "581624526771"  # a strategy whose body the draft rewrote


def walk_to(qtbot, view, wanted):
    for _ in range(len(view.items) + 1):
        if view.current_item() is not None and view.current_item().key == wanted:
            return
        key(qtbot, Qt.Key.Key_F8)
    raise AssertionError(f"{wanted} not reached: {view.position.text()}")


def test_rejecting_a_removal_and_a_move_puts_the_revisions_item_back_journalled_and_undoable(qtbot, tmp_path):
    from editor.ui.session.journal_replay import read_journal

    path = tmp_path / "demo.plan.json"
    save_plan(load_plan(DEMO), path)
    window = make_window(qtbot, tmp_path, path=path)
    base = load_plan(DEMO).revisions[-1]
    base_doc = Document(base.content)
    document = window.session.document
    window.review.show_draft()
    view = window.review.view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.text)

    walk_to(qtbot, view, f"removed:{REMOVED}")
    key(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    restored = document.node(REMOVED)  # back with its own id, the revision's text, where it stood
    assert restored.model_dump() == base_doc.node(REMOVED).model_dump()
    assert document.parent(restored).id == "abd5d0ff4702" and document.index_of(restored) == 2
    assert [n.id for n in children(document.parent(restored))] == [n.id for n in children(base_doc.node("abd5d0ff4702"))]
    assert view.position.text().endswith("共 8 項修正") or "／8 項" in view.position.text()

    walk_to(qtbot, view, f"moved:{MOVED}")
    key(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert document.parent(document.node(MOVED)).id == "ad635399a1da"
    assert document.index_of(document.node(MOVED)) == base_doc.index_of(base_doc.node(MOVED)) == 5
    assert "／7 項" in view.position.text()

    # both are edits of the journal, as a typed one is
    kinds = [type(entry).__name__ for entry in read_journal(window.session._journal.path).ops]
    assert kinds[-2:] == ["Insert", "Move"]

    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.parent(document.node(MOVED)).id == "5f4cd818d670"
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert REMOVED not in document
    assert "／9 項" in view.position.text()


def test_accepting_a_draft_change_keeps_the_draft_and_only_marks_it_seen(qtbot, tmp_path):
    path = tmp_path / "demo.plan.json"
    save_plan(load_plan(DEMO), path)
    window = make_window(qtbot, tmp_path, path=path)
    document = window.session.document
    body = document.node(CHANGED_BODY).body
    window.review.show_draft()
    view = window.review.view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.text)
    walk_to(qtbot, view, f"modified:{CHANGED_BODY}")
    steps = window.session.undo_stack.count()
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert document.node(CHANGED_BODY).body == body  # the change stays in the draft
    assert window.session.undo_stack.count() == steps and not window.isWindowModified()
    assert "／8 項" in view.position.text()
    assert f"modified:{CHANGED_BODY}" not in [i.key for i in view.items]
