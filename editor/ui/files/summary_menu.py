"""File ▸ Export's summary tables and the two options of the official document (Word and PDF).

- 績效指標總表… / 經費需求表…: one summary table (schema.summary) as a Word table, an Excel workbook or
  a CSV file, chosen by the file type in the save dialog, through the writers of
  ``plan-editor export --kpi-table / --budget-table`` (editor.export.summary_export).
- 含目錄 and 附錄績效指標與經費總表: checkable, off by default (the published plan has neither), and
  remembered between sessions (QSettings), like ``--toc`` and ``--appendix`` on the command line. They
  are the user's choice of what to send, not a property of the plan: the same plan is sent with a
  table of contents to one reader and without to another, and the file does not change for it.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from editor.ui.files import dialogs
from editor.ui.files.export_menu import ExportMenu, path_in_format, run_export, safe_file_name
from editor.ui.i18n import translate

if TYPE_CHECKING:
    from schema.summary import TableKind  # the tables' module loads on first use

TOC_KEY = "export/toc"
APPENDIX_KEY = "export/appendix"
SUMMARY_FORMAT_KEY = "export/summary_format"
SUMMARY_FORMATS = ("docx", "xlsx", "csv")


def summary_filters() -> list[str]:
    return [translate("export", "Word 文件 (*.docx)"), translate("export", "Excel 活頁簿 (*.xlsx)"),
            translate("export", "CSV 逗號分隔檔 (*.csv)")]


def summary_path(path: str, chosen_filter: str) -> Path:
    """The table file to write: .docx, .xlsx or .csv."""
    return path_in_format(path, chosen_filter, SUMMARY_FORMATS)


class SummaryExports:
    """The summary tables' export actions and the Word document's options, added to ``export_menu``'s
    menu after its chart (before the version submenu); its Word export then asks :meth:`options`."""

    def __init__(self, export_menu: ExportMenu):
        self.export_menu = export_menu
        menu = export_menu.menu
        before = export_menu.chart_action
        following = menu.actions()[menu.actions().index(before) + 1]  # the separator above the version submenu

        def add(text: str, tip: str):
            action = menu.addAction(text)
            menu.insertAction(following, action)
            action.setStatusTip(tip)
            return action

        self.kpi_action = add(translate("export", "績效指標總表(&K)…"), translate("export", "匯出關鍵績效指標總表（Word、Excel 或 CSV）"))
        self.kpi_action.triggered.connect(lambda: self.export_table("kpi"))
        self.budget_action = add(translate("export", "經費需求表(&M)…"), translate("export", "匯出經費需求表（Word、Excel 或 CSV）"))
        self.budget_action.triggered.connect(lambda: self.export_table("budget"))
        menu.insertSeparator(following)
        self.toc_action = add(translate("export", "Word 與 PDF 文件含目錄(&T)"), translate("export", "在 Word 與 PDF 文件的標題之後加上目錄"))
        self.appendix_action = add(translate("export", "Word 與 PDF 文件附錄績效指標與經費總表(&A)"),
                                   translate("export", "在 Word 與 PDF 文件最後附上關鍵績效指標總表與經費需求表"))
        settings = export_menu.window.settings
        for action, key in ((self.toc_action, TOC_KEY), (self.appendix_action, APPENDIX_KEY)):
            action.setCheckable(True)
            action.setChecked(settings.value(key, False, type=bool))
            action.toggled.connect(lambda checked, key=key: export_menu.window.settings.setValue(key, checked))
        export_menu.official_options = self.options

    def options(self):
        """The official document's options as the two checkable items say (an OfficialOptions)."""
        from editor.export.official_docx import OfficialOptions  # the writers load on first use

        return OfficialOptions(toc=self.toc_action.isChecked(), summary_tables=self.appendix_action.isChecked())

    def export_table(self, kind: TableKind) -> Path | None:
        """Ask for a file and write the KPI ("kpi") or budget ("budget") table there; the path, or None."""
        from schema.summary import BUDGET_TITLE, KPI_TITLE  # the tables' module loads on first use

        export_menu = self.export_menu
        window = export_menu.window
        plan, revision = export_menu.plan, export_menu.revision()
        # The file is named by the table's official name, as the plan's title names the Word document.
        if kind == "kpi":
            title, name = translate("export", "匯出績效指標總表"), KPI_TITLE
        else:
            title, name = translate("export", "匯出經費需求表"), BUDGET_TITLE
        filters = summary_filters()
        fmt = str(window.settings.value(SUMMARY_FORMAT_KEY, "docx"))
        fmt = fmt if fmt in SUMMARY_FORMATS else "docx"
        suggested = export_menu._folder() / f"{safe_file_name(plan.full_title(revision) + name)}.{fmt}"
        chosen = dialogs.choose_export_path(window, title, str(suggested), filters, filters[SUMMARY_FORMATS.index(fmt)])
        if chosen is None:
            return None
        path = summary_path(*chosen)

        def work(progress) -> None:
            from editor.export.summary_export import write_summary_table

            progress(0, 1)
            write_summary_table(kind, plan, revision, path)
            progress(1, 1)

        written = export_menu._finish(title, path, run_export(window, title, path, work))
        if written is not None:
            window.settings.setValue(SUMMARY_FORMAT_KEY, written.suffix.lower().lstrip("."))
        return written
