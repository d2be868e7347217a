"""Working with colleagues from the File menu: 分送局處… (hand a bureau its part of the plan) and
合併同仁版本… (merge a colleague's copy or part back), the window's side of ``plan-editor part`` and
``plan-editor merge`` (README: "Working with colleagues").

Handing out writes the part of the open plan's working draft, unsaved edits included, as
``editor.commands.part.write_part`` does for the command line; merging is ``editor.ui.files.merge_copy``.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from editor.ui.files.file_errors import file_error_text
from editor.ui.i18n import fill, translate
from schema.fileio import PlanFileError

if TYPE_CHECKING:
    from editor.ui.files.hand_out_dialog import Choice, HandOutDialog
    from editor.ui.main_window import MainWindow


class ColleagueCommands:
    """File ▸ 分送局處… and File ▸ 合併同仁版本…, placed after File ▸ Export."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.dialog: HandOutDialog | None = None
        self.hand_out_action = QAction(translate("colleagues", "分送局處(&H)…"), window)
        self.hand_out_action.setStatusTip(translate("colleagues", "把計畫的一部分（一個主辦機關的推動策略或幾項施政重點）存成檔案交給局處"))
        self.hand_out_action.triggered.connect(self.hand_out)
        self.merge_action = QAction(translate("colleagues", "合併同仁版本(&M)…"), window)
        self.merge_action.setStatusTip(translate("colleagues", "把局處交回的部分或同仁修改的計畫檔併入這份計畫"))
        self.merge_action.triggered.connect(self.merge)
        window.menu("file").insertActions(window.window_actions.export_anchor, [self.hand_out_action, self.merge_action])

    def hand_out(self) -> HandOutDialog:
        """Show the dialog (not blocking); 分送 in it writes the part."""
        from editor.ui.files.hand_out_dialog import HandOutDialog  # its module loads on first use

        session = self.window.current_session()
        if self.dialog is not None:
            self.dialog.deleteLater()  # the last one, kept until now for whoever looks at what it chose
        dialog = HandOutDialog(session.plan, session.path, self._write, self.window)
        dialog.accepted.connect(lambda: self._written(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _write(self, choice: Choice, target: Path) -> str | None:
        """Write the part; the sentence shown in the dialog when it cannot be (nothing is written then)."""
        from editor.commands.part import write_part
        from schema.part import PartError  # the part and merge modules load on first use

        session = self.window.current_session()
        if session.path is not None and target.resolve() == session.path.resolve():
            return fill(translate("colleagues", "「%1」是目前開啟的計畫檔，分送的部分不能存在它上面。"), target.name)
        focus, agency = choice
        try:
            write_part(session.plan, target, focus=focus, agency=agency)
        except PartError:
            return translate("colleagues", "這份計畫沒有這樣的部分可以分送。")
        except PlanFileError as exc:
            return file_error_text(exc)
        return None

    def _written(self, dialog: HandOutDialog) -> None:
        focus, agency = dialog.choice()
        path = dialog.written
        assert path is not None
        if agency:
            text = fill(translate("colleagues", "已把%1的推動策略分送到「%2」"), agency, path.name)
        else:
            text = fill(translate("colleagues", "已把 %1 項施政重點分送到「%2」"), len(focus or []), path.name)
        self.window.show_status(text)

    def merge(self) -> None:
        from editor.ui.files.merge_copy import merge_into_window

        merge_into_window(self.window)
