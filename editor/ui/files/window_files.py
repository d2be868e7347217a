"""The window's file handling: start (with the offer to recover unsaved work), New, Open, Save,
Save As, the question before the plan goes away, and the recent files.

A mixin of :class:`editor.ui.main_window.MainWindow`, which provides ``session``, ``settings``,
``journal_dir``, ``menus``, ``set_session``, ``update_title`` and ``show_status``. A file that
cannot be read leaves the current plan open; saving asks before overwriting a file changed on disk.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

from editor.ui.files import dialogs
from editor.ui.files.file_errors import file_error_text, journal_error_text
from editor.ui.i18n import fill, translate
from editor.ui.session.plan_file_state import FileChangedOnDiskError
from editor.ui.session.recovery import RecoveryError, discard_recoverable, find_recoverable, recover
from editor.ui.session.session import EditSession
from schema.fileio import PlanFileError

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMenu

    from editor.ui.actions import WindowActions

MAX_RECENT = 8


class PlanFiles(QMainWindow):
    if TYPE_CHECKING:  # what MainWindow provides
        session: EditSession | None
        settings: QSettings
        journal_dir: Path | None
        menus: dict[str, QMenu]
        window_actions: WindowActions

        def set_session(self, session: EditSession) -> None: ...
        def update_title(self, *_args: object) -> None: ...
        def show_status(self, text: str) -> None: ...

    def current_session(self) -> EditSession:
        """The session of the plan shown. ``session`` is typed optional for MainWindow's first
        ``set_session``, before its ``__init__`` returns; from then on there is always one."""
        session = self.session
        assert session is not None, "MainWindow sets its session in __init__"
        return session

    def start(self, path: str | None = None) -> None:
        """At program start: offer to recover unsaved work, else open ``path`` (if given)."""
        if self.offer_recovery():
            return
        if path:
            self.open_file(path)

    def offer_recovery(self) -> bool:
        """Offer each left-over journal; True when one was restored and is now shown."""
        for item in find_recoverable(self.journal_dir):
            answer = dialogs.offer_recovery(self, item)
            try:
                if answer == "restore":
                    session = recover(item, journal_dir=self.journal_dir)
                    if session.path is not None and not self._lock_or_ask(session):
                        session.close(keep_journal=True)  # the restored edits stay on disk for later
                        continue
                    self.set_session(session)
                    if item.edit_count == 1:
                        self.show_status(translate("window", "已還原 1 項編輯"))
                    else:
                        self.show_status(fill(translate("window", "已還原 %1 項編輯"), item.edit_count))
                    return True
                if answer == "discard":
                    discard_recoverable(item)
            except RecoveryError as exc:
                dialogs.show_error(self, translate("window", "無法還原"), translate("window", "無法還原未儲存的編輯。"),
                                   detail=journal_error_text(exc))
        return False

    def new_plan(self) -> None:
        if self.maybe_save():
            self.set_session(EditSession.new(journal_dir=self.journal_dir))

    def open_file(self, path: str | None = None) -> bool:
        """Open a plan; a file that cannot be read leaves the current plan open, untouched."""
        if path is None:
            shown = self.current_session().path
            start = str(Path(shown).parent) if shown else ""
            path = dialogs.choose_open_path(self, start)
            if path is None:
                return False
        try:
            session = EditSession.open(path, journal_dir=self.journal_dir)
        except PlanFileError as exc:
            dialogs.show_open_error(self, file_error_text(exc))
            return False
        if not self._lock_or_ask(session):
            session.close()
            return False
        if not self.maybe_save():
            session.close()
            return False
        self.set_session(session)
        self.add_recent(session.path)
        return True

    def _lock_or_ask(self, session: EditSession) -> bool:
        holder = session.acquire_lock()
        if holder is None or session.path is None:  # (a plan never saved has no lock to be held)
            return True
        return dialogs.warn_locked(self, session.path, holder) == "open"

    def save(self) -> bool:
        session = self.current_session()
        if session.path is None:
            return self.save_as()
        try:
            session.save()
        except FileChangedOnDiskError:
            answer = dialogs.ask_changed_on_disk(self, session.path)
            if answer == "save_as":
                return self.save_as()
            if answer != "overwrite":
                return False
            return self._save_to(None, overwrite_changed=True)
        except PlanFileError as exc:
            dialogs.show_save_error(self, file_error_text(exc))
            return False
        self._saved()
        return True

    def save_as(self) -> bool:
        session = self.current_session()
        suggested = str(session.path) if session.path else session.plan.title + dialogs.PLAN_SUFFIX
        path = dialogs.choose_save_path(self, suggested)
        return path is not None and self._save_to(Path(path))

    def _save_to(self, path: Path | None, *, overwrite_changed: bool = False) -> bool:
        session = self.current_session()
        try:
            session.save(path, overwrite_changed=overwrite_changed)
        except (PlanFileError, FileChangedOnDiskError) as exc:
            dialogs.show_save_error(self, file_error_text(exc))
            return False
        self._saved()
        return True

    def _saved(self) -> None:
        session = self.current_session()
        self.add_recent(session.path)
        self.update_title()
        self.show_status(fill(translate("window", "已儲存 %1"), session.path))

    def maybe_save(self) -> bool:
        """Before the plan goes away: True when it may (saved, discarded or clean), False to stay."""
        session = self.current_session()
        if not session.is_dirty():
            return True
        answer = dialogs.ask_save_changes(self, session.path)
        if answer == "save":
            return self.save()
        return answer == "discard"

    # --- recent files -------------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            value = [value]
        return [str(v) for v in value] if isinstance(value, list) else []  # None when never set

    def add_recent(self, path: Path | None) -> None:
        if path is None:
            return
        files = [str(path)] + [f for f in self.recent_files() if f != str(path)]
        self.settings.setValue("recent_files", files[:MAX_RECENT])
        self.settings.sync()

    def _fill_recent_menu(self) -> None:
        menu = self.menus["recent"]
        menu.clear()
        existing = [p for p in self.recent_files() if Path(p).is_file()]  # a moved or deleted plan is dropped
        if existing != self.recent_files():
            self.settings.setValue("recent_files", existing)
        for number, path in enumerate(existing, start=1):
            action = menu.addAction(f"&{number} {path}")
            action.triggered.connect(lambda _checked=False, p=path: QTimer.singleShot(0, lambda: self.open_file(p)))
        if menu.isEmpty():
            menu.addAction(translate("window", "（沒有）")).setEnabled(False)
