"""The recovery journal: every edit of an open plan, on disk before it is applied.

One journal per open plan (per editing session) in the recovery folder, made at the first
edit and removed by a clean save or close. Files of one journal, ``NAME`` being the plan's
file name and a random suffix:

- ``NAME.journal``: JSON lines. Line 1 is the header: format and version, the plan's path
  (null for a never-saved plan), its title, and the base the edits apply to: the size, mtime
  and SHA-256 of the plan file as read or last saved, or, for a never-saved plan, the whole
  base plan as JSON. Every further line is one operation (``schema.operations.to_json``), in
  the order they were made: an edit of the working draft's content, or of the revisions around
  it (修正版: InsertRevision, RemoveRevision, SetRevisionLabel).
- ``NAME.base``: for a saved plan, a byte-for-byte copy of the base file, so that the edits can
  be replayed even if the plan file is changed or replaced before the user recovers.
- ``NAME.lock``: a QLockFile held by the session writing the journal; a journal whose lock is
  held belongs to a live editor and is not offered for recovery.

The base copy of a big plan takes tens of milliseconds to write, too long for the first edit
(:class:`PreparedBase`): a thread writes it as soon as the plan is opened or saved, under the
journal's future name and lock, and the first edit only waits for it (it is done long before a
person makes an edit) and writes the header. A ``.base`` without its ``.journal`` whose lock is
free was left by an editor that died before its first edit, and ``scan`` removes it.

Why replay reproduces exactly the applied edits: a line is written before its operation is
applied, and removed again (the file truncated to its previous length) when the document
rejects the operation. A kill between the write and the truncation leaves a rejected line
behind; the document rejects it again on replay, because the state is the same, and replay
skips it. A kill in the middle of a write leaves a last line without its newline: that
operation was never applied, and it is ignored.

A compound edit (several operations as one undo step: a multi-node drop, a paste) is one
``{"group": [...]}`` line, so a kill in its middle replays all of it or none. Just before the
plan file is saved, a ``{"saved": SHA-256}`` line marks what is being written: a journal ending
in it beside a plan file with that hash was saved, and is removed instead of being offered.

Each edit names its author (修改者, ``"by"``: one name, or one per operation of a compound edit
whose operations came from different people, as a merge's do), so that a recovered session
attributes every change (``Revision.authors``) as the killed one did. Version 2 added the
authors; the compound edits and save marks came in version 1's later days. A version 1 journal is
still read and replayed (its edits are left unattributed); a newer version is refused with one
sentence.

Journals written before revisions were operations hold plan lines instead
(:class:`PlanChange`: ``{"plan": {"revisions": [...], "draft_label": ...}}``, the whole list of
revisions and the draft's label after a revision command); they are still read and replayed, so a
journal left by such an editor is recovered, and nothing writes them any more.
"""
from __future__ import annotations

import json
import os
import re
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QLockFile

from editor.ui.session.plan_file_state import Fingerprint, sha256
from schema.document import Document
from schema.fileio import PlanFileError, describe_validation_error, parse_plan
from schema.model import PlanDocument, Revision, new_id
from schema.operations import Insert, Operation, OperationError, from_json, to_json

FORMAT = "plan-editor-journal"
VERSION = 2  # 2: edits name their author ("by")
READABLE_VERSIONS = (1, 2)
SUFFIX = ".journal"


class JournalError(Exception):
    """A journal that cannot be read, written or replayed; ``str()`` is one English sentence.

    ``code`` names the problem and ``params`` its values (``path``, ``errno``, ``line`` …), so that the
    window says it in the interface's language (``editor.ui.files.file_errors.journal_error_text``), as
    PlanFileError does; "" when raised with a message only.
    """

    def __init__(self, message: str, code: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class PlanChange:
    """A plan line of an older journal: the revisions and the draft's label after a revision command (read only)."""

    revisions: tuple[Revision, ...]
    draft_label: str

    def to_json(self) -> dict:
        return {"plan": {"revisions": [r.model_dump(mode="json") for r in self.revisions], "draft_label": self.draft_label}}

    @classmethod
    def from_json(cls, data: dict) -> PlanChange:
        """Raise ValueError (or ValidationError, a ValueError) when ``data`` is not a plan change."""
        plan = data["plan"]
        label = plan["draft_label"]
        if not isinstance(label, str) or not isinstance(plan["revisions"], list):
            raise ValueError("not a plan change")
        return cls(tuple(Revision.model_validate(r) for r in plan["revisions"]), label)

    def apply_to(self, plan: PlanDocument) -> None:
        """Set the plan's revisions and draft label in place (the draft's content object is kept)."""
        plan.revisions = list(self.revisions)
        plan.draft.label = self.draft_label


@dataclass(frozen=True)
class Group:
    """The operations of one compound edit (a multi-node drop, a paste, a cut), journalled as one
    line: written before any of them is applied, so recovery replays all of them or none."""

    ops: tuple[Operation, ...]

    def to_json(self) -> dict:
        return {"group": [to_json(op) for op in self.ops]}


@dataclass(frozen=True)
class SaveMarker:
    """Written just before the plan file is saved: the SHA-256 of what is being written. A journal
    whose last line it is, beside a plan file holding exactly that, was saved: there is nothing
    to recover (the editor was killed between the save and removing its journal)."""

    sha256: str

    def to_json(self) -> dict:
        return {"saved": self.sha256}


Entry = Operation | PlanChange | Group | SaveMarker


def entry_from_json(data) -> Entry:
    if isinstance(data, dict) and "plan" in data:
        try:
            return PlanChange.from_json(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise OperationError(f"a plan change that cannot be read ({exc})") from None
    if isinstance(data, dict) and "group" in data:
        if not isinstance(data["group"], list):
            raise OperationError("a compound edit that cannot be read")
        return Group(tuple(from_json(op) for op in data["group"]))
    if isinstance(data, dict) and "saved" in data:
        if not isinstance(data["saved"], str):
            raise OperationError("a save mark that cannot be read")
        return SaveMarker(data["saved"])
    if isinstance(data, dict) and "by" in data:
        data = {k: v for k, v in data.items() if k != "by"}
    return from_json(data)


def authors_from_json(data, entry: Entry) -> tuple[str, ...]:
    """The ``"by"`` of a line: who made each of its operations; () when it does not say."""
    by = data.get("by") if isinstance(data, dict) else None
    if by is None:
        return ()
    count = len(entry.ops) if isinstance(entry, Group) else 1
    if isinstance(by, str):
        return (by,) * count
    if isinstance(by, list) and len(by) == count and all(isinstance(name, str) for name in by):
        return tuple(by)
    raise OperationError("the authors of an edit that cannot be read")


def entry_to_json(entry: Entry, authors: Sequence[str] = ()) -> dict:
    """``authors``: who made each of its operations (one name is written once); none: not said."""
    data = entry.to_json() if isinstance(entry, (PlanChange, Group, SaveMarker)) else to_json(entry)
    if any(authors):
        data["by"] = authors[0] if len(set(authors)) == 1 else list(authors)
    return data


def edit_count(entries: list[Entry]) -> int:
    """How many operations the entries hold (those of a compound edit each; save marks are not edits)."""
    return sum(len(entry.ops) if isinstance(entry, Group) else 0 if isinstance(entry, SaveMarker) else 1 for entry in entries)


def companion(journal_path: Path, suffix: str) -> Path:
    return journal_path.with_name(journal_path.name[: -len(SUFFIX)] + suffix)


def new_lock(journal_path: Path) -> QLockFile:
    lock = QLockFile(str(companion(journal_path, ".lock")))
    lock.setStaleLockTime(0)  # stale only when the writing process is dead, never by age
    return lock


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

    def append(self, op: Entry, authors: Sequence[str] = ()) -> int:
        """Write one operation or plan change; return the length before it (for ``rollback``).

        One write() to the OS is enough to survive a killed or crashed program (the data sits
        in the OS's cache, which the kernel writes out); only a power cut needs fsync, which
        ``sync`` does off the edit path.
        """
        before = self.length
        payload = (json.dumps(entry_to_json(op, authors), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        view = memoryview(payload)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        self.length += len(payload)
        self.pending_sync = True
        return before

    def rollback(self, length: int) -> None:
        """Remove what was appended after ``length`` (an operation the document rejected)."""
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


@dataclass
class JournalContents:
    header: dict
    ops: list[Entry]  # operations and plan changes, in journal order
    authors: list[tuple[str, ...]]  # for each entry, who made each of its operations; () when not said (version 1)
    valid_length: int  # bytes up to the end of the last complete line
    torn: bool  # a half-written last line was ignored


def read_journal(path: Path) -> JournalContents:
    """Parse a journal; raise JournalError with one sentence when it is not usable."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise JournalError(f"{path} cannot be read: {exc.strerror or exc}.", "cannot_read", path=path, errno=exc.errno) from None
    lines = data.split(b"\n")
    tail = lines.pop()  # after the last newline: empty, or a torn line
    if not lines:
        raise JournalError(f"{path} is not a recovery journal: it has no complete first line.", "not_a_journal", path=path)
    try:
        header = json.loads(lines[0])
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise JournalError(f"{path} is not a recovery journal: its first line is not JSON.", "not_a_journal", path=path) from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise JournalError(f"{path} is not a recovery journal of this editor (unknown format).", "not_a_journal", path=path)
    if header.get("version") not in READABLE_VERSIONS:
        raise JournalError(
            f"{path} is a recovery journal of version {header.get('version')!r}, which this editor (version {VERSION}) cannot replay.",
            "newer_journal", path=path, version=header.get("version"))
    ops: list[Entry] = []
    authors: list[tuple[str, ...]] = []
    valid_length = len(lines[0]) + 1
    torn = bool(tail)
    for number, raw in enumerate(lines[1:], start=2):
        try:
            data = json.loads(raw)
            op = entry_from_json(data)
            by = authors_from_json(data, op)
        except (UnicodeDecodeError, json.JSONDecodeError, OperationError, TypeError):
            if number == len(lines):
                # A damaged last line (e.g. zeros after a power cut): like a torn one, never confirmed.
                torn = True
                break
            raise JournalError(f"{path} is damaged at line {number}, so its edits cannot be replayed safely.", "damaged",
                               path=path, line=number) from None
        ops.append(op)
        authors.append(by)
        valid_length += len(raw) + 1
    return JournalContents(header, ops, authors, valid_length, torn)


def load_base(path: Path, header: dict) -> tuple[PlanDocument, bytes | None, Fingerprint | None]:
    """The plan the journal's edits apply to, its file bytes and fingerprint (None for a never-saved plan)."""
    if header.get("base_plan") is not None or header.get("plan_path") is None:
        try:
            return PlanDocument.model_validate(header["base_plan"]), None, None
        except (KeyError, ValidationError) as exc:
            detail = describe_validation_error(exc) if isinstance(exc, ValidationError) else "it is missing"
            raise JournalError(f"{path} holds no usable copy of the plan its edits apply to ({detail}).", "no_base", path=path) from None
    try:
        base = Fingerprint(**header["base"])
    except (KeyError, TypeError):
        raise JournalError(f"{path} does not say which version of the plan its edits apply to.", "no_base", path=path) from None
    plan_path = Path(header["plan_path"])
    candidates = []
    if header.get("base_file"):
        candidates.append(path.parent / header["base_file"])
    candidates.append(plan_path)
    for candidate in candidates:
        try:
            payload = candidate.read_bytes()
        except OSError:
            continue
        if sha256(payload) == base.sha256:
            try:
                return parse_plan(payload, str(plan_path)), payload, base
            except PlanFileError as exc:
                raise JournalError(str(exc), "base_unreadable", path=path, plan_path=plan_path) from None
    raise JournalError(
        f"the version of {plan_path} that the edits in {path.name} apply to is gone (the file was changed and no copy was kept).",
        "base_gone", path=path, plan_path=plan_path)


def pin_ids(op: Operation) -> Operation:
    """The same operation with every id of an inserted subtree written out.

    A node given without an id gets a random one from the model when it is applied, and would
    get a different one on replay; pinning the ids first makes the journalled line exact.
    """
    if not isinstance(op, Insert) or not isinstance(op.node, dict) or not _lacks_id(op.node):
        return op
    return Insert(op.parent_id, op.index, _with_ids(op.node))


def _lacks_id(data: dict) -> bool:
    if "id" not in data:
        return True
    return any(isinstance(v, list) and any(isinstance(i, dict) and _lacks_id(i) for i in v) for v in data.values())


def _with_ids(data: dict) -> dict:
    copy = {k: ([_with_ids(i) if isinstance(i, dict) else i for i in v] if isinstance(v, list) else v) for k, v in data.items()}
    copy.setdefault("id", new_id())
    return copy


def replay(document: Document, ops: list[Entry], set_author: Callable[[str], None] | None = None,
           authors: Sequence[tuple[str, ...]] = (), settle: Callable[[bool], None] | None = None,
           applied: list[tuple[list[Operation], list[Operation], tuple[str, ...]]] | None = None) -> int:
    """Apply the journalled operations (and an older journal's plan lines) in order; return how many
    operations were skipped as rejected (see module doc). Revisions need a document of a plan
    (``Document.of_plan``). ``set_author`` is told who made each operation before it is applied
    (``authors``: JournalContents.authors; "" when the journal does not say), so that the session
    attributes it as it was; ``settle`` is told after each edit whether it was applied (a refused one
    must name nobody, as in the session that refused it). ``applied`` receives (operations, their inverses,
    authors) of each edit applied, in order, for the undo history; an older journal's plan line, which
    has no inverse, empties it (what came before it cannot be undone)."""
    skipped = 0
    for number, op in enumerate(ops):
        who = authors[number] if number < len(authors) and authors[number] else ("",) * (len(op.ops) if isinstance(op, Group) else 1)
        if isinstance(op, SaveMarker):
            continue
        if isinstance(op, PlanChange):
            if document.plan is None:
                raise JournalError("the journal changes the plan's revisions, but no plan was given to replay them on.", "no_base")
            op.apply_to(document.plan)
            if applied is not None:
                applied.clear()
            continue
        group = list(op.ops) if isinstance(op, Group) else [op]
        try:
            inverses = apply_group(document, group, who, set_author)
        except OperationError:
            skipped += 1
            if settle is not None:
                settle(False)
            continue
        if applied is not None:
            applied.append((group, inverses, who))
        if settle is not None:
            settle(True)
    return skipped


def apply_group(document: Document, ops, authors: Sequence[str] = (),
                set_author: Callable[[str], None] | None = None) -> list[Operation]:
    """Apply all of ``ops`` or none: on a refusal the applied ones are undone and the refusal
    (OperationError) raised. Returns the inverses in the order that undoes. ``set_author`` is
    told ``authors[i]`` before the i-th operation (when both are given)."""
    inverses: list[Operation] = []
    try:
        for index, op in enumerate(ops):
            if set_author is not None and authors:
                set_author(authors[index])
            inverses.append(document.apply(op))
    except OperationError:
        for inverse in reversed(inverses):
            document.apply(inverse)
        raise
    inverses.reverse()
    return inverses


def remove_files(journal_path: Path) -> None:
    """Remove a journal and its base copy (the lock is removed by its owner's unlock)."""
    for path in (journal_path, companion(journal_path, ".base"), journal_path.with_name(journal_path.name + ".tmp")):
        unlink_quietly(path)


def unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
