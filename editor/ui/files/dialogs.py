"""The questions and messages around files: save before closing, recovery, the lock, changes on disk.

Each function shows one QMessageBox (or file chooser) and returns the user's answer as a word
("save", "discard", "cancel" …), so the window's logic reads plainly and tests can answer.

An error names what failed in a headline in the interface's language (「無法開啟計畫檔」) with the
one-sentence reason below it: the reasons of ``schema.fileio`` and the recovery journal are
English sentences, and a Chinese reader still learns from the headline what happened.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.ui.i18n import fill, roc_date_text, translate

Role = QMessageBox.ButtonRole
PLAN_SUFFIX = ".plan.json"


def ask(parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str, Role]], *,
        icon=QMessageBox.Icon.Warning, default: str | None = None, details: str = "") -> str:
    """Show a question with the given (answer, button label, role) choices; Esc answers the reject one."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("fileQuestion")
    if details:
        box.setInformativeText(details)
    answers = {}
    for answer, label, role in choices:
        button = box.addButton(label, role)
        answers[button] = answer
        if answer == default:
            box.setDefaultButton(button)
        if role == Role.RejectRole:
            box.setEscapeButton(button)
    box.exec()
    clicked = box.clickedButton()
    if clicked in answers:
        return answers[clicked]
    return next((a for a, _l, r in choices if r == Role.RejectRole), choices[-1][0])


def show_error(parent: QWidget | None, title: str, text: str, *, detail: str = "", name: str = "fileError") -> None:
    """An error: ``text`` is the headline, ``detail`` (the reason, one sentence) stands below it."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    if detail:
        box.setInformativeText(detail)
        # a short headline would make the box narrow and break a long path into many lines
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 30em; }")
    box.setEscapeButton(box.addButton(translate("files", "確定"), Role.AcceptRole))
    box.exec()


def display_name(path: Path | None) -> str:
    return path.name if path is not None else translate("files", "未命名")


# --- the questions ------------------------------------------------------------------------------
def ask_save_changes(parent, path: Path | None) -> str:
    """'save', 'discard' or 'cancel'."""
    text = fill(translate("files", "「%1」有尚未儲存的變更。要先儲存嗎？"), display_name(path))
    return ask(parent, translate("files", "尚未儲存"), text, [
        ("save", translate("files", "儲存"), Role.AcceptRole),
        ("discard", translate("files", "不儲存"), Role.DestructiveRole),
        ("cancel", translate("files", "取消"), Role.RejectRole),
    ], default="save")


def ask_changed_on_disk(parent, path: Path) -> str:
    """'overwrite', 'save_as' or 'cancel'."""
    text = fill(translate("files", "「%1」在開啟後已被其他程式修改。儲存會覆蓋那些修改。"), path.name)
    return ask(parent, translate("files", "檔案已在磁碟上變更"), text, [
        ("overwrite", translate("files", "仍要覆蓋"), Role.DestructiveRole),
        ("save_as", translate("files", "另存新檔…"), Role.AcceptRole),
        ("cancel", translate("files", "取消"), Role.RejectRole),
    ], default="save_as", details=translate("files", "若不確定，請另存新檔，再比較兩個版本。"))


def warn_locked(parent, path: Path, holder) -> str:
    """The plan is open in another editor: 'open' anyway or 'cancel'."""
    from editor.ui.files.file_errors import holder_text

    who = holder_text(holder)  # the person and the machine (the program and its process id mean nothing to users)
    text = fill(translate("files", "「%1」已經由 %2 開啟。兩邊同時編輯時，後儲存的會覆蓋先儲存的。"), path.name, who)
    return ask(parent, translate("files", "計畫已在別處開啟"), text, [
        ("open", translate("files", "仍要開啟"), Role.AcceptRole),
        ("cancel", translate("files", "不開啟"), Role.RejectRole),
    ], default="cancel")


def journal_problem_text(item) -> str:
    """Why a left-over journal cannot be recovered, in the interface's language."""
    from editor.ui.files.file_errors import journal_error_text

    return journal_error_text(item.error) if item.error is not None else translate("files", "還原紀錄無法使用。")


def offer_recovery(parent, item) -> str:
    """A journal left by an editor that did not close cleanly: 'restore', 'discard' or 'later'."""
    name = item.plan_path.name if item.plan_path else (item.title or translate("files", "未命名"))
    when = roc_date_text(item.last_edit.replace(second=0, microsecond=0))
    if item.problem:  # why, in the interface's language, goes below the headline
        text = fill(translate("files", "上次編輯「%1」的紀錄無法還原。"), name)
        return ask(parent, translate("files", "無法還原"), text, [
            ("discard", translate("files", "刪除這份紀錄"), Role.DestructiveRole),
            ("later", translate("files", "保留"), Role.RejectRole),
        ], default="later", details=journal_problem_text(item))
    if item.edit_count == 1:
        text = fill(translate("files", "上次編輯「%1」時程式沒有正常結束，有 1 項編輯尚未儲存（在 %3）。要還原嗎？"), name, 1, when)
    else:
        text = fill(translate("files", "上次編輯「%1」時程式沒有正常結束，有 %2 項編輯尚未儲存（最後一次在 %3）。要還原嗎？"),
                    name, item.edit_count, when)
    return ask(parent, translate("files", "還原未儲存的編輯"), text, [
        ("restore", translate("files", "還原"), Role.AcceptRole),
        ("discard", translate("files", "捨棄這些編輯"), Role.DestructiveRole),
        ("later", translate("files", "稍後再說"), Role.RejectRole),
    ], icon=QMessageBox.Icon.Question, default="restore")


def show_open_error(parent, message: str) -> None:
    """``message``: the loader's sentence (PlanFileError), shown under the headline 「無法開啟計畫檔」."""
    show_error(parent, translate("files", "無法開啟檔案"), translate("files", "無法開啟計畫檔"), detail=message)


def show_save_error(parent, message: str) -> None:
    show_error(parent, translate("files", "無法儲存檔案"), translate("files", "無法儲存計畫檔"), detail=message)


# --- choosing files -------------------------------------------------------------------------------
def _filters() -> str:
    return translate("files", "計畫檔 (*.plan.json);;JSON 檔 (*.json);;所有檔案 (*)")


def choose_open_path(parent, directory: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, translate("files", "開啟計畫"), directory, _filters())
    return path or None


def choose_save_path(parent, suggested: str = "") -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, translate("files", "另存新檔"), suggested, _filters())
    if not path:
        return None
    if not path.endswith(".json"):
        path += PLAN_SUFFIX
    return path


# --- exports ---------------------------------------------------------------------------------------
def choose_export_path(parent, title: str, suggested: str, filters: list[str], selected: str = "") -> tuple[str, str] | None:
    """(path, chosen filter) for an export, or None when cancelled."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, ";;".join(filters), selected or filters[0])
    return (path, chosen or selected or filters[0]) if path else None


def ask_after_export(parent, title: str, path: Path) -> str:
    """The export is written: 'open' the file, show its 'folder', or 'close'."""
    text = fill(translate("files", "已匯出「%1」。"), path.name)
    return ask(parent, title, text, [
        ("open", translate("files", "開啟檔案"), Role.AcceptRole),
        ("folder", translate("files", "顯示所在資料夾"), Role.ActionRole),
        ("close", translate("files", "關閉"), Role.RejectRole),
    ], icon=QMessageBox.Icon.Information, default="open", details=str(path.parent))
