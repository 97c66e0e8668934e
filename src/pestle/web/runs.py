"""The computations the API runs on request, each one library call with checked inputs.

- `run_demand`: the demand model under a scenario with parameter overrides
  (`pestle.analysis.demand.compare_scenarios`). A web override fixes a parameter at a value
  inside its stated range (or at one of its choices); parameters without a stated range (the
  horizon, fixed coefficients) cannot be changed from the web, so no request can make the
  model's arrays grow. Sample counts are bounded by the request schema.
- `run_judgments`: AHP weights with consistency, and DEMATEL cause/effect groups, of matrices
  sent by the dashboard (`pestle.analysis.ahp.hierarchy`, `pestle.analysis.dematel.dematel`);
  any matrix not sent is the case's own (judgments.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pestle.errors import InputError
from pestle.model.parameter import ParameterSet, unknown_name_message
from pestle.web.schemas import DemandRequest, JudgmentsRequest

if TYPE_CHECKING:
    from pestle.analysis.ahp import AhpResult, HierarchyResult
    from pestle.analysis.demand import ScenarioResult
    from pestle.analysis.dematel import DematelResult
    from pestle.web.state import CaseState


def scenario_names(cs: CaseState) -> tuple[str, ...]:
    return tuple(s.name for s in cs.demand_inputs.scenarios)


def scenario_parameters(cs: CaseState, scenario: str) -> ParameterSet:
    inputs = cs.demand_inputs
    chosen = next((s for s in inputs.scenarios if s.name == scenario), None)
    if chosen is None:
        raise InputError(
            f"unknown scenario {scenario!r}; scenarios of this case: "
            f"{', '.join(scenario_names(cs))}"
        )
    return inputs.parameters.apply(chosen)


def checked_overrides(params: ParameterSet, overrides: dict[str, Any]) -> dict[str, float | str]:
    """The overrides, each checked against its parameter (choices, or the stated range)."""
    out: dict[str, float | str] = {}
    for name, value in sorted(overrides.items()):
        if name not in params:
            raise InputError(f"overrides: {unknown_name_message(name, params.names)}")
        p = params[name]
        if p.categorical:
            choices = tuple(p.choices or ())
            if not isinstance(value, str) or value not in choices:
                raise InputError(
                    f"overrides: {name} must be one of {', '.join(choices)}; got {value!r}"
                )
            out[name] = value
            continue
        if isinstance(value, str):
            raise InputError(f"overrides: {name} is a number ({p.unit}); got {value!r}")
        if p.range is None:
            raise InputError(
                f"overrides: {name} has no stated range, so it cannot be changed here; "
                f"use `pestle demand --set {name}=VALUE`"
            )
        low, high = p.range
        if not low <= value <= high:
            raise InputError(
                f"overrides: {name} = {value:g} is outside its stated range [{low:g}, {high:g}]"
            )
        out[name] = float(value)
    return out


def run_demand(cs: CaseState, request: DemandRequest) -> tuple[ScenarioResult, dict[str, Any]]:
    """The demand model under `request` (cached: a run is deterministic given its settings)."""
    from pestle.analysis.demand import compare_scenarios

    scenario = request.scenario or scenario_names(cs)[0]
    overrides = checked_overrides(scenario_parameters(cs, scenario), request.overrides)
    inputs = cs.demand_inputs
    key = (scenario, tuple(overrides.items()), request.samples, request.seed)

    def run() -> ScenarioResult:
        comparison = compare_scenarios(
            inputs.build_out,
            inputs.parameters,
            inputs.scenarios,
            names=[scenario],
            overrides=overrides,
            samples=request.samples,
            seed=request.seed,
            sobol_samples=None,
        )
        return comparison[scenario]

    return cs.demand_cached(key, run), overrides


# -- judgments --------------------------------------------------------------------------------


@dataclass(frozen=True)
class JudgmentRun:
    matrices: tuple[AhpResult, ...]  # dimensions first, then one per dimension
    hierarchy: HierarchyResult
    dematel: DematelResult
    names: dict[str, str]  # factor and dimension id -> name


def run_judgments(cs: CaseState, request: JudgmentsRequest) -> JudgmentRun:
    from pestle.analysis.ahp import PairwiseMatrix, ahp, hierarchy
    from pestle.analysis.dematel import InfluenceMatrix, dematel
    from pestle.model.judgment import within_name

    j = cs.judgments
    table = j.ahp.random_index
    top = j.dimension_matrix()
    groups = j.within_matrices()
    if request.ahp is not None:
        given = request.ahp
        top = PairwiseMatrix(
            name="dimensions", labels=tuple(given.dimensions.labels), values=given.dimensions.rows()
        )
        sent = {
            d: PairwiseMatrix(name=within_name(d), labels=tuple(m.labels), values=m.rows())
            for d, m in given.within.items()
        }
        groups = {d: sent.get(d) or groups[d] for d in top.labels if d in sent or d in groups}
    solved_top = ahp(top, on_inconsistency="report", random_index_table=table)
    solved = {
        d: ahp(m, on_inconsistency="report", random_index_table=table) for d, m in groups.items()
    }
    weights = hierarchy(solved_top, solved, on_inconsistency="report", random_index_table=table)
    influence = j.influence_matrix()
    if request.dematel is not None:
        influence = InfluenceMatrix(
            name="dematel",
            labels=tuple(request.dematel.labels),
            values=tuple(tuple(row) for row in request.dematel.values),
        )
    names = {k: f.name for k, f in j.factors.items()}
    return JudgmentRun(
        matrices=(solved_top, *(solved[d] for d in solved_top.labels if d in solved)),
        hierarchy=weights,
        dematel=dematel(influence),
        names=names,
    )
