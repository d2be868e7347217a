"""The recovery journal: replay reproduces exactly the applied edits; bad journals get one sentence."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.ui.session import journal_format, journal_replay
from editor.ui.session.plan_file_state import FileChangedOnDiskError
from editor.ui.session.recovery import RecoveryError, discard_recoverable, find_recoverable, recover
from editor.ui.session.session import EditSession
from schema.document import Document
from schema.fileio import load_plan, save_plan
from schema.model import Period, PlanDocument, Revision
from schema.operations import Insert, Move, OperationError, Remove, SetField
from tests.schema.plans import small_content


def make_plan(path: Path, title: str = "日誌測試") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    save_plan(PlanDocument(title=title, period=Period(start=108, end=111), draft=Revision(content=small_content())), path)
    return path


def crash(session: EditSession) -> Path:
    """Leave the journal behind as a killed editor would (no clean close)."""
    path = session.journal_path
    session._journal.close(delete=False)
    session._journal = None
    session._closed = True
    # Nothing of a killed editor lives on: stop its timer and drop its undo commands (they refer back to
    # the session), so that it is freed here, in the GUI thread, and not by the cycle collector in any thread.
    session._sync_timer.stop()
    session.undo_stack.clear()
    return path


# Operations on small_content(), some of which the document rejects (bad positions, wrong levels).
ops_ = st.one_of(
    st.builds(SetField, st.sampled_from(["s1", "s2", "s3", "fa1", "g1"]), st.just("title"), st.text(max_size=8)),
    st.builds(SetField, st.sampled_from(["a1", "a2", "a1x", "p1", "c1"]), st.just("text"), st.text(max_size=8)),
    st.builds(Remove, st.sampled_from(["fa1", "fa2", "s1", "a1"]), st.integers(0, 2)),
    st.builds(Move, st.sampled_from(["s1", "s2", "s3", "a1", "a2", "a1x"]), st.sampled_from(["fa1", "fa2", "s1", "s3", "a2"]), st.integers(0, 2)),
    st.builds(
        Insert,
        st.sampled_from(["fa1", "fa2", "s1", "s3", "a2", "g1"]),
        st.integers(0, 3),
        st.builds(lambda text: {"kind": "action", "text": text}, st.text(max_size=5)),
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(ops_, max_size=25), cut=st.integers(0, 10_000))
def test_replay_reproduces_the_applied_edits_and_ignores_a_torn_last_line(qapp, tmp_path_factory, ops, cut):
    base = tmp_path_factory.mktemp("j")
    plan = make_plan(base / "p.plan.json")
    session = EditSession.open(plan, journal_dir=base / "rec")
    applied = 0
    states = [session.document.content.model_dump()]
    for op in ops:
        try:
            session.apply(op)
        except OperationError:
            continue
        applied += 1
        states.append(session.document.content.model_dump())
    if applied == 0:
        assert session.journal_path is None or journal_replay.read_journal(session.journal_path).ops == []
        session.close()
        return
    path = crash(session)
    contents = journal_replay.read_journal(path)
    assert len(contents.ops) == applied and not contents.torn  # rejected ops left no line
    # Cut the file anywhere inside the operations: only complete lines count.
    data = path.read_bytes()
    header_end = data.index(b"\n") + 1
    keep = header_end + cut % (len(data) - header_end + 1)
    path.write_bytes(data[:keep])
    complete = data[:keep].count(b"\n") - 1
    contents = journal_replay.read_journal(path)
    assert len(contents.ops) == complete and contents.torn == (not data[:keep].endswith(b"\n"))
    doc = Document(load_plan(plan).draft.content)
    assert journal_replay.replay(doc, contents.ops) == 0
    assert doc.content.model_dump() == states[complete]
    if complete:
        restored = recover(find_recoverable(base / "rec")[0], journal_dir=base / "rec")
        assert restored.document.content.model_dump() == states[complete]
        # The torn line was cut off, so the next edit starts on a line of its own.
        restored.apply(SetField("g2", "title", "續"))
        assert len(journal_replay.read_journal(path).ops) == complete + 1 and not journal_replay.read_journal(path).torn
        restored.close()


def test_a_rejected_line_left_by_a_kill_before_rollback_is_skipped(qapp, tmp_path):
    plan = make_plan(tmp_path / "p.plan.json")
    session = EditSession.open(plan, journal_dir=tmp_path / "rec")
    session.apply(SetField("s1", "title", "甲"))
    path = crash(session)
    with open(path, "a", encoding="utf-8") as handle:  # the kill came between write and truncate
        handle.write(json.dumps({"op": "Remove", "parent_id": "fa1", "index": 7}) + "\n")
        handle.write(json.dumps({"op": "SetField", "node_id": "s2", "field": "title", "value": "乙"}) + "\n")
    [item] = find_recoverable(tmp_path / "rec")
    assert item.edit_count == 3
    restored = recover(item, journal_dir=tmp_path / "rec")
    assert [s.title for s in restored.document.node("fa1").strategies] == ["甲", "乙"]
    restored.close()


def test_the_base_copy_recovers_edits_even_when_the_file_was_replaced(qapp, tmp_path):
    plan = make_plan(tmp_path / "p.plan.json")
    session = EditSession.open(plan, journal_dir=tmp_path / "rec")
    session.apply(SetField("g1", "title", "我的修改"))
    crash(session)
    other = load_plan(plan)
    other.draft.content.goals.goals[1].title = "同事的修改"
    save_plan(other, plan)
    [item] = find_recoverable(tmp_path / "rec")
    assert item.problem is None
    restored = recover(item, journal_dir=tmp_path / "rec")
    assert [g.title for g in restored.document.content.goals.goals] == ["我的修改", "增加就業優先"]
    assert restored.changed_on_disk()  # so saving asks before overwriting the colleague's edit
    with pytest.raises(FileChangedOnDiskError):
        restored.save()
    assert load_plan(plan).draft.content.goals.goals[1].title == "同事的修改"
    restored.close()


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_bad_journals_are_listed_with_one_sentence_and_kept(qapp, tmp_path):
    rec = tmp_path / "rec"
    not_json = _write(rec / "a.journal", b"this is not json\n{}\n")
    foreign = _write(rec / "b.journal", b'{"format": "something-else"}\n')
    newer = _write(rec / "c.journal", b'{"format": "plan-editor-journal", "version": 7}\n')
    empty = _write(rec / "d.journal", b"")
    header = {"format": "plan-editor-journal", "version": 1, "plan_path": None, "title": "壞掉的", "base": None}
    damaged = _write(rec / "e.journal", (json.dumps(header) + "\n{broken\n" + '{"op": "Remove", "parent_id": "x", "index": 0}\n').encode())
    items = {item.journal_path.name: item for item in find_recoverable(rec)}
    assert {name: item.problem for name, item in items.items()} == {
        "a.journal": f"{not_json} is not a recovery journal: its first line is not JSON.",
        "b.journal": f"{foreign} is not a recovery journal of this editor (unknown format).",
        "c.journal": f"{newer} is a recovery journal of version 7, which this editor (version 3) cannot replay.",
        "d.journal": f"{empty} is not a recovery journal: it has no complete first line.",
        "e.journal": f"{damaged} is damaged at line 2, so its edits cannot be replayed safely.",
    }
    assert not any(item.recoverable for item in items.values())
    assert sorted(p.name for p in rec.iterdir()) == ["a.journal", "b.journal", "c.journal", "d.journal", "e.journal"]
    with pytest.raises(RecoveryError) as info:
        recover(items["a.journal"])
    assert str(info.value) == f"{not_json} is not a recovery journal: its first line is not JSON."
    discard_recoverable(items["a.journal"])  # the user's decision
    assert not not_json.exists() and foreign.exists()


def test_a_journal_whose_base_is_gone_is_not_recoverable(qapp, tmp_path):
    plan = make_plan(tmp_path / "p.plan.json")
    session = EditSession.open(plan, journal_dir=tmp_path / "rec")
    session.apply(SetField("g1", "title", "改"))
    path = crash(session)
    journal_format.companion(path, ".base").unlink()
    plan.write_text(plan.read_text("utf-8").replace("日誌測試", "別的"), "utf-8")
    [item] = find_recoverable(tmp_path / "rec")
    assert item.problem == (
        f"the version of {plan} that the edits in {path.name} apply to is gone (the file was changed and no copy was kept)."
    )
    assert item.edit_count == 1 and path.exists()


def test_a_journal_without_edits_is_cleaned_up_silently(qapp, tmp_path):
    plan = make_plan(tmp_path / "p.plan.json")
    session = EditSession.open(plan, journal_dir=tmp_path / "rec")
    session.apply(SetField("g1", "title", "改"))
    path = crash(session)
    path.write_bytes(path.read_bytes().split(b"\n")[0] + b"\n")
    assert find_recoverable(tmp_path / "rec") == []
    assert list((tmp_path / "rec").iterdir()) == []


def test_recoverables_are_newest_first_and_describe_the_plan(qapp, tmp_path):
    rec = tmp_path / "rec"
    first = EditSession.open(make_plan(tmp_path / "a.plan.json", "甲計畫"), journal_dir=rec)
    first.apply(SetField("g1", "title", "一"))
    older = crash(first)
    os.utime(older, (1_600_000_000, 1_600_000_000))
    second = EditSession.new(journal_dir=rec)
    second.apply(Insert(second.document.content.goals.id, 0, {"kind": "goal", "title": "新"}))
    second.apply(SetField(second.document.content.goals.id, "title", "目標"))
    crash(second)
    items = find_recoverable(rec)
    assert [(i.title, i.plan_path, i.edit_count) for i in items] == [("未命名計畫", None, 2), ("甲計畫", tmp_path / "a.plan.json", 1)]
    assert items[1].last_edit.year == 2020


def test_find_recoverable_on_a_missing_folder_is_empty(tmp_path):
    assert find_recoverable(tmp_path / "nowhere") == []


def test_a_journal_that_cannot_be_written_lets_editing_go_on_and_says_so(qapp, tmp_path):
    plan = make_plan(tmp_path / "p.plan.json")
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    session = EditSession.open(plan, journal_dir=blocker / "rec")
    messages = []
    session.journal_failed.connect(messages.append)
    session.apply(SetField("g1", "title", "照樣可以編輯"))
    session.apply(SetField("g2", "title", "第二次"))
    assert session.document.node("g1").title == "照樣可以編輯"
    assert messages == [f"The recovery journal cannot be created in {blocker / 'rec'}: Not a directory."]
    session.close()


# --- revisions (修正版): operations on the same journal ------------------------------------------
from PySide6.QtGui import QUndoCommand  # noqa: E402

from editor.ui.revisions import commands  # noqa: E402
from schema.operations import InsertRevision, RemoveRevision, SetRevisionLabel  # noqa: E402


class _Edit(QUndoCommand):
    """A draft edit as the window makes it: through session.apply, inverse on undo."""

    def __init__(self, session, op):
        super().__init__("edit")
        self.session, self.op, self.inverse = session, op, None

    def redo(self):
        self.inverse = self.session.apply(self.op)

    def undo(self):
        self.session.apply(self.inverse)


def _revision_session(tmp_path: Path) -> tuple[EditSession, Path]:
    """A session after draft edits and revision commands made as the revisions dialog makes them."""
    plan = make_plan(tmp_path / "p.plan.json", "修正版日誌")
    session = EditSession.open(plan, journal_dir=tmp_path / "rec")
    stack = session.undo_stack
    stack.push(_Edit(session, SetField("s1", "title", "推動橋頭科學園區第二期")))
    stack.push(_Edit(session, SetField("s1", "note", "配合中央核定調整")))
    commands.create_revision(session, "110年修正版", date="2021-06-30", author="研考會", note="第一次修正")
    stack.push(_Edit(session, SetField("a1", "text", "新增青年創業基地")))
    commands.create_revision(session, "111年修正版")
    commands.rename_revision(session, "110年修正版", "110年第1次修正版")
    commands.rename_revision(session, "draft", "112年草案")
    commands.delete_revision(session, "111年修正版")
    stack.undo()  # the delete: 111年修正版 comes back
    stack.push(_Edit(session, SetField("g1", "title", "產業轉型與就業")))
    return session, plan


def _revision_lines(path: Path) -> list[tuple]:
    """The journal's revision operations, each as (op, label or None)."""
    found = []
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()[1:]]
    for data in [op for line in lines for op in line.get("group", [line])]:  # a compound edit is one line
        if data["op"] == "InsertRevision":
            found.append(("InsertRevision", data["index"], data["revision"]["label"]))
        elif data["op"] in ("RemoveRevision", "SetRevisionLabel"):
            found.append((data["op"], data.get("label")))
    return found


def test_revision_commands_and_their_undo_are_journalled_and_recovered_exactly(qapp, tmp_path):
    session, plan = _revision_session(tmp_path)
    p = session.plan
    assert [r.label for r in p.revisions] == ["110年第1次修正版", "111年修正版"] and p.draft.label == "112年草案"
    first = p.revisions[0].content
    assert (first.focus.focus_areas[0].strategies[0].note, p.draft.content.focus.focus_areas[0].strategies[0].note) == (
        "配合中央核定調整", "")  # the note went with the revision, the draft's was cleared
    expected = p.model_dump(mode="json")
    on_disk = plan.read_bytes()
    path = crash(session)
    # One line per revision operation: 2 creates, 2 renames, the delete and its undo (which puts it back in place).
    assert _revision_lines(path) == [
        ("InsertRevision", 0, "110年修正版"),
        ("InsertRevision", 1, "111年修正版"),
        ("SetRevisionLabel", "110年第1次修正版"),
        ("SetRevisionLabel", "112年草案"),
        ("RemoveRevision", None),
        ("InsertRevision", 1, "111年修正版"),
    ]
    [item] = find_recoverable(tmp_path / "rec")
    assert item.edit_count == 4 + 1 + 6  # 4 draft edits, 1 note cleared by the first create, 6 revision operations
    restored = recover(item, journal_dir=tmp_path / "rec")
    assert restored.plan.model_dump(mode="json") == expected
    assert restored.plan.draft.content is restored.document.content  # the Document still edits the plan's draft
    assert plan.read_bytes() == on_disk
    # Undo after recovery is not possible (a fresh stack), but further revision commands are journalled.
    commands.delete_revision(restored, "110年第1次修正版")
    assert journal_replay.read_journal(path).ops[-1] == RemoveRevision(expected["revisions"][0]["id"])
    restored.close()


def test_a_revision_operation_is_refused_whole_and_leaves_no_journal_line(qapp, tmp_path):
    session, _plan = _revision_session(tmp_path)
    before, length = session.plan.model_dump(mode="json"), session._journal.length
    draft_id, first_id = session.plan.draft.id, session.plan.revisions[0].id
    refusals = [
        (RemoveRevision(draft_id), "the working draft cannot be removed like a revision"),
        (RemoveRevision("nope"), "no revision with id 'nope' in this plan"),
        (SetRevisionLabel(first_id, "111年修正版"), "the revision label '111年修正版' is used twice"),
        (InsertRevision(9, {"label": "x"}), "position 9 is outside 0…2"),
        (InsertRevision(0, {"id": first_id, "label": "x"}), f"the revision id {first_id!r} is already in this plan"),
    ]
    for op, sentence in refusals:
        with pytest.raises(OperationError) as refused:
            session.apply(op)
        assert str(refused.value) == sentence
    assert session.plan.model_dump(mode="json") == before and session._journal.length == length
    session.close()


def test_undoing_a_revision_made_from_the_draft_is_recovered_with_its_notes_back(qapp, tmp_path):
    plan = make_plan(tmp_path / "p.plan.json")
    session = EditSession.open(plan, journal_dir=tmp_path / "rec")
    session.undo_stack.push(_Edit(session, SetField("s2", "note", "預算調整")))
    commands.create_revision(session, "110年修正版")
    session.undo_stack.undo()
    assert session.plan.revisions == [] and session.document.node("s2").note == "預算調整"
    expected = session.plan.model_dump(mode="json")
    crash(session)
    restored = recover(find_recoverable(tmp_path / "rec")[0], journal_dir=tmp_path / "rec")
    assert restored.plan.model_dump(mode="json") == expected
    assert restored.document.node("s2").note == "預算調整"
    restored.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fraction=st.floats(0.0, 0.999))
def test_a_torn_revision_line_is_ignored_like_a_torn_operation(qapp, tmp_path_factory, fraction):
    base = tmp_path_factory.mktemp("torn")
    session, _plan = _revision_session(base)
    before = session.plan.model_dump(mode="json")
    commands.delete_revision(session, "110年第1次修正版")
    path = crash(session)
    data = path.read_bytes()
    last_start = data.rindex(b"\n", 0, len(data) - 1) + 1
    assert data[last_start:].startswith(b'{"op":"RemoveRevision"')
    # At least its first byte, never its newline: a write cut anywhere in the middle.
    path.write_bytes(data[: last_start + 1 + int(fraction * (len(data) - 2 - last_start))])
    contents = journal_replay.read_journal(path)
    assert contents.torn and journal_format.edit_count(contents.ops) == 11  # a compound edit is one entry of several operations
    restored = recover(find_recoverable(base / "rec")[0], journal_dir=base / "rec")
    assert restored.plan.model_dump(mode="json") == before
    assert [r.label for r in restored.plan.revisions] == ["110年第1次修正版", "111年修正版"]
    restored.close()


def test_an_older_journal_with_plan_lines_is_still_recovered(qapp, tmp_path):
    """Editors before revisions were operations wrote the whole list of revisions as a plan line."""
    plan = make_plan(tmp_path / "p.plan.json")
    session = EditSession.open(plan, journal_dir=tmp_path / "rec")
    session.apply(SetField("s2", "note", "預算調整"))
    snapshot = Revision(id="r110", label="110年修正版", date="2021-06-30", content=session.plan.draft.content)
    session._journal.append(journal_format.PlanChange((snapshot,), "111年草案"))
    path = crash(session)
    restored = recover(find_recoverable(tmp_path / "rec")[0], journal_dir=tmp_path / "rec")
    assert [(r.id, r.label, r.date) for r in restored.plan.revisions] == [("r110", "110年修正版", "2021-06-30")]
    assert restored.plan.draft.label == "111年草案" and restored.document.node("s2").note == "預算調整"
    assert restored.plan.revisions[0].content.preface.paragraphs == restored.plan.draft.content.preface.paragraphs
    assert path.exists()
    restored.close()


def test_a_damaged_plan_line_before_the_end_makes_the_journal_unusable(qapp, tmp_path):
    session, _plan = _revision_session(tmp_path)
    path = crash(session)
    lines = path.read_text("utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith('{"op":"InsertRevision"'))
    lines[number] = '{"plan":{"revisions":[{"label":7}],"draft_label":""}}\n'
    path.write_text("".join(lines), "utf-8")
    [item] = find_recoverable(tmp_path / "rec")
    assert item.problem == f"{path} is damaged at line {number + 1}, so its edits cannot be replayed safely."
