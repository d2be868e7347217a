"""File ▸ Export (匯出): the official Word document, its PDF and the framework chart (架構圖) of the plan.

Each export asks where to save (a default name from the plan's title and version, in the folder
of the last export or else beside the plan), writes through the same writers as
``plan-editor export`` (``editor.export``), shows a progress dialog only when the work lasts more
than half a second, reports a failure in one sentence, and then offers to open the file or show
its folder. The writers are imported on first use: python-docx is not needed to start the editor.

Which version is exported is chosen in the Export menu (the working draft by default, or any
past revision).

The PDF item stays enabled when LibreOffice (which makes the PDF) is missing and says so in one
sentence when chosen, before any save dialog: a disabled item cannot tell a keyboard user why
(menus show no tooltips), and LibreOffice installed while the editor runs is found at once.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication, QMenu

from editor.ui.files import dialogs
from editor.ui.files.document_errors import export_error_text
from editor.ui.files.file_errors import write_error_text
from editor.ui.i18n import draft_name, fill, translate
from schema.fileio import PlanFileError
from schema.model import PlanDocument, Revision

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

PROGRESS_DELAY_MS = 500  # a quicker export shows no progress dialog at all
CHART_FORMATS = ("svg", "png", "pdf")
FOLDER_KEY = "export/folder"
CHART_FORMAT_KEY = "export/chart_format"
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')  # not allowed in Windows file names

Progress = Callable[[int, int], None]


def safe_file_name(name: str) -> str:
    """``name`` usable as a file name on Windows too (reserved characters become _)."""
    return _UNSAFE.sub("_", name).strip(" .") or "plan"


def export_folder(window: MainWindow) -> Path:
    """Where an export's save dialog opens: the last export's folder, else the plan's, else the user's
    documents (every export of the window shares it: this menu, the summary tables, the amendment documents)."""
    last = window.settings.value(FOLDER_KEY)
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    shown = window.current_session().path
    if shown is not None:
        return shown.parent
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def chart_filters() -> list[str]:
    return [translate("export", "SVG 向量圖 (*.svg)"), translate("export", "PNG 圖片 (*.png)"),
            translate("export", "PDF 文件 (*.pdf)")]


def path_in_format(path: str, chosen_filter: str, formats: tuple[str, ...]) -> Path:
    """The file to write: a typed suffix among ``formats`` is kept, otherwise the chosen filter's
    (or the first format's) is added."""
    target = Path(path)
    if target.suffix.lower().lstrip(".") in formats:
        return target
    fmt = next((f for f in formats if f"*.{f}" in chosen_filter), formats[0])
    return target.with_name(f"{target.name}.{fmt}")


def chart_path(path: str, chosen_filter: str) -> Path:
    """The chart file to write: .svg, .png or .pdf."""
    return path_in_format(path, chosen_filter, CHART_FORMATS)


def run_export(parent, title: str, path: Path, work: Callable[[Progress], object]) -> str | None:
    """Run ``work(progress)`` with a progress dialog that appears after half a second; the error sentence or None.

    The one runner of every export in the window: File ▸ Export and the comparison's 修正對照表 and
    tracked-changes documents."""
    from PySide6.QtWidgets import QProgressDialog  # like the dialogs' classes, loaded when first shown

    from editor.export.chart_paint import UnsupportedChartFormatError  # the writers are not needed at start
    from editor.export.fonts import NoChineseFontError

    dialog = QProgressDialog(fill(translate("export", "正在匯出「%1」…"), path.name), "", 0, 100, parent)
    dialog.setObjectName("exportProgress")
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)  # the writers save atomically at the end: nothing to stop halfway
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)  # starts the half-second clock

    def report(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(max(1, min(done, total)))  # 0 would restart the clock

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        work(report)
    except (PlanFileError, NoChineseFontError, UnsupportedChartFormatError) as exc:  # one sentence each, in the interface's language
        return export_error_text(exc, path)
    except OSError as exc:
        return write_error_text(path, exc)
    finally:
        QApplication.restoreOverrideCursor()
        dialog.close()
        dialog.deleteLater()
    return None


def reveal(path: Path, how: str) -> None:
    """Open the exported file ('open') or its folder ('folder') with the system's programs."""
    from PySide6.QtCore import QProcess, QUrl
    from PySide6.QtGui import QDesktopServices

    if how == "open":
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    elif how == "folder":
        if QApplication.platformName() == "windows" and QProcess.startDetached("explorer", ["/select," + str(path).replace("/", "\\")])[0]:
            return  # Explorer opens the folder with the file selected
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class ExportMenu:
    """The File ▸ Export submenu of ``window`` (a MainWindow) and its two exports."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.menu = QMenu(translate("export", "匯出(&E)"), window)
        self.menu.setObjectName("exportMenu")
        window.menus["export"] = self.menu
        window.menu("file").insertMenu(window.window_actions.export_anchor, self.menu)
        self.word_action = self.menu.addAction(translate("export", "Word 文件(&W)…"), self.export_word)
        self.word_action.setStatusTip(translate("export", "匯出正式格式的 Word 文件（.docx）"))
        self.pdf_action = self.menu.addAction(translate("export", "PDF 文件(&P)…"), self.export_pdf)
        self.pdf_action.setStatusTip(translate("export", "以 LibreOffice 將正式格式的 Word 文件轉成 PDF（.pdf）"))
        self.chart_action = self.menu.addAction(translate("export", "架構圖(&C)…"), self.export_chart)
        self.chart_action.setStatusTip(translate("export", "匯出架構圖（SVG、PNG 或 PDF）"))
        self.menu.addSeparator()
        self.version_menu = self.menu.addMenu(translate("export", "匯出的版本(&V)"))
        self.version_menu.aboutToShow.connect(self._fill_versions)
        self.revision_id: str | None = None  # None: the working draft
        self.official_options: Callable[[], object] | None = None  # 含目錄, 附錄 (files.summary_menu sets it)

    # --- which version ------------------------------------------------------------------------
    @property
    def plan(self) -> PlanDocument:
        return self.window.current_session().plan

    def revision(self) -> Revision:
        """The version the exports write: the chosen past revision, else the working draft."""
        plan = self.plan
        return next((r for r in plan.revisions if r.id == self.revision_id), plan.draft)

    def set_revision(self, revision_id: str | None) -> None:
        self.revision_id = revision_id

    def reset(self) -> None:
        """Another plan is shown: export its working draft."""
        self.revision_id = None

    def _fill_versions(self) -> None:
        menu = self.version_menu
        menu.clear()
        group = QActionGroup(menu)
        current = self.revision()
        draft = self.plan.draft
        choices = [(draft, draft_name(draft.label))]
        choices += [(r, r.label) for r in reversed(self.plan.revisions)]
        for revision, text in choices:
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(revision is current)
            group.addAction(action)
            rid = None if revision is draft else revision.id
            action.triggered.connect(lambda _checked=False, r=rid: self.set_revision(r))

    # --- the exports ----------------------------------------------------------------------------
    def _ask_path(self, title: str, suffix: str, file_type: str) -> Path | None:
        """The file chosen for an export of the official document (``.suffix`` added when typed without
        it), suggested in the last export folder under the plan's title; None when cancelled."""
        suggested = self._folder() / f"{safe_file_name(self.plan.full_title(self.revision()))}.{suffix}"
        chosen = dialogs.choose_export_path(self.window, title, str(suggested), [file_type])
        return None if chosen is None else path_in_format(chosen[0], "", (suffix,))

    def export_word(self) -> Path | None:
        """Ask for a file and write the official Word document there; the path written, or None."""
        plan, revision = self.plan, self.revision()
        title = translate("export", "匯出 Word 文件")
        path = self._ask_path(title, "docx", translate("export", "Word 文件 (*.docx)"))
        if path is None:
            return None

        def work(progress: Progress) -> None:
            from editor.export import official_docx

            official_docx.write_official_docx(plan, revision, path, progress=progress, options=self._official_options())

        return self._finish(title, path, run_export(self.window, title, path, work))

    def export_pdf(self) -> Path | None:
        """Ask for a file and write the official document there as PDF (through LibreOffice); the path, or None."""
        from editor.export.pdf_export import NoLibreOfficeError, find_soffice

        plan, revision = self.plan, self.revision()
        title = translate("export", "匯出 PDF 文件")
        try:
            soffice = find_soffice()
        except NoLibreOfficeError:
            dialogs.show_error(self.window, title, translate(
                "export", "找不到 LibreOffice，而 PDF 文件要由它轉成；請先安裝 LibreOffice，或改匯出 Word 文件。"))
            return None
        path = self._ask_path(title, "pdf", translate("export", "PDF 文件 (*.pdf)"))
        if path is None:
            return None

        def work(progress: Progress) -> None:
            from editor.export import pdf_export

            pdf_export.write_official_pdf(plan, revision, path, options=self._official_options(), soffice=soffice, progress=progress)

        return self._finish(title, path, run_export(self.window, title, path, work))

    def export_chart(self) -> Path | None:
        """Ask for a file and write the framework chart there (SVG, PNG or PDF); the path written, or None."""
        from editor.export.chart_layout import chart_title

        plan, revision = self.plan, self.revision()
        title = translate("export", "匯出架構圖")
        filters = chart_filters()
        fmt = str(self.window.settings.value(CHART_FORMAT_KEY, "svg"))
        fmt = fmt if fmt in CHART_FORMATS else "svg"
        suggested = self._folder() / f"{safe_file_name(chart_title(plan, revision))}.{fmt}"
        chosen = dialogs.choose_export_path(self.window, title, str(suggested), filters, filters[CHART_FORMATS.index(fmt)])
        if chosen is None:
            return None
        path = chart_path(*chosen)

        def work(progress: Progress) -> None:
            # write_chart's three steps, with progress between them (a big PNG takes a while to encode)
            from editor.export import chart_layout, chart_paint, output

            fmt = chart_paint.chart_format(path)
            layout = chart_layout.layout_chart(plan, revision)
            progress(1, 3)
            payload = chart_paint.chart_bytes(layout, fmt)
            progress(2, 3)
            output.save_bytes(path, payload)
            progress(3, 3)

        written = self._finish(title, path, run_export(self.window, title, path, work))
        if written is not None:
            self.window.settings.setValue(CHART_FORMAT_KEY, written.suffix.lower().lstrip("."))
        return written

    def _finish(self, title: str, path: Path, error: str | None) -> Path | None:
        if error is not None:  # a headline in the interface's language, the writer's sentence below it
            dialogs.show_error(self.window, title, fill(translate("export", "無法匯出「%1」"), path.name), detail=error)
            return None
        self.window.settings.setValue(FOLDER_KEY, str(path.parent))
        self.window.show_status(fill(translate("export", "已匯出 %1"), path))
        reveal(path, dialogs.ask_after_export(self.window, title, path))
        return path

    def _official_options(self):
        """The official document's options (含目錄, 附錄: set by files.summary_menu), else the writer's defaults."""
        from editor.export.official_docx import OfficialOptions

        return self.official_options() if self.official_options else OfficialOptions()

    def _folder(self) -> Path:
        return export_folder(self.window)
