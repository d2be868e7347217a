"""The rule on half-width and full-width punctuation mixed in one plan.

Chinese text takes full-width punctuation (，；：（）). A half-width mark counts only where it
sits in Chinese text: ``,`` ``;`` ``:`` between two Chinese characters, ``(`` ``)`` next to one.
So 「AI、IoT」, 「5G, 95%」 or 「YouBike 2.0 (Taiwan)」 never count. A kind of mark is mixed
when the plan uses both forms of it; the nodes holding the rarer form are reported (half-width
on a tie, since official documents use full-width), so that fixing the few makes it uniform.
"""
from __future__ import annotations

import re

from schema.checks.core import WARNING, Context, Found, rule
from schema.model import AnyNode

# Ideographs, CJK symbols and punctuation (「」、。) and full-width forms (，：（）).
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_ANY_HALF = re.compile(r"[,;:()]")  # found first, then judged by their neighbours: marks are rare

# kind of mark → (half-width marks, full-width marks, as shown in messages)
MARKS = {
    "comma": (",", "，"),
    "semicolon": (";", "；"),
    "colon": (":", "："),
    "parentheses": ("()", "（）"),
}
_FULL = {kind: re.compile(f"[{full}]") for kind, (_half, full) in MARKS.items()}  # where the full-width forms are
_KIND_OF = {",": "comma", ";": "semicolon", ":": "colon", "(": "parentheses", ")": "parentheses"}


def half_width_in_chinese(text: str) -> dict[str, int]:
    """Kind of mark → how many half-width marks of that kind sit in Chinese text."""
    counts: dict[str, int] = {}
    for match in _ANY_HALF.finditer(text):
        mark, start = match.group(), match.start()
        before = _neighbour(text, start, -1)
        if mark in ",;:":  # between two Chinese characters
            in_chinese = before and _neighbour(text, start, 1)
        else:  # a parenthesis next to one
            in_chinese = before or _neighbour(text, start, 1)
        if in_chinese:
            kind = _KIND_OF[mark]
            counts[kind] = counts.get(kind, 0) + 1
    return counts


def _neighbour(text: str, index: int, step: int) -> bool:
    """Whether the nearest character before (step -1) or after (step 1), spaces aside, is Chinese."""
    index += step
    while 0 <= index < len(text) and text[index] in " \t":
        index += step
    return 0 <= index < len(text) and _CJK_CHAR.match(text[index]) is not None


def full_width(text: str, kind: str) -> int:
    return sum(text.count(mark) for mark in MARKS[kind][1])


def _show(marks: str) -> str:
    return "".join(f"「{m}」" for m in marks)


@rule(
    "mixed-punctuation",
    WARNING,
    zh="全形與半形標點混用：此處用{form}{here_marks}（{here} 處），而本計畫用{other_form}{other_marks}共 {elsewhere} 處。",
    en="Half-width and full-width punctuation are mixed: {form} {here_marks} here ({here}), "
    "while the plan uses {other_form} {other_marks} {elsewhere} time(s).",
)
def mixed_punctuation(ctx: Context) -> Found:
    if not _ANY_HALF.search(ctx.rare_characters):  # the usual case, answered by one C-speed scan
        return
    half_by_node: list[tuple[AnyNode, dict[str, int]]] = []
    half_total: dict[str, int] = {}
    for node, strings in ctx.texts_with(_ANY_HALF):
        counts: dict[str, int] = {}
        for _field, text in strings:
            for kind, n in half_width_in_chinese(text).items():
                counts[kind] = counts.get(kind, 0) + n
        if counts:
            half_by_node.append((node, counts))
            for kind, n in counts.items():
                half_total[kind] = half_total.get(kind, 0) + n
    if not half_total:
        return
    everything = ctx.all_text
    half_name, full_name = ctx.word("半形", "half-width"), ctx.word("全形", "full-width")
    for kind, (half_marks, full_marks) in MARKS.items():
        halves = half_total.get(kind, 0)
        if not halves:
            continue  # full-width only (or neither): consistent
        fulls = full_width(everything, kind)
        if not fulls:
            continue  # half-width only: consistent
        half_shown, full_shown = _show(half_marks), _show(full_marks)
        if halves <= fulls:
            for node, counts in half_by_node:
                if kind in counts:
                    yield node, {
                        "form": half_name, "here_marks": half_shown, "here": counts[kind],
                        "other_form": full_name, "other_marks": full_shown, "elsewhere": fulls,
                    }
        else:
            for node, strings in ctx.texts_with(_FULL[kind]):
                here = sum(full_width(text, kind) for _field, text in strings)
                if here:
                    yield node, {
                        "form": full_name, "here_marks": full_shown, "here": here,
                        "other_form": half_name, "other_marks": half_shown, "elsewhere": halves,
                    }
