"""Dates in 民國 years (the Republic of China calendar: 民國109年 is 2020), as the plan's periods and labels count them.

The file keeps ISO dates (YYYY-MM-DD, sortable, what every tool reads); people read them in the
plan's own calendar. :func:`roc_parts` is the one conversion; the window phrases it in the interface
language (``editor.ui.i18n.roc_date_text``: 民國109年3月1日).
"""
from __future__ import annotations

import datetime
from typing import NamedTuple

ROC_OFFSET = 1911  # 民國1年 is 1912


class RocDate(NamedTuple):
    """A date in 民國 years; ``year`` ≤ 0 for a year before 民國1年 (民國前 1 - year 年)."""

    year: int
    month: int
    day: int
    time: str  # "HH:MM" when the value held a time, else ""
    iso: str  # the date as YYYY-MM-DD


def roc_year(year: int) -> int:
    return year - ROC_OFFSET


def roc_parts(value: str | datetime.date | datetime.datetime) -> RocDate | None:
    """The 民國 date of an ISO date or date and time (or a date object); None for anything else."""
    when: datetime.date | datetime.datetime
    if isinstance(value, (datetime.date, datetime.datetime)):
        when = value
    else:
        text = (value or "").strip()
        try:
            when = datetime.datetime.fromisoformat(text) if "T" in text or " " in text else datetime.date.fromisoformat(text)
        except ValueError:
            return None
    time = when.strftime("%H:%M") if isinstance(when, datetime.datetime) else ""
    return RocDate(roc_year(when.year), when.month, when.day, time, when.strftime("%Y-%m-%d"))


def roc_date(value: str | datetime.date | datetime.datetime) -> str:
    """「民國109年3月1日」 (with 「 10:20」 when it holds a time); the value unchanged when it is not a date."""
    parts = roc_parts(value)
    if parts is None:
        return value if isinstance(value, str) else str(value)
    year = f"民國{parts.year}年" if parts.year > 0 else f"民國前{1 - parts.year}年"
    text = f"{year}{parts.month}月{parts.day}日"
    return f"{text} {parts.time}" if parts.time else text
