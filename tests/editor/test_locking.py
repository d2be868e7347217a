"""The plan lock: who holds it, stale locks of dead editors, never broken by age or from afar."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from editor.ui.session.locking import LockHolder, PlanLock, lock_path_beside, lock_path_in
from editor.ui.session.session import EditSession
from schema.fileio import save_plan
from schema.model import Period, PlanDocument
from tests.paths import ROOT

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtGui import QGuiApplication
    from editor.ui.session.session import EditSession
    app = QGuiApplication([])
    session = EditSession.open(sys.argv[1], journal_dir=Path(sys.argv[2]))
    print("held" if session.acquire_lock() is None else "refused", flush=True)
    time.sleep(120)
    """
)


@pytest.fixture
def plan_file(tmp_path) -> Path:
    path = tmp_path / "shared" / "plan.plan.json"
    path.parent.mkdir()
    save_plan(PlanDocument(title="鎖定測試", period=Period(start=108, end=111)), path)
    return path


def _holder_process(plan: Path, jdir: Path) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(plan), str(jdir)], stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout.readline().strip() == "held"
    return child


def _kill(child: subprocess.Popen) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()


def test_another_editor_process_is_named_and_its_lock_is_taken_after_it_is_killed(qapp, plan_file, tmp_path):
    jdir = tmp_path / "rec"
    child = _holder_process(plan_file, jdir)
    try:
        session = EditSession.open(plan_file, journal_dir=jdir)
        holder = session.acquire_lock()
        assert isinstance(holder, LockHolder)
        assert (holder.pid, holder.hostname) == (child.pid, socket.gethostname())
        assert holder.application.startswith("python")
        assert holder.lock_path == plan_file.parent / ".plan.plan.json.lock"
        assert not session.holds_lock
    finally:
        _kill(child)
    # The killed editor's lock is stale (its process is dead on this computer) and is taken over.
    assert session.acquire_lock() is None and session.holds_lock
    assert (plan_file.parent / ".plan.plan.json.lock").read_text().split("\n")[0] == str(os.getpid())
    session.close()
    assert not (plan_file.parent / ".plan.plan.json.lock").exists()


def test_a_live_lock_is_not_stale_however_old(qapp, plan_file, tmp_path):
    first = PlanLock(plan_file, tmp_path / "rec")
    assert first.acquire() is None
    os.utime(lock_path_beside(plan_file), (1_600_000_000, 1_600_000_000))  # years old
    holder = PlanLock(plan_file, tmp_path / "rec").acquire()
    assert holder is not None and holder.pid == os.getpid()
    first.release()
    assert PlanLock(plan_file, tmp_path / "rec").acquire() is None


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_lock_file_of_a_dead_process_is_stale(qapp, plan_file, tmp_path):
    lock_path_beside(plan_file).write_text(f"{_dead_pid()}\npython3\n{socket.gethostname()}\n")
    lock = PlanLock(plan_file, tmp_path / "rec")
    assert lock.acquire() is None and lock.held
    lock.release()


def test_a_lock_held_on_another_computer_is_never_broken(qapp, plan_file, tmp_path):
    lock_path_beside(plan_file).write_text(f"{_dead_pid()}\nplan-editor.exe\nOFFICE-PC-07\n")
    holder = PlanLock(plan_file, tmp_path / "rec").acquire()
    assert holder.hostname == "OFFICE-PC-07" and holder.application == "plan-editor.exe"
    assert holder.describe() == f"plan-editor.exe (process {holder.pid}) on the computer OFFICE-PC-07 has it open"


def test_a_plan_folder_that_cannot_hold_a_lock_falls_back_to_the_recovery_folder(qapp, tmp_path):
    # A path below a file cannot hold a lock file (root ignores read-only folders, so this stands in for one).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    plan = blocker / "plan.plan.json"
    rec = tmp_path / "rec"
    first = PlanLock(plan, rec)
    assert first.acquire() is None and first.lock_path == lock_path_in(rec, plan)
    holder = PlanLock(plan, rec).acquire()
    assert holder.pid == os.getpid() and holder.lock_path == lock_path_in(rec, plan)
    first.release()


def test_a_fallback_lock_is_respected_even_when_the_plan_folder_is_writable(qapp, plan_file, tmp_path):
    rec = tmp_path / "rec"
    rec.mkdir()
    lock_path_in(rec, plan_file).write_text(f"{os.getpid()}\n{Path(sys.executable).resolve().name}\n{socket.gethostname()}\n")
    holder = PlanLock(plan_file, rec).acquire()
    assert holder is not None and holder.lock_path == lock_path_in(rec, plan_file)


def test_a_never_saved_plan_needs_no_lock(qapp, tmp_path):
    session = EditSession.new(journal_dir=tmp_path / "rec")
    assert session.acquire_lock() is None and not session.holds_lock
    session.close()
