"""Benchmark: the command line as a user runs it, whole process against whole process.

    python tests/bench/bench_cli.py [--rounds 7]

Open a 5k plan (``plan-editor revisions PLAN``: parse, fully validate, list) against the same
interpreter running ``-c 'import json; json.load(open(F))'`` on the same file; interleaved A B A B,
medians. Goal (issue 17): ≤ 2.5 ×. ``revisions`` validates the file with pydantic-core alone
(schema.plain_read); also reported: ``plan-editor check`` on the same file (it runs on the models),
the interpreter doing nothing (``-c pass``), the floor of any Python command, pydantic-core imported
(the floor of the plain read path), pydantic imported as the models use it (``import pydantic``
alone imports almost nothing: its names load on first use), with importlib.metadata, which pydantic
imports to look for plugins when it builds the first model, and the models' loader alone.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from schema.fileio import save_plan  # noqa: E402
from schema.tree import walk  # noqa: E402
from tests.bench import report  # noqa: E402
from tests.synthetic import generate_plan  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args, _ = parser.parse_known_args()
    plan = generate_plan(20, 50, 4)
    nodes = sum(1 for _ in walk(plan.draft.content))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "5k.plan.json"
        save_plan(plan, path)
        commands = {
            "json": [sys.executable, "-c", "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))", str(path)],
            "revisions": [*report.plan_editor(), "revisions", str(path)],
            "check": [*report.plan_editor(), "check", str(path)],
            "pass": [sys.executable, "-c", "pass"],
            "pydantic": [sys.executable, "-c", "import pydantic"],
            "pydantic_core": [sys.executable, "-c", "import pydantic_core"],
            "pydantic_used": [sys.executable, "-c", "from pydantic import BaseModel, Field, field_validator, model_validator; "
                              "import importlib.metadata"],
            "loader": [sys.executable, "-c", "import sys; from schema.fileio import load_plan; load_plan(sys.argv[1])", str(path)],
        }
        env = report.process_env()
        env["PYTHONPATH"] = str(ROOT)  # for the loader-alone floor (plan-editor finds itself as installed)
        times = report.interleaved_processes(commands, args.rounds, env, ok=(0, 1))  # check: 1 = findings
    j, r, c, p = times["json"], times["revisions"], times["check"], times["pass"]
    y, ld, yu, yc = times["pydantic"], times["loader"], times["pydantic_used"], times["pydantic_core"]
    print(f"5k plan ({nodes} nodes in the draft, as many in one revision, {path.name}): median of {args.rounds} interleaved runs")
    print(f"  python -c 'json.load(...)'   {j * 1000:7.0f} ms")
    print(f"  python -c pass               {p * 1000:7.0f} ms")
    print(f"  plan-editor revisions        {r * 1000:7.0f} ms  = {r / j:.2f} × json.load (goal ≤ 2.5)")
    print(f"  plan-editor check            {c * 1000:7.0f} ms  = {c / j:.2f} × json.load")
    print(f"  python -c 'import pydantic_core' {yc * 1000:4.0f} ms  = {yc / j:.2f} × json.load")
    print(f"  python -c 'import pydantic'  {y * 1000:7.0f} ms  = {y / j:.2f} × json.load")
    print(f"  pydantic as the models use it {yu * 1000:6.0f} ms  = {yu / j:.2f} × json.load")
    print(f"  python -c 'load_plan(F)'     {ld * 1000:7.0f} ms  = {ld / j:.2f} × json.load (the loader alone: pydantic, the models, validation)")
    base = "python -c json.load of the file, process"
    report.emit(report.Row(f"open a 5k plan, whole process (`plan-editor revisions`, {nodes} nodes)", r, j, goal_ratio=2.5, baseline_name=base))
    report.emit(report.Row("check a 5k plan, whole process (`plan-editor check`)", c, j, baseline_name=base))
    report.emit(report.Row("floor: python -c pass, process", p, j, baseline_name=base))
    report.emit(report.Row("floor: python -c 'import pydantic_core' (what `revisions` validates with), process", yc, j,
                           baseline_name=base))
    report.emit(report.Row("floor: python -c 'import pydantic', process", y, j, baseline_name=base))
    report.emit(report.Row("floor: pydantic as the models use it (BaseModel, Field, validators, importlib.metadata), process",
                           yu, j, baseline_name=base))
    report.emit(report.Row("floor: python -c 'load_plan(F)' (pydantic, the models, full validation), process", ld, j, baseline_name=base))


if __name__ == "__main__":
    main()
