"""The read-only overview of the plan's summary tables (檢視 ▸ 績效指標總表 / 經費需求表), in a dock.

Two tabs show the working draft's 關鍵績效指標總表 and 經費需求表 exactly as the exports compute them
(``schema.summary``): the same lines, the same totals, amounts in 千元 as ``schema.amounts`` writes
them. Like the chart preview, the tables are computed again only while the dock is visible and
:data:`DELAY_MS` after the last edit (``schema.document_listeners.OnChange``); a hidden overview remembers it is
out of date. Double-clicking a line (or Enter on it) selects its strategy in the tree.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QTabWidget, QWidget

from editor.ui.i18n import QT_TRANSLATE_NOOP, fill, translate
from editor.ui.lazy_refresh import LazyRefresh
from schema.amounts import format_amount
from schema.document import Document
from schema.document_listeners import OnChange
from schema.model import PlanDocument
from schema.summary import BudgetSummary, KpiSummary, budget_summary, kpi_summary

DELAY_MS = 300  # after the last edit, as the chart preview
STRATEGY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TABS = ("kpi", "budget")
# The columns' names in the interface's language (schema.summary names them in Chinese, as printed).
_COLUMNS = {
    "施政重點": QT_TRANSLATE_NOOP("summary", "施政重點"),
    "推動策略": QT_TRANSLATE_NOOP("summary", "推動策略"),
    "關鍵績效指標": QT_TRANSLATE_NOOP("summary", "關鍵績效指標"),
    "策略績效目標": QT_TRANSLATE_NOOP("summary", "策略績效目標"),
    "評估體制": QT_TRANSLATE_NOOP("summary", "評估體制"),
    "衡量標準": QT_TRANSLATE_NOOP("summary", "衡量標準"),
    "單位": QT_TRANSLATE_NOOP("summary", "單位"),
}


class SummaryTables(QTabWidget):
    """The two summary tables of a plan's working draft, read-only, each in a tab."""

    strategy_activated = Signal(str)  # a line was double-clicked or Enter was pressed on it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("summaryTables")
        self.kpi_table = _table("kpiSummaryTable")
        self.budget_table = _table("budgetSummaryTable")
        self.addTab(self.kpi_table, translate("summary", "績效指標總表"))
        self.addTab(self.budget_table, translate("summary", "經費需求表"))
        for table in (self.kpi_table, self.budget_table):
            table.itemActivated.connect(self._activated)
        self.plan: PlanDocument | None = None
        self.updates = 0  # how many times the tables were computed (the tests check the laziness)
        self._watcher = OnChange(self.refresh)
        self._refresh = LazyRefresh(self, self.update_now, DELAY_MS)

    def set_plan(self, plan: PlanDocument, document: Document | None = None) -> None:
        """Show ``plan``'s working draft; with ``document``, every edit of it refreshes the tables."""
        self._watcher.watch(document)
        self.plan = plan
        self.refresh()

    def refresh(self) -> None:
        self._refresh.request()

    def is_stale(self) -> bool:
        return self._refresh.stale

    def show_table(self, which: str) -> QTableWidget:
        """Bring the tab of ``which`` ("kpi" or "budget") to the front, up to date; its table."""
        self.setCurrentIndex(TABS.index(which))
        if self._refresh.stale:
            self.update_now()
        return self.kpi_table if which == "kpi" else self.budget_table

    def update_now(self) -> None:
        self._refresh.done()
        if self.plan is None:
            return
        self._refresh.stale = False
        self.updates += 1
        _fill_kpis(self.kpi_table, kpi_summary(self.plan))
        _fill_budget(self.budget_table, budget_summary(self.plan))

    def _activated(self, item: QTableWidgetItem) -> None:
        strategy_id = item.data(STRATEGY_ID_ROLE)
        if strategy_id:
            self.strategy_activated.emit(strategy_id)


def _table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # read-only: edits go through the tree
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)  # Tab leaves the table, as in the other panes
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _fill(table: QTableWidget, header: list[str], rows: Sequence[tuple[list[str], str | None, bool]], numeric_from: int) -> None:
    """Fill ``table``: ``rows`` of (cell texts, strategy id, emphasised); columns from ``numeric_from`` right-aligned."""
    table.clearSpans()
    table.setColumnCount(len(header))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(header)
    bold = QFont(table.font())
    bold.setBold(True)
    for r, (cells, strategy_id, emphasised) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(STRATEGY_ID_ROLE, strategy_id)
            if c >= numeric_from:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if emphasised:
                item.setFont(bold)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for c in range(min(2, len(header))):  # long strategy names wrap rather than widen the table
        table.setColumnWidth(c, min(table.columnWidth(c), 260))
    table.resizeRowsToContents()


def _merge_down(table: QTableWidget, column: int, keys: list[str]) -> None:
    """Span the cells of ``column`` over each run of lines with the same key (as the Word tables merge them)."""
    start = 0
    for r in range(1, len(keys) + 1):
        if r == len(keys) or keys[r] != keys[start]:
            if r - start > 1:
                table.setSpan(start, column, r - start, 1)
            start = r


def _fill_kpis(table: QTableWidget, summary: KpiSummary) -> None:
    rows = [(summary.cells(line), line.strategy_id, False) for line in summary.lines]
    header = [translate("summary", _COLUMNS[text]) for text in summary.header()[:summary.text_columns]]
    header += [fill(translate("summary", "%1年目標值"), year) for year in summary.years]
    _fill(table, header, rows, numeric_from=summary.text_columns)
    _merge_down(table, 0, [line.focus_area for line in summary.lines])
    _merge_down(table, 1, [line.strategy_id for line in summary.lines])


def _fill_budget(table: QTableWidget, summary: BudgetSummary) -> None:
    header = [translate("summary", _COLUMNS[text]) for text in summary.header()[:2]]
    header += [fill(translate("summary", "%1年（千元）"), year) for year in summary.years]
    header.append(translate("summary", "合計（千元）"))
    rows = []
    for line in summary.lines:
        amounts = ["" if a is None else format_amount(a) for a in (*line.amounts, line.total)]
        rows.append(([line.focus_area, line.strategy, *amounts], line.strategy_id, line.kind != "strategy"))
    _fill(table, header, rows, numeric_from=2)
    _merge_down(table, 0, [line.focus_area for line in summary.lines])

