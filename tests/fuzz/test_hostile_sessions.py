"""Regression tests of issue 16 for the editor's file handling: one lock per file however it is
named, the changed-on-disk question at the last moment, compound edits recovered whole or not at
all, no temporary files left for ever, no recovery offered for edits already saved."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.ui.session import journal_format
from editor.ui.session.journal_replay import read_journal
from editor.ui.session.journal_scan import scan
from editor.ui.session.journal_writer import JournalWriter
from editor.ui.session.locking import PlanLock
from editor.ui.session.plan_file_state import FileChangedOnDiskError
from editor.ui.session.recovery import find_recoverable, recover
from editor.ui.session.session import EditSession
from editor.ui.session.undo_commands import execute
from schema import atomic_write
from schema.fileio import load_plan, save_plan
from schema.model import Period, PlanDocument
from schema.operations import Insert, SetField
from tests.paths import ROOT


# --- the lock follows the file, not the spelling of its path -------------------------------------
def test_the_same_plan_through_a_symlink_is_already_open(qapp, plan_file, jdir, tmp_path):
    link = tmp_path / "elsewhere" / "link.plan.json"
    link.parent.mkdir()
    link.symlink_to(plan_file)
    first = EditSession.open(plan_file, journal_dir=jdir)
    assert first.acquire_lock() is None
    second = EditSession.open(link, journal_dir=jdir)
    holder = second.acquire_lock()
    assert holder is not None and holder.pid == os.getpid()
    assert holder.describe().endswith(f"(process {os.getpid()}) on the computer {holder.hostname} has it open")
    first.close()
    assert second.acquire_lock() is None  # free once the first closes
    second.close()


def test_the_same_plan_through_a_hard_link_is_already_open(qapp, plan_file, jdir, tmp_path):
    other_name = tmp_path / "copy-by-hard-link.plan.json"
    os.link(plan_file, other_name)
    first = PlanLock(plan_file, jdir)
    assert first.acquire() is None
    holder = PlanLock(other_name, jdir).acquire()
    assert holder is not None and holder.pid == os.getpid()
    assert holder.lock_path == first.identity_lock_path()
    first.release()
    again = PlanLock(other_name, jdir)
    assert again.acquire() is None
    again.release()


# --- changed on disk: asked at the last moment ---------------------------------------------------
def _other_program_writes_during_the_save(monkeypatch, plan_file: Path, content: bytes) -> None:
    """Another program rewrites the plan after the early check, while the editor's temporary file
    is being written: the moment the old check could not see (20 of 200 saves were lost)."""
    real_fsync = atomic_write.os.fsync
    done = []

    def fsync_then_other_writer(fd):
        real_fsync(fd)
        if not done:
            done.append(True)
            tmp = plan_file.with_name("other-program.tmp")
            tmp.write_bytes(content)
            os.replace(tmp, plan_file)  # as editors and git do: a new file renamed over it

    monkeypatch.setattr(atomic_write.os, "fsync", fsync_then_other_writer)


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2 exchange", "check then rename"])
def test_a_change_on_disk_during_the_save_is_asked_about_not_overwritten(qapp, plan_file, jdir, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(atomic_write, "_renameat2", None)
    session = EditSession.open(plan_file, journal_dir=jdir)
    assert execute(session, [SetField("s1", "title", "編輯器的修改")], "重新命名") is None
    other = plan_file.read_bytes().replace("推動橋頭科學園區".encode(), "另一個程式的修改".encode())
    _other_program_writes_during_the_save(monkeypatch, plan_file, other)
    with pytest.raises(FileChangedOnDiskError) as info:
        session.save()
    assert str(info.value) == (
        f"{plan_file} was changed on disk by another program since it was opened or last saved; saving would overwrite those changes."
    )
    assert plan_file.read_bytes() == other  # the other program's change is kept
    assert sorted(p.name for p in plan_file.parent.iterdir()) == ["small.plan.json"]  # no temporary file left
    assert session.is_dirty() and session.journal_path.exists()  # the edit is still protected
    session.save(overwrite_changed=True)  # the user chose to overwrite
    assert load_plan(plan_file).draft.content.focus.focus_areas[0].strategies[0].title == "編輯器的修改"
    session.close()


# --- compound edits: one journal line, all or nothing ---------------------------------------------
def test_a_compound_edit_is_one_journal_line_and_a_torn_one_recovers_none_of_it(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    session.apply(SetField("s1", "note", "before"))
    ops = [Insert("s1", 0, {"kind": "action", "id": f"new{i}", "text": f"貼上{i}"}) for i in range(3)]
    assert execute(session, ops, "貼上 3 個項目") is None
    path = session.journal_path
    lines = path.read_bytes().splitlines(keepends=True)
    assert [list(json.loads(line)) for line in lines[1:]] == [["op", "node_id", "field", "value"], ["group"]]
    assert [op["node"]["id"] for op in json.loads(lines[2])["group"]] == ["new0", "new1", "new2"]
    session._journal.close(delete=False)  # the editor dies here: the journal stays
    session._journal = None
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) - 40])  # killed in the middle of writing the compound line
    [item] = find_recoverable(jdir)
    recovered = recover(item, journal_dir=jdir)
    strategy = recovered.document.node("s1")
    assert strategy.note == "before" and [a.id for a in strategy.actions][:1] != ["new2"]
    assert not any(a.id.startswith("new") for a in strategy.actions)
    recovered.close()


def test_a_refused_compound_edit_leaves_neither_plan_nor_journal_changed(qapp, plan_file, jdir):
    session = EditSession.open(plan_file, journal_dir=jdir)
    session.apply(SetField("s1", "note", "before"))
    journal_before = session.journal_path.read_bytes()
    ops = [SetField("s1", "title", "新標題"), SetField("nowhere", "title", "x")]
    message = execute(session, ops, "兩個修改")
    assert message == "這個項目已經不在計畫中，所以沒有修改"
    assert session.document.node("s1").title == "推動橋頭科學園區"
    assert session.journal_path.read_bytes() == journal_before
    session.close()


KILL_CHILD = ROOT / "tests" / "fuzz" / "kill_compound.py"


def test_sigkill_inside_compound_edits_recovers_each_whole_or_not_at_all(qapp, tmp_path):
    """A smaller version of scripts/race.sh (100 kills): a few kills at random moments."""
    result = subprocess.run(
        [sys.executable, str(KILL_CHILD), "--trials", "3", "--seed", "16", "--work", str(tmp_path)],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "3 kills inside compound edits: 3 recovered whole or not at all, 0 partly"


# --- temporary files of a killed save -------------------------------------------------------------
def test_a_temporary_file_of_a_dead_process_is_removed_at_the_next_write_and_open(qapp, plan_file, jdir):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    stale = plan_file.with_name(f".small.plan.json.{dead}-k1ll3d.tmp")
    stale.write_bytes(b'{"half": ')
    live = plan_file.with_name(f".small.plan.json.{os.getpid()}-s4v1ng.tmp")  # a save in progress: kept
    live.write_bytes(b"")
    foreign = plan_file.with_name(".small.plan.json.notours.tmp")
    foreign.write_bytes(b"")
    save_plan(load_plan(plan_file), plan_file)
    assert not stale.exists() and live.exists() and foreign.exists()
    stale.write_bytes(b'{"half": ')
    EditSession.open(plan_file, journal_dir=jdir).close()
    assert not stale.exists() and live.exists()


def test_a_save_killed_before_its_rename_leaves_nothing_after_the_next_save(tmp_path):
    plan = tmp_path / "p.plan.json"
    save_plan(PlanDocument(title="x", period=Period(start=108, end=111)), plan)
    child = (
        "import os, sys\n"
        "from schema import atomic_write\n"
        "from schema.fileio import load_plan, save_plan\n"
        "atomic_write.os.replace = lambda *a: os.kill(os.getpid(), 9)\n"
        "save_plan(load_plan(sys.argv[1]), sys.argv[1])\n"
    )
    result = subprocess.run([sys.executable, "-c", child, str(plan)], cwd=ROOT, timeout=120)
    assert result.returncode == -9
    [left] = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert left.startswith(".p.plan.json.")
    save_plan(load_plan(plan), plan)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.plan.json"]


# --- a journal whose edits were saved is not offered again -----------------------------------------
class _Killed(BaseException):
    pass


def test_a_kill_between_saving_and_removing_the_journal_offers_nothing(qapp, plan_file, jdir, monkeypatch):
    session = EditSession.open(plan_file, journal_dir=jdir)
    session.apply(SetField("s1", "title", "存好的修改"))
    journal_path = session.journal_path
    lock = session._journal._lock

    def killed(self, *, delete):
        raise _Killed()

    monkeypatch.setattr(JournalWriter, "close", killed)
    with pytest.raises(_Killed):
        session.save()
    lock.unlock()  # the process is gone: its lock is stale
    assert load_plan(plan_file).draft.content.focus.focus_areas[0].strategies[0].title == "存好的修改"
    assert isinstance(read_journal(journal_path).ops[-1], journal_format.SaveMarker)
    monkeypatch.undo()
    assert scan(jdir) == [] and not journal_path.exists()


def test_a_save_that_did_not_happen_is_still_offered(qapp, plan_file, jdir, monkeypatch):
    session = EditSession.open(plan_file, journal_dir=jdir)
    session.apply(SetField("s1", "title", "沒存到的修改"))
    lock = session._journal._lock

    def killed(*_args, **_kwargs):
        raise _Killed()

    monkeypatch.setattr("editor.ui.session.session.write_atomically", killed)
    with pytest.raises(_Killed):
        session.save()
    lock.unlock()
    [item] = scan(jdir)
    assert item.edit_count == 1 and item.recoverable
    recovered = recover(item, journal_dir=jdir)
    assert recovered.document.node("s1").title == "沒存到的修改"
    recovered.close()
