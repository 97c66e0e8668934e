"""Parameter sweeps: the demand model at every point of a grid x scenario x seed.

A grid maps parameter names to the values to try (`{"wind_share": [0.2, 0.3], ...}`); the
sweep runs one Monte Carlo (`simulate`) per combination of grid values, chosen scenario and
seed, and keeps the summary rows of each run in one tidy table. Points are independent, so
they go to an executor (`concurrent.futures`: a process pool, or a Dask cluster's
`Client.get_executor()`), one task per point; each task runs its Monte Carlo serially, so the
table is the same wherever it ran. The order of the table is the order of the points, not
the order in which workers finished.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor, as_completed
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pestle.analysis.demand.capacity import BuildOut
from pestle.analysis.demand.intensity import SEGMENTS
from pestle.analysis.demand.model import MAX_SAMPLES, STATS, simulate
from pestle.analysis.demand.scenarios import select
from pestle.errors import InputError
from pestle.model.number import parse_number
from pestle.model.parameter import ParameterSet, Scenario, Value

# the outputs a sweep keeps of each run: cumulative demand by segment and in total, total
# demand by year, cumulative end-of-life waste and regional production
KEPT = ("cumulative_demand_t", "demand_t", "cumulative_eol_blade_waste_t",
        "cumulative_regional_production_t")  # fmt: skip
MAX_POINTS = 100_000

SweepProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class SweepPoint:
    """One run of a sweep: a scenario, a seed and one value of every swept parameter."""

    index: int
    scenario: str
    seed: int
    values: tuple[tuple[str, Value], ...]


def grid_points(
    grid: Mapping[str, Sequence[Value]], scenarios: Sequence[str], seeds: Sequence[int]
) -> tuple[SweepPoint, ...]:
    """Every combination, scenario-major then grid (first parameter slowest) then seed."""
    names = list(grid)
    combos = list(itertools.product(*(grid[n] for n in names)))
    points = []
    for scenario in scenarios:
        for combo in combos:
            for seed in seeds:
                values = tuple(zip(names, combo, strict=True))
                points.append(SweepPoint(len(points), scenario, seed, values))
    return tuple(points)


def run_point(
    build_out: BuildOut, parameters: ParameterSet, point: SweepPoint, samples: int
) -> list[dict[str, Any]]:
    """The kept summary rows of one point's Monte Carlo (`parameters`: the scenario's, before
    the point's values). Top-level and pickle-friendly: it runs on Dask workers."""
    params = parameters.with_values(dict(point.values))
    result = simulate(build_out, params, samples=samples, seed=point.seed, threads=1)
    frame = result.to_frame()
    rows = []
    for record in frame[frame["measure"].isin(KEPT)].to_dict(orient="records"):
        if record["measure"] == "demand_t" and record["segment"] != "total":
            continue  # by year, the total only: the segments' years would multiply the table
        year = record["year"]
        rows.append(
            {
                "point": point.index,
                "scenario": point.scenario,
                "seed": point.seed,
                **dict(point.values),
                "measure": record["measure"],
                "segment": record["segment"],
                "year": None if pd.isna(year) else int(year),
                **{s: float(record[s]) for s in STATS},
            }
        )
    return rows


@dataclass(frozen=True)
class SweepResult:
    """The tidy table of a sweep: one row per point and kept output."""

    grid: Mapping[str, tuple[Value, ...]]
    scenarios: tuple[str, ...]
    seeds: tuple[int, ...]
    samples: int
    frame: pd.DataFrame = field(repr=False)

    @property
    def points(self) -> int:
        return len(self.scenarios) * len(self.seeds) * _combinations(self.grid)

    def headline(self) -> pd.DataFrame:
        """Main effects of each swept parameter on cumulative total demand: for every
        parameter, scenario and value, the mean over seeds and over the other parameters'
        values of the runs' mean, p5, p50 and p95 (columns parameter, scenario, value, ...)."""
        totals = self.frame[
            (self.frame["measure"] == "cumulative_demand_t") & (self.frame["segment"] == "total")
        ]
        parts = []
        for name in self.grid:
            part = totals.groupby(["scenario", name], sort=False)[list(STATS)].mean()
            part = part.reset_index().rename(columns={name: "value"})
            part.insert(0, "parameter", name)
            parts.append(part)
        return pd.concat(parts, ignore_index=True)

    def to_dict(self) -> dict[str, Any]:
        return {
            "grid": {k: list(v) for k, v in self.grid.items()},
            "scenarios": list(self.scenarios),
            "seeds": list(self.seeds),
            "samples": self.samples,
            "points": self.points,
            "segments": list(SEGMENTS),
            "rows": self.frame.to_dict(orient="records"),
        }


def _combinations(grid: Mapping[str, Sequence[Value]]) -> int:
    count = 1
    for values in grid.values():
        count *= len(values)
    return count


def check_grid(parameters: ParameterSet, grid: Mapping[str, Sequence[Value]]) -> None:
    """Every swept name is a parameter and every value one it accepts (errors name `grid`)."""
    if not grid:
        raise InputError("give at least one parameter to sweep (NAME=VALUES)", parameter="grid")
    for name, values in grid.items():
        if not values:
            raise InputError(f"{name}: no values to sweep", parameter="grid")
        if len(set(map(str, values))) != len(values):
            raise InputError(f"{name}: a value is repeated", parameter="grid")
        for value in values:
            try:
                parameters.with_values({name: value})
            except InputError as exc:
                raise InputError(str(exc).removeprefix("overrides: "), parameter="grid") from None


def sweep(
    build_out: BuildOut,
    parameters: ParameterSet,
    scenarios: Sequence[Scenario],
    grid: Mapping[str, Sequence[Value]],
    *,
    names: Sequence[str] | None = None,
    overrides: Mapping[str, Value] | None = None,
    seeds: Sequence[int] = (1,),
    samples: int = 20_000,
    executor: Executor | None = None,
    progress: SweepProgress | None = None,
) -> SweepResult:
    """Run the demand model at every grid point x chosen scenario x seed (`overrides` apply
    on top of every scenario, and the grid's values on top of them)."""
    chosen = select(scenarios, names)
    if not 1 <= samples <= MAX_SAMPLES:
        raise InputError(
            f"samples must be between 1 and {MAX_SAMPLES:,}; got {samples}", parameter="samples"
        )
    if not seeds or any(s < 0 for s in seeds) or len(set(seeds)) != len(seeds):
        raise InputError("seeds must be distinct non-negative integers", parameter="seeds")
    prepared = {s.name: parameters.apply(s).with_values(overrides or {}) for s in chosen}
    for params in prepared.values():
        check_grid(params, grid)
    total = len(chosen) * len(seeds) * _combinations(grid)
    if total > MAX_POINTS:
        raise InputError(
            f"{total:,} points (grid x scenarios x seeds) exceed {MAX_POINTS:,}", parameter="grid"
        )
    points = grid_points(grid, [s.name for s in chosen], list(seeds))
    rows: list[list[dict[str, Any]]] = [[] for _ in points]
    if executor is None:
        for done, p in enumerate(points, start=1):
            rows[p.index] = run_point(build_out, prepared[p.scenario], p, samples)
            if progress is not None:
                progress(done, len(points))
    else:
        futures = {
            executor.submit(run_point, build_out, prepared[p.scenario], p, samples): p.index
            for p in points
        }
        for done, future in enumerate(as_completed(futures), start=1):
            rows[futures[future]] = future.result()
            if progress is not None:
                progress(done, len(points))
    frame = pd.DataFrame([r for part in rows for r in part])
    frame["year"] = frame["year"].astype("Int64")
    return SweepResult(
        grid={k: tuple(v) for k, v in grid.items()},
        scenarios=tuple(s.name for s in chosen),
        seeds=tuple(seeds),
        samples=samples,
        frame=frame,
    )


MAX_GRID_VALUES = 1_000


def parse_grid(items: Sequence[str]) -> dict[str, list[Value]]:
    """Grid assignments `NAME=V1,V2,...` (numbers, or text for a categorical parameter) or
    `NAME=LOW:HIGH:COUNT` (COUNT evenly spaced numbers from LOW to HIGH); a malformed one is
    an `InputError` about the parameter `grid`."""
    grid: dict[str, list[Value]] = {}
    for text in items:
        name, sep, raw = text.partition("=")
        name, raw = name.strip(), raw.strip()
        if not sep or not name or not raw:
            raise InputError(
                f"{text!r}: expected NAME=V1,V2,... or NAME=LOW:HIGH:COUNT, e.g. "
                "wind_share=0.2,0.3,0.4",
                parameter="grid",
            )
        if name in grid:
            raise InputError(f"{name} is swept twice", parameter="grid")
        grid[name] = _range(name, raw) if raw.count(":") == 2 else _list(name, raw)
    return grid


def _number(name: str, text: str) -> float:
    """The shared number rules (bounded length and exponent, finite); not a number: ValueError
    (the caller may take the text as a category), else an InputError naming the grid."""
    try:
        return parse_number(text)
    except ValueError as exc:
        if not any(ch.isdigit() for ch in text):
            raise  # a category such as 'max'
        raise InputError(f"{name}: {exc}", parameter="grid") from None


def _list(name: str, raw: str) -> list[Value]:
    values: list[Value] = []
    for part in (p.strip() for p in raw.split(",")):
        if not part:
            raise InputError(f"{name}: an empty value in {raw!r}", parameter="grid")
        try:
            values.append(_number(name, part))
        except ValueError:
            values.append(part)
    if len(values) > MAX_GRID_VALUES:
        raise InputError(f"{name}: more than {MAX_GRID_VALUES} values", parameter="grid")
    return values


def _range(name: str, raw: str) -> list[Value]:
    low_text, high_text, count_text = (p.strip() for p in raw.split(":"))
    try:
        low, high = _number(name, low_text), _number(name, high_text)
        count = int(count_text)
    except ValueError:
        raise InputError(
            f"{name}: {raw!r}: expected LOW:HIGH:COUNT with numbers, e.g. 0.2:0.5:4",
            parameter="grid",
        ) from None
    if not 2 <= count <= MAX_GRID_VALUES or not low < high:
        raise InputError(
            f"{name}: {raw!r}: need LOW < HIGH and 2 <= COUNT <= {MAX_GRID_VALUES}",
            parameter="grid",
        )
    step = (high - low) / (count - 1)
    return [round(low + i * step, 12) for i in range(count)]
