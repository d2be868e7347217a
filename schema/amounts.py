"""Amounts of money in the plan: one unit and one precision for the detail pane, the file and every export.

A strategy's budget (預算) is kept per ROC year in 千元 (thousands of NT$), the unit the published plans
print. An amount has at most :data:`DECIMALS` decimals (0.001 千元 is one NT$, the smallest amount there
is); it is written with thousands separators and without trailing zeros: 1234.5 → 「1,234.5」,
12500 → 「12,500」. Typed text is read by :func:`parse_amount`, which refuses what is not an amount with
an :class:`AmountError` carrying a code and the text, so each interface phrases it in its own language.
"""
from __future__ import annotations

import math
import re

UNIT = "千元"
UNIT_EN = "NT$ thousand"
DECIMALS = 3
LABEL = f"預算（{UNIT}）"  # the row label of the budget in the official document and the 修正對照表

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


class AmountError(ValueError):
    """Typed text that is not an amount. ``code``: 'not_a_number', 'negative' or 'too_precise'."""

    def __init__(self, code: str, text: str):
        self.code = code
        self.text = text
        english = {
            "not_a_number": f"{text!r} is not a number (amounts are in {UNIT_EN})",
            "negative": f"{text!r} is negative: an amount is 0 or more",
            "too_precise": f"{text!r} has more than {DECIMALS} decimals (0.001 {UNIT_EN} is one NT$)",
        }[code]
        super().__init__(english)


def normalise(amount: float) -> float:
    """``amount`` rounded to :data:`DECIMALS` (a sum of floats such as 0.1 + 0.2 stays 0.3)."""
    value = round(float(amount), DECIMALS)
    return 0.0 if value == 0 else value  # never -0.0


def parse_amount(text: str) -> float:
    """The amount a user typed: 「12,500」, 「1234.5」, 「 800 」, full-width digits too; AmountError otherwise."""
    cleaned = text.strip().translate(_FULL_WIDTH).replace(",", "").replace(" ", "")
    if not _NUMBER.match(cleaned):
        raise AmountError("not_a_number", text.strip())
    value = float(cleaned)
    if not math.isfinite(value):
        raise AmountError("not_a_number", text.strip())
    if value < 0:
        raise AmountError("negative", text.strip())
    decimals = cleaned.split(".", 1)[1] if "." in cleaned else ""
    if len(decimals.rstrip("0")) > DECIMALS:
        raise AmountError("too_precise", text.strip())
    return normalise(value)


def format_amount(amount: float) -> str:
    """「1,234.5」: thousands separators, as many decimals as the amount has (at most DECIMALS)."""
    value = normalise(amount)
    text = f"{value:,.{DECIMALS}f}".rstrip("0").rstrip(".")
    return text


def format_with_unit(amount: float) -> str:
    """「1,234.5千元」, as the 修正對照表 and the comparison print it."""
    return f"{format_amount(amount)}{UNIT}"


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋　", "0123456789.,-+ ")
