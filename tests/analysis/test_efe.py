"""EFE matrix: weighted score, David's interpretation, refused inputs."""

from __future__ import annotations

import pytest

from pestle.analysis.efe import (
    EFE_AVERAGE,
    EFE_MAX,
    EFE_MIN,
    EfeFactor,
    EfeMatrix,
    efe,
    efe_matrix,
    interpret,
)
from pestle.errors import AnalysisError


def test_davids_scale_and_interpretation() -> None:
    # David, Strategic Management: Concepts and Cases, ch. 3 (EFE Matrix): "the highest possible
    # total weighted score ... is 4.0 and the lowest ... 1.0. The average total weighted score
    # is 2.5"; the ten-theatre cinema example scores 2.58, "above the average (midpoint) of 2.5".
    assert (EFE_MIN, EFE_AVERAGE, EFE_MAX) == (1.0, 2.5, 4.0)
    assert interpret(2.58) == "above_average"
    assert interpret(2.5) == "average"
    assert interpret(2.3) == "below_average"


def test_weighted_score_totals_and_subtotals() -> None:
    m = efe_matrix(
        "m",
        {"o1": 0.5, "o2": 0.2, "t1": 0.3},
        {"o1": 4, "o2": 2, "t1": 1},
        {"o1": "opportunity", "o2": "opportunity", "t1": "threat"},
    )
    result = efe(m)
    assert result.total == pytest.approx(0.5 * 4 + 0.2 * 2 + 0.3 * 1)  # 2.7
    assert result.opportunities == pytest.approx(2.4)
    assert result.threats == pytest.approx(0.3)
    assert result.interpretation == "above_average"
    assert result.responding_well
    assert result.to_frame().loc["o1", "weighted_score"] == pytest.approx(2.0)
    assert result.to_dict()["total"] == pytest.approx(2.7)


@pytest.mark.parametrize(("rating", "total"), [(1, 1.0), (4, 4.0)])
def test_extreme_ratings_give_the_scale_ends(rating: int, total: float) -> None:
    factors = tuple(
        EfeFactor(id=f"f{i}", kind="opportunity", weight=0.25, rating=rating) for i in range(4)
    )
    assert efe(EfeMatrix(name="m", factors=factors)).total == pytest.approx(total)


@pytest.mark.parametrize(
    ("factors", "message"),
    [
        ((("a", 0.5, 3), ("b", 0.4, 3)), "weights sum to 0.900000, not 1.0"),
        ((("a", 0.5, 5), ("b", 0.5, 3)), "factor 'a' rating 5 is not 1, 2, 3 or 4"),
        ((("a", 1.5, 3), ("b", -0.5, 3)), "factor 'a' weight 1.5 is outside 0..1"),
        ((("a", 0.5, 3), ("a", 0.5, 3)), r"lists factor\(s\) \['a'\] twice"),
    ],
)
def test_unusable_matrices_are_refused(factors: tuple, message: str) -> None:
    with pytest.raises(AnalysisError, match=message):
        EfeMatrix(
            name="m",
            factors=tuple(
                EfeFactor(id=i, kind="threat", weight=w, rating=r) for i, w, r in factors
            ),
        )


def test_assembly_needs_weights_ratings_and_kinds_for_every_factor() -> None:
    with pytest.raises(AnalysisError, match=r"factors \['b'\] lack a weight, a rating or a kind"):
        efe_matrix("m", {"a": 1.0}, {"a": 3, "b": 2}, {"a": "threat"})
