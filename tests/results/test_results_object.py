"""`Results` on the embedded case: one object that ties every analysis together, computed by
one orchestrator under one `Settings`, kept on disk by content."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

import pestle
from pestle.errors import AnalysisError
from pestle.results import DEFAULTS, Results, Settings
from pestle.results.stages import DEMAND_CRITERION, segment_of, with_model_demand
from pestle.results.summary import ScenarioSummary, SegmentDemand, Spread

SETTINGS = Settings(samples=2_000, seed=7, draws=200, sobol_samples=64)


@pytest.fixture(scope="module")
def case():
    return pestle.load_case()


@pytest.fixture(scope="module")
def result(case):
    return Results(case, SETTINGS, cache=False).compute()


def test_settings_have_one_set_of_defaults_and_name_the_bad_parameter() -> None:
    assert Settings() == DEFAULTS
    assert Settings.of(samples=None, seed=None) == DEFAULTS
    with pytest.raises(AnalysisError, match=r"^samples: .*got 0") as info:
        Settings.of(samples=0)
    assert info.value.parameter == "samples"
    with pytest.raises(AnalysisError, match="power of 2") as info:
        Settings.of(sobol_samples=1000)
    assert info.value.parameter == "sobol_samples"
    assert "--" not in str(info.value)  # library errors speak of parameters, not flags
    # overrides are a sorted tuple: the same overrides in any order are the same settings
    assert Settings(overrides={"b": 1.0, "a": "x"}) == Settings(overrides=[("a", "x"), ("b", 1)])


def test_to_dict_is_strict_json_with_the_settings(result) -> None:
    data = result.to_dict()
    text = json.dumps(data, allow_nan=False)
    assert set(json.loads(text)) == {
        "pestle",
        "settings",
        "settings_text",
        "case",
        "findings",
        "indicators",
        "policy_mix",
        "judgments",
        "factors",
        "ahp",
        "dematel",
        "efe",
        "entropy",
        "topsis",
        "stability",
        "demand",
        "linkage",
    }
    assert data["settings"] == {**SETTINGS.model_dump(mode="json"), "scenario": "observed"}
    assert data["settings_text"].startswith("scenario observed, seed 7, 2,000 Monte Carlo")
    assert data["judgments"]["illustrative"] is True
    assert "National coefficients" in data["linkage"]["note"]
    assert data["findings"]["summary"] == result.findings.summary


def test_every_scenario_by_segment_and_year_with_median_and_interval(result) -> None:
    scenarios = result.to_dict()["demand"]["scenarios"]
    assert list(scenarios) == list(result.scenarios.names)
    for run in result.scenarios.results:
        got = scenarios[run.name]["segments"]
        for segment in (*run.demand.segments, "total"):
            cum = run.demand.get("cumulative_demand_t", segment)
            assert got[segment]["cumulative"] == pytest.approx(
                {k: cum[k] for k in ("p5", "p50", "p95", "mean")}
            )
            for year in run.demand.years:
                stats = run.demand.get("demand_t", segment, year)
                assert got[segment]["yearly"][str(year)]["p50"] == pytest.approx(stats["p50"])
    assert result.demand.name == result.scenario == "observed"
    assert result.demand.total.cumulative.headline == result.demand.total.cumulative.p50


def test_frame_of_headline_numbers(result) -> None:
    frame = result.to_frame()
    assert list(frame.columns) == [
        "group",
        "item",
        "measure",
        "value",
        "unit",
        "qualifier",
        "period",
    ]
    index = frame[frame["measure"] == "superposition index"]["value"].item()
    assert index == pytest.approx(2 / 9)
    efe = frame[frame["group"] == "efe"]["value"].item()
    assert efe == pytest.approx(result.efe.total)
    median = frame[frame["measure"] == "cumulative demand, observed, p50"]
    assert median[median["item"] == "total"]["value"].item() == pytest.approx(
        result.demand.total.cumulative.p50
    )


def test_ahp_weights_feed_the_efe(result) -> None:
    weights = result.ahp.global_weights()
    assert sum(weights.values()) == pytest.approx(1.0)
    assert set(weights) == set(result.judgments.factors)
    efe_weights = {r.id: r.weight for r in result.efe.rows}
    assert efe_weights == pytest.approx(weights)
    assert all(r.cr <= 0.1 for r in (result.ahp.top, *result.ahp.groups))


def test_entropy_is_the_case_entropy(case, result) -> None:
    from pestle.analysis.factor_panel import case_entropy

    assert result.entropy == case_entropy(case)
    assert result.entropy.applicable is False  # the embedded series share no like periods


def test_dematel_direct_and_indirect(result) -> None:
    d = result.dematel
    assert set(d.cause) | set(d.effect) == set(result.judgments.factors)
    assert np.allclose(np.array(d.total) - np.array(d.normalised), d.indirect())


def test_topsis_ranks_on_the_demand_models_median_tonnes(result) -> None:
    t = result.topsis
    j = t.criteria.index(DEMAND_CRITERION)
    tonnes = result.demand.tonnes()
    expected = [tonnes[segment_of(a, tuple(tonnes))] for a in t.alternatives]  # type: ignore[index]
    normalised = [row[j] for row in t.normalised]
    assert normalised == pytest.approx(list(np.array(expected) / np.linalg.norm(expected)))
    source = result.ranking.demand_size_source
    assert source.startswith("demand model: median cumulative demand")
    assert "transmission_insulators_cores <- transmission_insulators" in source
    assert result.ranking.stated.normalised != t.normalised
    assert result.stability.draws == SETTINGS.draws
    assert result.stability.base_rank == t.rank


def test_linkage_is_the_shock_of_the_headline_median(result) -> None:
    link = result.linkage
    assert link is not None
    assert link.effects.tonnes == pytest.approx(result.demand.tonnes())
    assert "median cumulative composite demand" in link.shock
    assert link.effects.central.output_total.sum() > link.effects.central.shock.sum() > 0


def test_deterministic_given_the_settings(case, result) -> None:
    again = Results(case, SETTINGS, cache=False)
    assert json.dumps(again.to_dict()) == json.dumps(result.to_dict())
    other = Results(case, SETTINGS.replace(seed=8), cache=False)
    assert other.demand.total != result.demand.total


def test_scenario_and_overrides(case) -> None:
    spar = Results(case, SETTINGS.replace(scenario="carbon_spar_caps"), cache=False)
    assert spar.demand.name == "carbon_spar_caps"
    fixed = Results(case, SETTINGS.replace(overrides={"blade_mass_t_per_mw": 12}), cache=False)
    param = fixed.scenario_run.parameters["blade_mass_t_per_mw"]
    assert param.distribution == "fixed" and param.base == pytest.approx(12)
    with pytest.raises(AnalysisError, match="unknown scenario 'nope'") as info:
        _ = Results(case, SETTINGS.replace(scenario="nope"), cache=False).demand
    assert info.value.parameter == "scenario"


def test_a_field_is_computed_only_when_read(case) -> None:
    results = Results(case, SETTINGS, cache=False)
    assert results.findings.summary["checks"] > 0
    assert results.computed == ["findings"]  # `pestle check` runs no demand model


def test_cache_reuses_unchanged_steps_and_recomputes_what_a_change_reaches(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("PESTLE_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "case"
    shutil.copytree(pestle.case.case_folder(), folder)
    first = Results(pestle.load_case(folder), SETTINGS)
    data = first.to_dict()
    assert {"findings", "scenarios", "ranking", "linkage", "json"} <= set(first.computed)
    again = Results(pestle.load_case(folder), SETTINGS)
    assert again.to_dict() == data
    assert again.computed == []  # everything from disk
    again.compute()
    assert not {"findings", "scenarios", "sensitivity", "ranking", "linkage"} & set(again.computed)
    # a changed judgment: factor weights and ranking again, not the demand model nor checks
    path = folder / "judgments.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    edited = Results(pestle.load_case(folder), SETTINGS).compute()
    assert "ranking" in edited.computed and "factor_weights" in edited.computed
    assert "scenarios" not in edited.computed and "sensitivity" not in edited.computed
    assert edited.topsis.closeness == pytest.approx(first.topsis.closeness)
    # a changed capacity history (read by the demand model): the demand steps again
    history = folder / "sources" / "capacity_history.yaml"
    history.write_text(history.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    observed = Results(pestle.load_case(folder), SETTINGS).compute()
    assert {"scenarios", "headline_run", "backtest"} <= set(observed.computed)
    # other settings: the demand steps again, the checks not
    other = Results(pestle.load_case(folder), SETTINGS.replace(seed=9)).compute()
    assert "scenarios" in other.computed and "findings" not in other.computed
    # a damaged cache file is computed again, not an error
    for entry in (tmp_path / "cache" / "results").iterdir():
        entry.write_bytes(b"not a pickle")
    damaged = Results(pestle.load_case(folder), SETTINGS)
    assert damaged.to_dict() == data


def test_segment_of() -> None:
    segments = ("wind_blades", "transmission_insulators", "transmission")
    assert segment_of("wind_blades", segments) == "wind_blades"
    assert segment_of("transmission_insulators_cores", segments) == "transmission_insulators"
    assert segment_of("pv_frames", segments) is None
    assert segment_of("wind", segments) is None


def _summary(tonnes: dict[str, float]) -> ScenarioSummary:
    return ScenarioSummary(
        name="s",
        description="",
        years=(2025, 2026),
        segments=tuple(
            SegmentDemand(k, Spread(v, v, v, v), (Spread(v, v, v, v),) * 2)
            for k, v in tonnes.items()
        ),
        waste=None,
        waste_years=(),
    )


def test_with_model_demand_keeps_stated_input_when_segments_are_missing(case) -> None:
    judgments = case.judgments
    matrix = judgments.decision_matrix()
    same, source = with_model_demand(matrix, judgments, _summary({"wind_blades": 1.0}))
    assert same == matrix
    assert "stated input" in source and "pv_frames" in source
    tonnes = {
        "wind_blades": 100.0,
        "pv_frames": 10.0,
        "hydrogen_vessels": 1.0,
        "transmission_insulators": 5.0,
    }
    fed, _ = with_model_demand(matrix, judgments, _summary(tonnes))
    j = [c.id for c in matrix.criteria].index(DEMAND_CRITERION)
    assert [row[j] for row in fed.values] == [100.0, 10.0, 1.0, 5.0]


def test_the_sobol_indices_and_the_leontief_model_are_not_recomputed_for_what_they_do_not_read(
    tmp_path: Path, monkeypatch
) -> None:
    """The Sobol' indices and the backtest read the headline scenario's parameters, not its
    Monte Carlo run; the Leontief model reads the linkage table only, not the demand."""
    monkeypatch.setenv("PESTLE_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "case"
    shutil.copytree(pestle.case.case_folder(), folder)
    first = Results(pestle.load_case(folder), SETTINGS).compute()
    assert {"sensitivity", "io_model", "linkage"} <= set(first.computed)
    # another number of samples: the runs, the backtest and the effects again, not Sobol'
    more = Results(pestle.load_case(folder), SETTINGS.replace(samples=3_000)).compute()
    assert {"scenarios", "headline_run", "backtest", "linkage"} <= set(more.computed)
    assert not {"sensitivity", "io_model"} & set(more.computed)
    assert more.sensitivity.to_dict() == first.sensitivity.to_dict()
    # a changed demand parameter file: the effects of the new demand on the same table
    parameters = folder / "parameters.yaml"
    parameters.write_text(parameters.read_text(encoding="utf-8") + "\n# edited\n", "utf-8")
    edited = Results(pestle.load_case(folder), SETTINGS).compute()
    assert {"sensitivity", "linkage"} <= set(edited.computed)
    assert "io_model" not in edited.computed
    assert edited.linkage.effects.to_dict() == first.linkage.effects.to_dict()


def test_the_headline_parameters_are_those_its_run_draws_from(case) -> None:
    from pestle.results.stages import headline_parameters

    for settings in (
        SETTINGS,
        SETTINGS.replace(scenario="as_stated", overrides={"wind_share": 0.5}),
    ):
        results = Results(case, settings, cache=False)
        assert headline_parameters(results) == results.scenario_run.parameters
