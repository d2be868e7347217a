"""Rules about links between items and about the plan's period: goal links and KPI years.

Goal links (a strategy serving goals 施政目標) are optional: a plan that links no strategy to a
valid goal is not asked to. Once one valid link exists, every strategy should serve a goal and
every goal should be served. A link to a goal that does not exist is always an error.
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import chain, compress, repeat
from operator import attrgetter, not_, or_

from schema.checks.core import ERROR, WARNING, Context, Found, quote, rule
from schema.model import KPI, Goal, Strategy

_KPIS, _TARGETS, _GOAL_IDS = attrgetter("kpis"), attrgetter("targets"), attrgetter("goal_ids")


def _goal_ids(ctx: Context) -> set[str]:
    found: set[str] | None = ctx.cache.get("goal ids")
    if found is None:
        found = ctx.cache["goal ids"] = {goal.id for goal in ctx.of_type(Goal)}
    return found


def _links_used(ctx: Context, goal_ids: set[str]) -> bool:
    return not goal_ids.isdisjoint(chain.from_iterable(map(_GOAL_IDS, ctx.of_type(Strategy))))


@rule(
    "unknown-goal",
    ERROR,
    zh="連結到不存在的施政目標（{ids}）。",
    en="Linked to goals that do not exist ({ids}).",
)
def unknown_goals(ctx: Context) -> Found:
    goal_ids = _goal_ids(ctx)
    strategies = ctx.of_type(Strategy)
    for strategy in compress(strategies, map(not_, map(goal_ids.issuperset, map(_GOAL_IDS, strategies)))):
        missing = [gid for gid in strategy.goal_ids if gid not in goal_ids]
        yield strategy, {"ids": ctx.join(dict.fromkeys(missing))}


@rule(
    "strategy-without-goal",
    WARNING,
    zh="本計畫的推動策略已連結施政目標，但有 {count} 個推動策略未連結任何施政目標，此項是第一個。",
    en="Strategies of this plan are linked to goals, but {count} of them serve no goal, this one first.",
)
def strategies_without_goal(ctx: Context) -> Found:
    """One finding for all of them, on the first: linking the first strategy must not look like 27 mistakes."""
    goal_ids = _goal_ids(ctx)
    if not _links_used(ctx, goal_ids):
        return
    strategies = ctx.of_type(Strategy)
    unlinked = list(compress(strategies, map(goal_ids.isdisjoint, map(_GOAL_IDS, strategies))))
    if unlinked:
        yield unlinked[0], {"count": len(unlinked)}


@rule(
    "goal-unserved",
    WARNING,
    zh="本計畫的推動策略已連結施政目標，但沒有任何推動策略連結此施政目標。",
    en="Strategies of this plan are linked to goals, but none serves this goal.",
)
def unserved_goals(ctx: Context) -> Found:
    goal_ids = _goal_ids(ctx)
    if not _links_used(ctx, goal_ids):
        return
    served = set(chain.from_iterable(map(_GOAL_IDS, ctx.of_type(Strategy))))
    for goal in ctx.of_type(Goal):
        if goal.id not in served:
            yield goal, {}


def _kpi_name(ctx: Context, kpi: KPI, index: int) -> str:
    name = " ".join(kpi.name.split())
    return quote(name) if name else ctx.word(f"第{index + 1}項", f"#{index + 1}")


@rule(
    "kpi-year-outside-period",
    WARNING,
    zh="關鍵績效指標{kpi}有計畫期間（{start}至{end}年度）以外的年度目標值：{years}年度。",
    en="The KPI {kpi} has targets for years outside the plan's period ({start}–{end}): {years}.",
    needs_period=True,
)
def kpi_years_outside_period(ctx: Context) -> Found:
    period = ctx.period
    if period is None:  # not reached: the registry skips rules that need a period without one
        return
    strategies, indexes, kpis = _all_kpis(ctx)
    inside = map(set(period.years).issuperset, map(_TARGETS, kpis))  # the usual case, with C-level maps
    for strategy, index, kpi in compress(zip(strategies, indexes, kpis), map(not_, inside)):
        outside = sorted(year for year in kpi.targets if not period.start <= year <= period.end)
        yield strategy, {
            "kpi": _kpi_name(ctx, kpi, index), "start": period.start, "end": period.end,
            "years": ctx.join(outside),
        }


@rule(
    "kpi-year-missing",
    WARNING,
    zh="關鍵績效指標{kpi}缺少{years}年度的目標值。",
    en="The KPI {kpi} has no target for {years}.",
    needs_period=True,
)
def kpi_years_missing(ctx: Context) -> Found:
    if ctx.period is None:  # not reached: the registry skips rules that need a period without one
        return
    years = ctx.period.years
    strategies, indexes, kpis = _all_kpis(ctx)
    targets = list(map(_TARGETS, kpis))
    # whether a year's target is missing or blank, year by year over all KPIs with C-level maps
    lacking: Iterable[bool] = repeat(False, len(kpis))
    for year in years:
        lacking = list(map(or_, lacking, map(not_, map(str.strip, map(dict.get, targets, repeat(year), repeat(""))))))
    for strategy, index, kpi in compress(zip(strategies, indexes, kpis), lacking):
        missing = [year for year in years if not kpi.targets.get(year, "").strip()]
        if missing:
            yield strategy, {"kpi": _kpi_name(ctx, kpi, index), "years": ctx.join(missing)}


def _all_kpis(ctx: Context) -> tuple[list[Strategy], list[int], list[KPI]]:
    """Every KPI of the plan with its strategy and its index there, in document order."""
    found: tuple[list[Strategy], list[int], list[KPI]] | None = ctx.cache.get("kpis")
    if found is None:
        strategies = ctx.of_type(Strategy)
        lists = list(map(_KPIS, strategies))
        sizes = list(map(len, lists))
        found = ctx.cache["kpis"] = (
            list(chain.from_iterable(map(repeat, strategies, sizes))),
            list(chain.from_iterable(map(range, sizes))),
            list(chain.from_iterable(lists)),
        )
    return found
