"""Parameter sweeps: the grid, the points, and the table against single runs."""

from __future__ import annotations

import pytest

import pestle
from pestle.analysis.demand import load_demand_inputs, simulate
from pestle.analysis.demand.sweep import grid_points, parse_grid, sweep
from pestle.errors import InputError
from pestle.results import Results, Settings
from pestle.results.sweep import run_sweep


def test_parse_grid_lists_ranges_and_text() -> None:
    grid = parse_grid(["wind_share=0.2, 0.3", "blade_mass_t_per_mw=10:14:3", "aggregation=max,sum"])
    assert grid == {
        "wind_share": [0.2, 0.3],
        "blade_mass_t_per_mw": [10.0, 12.0, 14.0],
        "aggregation": ["max", "sum"],
    }


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (["wind_share"], "expected NAME=V1,V2"),
        (["wind_share=0.2,,0.3"], "an empty value"),
        (["wind_share=1:0:3"], "need LOW < HIGH"),
        (["wind_share=0:1:1"], "need LOW < HIGH and 2 <= COUNT"),
        (["wind_share=0.2", "wind_share=0.3"], "swept twice"),
        (["wind_share=1e999"], "not a finite number"),
    ],
)
def test_parse_grid_refuses_bad_items(items: list[str], message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        parse_grid(items)
    assert info.value.parameter == "grid"


def test_points_cover_every_combination_once() -> None:
    points = grid_points({"a": [1, 2], "b": [3, 4, 5]}, ["s1", "s2"], [7, 8])
    assert len(points) == 2 * 3 * 2 * 2
    assert [p.index for p in points] == list(range(len(points)))
    assert len({(p.scenario, p.seed, p.values) for p in points}) == len(points)


def test_every_point_is_the_single_run_at_its_values() -> None:
    inputs = load_demand_inputs()
    scenario = inputs.scenarios[0]
    result = sweep(
        inputs.build_out,
        inputs.parameters,
        inputs.scenarios,
        {"blade_mass_t_per_mw": [10.0, 14.0]},
        names=[scenario.name],
        seeds=(3,),
        samples=3_000,
    )
    frame = result.frame
    for value in (10.0, 14.0):
        single = simulate(
            inputs.build_out,
            inputs.parameters.apply(scenario).with_values({"blade_mass_t_per_mw": value}),
            samples=3_000,
            seed=3,
        )
        row = frame[
            (frame["blade_mass_t_per_mw"] == value)
            & (frame["measure"] == "cumulative_demand_t")
            & (frame["segment"] == "total")
        ].iloc[0]
        expected = single.get("cumulative_demand_t", "total")
        assert (row["p5"], row["p50"], row["p95"]) == (
            expected["p5"],
            expected["p50"],
            expected["p95"],
        )
    heavier = result.headline().set_index("value")["p50"]
    assert heavier[14.0] > heavier[10.0]


def test_a_bad_grid_value_names_the_grid() -> None:
    inputs = load_demand_inputs()
    with pytest.raises(InputError, match="no_such_parameter") as info:
        sweep(inputs.build_out, inputs.parameters, inputs.scenarios, {"no_such_parameter": [1.0]})
    assert info.value.parameter == "grid"


def test_the_point_at_the_settings_is_the_number_every_surface_shows() -> None:
    settings = Settings(samples=4_000, seed=2)
    results = Results(pestle.load_case(), settings)
    base = results.demand_inputs.parameters.apply(results.demand_inputs.scenarios[0])
    value = float(base["blade_mass_t_per_mw"].base)
    swept = run_sweep(results, {"blade_mass_t_per_mw": [value]})
    # the swept run fixes the parameter at its base; the headline run draws it: compare the
    # swept point with a single run fixed the same way under the same settings
    fixed = Results(pestle.load_case(), settings.replace(overrides={"blade_mass_t_per_mw": value}))
    row = swept.frame[
        (swept.frame["measure"] == "cumulative_demand_t") & (swept.frame["segment"] == "total")
    ].iloc[0]
    headline = fixed.scenario_run.demand.get("cumulative_demand_t", "total")
    assert row["p50"] == headline["p50"] and row["seed"] == 2
