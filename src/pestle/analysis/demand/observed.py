"""The observed capacity path: what was actually built, then a projection from it.

From the case's installed-capacity history (year-end wind and solar stocks, each with its
source) come the yearly additions by technology: the difference of two consecutive year-end
stocks, where both are stated (a gap in the history is a gap in the additions, never
interpolated). The demand model's `observed` path takes those additions as they are for
every year up to `observed_until`, and projects later years from the last observed one:

    additions(y) = additions(last) x (1 + g) ^ (y - last),   g ~ projection_growth
    wind(y) = additions(y) x s,                              s ~ projection_wind_share

Both `g` and `s` are uncertain parameters with a stated range (the case's parameters file
says why). A backtest (`pestle.results`) sets `observed_until` earlier than the last
observation and compares the projection with what was then built.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pestle.errors import AnalysisError
from pestle.model.capacity import CapacityObservation, ObservedCapacity


@dataclass(frozen=True)
class YearlyAdditions:
    """Wind and solar capacity added in one calendar year (W), from two year-end stocks."""

    year: int
    wind_w: float
    solar_w: float
    sources: tuple[str, ...]  # the sources of the two stocks
    lower_bound: bool = False  # a stock is stated as a lower bound ('>')

    @property
    def total_w(self) -> float:
        return self.wind_w + self.solar_w

    @property
    def wind_share(self) -> float:
        return self.wind_w / self.total_w if self.total_w > 0 else float("nan")


@dataclass(frozen=True)
class ObservedAdditions:
    """Additions by year, from the history; `gaps` lists years without them."""

    additions: tuple[YearlyAdditions, ...]
    gaps: tuple[int, ...]
    stocks: tuple[CapacityObservation, ...]  # the year-end stocks they come from
    path: str | None = None

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(a.year for a in self.additions)

    def get(self, year: int) -> YearlyAdditions | None:
        return next((a for a in self.additions if a.year == year), None)

    def until(self, year: int) -> ObservedAdditions:
        """The history as it was known at the end of `year` (for a backtest)."""
        return ObservedAdditions(
            additions=tuple(a for a in self.additions if a.year <= year),
            gaps=tuple(g for g in self.gaps if g <= year),
            stocks=tuple(s for s in self.stocks if s.year <= year),
            path=self.path,
        )


def yearly_additions(history: ObservedCapacity) -> ObservedAdditions:
    """Additions by year from the year-end stocks that state both wind and solar."""
    stocks = {
        o.year: o
        for o in history.observations
        if o.year_end and not o.gap and o.wind_w is not None and o.solar_w is not None
    }
    if not stocks:
        return ObservedAdditions((), (), (), history.path)
    first, last = min(stocks), max(stocks)
    additions: list[YearlyAdditions] = []
    gaps: list[int] = []
    for year in range(first + 1, last + 1):
        now, before = stocks.get(year), stocks.get(year - 1)
        if now is None or before is None:
            gaps.append(year)
            continue
        assert now.wind_w is not None and now.solar_w is not None  # filtered above
        assert before.wind_w is not None and before.solar_w is not None
        additions.append(
            YearlyAdditions(
                year=year,
                wind_w=max(now.wind_w - before.wind_w, 0.0),
                solar_w=max(now.solar_w - before.solar_w, 0.0),
                sources=tuple(dict.fromkeys((before.source, now.source))),
                lower_bound=">" in (now.qualifier, before.qualifier),
            )
        )
    return ObservedAdditions(
        additions=tuple(additions),
        gaps=tuple(gaps),
        stocks=tuple(stocks[y] for y in sorted(stocks)),
        path=history.path,
    )


def observed_path_w(
    observed: ObservedAdditions,
    years: np.ndarray,
    *,
    until: int,
    growth: np.ndarray | float,
    wind_share: np.ndarray | float,
) -> tuple[np.ndarray, np.ndarray]:
    """Wind and solar additions per year, each (Y, n) in W: observed up to `until`, then
    projected from the last observed year at or before `until`."""
    known = observed.until(until)
    if not known.additions:
        where = f"{observed.path}: " if observed.path else ""
        raise AnalysisError(
            f"{where}no yearly additions up to {until} (two consecutive year-end stocks of "
            "wind and solar): the observed capacity path needs them",
            parameter="observed_until",
        )
    g = np.asarray(growth, dtype=float).reshape(1, -1)
    s = np.asarray(wind_share, dtype=float).reshape(1, -1)
    n = max(g.shape[1], s.shape[1])
    last = known.additions[-1]
    y = np.asarray(years, dtype=int).reshape(-1, 1)
    ahead = np.maximum(y - last.year, 0)
    projected = last.total_w * (1.0 + g) ** ahead
    by_year = {a.year: a for a in known.additions}
    observed_wind = np.array([[by_year[v].wind_w if v in by_year else np.nan] for v in y[:, 0]])
    observed_solar = np.array([[by_year[v].solar_w if v in by_year else np.nan] for v in y[:, 0]])
    is_observed = np.isfinite(observed_wind)
    future = y > last.year
    wind = np.where(is_observed, observed_wind, np.where(future, projected * s, 0.0))
    solar = np.where(is_observed, observed_solar, np.where(future, projected * (1.0 - s), 0.0))
    return np.broadcast_to(wind, (len(y), n)).copy(), np.broadcast_to(solar, (len(y), n)).copy()


__all__ = ["ObservedAdditions", "YearlyAdditions", "observed_path_w", "yearly_additions"]
