"""The factorised (I - M)^-1 added to pestle.analysis.propagation for many solves."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from pestle.analysis.propagation import Propagator, leontief_inverse, propagate
from pestle.errors import AnalysisError

M = np.array([[0.1, 0.3, 0.0], [0.2, 0.1, 0.4], [0.05, 0.2, 0.1]])


def test_agrees_with_the_shared_inverse_and_propagate() -> None:
    p = Propagator(M)
    f = np.array([1.0, 2.0, 3.0])
    assert_allclose(p.inverse(), leontief_inverse(M), rtol=1e-13)
    assert_allclose(p.solve(f), propagate(M, f), rtol=1e-13)
    assert_allclose(p.solve_transposed(f), f @ leontief_inverse(M), rtol=1e-13)


def test_singular_system_is_refused_like_the_shared_functions() -> None:
    with pytest.raises(AnalysisError, match=r"^I - A is singular or nearly so"):
        Propagator(np.array([[1.0, 0.0], [0.0, 0.5]]), name="A")
    with pytest.raises(AnalysisError, match="square"):
        Propagator(np.ones((2, 3)))
