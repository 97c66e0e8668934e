"""Composite-materials demand: new-energy build-out -> tonnes by segment and year.

    >>> from pestle.analysis.demand import load_demand_inputs, compare_scenarios
    >>> inputs = load_demand_inputs()                 # the embedded default case
    >>> result = compare_scenarios(inputs.build_out, inputs.parameters, inputs.scenarios,
    ...                            names=["as_stated"], samples=10_000, seed=1)
    >>> result["as_stated"].demand.get("cumulative_demand_t", "total")["mean"]  # doctest: +SKIP

Modules: `capacity` (build-out inputs, aggregation of overlapping announcements,
commissioning -> yearly additions), `intensity` (tonnes per unit by segment), `model`
(vectorised Monte Carlo), `sensitivity` (SALib Sobol'), `scenarios` (side-by-side runs),
`inputs` (the model's inputs from a `Case`), `loop` (a per-sample loop implementation used to
check the vectorised model and as the benchmark baseline).
"""

from pestle.analysis.demand.capacity import (
    AGGREGATIONS,
    BuildOut,
    Corridor,
    Nesting,
    OverlapGroup,
    Project,
    ReferenceAddition,
    aggregate,
    build_out_from_case,
)
from pestle.analysis.demand.inputs import DemandInputs, load_demand_inputs
from pestle.analysis.demand.intensity import SEGMENTS
from pestle.analysis.demand.model import DemandResult, Evaluation, evaluate, simulate
from pestle.analysis.demand.scenarios import (
    ScenarioComparison,
    ScenarioResult,
    compare_scenarios,
)
from pestle.analysis.demand.sensitivity import (
    SensitivityResult,
    SobolProblem,
    demand_sensitivity,
    sobol_indices,
)

__all__ = [
    "AGGREGATIONS",
    "SEGMENTS",
    "BuildOut",
    "Corridor",
    "DemandInputs",
    "DemandResult",
    "Evaluation",
    "Nesting",
    "OverlapGroup",
    "Project",
    "ReferenceAddition",
    "ScenarioComparison",
    "ScenarioResult",
    "SensitivityResult",
    "SobolProblem",
    "aggregate",
    "build_out_from_case",
    "compare_scenarios",
    "demand_sensitivity",
    "evaluate",
    "load_demand_inputs",
    "simulate",
    "sobol_indices",
]
