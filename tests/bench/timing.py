"""The timing loop every benchmark uses: wall time of repeated runs of one function."""
from __future__ import annotations

import statistics
import time


def run_times(fn, repeat: int) -> list[float]:
    """Seconds taken by each of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def best_of(fn, repeat: int) -> float:
    """The fastest of ``repeat`` runs: the figure least disturbed by other work on the machine."""
    return min(run_times(fn, repeat))


def median_of(fn, repeat: int) -> float:
    return statistics.median(run_times(fn, repeat))
