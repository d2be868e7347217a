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

The tables are made from plain data (:class:`TableSource`: the shape ``schema.plain_read`` validates a
file into, which is also what the models dump): the command line reads a file that way, without
building the models; the window and the official document hand over their models through
:func:`plan_source`. Either way the same functions make the lines. Pure Python: no pydantic here.
"""
from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from schema.amounts import DECIMALS, UNIT, normalise
from schema.numerals import format_number
from schema.roc_dates import export_time
from schema.rules import draft_label, full_title

if TYPE_CHECKING:
    from schema.model import PlanDocument, Revision

KPI_TITLE = "關鍵績效指標總表"
BUDGET_TITLE = "經費需求表"
NO_KPI = "（未訂指標）"
SUBTOTAL = "小計"
TOTAL = "總計"
LINE_TOTAL = "合計"
# The most year columns a table has (the official document's KPI tables, the summary tables): a longer
# period shows only its years that hold a figure (more would not fit a page; Word allows 63 columns).
YEAR_COLUMNS = 12
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


@dataclass(frozen=True)
class TableSource:
    """What a summary table is made of, as plain data: one revision of a plan, and what its files say of it."""

    title: str  # the cover title with the revision's label (rules.full_title)
    period: tuple[int, int]  # first and last ROC year
    focus_area_template: str  # the plan's numbering style (編號格式) of focus areas, e.g. 「{一}、」
    strategy_template: str  # … and of strategies, e.g. 「（{一}）」
    focus_areas: Sequence[Mapping[str, Any]]  # plain focus areas: id, title, strategies (id, title, kpis, budget)
    organisation: str = ""
    label: str = ""  # the revision's label (a draft without one: the latest revision's)
    author: str = ""  # the revision's author
    note: str = ""  # the revision's note
    revision_count: int = 0  # how many revisions the plan keeps
    when: datetime.datetime = datetime.datetime(1912, 1, 1, tzinfo=datetime.UTC)  # the date files carry (export_time)

    @property
    def years(self) -> list[int]:
        return list(range(self.period[0], self.period[1] + 1))


def data_source(plan: Mapping[str, Any], revision: Mapping[str, Any] | None = None, *,
                draft_changed: bool | None = None) -> TableSource:
    """The source of ``revision`` (None: the working draft) of a plan read as plain data (schema.plain_read).

    ``draft_changed`` says whether the draft differs from the latest revision (rules.full_title); None:
    compare their contents here."""
    draft = plan["draft"]
    revision = draft if revision is None else revision
    revisions = plan["revisions"]
    latest = revisions[-1]["label"] if revision is draft and revisions else ""
    label = revision["label"]
    if not label and latest:
        if draft_changed is None:
            draft_changed = revision["content"] != revisions[-1]["content"]
        label = draft_label(latest, draft_changed)
    style = plan["numbering_style"]
    period = plan["period"]
    return TableSource(
        title=full_title(plan["title"], label),
        period=(period["start"], period["end"]),
        focus_area_template=style["focus_area"],
        strategy_template=style["strategy"],
        focus_areas=revision["content"]["focus"]["focus_areas"],
        organisation=plan["organisation"],
        label=label,
        author=revision["author"],
        note=revision["note"],
        revision_count=len(revisions),
        when=export_time([revision["date"], *(r["date"] for r in reversed(revisions))], period["start"]),
    )


_TABLE_FIELDS: dict[str, Any] = {"focus_areas": {"__all__": {"id": True, "title": True, "strategies": {
    "__all__": {"id": True, "title": True, "kpis": True, "budget": True}}}}}


def plan_source(plan: PlanDocument, revision: Revision | None = None) -> TableSource:
    """The source of ``revision`` (None: the working draft) of a plan as models: the same plain data
    (only the fields the tables read, dumped by pydantic-core), so that one definition makes the lines."""
    revision = revision or plan.draft
    data = {
        "title": plan.title, "organisation": plan.organisation,
        "period": {"start": plan.period.start, "end": plan.period.end},
        "numbering_style": {"focus_area": plan.numbering_style.focus_area, "strategy": plan.numbering_style.strategy},
        "revisions": [{"label": r.label, "date": r.date} for r in plan.revisions],
    }
    plain = {"label": revision.label, "date": revision.date, "author": revision.author, "note": revision.note,
             "content": {"focus": revision.content.focus.model_dump(include=_TABLE_FIELDS)}}
    data["draft"] = plain if revision is plan.draft else {}
    changed = revision is plan.draft and bool(plan.revisions) and revision.content != plan.revisions[-1].content
    return data_source(data, plain, draft_changed=changed)


def kpi_summary(plan: PlanDocument, revision: Revision | None = None) -> KpiSummary:
    """The KPI table of ``revision`` (None: the working draft) of ``plan`` (models)."""
    return kpi_table(plan_source(plan, revision))


def budget_summary(plan: PlanDocument, revision: Revision | None = None) -> BudgetSummary:
    """The budget table of ``revision`` (None: the working draft) of ``plan`` (models), in 千元."""
    return budget_table(plan_source(plan, revision))


def _labelled(source: TableSource) -> list[tuple[str, list[tuple[str, Mapping[str, Any]]]]]:
    """Each focus area's number and title, with its strategies' numbers and titles (in the plan's numbering style)."""
    return [(format_number(source.focus_area_template, a) + area["title"],
             [(format_number(source.strategy_template, s) + strategy["title"], strategy)
              for s, strategy in enumerate(area["strategies"])])
            for a, area in enumerate(source.focus_areas)]


def kpi_table(source: TableSource) -> KpiSummary:
    """The KPI table of a source (plain data)."""
    areas = _labelled(source)
    strategies = [strategy for _label, members in areas for _s, strategy in members]
    kpis = [kpi for strategy in strategies for kpi in strategy["kpis"]]
    years = _years(source, (year for kpi in kpis for year, target in kpi["targets"].items() if target.strip()))
    lines: list[KpiLine] = []
    for area_label, members in areas:
        for label, strategy in members:
            if not strategy["kpis"]:
                lines.append(KpiLine(area_label, label, strategy["id"], None, NO_KPI, "", "", ("",) * len(years)))
            for kpi in strategy["kpis"]:
                targets = tuple(kpi["targets"].get(year, "") for year in years)
                lines.append(KpiLine(area_label, label, strategy["id"], kpi["id"], kpi["name"], kpi["measurement"], kpi["unit"],
                                     targets, kpi.get("objective", ""), kpi.get("assessment", "")))
    # .get: the models' dump leaves an empty 策略績效目標 or 評估體制 out (as the saved file does)
    return KpiSummary(source.title, years, tuple(lines), objectives=any(k.get("objective", "").strip() for k in kpis),
                      assessments=any(k.get("assessment", "").strip() for k in kpis))


def budget_table(source: TableSource) -> BudgetSummary:
    """The budget table of a source (plain data), in 千元."""
    areas = _labelled(source)
    years = _years(source, (year for _label, members in areas for _s, strategy in members for year in strategy["budget"]))
    lines: list[BudgetLine] = []
    grand: list[int | None] = [None] * len(years)
    for area_label, members in areas:
        subtotal: list[int | None] = [None] * len(years)
        for label, strategy in members:
            budget = strategy["budget"]
            amounts = [_thousandths(budget[year]) if year in budget else None for year in years]
            lines.append(_budget_line("strategy", area_label, label, amounts, strategy["id"]))
            subtotal = _add(subtotal, amounts)
        lines.append(_budget_line("subtotal", area_label, SUBTOTAL, subtotal))
        grand = _add(grand, subtotal)
    lines.append(_budget_line("total", TOTAL, "", grand))
    return BudgetSummary(source.title, years, tuple(lines))


def budget_unit_note() -> str:
    return f"單位：{UNIT}"


def _years(source: TableSource, used: Iterable[int]) -> tuple[int, ...]:
    period = source.years
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
