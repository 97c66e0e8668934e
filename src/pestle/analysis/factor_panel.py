"""Entropy weights of a case's factors from the numeric series that measure them.

A factor names its series in factors.yaml (`series: [gdp_cny]`); the loader has checked that
each name is one measure of a reference series (`pestle.case.verify`). This module lines the
series up over periods, builds an `IndicatorPanel` (rows = periods, columns = series) and runs
`entropy_weights`; a factor's weight is the sum of its series' weights (the usual roll-up of
indicator weights to criteria).

Which values count. Values stated as `=` or `~` are used. Bounds (`>`, `>=`, `<`, `<=`, e.g.
GDP "exceeded 2 trillion yuan") are left out and listed: the true value is unknown, and using
the bound as if it were the value would invent precision.

How periods are aligned, and why. Entropy compares each series' spread across the rows, so the
rows must be observations of the same kind: a half-year GDP next to full-year GDPs would add
spread that is only a difference in length. Periods are therefore grouped by *kind*, the same
calendar span in different years: calendar years (Jan-Dec), the same cumulative months
(Jan-May 2023, Jan-May 2024), the same day of the year for stocks (Dec 31). A flow (a value
over an interval) matches only the identical interval; a stock (a value on a date, e.g.
installed capacity) matches the interval that ends on its date (the end-of-period stock, the
usual pairing in panel data) or the identical date. No value is interpolated, summed or
annualised. The rows of the panel are the periods of the one kind that every series with a
usable value has; when several kinds qualify, the kind with the most such periods wins (ties:
the longer span, then the earlier start).

When it does not apply. Entropy weights need at least `MIN_FACTORS` (2) factors with usable
values and at least `MIN_PERIODS` (3) common periods (with 2 rows each weight is a function of
a single ratio). Otherwise, or when the panel is refused (a value that is not positive, no
series that varies), the result is "not applicable" with a one-line reason naming each series
and the periods it has.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from pestle.analysis.entropy import EntropyResult, IndicatorPanel, entropy_weights
from pestle.errors import AnalysisError

if TYPE_CHECKING:
    import pandas as pd

    from pestle.case import Case, Factor, References
    from pestle.model import Period

MIN_FACTORS = 2
MIN_PERIODS = 3
USABLE = ("=", "~")  # qualifiers of values that are used; the rest are bounds
PANEL_NAME = "factor indicators"

Kind = tuple[Any, ...]
Observation = tuple["Period", float]  # a usable value of a series and its period


class SeriesCoverage(BaseModel):
    """One linked series: the factor it measures and the periods it has a value for."""

    model_config = ConfigDict(frozen=True)

    factor: str
    series: str
    unit: str | None
    periods: tuple[str, ...]  # ISO periods with a usable value, in time order
    bounds: tuple[str, ...]  # ISO periods whose value is only a bound (left out)
    bound_qualifiers: tuple[str, ...]  # the qualifier of each of `bounds`


class FactorEntropy(BaseModel):
    """Entropy weights of the factors' series over their common periods, or why there are none.

    When `applicable`, `panel` holds the values (rows `periods`, columns = series) and `result`
    the entropy, divergence and weight of each series; `factor_weights()` sums them by factor.
    Otherwise `reason` is one line saying why, naming each series and its periods.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    applicable: bool
    reason: str | None = None
    alignment: str | None = None  # the kind of the common periods, e.g. "calendar years"
    periods: tuple[str, ...] = ()  # the common periods (ISO), rows of the panel
    coverage: tuple[SeriesCoverage, ...] = ()
    panel: IndicatorPanel | None = None
    result: EntropyResult | None = None

    def factor_of(self) -> dict[str, str]:
        """Series -> the factor it measures."""
        return {c.series: c.factor for c in self.coverage}

    def factor_weights(self) -> dict[str, float]:
        """Factor -> sum of its series' weights (empty when not applicable)."""
        if self.result is None:
            return {}
        of = self.factor_of()
        weights: dict[str, float] = {}
        for series, weight in zip(self.result.indicators, self.result.weights, strict=True):
            weights[of[series]] = weights.get(of[series], 0.0) + weight
        return weights

    def to_frame(self) -> pd.DataFrame:
        """One row per linked series: factor, unit, usable periods, and (when applicable)
        entropy, divergence, weight and the factor's weight; NaN where there is none."""
        import pandas as pd

        nan = float("nan")
        scores: dict[str, tuple[float, float, float]] = {}
        if self.result is not None:
            r = self.result
            scores = {
                s: (e, d, w)
                for s, e, d, w in zip(r.indicators, r.entropy, r.divergence, r.weights, strict=True)
            }
        factor_weights = self.factor_weights()
        rows = []
        for c in self.coverage:
            entropy, divergence, weight = scores.get(c.series, (nan, nan, nan))
            rows.append(
                {
                    "series": c.series,
                    "factor": c.factor,
                    "unit": c.unit,
                    "periods": len(c.periods),
                    "entropy": entropy,
                    "divergence": divergence,
                    "weight": weight,
                    "factor_weight": factor_weights.get(c.factor, nan),
                }
            )
        columns = [
            "series",
            "factor",
            "unit",
            "periods",
            "entropy",
            "divergence",
            "weight",
            "factor_weight",
        ]
        return pd.DataFrame(rows, columns=columns).set_index("series")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: applicable, reason, alignment, periods, coverage, the panel's values,
        the per-series scores and the factor weights (None / empty when not applicable)."""
        of = self.factor_of()
        return {
            "name": self.name,
            "applicable": self.applicable,
            "reason": self.reason,
            "alignment": self.alignment,
            "periods": list(self.periods),
            "coverage": [c.model_dump(mode="json") for c in self.coverage],
            "panel": self.panel.model_dump(mode="json") if self.panel is not None else None,
            "series": [
                {"series": s, "factor": of[s], "entropy": e, "divergence": d, "weight": w}
                for s, e, d, w in zip(
                    self.result.indicators,
                    self.result.entropy,
                    self.result.divergence,
                    self.result.weights,
                    strict=True,
                )
            ]
            if self.result is not None
            else [],
            "factor_weights": self.factor_weights(),
        }


# -- periods ----------------------------------------------------------------------------------


def _month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def period_kind(period: Period) -> Kind:
    """The calendar span of `period` regardless of its year: periods of one kind are
    like-for-like (Jan-Dec 2022 and Jan-Dec 2023; Jan-May 2023 and Jan-May 2024)."""
    start, end = period.start, period.end
    if start == end:
        return ("day", end.month, end.day)
    if start.day == 1 and _month_end(end):
        return ("months", start.month, end.month, end.year - start.year)
    return ("days", start.month, start.day, end.month, end.day, end.year - start.year)


def kind_label(kind: Kind) -> str:
    """Words for a kind: "calendar years", "cumulative Jan-May", "Dec 31 of each year"."""
    month = calendar.month_abbr
    if kind[0] == "day":
        return f"{month[kind[1]]} {kind[2]} of each year"
    if kind[0] == "months" and kind[3] == 0:
        first, last = kind[1], kind[2]
        if (first, last) == (1, 12):
            return "calendar years"
        if first == 1:
            return f"cumulative Jan-{month[last]} of each year"
        return f"{month[first]}-{month[last]} of each year"
    return "periods of the same calendar span"


def period_label(period: Period) -> str:
    """Short words for a period: "2023", "Jan-Apr 2023", "2022-12-31"."""
    start, end = period.start, period.end
    if start == end:
        return end.isoformat()
    if start.day == 1 and _month_end(end) and start.year == end.year:
        if (start.month, end.month) == (1, 12):
            return str(end.year)
        first, last = calendar.month_abbr[start.month], calendar.month_abbr[end.month]
        return f"{first} {end.year}" if first == last else f"{first}-{last} {end.year}"
    return period.iso()


def _value_at(observations: Sequence[Observation], period: Period) -> float | None:
    """The series' value for `period`: the same interval, else a stock on its last day."""
    for when, value in observations:
        if when == period:
            return value
    if period.start != period.end:
        for when, value in observations:
            if when.start == when.end == period.end:
                return value
    return None


def _row(series: Sequence[Sequence[Observation]], period: Period) -> tuple[float, ...]:
    values = tuple(_value_at(s, period) for s in series)
    return tuple(v for v in values if v is not None)


# -- the analysis -----------------------------------------------------------------------------


def factor_entropy(
    factors: Sequence[Factor], references: References, *, name: str = PANEL_NAME
) -> FactorEntropy:
    """Entropy weights of `factors` from their linked `series` (see the module docstring)."""
    from pestle.case.verify import series_name

    coverage: list[SeriesCoverage] = []
    usable: dict[str, list[Observation]] = {}
    for factor in factors:
        for series in factor.series:
            entries = references.series(series)
            if not entries:
                raise AnalysisError(f"factor {factor.id}: no reference series {series!r}")
            measures = sorted({e.measure for e in entries})
            if len(measures) > 1:
                raise AnalysisError(
                    f"factor {factor.id}: series {series!r} has several measures "
                    f"({', '.join(measures)}); name one"
                )
            key = series_name(entries[0])
            if key in usable:
                raise AnalysisError(f"series {key!r} is linked to more than one factor")
            dated = sorted(
                ((e.period, e) for e in entries if e.period is not None),
                key=lambda pair: (pair[0].start, pair[0].end),
            )
            good = [(when, e.value) for when, e in dated if e.qualifier in USABLE]
            bad = [(when, e.qualifier) for when, e in dated if e.qualifier not in USABLE]
            usable[key] = good
            coverage.append(
                SeriesCoverage(
                    factor=factor.id,
                    series=key,
                    unit=entries[0].unit,
                    periods=tuple(when.iso() for when, _ in good),
                    bounds=tuple(when.iso() for when, _ in bad),
                    bound_qualifiers=tuple(q for _, q in bad),
                )
            )

    def not_applicable(reason: str, **fields: Any) -> FactorEntropy:
        return FactorEntropy(
            name=name, applicable=False, reason=reason, coverage=tuple(coverage), **fields
        )

    if not coverage:
        return not_applicable("no factor names a series (add `series:` to factors.yaml)")
    with_data = [c for c in coverage if c.periods]
    factors_with_data = list(dict.fromkeys(c.factor for c in with_data))
    if len(factors_with_data) < MIN_FACTORS:
        return not_applicable(
            f"entropy weights need at least {MIN_FACTORS} factors with usable values; "
            f"{len(factors_with_data)} {'has' if len(factors_with_data) == 1 else 'have'} "
            f"them — {_describe(coverage)}"
        )

    kind, periods = _common_periods([usable[c.series] for c in with_data])
    labels = tuple(p.iso() for p in periods)
    alignment = kind_label(kind) if kind is not None else None
    if len(periods) < MIN_PERIODS:
        shared = (
            f"only {len(periods)} ({alignment}: {', '.join(period_label(p) for p in periods)})"
            if periods
            else "none"
        )
        return not_applicable(
            f"entropy weights need at least {MIN_PERIODS} periods of one kind that every "
            f"series with usable values has; they share {shared} — {_describe(coverage)}",
            alignment=alignment,
            periods=labels,
        )
    series = tuple(c.series for c in with_data)
    values = tuple(_row([usable[s] for s in series], p) for p in periods)
    try:
        panel = IndicatorPanel(name=name, periods=labels, indicators=series, values=values)
        result = entropy_weights(panel)
    except AnalysisError as exc:
        return not_applicable(str(exc), alignment=alignment, periods=labels)
    return FactorEntropy(
        name=name,
        applicable=True,
        alignment=alignment,
        periods=labels,
        coverage=tuple(coverage),
        panel=panel,
        result=result,
    )


def case_entropy(case: Case) -> FactorEntropy:
    """`factor_entropy` of a loaded case's factors and reference data."""
    return factor_entropy(case.factors, case.references)


def _common_periods(
    series: Sequence[Sequence[Observation]],
) -> tuple[Kind | None, tuple[Period, ...]]:
    """The kind with the most periods that every series has a value for, and those periods."""
    candidates: dict[Kind, set[Period]] = {}
    for observations in series:
        for when, _ in observations:
            candidates.setdefault(period_kind(when), set()).add(when)
    best_kind: Kind | None = None
    best: tuple[Period, ...] = ()
    best_key: tuple[int, int, int] | None = None
    for kind, periods in candidates.items():
        common = tuple(
            sorted(
                (p for p in periods if all(_value_at(s, p) is not None for s in series)),
                key=lambda p: (p.start, p.end),
            )
        )
        if not common:
            continue
        key = (len(common), common[0].days, -common[0].start.toordinal())
        if best_key is None or key > best_key:
            best_kind, best, best_key = kind, common, key
    return best_kind, best


def _describe(coverage: Sequence[SeriesCoverage]) -> str:
    """Each series with the periods it has (and the bounds left out), for a reason line."""
    from pestle.model import Period

    parts = []
    for c in coverage:
        have = ", ".join(period_label(Period.parse(p)) for p in c.periods) or "no usable values"
        text = f"{c.factor}/{c.series}: {have}"
        if c.bounds:
            left = ", ".join(
                f"{period_label(Period.parse(p))} ({q})"
                for p, q in zip(c.bounds, c.bound_qualifiers, strict=True)
            )
            text += f" [bounds left out: {left}]"
        parts.append(text)
    return "; ".join(parts)


__all__ = [
    "MIN_FACTORS",
    "MIN_PERIODS",
    "FactorEntropy",
    "SeriesCoverage",
    "case_entropy",
    "factor_entropy",
    "kind_label",
    "period_kind",
    "period_label",
]
