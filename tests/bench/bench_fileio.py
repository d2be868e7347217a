"""Benchmark: load and save of a generated ~5,000-node plan, as ratios to plain json.loads.

Run by hand: python tests/bench/bench_fileio.py
Goals (issue 2): load ≤ 5 × json.loads of the same file; save ≤ 0.2 s.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from schema.fileio import load_plan, save_plan  # noqa: E402
from schema.tree import walk  # noqa: E402
from tests.bench import report  # noqa: E402
from tests.synthetic import generate_plan  # noqa: E402


def main() -> None:
    plan = generate_plan(20, 50, 4)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.plan.json"
        save_plan(plan, path)
        nodes = sum(1 for _ in walk(plan.draft.content))
        size = path.stat().st_size
        text = path.read_text(encoding="utf-8")
        medians = report.interleaved_calls(
            {"json": lambda: json.loads(text), "load": lambda: load_plan(path), "save": lambda: save_plan(plan, path)}, 7)
        baseline, load, save = medians["json"], medians["load"], medians["save"]
    print(f"plan: {nodes} nodes in the draft (and as many in one revision), file {size / 1e6:.1f} MB")
    print(f"json.loads baseline: {baseline * 1000:.1f} ms")
    print(f"load_plan: {load * 1000:.1f} ms = {load / baseline:.2f} × json.loads (goal ≤ 5)")
    print(f"save_plan: {save * 1000:.1f} ms = {save / baseline:.2f} × json.loads; {save / 0.2:.2f} of the 0.2 s budget (goal ≤ 1)")
    report.emit(report.Row(f"load a 5k plan in process ({nodes} nodes, full validation)", load, baseline, goal_ratio=5.0,
                           baseline_name="json.loads of the same text"))
    report.emit(report.Row("save a 5k plan in process", save, baseline, goal_seconds=0.2, baseline_name="json.loads of the same text"))


if __name__ == "__main__":
    main()
