"""Dates in 民國 years (the Republic of China calendar: 民國109年 is 2020), as the plan's periods and labels count them.

The file keeps ISO dates (YYYY-MM-DD, sortable, what every tool reads); people read them in the
plan's own calendar. :func:`roc_parts` is the one conversion; the window phrases it in the interface
language (``editor.ui.i18n.roc_date_text``: 民國109年3月1日).
"""
from __future__ import annotations

import datetime
from collections.abc import Iterable
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


def revision_time(text: str) -> datetime.datetime | None:
    """When a revision was made, for a document's metadata and its tracked changes: its date (or
    date and time) in UTC, midnight for a date alone; None when there is none or it is not ISO."""
    try:
        when = datetime.datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    if when is None:
        return None
    # A date with an offset (2019-05-06T10:20:30+08:00) is converted to UTC, not relabelled.
    return when.replace(tzinfo=datetime.UTC) if when.tzinfo is None else when.astimezone(datetime.UTC)


def export_time(dates: Iterable[str], first_year: int) -> datetime.datetime:
    """The date an export carries (core.xml, zip entries, tracked changes): the first of ``dates`` that
    holds one (a revision's own, then the newest dated revision's), to the second; else 1 January of the
    plan's first (民國) year. Never the clock, so that the same plan gives the same bytes."""
    for text in dates:
        when = revision_time(text)
        if when is not None:
            return when.replace(microsecond=0)
    return datetime.datetime(first_year + ROC_OFFSET, 1, 1, tzinfo=datetime.UTC)
