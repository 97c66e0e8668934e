"""`pestle demand` in-process: tables, JSON, and one-line errors with exit code 2."""

from __future__ import annotations

import json

from cli_run import Run

FAST = ["--samples", "2000", "--sobol-samples", "256"]


def test_tables_of_every_scenario_the_headline_first(cli: Run) -> None:
    code, out, err = cli("demand", *FAST, "--scenario", "carbon_spar_caps")
    assert (code, err) == (0, "")
    flat = " ".join(out.split())  # prose wraps at the terminal's width
    assert "seed 1, 2,000 Monte Carlo samples" in flat  # the settings, as everywhere
    assert "carbon_spar_caps (headline scenario)" in out
    assert out.index("carbon_spar_caps: composite demand, t (median; p5–p95 below") < out.index(
        "as_stated: composite demand"
    )
    for heading in ("wind blades", "PV frames", "H2 vessels", "insulators", "2023–2030"):
        assert heading in out
    assert out.count("top drivers of total demand") == 1 and "wind_share" in out
    assert "end-of-life blade waste" in out
    assert "scenarios side by side" in out and "reference_capacity" in out


def test_json(cli: Run) -> None:
    code, out, _ = cli(
        "demand", *FAST, "--scenario", "bases_max", "--set", "wind_share=0.5", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["overrides"] == {"wind_share": 0.5}
    assert data["settings"]["overrides"] == [["wind_share", 0.5]]
    assert data["scenario"] == "bases_max" and data["headline"] == "p50"
    total = data["scenarios"]["bases_max"]["segments"]["total"]["cumulative"]
    assert total["p5"] <= total["p50"] <= total["p95"]
    assert data["sensitivity"]["base_samples"] == 256


def test_bad_set_is_one_line_with_close_names(cli: Run) -> None:
    code, out, err = cli("demand", *FAST, "--set", "blade_mass=12")
    assert code == 2 and out == ""
    assert err.startswith(
        "error: --set: unknown parameter 'blade_mass'; close names: "
        "blade_mass_method, blade_mass_t_per_mw"
    )
    assert err.count("\n") == 1


def test_unknown_scenario(cli: Run) -> None:
    code, _, err = cli("demand", *FAST, "--scenario", "stated")
    assert code == 2
    assert err.startswith(
        "error: --scenario: unknown scenario 'stated'; scenarios of this case: observed, as_stated"
    )
