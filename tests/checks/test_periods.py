"""Period helpers: names, prior years, and when two periods may be compared."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pestle.checks import periods
from pestle.model import Period


@pytest.mark.parametrize(
    ("period", "name"),
    [
        (Period.year(2024), "2024"),
        (Period.quarter(2025, 1), "Q1 2025"),
        (Period.half(2023, 1), "H1 2023"),
        (Period.half(2023, 2), "H2 2023"),
        (Period.months(2025, 1, 5), "Jan–May 2025"),
        (Period.months(2023, 5, 5), "May 2023"),
        (Period.day(date(2024, 2, 26)), "2024-02-26"),
        (Period.parse("2024-01-15/2024-03-10"), "2024-01-15/2024-03-10"),
        (None, "no period stated"),
    ],
)
def test_labels(period, name):
    assert periods.label(period) == name


def test_prior_year_keeps_month_ends():
    assert periods.prior_year(Period.months(2024, 1, 2)) == Period.months(2023, 1, 2)  # Feb 29
    assert periods.prior_year(Period.months(2025, 1, 2)) == Period.months(2024, 1, 2)  # -> 29
    assert periods.prior_year(Period.half(2023, 1)) == Period.half(2022, 1)


@given(st.dates(date(1950, 1, 1), date(2090, 12, 31)), st.integers(0, 800))
def test_prior_year_is_a_year_earlier(start, length):
    period = Period(start=start, end=start + timedelta(days=length))
    prior = periods.prior_year(period)
    assert prior.start.year == period.start.year - 1
    assert prior.end.year == period.end.year - 1
    assert abs(prior.days - period.days) <= 1


def test_same_needs_both_periods_equal():
    q1 = Period.quarter(2025, 1)
    assert periods.same(q1, q1).ok
    assert not periods.same(q1, Period.quarter(2024, 1)).ok
    assert periods.same(q1, None).reason == "the second figure states no period"
    assert periods.same(None, None).reason == "neither figure states a period"


def test_comparable_within_two_years_only():
    assert periods.comparable(Period.months(2025, 1, 5), Period.months(2024, 1, 2)).ok
    far = periods.comparable(Period.year(2025), Period.year(2020))
    assert not far.ok and "days apart" in far.reason
    assert not periods.comparable(Period.year(2025), None).ok
