"""File ▸ Import… (匯入): a plan from its text, Word document (.docx) or PDF, opened as a new unsaved plan.

Reads through the same importer as ``plan-editor import`` (``editor.importing``), with a progress
dialog while it works; a file that cannot be imported leaves the current plan open and says why
in one sentence, in the interface's language (``document_errors``). What could not be placed is listed in a message after the plan opens, so the
user can check it against the source. The importer is imported on first use.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog

from editor.ui.files import dialogs
from editor.ui.files.document_errors import document_error_text
from editor.ui.i18n import fill, translate

FOLDER_KEY = "import/folder"


def choose_source(parent, directory: str) -> str | None:
    filters = ";;".join([translate("import", "計畫文件 (*.docx *.pdf *.txt)"), translate("import", "所有檔案 (*)")])
    path, _ = QFileDialog.getOpenFileName(parent, translate("import", "匯入計畫"), directory, filters)
    return path or None


def import_into_window(window) -> bool:
    """Ask for a source, import it and show it as a new, never-saved plan; False when nothing changed."""
    from editor.importing.sources import ImportSourceError, import_file
    from editor.ui.session.session import EditSession

    start = str(window.settings.value(FOLDER_KEY, "") or "")
    path = choose_source(window, start)
    if path is None:
        return False
    source = Path(path)
    window.settings.setValue(FOLDER_KEY, str(source.parent))
    progress = QProgressDialog(fill(translate("import", "正在匯入「%1」…"), source.name), "", 0, 3, window)
    progress.setObjectName("importProgress")
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setValue(0)
    QApplication.processEvents()

    def advance(done: int, total: int) -> None:
        progress.setMaximum(total)
        progress.setValue(done)
        QApplication.processEvents()

    try:
        result = import_file(source, progress=advance)
    except ImportSourceError as exc:
        progress.close()
        dialogs.show_error(window, translate("import", "無法匯入"), fill(translate("import", "無法匯入「%1」。"), source.name),
                           detail=document_error_text(exc), name="importError")
        return False
    finally:
        progress.close()
    if not window.maybe_save():
        return False
    window.set_session(EditSession(result.plan, None, journal_dir=window.journal_dir, unsaved=True))
    content = result.plan.draft.content
    strategies = sum(len(a.strategies) for a in content.focus.focus_areas)
    window.show_status(fill(translate("import", "已匯入「%1」：%2 項施政重點、%3 項推動策略"), source.name,
                            len(content.focus.focus_areas), strategies))
    if result.unplaced:
        dialogs.show_error(window, translate("import", "匯入"), fill(translate("import", "有 %1 段文字無法放入計畫，請對照原文檢查。"),
                           len(result.unplaced)), detail="\n".join(result.unplaced[:20]), name="importUnplaced")
    return True
