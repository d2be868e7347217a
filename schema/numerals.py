"""Chinese numerals and numbering templates as text: pure Python, for what must not import the models
(schema.summary on the command line's plain-data path); schema.numbering says which node has which number."""
from __future__ import annotations

from functools import lru_cache

_LOWER_DIGITS = "零一二三四五六七八九"
_UPPER_DIGITS = "零壹貳參肆伍陸柒捌玖"
_LOWER_UNITS = ("", "十", "百", "千")
_UPPER_UNITS = ("", "拾", "佰", "仟")


@lru_cache(maxsize=20_000)  # every view, export and check numbers the same few items again and again
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


def format_number(template: str, index: int) -> str:
    """The number of the item at ``index`` (0-based) written by a style's template:
    ("{壹}、", 1) → 貳、, ("（{一}）", 10) → （十一）, ("{1}、", 0) → 1、."""
    n = index + 1
    if "{壹}" in template:
        return template.replace("{壹}", chinese_numeral(n, formal=True))
    if "{一}" in template:
        return template.replace("{一}", chinese_numeral(n))
    return template.replace("{1}", str(n))
