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
    PlanContent,  # noqa: E402
    PlanDocument,
    Revision,
)
from schema.operations import Insert, Move, Remove, SetField  # noqa: E402
from tests.bench import report  # noqa: E402
from tests.bench.bench_compare import corpus, generate, sentence  # noqa: E402

REPEAT = 7
CONFLICTS = 20


def copies() -> tuple[PlanDocument, PlanDocument, PlanDocument, int]:
    rng = random.Random(2020)
    words = corpus()
    base = PlanDocument(title="基準計畫", period=Period(start=108, end=111), draft=Revision(content=generate(rng, words)))
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    total = amend_within(ours.draft.content, range(0, 10), random.Random(1), words)
    amend_within(theirs.draft.content, range(10, 20), random.Random(2), words)
    untouched = [s for fa in base.draft.content.focus.focus_areas for s in fa.strategies
                 if _unchanged(base, ours, s.id) and _unchanged(base, theirs, s.id)]
    both = random.Random(3).sample(untouched, CONFLICTS)
    for side, mark in ((ours, "甲"), (theirs, "乙")):
        Document(side.draft.content).apply_all(SetField(s.id, "title", f"{mark}案{s.title}") for s in both)
    return base, ours, theirs, total


def amend_within(content: PlanContent, areas: range, rng: random.Random, words: list[str]) -> int:
    """Change 5 % of all nodes as the comparison benchmark does (edits, removals, additions, moves across
    focus areas, reorders), in these focus areas only: the two sides meet only at the 20 conflicts made on purpose."""
    doc = Document(content)
    total = len(doc)
    mine = [content.focus.focus_areas[i] for i in areas]
    for serial in range(total * 5 // 100):
        kind = rng.choice(["edit"] * 6 + ["remove", "add", "move", "reorder"])
        area = rng.choice(mine)
        strategy = rng.choice(area.strategies)
        if kind == "edit":
            node = rng.choice([strategy, *strategy.actions])
            field = "title" if node.kind == "strategy" else "text"
            old = getattr(node, field)
            cut = rng.randrange(max(1, len(old) - 6))
            doc.apply(SetField(node.id, field, old[:cut] + sentence(rng, words, 6)[:-1] + old[cut + 4 :]))
        elif kind == "remove" and strategy.actions:
            doc.apply(Remove(strategy.id, rng.randrange(len(strategy.actions))))
        elif kind == "add":
            doc.apply(Insert(strategy.id, len(strategy.actions), {"kind": "action", "id": f"bench{areas.start}x{serial}", "text": sentence(rng, words, 80)}))
        elif kind == "move":
            target = rng.choice(mine)
            if target is not area:
                doc.apply(Move(strategy.id, target.id, rng.randrange(len(target.strategies) + 1)))
        elif kind == "reorder":
            doc.apply(Move(strategy.id, area.id, rng.randrange(len(area.strategies))))
    return total


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
