"""Backtest of the observed capacity path: forecast years that have since been observed.

For a cut year C, the model sees the installed-capacity history only as it stood at the
end of C (no later stock or statement) and projects the years C+1 ... L (L = the last
observed year) with the same parameters and uncertainty as the forecast it is judged for.
Each projected year is then compared with what was built: the error of the median, and
whether the observed value fell inside the p5-p95 band. Wind-blade demand is compared with
the observed wind additions times the blade intensity's stated range (the demand those
additions imply).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pestle.analysis.demand.capacity import BuildOut
from pestle.analysis.demand.model import simulate
from pestle.model.parameter import ParameterSet

if TYPE_CHECKING:
    import pandas as pd

MEASURES = ("wind_w", "solar_w", "wind_blades_t")


@dataclass(frozen=True)
class BacktestRow:
    """One forecast year of one cut: forecast p5/p50/p95 against the observed value."""

    cut: int  # the history ended here
    year: int  # the year forecast
    measure: str  # wind_w, solar_w (capacity added) or wind_blades_t (demand)
    p5: float
    p50: float
    p95: float
    observed: float  # for demand: observed wind additions x the intensity's base value
    observed_low: float  # ... and the intensity range's ends (= observed for capacity)
    observed_high: float

    @property
    def error(self) -> float:
        """Relative error of the median forecast: (p50 - observed) / observed."""
        return (self.p50 - self.observed) / self.observed if self.observed else float("nan")

    @property
    def inside(self) -> bool:
        """The observed value (for demand: its implied range's midpoint) lies in p5-p95."""
        return self.p5 <= self.observed <= self.p95

    def to_dict(self) -> dict[str, Any]:
        return {
            "cut": self.cut,
            "year": self.year,
            "measure": self.measure,
            "p5": self.p5,
            "p50": self.p50,
            "p95": self.p95,
            "observed": self.observed,
            "observed_low": self.observed_low,
            "observed_high": self.observed_high,
            "error": self.error,
            "inside": self.inside,
        }


@dataclass(frozen=True)
class Backtest:
    """Every cut's forecasts of the years observed since, and what they got wrong."""

    rows: tuple[BacktestRow, ...]
    samples: int
    seed: int
    scenario: str
    note: str = ""  # why there is no backtest, when there is none

    @property
    def cuts(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(r.cut for r in self.rows))

    def share_inside(self) -> float:
        """Share of forecast values whose observation fell inside p5-p95."""
        return sum(r.inside for r in self.rows) / len(self.rows) if self.rows else float("nan")

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([r.to_dict() for r in self.rows])

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "samples": self.samples,
            "seed": self.seed,
            "cuts": list(self.cuts),
            "share_inside": self.share_inside() if self.rows else None,
            "rows": [r.to_dict() for r in self.rows],
            "note": self.note,
        }


def backtest(
    build_out: BuildOut,
    parameters: ParameterSet,
    *,
    cuts: int = 2,
    samples: int,
    seed: int,
    scenario: str,
) -> Backtest:
    """Forecast the years up to the last one observed by technology from the history as it
    stood at the end of each of the `cuts` years before it."""
    observed = build_out.observed
    split = [a for a in observed.additions if a.wind_share is not None] if observed else []
    if observed is None or len(split) < 2:
        return Backtest((), samples, seed, scenario, note="the case's capacity history has "
                        "fewer than two years of additions by technology: nothing to "
                        "backtest")  # fmt: skip
    last = split[-1].year  # the last year whose additions are known by technology
    per_mw = parameters["blade_mass_t_per_mw"]
    low, high = per_mw.range or (float(per_mw.base), float(per_mw.base))  # type: ignore[arg-type]
    rows: list[BacktestRow] = []
    for cut in range(last - cuts, last):
        known = observed.until(cut)
        if not known.additions:
            continue
        params = parameters.with_values(
            {"capacity_path": "observed", "horizon_start": cut + 1, "horizon_end": last}
        )
        seen_then = build_out.model_copy(update={"observed": known})
        result = simulate(seen_then, params, samples=samples, seed=seed, scenario=scenario)
        for year in range(cut + 1, last + 1):
            seen = observed.get(year)
            if seen is None or seen.wind_w is None or seen.solar_w is None:
                continue  # not observed, or without a technology split
            for measure, label, value, lo, hi in (
                ("wind_w", ("capacity_added_w", "wind"), seen.wind_w, seen.wind_w, seen.wind_w),
                ("solar_w", ("capacity_added_w", "solar"), seen.solar_w, seen.solar_w,
                 seen.solar_w),
                ("wind_blades_t", ("demand_t", "wind_blades"),
                 seen.wind_w / 1e6 * (low + high) / 2, seen.wind_w / 1e6 * low,
                 seen.wind_w / 1e6 * high),
            ):  # fmt: skip
                s = result.get(*label, year)
                rows.append(
                    BacktestRow(cut, year, measure, s["p5"], s["p50"], s["p95"], value, lo, hi)
                )
    return Backtest(tuple(rows), samples, seed, scenario)


__all__ = ["Backtest", "BacktestRow", "backtest"]
