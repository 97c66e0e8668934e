"""The observed capacity path: what was actually built, then a projection from it.

From the case's installed-capacity history (stocks by date and additions a source states,
each with its source) come the wind and solar additions of each calendar year, by these
rules, in this order (nothing is interpolated between figures; a year no rule reaches is a
gap):

1. two year-end stocks of both technologies, one year apart: their differences;
2. a stated addition for the year: as stated (its technology split, if the source gives
   one);
3. two year-end stocks of both technologies further apart (the years between them have no
   such stock): the interval's additions, less the years that rule 2 gives, spread evenly
   over its other years, each year with the interval's wind share;
4. two year-end stocks of wind + solar together: the difference, with no technology split
   (the model then draws the split: `projection_wind_share`).

The demand model's `observed` path takes these additions as they are for every observed
year of its horizon, and projects the years after the last one:

    additions(y) = additions(last) x (1 + g) ^ (y - last),   g ~ projection_growth
    wind(y) = additions(y) x s,                              s ~ projection_wind_share

A backtest (`backtest.py`) cuts the history at an earlier year and compares the projection
with what was then built.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from pestle.errors import AnalysisError
from pestle.model.capacity import CapacityObservation, ObservedCapacity


@dataclass(frozen=True)
class YearlyAdditions:
    """New wind + solar capacity of one calendar year (W), with the split where known."""

    year: int
    total_w: float
    wind_share: float | None  # None: the sources give no technology split
    how: str  # which rule gave it (see the module docstring)
    sources: tuple[str, ...]
    lower_bound: bool = False  # a figure it rests on is stated as a lower bound ('>')

    @property
    def wind_w(self) -> float | None:
        return None if self.wind_share is None else self.total_w * self.wind_share

    @property
    def solar_w(self) -> float | None:
        return None if self.wind_share is None else self.total_w * (1.0 - self.wind_share)


@dataclass(frozen=True)
class ObservedAdditions:
    """Additions by year derived from a history; `gaps` lists the years after the first
    stock that no rule reaches."""

    additions: tuple[YearlyAdditions, ...]
    gaps: tuple[int, ...]
    history: ObservedCapacity

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(a.year for a in self.additions)

    @property
    def path(self) -> str | None:
        return self.history.path

    def get(self, year: int) -> YearlyAdditions | None:
        return next((a for a in self.additions if a.year == year), None)

    def until(self, year: int) -> ObservedAdditions:
        """The additions as they could be derived at the end of `year` (a backtest's view:
        no later stock or statement is used, not even to split an interval)."""
        h = self.history
        return yearly_additions(
            ObservedCapacity(
                tuple(o for o in h.observations if o.year <= year),
                tuple(a for a in h.additions if a.year <= year),
                h.path,
            )
        )


def _year_end(history: ObservedCapacity, split: bool) -> dict[int, CapacityObservation]:
    out: dict[int, CapacityObservation] = {}
    for o in history.observations:
        if o.gap or not o.year_end:
            continue
        has_split = o.wind_w is not None and o.solar_w is not None
        if has_split if split else _total(o) is not None:
            out[o.year] = o
    return out


def _total(o: CapacityObservation) -> float | None:
    if o.total_w is not None:
        return o.total_w
    if o.wind_w is not None and o.solar_w is not None:
        return o.wind_w + o.solar_w
    return None


def yearly_additions(history: ObservedCapacity) -> ObservedAdditions:
    """Additions by year from a history, by the rules of the module docstring."""
    split = _year_end(history, split=True)
    totals = _year_end(history, split=False)
    stated = {a.year: a for a in history.additions}
    found: dict[int, YearlyAdditions] = {}
    for year, a in stated.items():  # rule 2 (rule 1 overrides it below where it applies)
        if a.wind_w is not None and a.solar_w is not None:
            total, share = a.wind_w + a.solar_w, a.wind_w / max(a.wind_w + a.solar_w, 1e-9)
        elif a.total_w is not None:
            total, share = a.total_w, None
        else:
            continue
        found[year] = YearlyAdditions(year, total, share, "stated", (a.source,))
    years = sorted(split)
    for before, after in itertools.pairwise(years):
        p, q = split[before], split[after]
        assert p.wind_w is not None and p.solar_w is not None
        assert q.wind_w is not None and q.solar_w is not None
        wind = max(q.wind_w - p.wind_w, 0.0)
        solar = max(q.solar_w - p.solar_w, 0.0)
        total = wind + solar
        share = wind / total if total > 0 else None
        bound = ">" in (p.qualifier, q.qualifier)
        sources = tuple(dict.fromkeys((p.source, q.source)))
        if after - before == 1:  # rule 1
            found[after] = YearlyAdditions(after, total, share, "year-end stocks", sources, bound)
            continue
        inside = range(before + 1, after + 1)  # rule 3
        given = {y: found[y] for y in inside if y in found}
        rest = [y for y in inside if y not in given]
        left = max(total - sum(a.total_w for a in given.values()), 0.0)
        for y in inside:
            if y in given:
                a = given[y]
                found[y] = YearlyAdditions(
                    y, a.total_w, share if a.wind_share is None else a.wind_share,
                    f"stated; split as {before}-{after} stocks", (*a.sources, *sources), bound,
                )  # fmt: skip
            else:
                found[y] = YearlyAdditions(
                    y, left / len(rest), share,
                    f"{before}-{after} stocks less stated years, spread evenly", sources, bound,
                )  # fmt: skip
    years = sorted(totals)
    for before, after in itertools.pairwise(years):  # rule 4
        if after - before != 1 or after in found:
            continue
        p_total, q_total = _total(totals[before]), _total(totals[after])
        assert p_total is not None and q_total is not None
        found[after] = YearlyAdditions(
            after,
            max(q_total - p_total, 0.0),
            None,
            "year-end totals (no split)",
            tuple(dict.fromkeys((totals[before].source, totals[after].source))),
            ">" in (totals[before].qualifier, totals[after].qualifier),
        )
    stocks = sorted(set(split) | set(totals))
    gaps: tuple[int, ...] = ()
    if stocks:  # the years after the first stock that no rule reaches
        last = max(stocks[-1], max(stated, default=stocks[-1]))
        gaps = tuple(y for y in range(stocks[0] + 1, last + 1) if y not in found)
    return ObservedAdditions(tuple(found[y] for y in sorted(found)), gaps, history)


def wind_vintages(observed: ObservedAdditions) -> tuple[tuple[int, float], ...]:
    """Wind capacity built in each year (W), for the fleet's age: the wind part of the
    yearly additions where they are known by technology; before them, the differences of
    the wind year-end stocks spread evenly over the years between them; the first wind
    stock counts as built in its own year (its farms' exact years are not in the data)."""
    built: dict[int, float] = {a.year: a.wind_w for a in observed.additions if a.wind_w is not None}
    stocks = sorted(
        (o.year, o.wind_w)
        for o in observed.history.observations
        if o.year_end and not o.gap and o.wind_w is not None
    )
    if stocks:
        first_year, first_w = stocks[0]
        built.setdefault(first_year, first_w)
    for (y0, w0), (y1, w1) in itertools.pairwise(stocks):
        years = [y for y in range(y0 + 1, y1 + 1) if y not in built]
        left = max(w1 - w0 - sum(built.get(y, 0.0) for y in range(y0 + 1, y1 + 1)), 0.0)
        for y in years:
            built[y] = left / len(years)
    return tuple((y, built[y]) for y in sorted(built))


def observed_path_w(
    observed: ObservedAdditions,
    years: np.ndarray,
    *,
    growth: np.ndarray | float,
    wind_share: np.ndarray | float,
) -> tuple[np.ndarray, np.ndarray]:
    """Wind and solar additions per year, each (Y, n) in W: observed years as observed (the
    split drawn where the sources give none), later years projected from the last one."""
    if not observed.additions:
        where = f"{observed.path}: " if observed.path else ""
        raise AnalysisError(
            f"{where}no yearly additions can be derived from the installed-capacity history: "
            "the observed capacity path needs two year-end stocks or a stated addition",
            parameter="capacity_path",
        )
    g = np.asarray(growth, dtype=float).reshape(1, -1)
    s = np.asarray(wind_share, dtype=float).reshape(1, -1)
    n = max(g.shape[1], s.shape[1])
    last = observed.additions[-1]
    by_year = {a.year: a for a in observed.additions}
    wind = np.zeros((len(years), n))
    solar = np.zeros((len(years), n))
    for i, year in enumerate(np.asarray(years, dtype=int)):
        a = by_year.get(int(year))
        if a is not None:
            share = s if a.wind_share is None else a.wind_share
            total = a.total_w
        elif year > last.year:
            share = s
            total = last.total_w * (1.0 + g) ** (int(year) - last.year)
        else:
            continue  # a gap before the last observation: no figure, no demand
        wind[i] = total * share
        solar[i] = total - wind[i]
    return wind, solar


__all__ = [
    "ObservedAdditions",
    "YearlyAdditions",
    "observed_path_w",
    "wind_vintages",
    "yearly_additions",
]
