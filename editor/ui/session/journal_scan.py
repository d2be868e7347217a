"""Finding the recovery journals that editors left behind (a crash, a kill, a power cut).

``scan`` lists the journals in the recovery folder that no running editor holds (each journal
has a QLockFile while its editor lives), newest first, and says in one sentence why one cannot
be recovered; a journal without a single complete edit holds no work and is removed, and so is
one whose edits were saved (its last line marks a save that the plan file on disk holds).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from editor.ui.session.journal_format import (
    SUFFIX,
    JournalError,
    SaveMarker,
    edit_count,
    new_lock,
    remove_files,
    unlink_quietly,
)
from editor.ui.session.journal_replay import load_base, read_journal
from editor.ui.session.plan_file_state import sha256
from schema.fileio import PlanFileError, read_plan_bytes


@dataclass(frozen=True)
class Recoverable:
    """A journal left behind by an editor that did not close cleanly."""

    journal_path: Path
    plan_path: Path | None  # None for a plan that was never saved
    title: str
    last_edit: datetime  # local time of the journal's last write
    edit_count: int
    problem: str | None = None  # one English sentence when it cannot be recovered
    error: JournalError | None = field(default=None, compare=False)  # its code and params, for the window

    @property
    def recoverable(self) -> bool:
        return self.problem is None


def scan(directory: Path) -> list[Recoverable]:
    """Journals in ``directory`` that no running editor owns, newest first.

    A journal with no complete edit holds no work and is removed on the way.
    """
    found: list[Recoverable] = []
    try:
        paths = sorted(directory.glob("*" + SUFFIX))
        orphans = [p for p in directory.glob("*.base") if not p.with_name(p.name[: -len(".base")] + SUFFIX).exists()]
    except OSError:
        return []
    for base in orphans:  # a base copy prepared by an editor that died before its first edit
        lock = new_lock(base.with_name(base.name[: -len(".base")] + SUFFIX))
        if lock.tryLock(0):
            try:
                unlink_quietly(base)
                unlink_quietly(base.with_name(base.name + ".tmp"))
            finally:
                lock.unlock()
    for path in paths:
        lock = new_lock(path)
        if not lock.tryLock(0):
            continue  # a live editor is writing it (or it cannot be locked at all)
        try:
            item = describe(path)
            if item.problem is None and item.edit_count == 0:
                remove_files(path)
                continue
            found.append(item)
        finally:
            lock.unlock()
    found.sort(key=lambda r: r.last_edit, reverse=True)
    return found


def describe(path: Path) -> Recoverable:
    try:
        last_edit = datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        last_edit = datetime.now()
    try:
        contents = read_journal(path)
    except JournalError as exc:
        return Recoverable(path, None, "", last_edit, 0, str(exc), exc)
    header = contents.header
    plan_path = Path(header["plan_path"]) if header.get("plan_path") else None
    title = header.get("title")
    title = title if isinstance(title, str) else ""
    if plan_path is not None and _saved(contents.ops, plan_path):
        return Recoverable(path, plan_path, title, last_edit, 0)  # nothing to recover: removed by scan
    problem, error = None, None
    try:
        load_base(path, header)
    except JournalError as exc:
        problem, error = str(exc), exc
    return Recoverable(path, plan_path, title, last_edit, edit_count(contents.ops), problem, error)


def _saved(entries, plan_path: Path) -> bool:
    """The journal's last line marks a save, and the plan file holds exactly what that save wrote."""
    if not entries or not isinstance(entries[-1], SaveMarker):
        return False
    try:
        payload, _stat = read_plan_bytes(plan_path)
    except PlanFileError:
        return False
    return sha256(payload) == entries[-1].sha256
