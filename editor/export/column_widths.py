"""Column widths that fit a table's texts, and the hanging indent of a numbered name in a cell.

A column is as wide as its longest line when the page holds every column so (the rest goes to the
columns that take it, e.g. the KPI table's yearly targets); otherwise the columns are filled like
water: every column at least its header on one line, each below a common cap as wide as it needs,
the widest ones wrapped at the cap (first up to their typical line, then up to their longest). Widths are in EMU; a text is measured in ems of the table's
type size (a full-width character one em, an ASCII one half), which 標楷體 and Times New Roman
keep to, so no font is loaded.
"""
from __future__ import annotations

import re

EMU_PER_POINT = 12_700
CELL_MARGINS = 2 * 108 * 635  # the Table Grid style's left and right cell margins (108 twips each), in EMU
SLACK = 3 * EMU_PER_POINT  # what a renderer's stand-in for 標楷體 may take beyond the ems


def text_ems(text: str) -> float:
    """The width of the longest line of ``text`` in ems: full-width characters 1, ASCII ½."""
    if "\n" in text:
        return max(map(text_ems, text.split("\n")))
    return len(text) - len(text.encode("ascii", "ignore")) / 2


def fitted_widths(columns: list[tuple[str, list[str]]], room: int, size_pt: float, typical: float = 0.9) -> list[int]:
    """The widths (EMU) of text columns, each given as (header, its cells), sharing ``room`` (EMU).

    Each column needs its longest line; none gets less than its header (bold, same size) on one
    line. When the needs do not fit, the columns are first widened to their typical line (the
    ``typical`` share of their different texts on one line, so that one long text does not wrap
    every other), then to their longest, each time filled like water up to a common cap."""
    em = size_pt * EMU_PER_POINT
    pad = CELL_MARGINS + SLACK
    least = [int(text_ems(header) * em) + pad for header, _cells in columns]
    need, usual = [], []
    for low, (_header, cells) in zip(least, columns):
        ems = sorted(map(text_ems, set(cells))) or [0.0]
        need.append(max(low, int(ems[-1] * em) + pad))
        usual.append(max(low, int(ems[int(typical * (len(ems) - 1))] * em) + pad))
    if sum(need) <= room:
        return need
    if sum(usual) <= room:
        return _fill(usual, need, room)
    return _fill(least, usual, room) if sum(least) < room else least


def _fill(base: list[int], target: list[int], room: int) -> list[int]:
    """Each column min(target, max(base, cap)), with the largest cap (found by halving) that fills ``room``."""
    def total(cap: int) -> int:
        return sum(min(t, max(b, cap)) for b, t in zip(base, target))

    low_cap, high_cap = 0, max(target)
    while high_cap - low_cap > 1:
        middle = (low_cap + high_cap) // 2
        low_cap, high_cap = (middle, high_cap) if total(middle) <= room else (low_cap, middle)
    return [min(t, max(b, low_cap)) for b, t in zip(base, target)]


def number_pattern(template: str) -> re.Pattern[str]:
    """What a numbering template's numbers look like at the start of a text: 「（{一}）」 → （一）…（十二）."""
    for placeholder, digits in (("{壹}", "[零壹貳參肆伍陸柒捌玖拾佰仟萬]+"), ("{一}", "[零一二三四五六七八九十百千萬]+"), ("{1}", "[0-9]+")):
        if placeholder in template:
            before, _, after = template.partition(placeholder)
            return re.compile(re.escape(before) + digits + re.escape(after))
    return re.compile(re.escape(template))


def hanging_twips(text: str, number: re.Pattern[str], size_pt: float) -> int:
    """The hanging indent (twips) that puts a numbered name's wrapped lines under its words, not its
    number: the width of the number ``text`` starts with (0 when it starts with none)."""
    found = number.match(text)
    return round(text_ems(found.group()) * size_pt * 20) if found else 0
