"""Benchmark of the three-way merge: two ~5,000-node copies of one plan, each with 5 % of the nodes changed.

    python tests/bench/bench_merge.py

Goals (issue 14): the merge at most 3 × one id comparison of the same pair (``schema.compare``),
and ``plan-editor merge`` at most 1 s as a whole process. The copies are made as the comparison
benchmark makes its revision (edits, removals, additions, moves across focus areas, reorders),
with different random choices on each side, and 20 strategies retitled on both sides: 20 conflicts.
In-process figures are medians of interleaved runs; the whole process is timed against a
whole-process baseline, ``plan-editor diff OURS THEIRS`` (start, load two files, compare).
"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from schema.compare import compare  # noqa: E402
from schema.document import Document  # noqa: E402
from schema.fileio import save_plan  # noqa: E402
from schema.merge import merge_plans  # noqa: E402
from schema.model import (  # noqa: E402
    Period,
    PlanDocument,
    Revision,
)
from schema.operations import SetField  # noqa: E402
from tests.bench import report  # noqa: E402
from tests.bench.bench_compare import amend, corpus, generate  # noqa: E402

REPEAT = 7
CONFLICTS = 20


def copies() -> tuple[PlanDocument, PlanDocument, PlanDocument, int]:
    rng = random.Random(2020)
    words = corpus()
    base = PlanDocument(title="基準計畫", period=Period(start=108, end=111), draft=Revision(content=generate(rng, words)))
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    # The two sides change different focus areas: they meet only at the conflicts made on purpose below.
    total = amend(ours.draft.content, random.Random(1), words, within=range(0, 10), id_prefix="bench0x")
    amend(theirs.draft.content, random.Random(2), words, within=range(10, 20), id_prefix="bench10x")
    untouched = [s for fa in base.draft.content.focus.focus_areas for s in fa.strategies
                 if _unchanged(base, ours, s.id) and _unchanged(base, theirs, s.id)]
    both = random.Random(3).sample(untouched, CONFLICTS)
    for side, mark in ((ours, "甲"), (theirs, "乙")):
        Document(side.draft.content).apply_all(SetField(s.id, "title", f"{mark}案{s.title}") for s in both)
    return base, ours, theirs, total


def _unchanged(base: PlanDocument, side: PlanDocument, node_id: str) -> bool:
    node = Document(side.draft.content).get(node_id)
    return node is not None and node == Document(base.draft.content).node(node_id)


def interleaved(funcs: dict, repeat: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(repeat):
        for name, func in funcs.items():
            start = time.perf_counter()
            func()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    base, ours, theirs, total = copies()
    result = merge_plans(base, ours, theirs)
    print(f"plan: {total} nodes; each side changed 5 % of them; {len(result.conflicts)} conflicts "
          f"({', '.join(sorted({c.kind for c in result.conflicts}))}); median of {REPEAT} interleaved runs")
    figures = interleaved({
        "compare": lambda: compare(ours.draft.content, theirs.draft.content),
        "merge": lambda: merge_plans(base, ours, theirs),
    }, REPEAT)
    ratio = figures["merge"] / figures["compare"]
    print(f"baseline  id comparison of ours and theirs  {figures['compare'] * 1000:8.1f} ms")
    print(f"merge_plans(base, ours, theirs)            {figures['merge'] * 1000:8.1f} ms  = {ratio:4.2f} × comparison"
          f"  (goal ≤ 3 ×: {'ok' if ratio <= 3 else 'OVER GOAL'})")
    report.emit(report.Row("merge two 5,000-node copies (5 % changed each, 20 conflicts)", figures["merge"], figures["compare"],
                           goal_ratio=3.0, baseline_name="one id comparison of the pair"))
    with tempfile.TemporaryDirectory() as folder:
        paths = {name: Path(folder) / f"{name}.plan.json" for name in ("base", "ours", "theirs")}
        for name, plan in (("base", base), ("ours", ours), ("theirs", theirs)):
            save_plan(plan, paths[name])
        out = Path(folder) / "merged.plan.json"
        program = report.plan_editor()
        diff = [*program, "diff", str(paths["ours"]), str(paths["theirs"])]
        merge = [*program, "merge", str(paths["base"]), str(paths["ours"]), str(paths["theirs"]), "-o", str(out)]
        process = report.interleaved_processes({"diff": diff, "merge": merge}, 5, report.process_env(), ok=(0, 1))  # merge: 1, conflicts
        print(f"baseline  plan-editor diff OURS THEIRS      {process['diff'] * 1000:8.1f} ms (whole process)")
        print(f"plan-editor merge BASE OURS THEIRS -o OUT  {process['merge'] * 1000:8.1f} ms  = {process['merge'] / process['diff']:4.2f} × diff"
              f"  (goal ≤ 1 s: {'ok' if process['merge'] <= 1 else 'OVER GOAL'})")
        report.emit(report.Row("plan-editor merge BASE OURS THEIRS (whole process)", process["merge"], process["diff"],
                               goal_seconds=1.0, baseline_name="plan-editor diff OURS THEIRS"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
