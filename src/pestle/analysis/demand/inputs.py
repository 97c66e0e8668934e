"""The demand model's inputs of a case folder: build-out, parameters, scenarios.

- build-out: the case's energy bases, hydrogen project and corridors (`pestle.load_case`),
  the overlap declarations of parameters.yaml, and the reference additions derived from
  sources/xinjiang_reference.yaml;
- parameters.yaml and scenarios.yaml of the case folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pestle.analysis.demand.capacity import (
    BuildOut,
    ReferenceAddition,
    build_out_from_case,
    load_overlaps,
    load_reference_additions,
)
from pestle.errors import InputError
from pestle.model.parameter import ParameterSet, Scenario, load_parameters, load_scenarios

PARAMETERS_FILE = "parameters.yaml"
SCENARIOS_FILE = "scenarios.yaml"
REFERENCE_FILE = Path("sources") / "xinjiang_reference.yaml"

if TYPE_CHECKING:
    from pestle.case import Case


@dataclass(frozen=True)
class DemandInputs:
    """Everything `compare_scenarios` needs, read from one case folder."""

    folder: Path
    build_out: BuildOut = field(repr=False)
    parameters: ParameterSet = field(repr=False)
    scenarios: tuple[Scenario, ...] = field(repr=False)


def _reference(folder: Path) -> tuple[ReferenceAddition, ...]:
    path = folder / REFERENCE_FILE
    return load_reference_additions(path) if path.exists() else ()


def load_demand_inputs(case: str | Path | Case | None = None) -> DemandInputs:
    """Load a case (embedded name or folder; None = the embedded default) for the model;
    a case already loaded is used as it is (not read again)."""
    from pestle import load_case  # the case loader checks the whole case folder

    if case is None or isinstance(case, str | Path):
        loaded = load_case(case) if case is not None else load_case()
    else:
        loaded = case
    folder = Path(loaded.folder)
    params_path = folder / PARAMETERS_FILE
    if not params_path.exists():
        raise InputError(f"{params_path}: file not found (the demand model's parameters)")
    parameters = load_parameters(params_path)
    nested, groups = load_overlaps(params_path)
    scen_path = folder / SCENARIOS_FILE
    scenarios = load_scenarios(scen_path, parameters) if scen_path.exists() else ()
    if not scenarios:
        scenarios = (Scenario(name="base", description="parameters as in parameters.yaml"),)
    build_out = build_out_from_case(
        loaded,
        nested=nested,
        groups=groups,
        reference_additions=_reference(folder),
        reference_file=str(folder / REFERENCE_FILE),
    )
    return DemandInputs(
        folder=folder, build_out=build_out, parameters=parameters, scenarios=scenarios
    )
