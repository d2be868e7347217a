"""Writing the recovery journal (its format: ``editor.ui.session.journal_format``).

The base copy of a big plan takes tens of milliseconds to write, too long for the first edit
(:class:`PreparedBase`): a thread writes it as soon as the plan is opened or saved, under the
journal's future name and lock, and the first edit only waits for it (it is done long before a
person makes an edit) and writes the header. A ``.base`` without its ``.journal`` whose lock is
free was left by an editor that died before its first edit, and ``scan`` removes it.
"""
from __future__ import annotations

import json
import os
import re
import threading
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLockFile

from editor.ui.session.journal_format import (
    FORMAT,
    SUFFIX,
    VERSION,
    Entry,
    JournalError,
    companion,
    entry_to_json,
    new_lock,
    remove_files,
    unlink_quietly,
)
from editor.ui.session.plan_file_state import Fingerprint


def _new_journal_path(directory: Path, plan_path: Path | None) -> Path:
    stem = re.sub(r"[^\w.-]+", "_", plan_path.name if plan_path else "untitled")[:60]
    return directory / f"{stem}-{uuid.uuid4().hex[:12]}{SUFFIX}"


class PreparedBase:
    """A journal's name, lock and base copy, made before the first edit needs them (see the module doc)."""

    def __init__(self, directory: Path, plan_path: Path | None, payload: bytes):
        directory.mkdir(parents=True, exist_ok=True)
        self.path = _new_journal_path(directory, plan_path)
        self.lock = new_lock(self.path)
        if not self.lock.tryLock(0):
            raise JournalError(f"{self.path} cannot be locked ({self.lock.error().name}).", "cannot_lock", path=self.path)
        self.base_file = companion(self.path, ".base")
        self._tmp = self.base_file.with_name(self.base_file.name + ".tmp")
        self._error: OSError | None = None
        self._owned = True  # until a JournalWriter takes the lock and the files over
        self._thread = threading.Thread(target=self._write, args=(payload,), name="journal-base", daemon=True)
        self._thread.start()

    def _write(self, payload: bytes) -> None:
        try:  # to a temporary name first: a .base is always complete
            self._tmp.write_bytes(payload)
            os.replace(self._tmp, self.base_file)
        except OSError as exc:
            self._error = exc
            unlink_quietly(self._tmp)

    def wait(self) -> None:
        """Until the copy is written (it almost always is already); OSError when it could not be."""
        self._thread.join()
        if self._error is not None:
            raise self._error

    def discard(self) -> None:
        """No journal will use it (clean close, or a save made a new base): remove the copy, unlock."""
        self._thread.join()
        if self._owned:
            self._owned = False
            unlink_quietly(self.base_file)
            unlink_quietly(self._tmp)
            self.lock.unlock()


class JournalWriter:
    """An open journal this process owns: append operations, roll back a rejected one."""

    def __init__(self, path: Path, lock: QLockFile, length: int):
        self.path = path
        self._lock = lock
        self._fd: int | None = os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
        self.length = length
        self.pending_sync = False

    @classmethod
    def create(
        cls,
        directory: Path,
        *,
        plan_path: Path | None,
        title: str,
        base: Fingerprint | None = None,
        base_bytes: bytes | None = None,
        base_plan_json: str | None = None,
        prepared: PreparedBase | None = None,
    ) -> JournalWriter:
        """Start a journal for a saved plan (``base`` + ``base_bytes``, or ``base`` + a ``prepared``
        copy of it) or a never-saved one (``base_plan_json``)."""
        if prepared is not None:
            try:
                prepared.wait()
            except OSError as exc:
                prepared.discard()
                raise JournalError(f"the recovery journal {prepared.path} cannot be written: {exc.strerror or exc}.", "cannot_write",
                                   path=prepared.path, errno=exc.errno) from None
            path, lock = prepared.path, prepared.lock
            prepared._owned = False  # the lock and the copy are this journal's now
        else:
            directory.mkdir(parents=True, exist_ok=True)
            path = _new_journal_path(directory, plan_path)
            lock = new_lock(path)
            if not lock.tryLock(0):
                raise JournalError(f"{path} cannot be locked ({lock.error().name}).", "cannot_lock", path=path)
        header = {
            "format": FORMAT,
            "version": VERSION,
            "created": _now(),
            "pid": os.getpid(),
            "plan_path": str(plan_path) if plan_path else None,
            "title": title,
            "base": base.to_json() if base else None,
            "base_file": None,
        }
        try:
            if prepared is not None:
                header["base_file"] = prepared.base_file.name
            elif base_bytes is not None:
                base_file = companion(path, ".base")
                base_file.write_bytes(base_bytes)
                header["base_file"] = base_file.name
            line = json.dumps(header, ensure_ascii=False)
            if base_plan_json is not None:
                # Splice the plan's own JSON in rather than re-encoding it: it has no raw newline.
                line = line[:-1] + ', "base_plan": ' + base_plan_json + "}"
            payload = (line + "\n").encode("utf-8")
            # Header to a temporary name first, then renamed: a journal is never seen without its header.
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_bytes(payload)
            os.replace(tmp, path)
        except OSError as exc:
            lock.unlock()
            for leftover in (companion(path, ".base"), path.with_name(path.name + ".tmp")):
                unlink_quietly(leftover)
            raise JournalError(f"the recovery journal {path} cannot be written: {exc.strerror or exc}.", "cannot_write",
                               path=path, errno=exc.errno) from None
        return cls(path, lock, len(payload))

    def append(self, op: Entry, authors: Sequence[str] = (), attribution: dict[str, str | None] | None = None) -> int:
        """Write one operation or plan change; return the length before it (for ``rollback``).

        One write() to the OS is enough to survive a killed or crashed program (the data sits
        in the OS's cache, which the kernel writes out); only a power cut needs fsync, which
        ``sync`` does off the edit path.
        """
        before = self.length
        payload = (json.dumps(entry_to_json(op, authors, attribution), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        view = memoryview(payload)
        assert self._fd is not None, "a closed journal is never written"
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        self.length += len(payload)
        self.pending_sync = True
        return before

    def rollback(self, length: int) -> None:
        """Remove what was appended after ``length`` (an operation the document rejected)."""
        assert self._fd is not None, "a closed journal is never written"
        os.ftruncate(self._fd, length)
        self.length = length

    def sync(self) -> None:
        if self._fd is not None and self.pending_sync:
            os.fsync(self._fd)
            self.pending_sync = False

    def close(self, *, delete: bool) -> None:
        """Stop writing; ``delete`` removes the journal (a clean save or close)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if delete:
            remove_files(self.path)
        self._lock.unlock()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
