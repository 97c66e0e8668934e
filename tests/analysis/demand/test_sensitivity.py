"""Sobol' indices through SALib: Ishigami, the clipping rule, the demand model."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pestle.analysis.demand import (
    BuildOut,
    SensitivityResult,
    SobolProblem,
    demand_sensitivity,
    sobol_indices,
)
from pestle.errors import AnalysisError
from pestle.model.parameter import ParameterSet


def ishigami(x: np.ndarray, a: float = 7.0, b: float = 0.1) -> np.ndarray:
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def test_ishigami_known_indices() -> None:
    problem = SobolProblem(names=("x1", "x2", "x3"), bounds=((-np.pi, np.pi),) * 3)
    r = sobol_indices(ishigami, problem, base_samples=2**13, seed=7)
    # analytic values (Ishigami & Homma 1990; a = 7, b = 0.1)
    np.testing.assert_allclose(r.S1, [0.314, 0.442, 0.0], atol=0.03)
    np.testing.assert_allclose(r.ST, [0.558, 0.442, 0.244], atol=0.03)
    assert r.evaluations == 2**13 * (3 + 2)
    assert r.ranking == ("x1", "x2", "x3")
    assert np.all(r.S1_conf > 0) and np.all(r.S1_conf < 0.05)


def test_base_samples_must_be_a_power_of_two() -> None:
    problem = SobolProblem(names=("x",), bounds=((0.0, 1.0),))
    with pytest.raises(AnalysisError, match="power of 2"):
        sobol_indices(lambda x: x[:, 0], problem, base_samples=1000)


def test_negative_first_order_is_clipped_for_ranking_only() -> None:
    r = SensitivityResult(
        output="y",
        names=("a", "b", "c"),
        S1=np.array([-0.02, 0.5, 0.0]),
        S1_conf=np.array([0.03, 0.02, 0.0]),
        ST=np.array([0.01, 0.6, 0.0]),
        ST_conf=np.array([0.005, 0.02, 0.0]),
        base_samples=8,
        evaluations=40,
        calc_second_order=False,
        seed=0,
    )
    frame = r.to_frame().set_index("parameter")
    assert frame.loc["a", "S1"] == -0.02  # the estimate is kept ...
    assert frame.loc["a", "S1_clipped"] == 0.0  # ... and clipped for ranking
    assert bool(frame.loc["a", "S1_includes_zero"])
    assert frame.loc["a", "S1_low"] == pytest.approx(-0.05)
    assert r.ranking == ("b", "a", "c")
    assert list(r.top(5)["parameter"]) == ["b", "a"]  # c does not enter the output
    assert bool(frame.loc["c", "inert"])


def test_demand_drivers(build_out: BuildOut, parameters: ParameterSet) -> None:
    r = demand_sensitivity(build_out, parameters, base_samples=2**10, seed=2)
    frame = r.to_frame().set_index("parameter")
    # the technology mix (an assumption) and the blade mass dominate total demand
    assert r.ranking[0] == "wind_share"
    assert frame.loc["wind_share", "assumption"]
    assert frame.loc["blade_mass_t_per_mw", "ST"] > 0.02
    # parameters that do not enter this scenario are exactly zero (per-MW blades, bases path)
    for name in ("rotor_diameter_m", "turbine_rating_mw", "reference_growth"):
        assert frame.loc[name, "inert"], name
    assert r.to_dict()["indices"][0]["parameter"] == "wind_share"


def test_demand_sensitivity_needs_uncertainty(build_out: BuildOut, fixed: ParameterSet) -> None:
    with pytest.raises(AnalysisError, match="every parameter is fixed"):
        demand_sensitivity(build_out, fixed, base_samples=64)


def test_second_order_design_doubles_the_runs() -> None:
    problem = SobolProblem(names=("x1", "x2", "x3"), bounds=((-np.pi, np.pi),) * 3)
    r = sobol_indices(ishigami, problem, base_samples=2**10, seed=1, calc_second_order=True)
    assert r.evaluations == 2**10 * (2 * 3 + 2)
    np.testing.assert_allclose(r.ST, [0.558, 0.442, 0.244], atol=0.06)


@settings(max_examples=40, deadline=None)
@given(
    d=st.integers(1, 14),
    exponent=st.integers(0, 8),
    seed=st.integers(0, 2**31 - 1),
    second=st.booleans(),
    low=st.floats(-1e3, 1e3),
    width=st.floats(1e-3, 1e3),
)
def test_saltelli_sample_is_salibs_matrix_value_for_value(d, exponent, seed, second, low, width):
    """The array-built Saltelli matrix equals SALib's loop, row for row, bit for bit."""
    from SALib.sample import sobol as sobol_sample

    from pestle.analysis.demand.sensitivity import saltelli_sample

    spec = {"num_vars": d, "names": [f"x{i}" for i in range(d)], "bounds": [[low, low + width]] * d}
    n = 2**exponent
    ours = saltelli_sample(spec, n, calc_second_order=second, seed=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SALib warns of N not a power of 2 at N=1
        theirs = sobol_sample.sample(dict(spec), n, calc_second_order=second, seed=seed)
    assert ours.shape == theirs.shape == (n * ((2 if second else 1) * d + 2), d)
    assert np.array_equal(ours, theirs)
