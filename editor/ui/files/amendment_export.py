"""Export of the amendment documents from the comparison view: the 修正對照表 and the Word document
with tracked changes of the two versions the view compares.

The main window connects the view's ``export_table_requested`` / ``export_tracked_requested``
signals to :func:`export_amendment_table` / :func:`export_tracked_document`. Each asks where to
save (a default name from the plan and the two labels), writes with a progress dialog that
appears only when the work lasts more than half a second, reports a failure in one sentence,
and offers to open the file in the system's word processor.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.ui.files import dialogs
from editor.ui.files.export_menu import run_export
from editor.ui.i18n import fill, translate
from schema.model import PlanDocument, Revision

if TYPE_CHECKING:
    from schema.compare import Comparison

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')  # not allowed in Windows file names
# The file names name Chinese documents (the 修正對照表 is an official form), so they are Chinese
# in either interface language, like the documents themselves.
_DRAFT, _UNNAMED = "工作草稿", "未命名版本"
TABLE_AUTHORS_KEY = "export/table_authors"  # Preferences ▸ 修正對照表的說明欄列出修改者


def table_names_authors(settings) -> bool:
    """Whether the 修正對照表 gets a 修改者 line under each 說明 (off by default: the official form has none)."""
    return str(settings.value(TABLE_AUTHORS_KEY, "false")).lower() == "true"


def _label(plan: PlanDocument, revision: Revision) -> str:
    return revision.label or (_DRAFT if revision is plan.draft else _UNNAMED)


def default_file_name(plan: PlanDocument, old_rev: Revision, new_rev: Revision, what: str) -> str:
    """The suggested file name: 'table' → <title>修正對照表（old→new）.docx, 'tracked' → <title>（new）修訂追蹤.docx."""
    old, new = _label(plan, old_rev), _label(plan, new_rev)
    if what == "table":
        name = f"{plan.title}修正對照表（{old}→{new}）"
    else:
        name = f"{plan.title}（{new}）修訂追蹤"
    return _UNSAFE.sub("_", name).strip(" .") + ".docx"


def export_amendment_table(parent: QWidget | None, plan: PlanDocument, old_rev: Revision, new_rev: Revision,
                           comparison: Comparison, *, directory: str | Path | None = None, authors: bool = False) -> Path | None:
    """Ask for a file and write the 修正對照表 there; the path written, or None (cancelled or failed).
    ``authors``: a 修改者 line under each 說明 (Preferences ▸ 修正對照表的說明欄列出修改者)."""
    from editor.export.amendments import write_amendment_table

    def writer(*args, **kwargs):
        return write_amendment_table(*args, **kwargs, authors=authors)

    return _export(parent, plan, old_rev, new_rev, comparison, "table", writer, directory)


def export_tracked_document(parent: QWidget | None, plan: PlanDocument, old_rev: Revision, new_rev: Revision,
                            comparison: Comparison, *, directory: str | Path | None = None) -> Path | None:
    """Ask for a file and write the newer version with tracked changes there; the path written, or None."""
    from editor.export.amendments import write_tracked_document

    return _export(parent, plan, old_rev, new_rev, comparison, "tracked", write_tracked_document, directory)


def _export(parent, plan, old_rev, new_rev, comparison, what: str, writer, directory) -> Path | None:
    if what == "table":
        title = translate("amendments", "匯出修正對照表")
    else:
        title = translate("amendments", "匯出修訂追蹤文件")
    folder = Path(directory) if directory else Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    suggested = folder / default_file_name(plan, old_rev, new_rev, what)
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), translate("amendments", "Word 文件 (*.docx)"))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".docx":
        path = path.with_name(path.name + ".docx")

    error = run_export(parent, title, path,
                       lambda progress: writer(comparison, plan, old_rev, plan, new_rev, path, progress=progress))
    if error is not None:
        # The headline in the interface's language; the writers' sentence (English for a PlanFileError) below it.
        dialogs.show_error(parent, title, fill(translate("amendments", "無法匯出「%1」"), path.name), detail=error,
                           name="amendmentError")
        return None
    if _ask_to_open(parent, title, path):
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path


def _ask_to_open(parent, title: str, path: Path) -> bool:
    box = QMessageBox(QMessageBox.Icon.Information, title, fill(translate("amendments", "已儲存「%1」。"), path.name),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("amendmentExported")
    open_button = box.addButton(translate("amendments", "開啟"), QMessageBox.ButtonRole.AcceptRole)
    close_button = box.addButton(translate("amendments", "關閉"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_button)
    box.setEscapeButton(close_button)
    box.exec()
    return box.clickedButton() is open_button
