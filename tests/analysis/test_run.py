"""analyze_case on the embedded case: one frozen result that ties every analysis together."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

import pestle
from pestle.analysis import run
from pestle.analysis.run import (
    DEMAND_CRITERION,
    DemandSummary,
    SegmentDemand,
    analyze_case,
    segment_of,
    with_model_demand,
)
from pestle.errors import AnalysisError, InputError

SAMPLES = 2_000
DRAWS = 200


@pytest.fixture(scope="module")
def case():
    return pestle.load_case()


@pytest.fixture(scope="module")
def result(case):
    return analyze_case(case, samples=SAMPLES, seed=7, draws=DRAWS)


def test_result_is_frozen_and_complete(result) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.seed = 1  # type: ignore[misc]
    assert result.case_id == "xinjiang_composites"
    assert result.illustrative is True and "ILLUSTRATIVE" in result.judgments_note
    assert result.indicators.structure and result.policy.index == pytest.approx(2 / 9)


def test_to_dict_is_strict_json(result) -> None:
    data = result.to_dict()
    text = json.dumps(data, allow_nan=False)
    assert set(json.loads(text)) == {
        "case",
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
    assert data["judgments"]["illustrative"] is True
    assert "National coefficients" in data["linkage"]["note"]


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
    groups = set(frame["group"])
    assert {"industry structure", "ahp", "dematel", "topsis", "demand", "linkage"} <= groups


def test_ahp_weights_feed_the_efe(result) -> None:
    weights = result.ahp.global_weights()
    assert sum(weights.values()) == pytest.approx(1.0)
    assert set(weights) == set(result.factors)
    efe_weights = {r.id: r.weight for r in result.efe.rows}
    assert efe_weights == pytest.approx(weights)
    assert result.efe.total == pytest.approx(sum(r.weight * r.rating for r in result.efe.rows))
    assert all(r.cr <= 0.1 for r in (result.ahp.top, *result.ahp.groups))


def test_entropy_is_the_case_entropy(case, result) -> None:
    from pestle.analysis.factor_panel import case_entropy

    assert result.entropy == case_entropy(case)
    assert result.to_dict()["entropy"] == result.entropy.to_dict()
    assert result.entropy.applicable is False  # the embedded series share no like periods
    assert not (result.to_frame()["group"] == "entropy").any()


def test_dematel_groups_and_direct_indirect_split(result) -> None:
    d = result.dematel
    assert set(d.cause) | set(d.effect) == set(result.factors)
    frame = d.to_frame()
    assert (frame["d_direct"] + frame["d_indirect"]).to_numpy() == pytest.approx(d.given)
    assert np.allclose(np.array(d.total) - np.array(d.normalised), d.indirect())


def test_topsis_uses_the_demand_models_tonnes(result) -> None:
    j = result.topsis.criteria.index(DEMAND_CRITERION)
    tonnes = result.demand.tonnes()
    normalised = [row[j] for row in result.topsis.normalised]
    expected = [
        tonnes[segment_of(a, tuple(tonnes))]  # type: ignore[index]
        for a in result.topsis.alternatives
    ]
    assert normalised == pytest.approx(list(np.array(expected) / np.linalg.norm(expected)))
    assert result.demand_size_source.startswith("demand model")
    assert "transmission_insulators_cores <- transmission_insulators" in (result.demand_size_source)
    # the judgments as written (stated index) are ranked too, for comparison
    assert result.topsis_stated.alternatives == result.topsis.alternatives
    assert result.topsis_stated.normalised != result.topsis.normalised
    assert result.stability.draws == DRAWS
    assert result.stability.base_rank == result.topsis.rank


def test_demand_and_linkage_use_the_same_tonnes(result) -> None:
    d = result.demand
    assert d.samples == SAMPLES and d.seed == 7 and d.scenario == "as_stated"
    total = next(s for s in d.cumulative if s.segment == "total")
    assert sum(d.tonnes().values()) == pytest.approx(total.mean, rel=1e-4)
    assert result.linkage.tonnes == pytest.approx(d.tonnes())
    central = result.linkage.central
    assert central.output_total.sum() > central.shock.sum() > 0
    assert f"{d.years[0]}-{d.years[-1]}" in result.linkage_shock


def test_deterministic_given_the_seed(case, result) -> None:
    again = analyze_case(case, samples=SAMPLES, seed=7, draws=DRAWS)
    assert json.dumps(again.to_dict()) == json.dumps(result.to_dict())
    other = analyze_case(case, samples=SAMPLES, seed=8, draws=DRAWS)
    assert other.demand.cumulative != result.demand.cumulative


def test_scenario_choice(case) -> None:
    spar = analyze_case(case, scenario="carbon_spar_caps", samples=SAMPLES, draws=DRAWS)
    assert spar.demand.scenario == "carbon_spar_caps"
    with pytest.raises(InputError, match="unknown scenario 'nope'"):
        analyze_case(case, scenario="nope", samples=SAMPLES)
    with pytest.raises(AnalysisError, match="samples"):
        analyze_case(case, samples=0)


def test_segment_of() -> None:
    segments = ("wind_blades", "transmission_insulators", "transmission")
    assert segment_of("wind_blades", segments) == "wind_blades"
    assert segment_of("transmission_insulators_cores", segments) == "transmission_insulators"
    assert segment_of("pv_frames", segments) is None
    assert segment_of("wind", segments) is None


def _summary(tonnes: dict[str, float]) -> DemandSummary:
    return DemandSummary(
        scenario="s",
        description="",
        samples=1,
        seed=0,
        years=(2025, 2026),
        cumulative=tuple(SegmentDemand(k, v, v, v, v) for k, v in tonnes.items()),
        yearly_total_mean=(0.0, 0.0),
        waste=None,
        waste_years=(),
    )


def test_with_model_demand_keeps_stated_input_when_segments_are_missing(case) -> None:
    judgments = run.load_case_judgments(case)
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
    fed, source = with_model_demand(matrix, judgments, _summary(tonnes))
    j = [c.id for c in matrix.criteria].index(DEMAND_CRITERION)
    assert [row[j] for row in fed.values] == [100.0, 10.0, 1.0, 5.0]
    assert [row[:j] + row[j + 1 :] for row in fed.values] == [
        row[:j] + row[j + 1 :] for row in matrix.values
    ]


def test_public_api() -> None:
    assert set(run.__all__) <= set(dir(run))
