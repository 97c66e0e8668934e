"""Rank stability under +/-20 % weight perturbation: seeding, bounds, shares, correlations."""

from __future__ import annotations

import numpy as np
import pytest

from pestle.analysis.robustness import perturbed_weights, rank_stability
from pestle.analysis.topsis import Criterion, DecisionMatrix
from pestle.errors import AnalysisError

AIRCRAFT = DecisionMatrix(  # Hwang & Yoon (1981) fighter aircraft, see test_topsis.py
    name="aircraft",
    alternatives=("A1", "A2", "A3", "A4"),
    criteria=tuple(
        Criterion(id=c, kind=k, weight=w)
        for c, k, w in (
            ("max_speed", "benefit", 0.2),
            ("ferry_range", "benefit", 0.1),
            ("max_payload", "benefit", 0.1),
            ("acquisition_cost", "cost", 0.1),
            ("reliability", "benefit", 0.2),
            ("maneuverability", "benefit", 0.3),
        )
    ),
    values=(
        (2.0, 1500, 20000, 5.5, 5, 9),
        (2.5, 2700, 18000, 6.5, 3, 5),
        (1.8, 2000, 21000, 4.5, 7, 7),
        (2.2, 1800, 20000, 5.0, 5, 5),
    ),
)


def test_same_seed_same_result_and_the_seed_is_recorded() -> None:
    a = rank_stability(AIRCRAFT, draws=300, seed=11)
    b = rank_stability(AIRCRAFT, draws=300, seed=11)
    assert a == b
    assert a.seed == 11
    assert rank_stability(AIRCRAFT, draws=10, seed=np.random.default_rng(1)).seed is None


def test_close_alternatives_swap_and_shares_are_distributions() -> None:
    result = rank_stability(AIRCRAFT, draws=1000, seed=3)
    assert result.base_rank == (1, 4, 2, 3)
    shares = np.array(result.rank_share)
    np.testing.assert_allclose(shares.sum(axis=0), 1.0)  # every rank is held by someone
    np.testing.assert_allclose(shares.sum(axis=1), 1.0)  # every alternative has some rank
    keep = dict(zip(result.alternatives, result.keep_share, strict=True))
    # A1 (C = 0.643) and A3 (C = 0.613) are close: +/-20 % weights swap them in some draws
    assert 0.0 < keep["A1"] < 1.0
    assert keep["A1"] == pytest.approx(keep["A3"])
    assert result.spearman_min <= result.spearman_p5 <= result.spearman_mean <= 1.0
    assert result.spearman_mean > 0.8
    frame = result.to_frame()
    assert list(frame.index) == ["A1", "A3", "A4", "A2"]
    assert list(frame.columns) == [
        "base_rank",
        "keep_share",
        "rank_1",
        "rank_2",
        "rank_3",
        "rank_4",
    ]
    assert result.to_dict()["draws"] == 1000


def test_zero_spread_keeps_every_rank() -> None:
    result = rank_stability(AIRCRAFT, draws=50, spread=0.0, seed=1)
    assert result.keep_share == (1.0, 1.0, 1.0, 1.0)
    assert result.spearman_mean == result.spearman_p5 == 1.0


def test_perturbed_weights_stay_within_the_multiplicative_band() -> None:
    base = AIRCRAFT.weights()
    w = perturbed_weights(base, 5000, 0.2, np.random.default_rng(0))
    np.testing.assert_allclose(w.sum(axis=1), 1.0)
    ratio = w / base
    # each factor is in [0.8, 1.2] before renormalising, so ratios lie in [0.8/1.2, 1.2/0.8]
    assert ratio.min() >= 0.8 / 1.2 - 1e-12
    assert ratio.max() <= 1.2 / 0.8 + 1e-12


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"draws": 0}, "at least one draw"), ({"spread": 1.0}, r"spread must be in \[0, 1\)")],
)
def test_bad_settings_are_refused(kwargs: dict, message: str) -> None:
    with pytest.raises(AnalysisError, match=message):
        rank_stability(AIRCRAFT, **kwargs)
