"""Recovering the edits of an editor that did not close cleanly (a crash, a kill, a power cut).

``find_recoverable`` lists the journals left in the recovery folder (``editor.ui.session.journal_scan``),
``recover`` replays one over its base plan into a new :class:`EditSession` that goes on writing it, and
``discard_recoverable`` deletes one the user chose not to recover.
"""
from __future__ import annotations

import os
from pathlib import Path

from editor.ui.session import journal_format, journal_replay
from editor.ui.session.journal_format import JournalError
from editor.ui.session.journal_scan import Recoverable, scan
from editor.ui.session.journal_writer import JournalWriter
from editor.ui.session.session import EditSession, default_journal_dir
from editor.ui.session.undo_commands import push_recovered


class RecoveryError(Exception):
    """A journal that cannot be recovered or discarded now; ``str()`` is one English sentence, ``code`` and
    ``params`` what the window phrases (a JournalError's own, or "in_use", "cannot_recover", "cannot_delete")."""

    def __init__(self, message: str, code: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


def find_recoverable(journal_dir: Path | None = None) -> list[Recoverable]:
    """Journals left by editors that did not close cleanly, newest first.

    Items with a ``problem`` (damaged or foreign journal, base plan gone) are listed too, with
    the reason, so the user can decide to discard them; nothing is deleted here except journals
    that hold no edit at all. Journals of editors still running are not listed.
    """
    return scan(Path(journal_dir) if journal_dir is not None else default_journal_dir())


def recover(item: Recoverable, *, journal_dir=None) -> EditSession:
    """Reload the base plan, replay the journal; the session is dirty and keeps writing that journal.

    The plan file itself is not touched until the user saves.
    """
    path = item.journal_path
    lock = journal_format.new_lock(path)
    if not lock.tryLock(0):
        raise RecoveryError(f"{path} is being used by another editor that is still running.", "in_use", path=path)
    try:
        contents = journal_replay.read_journal(path)
        plan, payload, fingerprint = journal_replay.load_base(path, contents.header)
        plan_path = Path(contents.header["plan_path"]) if contents.header.get("plan_path") else None
        session = EditSession(plan, plan_path, journal_dir=journal_dir if journal_dir is not None else path.parent)
        session._base_bytes = payload
        session._fingerprint = fingerprint
        applied: list = []
        journal_replay.replay(session.document, contents.ops, session._set_author, contents.authors, session._stamp.settle, applied,
                              attributions=contents.attributions, restore=session._stamp.restore)
        session._stamp.author = session.author
        if contents.torn:
            # Cut the half-written line off so that further edits start on a line of their own.
            os.truncate(path, contents.valid_length)
        writer = JournalWriter(path, lock, contents.valid_length)
    except JournalError as exc:
        lock.unlock()
        raise RecoveryError(str(exc), exc.code, **exc.params) from None
    except OSError as exc:
        lock.unlock()
        raise RecoveryError(f"{path} cannot be recovered: {exc.strerror or exc}.", "cannot_recover", path=path,
                            errno=exc.errno) from None
    except BaseException:
        lock.unlock()
        raise
    session._adopt_journal(writer)
    push_recovered(session, applied)  # Ctrl+Z undoes the recovered edits one by one, the last first
    return session


def discard_recoverable(item: Recoverable) -> None:
    """Delete a left-over journal (the user chose not to recover it)."""
    lock = journal_format.new_lock(item.journal_path)
    if not lock.tryLock(0):
        raise RecoveryError(f"{item.journal_path} is being used by another editor that is still running.", "in_use",
                            path=item.journal_path)
    try:
        journal_format.remove_files(item.journal_path)
    except OSError as exc:
        raise RecoveryError(f"{item.journal_path} cannot be deleted: {exc.strerror or exc}.", "cannot_delete",
                            path=item.journal_path, errno=exc.errno) from None
    finally:
        lock.unlock()
