"""The composite-demand model: vectorised Monte Carlo over the parameters' distributions.

`evaluate` computes, for n parameter samples at once, the capacity added and the tonnes of
composites by segment and year, and the end-of-life blade waste (arrays, no loop over
samples). `simulate` draws the samples (seeded, deterministic: chunk k always uses the k-th
child of `SeedSequence(seed)`, whatever the number of threads) in chunks so that memory
stays bounded, and summarises each output as mean, p5, p50 and p95.

Memory: the per-sample outputs are kept (float32) for exact percentiles, 4 bytes x ~80
outputs per sample (~320 MB for 1,000,000 samples), plus a few MB of temporaries per chunk
and thread: ~470 MiB peak for 1,000,000 samples (benchmarks/demand.py). To keep the peak
under 1 GB, a run may keep at most `STORE_BUDGET` bytes of outputs: ~2.5 million samples
with the default 2023-2030 horizon (fewer with a longer horizon: more outputs).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import Executor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from pestle.analysis.demand.capacity import (
    BuildOut,
    aggregate,
    base_additions_w,
    reference_additions_w,
)
from pestle.analysis.demand.intensity import (
    SEGMENTS,
    Values,
    blade_t_per_mw,
    eol_waste_t,
    hydrogen_t,
    insulators_t,
    life_offsets,
    old_fleet_leaving_w,
    pv_frames_t,
    regional_blades_t,
    repowering_ages,
    repowering_t,
    wind_blades_t,
)
from pestle.analysis.demand.observed import observed_path_w
from pestle.analysis.demand.quantiles import row_quantiles
from pestle.errors import AnalysisError
from pestle.model.parameter import ParameterSet

if TYPE_CHECKING:
    import pandas as pd

CHUNK = 65_536  # samples per seed stream: chunk k always draws from the k-th child seed
# samples per `evaluate` call: a chunk is evaluated in slices this small so that the
# model's temporaries ((Y, n) float64 arrays, a few hundred KB) stay in the CPU cache;
# on the 2-core reference machine this halves the time of 65,536-sample slices
# (benchmarks/demand.py). Slicing does not change the samples or the percentiles.
SLICE = 8_192
QUANTILES: tuple[float, ...] = (0.05, 0.50, 0.95)
STATS: tuple[str, ...] = ("mean", "p5", "p50", "p95")
MAX_SAMPLES = 10_000_000
STORE_BUDGET = 768 * 2**20  # bytes of kept per-sample outputs

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Evaluation:
    """Per-sample outputs of the model for n samples (samples on the last axis)."""

    years: np.ndarray  # (Y,)
    capacity_w: np.ndarray  # (2, Y, n): wind, solar additions
    demand_t: np.ndarray  # (S, Y, n)
    waste_years: np.ndarray  # (W,)
    waste_t: np.ndarray  # (W, n)
    columns: np.ndarray = field(repr=False)  # (K, n) in `_labels` order; the above are views

    @property
    def total_t(self) -> np.ndarray:
        """Cumulative demand over the horizon, all segments, (n,)."""
        return self.demand_t.sum(axis=(0, 1))


def horizon(parameters: ParameterSet) -> np.ndarray:
    """Years of the model horizon, from the fixed `horizon_start` / `horizon_end`."""
    start, end = parameters.require("horizon_start"), parameters.require("horizon_end")
    at = f"{parameters.origin}: " if parameters.origin else ""
    if start.uncertain or end.uncertain or start.categorical or end.categorical:
        raise AnalysisError(f"{at}horizon_start and horizon_end must be fixed years")
    first, last = int(start.value), int(end.value)  # type: ignore[arg-type]
    if not (YEARS[0] <= first <= YEARS[1] and YEARS[0] <= last <= YEARS[1]):
        raise AnalysisError(
            f"{at}horizon_start {first} and horizon_end {last} must be years {YEARS[0]}-{YEARS[1]}"
        )
    if last < first:
        raise AnalysisError(f"{at}horizon_end {last} is before horizon_start {first}")
    return np.arange(first, last + 1)


YEARS = (1900, 2200)  # the years a horizon can span


def waste_horizon(parameters: ParameterSet) -> np.ndarray:
    """Years of end-of-life blade waste: from the horizon's first year (the old fleet) to
    the last year a horizon blade can reach its design life."""
    years = horizon(parameters)
    _, hi = life_offsets(parameters)
    return np.arange(years[0], years[-1] + hi + 1)


def evaluate(
    build_out: BuildOut,
    parameters: ParameterSet,
    draws: Mapping[str, np.ndarray] | None = None,
    *,
    n: int | None = None,
) -> Evaluation:
    """Outputs for the samples in `draws` (name -> (n,) values of uncertain parameters;
    parameters not drawn take their base value; with no draws, n copies of the base)."""
    v = Values(parameters, draws, n=n)
    years = horizon(parameters)
    check_scaling_range(parameters)
    path = v.text("capacity_path")
    build = v["commissioning_years"]
    total_w: np.ndarray | None
    if path == "bases":
        counted = aggregate(build_out, v.text("aggregation"))
        total_w = base_additions_w(
            counted,
            years,
            build_years=build,
            planning_lag=v["planning_lag_years"],
            unstated_capacity_w=v["unstated_capacity_w"],
        )
    elif path == "reference":
        total_w = reference_additions_w(
            build_out.reference_additions,
            years,
            v["reference_growth"],
            source=build_out.reference_file,
        )
    elif path == "observed":
        total_w = None
        if build_out.observed is None:
            raise AnalysisError(
                "capacity_path observed: the case declares no installed-capacity history "
                "(observed_capacity in case.yaml)",
                parameter="capacity_path",
            )
        wind_w, solar_w = observed_path_w(
            build_out.observed,
            years,
            growth=v["projection_growth"],
            wind_share=v["projection_wind_share"],
        )
    else:
        raise AnalysisError(f"capacity_path {path!r}: use observed, bases or reference")
    waste_years = waste_horizon(parameters)
    # one buffer in `_labels` order; the arrays below are views into it (no copies later)
    n_y, n_s, n_w = len(years), len(SEGMENTS), len(waste_years)
    columns = np.empty((_n_labels(n_y, n_w), v.n))
    capacity = columns[: 2 * n_y].reshape(2, n_y, v.n)
    demand = columns[2 * n_y : (2 + n_s) * n_y].reshape(n_s, n_y, v.n)
    w0 = (3 + n_s) * n_y + n_s + 1
    waste = columns[w0 : w0 + n_w]
    if total_w is None:  # the observed path gives wind and solar apart
        capacity[0] = wind_w
        capacity[1] = solar_w
    else:
        np.multiply(total_w, v["wind_share"], out=capacity[0])
        np.subtract(total_w, capacity[0], out=capacity[1])
    per_mw = blade_t_per_mw(v)  # once: new, repowering and regional blades share it
    demand[0] = wind_blades_t(capacity[0], per_mw)
    demand[1] = pv_frames_t(capacity[1], v)
    demand[2] = hydrogen_t(build_out, years, v)
    demand[3] = insulators_t(build_out, years, v)
    leaving = old_fleet_leaving_w(build_out.vintages, waste_years, v, repowering_ages(parameters))
    demand[4] = repowering_t(leaving[: len(years)], v, per_mw)
    eol_waste_t(demand[0], v, life_offsets(parameters), out=waste, old_leaving_w=leaving)
    p0 = w0 + n_w + 1
    production = columns[p0 : p0 + n_y]
    sets = [sum(n for start, n in build_out.blade_plants if start <= y) for y in years]
    regional_blades_t(sets, demand[0] + demand[4], v, per_mw, out=production)
    return Evaluation(
        years=years,
        capacity_w=capacity,
        demand_t=demand,
        waste_years=waste_years,
        waste_t=waste,
        columns=columns,
    )


def check_scaling_range(parameters: ParameterSet) -> None:
    """The rotor-size scaling law is not extrapolated: a rotor diameter beyond the largest
    its source was fitted on is refused (`blade_scaling_max_rotor_m`)."""
    method = parameters.require("blade_mass_method").value
    if method != "rotor_scaling" or "blade_scaling_max_rotor_m" not in parameters:
        return
    largest = float(parameters["blade_scaling_max_rotor_m"].base)  # type: ignore[arg-type]
    _, high = parameters.require("rotor_diameter_m").support
    if high > largest:
        at = f"{parameters.origin}: " if parameters.origin else ""
        raise AnalysisError(
            f"{at}rotor_diameter_m reaches {high:g} m, beyond the {largest:g} m the blade "
            "scaling law was fitted on: the model does not extrapolate it (use "
            "blade_mass_method per_mw, or a scaling source fitted on today's rotors)",
            parameter="overrides",
        )


def uncertain_names(parameters: ParameterSet) -> tuple[str, ...]:
    """The parameters that are drawn, in set order."""
    return tuple(p.name for p in parameters.uncertain() if not p.categorical)


def draw(parameters: ParameterSet, u: np.ndarray) -> dict[str, np.ndarray]:
    """Map uniform draws u (D, n) to the D uncertain parameters (in set order)."""
    names = uncertain_names(parameters)
    if u.shape[0] != len(names):
        raise AnalysisError(f"expected {len(names)} rows of draws, got {u.shape[0]}")
    return {name: parameters[name].ppf(u[j]) for j, name in enumerate(names)}


# -- summary layout -----------------------------------------------------------------
Label = tuple[str, str, int | None]  # (measure, segment, year)


def _labels(years: np.ndarray, waste_years: np.ndarray) -> tuple[Label, ...]:
    out: list[Label] = []
    out += [("capacity_added_w", tech, int(y)) for tech in ("wind", "solar") for y in years]
    out += [("demand_t", seg, int(y)) for seg in SEGMENTS for y in years]
    out += [("demand_t", "total", int(y)) for y in years]
    out += [("cumulative_demand_t", seg, None) for seg in (*SEGMENTS, "total")]
    out += [("eol_blade_waste_t", "wind_blades", int(y)) for y in waste_years]
    out += [("cumulative_eol_blade_waste_t", "wind_blades", None)]
    out += [("regional_production_t", "wind_blades", int(y)) for y in years]
    out += [("cumulative_regional_production_t", "wind_blades", None)]
    return tuple(out)


def _n_labels(n_years: int, n_waste: int) -> int:
    n_seg = len(SEGMENTS)
    return 2 * n_years + (n_seg + 1) * n_years + n_seg + 1 + n_waste + 1 + n_years + 1


def _columns(ev: Evaluation) -> np.ndarray:
    """Per-sample outputs in `_labels` order, (K, n): fills the totals of `ev.columns`."""
    out = ev.columns
    n_seg, n_years, _ = ev.demand_t.shape
    i = (2 + n_seg) * n_years
    ev.demand_t.sum(axis=0, out=out[i : i + n_years])
    i += n_years
    ev.demand_t.sum(axis=1, out=out[i : i + n_seg])
    out[i : i + n_seg].sum(axis=0, out=out[i + n_seg])
    i += n_seg + 1 + ev.waste_t.shape[0]
    ev.waste_t.sum(axis=0, out=out[i])
    i += 1
    out[i : i + n_years].sum(axis=0, out=out[i + n_years])
    return out


@dataclass(frozen=True)
class DemandResult:
    """Summary of a Monte Carlo run: one row per output (measure, segment, year)."""

    scenario: str | None
    samples: int
    seed: int
    years: tuple[int, ...]
    waste_years: tuple[int, ...]
    labels: tuple[Label, ...]
    stats: np.ndarray = field(repr=False)  # (K, 4): mean, p5, p50, p95
    parameters: ParameterSet = field(repr=False)

    @property
    def segments(self) -> tuple[str, ...]:
        return SEGMENTS

    def get(self, measure: str, segment: str, year: int | None = None) -> dict[str, float]:
        """mean, p5, p50, p95 of one output."""
        try:
            k = self.labels.index((measure, segment, year))
        except ValueError:
            raise KeyError(f"no output {measure}/{segment}/{year}") from None
        return dict(zip(STATS, (float(x) for x in self.stats[k]), strict=True))

    def table(self, measure: str = "demand_t", stat: str = "mean") -> pd.DataFrame:
        """One statistic of one measure as a segment x year table."""
        frame = self.to_frame()
        frame = frame[frame["measure"] == measure]
        return frame.pivot(index="segment", columns="year", values=stat)

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        frame = pd.DataFrame(self.labels, columns=["measure", "segment", "year"])
        frame["year"] = frame["year"].astype("Int64")
        for j, name in enumerate(STATS):
            frame[name] = self.stats[:, j]
        frame.insert(0, "scenario", self.scenario)
        return frame

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "samples": self.samples,
            "seed": self.seed,
            "years": list(self.years),
            "waste_years": list(self.waste_years),
            "segments": list(SEGMENTS),
            "rows": [
                {
                    "measure": m,
                    "segment": s,
                    "year": y,
                    **{name: float(self.stats[k, j]) for j, name in enumerate(STATS)},
                }
                for k, (m, s, y) in enumerate(self.labels)
            ],
            "parameters": [p.model_dump(exclude_none=True) for p in self.parameters],
        }


def run_chunk(
    build_out: BuildOut,
    parameters: ParameterSet,
    child: np.random.SeedSequence,
    size: int,
    out: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """One seed chunk of a Monte Carlo run: `size` samples drawn from `child`, evaluated in
    cache-sized slices. Returns the per-output sums over the chunk and the per-sample outputs
    (K, size) float32, written into `out` when given (threads of one process) or returned
    (a process pool or a Dask cluster; the function and its arguments pickle)."""
    uncertain = uncertain_names(parameters)
    u = np.random.default_rng(child).random((len(uncertain), size))
    if out is None:
        n_w = len(waste_horizon(parameters))
        out = np.empty((_n_labels(len(horizon(parameters)), n_w), size), dtype=np.float32)
    sums = np.zeros(out.shape[0])
    for a in range(0, size, SLICE):
        b = min(a + SLICE, size)
        ev = evaluate(build_out, parameters, draw(parameters, u[:, a:b]), n=b - a)
        cols = _columns(ev)
        sums += cols.sum(axis=1)
        out[:, a:b] = cols
    return sums, out


def simulate(
    build_out: BuildOut,
    parameters: ParameterSet,
    *,
    samples: int = 100_000,
    seed: int = 0,
    scenario: str | None = None,
    progress: Progress | None = None,
    threads: int = 2,
    executor: Executor | None = None,
) -> DemandResult:
    """Monte Carlo of the demand model: `samples` draws, seeded, summarised per output.

    The chunks run on `threads` threads of this process, or on `executor` (any
    `concurrent.futures.Executor`: a process pool, or a Dask cluster's
    `Client.get_executor()`). Chunk k always draws from the k-th child of
    `SeedSequence(seed)`, so the result is the same on every executor. Percentiles need every
    sample: the per-sample outputs (float32) are gathered here, exactly, not merged from
    per-chunk summaries."""
    if not 1 <= samples <= MAX_SAMPLES:
        raise AnalysisError(
            f"samples must be between 1 and {MAX_SAMPLES:,}; got {samples}", parameter="samples"
        )
    years = horizon(parameters)
    waste_years = waste_horizon(parameters)
    labels = _labels(years, waste_years)
    most = STORE_BUDGET // (4 * len(labels))
    if samples > most:
        raise AnalysisError(
            f"{samples:,} samples x {len(labels)} outputs exceed the memory budget; "
            f"use at most {most:,} samples (or a shorter horizon)"
        )
    n_chunks = -(-samples // CHUNK)
    children = np.random.SeedSequence(seed).spawn(n_chunks)
    store = np.empty((len(labels), samples), dtype=np.float32)
    sums = np.zeros((n_chunks, len(labels)))
    bounds = [(k * CHUNK, min((k + 1) * CHUNK, samples)) for k in range(n_chunks)]

    def finished(done: int) -> None:
        if progress is not None:
            progress(done, n_chunks + 1)

    if executor is None:  # threads of this process write straight into the store
        with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
            futures = [
                pool.submit(run_chunk, build_out, parameters, children[k], hi - lo, store[:, lo:hi])
                for k, (lo, hi) in enumerate(bounds)
            ]
            for done, future in enumerate(as_completed(futures), start=1):
                future.result()
                finished(done)
        for k, future in enumerate(futures):
            sums[k] = future.result()[0]
    else:  # another process or machine: each chunk comes back and is copied in
        futures = {
            executor.submit(run_chunk, build_out, parameters, children[k], hi - lo): k
            for k, (lo, hi) in enumerate(bounds)
        }
        for done, future in enumerate(as_completed(futures), start=1):
            k = futures[future]
            chunk_sums, cols = future.result()
            lo, hi = bounds[k]
            sums[k] = chunk_sums
            store[:, lo:hi] = cols
            finished(done)
    means = sums.sum(axis=0) / samples
    quantiles = row_quantiles(store, QUANTILES, threads=max(1, threads))
    if progress is not None:
        progress(n_chunks + 1, n_chunks + 1)
    stats = np.column_stack([means, quantiles])
    stats.setflags(write=False)
    return DemandResult(
        scenario=scenario,
        samples=samples,
        seed=seed,
        years=tuple(int(y) for y in years),
        waste_years=tuple(int(y) for y in waste_years),
        labels=labels,
        stats=stats,
        parameters=parameters,
    )
