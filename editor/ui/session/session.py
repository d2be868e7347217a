"""One open plan: its file, the working draft's Document, the undo stack, the journal and the lock.

The window edits a plan only through :meth:`EditSession.apply`, which writes the operation to
the recovery journal (``editor.ui.session.journal_writer``; made, synced and given up by
``journal_keeping``) before the document applies it, so a killed or crashed editor loses no
completed edit. Undo commands call ``apply`` for their inverses too,
so undo and redo are journalled like any edit, and replaying the journal over the base plan
always gives the state on screen. The revisions around the draft (修正版) change the same way:
their operations are applied by the same document (``Document.of_plan``), see docs/architecture.md.
"""
from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError
from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QUndoStack

from editor.ui.session import journal_format, journal_replay
from editor.ui.session.attribution import Attribution, AuthorStamp
from editor.ui.session.journal_format import JournalError
from editor.ui.session.journal_keeping import JournalKeeping, write_error
from editor.ui.session.journal_writer import JournalWriter, PreparedBase
from editor.ui.session.locking import LockHolder, PlanLock, PlanLockedError
from editor.ui.session.plan_file_state import FileChangedOnDiskError, Fingerprint, disk_state, read_plan_file, sha256
from schema.atomic_write import remove_stale_temporaries
from schema.document import Document
from schema.fileio import (
    PlanFileError,
    describe_validation_error,
    dump_plan,
    parse_plan,
    validation_params,
    write_atomically,
)
from schema.model import Period, PlanDocument
from schema.operations import Operation, OperationError
from schema.roc_dates import roc_year as roc_year_of

T = TypeVar("T")

UNTITLED = "未命名計畫"
SYNC_DELAY_MS = 1000  # fsync the journal this long after the last edit (power cuts only; see JournalWriter.append)


def default_journal_dir() -> Path:
    """The recovery folder under the user's application data (Qt standard paths)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def roc_year(today: _dt.date | None = None) -> int:
    """The current year of the Republic of China calendar (民國), e.g. 2020 → 109."""
    return roc_year_of((today or _dt.date.today()).year)


class EditSession(JournalKeeping, QObject):
    """One open plan: its file, the working draft's Document, the undo stack, the recovery journal and the lock."""

    dirty_changed = Signal(bool)
    path_changed = Signal(object)  # Path | None
    journal_failed = Signal(str)  # one sentence: edits go on, but are no longer protected

    def __init__(self, plan: PlanDocument, path: Path | None = None, *, journal_dir: Path | None = None,
                 unsaved: bool = False):
        """``unsaved``: the plan holds work that exists nowhere else yet (an import), so it is dirty until saved."""
        super().__init__()
        self.plan = plan
        self.document = Document.of_plan(plan)
        self.undo_stack = QUndoStack(self)
        # Who makes the edits (修改者, the window sets it from the preferences): noted against each
        # node an edit touches (Revision.authors) and journalled with the edit, so recovery keeps it.
        self._stamp = AuthorStamp("")
        self._stamp.watch(self.document, plan.draft)
        self.author = ""
        # The authors the last edit found and left (for its undo command): see apply_group.
        self.last_attribution: tuple[Attribution, Attribution] = ({}, {})
        self.path = Path(os.path.abspath(path)) if path is not None else None
        self.journal_error: JournalError | None = None  # why the journal stopped, for the window's phrase
        # While an undo or redo applies its operations, the node it will select (OperationsCommand): a view
        # whose current row goes moves it there at once, rather than to a neighbour and then again.
        self.focus_hint: str | None = None
        self.journal_dir = Path(journal_dir) if journal_dir is not None else default_journal_dir()
        # The file as we last read or wrote it: the base of the journal and the reference for
        # "changed on disk". None for a never-saved plan.
        self._base_bytes: bytes | None = None
        self._fingerprint: Fingerprint | None = None
        # A never-saved plan's base is captured now, while it is still the base (cheap here,
        # not on the first edit).
        self._base_plan_json: str | None = plan.model_dump_json() if self.path is None else None
        self._journal: JournalWriter | None = None
        self._prepared: PreparedBase | None = None  # the next journal's base copy, written by a thread
        self._journal_broken = False
        self._recovered = unsaved
        self._lock: PlanLock | None = None
        self._dirty = unsaved
        self._closed = False
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(SYNC_DELAY_MS)
        self._sync_timer.timeout.connect(self._sync_journal)
        self.undo_stack.cleanChanged.connect(self._update_dirty)

    # --- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path, *, journal_dir=None) -> EditSession:
        """Open a plan file; raise PlanFileError (one sentence) when it cannot be read."""
        path = Path(os.path.abspath(path))
        payload, stat = read_plan_file(path)
        remove_stale_temporaries(path)  # left by an editor killed in the middle of a save
        plan = parse_plan(payload, str(path))
        session = cls(plan, path, journal_dir=journal_dir)
        session._base_bytes = payload
        session._fingerprint = Fingerprint.of(payload, stat)
        session._prepare_base()
        return session

    @classmethod
    def new(cls, *, journal_dir=None) -> EditSession:
        """An empty plan titled 未命名計畫 for the four years from the current ROC year."""
        year = roc_year()
        return cls(PlanDocument(title=UNTITLED, period=Period(start=year, end=year + 3)), None, journal_dir=journal_dir)

    # --- editing -----------------------------------------------------------------------------
    def apply(self, op: Operation, *, author: str | None = None) -> Operation:
        """Journal ``op``, then apply it; return its inverse. ``author``: who made it, when not
        :attr:`author` (an accepted proposal is its proposer's).

        OperationError leaves the plan and the journal unchanged: the line is written first (so
        that a kill right after applying cannot lose the edit) and cut off again when the
        document rejects the operation. Document.apply changes nothing when it rejects.
        """
        return self.apply_group([op], authors=None if author is None else [author])[0]

    def apply_group(self, ops: Sequence[Operation], *, authors: Sequence[str] | None = None,
                    attribution: Attribution | None = None) -> list[Operation]:
        """Journal the operations of one compound edit as one line, then apply all of them; return
        their inverses in the order that undoes. A refusal of any applies none (the applied ones
        are undone and the line cut off again), so recovery, too, gets all of the edit or none.

        ``authors``: who made each operation (a merge takes each change from its side's author);
        by default :attr:`author` made them all. ``attribution``: the authors the touched nodes have
        after the edit, whoever applies it (an undo puts back what its edit found, a redo what it left).
        What the edit found and left is :attr:`last_attribution` afterwards."""
        ops = [journal_format.pin_ids(op) for op in ops]
        who = list(authors) if authors is not None else [self.author] * len(ops)
        if len(who) != len(ops):
            raise ValueError("one author for each operation")
        if attribution is not None:
            who = [""] * len(ops)  # an undo or redo names nobody new: its nodes get exactly ``attribution``
        record = ops[0] if len(ops) == 1 else journal_format.Group(tuple(ops))

        def edit() -> list[Operation]:
            inverses = journal_replay.apply_group(self.document, ops, who, self._set_author)
            if attribution is not None:
                self._stamp.restore(attribution)
            return inverses
        return self._journalled(record, edit, who, attribution)

    @property
    def author(self) -> str:
        """Who makes the edits from now on (修改者); "" leaves them unattributed."""
        return self._author

    @author.setter
    def author(self, name: str) -> None:
        self._author = name
        self._stamp.author = name

    def _set_author(self, name: str) -> None:
        self._stamp.author = name

    def _journalled(self, record, edit: Callable[[], T], authors: Sequence[str] = (),
                    attribution: Attribution | None = None) -> T:
        """Write ``record`` to the journal, then run ``edit``; when the document refuses the edit
        (OperationError), the line is cut off again and the error goes on to the caller."""
        journal = self._journal_for_edit()
        mark = None
        if journal is not None:
            try:
                mark = journal.append(record, authors, attribution)
            except OSError as exc:
                self._journal_lost(write_error(journal.path, exc))
                journal = None
        try:
            try:
                result = edit()
            finally:
                self._stamp.author = self._author
        except OperationError:
            self._stamp.settle(False)  # a refused edit names nobody
            if journal is not None and mark is not None:
                try:
                    journal.rollback(mark)
                except OSError as exc:
                    # The line stays; replay skips it since it is rejected again (see journal_replay.py).
                    self._journal_lost(write_error(journal.path, exc))
            raise
        self.last_attribution = self._stamp.settle(True)
        if journal is not None and not self._sync_timer.isActive():
            self._sync_timer.start()
        return result

    def is_dirty(self) -> bool:
        """Unsaved changes: the undo stack is not at its clean state, or the plan came from a journal or an import."""
        return self._recovered or not self.undo_stack.isClean()

    # --- saving --------------------------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        """Whether the file was changed (or deleted) by someone else since we opened or saved it."""
        return self._disk_state(thorough=False) != "same"

    def save(self, path: Path | None = None, *, overwrite_changed: bool = False) -> None:
        """Save atomically to ``path`` (Save As) or to the current file.

        Raises FileChangedOnDiskError when the current file was changed by someone else (unless
        ``overwrite_changed``), PlanLockedError when Save As targets a plan open in another
        editor, and PlanFileError when writing fails; in every failure the file on disk and the
        journal are untouched.
        """
        target = Path(os.path.abspath(path)) if path is not None else self.path
        if target is None:
            raise ValueError("this plan has never been saved: give save() a path")
        same_file = target == self.path
        if same_file and not overwrite_changed:
            state = self._disk_state(thorough=True)
            if state != "same":
                raise FileChangedOnDiskError(target, deleted=state == "missing")
        new_lock = None
        if not same_file:
            # The lock follows the plan to its new name; refuse a name another editor has open.
            new_lock = PlanLock(target, self.journal_dir)
            holder = new_lock.acquire()
            if holder is not None:
                raise PlanLockedError(f"{target} was not saved: {holder.describe()}.", holder, name=str(target))
        try:
            try:
                text = dump_plan(self.plan)
            except ValidationError as exc:
                raise PlanFileError(f"{target} was not saved: the plan is invalid {describe_validation_error(exc)}.",
                                    "invalid_to_save", name=str(target), **validation_params(exc)) from None
            payload = text.encode("utf-8")
            self._mark_save(payload)
            # The changed-on-disk question is asked again at the last moment, on what the file
            # holds at the instant of the rename (schema.atomic_write), not only before the
            # (for a big plan, long) serialisation above.
            check = self._unchanged_since_read(target) if same_file and not overwrite_changed else None
            write_atomically(target, payload, check=check)
            stat = os.stat(target)
        except BaseException:
            if new_lock is not None:
                new_lock.release()
            raise
        # Saved: the new file is the base of any further edit.
        self._base_bytes = payload
        self._fingerprint = Fingerprint.of(payload, stat)
        self._base_plan_json = None
        if self._journal is not None:
            self._sync_timer.stop()
            self._journal.close(delete=True)
            self._journal = None
        self._journal_broken = False
        self._prepare_base()
        if new_lock is not None:
            if self._lock is not None:
                self._lock.release()
            self._lock = new_lock
        self._recovered = False
        self.undo_stack.setClean()
        if not same_file:
            self.path = target
            self.path_changed.emit(target)
        self._update_dirty()

    def _unchanged_since_read(self, target: Path):
        fingerprint = self._fingerprint

        def check(current: bytes | None) -> None:
            if fingerprint is None:
                return
            if current is None:
                raise FileChangedOnDiskError(target, deleted=True)
            if sha256(current) != fingerprint.sha256:
                raise FileChangedOnDiskError(target)

        return check

    # --- locking and closing ---------------------------------------------------------------
    def acquire_lock(self) -> LockHolder | None:
        """Lock the plan file: None when we hold the lock now, else who holds it (for a warning)."""
        if self.path is None:
            return None
        if self._lock is None or self._lock.plan_path != Path(os.path.realpath(self.path)):
            if self._lock is not None:
                self._lock.release()
            self._lock = PlanLock(self.path, self.journal_dir)
        return self._lock.acquire()

    @property
    def holds_lock(self) -> bool:
        return self._lock is not None and self._lock.held

    def close(self, *, keep_journal: bool = False) -> None:
        """A clean close (after Save or Discard): remove the journal, release the lock.

        ``keep_journal`` leaves the unsaved edits on disk for a later recovery (e.g. a recovered
        plan that the user decided not to open after all because another editor has it).
        """
        if self._closed:
            return
        self._closed = True
        self._stamp.watch(None, None)  # a closed plan is no longer edited: nothing keeps watching it
        self._sync_timer.stop()
        # The undo commands refer back to the session: without them the session is freed as soon as the
        # window lets go of it, here in the GUI thread. Left to Python's cycle collector, it could be
        # destroyed with its timer in whichever thread that collector happens to run, e.g. the journal's
        # base-copy thread, which Qt does not allow (a crash seen in the test run).
        self.undo_stack.clear()
        self._discard_prepared()
        if self._journal is not None:
            try:
                self._journal.sync()
            except OSError:
                pass
            self._journal.close(delete=not keep_journal)
            self._journal = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # --- internals ---------------------------------------------------------------------------
    def _update_dirty(self, *_args) -> None:
        dirty = self.is_dirty()
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _disk_state(self, *, thorough: bool) -> str:
        if self.path is None or self._fingerprint is None:
            return "same"
        state, self._fingerprint = disk_state(self.path, self._fingerprint, thorough=thorough)
        return state
