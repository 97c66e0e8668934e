"""pestle's numpy TOPSIS, entropy weights, ranks and Spearman's rho against the libraries they
replace at run time (pymcdm 1.4, scipy.stats), on random inputs (hypothesis).

The run-time code is hand-written so that a cold `pestle report` does not import pymcdm (which
imports matplotlib) and so that rank stability scores every weight draw at once; these tests
keep it equal to the libraries it stands in for."""

from __future__ import annotations

import warnings

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose
from pymcdm import normalizations
from pymcdm.methods import TOPSIS
from pymcdm.weights import entropy_weights as pymcdm_entropy_weights
from scipy.stats import rankdata, spearmanr

from pestle.analysis.entropy import IndicatorPanel, entropy_weights
from pestle.analysis.robustness import spearman
from pestle.analysis.topsis import Criterion, DecisionMatrix, closeness, rank_descending, topsis

positive = st.floats(min_value=0.01, max_value=1e4, allow_nan=False, allow_infinity=False)


@st.composite
def matrices(draw: st.DrawFn) -> DecisionMatrix:
    m = draw(st.integers(2, 7))
    k = draw(st.integers(1, 6))
    values = [[draw(positive) for _ in range(k)] for _ in range(m)]
    kinds = [draw(st.sampled_from(["benefit", "cost"])) for _ in range(k)]
    weights = [draw(st.floats(0.05, 1.0)) for _ in range(k)]
    return DecisionMatrix(
        name="random",
        alternatives=tuple(f"a{i}" for i in range(m)),
        criteria=tuple(
            Criterion(id=f"c{j}", kind=kinds[j], weight=weights[j])  # type: ignore[arg-type]
            for j in range(k)
        ),
        values=tuple(tuple(row) for row in values),
    )


def pymcdm_closeness(matrix: DecisionMatrix, weights: np.ndarray) -> np.ndarray:
    x = np.array(matrix.values, dtype=float)
    types = np.array([1 if c.kind == "benefit" else -1 for c in matrix.criteria])
    method = TOPSIS(normalizations.vector_normalization)
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.asarray(method(x, weights, types, validation=False), dtype=float)


@settings(max_examples=150, deadline=None)
@given(matrices(), st.integers(1, 8), st.integers(0, 2**32 - 1))
def test_topsis_closeness_equals_pymcdm(matrix: DecisionMatrix, draws: int, seed: int) -> None:
    expected = pymcdm_closeness(matrix, matrix.weights())
    ours = closeness(matrix)
    assert_allclose(ours, expected, rtol=1e-9, atol=1e-12, equal_nan=True)
    if np.all(np.isfinite(ours)):
        assert_allclose(topsis(matrix).closeness, expected, rtol=1e-9, atol=1e-12)
    # a batch of weight vectors gives, row by row, what one vector at a time gives
    batch = np.random.default_rng(seed).uniform(0.05, 1.0, size=(draws, len(matrix.criteria)))
    batch /= batch.sum(axis=1, keepdims=True)
    rows = np.stack([pymcdm_closeness(matrix, w) for w in batch])
    assert_allclose(closeness(matrix, batch), rows, rtol=1e-9, atol=1e-12, equal_nan=True)


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 8), st.integers(1, 5), st.data())
def test_entropy_weights_equal_pymcdm(m: int, k: int, data: st.DataObject) -> None:
    values = [[data.draw(positive) for _ in range(k)] for _ in range(m)]
    x = np.array(values)
    p = x / x.sum(axis=0)
    if not np.any(1.0 + (p * np.log(p)).sum(axis=0) / np.log(m) > 1e-12):
        return  # nothing varies: refused (tested in test_entropy.py)
    result = entropy_weights(
        IndicatorPanel(
            name="random",
            periods=tuple(f"t{i}" for i in range(m)),
            indicators=tuple(f"c{j}" for j in range(k)),
            values=tuple(tuple(row) for row in values),
        )
    )
    assert_allclose(result.weights, pymcdm_entropy_weights(x), rtol=1e-9, atol=1e-12)


scores = st.lists(st.sampled_from([0.1, 0.2, 0.2, 0.5, 0.9, 1.0]), min_size=2, max_size=8)


@given(st.lists(scores, min_size=1, max_size=6).filter(lambda r: len({len(x) for x in r}) == 1))
def test_ranks_equal_scipy_rankdata_min(rows: list[list[float]]) -> None:
    x = np.array(rows)
    expected = np.stack([rankdata(-r, method="min") for r in x]).astype(int)
    assert_allclose(rank_descending(x), expected)
    assert_allclose(rank_descending(x[0]), expected[0])


@given(
    st.integers(2, 8).flatmap(
        lambda m: st.tuples(
            st.lists(st.integers(1, m), min_size=m, max_size=m),
            st.lists(st.lists(st.integers(1, m), min_size=m, max_size=m), min_size=1, max_size=5),
        )
    )
)
def test_spearman_equals_scipy(case: tuple[list[int], list[list[int]]]) -> None:
    base, draws = case
    ours = spearman(np.array(base), np.array(draws))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scipy warns on constant input, and returns NaN
        expected = [float(spearmanr(base, d).statistic) for d in draws]
    assert_allclose(ours, expected, rtol=1e-9, atol=1e-12, equal_nan=True)
