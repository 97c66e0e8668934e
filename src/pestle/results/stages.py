"""The orchestrator's steps: each turns a case (and earlier steps) into one result.

This is the one place that calls the analyses of a case, in one order, with one
`Settings`; `Results` (results.py) runs each step on first use and keeps its value, and
`cache.py` keeps the expensive ones on disk by content. Nothing here formats a number.

A step is declared in `STEPS` with what it depends on: the kinds of case files whose bytes
enter its cache key, the settings it reads, and the steps it reads (whose keys enter its
key in turn). A changed parameter file thus recomputes the demand steps and what follows
from them (ranking, linkage), not the checks or the factor weights.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pestle.case.case import FILE_KINDS
from pestle.errors import AnalysisError
from pestle.results.summary import ScenarioSummary, summarise

if TYPE_CHECKING:
    from pestle.analysis.ahp import HierarchyResult
    from pestle.analysis.demand import (
        DemandInputs,
        ScenarioComparison,
        ScenarioResult,
        SensitivityResult,
    )
    from pestle.analysis.demand.backtest import Backtest
    from pestle.analysis.dematel import DematelResult
    from pestle.analysis.efe import EfeResult
    from pestle.analysis.linkage import CompositeEffects, LeontiefModel
    from pestle.analysis.robustness import RankStability
    from pestle.analysis.topsis import DecisionMatrix, TopsisResult
    from pestle.model.judgment import Judgments
    from pestle.model.parameter import ParameterSet, Value
    from pestle.results.results import Results

DEMAND_CRITERION = "demand_size"  # the TOPSIS criterion the demand model can supply

# kinds of case files (`Case.fingerprint`) each group of steps reads
ALL = ("*",)
FACTOR_FILES = ("case", "factors", "judgments")
# the demand model reads every kind but these (capacity history, plants, parameters, the
# entities and the documents they are checked against, ...): a kind added to the case later
# enters its key by default, so a cached value can be needlessly recomputed, never stale
DEMAND_FILES = tuple(
    kind
    for kind in FILE_KINDS
    if kind not in ("factors", "judgments", "linkage", "policy_measures")
)


@dataclass(frozen=True)
class Step:
    """One step of the orchestrator: what it reads, how it is computed, whether its value is
    worth keeping on disk (a step cheaper than reading its pickle is not)."""

    name: str
    files: tuple[str, ...]
    settings: tuple[str, ...]
    after: tuple[str, ...]
    run: Callable[[Results], Any]
    disk: bool = False


# -- the steps ----------------------------------------------------------------------------


def _findings(r: Results) -> Any:
    from pestle.checks.runner import run_checks

    return run_checks(r.case)


def _indicators(r: Results) -> Any:
    from pestle.analysis.indicators import case_indicators

    return case_indicators(r.case)


def _policy(r: Results) -> Any:
    from pestle.analysis.policy import case_policy_mix

    return case_policy_mix(r.case)


def _entropy(r: Results) -> Any:
    from pestle.analysis.factor_panel import case_entropy

    return case_entropy(r.case)


def _judgments(r: Results) -> Judgments:
    return r.case.judgments


@dataclass(frozen=True)
class FactorWeights:
    ahp: HierarchyResult
    dematel: DematelResult
    efe: EfeResult


def _factor_weights(r: Results) -> FactorWeights:
    from pestle.analysis.ahp import check_judgments, hierarchy
    from pestle.analysis.dematel import dematel
    from pestle.analysis.efe import efe

    j = r.judgments
    check_judgments(j)  # an inconsistent matrix (CR > 0.1) is refused at its line of the file
    weights = hierarchy(
        j.dimension_matrix(), j.within_matrices(), random_index_table=j.ahp.random_index
    )
    return FactorWeights(
        ahp=weights,
        dematel=dematel(j.influence_matrix()),
        efe=efe(j.efe_matrix(weights.global_weights())),
    )


def _demand_inputs(r: Results) -> DemandInputs:
    from pestle.analysis.demand import load_demand_inputs

    return load_demand_inputs(r.case)


def _scenario_name(r: Results) -> str:
    names = tuple(s.name for s in r.demand_inputs.scenarios)
    chosen = r.settings.scenario or names[0]
    if chosen not in names:
        raise AnalysisError(
            f"scenario: unknown scenario {chosen!r}; scenarios of this case: {', '.join(names)}",
            parameter="scenario",
        )
    return chosen


def _overrides(r: Results) -> dict[str, Value]:
    # a user's overrides are checked as the API checks them: a choice, or a finite number
    # inside the parameter's stated range (an unranged one takes any finite number)
    return r.demand_inputs.parameters.checked_overrides(r.settings.override_map)


def headline_parameters(r: Results) -> ParameterSet:
    """The headline scenario's parameters under the user's overrides: the set its run draws
    from (`r.scenario_run.parameters`, as `compare_scenarios` prepares it), without running
    the model: the Sobol' indices and the backtest need no Monte Carlo run."""
    from pestle.analysis.demand.scenarios import select

    inputs = r.demand_inputs
    (scenario,) = select(inputs.scenarios, [r.scenario])
    return inputs.parameters.apply(scenario).with_values(_overrides(r))


def _compare(r: Results, names: list[str] | None) -> ScenarioComparison:
    """The demand model under the settings, for the named scenarios (None: all of them);
    Sobol' is for the headline scenario only (`_sensitivity`)."""
    from pestle.analysis.demand import compare_scenarios

    inputs = r.demand_inputs
    s = r.settings
    return compare_scenarios(
        inputs.build_out,
        inputs.parameters,
        inputs.scenarios,
        names=names,
        overrides=_overrides(r),
        samples=s.samples,
        seed=s.seed,
        sobol_samples=None,
        progress=r.progress_of("demand"),
    )


def _scenarios(r: Results) -> ScenarioComparison:
    return _compare(r, None)


def _headline_run(r: Results) -> ScenarioResult:
    """The headline scenario alone (a what-if on the dashboard needs no other); the same
    numbers as its run among all scenarios, which share the seed."""
    if r.has("scenarios"):
        return r.scenarios[r.scenario]
    return _compare(r, [r.scenario])[r.scenario]


def _sensitivity(r: Results) -> SensitivityResult | None:
    from pestle.analysis.demand import demand_sensitivity

    if not r.settings.sobol_samples:
        return None
    parameters = headline_parameters(r)
    if not any(p.uncertain for p in parameters):
        return None
    return demand_sensitivity(
        r.demand_inputs.build_out,
        parameters,
        base_samples=r.settings.sobol_samples,
        seed=r.settings.seed,
    )


def _backtest(r: Results) -> Backtest:
    """The observed path's forecasts of the last observed years, from the history as it
    stood before them, with the headline scenario's parameters (its intensities)."""
    from pestle.analysis.demand.backtest import backtest

    return backtest(
        r.demand_inputs.build_out,
        headline_parameters(r),
        samples=r.settings.samples,
        seed=r.settings.seed,
        scenario=r.scenario,
    )


def _summaries(r: Results) -> tuple[ScenarioSummary, ...]:
    return tuple(summarise(run) for run in r.scenarios.results)


def _demand(r: Results) -> ScenarioSummary:
    return summarise(r.scenario_run)


def segment_of(alternative: str, segments: tuple[str, ...]) -> str | None:
    """The demand-model segment a TOPSIS alternative stands for: the same id, or the longest
    segment id the alternative extends ("transmission_insulators_cores" ->
    "transmission_insulators")."""
    if alternative in segments:
        return alternative
    found = [s for s in segments if alternative.startswith(s + "_")]
    return max(found, key=len) if found else None


def with_model_demand(
    matrix: DecisionMatrix, judgments: Judgments, demand: ScenarioSummary
) -> tuple[DecisionMatrix, str]:
    """Replace the stated demand-size criterion with the model's median cumulative tonnes."""
    spec = judgments.topsis.criteria.get(DEMAND_CRITERION)
    stated = "stated input (index in the judgments file)"
    if spec is None or not spec.stated_input:
        return matrix, stated
    tonnes = demand.tonnes()
    mapping = {a: segment_of(a, tuple(tonnes)) for a in matrix.alternatives}
    unmatched = [a for a, s in mapping.items() if s is None]
    if unmatched:
        return matrix, f"{stated}; no demand-model segment for {', '.join(unmatched)}"
    j = [c.id for c in matrix.criteria].index(DEMAND_CRITERION)
    values = tuple(
        tuple(tonnes[mapping[a]] if k == j else v for k, v in enumerate(row))  # type: ignore[index]
        for a, row in zip(matrix.alternatives, matrix.values, strict=True)
    )
    renamed = [f"{a} <- {s}" for a, s in mapping.items() if a != s]
    source = (
        f"demand model: median cumulative demand {demand.years[0]}-{demand.years[-1]}, t, "
        f"scenario {demand.name}" + (f" ({'; '.join(renamed)})" if renamed else "")
    )
    return matrix.model_copy(update={"values": values}), source


@dataclass(frozen=True)
class Ranking:
    """TOPSIS of the product segments, on the model's demand and as stated, and stability."""

    topsis: TopsisResult
    stated: TopsisResult  # on the judgments as written (stated demand-size index)
    demand_size_source: str
    stability: RankStability


def _ranking(r: Results) -> Ranking:
    from pestle.analysis.robustness import rank_stability
    from pestle.analysis.topsis import topsis

    stated = r.judgments.decision_matrix()
    matrix, source = with_model_demand(stated, r.judgments, r.demand)
    s = r.settings
    return Ranking(
        topsis=topsis(matrix),
        stated=topsis(stated),
        demand_size_source=source,
        stability=rank_stability(matrix, draws=s.draws, spread=s.spread, seed=s.seed),
    )


@dataclass(frozen=True)
class Linkage:
    effects: CompositeEffects
    shock: str  # which tonnes make the shock


def _io_model(r: Results) -> LeontiefModel | None:
    """The Leontief model of the case's input-output table (read, factorised once), or None
    when the case has no linkage table. A step of its own, kept on disk: it needs no demand,
    so a changed demand parameter recomputes the effects (`_linkage`), not the table."""
    from pestle.analysis.linkage import leontief
    from pestle.analysis.linkage.shock import table_of

    config = r.case.linkage
    return None if config is None else leontief(table_of(config))


def _linkage(r: Results) -> Linkage | None:
    from pestle.analysis.linkage import composite_effects

    config = r.case.linkage
    model = r.io_model
    if config is None or model is None:
        return None
    d = r.demand
    tonnes = {k: v for k, v in d.tonnes().items() if k in config.segments}
    shock = (
        f"median cumulative composite demand {d.years[0]}-{d.years[-1]} by segment "
        f"(scenario {d.name}, {r.settings.samples:,} samples, seed {r.settings.seed})"
    )
    return Linkage(effects=composite_effects(tonnes, config=config, model=model), shock=shock)


def _document(r: Results) -> dict[str, Any]:
    return r.document()


DEMAND_SETTINGS = ("samples", "seed", "overrides")

STEPS: dict[str, Step] = {
    s.name: s
    for s in (
        Step("findings", ALL, (), (), _findings, disk=True),
        Step("indicators", ALL, (), (), _indicators),
        Step("policy", ALL, (), (), _policy),
        Step("entropy", ALL, (), (), _entropy),
        Step("judgments", FACTOR_FILES, (), (), _judgments),
        Step("factor_weights", FACTOR_FILES, (), ("judgments",), _factor_weights),
        Step("demand_inputs", DEMAND_FILES, (), (), _demand_inputs),
        Step("scenario", DEMAND_FILES, ("scenario",), ("demand_inputs",), _scenario_name),
        Step("scenarios", DEMAND_FILES, DEMAND_SETTINGS, ("demand_inputs",), _scenarios, True),
        Step(
            "headline_run",
            DEMAND_FILES,
            DEMAND_SETTINGS,
            ("demand_inputs", "scenario"),
            _headline_run,
            disk=True,
        ),
        # the Sobol' indices and the backtest read the headline scenario's parameters, not
        # its run: they neither wait for nor start the Monte Carlo, and the Sobol' indices
        # are not computed again for another number of samples
        Step(
            "sensitivity",
            DEMAND_FILES,
            ("sobol_samples", "seed", "overrides"),
            ("demand_inputs", "scenario"),
            _sensitivity,
            disk=True,
        ),
        Step("summaries", DEMAND_FILES, (), ("scenarios",), _summaries),
        Step(
            "backtest",
            DEMAND_FILES,
            DEMAND_SETTINGS,
            ("demand_inputs", "scenario"),
            _backtest,
            disk=True,
        ),
        Step("demand", DEMAND_FILES, (), ("headline_run",), _demand),
        Step(
            "ranking",
            FACTOR_FILES,
            ("draws", "spread", "seed"),
            ("judgments", "demand"),
            _ranking,
            disk=True,
        ),
        Step("io_model", ("linkage",), (), (), _io_model, disk=True),
        Step("linkage", ("linkage",), (), ("demand", "io_model"), _linkage, disk=True),
        # the JSON form, kept as plain data: a second `pestle analyze --format json` on an
        # unchanged case reads it without importing the models that made it
        Step(
            "json",
            ALL,
            (),
            ("ranking", "sensitivity", "linkage", "findings", "summaries", "backtest"),
            _document,
            disk=True,
        ),
    )
}
