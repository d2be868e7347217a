"""Official numbering (公文編號), always derived from position, never stored.

The ladder of Taiwanese official documents: 壹、 → 一、 → （一） → 1. → （1）
(sections → focus areas (施政重點) → strategies (推動策略) → actions → sub-actions).
"""
from __future__ import annotations

_LOWER_DIGITS = "零一二三四五六七八九"
_UPPER_DIGITS = "零壹貳參肆伍陸柒捌玖"
_LOWER_UNITS = ("", "十", "百", "千")
_UPPER_UNITS = ("", "拾", "佰", "仟")


def chinese_numeral(n: int, *, formal: bool = False) -> str:
    """1 → 一 (or 壹), 10 → 十 (拾), 11 → 十一 (拾壹), 20 → 二十 (貳拾), 101 → 一百零一 (壹佰零壹).

    Supports 1 … 9999. Both forms drop the leading one of 10 … 19 (十一, 拾壹), as official
    documents print them; the formal (大寫) form is used for sections.
    """
    if not 1 <= n <= 9999:
        raise ValueError(f"cannot number item {n}: numbering runs from 1 to 9999")
    digits, units = (_UPPER_DIGITS, _UPPER_UNITS) if formal else (_LOWER_DIGITS, _LOWER_UNITS)
    parts: list[str] = []
    places = [int(c) for c in str(n)]
    pending_zero = False
    for position, digit in enumerate(places):
        unit = units[len(places) - 1 - position]
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append(digits[0])
            pending_zero = False
        parts.append(digits[digit] + unit)
    text = "".join(parts)
    if 10 <= n <= 19:
        text = text[1:]  # 十一 and 拾壹, not 一十一 and 壹拾壹
    return text


def section_number(index: int) -> str:
    """0 → 壹、"""
    return chinese_numeral(index + 1, formal=True) + "、"


def focus_area_number(index: int) -> str:
    """0 → 一、"""
    return chinese_numeral(index + 1) + "、"


def strategy_number(index: int) -> str:
    """0 → （一）"""
    return f"（{chinese_numeral(index + 1)}）"


def action_number(index: int) -> str:
    """0 → 1."""
    return f"{index + 1}."


def sub_action_number(index: int) -> str:
    """0 → （1）"""
    return f"（{index + 1}）"


LADDER = (section_number, focus_area_number, strategy_number, action_number, sub_action_number)
