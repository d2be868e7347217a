"""Tables of a strategy: key performance indicators (關鍵績效指標) and the yearly budget (千元).

Both show one column per year of the plan's period. They hold the values as JSON (what
``SetField`` carries) and emit the whole new value after each cell edit; the detail pane turns
that into one undo step. Values for years outside the period are kept untouched.
"""
from __future__ import annotations

import copy

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from editor.ui.i18n import fill, translate
from editor.ui.text import removed_note, strip_controls
from schema.amounts import DECIMALS, AmountError, format_amount, parse_amount
from schema.model import new_id

_FIXED = ("name", "measurement", "unit")
OPTIONAL_COLUMNS = ("objective", "assessment")  # other cities' 策略績效目標 and 評估體制: shown when the plan uses them


def kpi_columns_used(content) -> tuple[str, ...]:
    """Which of OPTIONAL_COLUMNS a KPI anywhere in the plan's ``content`` fills."""
    return _filled([strategy for area in content.focus.focus_areas for strategy in area.strategies])


def kpi_columns_with(columns: tuple[str, ...], node) -> tuple[str, ...]:
    """``columns`` and those the KPIs under ``node`` (just inserted) fill: no plan-wide scan for an insert."""
    strategies = node.strategies if node.kind == "focus_area" else [node] if node.kind == "strategy" else []
    added = _filled(strategies)
    return tuple(column for column in OPTIONAL_COLUMNS if column in columns or column in added)


def _filled(strategies) -> tuple[str, ...]:
    used = {column for strategy in strategies for kpi in strategy.kpis for column in OPTIONAL_COLUMNS if getattr(kpi, column)}
    return tuple(column for column in OPTIONAL_COLUMNS if column in used)


def _columns(optional: tuple[str, ...]) -> tuple[str, ...]:
    """The text columns in the order of the tables they come from: 策略績效目標｜指標名稱｜評估體制｜衡量標準｜單位."""
    return (("objective",) if "objective" in optional else ()) + ("name",) \
        + (("assessment",) if "assessment" in optional else ()) + ("measurement", "unit")


class CellTable(QTableWidget):
    """A table that Tab walks cell by cell and leaves after the last cell (Shift+Tab: before the first).

    Qt's tables wrap Tab around to the first cell, so the keyboard could never get past them.
    """

    def _at_end(self, forward: bool) -> bool:
        current = self.currentIndex()
        if self.rowCount() == 0 or self.columnCount() == 0:
            return True
        if not current.isValid():
            return False
        if forward:
            return current.row() == self.rowCount() - 1 and current.column() == self.columnCount() - 1
        return current.row() == 0 and current.column() == 0

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt name
        if action in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious):
            if self._at_end(action == QAbstractItemView.CursorAction.MoveNext):
                return self.currentIndex()  # unchanged: Qt then passes the Tab on to the next widget
        return super().moveCursor(action, modifiers)

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 - Qt name
        forward = hint == QAbstractItemDelegate.EndEditHint.EditNextItem
        if hint in (QAbstractItemDelegate.EndEditHint.EditNextItem, QAbstractItemDelegate.EndEditHint.EditPreviousItem) \
                and self._at_end(forward):
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.focusNextPrevChild(forward)  # Tab in the last cell's editor leaves the table too
            return
        super().closeEditor(editor, hint)

    def keep_current(self, fill_cells) -> None:
        """Refill the table with ``fill_cells()`` keeping the current cell (an undo must not lose the place)."""
        row, column = self.currentRow(), self.currentColumn()
        fill_cells()
        if 0 <= row < self.rowCount() and 0 <= column < self.columnCount():
            self.setCurrentCell(row, column)


class KpiTable(QWidget):
    edited = Signal(list)  # the new list of KPIs (JSON)
    status_message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._kpis: list[dict] = []
        self._years: list[int] = []
        self._fixed: tuple[str, ...] = _FIXED
        self._loading = False
        self.table = CellTable(self)
        self.table.setObjectName("kpiTable")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.add_button = QPushButton(self.tr("新增指標"), self)
        self.remove_button = QPushButton(self.tr("刪除指標"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.itemChanged.connect(self._cell_changed)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current_row)

    def headers(self) -> list[str]:
        names = {"objective": self.tr("策略績效目標"), "name": self.tr("指標名稱"), "assessment": self.tr("評估體制"),
                 "measurement": self.tr("衡量標準"), "unit": self.tr("單位")}
        return [names[f] for f in self._fixed] + [fill(self.tr("%1年目標值"), y) for y in self._years]

    def shows_columns(self, optional: tuple[str, ...]) -> bool:
        """Whether the table has the columns of ``optional`` (which of OPTIONAL_COLUMNS the plan uses)."""
        return _columns(optional) == self._fixed

    def set_data(self, kpis: list[dict], years: list[int], optional: tuple[str, ...] = ()) -> None:
        """Show ``kpis`` with a target column per year; ``optional``: which of OPTIONAL_COLUMNS the plan uses."""
        fixed = _columns(optional)
        if kpis == self._kpis and list(years) == self._years and fixed == self._fixed and self.table.columnCount():
            return  # the table already shows it (its own edit coming back): keep the cell and the editor
        self._kpis = copy.deepcopy(kpis)
        self._years = list(years)
        self._fixed = fixed
        self._loading = True
        try:
            self.table.keep_current(self._fill)
        finally:
            self._loading = False
        rows = max(2, len(self._kpis))
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height() + rows * self.table.verticalHeader().defaultSectionSize()
            + self.table.horizontalScrollBar().sizeHint().height() + 2 * self.table.frameWidth()
        )

    def _fill(self) -> None:
        self.table.clear()
        self.table.setColumnCount(len(self._fixed) + len(self._years))
        self.table.setHorizontalHeaderLabels(self.headers())
        self.table.setRowCount(len(self._kpis))
        for row, kpi in enumerate(self._kpis):
            for col, text in enumerate(self._row_texts(kpi)):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def _row_texts(self, kpi: dict) -> list[str]:
        targets = kpi.get("targets", {})
        return [kpi.get(f, "") for f in self._fixed] + [targets.get(str(y), "") for y in self._years]

    def value(self) -> list[dict]:
        return copy.deepcopy(self._kpis)

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        row, col = item.row(), item.column()
        text, removed = strip_controls(item.text())
        if removed:
            self.status_message.emit(removed_note(removed))
        kpis = self.value()
        kpi = kpis[row]
        if col < len(self._fixed):
            if text or self._fixed[col] not in OPTIONAL_COLUMNS:
                kpi[self._fixed[col]] = text
            else:
                kpi.pop(self._fixed[col], None)  # as the file has it: an empty optional column is left out
        else:
            year = str(self._years[col - len(self._fixed)])
            targets = dict(kpi.get("targets", {}))
            if text.strip():
                targets[year] = text.strip()
            else:
                targets.pop(year, None)
            kpi["targets"] = targets
        if kpis != self._kpis:
            self._kpis = kpis
            self.edited.emit(self.value())

    def add_row(self) -> None:
        """新增指標: a new last row, its name cell open for typing."""
        self.edited.emit(self.value() + [{"id": new_id(), "name": "", "measurement": "", "unit": "", "targets": {}}])
        row = self.table.rowCount() - 1
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None:
            self.table.setFocus()
            self.table.setCurrentCell(row, 0)
            self.table.editItem(item)

    def remove_current_row(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._kpis):
            kpis = self.value()
            del kpis[row]
            self.edited.emit(kpis)


class BudgetTable(CellTable):
    """One row: the budget of each year of the period, in thousands of NT$ (千元)."""

    edited = Signal(dict)  # {"108": 1200.0, …}
    status_message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(1, 0, parent)
        self.setObjectName("budgetTable")
        self._budget: dict[str, float] = {}
        self._years: list[int] = []
        self._loading = False
        self.refusal = ""  # the last refused amount's message (also in the status bar and a tooltip)
        self.verticalHeader().setVisible(False)  # the form's label says what the row is
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.itemChanged.connect(self._cell_changed)

    def set_data(self, budget: dict, years: list[int]) -> None:
        budget = {str(k): v for k, v in budget.items()}
        if budget == self._budget and list(years) == self._years and self.columnCount():
            return  # its own edit coming back: keep the current cell
        self._budget = budget
        self._years = list(years)
        self._loading = True
        try:
            self.keep_current(self._fill)
        finally:
            self._loading = False
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + self.rowHeight(0) + 2 * self.frameWidth())

    def _fill(self) -> None:
        self.setColumnCount(len(self._years))
        self.setHorizontalHeaderLabels([fill(self.tr("%1年"), y) for y in self._years])
        for col, year in enumerate(self._years):
            amount = self._budget.get(str(year))
            self.setItem(0, col, QTableWidgetItem("" if amount is None else format_amount(amount)))

    def value(self) -> dict:
        return dict(self._budget)

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        year = str(self._years[item.column()])
        budget = self.value()
        if not item.text().strip():
            budget.pop(year, None)
        else:
            try:
                budget[year] = parse_amount(item.text())
            except AmountError as error:
                self._refused(item, error)
            self._show(item, budget.get(year))  # as every amount is written: 「12,500」
        if budget != self._budget:
            self._budget = budget
            self.edited.emit(self.value())

    def _show(self, item: QTableWidgetItem, amount: float | None) -> None:
        self._loading = True
        try:
            item.setText("" if amount is None else format_amount(amount))
        finally:
            self._loading = False

    def _refused(self, item: QTableWidgetItem, error: AmountError) -> None:
        """Say why, in the status bar and next to the cell; the cell keeps the amount it had."""
        message = amount_message(error)
        self.status_message.emit(message)
        self.refusal = message
        where = self.viewport().mapToGlobal(self.visualItemRect(item).bottomLeft())
        # after the cell's editor has closed (closing it would hide a tooltip shown now)
        QTimer.singleShot(0, lambda: QToolTip.showText(where, message, self))


def amount_message(error: AmountError) -> str:
    """The interface's sentence for a refused amount (schema.amounts gives the code and the text)."""
    if error.code == "negative":
        return fill(translate("amounts", "預算不能是負數：「%1」"), error.text)
    if error.code == "too_precise":
        return fill(translate("amounts", "預算最多到小數點後 %1 位（千元的 0.001 是 1 元）：「%2」"), DECIMALS, error.text)
    return fill(translate("amounts", "預算必須是數字（千元），「%1」不是數字"), error.text)
