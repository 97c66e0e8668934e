"""What the API runs on request: the case's results under the request's settings, checked.

- `run_demand`: the headline scenario's run of `Results` under the request's scenario,
  overrides, samples and seed (the one orchestrator, `pestle.results`; with the default
  settings it is the served results' own run). A web override fixes a parameter at a value
  inside its stated range (or at one of its choices); parameters without a stated range (the
  horizon, fixed coefficients) cannot be changed from the web, so no request can make the
  model's arrays grow. Sample counts are bounded by the request schema.
- `run_judgments`: AHP weights with consistency, and DEMATEL cause/effect groups, of matrices
  sent by the dashboard (`pestle.results.whatif`); any matrix not sent is the case's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pestle.errors import InputError
from pestle.model.parameter import ParameterSet, unknown_name_message
from pestle.results.whatif import JudgmentRun, judgment_run
from pestle.web.schemas import DemandRequest, JudgmentsRequest

if TYPE_CHECKING:
    from pestle.analysis.demand import ScenarioResult
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
    served = cs.results.settings  # what the request leaves out is the served results'
    scenario = request.scenario or cs.results.scenario
    overrides = checked_overrides(scenario_parameters(cs, scenario), request.overrides)
    settings = served.replace(
        scenario=scenario,
        overrides=overrides,
        samples=request.samples or served.samples,
        seed=served.seed if request.seed is None else request.seed,
    )
    return cs.results_for(settings).scenario_run, overrides


# -- judgments --------------------------------------------------------------------------------


def run_judgments(cs: CaseState, request: JudgmentsRequest) -> JudgmentRun:
    from pestle.analysis.ahp import PairwiseMatrix
    from pestle.analysis.dematel import InfluenceMatrix
    from pestle.model.judgment import within_name

    dimensions = within = influence = None
    if request.ahp is not None:
        given = request.ahp
        dimensions = PairwiseMatrix(
            name="dimensions", labels=tuple(given.dimensions.labels), values=given.dimensions.rows()
        )
        within = {
            d: PairwiseMatrix(name=within_name(d), labels=tuple(m.labels), values=m.rows())
            for d, m in given.within.items()
        }
    if request.dematel is not None:
        influence = InfluenceMatrix(
            name="dematel",
            labels=tuple(request.dematel.labels),
            values=tuple(tuple(row) for row in request.dematel.values),
        )
    return judgment_run(cs.judgments, dimensions=dimensions, within=within, influence=influence)
