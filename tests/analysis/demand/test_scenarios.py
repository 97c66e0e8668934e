"""Scenarios side by side, overrides on top, and the errors a user can make."""

from __future__ import annotations

import numpy as np
import pytest

from pestle.analysis.demand import BuildOut, compare_scenarios
from pestle.errors import InputError
from pestle.model.parameter import ParameterSet


def test_scenarios_side_by_side(build_out: BuildOut, parameters: ParameterSet, scenarios) -> None:  # type: ignore[no-untyped-def]
    result = compare_scenarios(
        build_out, parameters, scenarios, samples=4000, seed=3, sobol_samples=None
    )
    assert result.names == tuple(s.name for s in scenarios)
    totals = result.totals()
    assert list(totals.columns) == list(result.names)
    total = totals.loc["total"]
    # the aggregation bounds bracket the default rule
    assert total["bases_max"] < total["as_stated"] < total["bases_sum"]
    # carbon spar caps on every blade: blades lighter by the mass saving (20-25%)
    ratio = totals.loc["wind_blades", "carbon_spar_caps"] / totals.loc["wind_blades", "as_stated"]
    as_stated = result["as_stated"].parameters
    expected = (1 - 0.225) / (1 - as_stated["carbon_spar_adoption"].mean * 0.225)
    assert ratio == pytest.approx(expected, rel=0.02)
    # the reference path is much larger than the bases alone (35.57 GW in 2024 alone)
    assert total["reference_capacity"] > total["bases_sum"]
    assert result["as_stated"].sensitivity is None
    frame = result.to_frame()
    assert set(frame["scenario"]) == set(result.names)


def test_overrides_apply_on_top_of_every_scenario(
    build_out: BuildOut, parameters: ParameterSet, scenarios
) -> None:  # type: ignore[no-untyped-def]
    kw = {"samples": 2000, "seed": 1, "sobol_samples": None}
    names = ["as_stated", "carbon_spar_caps"]
    base = compare_scenarios(build_out, parameters, scenarios, names=names, **kw)
    none = compare_scenarios(
        build_out, parameters, scenarios, names=names, overrides={"wind_share": 0.0}, **kw
    )
    for name in names:
        assert none[name].demand.get("cumulative_demand_t", "wind_blades")["mean"] == 0.0
        assert none[name].parameters["wind_share"].base == 0.0
        assert base[name].demand.get("cumulative_demand_t", "wind_blades")["mean"] > 0
    assert none.overrides == {"wind_share": 0.0}


def test_same_seed_same_comparison(
    build_out: BuildOut, parameters: ParameterSet, scenarios
) -> None:  # type: ignore[no-untyped-def]
    kw = {"names": ["as_stated"], "samples": 3000, "seed": 9, "sobol_samples": 256}
    a = compare_scenarios(build_out, parameters, scenarios, **kw)
    b = compare_scenarios(build_out, parameters, scenarios, **kw)
    assert a.to_dict() == b.to_dict()
    assert np.array_equal(a["as_stated"].sensitivity.ST, b["as_stated"].sensitivity.ST)  # type: ignore[union-attr]


def test_unknown_scenario_and_bad_set(
    build_out: BuildOut, parameters: ParameterSet, scenarios
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(
        InputError, match="unknown scenario 'stated'; scenarios of this case: observed, as_"
    ):
        compare_scenarios(build_out, parameters, scenarios, names=["stated"])
    with pytest.raises(InputError, match=r"close names: .*carbon_spar_adoption"):
        compare_scenarios(
            build_out, parameters, scenarios, overrides={"carbon_spar_adopt": 1.0}, samples=10
        )


def test_options_are_checked_before_any_run(
    build_out: BuildOut, parameters: ParameterSet, scenarios
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=r"^sobol_samples must be a power of 2") as info:
        compare_scenarios(build_out, parameters, scenarios, samples=10, sobol_samples=100)
    assert info.value.parameter == "sobol_samples"
    with pytest.raises(InputError) as info:
        compare_scenarios(build_out, parameters, scenarios, samples=0)
    assert str(info.value) == "samples must be between 1 and 10,000,000; got 0"
    assert info.value.parameter == "samples"
    with pytest.raises(InputError, match=r"^seed must be a non-negative integer; got -1") as info:
        compare_scenarios(build_out, parameters, scenarios, samples=10, seed=-1)
    assert info.value.parameter == "seed"
