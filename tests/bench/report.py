"""What every benchmark hands to ``scripts/bench.sh``: rows of one table, and whole-process timing.

A benchmark prints its own readable lines and, for each figure that has a goal, one machine-read
line ``BENCH-ROW {json}`` (see :func:`emit`). ``tests/bench/run_all.py`` collects those rows from
every benchmark into one table (work, ours, baseline, ratio, goal, met) and docs/benchmarks.md.

Goals are either a ratio to a baseline measured in the same run (``ratio ≤ 1.5``) or a time
(``≤ 5 ms``). Whole-process figures come from :func:`interleaved_processes`: the two commands run
alternately (A B A B …), so both see the same machine load, and the medians are compared.
"""
from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "BENCH-ROW "


@dataclass
class Row:
    work: str
    ours: float  # seconds
    baseline: float | None  # seconds; None when the goal is a time
    goal_ratio: float | None = None  # met when ours / baseline <= goal_ratio
    goal_seconds: float | None = None  # met when ours <= goal_seconds
    baseline_name: str = ""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.ours / self.baseline if self.baseline else None

    @property
    def met(self) -> bool:
        ok = True
        if self.goal_ratio is not None:
            ok = ok and self.ratio is not None and self.ratio <= self.goal_ratio
        if self.goal_seconds is not None:
            ok = ok and self.ours <= self.goal_seconds
        return ok

    @property
    def goal(self) -> str:
        parts = []
        if self.goal_ratio is not None:
            parts.append(f"ratio ≤ {self.goal_ratio:g}")
        if self.goal_seconds is not None:
            parts.append(f"≤ {seconds(self.goal_seconds)}")
        return ", ".join(parts) or "(reported)"


def seconds(value: float) -> str:
    return f"{value * 1000:.2f} ms" if value < 0.1 else f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def emit(row: Row) -> None:
    """Print one row for the collected table (and nothing else on that line)."""
    print(PREFIX + json.dumps(asdict(row), ensure_ascii=False), flush=True)


def parse(line: str) -> Row | None:
    if not line.startswith(PREFIX):
        return None
    return Row(**json.loads(line[len(PREFIX):]))


def run_process(command: list[str], env: dict | None = None, cwd: str | None = None, ok: tuple[int, ...] = (0,)) -> float:
    """Wall time of one whole process, from spawning it to its exit (teardown included)."""
    start = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=600)
    took = time.perf_counter() - start
    if result.returncode not in ok:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr[-1500:]}")
    return took


def interleaved_processes(
    commands: dict[str, list[str]], rounds: int, env: dict | None = None, warm: bool = True, ok: tuple[int, ...] = (0,)
) -> dict[str, float]:
    """Median whole-process time of each command, run A B C A B C … ``rounds`` times.

    One unmeasured run of each first fills the OS file cache and Python's bytecode cache.
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    if warm:
        for command in commands.values():
            run_process(command, env, ok=ok)
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(run_process(command, env, ok=ok))
    return {name: statistics.median(values) for name, values in times.items()}


def plan_editor() -> list[str]:
    """The command as a user runs it: the installed console script beside this interpreter."""
    script = Path(sys.executable).with_name("plan-editor")
    return [str(script)] if script.exists() else [sys.executable, "-m", "editor.cli"]


def process_env() -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program reads compiled bytecode
    return env


def interleaved_calls(functions: dict, rounds: int, warm: bool = True) -> dict[str, float]:
    """Median wall time of each in-process function, called A B C A B C … ``rounds`` times."""
    times: dict[str, list[float]] = {name: [] for name in functions}
    if warm:
        for fn in functions.values():
            fn()
    for _ in range(rounds):
        for name, fn in functions.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def interleaved_wall_and_cpu(functions: dict, rounds: int) -> tuple[dict[str, float], dict[str, float]]:
    """Median wall and process CPU time of each in-process function, called A B C … ``rounds`` times
    after one warm-up call each, each call after an untimed full collection (no one pays another's
    garbage). A loaded machine stretches wall time (waiting for a core); CPU time leaves that out."""
    wall: dict[str, list[float]] = {name: [] for name in functions}
    cpu: dict[str, list[float]] = {name: [] for name in functions}
    for fn in functions.values():
        fn()
    for _ in range(rounds):
        for name, fn in functions.items():
            gc.collect()
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return ({name: statistics.median(values) for name, values in wall.items()},
            {name: statistics.median(values) for name, values in cpu.items()})
