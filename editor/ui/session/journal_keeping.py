"""The recovery journal of an open plan, as :class:`editor.ui.session.session.EditSession` keeps it.

The journal (``journal_format``, ``journal_writer``) is made at the first edit, over a copy of the
base file that a thread writes as soon as the plan is opened or saved (so that the first edit need
not); it is synced to disk a moment after the last edit (power cuts only: each line is written at
once), marked before each save so that a kill right after the save offers nothing again, and given
up when it cannot be written: editing goes on unprotected rather than being refused, and the
window is told once (``journal_failed``, ``journal_error``).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QObject

from editor.ui.session import journal_format
from editor.ui.session.journal_format import JournalError
from editor.ui.session.journal_writer import JournalWriter, PreparedBase
from editor.ui.session.plan_file_state import sha256

if TYPE_CHECKING:
    from PySide6.QtCore import Signal

    from editor.ui.session.plan_file_state import Fingerprint
    from schema.model import PlanDocument


def write_error(path: Path, exc: OSError) -> JournalError:
    """A failed write of the journal as the error the window phrases (code ``cannot_write``)."""
    return JournalError(f"the recovery journal {path} cannot be written: {exc.strerror or exc}.", "cannot_write",
                        path=path, errno=exc.errno)


class JournalKeeping(QObject):
    """EditSession's journal: ``_journal`` (None before the first edit and after a save), ``_prepared``
    (the next journal's base copy), ``_journal_broken``, ``_sync_timer``; the session's ``path``,
    ``plan``, ``journal_dir``, ``_fingerprint``, ``_base_bytes``, ``_base_plan_json`` and ``_closed``."""

    if TYPE_CHECKING:  # set in EditSession.__init__
        journal_failed: ClassVar[Signal]
        plan: PlanDocument
        path: Path | None
        journal_dir: Path
        journal_error: JournalError | None
        _journal: JournalWriter | None
        _prepared: PreparedBase | None
        _journal_broken: bool
        _recovered: bool
        _closed: bool
        _fingerprint: Fingerprint | None
        _base_bytes: bytes | None
        _base_plan_json: str | None

        def _update_dirty(self, *_args: object) -> None: ...

    @property
    def journal_path(self) -> Path | None:
        """The journal being written (None before the first edit and after a save)."""
        return self._journal.path if self._journal is not None else None

    def _mark_save(self, payload: bytes) -> None:
        """Tell the journal what is about to be saved, so that a kill right after the save does not
        leave these edits to be offered for recovery again (journal_format.SaveMarker)."""
        if self._journal is not None:
            try:
                self._journal.append(journal_format.SaveMarker(sha256(payload)))
            except OSError:
                pass  # then recovery is offered once more: harmless

    def _journal_for_edit(self) -> JournalWriter | None:
        if self._journal is not None or self._journal_broken or self._closed:
            return self._journal
        try:
            if self._fingerprint is None:
                # A never-saved plan, or one given with a path but not read by open(): the
                # journal carries the whole base plan (still unedited: every edit comes here first).
                if self._base_plan_json is None:
                    self._base_plan_json = self.plan.model_dump_json()
                self._journal = JournalWriter.create(
                    self.journal_dir, plan_path=self.path, title=self.plan.title, base_plan_json=self._base_plan_json
                )
            else:
                prepared, self._prepared = self._prepared, None
                self._journal = JournalWriter.create(
                    self.journal_dir,
                    plan_path=self.path,
                    title=self.plan.title,
                    base=self._fingerprint,
                    base_bytes=self._base_bytes if prepared is None else None,
                    prepared=prepared,
                )
        except (JournalError, OSError) as exc:
            self._journal_lost(
                exc if isinstance(exc, JournalError)
                else JournalError(f"the recovery journal cannot be created in {self.journal_dir}: {exc.strerror or exc}.",
                                  "cannot_create", path=self.journal_dir, errno=exc.errno)
            )
        return self._journal

    def _prepare_base(self) -> None:
        """Start writing the next journal's base copy now, so that the first edit need not (journal_writer.py)."""
        self._discard_prepared()
        if self._closed or self._base_bytes is None:
            return
        try:
            self._prepared = PreparedBase(self.journal_dir, self.path, self._base_bytes)
        except (JournalError, OSError):
            self._prepared = None  # the first edit tries again, and reports a failure then

    def _discard_prepared(self) -> None:
        if self._prepared is not None:
            self._prepared.discard()
            self._prepared = None

    def _journal_lost(self, error: JournalError) -> None:
        """Editing goes on without protection rather than being refused; the window is told once (the
        English sentence by ``journal_failed``; ``journal_error`` keeps the error for the window's phrase)."""
        self.journal_error = error
        message = str(error)
        if self._journal is not None:
            try:
                self._journal.close(delete=False)
            except OSError:
                pass
            self._journal = None
        self._journal_broken = True
        self.journal_failed.emit(message[0].upper() + message[1:])

    def _sync_journal(self) -> None:
        if self._journal is not None:
            try:
                self._journal.sync()
            except OSError:
                pass  # the data is still in the OS cache; a power cut is the only risk left

    def _adopt_journal(self, writer: JournalWriter) -> None:
        self._journal = writer
        self._recovered = True
        self._update_dirty()
