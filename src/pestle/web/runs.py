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
from pestle.model.parameter import ParameterSet
from pestle.results.whatif import JudgmentRun, judgment_run
from pestle.web.schemas import AhpInput, DemandRequest, JudgmentsRequest

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
    """The overrides, each checked against its parameter (choices, or the stated range);
    a parameter without a stated range cannot be changed from the web."""
    return params.checked_overrides(overrides, unranged=False)


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


def _known_dimensions(given: AhpInput) -> None:
    """Each `within:` matrix belongs to a dimension of the dimensions matrix sent with it: a
    matrix under any other name would be computed and silently dropped."""
    labels = given.dimensions.labels
    unknown = sorted(set(given.within) - set(labels))
    if unknown:
        raise InputError(
            f"ahp.within: {', '.join(map(repr, unknown))} is not a dimension of the "
            f"dimensions matrix ({', '.join(labels)})",
            parameter="ahp.within",
        )


def run_judgments(cs: CaseState, request: JudgmentsRequest) -> JudgmentRun:
    from pestle.analysis.ahp import PairwiseMatrix
    from pestle.analysis.dematel import InfluenceMatrix
    from pestle.model.judgment import within_name

    dimensions = within = influence = None
    if request.ahp is not None:
        given = request.ahp
        _known_dimensions(given)
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
