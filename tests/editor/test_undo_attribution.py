"""Undo takes an edit's attribution (修改者, Revision.authors) back with the edit: after an undo the
authors map is exactly what it was before the edit, a redo gives the edit's authors again, and a
recovered session attributes the undos and redos as the killed one did (journal version 3)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.ui.session.recovery import find_recoverable, recover
from editor.ui.session.session import EditSession
from editor.ui.session.undo_commands import execute, execute_field
from schema.fileio import load_plan, save_plan
from schema.operations import Insert, Move, Remove, SetField
from tests.editor.test_journal import crash, make_plan, ops_

# Authors the plan already had (an earlier session's): an undo must put these back, not drop them.
EARLIER = {"s1": "舊作者", "a2": "舊作者", "fa2": "另一位"}


def _open(tmp_path) -> EditSession:
    path = make_plan(tmp_path / "p.plan.json")
    plan = load_plan(path)
    plan.draft.authors.update(EARLIER)
    save_plan(plan, path)
    return EditSession.open(path, journal_dir=tmp_path / "rec")


def test_each_kind_of_edit_undone_leaves_the_authors_it_found(qapp, tmp_path):
    session = _open(tmp_path)
    session.author = "root"
    edits = [
        ([Move("s2", "fa1", 0)], {**EARLIER, "s2": "root"}),  # a move
        ([SetField("s3", "title", "新名")], {**EARLIER, "s3": "root"}),  # a rename
        ([Insert("s1", 0, {"kind": "action", "id": "new1", "text": "新行動"})], {**EARLIER, "new1": "root"}),  # an add
        ([Remove("fa1", 0)], {**EARLIER, "s1": "root"}),  # a delete of an item someone else changed
        ([SetField("a2", "text", "改過")], {**EARLIER, "a2": "root"}),  # a field of an item someone else changed
    ]
    for ops, after in edits:
        assert execute(session, ops, "edit") is None
        assert session.plan.draft.authors == after
        session.undo_stack.undo()
        assert session.plan.draft.authors == EARLIER
        session.author = "另一人"  # the redo is the edit's, whoever presses Ctrl+Y
        session.undo_stack.redo()
        assert session.plan.draft.authors == after
        session.undo_stack.undo()
        session.author = "root"
    session.close()


def test_typing_merged_into_one_step_is_undone_with_its_author(qapp, tmp_path):
    session = _open(tmp_path)
    session.author = "root"
    for text in ("改", "改過", "改過了"):
        assert execute_field(session, "a2", "text", text, "typing", typing=True) is None
    assert session.undo_stack.count() == 1
    assert session.plan.draft.authors == {**EARLIER, "a2": "root"}
    session.undo_stack.undo()
    assert session.document.node("a2").text != "改過了"
    assert session.plan.draft.authors == EARLIER
    session.undo_stack.redo()
    assert session.plan.draft.authors == {**EARLIER, "a2": "root"}
    session.close()


edit_ = st.one_of(
    st.tuples(st.just("ops"), st.lists(ops_, min_size=1, max_size=3), st.sampled_from(["", "甲", "乙"])),
    st.tuples(st.just("typing"), st.sampled_from(["a1", "a2", "p1"]), st.text(min_size=1, max_size=4)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(edit_, max_size=12), undone=st.integers(0, 12))
def test_random_edits_undone_give_back_the_authors_and_recovery_agrees(qapp, tmp_path_factory, edits, undone):
    """Random edits (moves, renames, adds, deletes, typing; some refused) by random authors: undoing
    all gives the starting authors map, redoing all the one after the edits; after undoing some,
    a recovered session has the same authors as the killed one."""
    session = _open(tmp_path_factory.mktemp("u"))
    for kind, first, second in edits:
        if kind == "ops":
            session.author = second
            execute(session, first, "edit")
        else:
            session.author = "打字者"
            execute_field(session, first, "text", second, "typing", typing=True)
    done = dict(session.plan.draft.authors)
    steps = session.undo_stack.count()
    session.author = "按復原的人"
    for _ in range(steps):
        session.undo_stack.undo()
    assert session.plan.draft.authors == EARLIER
    for _ in range(steps):
        session.undo_stack.redo()
    assert session.plan.draft.authors == done
    for _ in range(min(undone, steps)):
        session.undo_stack.undo()
    live, content = dict(session.plan.draft.authors), session.document.content.model_dump()
    if not steps:
        session.close()
        return  # nothing was journalled: nothing to recover
    base = crash(session).parent
    [item] = find_recoverable(base)
    restored = recover(item, journal_dir=base)
    assert restored.plan.draft.authors == live
    assert restored.document.content.model_dump() == content
    # The recovered edits undo to the starting authors too.
    while restored.undo_stack.canUndo():
        restored.undo_stack.undo()
    assert restored.plan.draft.authors == EARLIER
    restored.close()


def test_typing_deleted_back_to_the_start_leaves_no_author(qapp, tmp_path):
    """Typed and deleted again in one burst: no undo step, and the item keeps the authors it had."""
    session = _open(tmp_path)
    session.author = "root"
    original = session.document.node("a2").text
    assert execute_field(session, "a2", "text", original + "x", "typing", typing=True) is None
    assert execute_field(session, "a2", "text", original, "typing", typing=True) is None
    assert session.undo_stack.count() == 0
    assert session.plan.draft.authors == EARLIER
    path = crash(session)
    [item] = find_recoverable(path.parent)
    restored = recover(item, journal_dir=path.parent)
    assert restored.plan.draft.authors == EARLIER
    assert restored.document.node("a2").text == original
    restored.close()
