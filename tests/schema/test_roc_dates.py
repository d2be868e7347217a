"""民國 dates: one conversion of ISO dates for everything the window shows."""
from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from schema.roc_dates import RocDate, roc_date, roc_parts


def test_iso_dates_and_times_read_in_roc_years():
    assert roc_date("2020-03-01") == "民國109年3月1日"
    assert roc_date("2019-12-31T23:05:09Z") == "民國108年12月31日 23:05"
    assert roc_date(datetime.date(1912, 1, 1)) == "民國1年1月1日"
    assert roc_date("1911-10-10") == "民國前1年10月10日"
    assert roc_parts("2021-06-30") == RocDate(110, 6, 30, "", "2021-06-30")


def test_what_is_not_a_date_stays_as_it_is():
    assert roc_date("") == "" and roc_date("去年春天") == "去年春天" and roc_date("2020-13-01") == "2020-13-01"
    assert roc_parts("109/03/01") is None


@given(st.dates(min_value=datetime.date(1912, 1, 1)))
def test_every_date_keeps_its_day_and_moves_its_year_by_1911(day):
    parts = roc_parts(day.isoformat())
    assert (parts.year + 1911, parts.month, parts.day) == (day.year, day.month, day.day)
    assert roc_date(day) == f"民國{day.year - 1911}年{day.month}月{day.day}日"
