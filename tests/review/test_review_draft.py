"""Review mode on the working draft against a revision: rejecting a change puts the revision's version back."""
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from schema.fileio import load_plan, save_plan
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
