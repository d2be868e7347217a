"""The plan's own properties (計畫屬性): title, organisation, period and numbering style.

They change through one operation, :class:`schema.operations.SetPlanProperties`, applied by the
document like any edit (undoable, journalled). A shorter or shifted period would leave KPI targets
and budget amounts of years outside it: :func:`period_drops` lists them (so the user is told before
anything changes) and :func:`drop_ops` gives the SetField operations that remove exactly those,
applied in the same undo step. Everything inside the new period is kept as it is.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from schema.model import NumberingStyle, Period, PlanContent, Strategy
from schema.numbering import chinese_numeral
from schema.operations import OperationError, SetField

ModelT = TypeVar("ModelT", bound=BaseModel)
EDITABLE = ("title", "organisation", "period", "numbering_style")

# The numbering styles offered by the plan-properties dialog: the published ladder and the variants
# cities use (actions 「1、」 instead of 「1.」, strategies with half-width parentheses).
ACTION_STYLES = ("{1}.", "{1}、")
STRATEGY_STYLES = ("（{一}）", "({一})")


def written(template: str, n: int) -> str:
    """How a numbering template writes number ``n``: ("（{一}）", 2) → 「（二）」, ("{1}、", 1) → 「1、」."""
    return (template.replace("{壹}", chinese_numeral(n, formal=True)).replace("{一}", chinese_numeral(n))
            .replace("{1}", str(n)))


@dataclass(frozen=True)
class Drop:
    """Values of one strategy that fall outside a new period."""

    strategy_id: str
    strategy_title: str
    budget_years: tuple[int, ...]
    kpi_targets: tuple[tuple[str, int], ...]  # (KPI name, year)


def check_properties(properties: dict[str, Any]) -> dict[str, Any]:
    """The properties validated and as JSON; OperationError naming the first problem."""
    unknown = sorted(set(properties) - set(EDITABLE))
    if unknown:
        raise OperationError(f"a plan has no editable property {unknown[0]!r}", "invalid_property", property=unknown[0])
    result: dict[str, Any] = {}
    for name, value in properties.items():
        if name == "title":
            if not isinstance(value, str) or not value.strip():
                raise OperationError("a plan's title cannot be empty", "empty_plan_title")
            result[name] = value
        elif name == "organisation":
            if not isinstance(value, str):
                raise OperationError("a plan's organisation is a text", "invalid_property", property="organisation")
            result[name] = value
        elif name == "period":
            result[name] = _validated(Period, value, "period").model_dump(mode="json")
        else:
            result[name] = _validated(NumberingStyle, value, "numbering style").model_dump(mode="json")
    return result


def _validated(model: type[ModelT], value: object, what: str) -> ModelT:
    try:
        return model.model_validate(value)
    except (ValueError, TypeError) as exc:
        errors = getattr(exc, "errors", None)
        message = errors()[0]["msg"] if callable(errors) else str(exc)
        raise OperationError(f"invalid {what}: {message}", "invalid_property", property=what) from None


def _strategies(content: PlanContent) -> list[Strategy]:
    return [s for area in content.focus.focus_areas for s in area.strategies]


def period_drops(content: PlanContent, period: Period) -> list[Drop]:
    """What a change to ``period`` would drop: each strategy's budget years and KPI targets outside it."""
    inside = set(period.years)
    drops = []
    for strategy in _strategies(content):
        budget = tuple(sorted(y for y in strategy.budget if y not in inside))
        targets = tuple((k.name, y) for k in strategy.kpis for y in sorted(k.targets) if y not in inside)
        if budget or targets:
            drops.append(Drop(strategy.id, strategy.title, budget, targets))
    return drops


def drop_ops(content: PlanContent, period: Period) -> list[SetField]:
    """SetField operations that remove the values outside ``period`` (and nothing else)."""
    inside = set(period.years)
    by_id = {s.id: s for s in _strategies(content)}
    ops: list[SetField] = []
    for drop in period_drops(content, period):
        strategy = by_id[drop.strategy_id]
        if drop.budget_years:
            kept = {str(y): v for y, v in sorted(strategy.budget.items()) if y in inside}
            ops.append(SetField(strategy.id, "budget", kept))
        if drop.kpi_targets:
            kpis = [k.model_dump(mode="json") for k in strategy.kpis]
            for kpi in kpis:
                kpi["targets"] = {y: v for y, v in kpi["targets"].items() if int(y) in inside}
            ops.append(SetField(strategy.id, "kpis", kpis))
    return ops
