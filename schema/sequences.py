"""Sequence algorithms shared by the comparison (moved items) and the text diffs (anchors)."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def longest_increasing(items: Sequence[T], key: Callable[[T], int]) -> list[T]:
    """The longest subsequence of ``items`` whose keys strictly increase (patience sorting, O(n log n))."""
    tails: list[int] = []  # tails[k]: the smallest last key of an increasing run of length k+1
    tail_at: list[int] = []  # position in items of that last item
    previous = [-1] * len(items)
    for pos, item in enumerate(items):
        value = key(item)
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(pos)
        else:
            tails[k] = value
            tail_at[k] = pos
        previous[pos] = tail_at[k - 1] if k else -1
    run: list[T] = []
    pos = tail_at[-1] if tail_at else -1
    while pos != -1:
        run.append(items[pos])
        pos = previous[pos]
    run.reverse()
    return run
