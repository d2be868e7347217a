"""The plan's two summary tables, as data: what the .docx, .csv and .xlsx writers and the window's overview print.

- The 關鍵績效指標總表 (key performance indicators, KPI): by focus area (施政重點) and strategy (推動策略),
  each indicator with its 衡量標準 (how it is measured), its unit and its target (目標值) for each year.
  A strategy without indicators keeps a line of its own saying so (:data:`NO_KPI`): a reviewer checks
  that every strategy is measured, and a gap must show.
- The 經費需求表 (budget requirements): by focus area and strategy, each year's budget in 千元
  (``schema.amounts``, the one unit), a 合計 per line, a 小計 per focus area, and the 總計 per year and
  overall. A year a strategy has no amount for stays empty (None), not 0: "not entered" is not "nothing".

The years are the plan's period, plus any year outside it that holds a figure, so that no amount is
left out of a total without being seen; a period longer than :data:`YEAR_COLUMNS` years (a mistyped
one) shows only the years that hold a figure, as the official document's KPI tables do. Sums are exact: amounts are added in thousandths of 千元
(whole NT$) as integers, never as floats.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from schema.amounts import DECIMALS, UNIT, normalise
from schema.importer_tables import YEAR_COLUMNS
from schema.model import PlanDocument, Revision
from schema.numbering import all_numbers

KPI_TITLE = "關鍵績效指標總表"
BUDGET_TITLE = "經費需求表"
NO_KPI = "（未訂指標）"
SUBTOTAL = "小計"
TOTAL = "總計"
LINE_TOTAL = "合計"
_SCALE = 10**DECIMALS  # amounts are summed as integers of this fraction of 千元 (one NT$)


@dataclass(frozen=True)
class KpiLine:
    """One line of the KPI table: one indicator of one strategy (``kpi_id`` None: the strategy has none)."""

    focus_area: str  # number and title, e.g. 「一、拚經濟」
    strategy: str  # e.g. 「（一）推動橋頭科學園區」
    strategy_id: str
    kpi_id: str | None
    name: str
    measurement: str
    unit: str
    targets: tuple[str, ...]  # one per year of the table
    objective: str = ""  # 策略績效目標 (other cities' tables)
    assessment: str = ""  # 評估體制 (other cities' tables)


@dataclass(frozen=True)
class KpiSummary:
    """The KPI table. Other cities' columns 策略績效目標 (before the indicator) and 評估體制 (after it)
    are there only when some indicator of the plan fills them, as in the official document's tables."""

    title: str  # the plan's title with the revision's label
    years: tuple[int, ...]
    lines: tuple[KpiLine, ...]
    objectives: bool = False  # the 策略績效目標 column
    assessments: bool = False  # the 評估體制 column

    @property
    def text_columns(self) -> int:
        """How many columns come before the years' targets."""
        return 5 + self.objectives + self.assessments

    def header(self) -> list[str]:
        return [*self._texts("施政重點", "推動策略", "策略績效目標", "關鍵績效指標", "評估體制", "衡量標準", "單位"),
                *(f"{y}年目標值" for y in self.years)]

    def cells(self, line: KpiLine) -> list[str]:
        return [*self._texts(line.focus_area, line.strategy, line.objective, line.name, line.assessment, line.measurement,
                             line.unit), *line.targets]

    def rows(self) -> list[list[str]]:
        return [self.cells(line) for line in self.lines]

    def _texts(self, area: str, strategy: str, objective: str, name: str, assessment: str, measurement: str, unit: str) -> list[str]:
        return [area, strategy, *([objective] if self.objectives else []), name, *([assessment] if self.assessments else []),
                measurement, unit]


BudgetKind = Literal["strategy", "subtotal", "total"]
TableKind = Literal["kpi", "budget"]  # which of the two tables


@dataclass(frozen=True)
class BudgetLine:
    """One line of the budget table: a strategy, a focus area's 小計, or the 總計 (always last)."""

    kind: BudgetKind
    focus_area: str  # the focus area of a strategy or subtotal; 「總計」 for the total
    strategy: str  # the strategy; 「小計」 for a subtotal; "" for the total
    amounts: tuple[float | None, ...]  # 千元 per year of the table; None: no amount entered
    total: float | None  # the line's 合計; None when it has no amount at all
    strategy_id: str | None = None  # a strategy's line: its id


@dataclass(frozen=True)
class BudgetSummary:
    title: str
    years: tuple[int, ...]
    lines: tuple[BudgetLine, ...]

    def header(self) -> list[str]:
        return ["施政重點", "推動策略", *(f"{y}年" for y in self.years), LINE_TOTAL]

    @property
    def total(self) -> BudgetLine:
        return self.lines[-1]


def kpi_summary(plan: PlanDocument, revision: Revision | None = None) -> KpiSummary:
    """The KPI table of ``revision`` (None: the working draft) of ``plan``."""
    revision = revision or plan.draft
    content = revision.content
    numbers = all_numbers(content, plan.numbering_style)
    strategies = [s for area in content.focus.focus_areas for s in area.strategies]
    years = _years(plan, (year for s in strategies for kpi in s.kpis for year, target in kpi.targets.items() if target.strip()))
    lines: list[KpiLine] = []
    for area in content.focus.focus_areas:
        area_label = numbers[area.id] + area.title
        for strategy in area.strategies:
            label = numbers[strategy.id] + strategy.title
            if not strategy.kpis:
                lines.append(KpiLine(area_label, label, strategy.id, None, NO_KPI, "", "", ("",) * len(years)))
            for kpi in strategy.kpis:
                targets = tuple(kpi.targets.get(year, "") for year in years)
                lines.append(KpiLine(area_label, label, strategy.id, kpi.id, kpi.name, kpi.measurement, kpi.unit, targets,
                                     kpi.objective, kpi.assessment))
    kpis = [kpi for s in strategies for kpi in s.kpis]
    return KpiSummary(plan.full_title(revision), years, tuple(lines), objectives=any(k.objective.strip() for k in kpis),
                      assessments=any(k.assessment.strip() for k in kpis))


def budget_summary(plan: PlanDocument, revision: Revision | None = None) -> BudgetSummary:
    """The budget table of ``revision`` (None: the working draft) of ``plan``, in 千元."""
    revision = revision or plan.draft
    content = revision.content
    numbers = all_numbers(content, plan.numbering_style)
    years = _years(plan, (year for area in content.focus.focus_areas for s in area.strategies for year in s.budget))
    lines: list[BudgetLine] = []
    grand: list[int | None] = [None] * len(years)
    for area in content.focus.focus_areas:
        area_label = numbers[area.id] + area.title
        subtotal: list[int | None] = [None] * len(years)
        for strategy in area.strategies:
            amounts = [_thousandths(strategy.budget[year]) if year in strategy.budget else None for year in years]
            lines.append(_budget_line("strategy", area_label, numbers[strategy.id] + strategy.title, amounts, strategy.id))
            subtotal = _add(subtotal, amounts)
        lines.append(_budget_line("subtotal", area_label, SUBTOTAL, subtotal))
        grand = _add(grand, subtotal)
    lines.append(_budget_line("total", TOTAL, "", grand))
    return BudgetSummary(plan.full_title(revision), years, tuple(lines))


def budget_unit_note() -> str:
    return f"單位：{UNIT}"


def _years(plan: PlanDocument, used: Iterable[int]) -> tuple[int, ...]:
    period = plan.period.years
    return tuple(sorted({*(period if len(period) <= YEAR_COLUMNS else ()), *used}))


def _thousandths(amount: float) -> int:
    return int(round(normalise(amount) * _SCALE))


def _amount(thousandths: int | None) -> float | None:
    return None if thousandths is None else normalise(thousandths / _SCALE)


def _add(total: list[int | None], amounts: list[int | None]) -> list[int | None]:
    return [a if b is None else b if a is None else a + b for a, b in zip(total, amounts)]


def _budget_line(kind: BudgetKind, focus_area: str, strategy: str, amounts: list[int | None],
                 strategy_id: str | None = None) -> BudgetLine:
    present = [a for a in amounts if a is not None]
    total = sum(present) if present else None
    return BudgetLine(kind, focus_area, strategy, tuple(_amount(a) for a in amounts), _amount(total), strategy_id)
