"""The month type: one format, one label, one usage error for every place that names a month."""

from __future__ import annotations

import datetime as dt

import pytest

from scripts.common.errors import UsageError
from scripts.common.period import Period, parse_year


@pytest.mark.parametrize("text", ["2026-11", "2000-01", "2026-12"])
def test_round_trip(text):
    assert str(Period.parse(text)) == text


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-1", "11/2026", "", None, 202611, "2026-11 "])
def test_not_a_month(text):
    assert Period.match(text) is None
    with pytest.raises(UsageError, match=r"không đúng dạng YYYY-MM \(ví dụ 2026-11\)"):
        Period.parse(text)


def test_label_order_and_days():
    november = Period.parse("2026-11")
    assert november.label == "Tháng 11/2026"
    assert Period.of(dt.date(2026, 11, 29)) == november
    assert november.day(15) == dt.date(2026, 11, 15)
    assert Period(2026, 9) < november < Period(2027, 1)
    assert [str(p) for p in Period.months_of(2026)][::11] == ["2026-01", "2026-12"]


@pytest.mark.parametrize("text", ["1999", "26", "năm nay", ""])
def test_not_a_year(text):
    with pytest.raises(UsageError, match="không đúng dạng YYYY"):
        parse_year(text)
