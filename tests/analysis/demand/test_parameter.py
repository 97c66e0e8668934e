"""Parameters, parameter sets, scenarios and their loaders (file:line errors)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pestle.case.parameters_file import load_parameters, load_scenarios, parse_assignment
from pestle.errors import InputError, ParseError
from pestle.model.parameter import Parameter, ParameterSet


def _p(**kw: object) -> Parameter:
    base = {"name": "x", "unit": "t", "source": "test"}
    return Parameter.model_validate({**base, **kw})


def test_case_parameters_have_provenance(parameters: ParameterSet) -> None:
    for p in parameters:
        assert p.source or (p.assumption and p.reason), p.name
    flagged = {p.name for p in parameters if p.assumption}
    # figures the data does not give are flagged, not passed off as sourced
    assert {"insulator_mass_kg", "wind_share", "carbon_spar_adoption"} <= flagged
    assert not parameters["blade_mass_t_per_mw"].assumption
    assert parameters["blade_mass_t_per_mw"].range == (10.0, 14.0)
    assert parameters["pv_glass_fibre_t_per_gw"].quality == "weak"
    assert parameters["aggregation"].base == "union_by_entity"


def test_ppf_uniform_and_triangular() -> None:
    u = np.array([0.0, 0.25, 0.5, 1.0])
    uni = _p(distribution="uniform", base=2, range=[0, 4])
    np.testing.assert_allclose(uni.ppf(u), [0, 1, 2, 4])
    tri = _p(distribution="triangular", base=1, range=[0, 4])
    # CDF of the mode is (mode - low) / (high - low) = 0.25
    np.testing.assert_allclose(tri.ppf(np.array([0.0, 0.25, 1.0])), [0, 1, 4])
    assert tri.mean == pytest.approx(5 / 3)
    draws = tri.ppf(np.random.default_rng(0).random(200_000))
    assert draws.mean() == pytest.approx(5 / 3, abs=0.01)


def test_fixed_at_and_categorical() -> None:
    cat = _p(unit="choice", base="a", choices=["a", "b"])
    assert cat.fixed_at("b").base == "b"
    with pytest.raises(ValueError, match="must be one of a, b"):
        cat.fixed_at("c")
    num = _p(distribution="uniform", base=1, range=[0, 2])
    fixed = num.fixed_at(5)
    assert (fixed.distribution, fixed.base) == ("fixed", 5.0)
    with pytest.raises(ValueError, match="is a number"):
        num.fixed_at("high")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"distribution": "uniform", "base": 1}, "needs a 'range'"),
        ({"distribution": "uniform", "base": 5, "range": [0, 2]}, "outside range"),
        ({"source": None}, "give a 'source'"),
        ({"assumption": True, "source": None}, "needs a 'reason'"),
        ({"base": "x"}, "list the allowed 'choices'"),
    ],
)
def test_invalid_parameters(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        _p(**{"base": 1, **fields})


def test_set_unknown_name_lists_close_names(parameters: ParameterSet) -> None:
    with pytest.raises(InputError) as info:
        parameters.with_values({"blade_mass": 12.0})
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("overrides: unknown parameter 'blade_mass'")
    assert info.value.parameter == "overrides"
    assert "blade_mass_t_per_mw" in message


def test_set_bad_values(parameters: ParameterSet) -> None:
    with pytest.raises(InputError, match="aggregation must be one of union_by_entity, max, sum"):
        parameters.with_values({"aggregation": "mean"})
    with pytest.raises(InputError, match="wind_share is a number"):
        parameters.with_values({"wind_share": "lots"})
    assert parameters.with_values({"wind_share": 0.3})["wind_share"].base == 0.3


def test_parse_assignment() -> None:
    assert parse_assignment("wind_share=0.5") == ("wind_share", 0.5)
    assert parse_assignment("aggregation = max") == ("aggregation", "max")
    assert parse_assignment("unstated_capacity_w=1e10") == ("unstated_capacity_w", 1e10)
    with pytest.raises(InputError, match="expected NAME=VALUE"):
        parse_assignment("wind_share")


def _write(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_parameters_reports_file_and_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "parameters:\n"
        "  a:\n"
        "    unit: t\n"
        "    base: 1\n"
        "    source: s\n"
        "  b:\n"
        "    unit: t\n"
        "    distribution: uniform\n"
        "    base: 3\n"
        "    range: [5, 1]\n"
        "    source: s\n",
    )
    with pytest.raises(ParseError) as info:
        load_parameters(path)
    assert str(info.value).startswith(f"{path}:6: parameter b")
    assert "low <= high" in str(info.value)


def test_load_parameters_field_error_points_at_field(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "parameters:\n  a:\n    unit: t\n    base: 1\n    distribution: normal\n"
    )
    with pytest.raises(ParseError, match=r":5: parameter a\.distribution"):
        load_parameters(path)


def test_load_parameters_bad_yaml(tmp_path: Path) -> None:
    path = _write(tmp_path, "parameters:\n  a: [1, 2\n")
    with pytest.raises(ParseError, match=r"p\.yaml:\d+:\d+: malformed YAML"):
        load_parameters(path)


def test_load_parameters_reads_1e10_as_a_number(tmp_path: Path) -> None:
    path = _write(tmp_path, "parameters:\n  a:\n    unit: W\n    base: 1e10\n    source: s\n")
    assert load_parameters(path)["a"].base == 1e10


def test_load_scenarios_unknown_parameter_line(tmp_path: Path, parameters: ParameterSet) -> None:
    path = _write(
        tmp_path,
        "scenarios:\n  s1:\n    description: d\n    set:\n      wind_shares: 0.5\n",
        "s.yaml",
    )
    with pytest.raises(ParseError) as info:
        load_scenarios(path, parameters)
    assert str(info.value).startswith(f"{path}:5: scenario 's1': unknown parameter")
    assert "wind_share" in str(info.value)


def test_load_scenarios_distribution_override(tmp_path: Path, parameters: ParameterSet) -> None:
    path = _write(
        tmp_path,
        "scenarios:\n"
        "  s1:\n"
        "    set:\n"
        "      carbon_spar_adoption: {distribution: uniform, range: [0.8, 1.0]}\n"
        "      aggregation: max\n",
        "s.yaml",
    )
    (scenario,) = load_scenarios(path, parameters)
    applied = parameters.apply(scenario)
    assert applied["carbon_spar_adoption"].distribution == "uniform"
    assert applied["carbon_spar_adoption"].support == (0.8, 1.0)
    assert applied["aggregation"].base == "max"


def test_case_scenarios(scenarios) -> None:  # type: ignore[no-untyped-def]
    names = [s.name for s in scenarios]
    assert names[:4] == ["observed", "as_stated", "reference_capacity", "carbon_spar_caps"]
    assert all(s.description for s in scenarios)


def test_load_scenarios_bad_value_line(tmp_path: Path, parameters: ParameterSet) -> None:
    path = _write(
        tmp_path,
        "scenarios:\n  s1:\n    set:\n      wind_share: 0.5\n      aggregation: mean\n",
        "s.yaml",
    )
    with pytest.raises(ParseError) as info:
        load_scenarios(path, parameters)
    assert str(info.value) == (
        f"{path}:5: scenario 's1', aggregation: aggregation must be one of "
        "union_by_entity, max, sum; got 'mean'"
    )


# -- hand edits found by tests/case/test_case_fuzz.py -------------------------------------


@pytest.mark.parametrize(
    ("base", "message"),
    [
        (
            "!!python/object:os.system x",
            r":4:11: malformed YAML: could not determine a constructor",
        ),
        ("!!int abc", r":4:11: malformed YAML: cannot read this value"),
    ],
)
def test_load_parameters_tag_pyyaml_cannot_build_is_located(
    tmp_path: Path, base: str, message: str
) -> None:
    path = _write(tmp_path, f"parameters:\n  a:\n    unit: t\n    base: {base}\n    source: s\n")
    with pytest.raises(ParseError, match=rf"^{path}{message}"):
        load_parameters(path)


def test_load_parameters_duplicate_key_is_an_error(tmp_path: Path) -> None:
    # a duplicated line used to be read silently, the last value winning
    path = _write(
        tmp_path, "parameters:\n  a:\n    unit: t\n    base: 1\n    base: 2\n    source: s\n"
    )
    with pytest.raises(
        ParseError, match=rf"^{path}:5:5: .*duplicate key 'base' \(first at line 4\)"
    ):
        load_parameters(path)


def test_load_parameters_date_like_base_is_text(tmp_path: Path) -> None:
    # PyYAML reads 2024-13-45 as a date and fails with "month must be in 1..12"
    path = _write(tmp_path, "parameters:\n  a:\n    unit: t\n    base: 2024-13-45\n    source: s\n")
    with pytest.raises(ParseError, match=r":2: parameter a: base '2024-13-45' is text"):
        load_parameters(path)


def test_a_parameter_the_model_needs_is_missing(parameters: ParameterSet) -> None:
    from pestle.analysis.demand import compare_scenarios, load_demand_inputs

    inputs = load_demand_inputs()
    name = "h2_transport_vessels_per_year"
    partial = ParameterSet(
        parameters=tuple(p for p in parameters if p.name != name), origin="parameters.yaml"
    )
    with pytest.raises(
        ParseError, match=rf"^parameters.yaml: parameter '{name}' is missing and the model needs"
    ):
        compare_scenarios(inputs.build_out, partial, inputs.scenarios[:1], samples=10)
    start = ParameterSet(
        parameters=tuple(p for p in parameters if p.name != "horizon_start"),
        origin="parameters.yaml",
    )
    with pytest.raises(ParseError, match=r"parameter 'horizon_start' is missing"):
        compare_scenarios(inputs.build_out, start, inputs.scenarios[:1], samples=10)


@pytest.mark.parametrize("end", [-1e300, 1e300, 1e6])
def test_a_horizon_out_of_range_names_the_file(parameters: ParameterSet, end: float) -> None:
    # horizon_end edited to a huge number: the model tried to allocate that many years
    from pestle.analysis.demand import compare_scenarios, load_demand_inputs
    from pestle.errors import AnalysisError

    inputs = load_demand_inputs()
    changed = parameters.with_values({"horizon_end": end}).model_copy(
        update={"origin": "parameters.yaml"}
    )
    with pytest.raises(
        AnalysisError, match=r"^parameters.yaml: horizon_start 2\d+ and horizon_end"
    ):
        compare_scenarios(inputs.build_out, changed, inputs.scenarios[:1], samples=10)
