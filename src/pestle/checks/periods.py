"""Period compatibility: two values are compared only when their periods allow it.

A rule asks one of these functions before it compares; when the answer is "no", the
check is reported `unknown` with the reason given here, never passed in silence.

- `same`: flows (GDP, value added, trade over a period) compare only over the same days.
- `comparable`: for a sense of scale only (magnitude), flows over different periods are
  compared as rates per day, when both periods are stated and lie close enough in time.
- `prior_year`: the period one year earlier, the base of a year-on-year growth rate.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from pestle.model import Period

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: Periods further apart than this (between midpoints) are not comparable even for scale.
MAX_GAP_DAYS = 2 * 366


@dataclass(frozen=True)
class Compatibility:
    """Whether two periods may be compared, and why (in plain words)."""

    ok: bool
    reason: str


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _whole_months(period: Period) -> tuple[int, int] | None:
    """(first, last) month of a period of whole months within one year, else None."""
    s, e = period.start, period.end
    if s.year != e.year or s.day != 1 or e.day != _last_day(e.year, e.month):
        return None
    return s.month, e.month


def label(period: Period | None) -> str:
    """A short human name: '2024', 'Q1 2025', 'H1 2023', 'Jan–May 2025', '2024-02-26'."""
    if period is None:
        return "no period stated"
    if period.start == period.end:
        return period.start.isoformat()
    months = _whole_months(period)
    if months is None:
        return period.iso()
    first, last = months
    year = period.start.year
    if (first, last) == (1, 12):
        return str(year)
    if first == last:
        return f"{_MONTHS[first - 1]} {year}"
    if last - first == 2 and first % 3 == 1:
        return f"Q{(first + 2) // 3} {year}"
    if last - first == 5 and first in (1, 7):
        return f"H{1 if first == 1 else 2} {year}"
    return f"{_MONTHS[first - 1]}–{_MONTHS[last - 1]} {year}"


def _shift_date(day: date, years: int, *, month_end: bool) -> date:
    year = day.year + years
    last = _last_day(year, day.month)
    if month_end:
        return date(year, day.month, last)
    return date(year, day.month, min(day.day, last))


def shift_years(period: Period, years: int) -> Period:
    """The same calendar span `years` later (negative: earlier); month ends stay month ends."""
    end_is_month_end = period.end.day == _last_day(period.end.year, period.end.month)
    return Period(
        start=_shift_date(period.start, years, month_end=False),
        end=_shift_date(period.end, years, month_end=end_is_month_end),
    )


def prior_year(period: Period) -> Period:
    """The base period of a year-on-year growth rate."""
    return shift_years(period, -1)


def same(a: Period | None, b: Period | None) -> Compatibility:
    """Flows compare only over the same days."""
    if a is None or b is None:
        missing = "the first figure" if a is None else "the second figure"
        if a is None and b is None:
            missing = "neither figure"
            return Compatibility(False, f"{missing} states a period")
        return Compatibility(False, f"{missing} states no period")
    if a == b:
        return Compatibility(True, f"same period ({label(a)})")
    return Compatibility(False, f"different periods ({label(a)} and {label(b)})")


def _midpoint(period: Period) -> date:
    return period.start + (period.end - period.start) / 2


def gap_days(a: Period, b: Period) -> int:
    """Days between the midpoints of two periods."""
    return abs((_midpoint(a) - _midpoint(b)).days)


def comparable(
    a: Period | None, b: Period | None, *, max_gap_days: int = MAX_GAP_DAYS
) -> Compatibility:
    """Flows over different periods compare as daily rates, if both are dated and close."""
    if a is None or b is None:
        return same(a, b)
    if a == b:
        return Compatibility(True, f"same period ({label(a)})")
    gap = gap_days(a, b)
    if gap > max_gap_days:
        return Compatibility(
            False, f"{label(a)} and {label(b)} are {gap} days apart (limit {max_gap_days})"
        )
    return Compatibility(
        True, f"{label(a)} and {label(b)} compared as amounts per day ({gap} days apart)"
    )
