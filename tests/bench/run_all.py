"""Run every benchmark of tests/bench/ and print one table (work, ours, baseline, ratio, goal, met).

    python tests/bench/run_all.py [--only NAME,...] [--write docs/benchmarks.md] [--rounds N]

Each benchmark runs as a process of its own (so one's imports and caches never help another) on
plans it generates (tests/synthetic.py, bench_compare's generator); its ``BENCH-ROW`` lines
(tests/bench/report.py) become the rows of the table. With ``--write`` the table, the machine it
ran on and the notes on floors go to a Markdown file.
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench import report  # noqa: E402

# name → extra arguments; in the order the table shows them.
BENCHMARKS = {
    "bench_editor": [],
    "bench_cli": [],
    "bench_export": [],
    "bench_summary": [],
    "bench_amendments": [],
    "bench_fileio": [],
    "bench_compare": [],
    "bench_checks": [],
    "bench_comparison_view": [],
    "bench_review": [],
    "bench_merge": [],
    "bench_import": ["--docx", "--pdf"],
}

FLOORS = ROOT / "tests" / "bench" / "floors.md"


def run(name: str, extra: list[str]) -> tuple[list[report.Row], str]:
    env = report.process_env()
    env["PYTHONPATH"] = str(ROOT)
    command = [sys.executable, str(ROOT / "tests" / "bench" / f"{name}.py"), *extra]
    print(f"== {name}", flush=True)
    result = subprocess.run(command, env=env, cwd=str(ROOT), capture_output=True, text=True)
    rows, text = [], []
    for line in result.stdout.splitlines():
        row = report.parse(line)
        if row is not None:
            rows.append(row)
        else:
            text.append(line)
            print("   " + line, flush=True)
    if result.returncode != 0:
        print(result.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"{name} failed with status {result.returncode}")
    return rows, "\n".join(text)


def table(rows: list[report.Row]) -> str:
    lines = ["| work | ours | baseline | ratio | goal | met |", "|---|---:|---|---:|---|---|"]
    for row in rows:
        base = f"{report.seconds(row.baseline)} ({row.baseline_name})" if row.baseline else "—"
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "—"
        met = "yes" if row.met else "**no**"
        if row.goal_ratio is None and row.goal_seconds is None:
            met = "(reported)"
        lines.append(f"| {row.work} | {report.seconds(row.ours)} | {base} | {ratio} | {row.goal} | {met} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="", help="comma-separated benchmark names (default: all)")
    parser.add_argument("--write", default=None, help="also write the table to this Markdown file")
    args, passthrough = parser.parse_known_args()
    names = [n for n in args.only.split(",") if n] or list(BENCHMARKS)
    rows: list[report.Row] = []
    for name in names:
        got, _text = run(name, BENCHMARKS[name] + passthrough)
        rows.extend(got)
    out = table(rows)
    print()
    print(out)
    missed = [r for r in rows if not r.met and (r.goal_ratio is not None or r.goal_seconds is not None)]
    print(f"\n{len(rows)} rows, {len(missed)} goals missed")
    if args.write:
        when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        head = (
            "# Benchmarks\n\n"
            f"Written by `bash scripts/bench.sh` on {when}: Python {platform.python_version()}, {platform.machine()}, "
            f"{os.cpu_count()} cores, load average {load:.1f} when it finished.\n\n"
            "Absolute times depend on the machine and on what else ran on it (the load average above); each ratio "
            "compares two things measured interleaved in the same run "
            "(A B A B …, medians of at least 5), so ratios compare fairly. Whole-process figures (editor start, CLI, "
            "export) are against whole-process baselines; in-process figures against in-process baselines.\n\n"
        )
        floors = FLOORS.read_text(encoding="utf-8") if FLOORS.exists() else ""
        Path(args.write).write_text(head + out + "\n\n" + floors, encoding="utf-8")
        print(f"written to {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
