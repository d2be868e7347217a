"""Undo commands: operations plus inverses through the session (so undo and redo are journalled),
refusals that change nothing, readable names, typing merged per field and pause."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.ui.session import undo_commands
from editor.ui.session.recovery import find_recoverable, recover
from editor.ui.session.session import EditSession
from schema.operations import Insert, Move, Remove, SetField
from tests.editor.ui_support import small_plan


@pytest.fixture
def session(tmp_path):
    s = EditSession(small_plan(), None, journal_dir=tmp_path / "recovery")
    yield s
    s.close()


def journal_ops(session) -> list[dict]:
    lines = session.journal_path.read_text("utf-8").splitlines()[1:]  # line 1 is the header
    return [json.loads(line) for line in lines]


def test_a_command_applies_once_and_undo_redo_go_through_the_journal(session):
    assert undo_commands.execute(session, [Move("s2", "fa1", 0)], "上移推動策略") is None
    assert [s.id for s in session.document.node("fa1").strategies] == ["s2", "s1"]
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert [s.id for s in session.document.node("fa1").strategies] == ["s2", "s1"]
    assert journal_ops(session) == [
        {"op": "Move", "node_id": "s2", "parent_id": "fa1", "index": 0},
        {"op": "Move", "node_id": "s2", "parent_id": "fa1", "index": 1},  # the undo
        {"op": "Move", "node_id": "s2", "parent_id": "fa1", "index": 0},  # the redo
    ]


def test_a_refused_operation_changes_nothing_and_says_why(session):
    before = session.document.content.model_dump()
    error = undo_commands.execute(session, [SetField("s1", "title", "甲"), Insert("g1", 0, {"kind": "goal"})], "x")
    assert error == "施政目標「產業轉型優先」不能有下層項目"
    assert session.document.content.model_dump() == before  # the first op was rolled back
    assert session.undo_stack.count() == 0


def test_several_operations_undo_as_one_step_in_reverse(session):
    ops = [Remove("s1", 1), Remove("s1", 0)]
    assert undo_commands.execute(session, ops, "刪除 2 個項目") is None
    assert session.document.node("s1").actions == []
    session.undo_stack.undo()
    assert [a.id for a in session.document.node("s1").actions] == ["a1", "a2"]
    assert [a.id for a in session.document.node("a1").actions] == ["a1x"]


def test_typing_merges_per_field_and_pause(session, monkeypatch):
    now = [0.0]
    monkeypatch.setattr(undo_commands.time, "monotonic", lambda: now[0])
    for text in ("拚", "拚觀", "拚觀光"):
        undo_commands.execute_field(session, "fa1", "title", text, "重新命名施政重點", typing=True)
        now[0] += 0.2
    undo_commands.execute_field(session, "fa2", "title", "衝", "重新命名施政重點", typing=True)  # another node: new step
    now[0] += undo_commands.TYPING_PAUSE + 0.1
    undo_commands.execute_field(session, "fa2", "title", "衝就", "重新命名施政重點", typing=True)  # after a pause: new step
    undo_commands.execute_field(session, "fa2", "body", "x", "修改施政重點的內容", typing=True)  # another field: new step
    undo_commands.execute_field(session, "fa2", "body", "xy", "修改施政重點的內容", typing=False)  # not typing: new step
    assert session.undo_stack.count() == 5
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.document.node("fa2").title == "衝"
    session.undo_stack.undo()
    assert (session.document.node("fa1").title, session.document.node("fa2").title) == ("拚觀光", "衝就業")
    session.undo_stack.undo()  # one step takes back the whole burst 拚 → 拚觀 → 拚觀光
    assert session.document.node("fa1").title == "拚經濟"
    assert session.undo_stack.text(0) == "重新命名施政重點"


def test_readable_names(session):
    assert undo_commands.field_text("推動策略", "lead_agencies") == "修改推動策略的主辦機關"
    assert undo_commands.field_text("推動策略", "title") == "重新命名推動策略"
    assert undo_commands.delete_many_text(3) == "刪除 3 個項目"
    assert undo_commands.drag_text(2) == "拖放移動 2 個項目"
    assert undo_commands.outdent_text("子項作法") == "升階子項作法"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.sampled_from(["rename", "move", "remove", "undo", "redo"]), min_size=1, max_size=15))
def test_the_journal_replays_to_what_is_on_screen_after_any_undo_and_redo(tmp_path_factory, steps):
    journal_dir = tmp_path_factory.mktemp("recovery")
    session = EditSession(small_plan(), None, journal_dir=journal_dir)
    counter = 0
    for step in steps:
        counter += 1
        if step == "undo":
            session.undo_stack.undo()
        elif step == "redo":
            session.undo_stack.redo()
        elif step == "rename":
            undo_commands.execute_field(session, "s1", "title", f"名稱{counter}", "重新命名推動策略")
        elif step == "move":
            strategies = session.document.node("fa1").strategies
            if len(strategies) > 1:
                undo_commands.execute(session, [Move(strategies[-1].id, "fa1", 0)], "上移推動策略")
        elif step == "remove" and session.document.node("fa2").strategies:
            undo_commands.execute(session, [Remove("fa2", 0)], "刪除推動策略")
    expected = session.document.content.model_dump()
    if session.journal_path is None:  # nothing was applied
        session.close()
        return
    session._journal.close(delete=False)  # as a killed editor leaves it
    session._journal = None
    [item] = find_recoverable(journal_dir)
    restored = recover(item, journal_dir=journal_dir)
    assert restored.document.content.model_dump() == expected
    restored.close()
