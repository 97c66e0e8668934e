"""AHP: published worked examples, consistency errors, Harker completion, groups, hierarchies."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from pestle.analysis.ahp import (
    RANDOM_INDEX,
    PairwiseMatrix,
    aggregate_judgments,
    ahp,
    consistent_matrix,
    group_ahp,
    hierarchy,
    random_index,
)
from pestle.errors import AnalysisError

# Saaty, T. L. (1990). How to make a decision: the analytic hierarchy process. European Journal
# of Operational Research 48, 9-26 — the house-buying example. Level 2 (criteria) matrix, as
# printed in the paper (also transcribed in two independent public reimplementations).
HOUSE_CRITERIA = (
    "size",
    "transportation",
    "neighborhood",
    "age",
    "yard",
    "modern_facilities",
    "general_condition",
    "financing",
)
HOUSE = (
    (1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4),
    (1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7),
    (1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5),
    (1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8),
    (1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6),
    (1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6),
    (3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2),
    (4, 7, 5, 8, 6, 6, 2, 1),
)
# Level 3: houses A, B, C compared under each criterion (same paper; matrices as transcribed
# from the Russian edition of Saaty's book, studopedia.net "Покупка дома ... для уровня 3").
HOUSE_ALTERNATIVES = (
    ((1, 6, 8), (1 / 6, 1, 4), (1 / 8, 1 / 4, 1)),
    ((1, 7, 1 / 5), (1 / 7, 1, 1 / 8), (5, 8, 1)),
    ((1, 8, 6), (1 / 8, 1, 1 / 4), (1 / 6, 4, 1)),
    ((1, 1, 1), (1, 1, 1), (1, 1, 1)),
    ((1, 5, 4), (1 / 5, 1, 1 / 3), (1 / 4, 3, 1)),
    ((1, 8, 6), (1 / 8, 1, 1 / 5), (1 / 6, 5, 1)),
    ((1, 1 / 2, 1 / 2), (2, 1, 1), (2, 1, 1)),
    ((1, 1 / 7, 1 / 5), (7, 1, 3), (5, 1 / 3, 1)),
)


def house() -> PairwiseMatrix:
    return PairwiseMatrix(name="house", labels=HOUSE_CRITERIA, values=HOUSE)


def test_saaty_1990_house_criteria_reproduce_published_priorities_and_cr() -> None:
    result = ahp(house(), on_inconsistency="report")
    # Published (Saaty 1990, house example, level 2): priority vector, lambda_max, C.I., C.R.
    assert_allclose(
        result.weights, [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], atol=5e-4
    )
    assert result.lambda_max == pytest.approx(9.669, abs=5e-4)
    assert result.ci == pytest.approx(0.238, abs=5e-4)
    assert result.ri == 1.41
    assert result.cr == pytest.approx(0.169, abs=5e-4)
    assert not result.consistent


def test_saaty_1990_house_overall_priorities() -> None:
    criteria = ahp(house(), on_inconsistency="report")
    local = np.array(
        [
            ahp(
                PairwiseMatrix(name=c, labels=("A", "B", "C"), values=m),
                on_inconsistency="report",  # transportation and modern facilities have CR > 0.1
            ).weights
            for c, m in zip(HOUSE_CRITERIA, HOUSE_ALTERNATIVES, strict=True)
        ]
    )
    # Published overall priorities of houses A, B, C (Saaty 1990): 0.396, 0.341, 0.263.
    assert_allclose(np.array(criteria.weights) @ local, [0.396, 0.341, 0.263], atol=5e-4)


def test_house_criteria_are_refused_naming_the_most_inconsistent_triad() -> None:
    with pytest.raises(AnalysisError) as err:
        ahp(house())
    message = str(err.value)
    assert message.startswith("matrix 'house' is inconsistent: CR = 0.169 > 0.1;")
    # a(size, neighborhood) = 3 and a(neighborhood, general_condition) = 6 imply 18, not 1/3
    assert "triad (size, neighborhood, general_condition)" in message
    assert "= 3 x 6 = 18 but a(size,general_condition) = 1/3" in message


def test_saaty_2008_drinks_reproduce_published_eigenvector() -> None:
    # Saaty, T. L. (2008). Decision making with the analytic hierarchy process. Int. J. Services
    # Sciences 1(1), 83-98: relative consumption of drinks in the US; the published AHP vector.
    labels = ("coffee", "wine", "tea", "beer", "sodas", "milk", "water")
    values = (
        (1, 9, 5, 2, 1, 1, 1 / 2),
        (1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9),
        (1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9),
        (1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3),
        (1, 9, 4, 2, 1, 2, 1 / 2),
        (1, 9, 3, 1, 1 / 2, 1, 1 / 3),
        (2, 9, 9, 3, 2, 3, 1),
    )
    result = ahp(PairwiseMatrix(name="drinks", labels=labels, values=values))
    assert_allclose(result.weights, [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327], atol=5e-4)
    assert result.consistent


def test_random_index_tables_cover_n_1_to_15() -> None:
    assert len(RANDOM_INDEX["saaty1980"]) == len(RANDOM_INDEX["saaty2005"]) == 15
    assert random_index(3) == 0.58
    assert random_index(8) == 1.41
    assert random_index(3, "saaty2005") == 0.52
    assert random_index(15) == 1.59
    with pytest.raises(AnalysisError, match="no random index for a 16 x 16 matrix"):
        random_index(16)


def test_non_reciprocal_cell_is_named() -> None:
    with pytest.raises(AnalysisError) as err:
        PairwiseMatrix(name="dimensions", labels=("political", "economic"), values=((1, 3), (2, 1)))
    assert str(err.value) == (
        "matrix 'dimensions' cell (political, economic) = 3 but (economic, political) = 2; "
        "expected 1/3"
    )
    assert err.value.cell == ("economic", "political")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (((1, -2), (None, 1)), "cell (a, b) = -2: judgments are positive ratios"),
        (((2, 1), (1, 1)), "cell (a, a) = 2: an item compared with itself is 1"),
        (((1, 1, 1), (1, 1)), "row 'a' has 3 entries, expected 2"),
    ],
)
def test_malformed_cells_are_named(values: tuple, expected: str) -> None:
    with pytest.raises(AnalysisError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        PairwiseMatrix(name="m", labels=("a", "b"), values=values)


def test_rounded_decimal_reciprocals_are_accepted_and_symmetrised() -> None:
    m = PairwiseMatrix(name="m", labels=("a", "b"), values=((1, 3), (0.33, 1)))
    a = m.judgments()
    assert a[0, 1] * a[1, 0] == pytest.approx(1.0)
    assert a[0, 1] == pytest.approx(math.sqrt(3 / 0.33))


def test_upper_triangle_alone_equals_full_matrix() -> None:
    full = house()
    upper = tuple(
        tuple(v if j >= i else None for j, v in enumerate(row)) for i, row in enumerate(HOUSE)
    )
    half = PairwiseMatrix(name="house", labels=HOUSE_CRITERIA, values=upper)
    assert half.missing() == ()
    assert ahp(half, on_inconsistency="report").weights == pytest.approx(
        ahp(full, on_inconsistency="report").weights
    )


def test_harker_completion_of_the_bozoki_example() -> None:
    # Bozoki, Fulop & Ronyai (2010), On optimal completion of incomplete pairwise comparison
    # matrices, Mathematical and Computer Modelling 52, 318-333, Example 3: a_34 missing; the
    # published lambda_max-optimal completion is x = 0.7303. Harker's eigenvector is an
    # approximation of that optimum (same connectivity condition), so agreement is within 0.01.
    values = ((1, 1, 5, 2), (1, 1, 3, 4), (1 / 5, 1 / 3, 1, None), (1 / 2, 1 / 4, 0, 1))
    result = ahp(PairwiseMatrix(name="bozoki", labels=("a", "b", "c", "d"), values=values))
    assert result.missing == (("c", "d"),)
    w = result.weights
    assert result.completed[2][3] == pytest.approx(w[2] / w[3])
    assert result.completed[2][3] == pytest.approx(0.7303, abs=0.01)
    # Harker's modified matrix: diagonal 1 + missing count; its eigenvalue is lambda_max
    harker = np.array([[1, 1, 5, 2], [1, 1, 3, 4], [1 / 5, 1 / 3, 2, 0], [1 / 2, 1 / 4, 0, 2]])
    assert_allclose(harker @ np.array(w), result.lambda_max * np.array(w), rtol=1e-9)


def test_disconnected_comparisons_are_refused() -> None:
    values = ((1, 3, None, None), (None, 1, None, None), (None, None, 1, 2), (None, None, None, 1))
    with pytest.raises(AnalysisError) as err:
        ahp(PairwiseMatrix(name="m", labels=("a", "b", "c", "d"), values=values))
    assert str(err.value) == (
        "matrix 'm' is incomplete and cannot be completed: {a, b} and {c, d} are not compared "
        "with each other, directly or through other items; add at least one judgment linking "
        "each group"
    )


def test_report_mode_returns_inconsistent_results() -> None:
    result = ahp(house(), on_inconsistency="report")
    assert result.worst_triad is not None
    assert result.worst_triad.items == ("size", "neighborhood", "general_condition")
    assert result.to_frame().shape == (8, 2)
    data = result.to_dict()
    assert data["cr"] == pytest.approx(0.169, abs=5e-4)
    assert data["labels"] == list(HOUSE_CRITERIA)


def test_group_aggregates_by_geometric_mean_and_reports_every_cr() -> None:
    one = PairwiseMatrix(
        name="m", labels=("a", "b", "c"), values=((1, 2, 4), (None, 1, 2), (None, None, 1))
    )
    two = PairwiseMatrix(
        name="m", labels=("a", "b", "c"), values=((1, 8, 1 / 2), (None, 1, 2), (None, None, 1))
    )
    result = group_ahp({"ann": one, "bo": two}, on_inconsistency="report")
    agg = result.aggregate_matrix.judgments()
    assert agg[0, 1] == pytest.approx(4.0)  # sqrt(2 x 8)
    assert agg[1, 2] == pytest.approx(2.0)  # sqrt(2 x 2)
    assert agg[0, 2] == pytest.approx(math.sqrt(2))  # sqrt(4 x 1/2)
    crs = result.consistency_frame()
    assert list(crs.index) == ["ann", "bo", "aggregate"]
    assert crs.loc["ann", "cr"] == pytest.approx(0.0, abs=1e-9)  # 2 x 2 = 4: consistent
    assert crs.loc["bo", "cr"] > 0.1  # 8 x 2 = 16 but 1/2 given: flagged, not an error
    assert not crs.loc["bo", "consistent"]
    assert crs.loc["aggregate", "cr"] == pytest.approx(result.aggregate.cr)
    with pytest.raises(AnalysisError, match=r"CR = 0\.296 > 0\.1"):
        group_ahp({"ann": one, "bo": two})  # the aggregate itself is inconsistent
    assert result.to_frame().shape == (3, 3)


def test_group_of_consistent_analysts_has_the_geometric_mean_weights() -> None:
    # Aczel & Saaty (1983): the geometric mean of consistent matrices is consistent, with
    # weights proportional to the geometric mean of the analysts' weights.
    w1 = {"a": 0.5, "b": 0.3, "c": 0.2}
    w2 = {"a": 0.2, "b": 0.2, "c": 0.6}
    result = group_ahp({"x": consistent_matrix("m", w1), "y": consistent_matrix("m", w2)})
    expected = np.sqrt(np.array(list(w1.values())) * np.array(list(w2.values())))
    assert_allclose(result.aggregate.weights, expected / expected.sum(), rtol=1e-9)
    assert result.aggregate.cr == pytest.approx(0.0, abs=1e-9)


def test_group_aggregate_inconsistency_is_an_error_unless_reported() -> None:
    bad = house()
    with pytest.raises(AnalysisError, match="matrix 'house' is inconsistent"):
        group_ahp({"p": bad, "q": bad})
    assert not group_ahp({"p": bad, "q": bad}, on_inconsistency="report").aggregate.consistent


def test_group_needs_the_same_items() -> None:
    a = consistent_matrix("m", {"a": 1, "b": 2})
    b = consistent_matrix("n", {"b": 1, "a": 2})
    with pytest.raises(AnalysisError, match="every analyst must compare the same items"):
        aggregate_judgments({"x": a, "y": b})


def test_analyst_weights_weight_the_geometric_mean() -> None:
    a = consistent_matrix("m", {"a": 1, "b": 1})
    b = consistent_matrix("m", {"a": 8, "b": 1})
    agg = aggregate_judgments({"x": a, "y": b}, analyst_weights={"x": 2, "y": 1})
    assert agg.judgments()[0, 1] == pytest.approx(8 ** (1 / 3))


def test_hierarchy_multiplies_group_and_local_weights() -> None:
    top = consistent_matrix("dimensions", {"p": 3, "e": 1})
    groups = {
        "p": consistent_matrix("p", {"p1": 1, "p2": 1}),
        "e": PairwiseMatrix(name="e", labels=("e1",), values=((1,),)),
    }
    result = hierarchy(top, groups)
    assert result.global_weights() == pytest.approx({"p1": 0.375, "p2": 0.375, "e1": 0.25})
    assert sum(result.global_weights().values()) == pytest.approx(1.0)
    assert list(result.consistency_frame().index) == ["dimensions", "p", "e"]


def test_hierarchy_errors() -> None:
    top = consistent_matrix("dimensions", {"p": 1, "e": 1})
    with pytest.raises(AnalysisError, match=r"no within-group matrix for \['e'\]"):
        hierarchy(top, {"p": consistent_matrix("p", {"x": 1, "y": 1})})
    with pytest.raises(AnalysisError, match="item 'x' appears under both 'p' and 'e'"):
        hierarchy(
            top,
            {"p": consistent_matrix("p", {"x": 1, "y": 1}), "e": consistent_matrix("e", {"x": 1})},
        )


positive_weights = st.lists(
    st.floats(min_value=0.1, max_value=10.0, allow_nan=False), min_size=2, max_size=9
)


@settings(max_examples=60, deadline=None)
@given(positive_weights)
def test_consistent_matrix_has_zero_cr_and_gives_back_its_weights(raw: list[float]) -> None:
    weights = {f"x{i}": w for i, w in enumerate(raw)}
    result = ahp(consistent_matrix("m", weights))
    expected = np.array(raw) / sum(raw)
    assert result.cr == pytest.approx(0.0, abs=1e-9)
    assert result.lambda_max == pytest.approx(len(raw), rel=1e-9)
    assert_allclose(result.weights, expected, rtol=1e-7)
    assert_allclose(result.weights_geometric, expected, rtol=1e-9)


@settings(max_examples=40, deadline=None)
@given(positive_weights, st.randoms(use_true_random=False))
def test_harker_recovers_consistent_weights_from_a_connected_subset(raw, random) -> None:
    n = len(raw)
    full = consistent_matrix("m", {f"x{i}": w for i, w in enumerate(raw)})
    keep = {(i, i + 1) for i in range(n - 1)}  # a spanning path keeps the graph connected
    keep |= {(i, j) for i in range(n) for j in range(i + 1, n) if random.random() < 0.3}
    values = tuple(
        tuple(
            full.values[i][j] if i == j or (min(i, j), max(i, j)) in keep else None
            for j in range(n)
        )
        for i in range(n)
    )
    result = ahp(PairwiseMatrix(name="m", labels=full.labels, values=values))
    assert_allclose(result.weights, np.array(raw) / sum(raw), rtol=1e-7)
    assert result.cr == pytest.approx(0.0, abs=1e-9)
