"""The journal names each edit's author (修改者), so that a recovered session attributes every change
(Revision.authors) as the crashed one did, undos and redos included; journal version 3, and versions 1
and 2 still read."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.ui.session import journal_format
from editor.ui.session.recovery import find_recoverable, recover
from editor.ui.session.session import EditSession
from editor.ui.session.undo_commands import execute
from schema.operations import Insert, SetField
from tests.editor.test_journal import crash, make_plan, ops_


def _lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_each_edit_is_journalled_with_its_author_and_recovery_attributes_it_again(qapp, tmp_path):
    plan = make_plan(tmp_path / "p.plan.json")
    session = EditSession.open(plan, journal_dir=tmp_path / "rec")
    session.author = "研考會王小明"
    assert execute(session, [SetField("s1", "title", "甲的策略")], "rename") is None
    session.author = "經發局李大同"
    assert execute(session, [SetField("s2", "title", "乙的策略"), Insert("s2", 0, {"kind": "action", "id": "new1", "text": "新行動"})],
                   "two") is None
    # A merge: each operation by the side it came from.
    assert execute(session, [SetField("a1", "text", "甲方文字"), SetField("g1", "title", "乙方目標")], "merge",
                   authors=["研考會王小明", "審查委員甲"]) is None
    # An accepted proposal: its proposer's.
    assert execute(session, [SetField("s3", "title", "委員的修正")], "accept", author="審查委員甲") is None
    session.undo_stack.undo()  # the undo puts back the authors s3 had: none
    assert "s3" not in session.plan.draft.authors
    session.undo_stack.redo()  # the redo is the proposer's again
    before = dict(session.plan.draft.authors)
    assert before == {"s1": "研考會王小明", "s2": "經發局李大同", "new1": "經發局李大同", "a1": "研考會王小明",
                      "g1": "審查委員甲", "s3": "審查委員甲"}
    path = crash(session)

    header, *records = _lines(path)
    assert header["version"] == 3
    assert [r.get("by") for r in records] == [
        "研考會王小明", "經發局李大同", ["研考會王小明", "審查委員甲"], "審查委員甲", None, None,
    ]
    assert records[0] == {"op": "SetField", "node_id": "s1", "field": "title", "value": "甲的策略", "by": "研考會王小明"}
    # The undo and the redo say the authors they leave: none, then the proposer.
    assert [r.get("authors") for r in records] == [None, None, None, None, {"s3": None}, {"s3": "審查委員甲"}]
    assert len(records[1]["group"]) == 2

    [item] = find_recoverable(tmp_path / "rec")
    assert item.edit_count == 8
    restored = recover(item, journal_dir=tmp_path / "rec")
    assert restored.plan.draft.authors == before
    assert restored.document.node("s3").title == "委員的修正"
    # The recovered session goes on under the author the window gives it.
    restored.author = "研考會王小明"
    assert execute(restored, [SetField("s3", "title", "再改")], "again") is None
    assert restored.plan.draft.authors["s3"] == "研考會王小明"
    restored.close()


def test_an_edit_without_an_author_is_written_as_version_1_wrote_it(qapp, tmp_path):
    plan = make_plan(tmp_path / "p.plan.json")
    session = EditSession.open(plan, journal_dir=tmp_path / "rec")
    assert session.author == ""
    session.apply(SetField("s1", "title", "無名"))
    path = crash(session)
    assert _lines(path)[1] == {"op": "SetField", "node_id": "s1", "field": "title", "value": "無名"}


def test_a_version_1_journal_is_still_recovered_without_authors(qapp, tmp_path):
    plan = make_plan(tmp_path / "p.plan.json")
    session = EditSession.open(plan, journal_dir=tmp_path / "rec")
    session.apply(SetField("s1", "title", "舊版日誌"))
    session.apply_group([SetField("s2", "title", "二"), SetField("s3", "title", "三")])
    path = crash(session)
    lines = path.read_text("utf-8").splitlines()
    header = json.loads(lines[0])
    header["version"] = 1
    path.write_text("\n".join([json.dumps(header, ensure_ascii=False), *lines[1:]]) + "\n", "utf-8")

    [item] = find_recoverable(tmp_path / "rec")
    assert (item.problem, item.edit_count) == (None, 3)
    restored = recover(item, journal_dir=tmp_path / "rec")
    assert [restored.document.node(n).title for n in ("s1", "s2", "s3")] == ["舊版日誌", "二", "三"]
    assert restored.plan.draft.authors == {}
    restored.close()


def test_unreadable_authors_are_a_damaged_line(qapp, tmp_path):
    plan = make_plan(tmp_path / "p.plan.json")
    session = EditSession.open(plan, journal_dir=tmp_path / "rec")
    session.author = "甲"
    session.apply(SetField("s1", "title", "一"))
    session.apply(SetField("s2", "title", "二"))
    path = crash(session)
    lines = path.read_text("utf-8").splitlines()
    record = json.loads(lines[1])
    record["by"] = ["甲", "乙"]  # two names for one operation
    lines[1] = json.dumps(record, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    [item] = find_recoverable(tmp_path / "rec")
    assert item.problem == f"{path} is damaged at line 2, so its edits cannot be replayed safely."
    line = {"op": "SetField", "node_id": "s1", "field": "title", "value": "x", "by": "甲"}
    entry = journal_format.entry_from_json(line)
    assert (entry, journal_format.authors_from_json(line, entry)) == (SetField("s1", "title", "x"), ("甲",))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.lists(ops_, min_size=1, max_size=3), st.sampled_from(["", "甲", "乙", "丙"])), max_size=15),
       merged=st.booleans())
def test_any_edits_by_anyone_are_attributed_alike_after_recovery(qapp, tmp_path_factory, edits, merged):
    """Random edits (some refused), single or compound, by random authors (or none), some with one author per
    operation as a merge's: the recovered session's Revision.authors and content equal the crashed one's."""
    base = tmp_path_factory.mktemp("a")
    plan = make_plan(base / "p.plan.json")
    session = EditSession.open(plan, journal_dir=base / "rec")
    applied = 0
    for ops, who in edits:
        session.author = who
        authors = [who or "丁"] + ["乙"] * (len(ops) - 1) if merged and len(ops) > 1 else None
        before = dict(session.plan.draft.authors)
        if execute(session, ops, "edit", authors=authors) is None:
            applied += 1
        else:
            assert session.plan.draft.authors == before  # a refused edit names nobody
    before, content = dict(session.plan.draft.authors), session.document.content.model_dump()
    if not applied:
        session.close()
        return  # nothing was applied: nothing to recover
    crash(session)
    [item] = find_recoverable(base / "rec")
    restored = recover(item, journal_dir=base / "rec")
    assert restored.plan.draft.authors == before
    assert restored.document.content.model_dump() == content
    restored.close()
