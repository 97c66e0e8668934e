"""TOPSIS: Hwang & Yoon's fighter-aircraft example, criterion kinds, ties, refused inputs."""

from __future__ import annotations

import pytest
from numpy.testing import assert_allclose

from pestle.analysis.topsis import Criterion, DecisionMatrix, rank_descending, topsis
from pestle.errors import AnalysisError

# Hwang, C. L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and Applications,
# Springer, TOPSIS numerical example (fighter aircraft, p. 133): attributes maximum speed,
# ferry range, maximum payload, acquisition cost (cost), reliability, maneuverability;
# weights (0.2, 0.1, 0.1, 0.1, 0.2, 0.3).
AIRCRAFT = DecisionMatrix(
    name="aircraft",
    alternatives=("A1", "A2", "A3", "A4"),
    criteria=(
        Criterion(id="max_speed", kind="benefit", weight=0.2),
        Criterion(id="ferry_range", kind="benefit", weight=0.1),
        Criterion(id="max_payload", kind="benefit", weight=0.1),
        Criterion(id="acquisition_cost", kind="cost", weight=0.1),
        Criterion(id="reliability", kind="benefit", weight=0.2),
        Criterion(id="maneuverability", kind="benefit", weight=0.3),
    ),
    values=(
        (2.0, 1500, 20000, 5.5, 5, 9),
        (2.5, 2700, 18000, 6.5, 3, 5),
        (1.8, 2000, 21000, 4.5, 7, 7),
        (2.2, 1800, 20000, 5.0, 5, 5),
    ),
)


def test_hwang_yoon_1981_fighter_aircraft() -> None:
    result = topsis(AIRCRAFT)
    # Published: ideal and negative-ideal separations (4 decimals) and relative closeness
    # (3 decimals). The book rounds its intermediate tables to 4 decimals, hence the tolerances
    # of one unit in the last printed place.
    assert_allclose(result.distance_ideal, [0.0545, 0.1197, 0.0580, 0.1009], atol=1.5e-4)
    assert_allclose(result.distance_anti_ideal, [0.0983, 0.0439, 0.0920, 0.0458], atol=1.5e-4)
    assert_allclose(result.closeness, [0.643, 0.268, 0.613, 0.312], atol=1e-3)
    assert result.ranking() == ("A1", "A3", "A4", "A2")
    assert result.rank == (1, 4, 2, 3)
    # published ideal / negative-ideal weighted values (cost column: lowest cost is ideal)
    assert_allclose(result.ideal, [0.1168, 0.0659, 0.0531, 0.0414, 0.1347, 0.2012], atol=1.5e-4)
    assert_allclose(
        result.anti_ideal, [0.0841, 0.0366, 0.0455, 0.0598, 0.0577, 0.1118], atol=1.5e-4
    )


def test_frames_and_dict() -> None:
    result = topsis(AIRCRAFT)
    frame = result.to_frame()
    assert list(frame.index) == ["A1", "A3", "A4", "A2"]
    assert list(frame.columns) == ["distance_ideal", "distance_anti_ideal", "closeness", "rank"]
    assert result.to_dict()["criteria"][3] == "acquisition_cost"


def test_cost_criterion_prefers_the_smallest_value() -> None:
    m = DecisionMatrix(
        name="m",
        alternatives=("cheap", "dear"),
        criteria=(Criterion(id="price", kind="cost", weight=1.0),),
        values=((1.0,), (3.0,)),
    )
    assert topsis(m).ranking() == ("cheap", "dear")
    flipped = m.model_copy(update={"criteria": (Criterion(id="price", kind="benefit", weight=1),)})
    assert topsis(flipped).ranking() == ("dear", "cheap")


def test_weights_are_normalised_and_ties_share_the_best_rank() -> None:
    m = AIRCRAFT.with_weights(AIRCRAFT.weights() * 10)
    assert_allclose(topsis(m).closeness, topsis(AIRCRAFT).closeness)
    assert list(rank_descending([0.5, 0.9, 0.5])) == [2, 1, 2]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (((1.0, 0.0), (2.0, 0.0)), "criterion 'b' is 0 for every alternative"),
        (((1.0, -1.0), (2.0, 1.0)), r"cell \(x, b\) = -1: TOPSIS scores are non-negative"),
        (((1.0,), (2.0, 1.0)), "must have 2 rows"),
    ],
)
def test_unusable_matrices_are_refused(values: tuple, message: str) -> None:
    with pytest.raises(AnalysisError, match=message):
        DecisionMatrix(
            name="m",
            alternatives=("x", "y"),
            criteria=(
                Criterion(id="a", kind="benefit", weight=1),
                Criterion(id="b", kind="benefit", weight=1),
            ),
            values=values,
        )


def test_identical_alternatives_cannot_be_separated() -> None:
    m = DecisionMatrix(
        name="m",
        alternatives=("x", "y"),
        criteria=(Criterion(id="a", kind="benefit", weight=1),),
        values=((2.0,), (2.0,)),
    )
    with pytest.raises(AnalysisError, match="TOPSIS cannot separate them"):
        topsis(m)
