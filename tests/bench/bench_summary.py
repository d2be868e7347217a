"""Benchmark: the summary tables as a user writes them, whole process against whole process.

    python tests/bench/bench_summary.py [--rounds 7]

A 5k plan (tests/synthetic.py: 20 focus areas × 50 strategies) whose every strategy has two KPIs
with four yearly targets and a budget for each year: `plan-editor export P --budget-table OUT` as
.xlsx, .csv and .docx and `--kpi-table OUT.docx`, against `plan-editor revisions P` on the same file
(the command that only opens the plan: loading and validating it is the floor of any command on it),
interleaved, medians. Also reported: the official document (`--docx`, with its chart) on the same
baseline, for scale. Goal: a table, in any format, within 2.5 × opening the plan.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from schema.fileio import save_plan  # noqa: E402
from schema.model import KPI  # noqa: E402
from tests.bench import report  # noqa: E402
from tests.synthetic import generate_plan  # noqa: E402


def plan_with_figures():
    plan = generate_plan(20, 50, 4)
    years = plan.period.years
    for a, area in enumerate(plan.draft.content.focus.focus_areas):
        for s, strategy in enumerate(area.strategies):
            strategy.kpis = [KPI(name=f"指標{k}", measurement="衡量標準", unit="件", targets={y: str(10 * k + i) for i, y in enumerate(years)})
                             for k in range(2)]
            strategy.budget = {y: 1000 * a + s + 0.125 * i for i, y in enumerate(years)}
    return plan


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args, _ = parser.parse_known_args()
    plan = plan_with_figures()
    strategies = sum(len(a.strategies) for a in plan.draft.content.focus.focus_areas)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "5k.plan.json"
        save_plan(plan, path)
        out = Path(tmp)
        export = [*report.plan_editor(), "export", str(path)]
        commands = {
            "open": [*report.plan_editor(), "revisions", str(path)],
            "budget_xlsx": [*export, "--budget-table", str(out / "b.xlsx")],
            "budget_csv": [*export, "--budget-table", str(out / "b.csv")],
            "budget_docx": [*export, "--budget-table", str(out / "b.docx")],
            "kpi_docx": [*export, "--kpi-table", str(out / "k.docx")],
            "official": [*export, "--docx", str(out / "plan.docx")],
            # the floor: a table is made from the plan read as plain data (schema/plain_read.py, as `revisions` reads it)
            "plain": [sys.executable, "-c", f"from schema.plain_read import read_plan_data; read_plan_data({str(path)!r})"],
        }
        times = report.interleaved_processes(commands, args.rounds, report.process_env())
    base, name = times["open"], "`plan-editor revisions` (opening the plan), process"
    print(f"5k plan, {strategies} strategies with 2 KPIs and 4 budget years each: median of {args.rounds} interleaved runs")
    for key, work in (("budget_xlsx", "經費需求表 as .xlsx"), ("budget_csv", "經費需求表 as .csv"),
                      ("budget_docx", "經費需求表 as .docx"), ("kpi_docx", "關鍵績效指標總表 as .docx"),
                      ("official", "the official document (--docx, with its chart), for scale")):
        print(f"  {work:58} {times[key] * 1000:7.0f} ms = {times[key] / base:.2f} × opening it")
        goal = None if key == "official" else 2.5
        report.emit(report.Row(f"summary table of a 5k plan, whole process: {work}", times[key], base, goal_ratio=goal, baseline_name=name))
    work = "python -c 'read_plan_data(F)': the plan read and validated as plain data (what a table is made from)"
    print(f"  floor: {work:51} {times['plain'] * 1000:7.0f} ms = {times['plain'] / base:.2f} × opening it")
    report.emit(report.Row(f"floor: {work}, process", times["plain"], base, baseline_name=name))
    print(f"  {'plan-editor revisions (the baseline)':58} {base * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
