"""Numbering marks (編號) at the start of a line, and the ladder (編號層級) a document uses.

A mark belongs to a family: formal numerals 壹、, ordinary numerals 一、, bracketed numerals （一）,
digits 1. / 1、 / 1．, bracketed digits （1）. Cities differ in which families they use for which
level (strategies as （一） or 1、, actions as 1. or （1）), so the levels are not fixed per family:
``detect_ladder`` orders the families by how the document nests them — a list that starts (its
item 1) right after an item of another family is one level below that family — and only falls
back to the official order (文書處理手冊: 壹 → 一 → （一） → 1 → （1）) where the document does
not say. A document that nests two families both ways, equally often, is ambiguous and refused.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from schema.coded_error import CodedError

FAMILIES = ("formal", "chinese", "paren_chinese", "arabic", "paren_arabic")  # the official order
_FORMAL = "零壹貳參肆伍陸柒捌玖"
_LOWER = "〇一二三四五六七八九"
_FORMAL_UNITS = {"拾": 10, "佰": 100, "仟": 1000}
_LOWER_UNITS = {"十": 10, "百": 100, "千": 1000}
_DIGITS = "0-9０-９"
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CN = "一二三四五六七八九十百〇"
_FM = "壹貳參叁肆伍陸柒捌玖拾佰"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    # 壹、 貳． 參 (a space) — 、 ． . or nothing but a space after the number
    ("formal", re.compile(rf"^(?P<n>[{_FM}]+)\s*(?P<p>[、．.]|(?=\s))\s*(?P<rest>.*)$")),
    ("chinese", re.compile(rf"^(?P<n>[{_CN}]+)\s*(?P<p>[、．.]|[ \u3000](?=\S))\s*(?P<rest>.*)$")),
    ("paren_chinese", re.compile(rf"^(?P<o>[(（])\s*(?P<n>[{_CN}]+)\s*(?P<c>[)）])\s*[、．.]?\s*(?P<rest>.*)$")),
    ("paren_arabic", re.compile(rf"^(?P<o>[(（])\s*(?P<n>[{_DIGITS}]{{1,3}})\s*(?P<c>[)）])\s*(?P<rest>.*)$")),
    # "1." but not "2.0 版" or "3.5 公里", which start sentences, not items.
    ("arabic", re.compile(rf"^(?P<n>[{_DIGITS}]{{1,3}})\s*(?P<p>[.．、])(?![{_DIGITS}])\s*(?P<rest>.*)$")),
]


@dataclass(frozen=True)
class Mark:
    """The numbering mark of a line: its family, its number, how it is written, and the text after it."""

    family: str
    value: int
    template: str  # as NumberingStyle writes it: "{壹}、", "（{一}）", "({一})", "{1}.", "{1}、"
    rest: str


def chinese_value(text: str) -> int | None:
    """一 → 1, 十一 → 11, 二十 → 20, 一百零一 → 101; 壹 → 1, 拾壹 → 11; None when it is no numeral."""
    text = text.replace("叁", "參").replace("〇", "零")
    total, current = 0, 0
    for char in text:
        if char in _LOWER[1:] or char in _FORMAL[1:]:
            current = (_LOWER.find(char) if char in _LOWER else _FORMAL.find(char))
        elif char == "零":
            current = 0
        elif char in _LOWER_UNITS or char in _FORMAL_UNITS:
            unit = _LOWER_UNITS.get(char) or _FORMAL_UNITS[char]
            total += (current or 1) * unit
            current = 0
        else:
            return None
    value = total + current
    return value or None


@lru_cache(maxsize=65536)  # each line is asked about several times (goals, ladder, kinds)
def parse_mark(text: str) -> Mark | None:
    """The mark a line starts with, or None for ordinary text."""
    for family, pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        raw = match.group("n")
        value = int(raw.translate(_FULL_DIGITS)) if family in ("arabic", "paren_arabic") else chinese_value(raw)
        if value is None:
            continue
        digit = {"formal": "{壹}", "chinese": "{一}"}.get(family, "{一}" if family == "paren_chinese" else "{1}")
        if family.startswith("paren"):
            template = match.group("o") + digit + match.group("c")
        else:
            template = digit + (match.group("p") or " ")
        if value == 0:
            continue
        return Mark(family, value, template, match.group("rest").strip())
    return None


class AmbiguousNumberingError(CodedError, ValueError):
    """The document nests two numbering families both ways; ``str()`` names the lines, code "ambiguous_numbering"
    with ``line``/``lower``/``upper`` (the first nesting) and ``other_line`` (the other way round)."""


@dataclass
class Ladder:
    """The families of the document from the top level down, and how each is written most often."""

    families: list[str]
    templates: dict[str, str] = field(default_factory=dict)

    def level(self, family: str) -> int:
        return self.families.index(family)


def detect_ladder(marks: list[tuple[int, Mark]], *, bracket_width_known: bool = True) -> Ladder:
    """The ladder of ``marks`` (source line, mark), in document order.

    ``bracket_width_known`` is False for text extracted from a PDF, where （ comes out as ( whatever
    the page printed: the templates then keep the official full-width brackets.
    """
    present = sorted({m.family for _, m in marks}, key=FAMILIES.index)
    below: Counter[tuple[str, str]] = Counter()
    first_line: dict[tuple[str, str], int] = {}
    previous: Mark | None = None
    for line, mark in marks:
        if mark.value == 1 and previous is not None and previous.family != mark.family:
            edge = (previous.family, mark.family)
            below[edge] += 1
            first_line.setdefault(edge, line)
        previous = mark
    edges = {(upper, lower) for (upper, lower), count in below.items() if count > below.get((lower, upper), 0)}
    for (upper, lower), count in below.items():
        # A pair nested both ways as often is ambiguous unless the rest of the ladder orders it.
        if count == below.get((lower, upper), 0) and FAMILIES.index(upper) < FAMILIES.index(lower):
            if _reaches(edges, upper, lower) or _reaches(edges, lower, upper):
                continue
            first, second = sorted([(first_line[(upper, lower)], upper, lower), (first_line[(lower, upper)], lower, upper)])
            raise AmbiguousNumberingError(
                f"line {first[0]} puts {_example(first[2])} items under {_example(first[1])} items "
                f"but line {second[0]} puts {_example(second[2])} items under {_example(second[1])} items, "
                "as often, so the levels of the numbering are ambiguous",
                "ambiguous_numbering", line=first[0], lower=_example(first[2]), upper=_example(first[1]), other_line=second[0],
            )
    order: list[str] = []
    remaining = list(present)
    while remaining:
        free = [f for f in remaining if not any((u, f) in edges for u in remaining if u != f)]
        if not free:  # a cycle through three families: fall back on the official order
            free = remaining
        chosen = min(free, key=FAMILIES.index)
        order.append(chosen)
        remaining.remove(chosen)
    templates = {}
    written = Counter((m.family, m.template) for _, m in marks)  # one pass; first seen first among equals
    for family in order:
        template = max((t for f, t in written if f == family), key=lambda t: written[(family, t)])
        if family.startswith("paren") and not bracket_width_known:
            template = "（" + template[1:-1] + "）"
        templates[family] = template
    return Ladder(order, templates)


def _reaches(edges: set[tuple[str, str]], start: str, goal: str) -> bool:
    """Whether ``goal`` is below ``start`` through the ladder's other nestings."""
    seen, todo = {start}, [start]
    while todo:
        here = todo.pop()
        for upper, lower in edges:
            if upper == here and lower not in seen:
                if lower == goal:
                    return True
                seen.add(lower)
                todo.append(lower)
    return False


def _example(family: str) -> str:
    return {"formal": "壹、", "chinese": "一、", "paren_chinese": "（一）", "arabic": "1.", "paren_arabic": "（1）"}[family]
