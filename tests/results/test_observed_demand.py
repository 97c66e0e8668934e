"""Demand matched to observation (issue 13): the default scenario starts from what was
built, and the backtest says how far a projection from the history would have missed."""

from __future__ import annotations

import pytest

import pestle
from pestle.results import Results, Settings

SETTINGS = Settings(samples=20_000, seed=3, draws=100, sobol_samples=0)
GW = 1e9


@pytest.fixture(scope="module")
def results() -> Results:
    return Results(pestle.load_case(), SETTINGS)


def test_the_default_scenario_builds_what_was_observed(results: Results) -> None:
    assert results.scenario == "observed"
    observed = results.demand_inputs.build_out.observed
    assert observed is not None
    per_mw = results.scenario_run.parameters["blade_mass_t_per_mw"]
    low, high = per_mw.range  # type: ignore[misc]
    for year in (2023, 2024):
        seen = observed.get(year)
        assert seen is not None and seen.wind_w is not None
        blades = results.scenario_run.demand.get("demand_t", "wind_blades", year)
        # the observed wind additions x the intensity's stated range, and its middle, sit
        # inside the model's band (carbon spar caps may take the model below the range)
        implied = seen.wind_w / 1e6 * (low + high) / 2
        assert blades["p5"] <= implied <= blades["p95"], year
        assert blades["p95"] <= seen.wind_w / 1e6 * high * 1.001, year
        capacity = results.scenario_run.demand.get("capacity_added_w", "wind", year)
        assert capacity["p50"] == pytest.approx(seen.wind_w)
    wind_2023_2024 = sum(observed.get(y).wind_w for y in (2023, 2024))  # type: ignore[union-attr]
    assert wind_2023_2024 == pytest.approx((43.64 - 26.15) * GW)


def test_the_backtest_is_in_the_results_with_its_errors(results: Results) -> None:
    b = results.backtest
    assert b.cuts == (2022, 2023)
    assert {(r.cut, r.year) for r in b.rows} == {(2022, 2023), (2022, 2024), (2023, 2024)}
    data = results.to_dict()["demand"]["backtest"]
    assert data["cuts"] == [2022, 2023] and len(data["rows"]) == len(b.rows)
    for row in b.rows:
        assert row.error == pytest.approx((row.p50 - row.observed) / row.observed)
        assert row.inside == (row.p5 <= row.observed <= row.p95)
    # a trend from the 2022 history did not foresee the 2023-2024 step (the bases)
    wind_2024 = next(r for r in b.rows if (r.cut, r.year, r.measure) == (2022, 2024, "wind_w"))
    assert wind_2024.observed == pytest.approx(35.57 * GW * 17.49 / 59.64)
    assert wind_2024.error < -0.5 and not wind_2024.inside


def test_the_source_reports_scenario_stays_available(results: Results) -> None:
    stated = Results(results.case, SETTINGS.replace(scenario="as_stated"))
    assert stated.scenario_run.parameters["capacity_path"].base == "bases"
    assert stated.demand.total.cumulative.p50 < results.demand.total.cumulative.p50
