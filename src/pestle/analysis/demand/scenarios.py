"""Scenarios of the demand model, run and compared side by side.

A scenario (`Case.scenarios`) is a named set of parameter overrides; the `overrides` of a run
(name -> value) apply on top of every scenario. Each scenario gets the same
seed, so differences between scenarios are not sampling noise in the shared parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pestle.analysis.demand.capacity import BuildOut
from pestle.analysis.demand.model import MAX_SAMPLES, DemandResult, simulate
from pestle.analysis.demand.sensitivity import (
    SensitivityResult,
    demand_sensitivity,
    is_power_of_two,
)
from pestle.errors import InputError
from pestle.model.parameter import ParameterSet, Scenario, Value

if TYPE_CHECKING:
    import pandas as pd

# progress(scenario, step, steps): step of the current scenario's work
ScenarioProgress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class ScenarioResult:
    """Demand (and, if asked, Sobol' indices of total demand) under one scenario."""

    name: str
    description: str
    parameters: ParameterSet = field(repr=False)
    demand: DemandResult = field(repr=False)
    sensitivity: SensitivityResult | None = field(default=None, repr=False)

    def to_frame(self) -> pd.DataFrame:
        return self.demand.to_frame()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "demand": self.demand.to_dict(),
            "sensitivity": self.sensitivity.to_dict() if self.sensitivity else None,
        }


@dataclass(frozen=True)
class ScenarioComparison:
    """Results of several scenarios, same samples and seed, for side-by-side reading."""

    results: tuple[ScenarioResult, ...]
    samples: int
    seed: int
    overrides: Mapping[str, Value] = field(default_factory=dict)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.results)

    def __getitem__(self, name: str) -> ScenarioResult:
        for r in self.results:
            if r.name == name:
                return r
        raise KeyError(name)

    def totals(self, stat: str = "mean") -> pd.DataFrame:
        """Cumulative demand over the horizon by segment (rows) and scenario (columns)."""
        frame = self.to_frame()
        frame = frame[frame["measure"] == "cumulative_demand_t"]
        return frame.pivot(index="segment", columns="scenario", values=stat)[list(self.names)]

    def to_frame(self) -> pd.DataFrame:
        """All outputs of all scenarios, long format (scenario, measure, segment, year, ...)."""
        import pandas as pd

        return pd.concat([r.demand.to_frame() for r in self.results], ignore_index=True)

    def sensitivity_frame(self) -> pd.DataFrame:
        import pandas as pd

        frames = []
        for r in self.results:
            if r.sensitivity is not None:
                f = r.sensitivity.to_frame()
                f.insert(0, "scenario", r.name)
                frames.append(f)
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def to_dict(self) -> dict[str, Any]:
        return {
            "samples": self.samples,
            "seed": self.seed,
            "overrides": dict(self.overrides),
            "scenarios": [r.to_dict() for r in self.results],
        }


def select(scenarios: Sequence[Scenario], names: Sequence[str] | None) -> tuple[Scenario, ...]:
    """The named scenarios, in the order asked (all of them when `names` is empty)."""
    if not names:
        return tuple(scenarios)
    by_name = {s.name: s for s in scenarios}
    chosen = []
    for name in names:
        if name not in by_name:
            known = ", ".join(by_name)
            raise InputError(
                f"unknown scenario {name!r}; scenarios of this case: {known}",
                parameter="scenario",
            )
        chosen.append(by_name[name])
    return tuple(chosen)


def compare_scenarios(
    build_out: BuildOut,
    parameters: ParameterSet,
    scenarios: Sequence[Scenario],
    *,
    names: Sequence[str] | None = None,
    overrides: Mapping[str, Value] | None = None,
    samples: int = 100_000,
    seed: int = 0,
    sobol_samples: int | None = 2**12,
    progress: ScenarioProgress | None = None,
    executor: Executor | None = None,
) -> ScenarioComparison:
    """Run each chosen scenario (with `overrides` on top); Sobol' unless sobol_samples=None.

    Without `executor` the scenarios run two at a time on threads of this process; with one
    they run one after another and the chunks of each run (and the Sobol' evaluations) go to
    `executor` (see `simulate`), so a cluster is busy within every scenario. The result does
    not depend on where or in what order the runs ran."""
    chosen = select(scenarios, names)
    overrides = dict(overrides or {})
    # check every option, override and scenario before any work starts
    if not 1 <= samples <= MAX_SAMPLES:
        raise InputError(
            f"samples must be between 1 and {MAX_SAMPLES:,}; got {samples}", parameter="samples"
        )
    if seed < 0:
        raise InputError(f"seed must be a non-negative integer; got {seed}", parameter="seed")
    if sobol_samples is not None and not is_power_of_two(sobol_samples):
        raise InputError(
            f"sobol_samples must be a power of 2 (e.g. 4096 or 8192); got {sobol_samples}",
            parameter="sobol_samples",
        )
    prepared = [(s, parameters.apply(s).with_values(overrides)) for s in chosen]

    def run(scenario: Scenario, params: ParameterSet) -> ScenarioResult:
        def step(done: int, total: int, name: str = scenario.name) -> None:
            if progress is not None:
                progress(name, done, total + (1 if sobol_samples else 0))

        demand = simulate(
            build_out,
            params,
            samples=samples,
            seed=seed,
            scenario=scenario.name,
            progress=step,
            executor=executor,
        )
        sens = None
        if sobol_samples and any(p.uncertain for p in params):
            sens = demand_sensitivity(
                build_out, params, base_samples=sobol_samples, seed=seed, executor=executor
            )
        if progress is not None:
            progress(scenario.name, 1, 1)
        return ScenarioResult(
            name=scenario.name,
            description=scenario.description,
            parameters=params,
            demand=demand,
            sensitivity=sens,
        )

    if executor is not None or len(prepared) < 2:
        results = [run(*pair) for pair in prepared]
    else:
        # in this process the scenarios run two at a time: a run of fewer samples than a
        # seed chunk is one chunk on one thread, and numpy lets go of the interpreter in its
        # array loops (each run draws from its own seed stream: the same results in any order)
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda pair: run(*pair), prepared))
    return ScenarioComparison(
        results=tuple(results), samples=samples, seed=seed, overrides=overrides
    )
