"""Edits brought back by crash recovery are in the undo history: Ctrl+Z undoes the last recovered edit
first (a compound edit as one step), Ctrl+Y redoes it, and those undos are journalled like any edit, so
a second crash recovers the state on screen. Keys go to the widget that has the focus."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.ui.session.recovery import find_recoverable, recover
from editor.ui.session.session import EditSession
from schema.operations import Move, SetField
from tests.editor.ui_support import DialogAnswerer, discard_on_close, make_window, write_plan

CTRL = Qt.KeyboardModifier.ControlModifier


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    qtbot.wait(1)


@pytest.fixture
def plan_path(tmp_path) -> Path:
    return write_plan(tmp_path / "small.plan.json")


def crash_after_edits(plan_path: Path, journal_dir: Path) -> None:
    """Three edits, the last a compound one (two moves), then the editor dies leaving its journal."""
    crashed = EditSession.open(plan_path, journal_dir=journal_dir)
    crashed.apply(SetField("s1", "title", "甲"))
    crashed.apply(SetField("s2", "title", "乙"))
    crashed.apply_group([Move("s3", "fa1", 0), Move("s1", "fa2", 0)])
    crashed._journal.close(delete=False)  # as a killed editor leaves it
    crashed._journal = None


def titles(window) -> dict[str, list[str]]:
    content = window.session.document.content
    return {area.id: [s.title for s in area.strategies] for area in content.focus.focus_areas}


def test_ctrl_z_undoes_the_recovered_edits_last_first_and_ctrl_y_redoes(qtbot, tmp_path, plan_path):
    crash_after_edits(plan_path, tmp_path / "recovery")
    window = make_window(qtbot, tmp_path)
    with DialogAnswerer("還原"):
        assert window.offer_recovery() is True
    assert titles(window) == {"fa1": ["建置青年創業資源網", "乙"], "fa2": ["甲"]}
    stack = window.session.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["還原的編輯", "還原的編輯", "還原的編輯（2 項）"]
    assert window.window_actions.undo.text() == "復原 還原的編輯（2 項）"
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    key(qtbot, Qt.Key.Key_Z, CTRL)  # the two moves, as one step
    assert titles(window) == {"fa1": ["甲", "乙"], "fa2": ["建置青年創業資源網"]}
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert titles(window) == {"fa1": ["甲", "亞洲新灣區再啟航"], "fa2": ["建置青年創業資源網"]}
    assert window.tree.current_node_id() == "s2"  # the undone edit's node is shown
    key(qtbot, Qt.Key.Key_Y, CTRL)
    assert titles(window) == {"fa1": ["甲", "乙"], "fa2": ["建置青年創業資源網"]}
    assert window.session.is_dirty()  # still not saved
    discard_on_close(window)


def test_undos_of_recovered_edits_are_journalled_so_a_second_crash_keeps_them(qtbot, tmp_path, plan_path):
    journal_dir = tmp_path / "recovery"
    crash_after_edits(plan_path, journal_dir)
    first = recover(find_recoverable(journal_dir)[0], journal_dir=journal_dir)
    first.undo_stack.undo()
    first.undo_stack.undo()
    shown = first.document.content.model_dump(mode="json")
    first._journal.close(delete=False)  # the second crash
    first._journal = None
    second = recover(find_recoverable(journal_dir)[0], journal_dir=journal_dir)
    assert second.document.content.model_dump(mode="json") == shown
    assert second.document.node("s1").title == "甲" and second.document.node("s2").title == "亞洲新灣區再啟航"
    # The second history holds the first's edits and their undos, as applied: undoing them all gives the file.
    while second.undo_stack.canUndo():
        second.undo_stack.undo()
    assert second.document.content.model_dump(mode="json") == EditSession.open(plan_path).document.content.model_dump(mode="json")
    second.close()
