"""The demand model's inputs of a case: build-out, parameters, scenarios.

Everything comes from the `Case` accessors (the case reads its own files):

- build-out: the case's energy bases, hydrogen project and corridors (its entities), the
  overlap declarations (`Case.overlaps`) and the observed yearly additions of the reference
  case.yaml names as `capacity_reference` (`Case.reference_additions`);
- parameters and scenarios (`Case.parameters`, `Case.scenarios`; a case without scenarios
  runs one, `base`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pestle.analysis.demand.capacity import BuildOut, build_out_from_case
from pestle.analysis.demand.observed import wind_vintages, yearly_additions
from pestle.model.parameter import ParameterSet, Scenario

if TYPE_CHECKING:
    from pestle.case import Case


@dataclass(frozen=True)
class DemandInputs:
    """Everything `compare_scenarios` needs, read from one case."""

    folder: Path
    build_out: BuildOut = field(repr=False)
    parameters: ParameterSet = field(repr=False)
    scenarios: tuple[Scenario, ...] = field(repr=False)


def load_demand_inputs(case: str | Path | Case | None = None) -> DemandInputs:
    """The demand model's inputs of a case (embedded name or folder, loaded here; None = the
    embedded default); a case already loaded is used as it is (not read again)."""
    from pestle import load_case  # the case loader checks the whole case folder

    if case is None or isinstance(case, str | Path):
        loaded = load_case(case) if case is not None else load_case()
    else:
        loaded = case
    parameters = loaded.parameters  # InputError naming the file when the case has none
    scenarios = loaded.scenarios or (
        Scenario(name="base", description="parameters as in the parameters file"),
    )
    overlaps = loaded.overlaps
    reference = loaded.reference_additions
    observed = yearly_additions(loaded.observed_capacity)
    build_out = build_out_from_case(
        loaded,
        nested=overlaps.nested,
        groups=overlaps.groups,
        reference_additions=reference.additions,
        reference_file=reference.path,
        observed=observed,
        vintages=wind_vintages(observed),
        blade_plants=tuple(
            (p.start_year, p.blade_sets)
            for p in loaded.production_plants.plants
            if p.makes_blades and p.producing and p.blade_sets and p.start_year is not None
        ),
    )
    return DemandInputs(
        folder=Path(loaded.folder), build_out=build_out, parameters=parameters, scenarios=scenarios
    )
