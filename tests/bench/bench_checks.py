"""Benchmark: the consistency checks on a generated plan of ~5,000 nodes.

Run by hand: ``/tmp/venv0/bin/python tests/bench/bench_checks.py``. The editor runs the checks
on every edit, so the aim is under 50 ms; each figure is also printed as a ratio to a plain
``walk`` of the same plan measured in the same run (the cheapest thing any check must do).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from schema.checks import run_checks  # noqa: E402
from schema.model import (  # noqa: E402
    KPI,
    Action,
    FocusArea,
    FocusSection,
    Goal,
    GoalsSection,
    Paragraph,
    Period,
    PlanContent,
    Preface,
    Strategy,
)
from schema.tree import walk  # noqa: E402
from tests.bench import report  # noqa: E402

AREAS, STRATEGIES, ACTIONS = 20, 50, 4


def _comma(with_problems: bool, n: int) -> str:
    """With problems, every tenth action has a half-width comma in Chinese text (the full scan runs)."""
    return "," if with_problems and n % 10 == 0 else "，"


def generated_plan(*, with_problems: bool = False) -> PlanContent:
    """20 focus areas × 50 strategies × 4 actions, with realistic Chinese text, goal links and KPIs."""
    goals = [Goal(title=f"第{g}項施政目標優先") for g in range(4)]
    areas = []
    for a in range(AREAS):
        strategies = []
        for s in range(STRATEGIES):
            actions = [
                Action(text=f"結合本市大專院校育成中心、民間育成機構及產業公協會{_comma(with_problems, s + i)}推動第{a}-{s}-{i}項作法，以 AI、IoT 及 5G 應用提升 95%服務效率。")
                for i in range(ACTIONS)
            ]
            title = f"推動「第{a}區第{s}項」發展策略"
            label = f"推動第{a}區第{s}項發展策略"
            if with_problems and s % 10 == 0:
                label = f"構建第{a}區第{s}項策略"  # a genuine mismatch every tenth strategy
            strategies.append(
                Strategy(
                    title=title,
                    chart_label=label,
                    body="盤點民眾實際需求，並透過市府跨局處合作及結合民間單位資源，爭取中央經費積極布建。" if s % 2 else "",
                    actions=actions,
                    goal_ids=[goals[s % 4].id],
                    kpis=[KPI(name="服務人次", unit="人次", targets={108: "100", 109: "120", 110: "140", 111: "160"})],
                    lead_agencies=["經濟發展局"],
                )
            )
        areas.append(FocusArea(title=f"第{a}項施政重點", strategies=strategies))
    paragraphs = [Paragraph(text=f"為了讓高雄產業進行結構性改變，我們將配合中央推動第{p}座科學園區，打造南台灣科技走廊。") for p in range(10)]
    return PlanContent(preface=Preface(paragraphs=paragraphs), goals=GoalsSection(goals=goals), focus=FocusSection(focus_areas=areas))


def main() -> None:
    period = Period(start=108, end=111)
    for with_problems in (False, True):
        content = generated_plan(with_problems=with_problems)
        count = sum(1 for _ in walk(content))
        medians = report.interleaved_calls({"walk": lambda content=content: sum(1 for _ in walk(content)),
                                            "checks": lambda content=content: run_checks(content, period)}, 15)
        walk_best = walk_median = medians["walk"]
        check_best = check_median = medians["checks"]
        findings = len(run_checks(content, period))
        print(f"plan of {count} nodes, {findings} findings ({'with' if with_problems else 'without'} planted problems)")
        print(f"  plain walk : {walk_best * 1000:7.2f} ms (median)   1.0×")
        print(f"  run_checks : {check_best * 1000:7.2f} ms (median)  {check_best / walk_best:5.1f}× the walk"
              f"   median {check_median * 1000:.2f} ms ({check_median / walk_median:.1f}×)")
        report.emit(report.Row(f"checks of a 5k plan ({'with' if with_problems else 'without'} planted problems), in process",
                               check_median, walk_median, goal_seconds=0.05, baseline_name="a plain walk of the plan"))


if __name__ == "__main__":
    main()
