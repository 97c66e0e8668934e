"""Entropy weights: published examples, the e_j / d_j tables, refused inputs."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from pestle.analysis.entropy import IndicatorPanel, entropy_weights
from pestle.errors import AnalysisError


def panel(values: list[list[float]], name: str = "p") -> IndicatorPanel:
    return IndicatorPanel(
        name=name,
        periods=tuple(f"t{i}" for i in range(len(values))),
        indicators=tuple(f"c{j}" for j in range(len(values[0]))),
        values=tuple(tuple(row) for row in values),
    )


def test_xu_2004_example() -> None:
    # Xu, X. (2004). A note on the subjective and objective integrated approach to determine
    # attribute weights. European Journal of Operational Research 156(2), 530-532. Published
    # entropy weights 0.4630, 0.3992, 0.1378, 0.0000 (the last attribute barely varies).
    result = entropy_weights(
        panel([[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]])
    )
    assert_allclose(result.weights, [0.4630, 0.3992, 0.1378, 0.0000], atol=5e-5)


def test_zavadskas_podvezko_2016_example() -> None:
    # Zavadskas, E. K. & Podvezko, V. (2016). Integrated determination of objective criteria
    # weights in MCDM. Int. J. of Information Technology & Decision Making 15(02), 267-283.
    # Published entropy weights 0.1146, 0.1981, 0.4185, 0.2689.
    result = entropy_weights(
        panel([[3.0, 100, 10, 7], [2.5, 80, 8, 5], [1.8, 50, 20, 11], [2.2, 70, 12, 9]])
    )
    assert_allclose(result.weights, [0.1146, 0.1981, 0.4185, 0.2689], atol=5e-5)


def test_entropy_divergence_and_weights_agree() -> None:
    result = entropy_weights(panel([[1, 10, 5], [2, 10, 6], [4, 11, 5]]))
    e, d, w = (np.array(x) for x in (result.entropy, result.divergence, result.weights))
    assert np.all((e >= 0) & (e <= 1))
    assert_allclose(d, 1 - e)
    assert_allclose(w, d / d.sum(), rtol=1e-12)  # our e_j and pymcdm's weights agree
    assert w[0] == max(w)  # the indicator that doubles twice carries the most information
    frame = result.to_frame()
    assert list(frame.columns) == ["entropy", "divergence", "weight"]
    assert result.to_dict()["indicators"] == ["c0", "c1", "c2"]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ([[1, 0], [2, 3]], r"cell \(t0, c1\) = 0: entropy weights need strictly positive values"),
        ([[1, 2], [2, -3]], r"cell \(t1, c1\) = -3: entropy weights need strictly positive"),
        ([[1, 2]], r"has 1 period\(s\); entropy weights need at least two"),
        ([[1, 2], [1, 2]], "no indicator varies across periods"),
    ],
)
def test_unusable_panels_are_refused(values: list[list[float]], message: str) -> None:
    with pytest.raises(AnalysisError, match=message):
        entropy_weights(panel(values))
