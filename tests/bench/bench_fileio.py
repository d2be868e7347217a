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
from tests.bench import timing  # noqa: E402
from tests.synthetic import generate_plan  # noqa: E402


def best_of(fn, repeat: int = 7) -> float:
    return timing.best_of(fn, repeat)

def main() -> None:
    plan = generate_plan(20, 50, 4)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.plan.json"
        save_plan(plan, path)
        nodes = sum(1 for _ in walk(plan.draft.content))
        size = path.stat().st_size
        text = path.read_text(encoding="utf-8")
        baseline = best_of(lambda: json.loads(text))
        load = best_of(lambda: load_plan(path))
        save = best_of(lambda: save_plan(plan, path))
    print(f"plan: {nodes} nodes in the draft (and as many in one revision), file {size / 1e6:.1f} MB")
    print(f"json.loads baseline: {baseline * 1000:.1f} ms")
    print(f"load_plan: {load * 1000:.1f} ms = {load / baseline:.2f} × json.loads (goal ≤ 5)")
    print(f"save_plan: {save * 1000:.1f} ms = {save / baseline:.2f} × json.loads; {save / 0.2:.2f} of the 0.2 s budget (goal ≤ 1)")


if __name__ == "__main__":
    main()
