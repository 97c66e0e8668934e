"""The vectorised Monte Carlo: analytic cases, determinism, agreement with the loop."""

from __future__ import annotations

import numpy as np
import pytest

from pestle.analysis.demand import BuildOut, Corridor, evaluate, simulate
from pestle.analysis.demand.loop import evaluate_loop
from pestle.analysis.demand.model import CHUNK, draw, uncertain_names
from pestle.errors import AnalysisError
from pestle.model.parameter import ParameterSet

# One 1 GW base from mid-2025, built in 1 year: half in 2025, half in 2026.
# Wind 0.5 -> 250 MW a year; blades 12 t/MW x (1 - 0.5 x 0.2) = 10.8 t/MW -> 2700 t a year;
# solar 0.25 GW x 3600 t/GW x 0.2 = 180 t a year.
ANALYTIC = {
    "commissioning_years": 1.0,
    "wind_share": 0.5,
    "blade_mass_t_per_mw": 12.0,
    "carbon_spar_adoption": 0.5,
    "carbon_spar_mass_saving": 0.2,
    "pv_glass_fibre_t_per_gw": 3600.0,
    "pv_composite_frame_penetration": 0.2,
    "blade_design_life_years": 20.0,
    "backbone_line_km_per_year": 0.0,
}


@pytest.fixture()
def analytic(fixed: ParameterSet) -> ParameterSet:
    return fixed.with_values(ANALYTIC)


def test_insulators_scale_with_line_length(fixed: ParameterSet) -> None:
    """A 1,000 km corridor in operation at the start of 2026 after a 1-year build, plus
    300 km of backbone line a year: km x towers/km x insulators/tower x kg / 1000."""
    corridor = Corridor(id="line", length_km=1000, in_operation="2026-01-01")
    bo = BuildOut(projects=(), corridors=(corridor,))
    params = fixed.with_values(
        {
            "towers_per_km": 2.0,
            "insulators_per_tower": 6.0,
            "insulator_mass_kg": 50.0,
            "corridor_build_years": 1.0,
            "backbone_line_km_per_year": 300.0,
        }
    )
    r = simulate(bo, params, samples=100, seed=1)
    per_km = 2.0 * 6.0 * 50.0 / 1000  # 0.6 t
    late = 1000 * 0.5 / 365  # a date is read as the middle of its day: 1.4 km fall in 2026
    for year, km in ((2024, 300), (2025, 1300 - late), (2026, 300 + late), (2027, 300)):
        got = r.get("demand_t", "transmission_insulators", year)["p50"]
        assert got == pytest.approx(km * per_km, rel=1e-6)
    longer = BuildOut(projects=(), corridors=(corridor.model_copy(update={"length_km": 2000}),))
    doubled = simulate(longer, params, samples=100, seed=1)
    assert doubled.get("demand_t", "transmission_insulators", 2025)["p50"] == pytest.approx(
        (2300 - 2 * late) * per_km, rel=1e-6
    )


def test_a_corridor_without_length_is_refused(fixed: ParameterSet) -> None:
    bo = BuildOut(projects=(), corridors=(Corridor(id="line", in_operation="2026-01-01"),))
    with pytest.raises(AnalysisError, match=r"corridor line: .*length_km"):
        simulate(bo, fixed, samples=10, seed=1)


def test_all_fixed_gives_the_exact_product(one_base: BuildOut, analytic: ParameterSet) -> None:
    r = simulate(one_base, analytic, samples=1000, seed=3)
    for year, blades, pv in ((2024, 0, 0), (2025, 2700, 180), (2026, 2700, 180), (2027, 0, 0)):
        got = r.get("demand_t", "wind_blades", year)
        assert got["mean"] == pytest.approx(blades, rel=1e-12, abs=1e-9)
        assert got["p5"] == got["p50"] == got["p95"] == pytest.approx(blades, abs=1e-9)
        assert r.get("demand_t", "pv_frames", year)["mean"] == pytest.approx(pv, abs=1e-9)
    assert r.get("cumulative_demand_t", "total")["mean"] == pytest.approx(2 * (2700 + 180))
    assert r.get("cumulative_demand_t", "hydrogen_vessels")["mean"] == 0.0
    # the blades come back as waste after their 20-year design life
    assert r.get("eol_blade_waste_t", "wind_blades", 2045)["mean"] == pytest.approx(2700)
    assert r.get("eol_blade_waste_t", "wind_blades", 2046)["mean"] == pytest.approx(2700)
    assert r.get("cumulative_eol_blade_waste_t", "wind_blades")["mean"] == pytest.approx(5400)
    assert r.get("capacity_added_w", "wind", 2025)["mean"] == pytest.approx(0.25e9)


def test_one_uniform_parameter(
    one_base: BuildOut, analytic: ParameterSet, parameters: ParameterSet
) -> None:
    # blade mass uniform on [10, 14] t/MW: blades per year = 225 x m
    one = analytic.replace(parameters["blade_mass_t_per_mw"])
    assert uncertain_names(one) == ("blade_mass_t_per_mw",)
    n = 40_000
    got = simulate(one_base, one, samples=n, seed=11).get("demand_t", "wind_blades", 2025)
    se_mean = 225 * 4 / np.sqrt(12) / np.sqrt(n)
    se_p5 = 225 * 4 * np.sqrt(0.05 * 0.95 / n)
    assert got["mean"] == pytest.approx(2700, abs=5 * se_mean)
    assert got["p5"] == pytest.approx(225 * 10.2, abs=5 * se_p5)
    assert got["p50"] == pytest.approx(2700, abs=5 * 225 * 4 * np.sqrt(0.25 / n))
    assert got["p95"] == pytest.approx(225 * 13.8, abs=5 * se_p5)


def test_non_integer_design_life_splits_waste(one_base: BuildOut, analytic: ParameterSet) -> None:
    r = simulate(one_base, analytic.with_values({"blade_design_life_years": 20.25}), samples=10)
    # 2025's 2700 t: 75% in 2045, 25% in 2046; 2026's: 75% in 2046, 25% in 2047
    assert r.get("eol_blade_waste_t", "wind_blades", 2045)["mean"] == pytest.approx(2025)
    assert r.get("eol_blade_waste_t", "wind_blades", 2046)["mean"] == pytest.approx(2700)
    assert r.get("eol_blade_waste_t", "wind_blades", 2047)["mean"] == pytest.approx(675)


def test_seeded_runs_are_deterministic(build_out: BuildOut, parameters: ParameterSet) -> None:
    n = CHUNK + 17  # more than one chunk, the last one partial
    a = simulate(build_out, parameters, samples=n, seed=5, threads=2)
    b = simulate(build_out, parameters, samples=n, seed=5, threads=1)
    c = simulate(build_out, parameters, samples=n, seed=6)
    assert np.array_equal(a.stats, b.stats)
    assert not np.array_equal(a.stats, c.stats)
    assert a.to_dict() == b.to_dict()


def test_vectorised_model_matches_the_per_sample_loop(
    build_out: BuildOut, parameters: ParameterSet, scenarios
) -> None:  # type: ignore[no-untyped-def]
    for scenario in scenarios:
        p = parameters.apply(scenario)
        u = np.random.default_rng(1).random((len(uncertain_names(p)), 64))
        ev = evaluate(build_out, p, draw(p, u))
        demand, waste = evaluate_loop(build_out, p, u)
        np.testing.assert_allclose(ev.demand_t, demand, rtol=1e-12, atol=1e-9)
        np.testing.assert_allclose(ev.waste_t, waste, rtol=1e-12, atol=1e-9)


def test_result_views(build_out: BuildOut, parameters: ParameterSet) -> None:
    r = simulate(build_out, parameters, samples=2000, seed=1, scenario="as_stated")
    frame = r.to_frame()
    assert set(frame.columns) == {"scenario", "measure", "segment", "year"} | {
        "mean",
        "p5",
        "p50",
        "p95",
    }
    demand = frame[frame["measure"] == "demand_t"]
    assert set(demand["segment"]) == {*r.segments, "total"}
    assert (frame["p5"] <= frame["p50"] + 1e-6).all() and (
        frame["p50"] <= frame["p95"] + 1e-6
    ).all()
    # the segment rows add up to the total, year by year
    table = r.table("demand_t")
    np.testing.assert_allclose(table.loc[list(r.segments)].sum(), table.loc["total"], rtol=1e-9)
    d = r.to_dict()
    assert d["years"] == list(range(2023, 2031)) and len(d["rows"]) == len(frame)
    assert r.stats.flags.writeable is False


def test_bad_inputs(build_out: BuildOut, parameters: ParameterSet) -> None:
    with pytest.raises(AnalysisError, match="samples must be between"):
        simulate(build_out, parameters, samples=0)
    bad = parameters.with_values({"horizon_end": 2020})
    with pytest.raises(AnalysisError, match="before horizon_start"):
        simulate(build_out, bad, samples=10)


def test_memory_budget_caps_the_samples(build_out: BuildOut, parameters: ParameterSet) -> None:
    longer = parameters.with_values({"horizon_end": 2100})
    with pytest.raises(AnalysisError, match="exceed the memory budget; use at most"):
        simulate(build_out, longer, samples=2_000_000)


def test_the_rotor_scaling_law_is_not_extrapolated(build_out, parameters) -> None:
    from pestle.analysis.demand import simulate
    from pestle.errors import AnalysisError

    scaled = parameters.with_values({"blade_mass_method": "rotor_scaling"})
    simulate(build_out, scaled, samples=200, seed=1)  # inside the law's range: runs
    today = scaled.with_values({"rotor_diameter_m": 190})  # a 6.7 MW turbine's rotor
    with pytest.raises(AnalysisError, match="beyond the 126 m the blade scaling law") as info:
        simulate(build_out, today, samples=200, seed=1)
    assert info.value.parameter == "overrides"
