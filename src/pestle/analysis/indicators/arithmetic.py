"""The small arithmetic the indicators share: shares, Herfindahl concentration,
growth-implied prior-period bases and their qualifiers, the year before a period, and
whether a computed value meets a stated bound ("> 50")."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from pestle.errors import AnalysisError
from pestle.model import Period


def shares(values: Sequence[float]) -> tuple[float, ...]:
    """Each value as a fraction of their sum (0..1)."""
    total = float(sum(values))
    if not values or total <= 0 or any(v < 0 for v in values):
        raise AnalysisError(f"shares need non-negative values with a positive sum, got {values}")
    return tuple(float(v) / total for v in values)


def herfindahl(fractions: Sequence[float]) -> tuple[float, float, float]:
    """(H, normalised H*, equivalent number 1/H) of shares given as fractions summing to 1.

    H = sum s_i^2 ranges 1/n..1; H* = (H - 1/n) / (1 - 1/n) ranges 0..1 (0 for n = 1).
    """
    n = len(fractions)
    h = float(sum(s * s for s in fractions))
    normalised = (h - 1 / n) / (1 - 1 / n) if n > 1 else 0.0
    return h, normalised, 1 / h


def implied_base(value: float, growth_pct: float) -> float:
    """The prior-period value a growth rate implies: value / (1 + growth / 100)."""
    if growth_pct <= -100:
        raise AnalysisError(f"growth of {growth_pct:g} % implies no prior-period value")
    return value / (1 + growth_pct / 100)


_DIRECTION = {"=": 0, ">": 1, ">=": 1, "<": -1, "<=": -1}


def base_qualifier(value_qualifier: str, growth_qualifier: str) -> str:
    """Qualifier of value / (1 + g): it follows the value's and runs against the growth's."""
    if "~" in (value_qualifier, growth_qualifier):
        return "~"
    d_value = _DIRECTION[value_qualifier]
    d_growth = -_DIRECTION[growth_qualifier]
    if d_value and d_growth and d_value != d_growth:
        return "~"  # bounds in opposite directions: no bound survives
    direction = d_value or d_growth
    if direction == 0:
        return "="
    strict = value_qualifier in (">", "<") or growth_qualifier in (">", "<")
    return (">" if direction > 0 else "<") + ("" if strict else "=")


def year_before(period: Period) -> Period:
    """The same calendar span one year earlier (29 February becomes 28 February)."""

    def back(d: date) -> date:
        try:
            return d.replace(year=d.year - 1)
        except ValueError:
            return d.replace(year=d.year - 1, day=28)

    return Period(start=back(period.start), end=back(period.end))


def holds(value: float, qualifier: str, bound: float) -> bool | None:
    """Whether `value` satisfies "qualifier bound" (50.4 satisfies "> 50"); None for "~"
    (an approximate statement has no tolerance to test against)."""
    if qualifier == "~":
        return None
    return {
        "=": math.isclose(value, bound, rel_tol=1e-9),
        ">": value > bound,
        ">=": value >= bound,
        "<": value < bound,
        "<=": value <= bound,
    }[qualifier]
