"""A parameter sweep of a case's demand model under its `Settings`.

The sweep starts from the same inputs, overrides, sample count and headline scenario as
every other surface (`Results`), so its point at the settings' own values is the number the
report shows; seeds are the settings' seed and the ones after it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor

from pestle.analysis.demand.sweep import SweepResult, sweep
from pestle.errors import InputError
from pestle.model.parameter import Value
from pestle.results.results import Results

MAX_SEEDS = 1_000


def run_sweep(
    results: Results,
    grid: Mapping[str, Sequence[Value]],
    *,
    scenarios: Sequence[str] | None = None,
    seeds: int = 1,
    executor: Executor | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SweepResult:
    """The demand model of `results`' case at every grid point x scenario (default: the
    headline scenario) x seed (`seeds` seeds from the settings' seed on)."""
    if not 1 <= seeds <= MAX_SEEDS:
        raise InputError(f"seeds must be between 1 and {MAX_SEEDS}; got {seeds}", parameter="seeds")
    inputs = results.demand_inputs
    s = results.settings
    return sweep(
        inputs.build_out,
        inputs.parameters,
        inputs.scenarios,
        grid,
        names=list(scenarios) if scenarios else [results.scenario],
        overrides=s.override_map,
        seeds=[s.seed + i for i in range(seeds)],
        samples=s.samples,
        executor=executor,
        progress=progress,
    )
