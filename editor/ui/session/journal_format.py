"""The recovery journal's record format: its files, its lines, and the entries they hold.

The journal (``editor.ui.session.journal_writer`` writes it, ``editor.ui.session.journal_replay``
reads it back) keeps every edit of an open plan on disk before it is applied.

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

A compound edit (several operations as one undo step: a multi-node drop, a paste) is one
``{"group": [...]}`` line, so a kill in its middle replays all of it or none. Just before the
plan file is saved, a ``{"saved": SHA-256}`` line marks what is being written: a journal ending
in it beside a plan file with that hash was saved, and is removed instead of being offered.

Each edit names its author (修改者, ``"by"``: one name, or one per operation of a compound edit
whose operations came from different people, as a merge's do), so that a recovered session
attributes every change (``Revision.authors``) as the killed one did. An undo or redo also says
the authors it leaves on the nodes it touched (``"authors"``: node id → name, or null for none), since
an undo puts back the authors its edit found rather than naming the undoer. Version 3 added that,
version 2 the authors; the compound edits and save marks came in version 1's later days. A version 1 journal is
still read and replayed (its edits are left unattributed); a newer version is refused with one
sentence.

Journals written before revisions were operations hold plan lines instead
(:class:`PlanChange`: ``{"plan": {"revisions": [...], "draft_label": ...}}``, the whole list of
revisions and the draft's label after a revision command); they are still read and replayed, so a
journal left by such an editor is recovered, and nothing writes them any more.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from schema.model import PlanDocument, Revision, new_id
from schema.operations import Insert, Operation, OperationError, from_json, to_json

FORMAT = "plan-editor-journal"
VERSION = 3  # 2: edits name their author ("by"); 3: an undo or redo says the authors it leaves ("authors")
READABLE_VERSIONS = (1, 2, 3)
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
            raise OperationError(f"a plan change that cannot be read ({exc})", "unreadable_operation") from None
    if isinstance(data, dict) and "group" in data:
        if not isinstance(data["group"], list):
            raise OperationError("a compound edit that cannot be read", "unreadable_operation")
        return Group(tuple(from_json(op) for op in data["group"]))
    if isinstance(data, dict) and "saved" in data:
        if not isinstance(data["saved"], str):
            raise OperationError("a save mark that cannot be read", "unreadable_operation")
        return SaveMarker(data["saved"])
    if isinstance(data, dict) and ("by" in data or "authors" in data):
        data = {k: v for k, v in data.items() if k not in ("by", "authors")}
    return from_json(data)


def attribution_from_json(data) -> dict[str, str | None] | None:
    """The ``"authors"`` of a line (an undo's or redo's): the authors it leaves; None when it does not say."""
    found = data.get("authors") if isinstance(data, dict) else None
    if found is None:
        return None
    if isinstance(found, dict) and all(isinstance(name, str | None) for name in found.values()):
        return dict(found)
    raise OperationError("the authors an undo leaves that cannot be read", "unreadable_operation")


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
    raise OperationError("the authors of an edit that cannot be read", "unreadable_operation")


def entry_to_json(entry: Entry, authors: Sequence[str] = (), attribution: dict[str, str | None] | None = None) -> dict:
    """``authors``: who made each of its operations (one name is written once); none: not said.
    ``attribution``: the authors an undo or redo leaves on the nodes it touched."""
    data = entry.to_json() if isinstance(entry, (PlanChange, Group, SaveMarker)) else to_json(entry)
    if any(authors):
        data["by"] = authors[0] if len(set(authors)) == 1 else list(authors)
    if attribution:  # an undo of an unattributed edit names nobody, as a line without "by" does
        data["authors"] = dict(attribution)
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


def remove_files(journal_path: Path) -> None:
    """Remove a journal and its base copy (the lock is removed by its owner's unlock)."""
    for path in (journal_path, companion(journal_path, ".base"), journal_path.with_name(journal_path.name + ".tmp")):
        unlink_quietly(path)


def unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass

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
