"""EditSession: opening, journalled edits, dirty state, saving, changed-on-disk, locks, new plans."""
from __future__ import annotations

import json
import os
import socket

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.ui.session.locking import PlanLockedError
from editor.ui.session.plan_file_state import FileChangedOnDiskError
from editor.ui.session.recovery import discard_recoverable, find_recoverable, recover
from editor.ui.session.session import EditSession, roc_year
from schema.fileio import PlanFileError, load_plan, save_plan
from schema.model import Period, PlanDocument
from schema.operations import Insert, OperationError, Remove, SetField
from tests.schema.plans import small_content
from tests.session_support import journal_lines


def test_open_gives_the_draft_as_a_document_and_a_clean_session(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    assert session.path == plan_file
    assert session.document.node("s1").title == "推動橋頭科學園區"
    assert session.plan.draft.content is session.document.content
    assert not session.is_dirty() and not session.changed_on_disk()
    # No journal before the first edit; only its base copy, written ahead by a thread.
    assert session.journal_path is None and list(jdir.glob("*.journal")) == []
    session._prepared.wait()
    [base] = jdir.glob("*.base")
    assert base.read_bytes() == plan_file.read_bytes()
    session.close()
    assert list(jdir.iterdir()) == []  # a clean close removes it (and its lock)


def test_open_reports_a_broken_file_in_one_sentence(qapp, tmp_path, jdir):
    broken = tmp_path / "broken.plan.json"
    broken.write_text('{"format_version": 1, "title": ', "utf-8")
    with pytest.raises(PlanFileError) as info:
        EditSession.open(broken, journal_dir=jdir)
    assert str(info.value) == f"{broken} ends unexpectedly at line 1: the file is truncated or incomplete."
    with pytest.raises(PlanFileError, match=r"does not exist\.$"):
        EditSession.open(tmp_path / "missing.plan.json", journal_dir=jdir)


def test_apply_writes_the_journal_before_the_document_changes(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    seen = []

    class Spy:
        def field_changed(self, node, field):
            # The journal already holds the operation when the document changes.
            seen.append(journal_lines(session)[-1])

        def __getattr__(self, name):
            return lambda *a: None

    session.document.listeners.append(Spy())
    inverse = session.apply(SetField("s1", "title", "推動橋頭科學園區二期"))
    assert inverse == SetField("s1", "title", "推動橋頭科學園區")
    assert seen == [{"op": "SetField", "node_id": "s1", "field": "title", "value": "推動橋頭科學園區二期"}]
    header, *ops = journal_lines(session)
    assert header["format"] == "plan-editor-journal" and header["plan_path"] == str(plan_file)
    assert header["base"]["size"] == plan_file.stat().st_size
    assert len(ops) == 1
    session.close()


def test_a_rejected_operation_leaves_journal_and_plan_unchanged(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    session.apply(SetField("g1", "title", "產業優先"))
    before_bytes = session.journal_path.read_bytes()
    before_plan = session.document.content.model_dump()
    with pytest.raises(OperationError, match="position 9 is outside 0…1"):
        session.apply(Remove("fa1", 9))
    with pytest.raises(OperationError):
        session.apply(Insert("fa1", 0, {"kind": "action", "text": "放錯層"}))
    assert session.journal_path.read_bytes() == before_bytes
    assert session.document.content.model_dump() == before_plan
    session.apply(SetField("g2", "title", "就業優先"))
    assert [op.get("value") for op in journal_lines(session)[1:]] == ["產業優先", "就業優先"]
    session.close()


class _Cmd:
    """A minimal undo command: the window's commands do the same through session.apply."""

    @staticmethod
    def push(session, op, text="edit"):
        from PySide6.QtGui import QUndoCommand

        class Command(QUndoCommand):
            def __init__(self):
                super().__init__(text)
                self.inverse = None

            def redo(self):
                self.inverse = session.apply(op)

            def undo(self):
                session.apply(self.inverse)

        session.undo_stack.push(Command())


def test_dirty_follows_the_undo_stack_and_signals_changes(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    changes = []
    session.dirty_changed.connect(changes.append)
    _Cmd.push(session, SetField("fa1", "title", "拚經濟！"))
    assert session.is_dirty() and changes == [True]
    session.undo_stack.undo()
    assert not session.is_dirty() and changes == [True, False]
    assert session.document.node("fa1").title == "拚經濟"
    # The undo is journalled too: the journal replays to the state on screen.
    assert [op["value"] for op in journal_lines(session)[1:]] == ["拚經濟！", "拚經濟"]
    session.close()


def test_save_writes_the_file_clears_the_journal_and_marks_clean(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    _Cmd.push(session, SetField("s2", "body", "引進民間資源。\n擴大投資。"))
    journal = session.journal_path
    assert journal.exists()
    session.save()
    assert not journal.exists() and session.journal_path is None
    assert not session.is_dirty()
    assert load_plan(plan_file).draft.content.model_dump() == session.document.content.model_dump()
    assert not session.changed_on_disk()
    # The next edit starts a new journal over the saved file.
    _Cmd.push(session, SetField("s2", "title", "亞洲新灣區"))
    header = journal_lines(session)[0]
    assert header["base"]["size"] == plan_file.stat().st_size
    assert header["base"]["sha256"] == __import__("hashlib").sha256(plan_file.read_bytes()).hexdigest()
    session.close()
    assert list(jdir.glob("*.journal")) == []


def test_changed_on_disk_makes_save_ask(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    _Cmd.push(session, SetField("g1", "title", "我的修改"))
    other = load_plan(plan_file)
    other.title = "別人改過的計畫"
    save_plan(other, plan_file)
    assert session.changed_on_disk()
    with pytest.raises(FileChangedOnDiskError) as info:
        session.save()
    assert str(info.value) == (
        f"{plan_file} was changed on disk by another program since it was opened or last saved; saving would overwrite those changes."
    )
    assert load_plan(plan_file).title == "別人改過的計畫"  # untouched
    assert session.journal_path.exists() and session.is_dirty()
    session.save(overwrite_changed=True)
    assert load_plan(plan_file).draft.content.goals.goals[0].title == "我的修改"
    assert not session.changed_on_disk() and not session.is_dirty()
    session.close()


def test_touching_the_file_without_changing_it_is_not_a_change(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    stat = plan_file.stat()
    os.utime(plan_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert not session.changed_on_disk()
    session.save()
    session.close()


def test_a_deleted_file_is_reported_and_can_be_saved_again(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    plan_file.unlink()
    assert session.changed_on_disk()
    with pytest.raises(FileChangedOnDiskError, match=r"was deleted or moved since it was opened; saving will create it again\.$"):
        session.save()
    session.save(overwrite_changed=True)
    assert load_plan(plan_file).title == "測試計畫"
    session.close()


def test_a_failed_save_leaves_the_file_and_the_journal(qapp, plan_file, jdir, tmp_path):
    session = EditSession.open(plan_file, journal_dir=jdir)
    _Cmd.push(session, SetField("g1", "title", "未存的修改"))
    journal = session.journal_path
    with pytest.raises(PlanFileError, match=r"was not saved: No such file or directory\.$"):
        session.save(tmp_path / "no-such-folder" / "x.plan.json")
    assert journal.exists() and session.is_dirty() and session.path == plan_file
    assert load_plan(plan_file).draft.content.goals.goals[0].title == "產業轉型優先"
    session.close()


def test_save_as_moves_the_path_and_the_lock(qapp, plan_file, jdir, tmp_path):
    session = EditSession.open(plan_file, journal_dir=jdir)
    assert session.acquire_lock() is None
    paths = []
    session.path_changed.connect(paths.append)
    target = tmp_path / "plans" / "copy.plan.json"
    session.save(target)
    assert paths == [target] and session.path == target
    other = EditSession.open(plan_file, journal_dir=jdir)
    assert other.acquire_lock() is None  # the old name is free again
    third = EditSession.open(target, journal_dir=jdir)
    holder = third.acquire_lock()
    assert (holder.pid, holder.hostname) == (os.getpid(), socket.gethostname())
    # Save As onto a plan another editor has open is refused, and nothing is written.
    before = plan_file.read_bytes()
    with pytest.raises(PlanLockedError, match=rf"^{plan_file} was not saved: .*\(process {os.getpid()}\) on the computer "):
        session.save(plan_file)
    assert plan_file.read_bytes() == before and session.path == target
    for s in (session, other, third):
        s.close()


def test_a_second_session_sees_who_holds_the_lock_until_the_first_closes(qapp, plan_file, jdir):
    first = EditSession.open(plan_file, journal_dir=jdir)
    second = EditSession.open(plan_file, journal_dir=jdir)
    assert first.acquire_lock() is None and first.holds_lock
    holder = second.acquire_lock()
    assert holder.pid == os.getpid() and holder.hostname == socket.gethostname()
    assert holder.application.startswith("python")
    assert holder.describe() == f"{holder.application} (process {os.getpid()}) on the computer {socket.gethostname()} has it open"
    first.close()
    assert second.acquire_lock() is None
    second.close()


def test_new_plan_is_untitled_for_four_roc_years_and_saves_as(qapp, jdir, tmp_path):
    session = EditSession.new(journal_dir=jdir)
    assert session.plan.title == "未命名計畫" and session.path is None
    assert (session.plan.period.start, session.plan.period.end) == (roc_year(), roc_year() + 3)
    assert not session.is_dirty() and not session.changed_on_disk()
    _Cmd.push(session, Insert(session.plan.draft.content.goals.id, 0, {"kind": "goal", "id": "g", "title": "新目標"}))
    header = journal_lines(session)[0]
    assert header["plan_path"] is None and header["base_plan"]["title"] == "未命名計畫"
    assert header["base_plan"]["draft"]["content"]["goals"]["goals"] == []
    with pytest.raises(ValueError, match="never been saved"):
        session.save()
    target = tmp_path / "new.plan.json"
    session.save(target)
    assert session.path == target and session.holds_lock and not session.is_dirty()
    assert load_plan(target).draft.content.goals.goals[0].title == "新目標"
    session.close()


def test_roc_year():
    import datetime

    assert roc_year(datetime.date(2020, 6, 30)) == 109


def test_clean_close_leaves_nothing_to_recover(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    _Cmd.push(session, SetField("g1", "title", "改了但放棄"))
    assert find_recoverable(jdir) == []  # a live session's journal is never offered
    session.close()
    assert find_recoverable(jdir) == [] and list(jdir.iterdir()) == []
    assert load_plan(plan_file).draft.content.goals.goals[0].title == "產業轉型優先"


def test_recovered_session_is_dirty_keeps_journalling_and_leaves_the_file(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    _Cmd.push(session, SetField("g1", "title", "第一次"))
    journal = session.journal_path
    # Simulate a crash: the journal's writer vanishes without a clean close.
    session._journal.close(delete=False)
    session._journal = None
    before = plan_file.read_bytes()
    [item] = find_recoverable(jdir)
    assert (item.plan_path, item.edit_count, item.title, item.problem) == (plan_file, 1, "測試計畫", None)
    restored = recover(item, journal_dir=jdir)
    assert restored.is_dirty() and restored.document.node("g1").title == "第一次"
    assert plan_file.read_bytes() == before
    restored.apply(SetField("g2", "title", "第二次"))
    assert restored.journal_path == journal
    assert [json.loads(line).get("value") for line in journal.read_text("utf-8").splitlines()[1:]] == ["第一次", "第二次"]
    restored.save()
    assert not restored.is_dirty() and not journal.exists()
    assert [g.title for g in load_plan(plan_file).draft.content.goals.goals] == ["第一次", "第二次"]
    restored.close()


def test_discard_removes_the_journal_and_its_base_copy(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    session.apply(SetField("g1", "title", "不要了"))
    session._journal.close(delete=False)
    session._journal = None
    [item] = find_recoverable(jdir)
    discard_recoverable(item)
    assert list(jdir.iterdir()) == [] and find_recoverable(jdir) == []


def test_an_inserted_node_without_ids_is_journalled_with_the_ids_it_got(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    session.apply(Insert("fa2", 1, {"kind": "strategy", "title": "無編號", "actions": [{"kind": "action", "text": "作法"}]}))
    strategy = session.document.node("fa2").strategies[1]
    line = journal_lines(session)[-1]
    assert line["node"]["id"] == strategy.id and line["node"]["actions"][0]["id"] == strategy.actions[0].id
    session._journal.close(delete=False)
    session._journal = None
    restored = recover(find_recoverable(jdir)[0], journal_dir=jdir)
    assert restored.document.content.model_dump() == session.document.content.model_dump()
    restored.close()


def test_the_journal_is_fsynced_shortly_after_the_last_edit(qtbot, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    session.apply(SetField("g1", "title", "存到磁碟"))
    assert session._journal.pending_sync and session._sync_timer.isActive()
    qtbot.waitUntil(lambda: not session._journal.pending_sync, timeout=3000)
    session.close()


def test_a_session_built_from_a_plan_and_a_path_journals_its_whole_base(qapp, plan_file, jdir):
    plan = load_plan(plan_file)
    session = EditSession(plan, plan_file, journal_dir=jdir)
    session.apply(SetField("g1", "title", "改"))
    header = journal_lines(session)[0]
    assert header["plan_path"] == str(plan_file) and header["base_plan"]["draft"]["content"]["goals"]["goals"][0]["title"] == "產業轉型優先"
    session._journal.close(delete=False)
    session._journal = None
    [item] = find_recoverable(jdir)
    restored = recover(item, journal_dir=jdir)
    assert restored.path == plan_file and restored.document.node("g1").title == "改"
    restored.close()


def test_closing_a_recovered_plan_with_keep_journal_leaves_it_for_later(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    session.apply(SetField("g1", "title", "留著"))
    session._journal.close(delete=False)
    session._journal = None
    [item] = find_recoverable(jdir)
    restored = recover(item, journal_dir=jdir)
    restored.close(keep_journal=True)  # e.g. the user would not open it while another editor has it
    [again] = find_recoverable(jdir)
    assert (again.journal_path, again.edit_count) == (item.journal_path, 1)
    restored = recover(again, journal_dir=jdir)
    assert restored.document.node("g1").title == "留著"
    restored.close()
    assert find_recoverable(jdir) == []


def test_a_same_size_change_with_the_old_mtime_is_still_caught_on_save(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    stat = plan_file.stat()
    text = plan_file.read_text("utf-8")
    plan_file.write_text(text.replace("測試計畫", "別人計畫"), "utf-8")  # same byte length
    os.utime(plan_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert plan_file.stat().st_size == stat.st_size
    assert not session.changed_on_disk()  # the quick check cannot tell …
    with pytest.raises(FileChangedOnDiskError):  # … but saving hashes the file
        session.save()
    assert load_plan(plan_file).title == "別人計畫"
    session.close()


def test_opening_a_folder_says_so(qapp, tmp_path, jdir):
    with pytest.raises(PlanFileError) as info:
        EditSession.open(tmp_path, journal_dir=jdir)
    assert str(info.value) == f"{tmp_path} is a folder, not a plan file."


def test_the_first_edit_uses_the_copy_written_ahead_and_a_kill_right_after_it_recovers(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    prepared = session._prepared
    session.apply(SetField("g1", "title", "第一次"))
    assert session.journal_path == prepared.path and prepared.base_file.exists()
    # The plan file is replaced before anyone recovers: the base copy is what the edit applies to.
    original = plan_file.read_bytes()
    plan_file.write_bytes(original.replace("測試計畫".encode(), "別的計畫".encode()))
    session._journal.close(delete=False)  # a kill: the writer vanishes without a clean close
    session._journal = None
    [item] = find_recoverable(jdir)
    assert (item.edit_count, item.problem) == (1, None)
    restored = recover(item, journal_dir=jdir)
    assert restored.document.node("g1").title == "第一次" and restored.plan.title == "測試計畫"
    restored.close()


def test_saving_prepares_the_next_base_and_an_orphaned_copy_of_a_dead_editor_is_removed(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    _Cmd.push(session, SetField("g1", "title", "存檔前"))
    session.save()
    session._prepared.wait()
    [base] = jdir.glob("*.base")
    assert base.read_bytes() == plan_file.read_bytes() and list(jdir.glob("*.journal")) == []
    assert find_recoverable(jdir) == [] and base.exists()  # a live editor's copy is left alone
    # The editor dies before its next edit: its lock is stale, and the copy is an orphan.
    session._prepared.lock.unlock()
    session._prepared._owned = False
    assert find_recoverable(jdir) == [] and not base.exists()
    session.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_opening_a_plan_where_two_items_share_an_id_is_refused_naming_the_first_repeat(qapp, tmp_path, jdir, data):
    """The loader's unique-id check (fast, level by level) still names the first repeated id in document order."""
    content = small_content().model_dump(mode="json")
    nodes = []

    def collect(node):
        nodes.append(node)
        for field in ("paragraphs", "goals", "focus_areas", "strategies", "actions"):
            for child in node.get(field, []):
                collect(child)

    for section in ("preface", "goals", "focus", "closing"):
        collect(content[section])
    first = data.draw(st.integers(0, len(nodes) - 2))
    later = data.draw(st.integers(first + 1, len(nodes) - 1))
    nodes[later]["id"] = nodes[first]["id"]
    plan = PlanDocument(title="測試計畫", period=Period(start=108, end=111)).model_dump(mode="json")
    plan["draft"]["content"] = content
    path = tmp_path / f"dup{first}-{later}.plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(PlanFileError) as caught:
        EditSession.open(path, journal_dir=jdir)
    message = str(caught.value)
    repeated = nodes[first]["id"]
    assert message == f"{path} is not a valid plan: at draft.content: the id {repeated!r} is used by more than one item."
