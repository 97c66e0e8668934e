"""Build-out inputs: time nodes, aggregation rules, commissioning, reference additions."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from pestle.analysis.demand import BuildOut, aggregate, build_out_from_case
from pestle.analysis.demand.capacity import (
    base_additions_w,
    decimal_year,
    reference_additions_w,
    yearly_fractions,
)
from pestle.case.capacity_file import load_reference_additions
from pestle.case.parameters_file import load_overlaps
from pestle.errors import AnalysisError, CaseError, ParseError
from pestle.model import Entity


def _total(build_out: BuildOut, rule: str) -> float:
    return sum(c.capacity_w or 0.0 for c in aggregate(build_out, rule))


def test_decimal_year_is_the_middle_of_the_stated_period() -> None:
    assert decimal_year("2024") == 2024.5
    assert decimal_year("2023-05") == pytest.approx(2023 + 4.5 / 12)
    assert decimal_year("2024-01-01") == pytest.approx(2024 + 0.5 / 366)
    with pytest.raises(ValueError, match="not YYYY"):
        decimal_year("May 2023")
    with pytest.raises(ValueError, match="month 13"):
        decimal_year("2023-13")


def test_aggregation_rules_on_the_bases_table(build_out: BuildOut) -> None:
    # sum: 10 + 6.1 + 3 x 10 GW; max: the overlap group counts as its largest (30 GW);
    # union by entity: Huadian inside Northern Tianshan, three bases distinct (40 GW)
    assert _total(build_out, "sum") == pytest.approx(46.1e9)
    assert _total(build_out, "max") == pytest.approx(30e9)
    assert _total(build_out, "union_by_entity") == pytest.approx(40e9)
    union = {c.project.id: c.capacity_w for c in aggregate(build_out, "union_by_entity")}
    assert union["base_northern_tianshan"] == pytest.approx(3.9e9)
    assert union["base_huadian_tianshan_gobi"] == pytest.approx(6.1e9)
    assert union["base_southern_taklimakan"] is None  # not stated: not invented
    kept = {c.project.id for c in aggregate(build_out, "max")}
    assert kept == {"base_three_10gw_class", "base_southern_taklimakan"}
    with pytest.raises(AnalysisError, match="use one of union_by_entity, max, sum"):
        aggregate(build_out, "mean")


def test_build_out_rejects_unknown_overlap_members() -> None:
    with pytest.raises(ValueError, match="unknown project 'nope'"):
        BuildOut.model_validate(
            {
                "projects": [{"id": "a", "status": "planned", "node": "2024"}],
                "nested": [{"child": "nope", "parent": "a", "reason": "r"}],
            }
        )


def test_yearly_fractions_spread_a_build_evenly() -> None:
    years = np.arange(2023, 2029)
    f = yearly_fractions(np.array([2024.5]), np.array([2.0]), years)
    np.testing.assert_allclose(f[:, 0], [0, 0.25, 0.5, 0.25, 0, 0])
    # zero length: everything in the year that contains the start
    g = yearly_fractions(np.array([2025.3]), np.array([0.0]), years)
    np.testing.assert_allclose(g[:, 0], [0, 0, 1, 0, 0, 0])
    # many samples: each column sums to 1 when the window lies inside the horizon
    rng = np.random.default_rng(0)
    start, length = 2023 + 2 * rng.random(50), 0.1 + 3 * rng.random(50)
    np.testing.assert_allclose(yearly_fractions(start, length, years).sum(axis=0), 1.0)


def test_commissioning_by_status(build_out: BuildOut) -> None:
    years = np.arange(2020, 2030)
    counted = aggregate(build_out, "sum")
    add = base_additions_w(
        counted, years, build_years=2.0, planning_lag=1.0, unstated_capacity_w=0.0
    )[:, 0]
    assert add.sum() == pytest.approx(46.1e9)
    # the completed bases (mid-2024, T = 2) were built from mid-2022: 7.5 GW fall in 2022
    assert add[years == 2022][0] == pytest.approx(0.25 * 30e9)
    # a planned base without stated capacity adds nothing unless a capacity is assumed
    more = base_additions_w(
        counted, years, build_years=2.0, planning_lag=1.0, unstated_capacity_w=5e9
    )[:, 0]
    assert more.sum() - add.sum() == pytest.approx(5e9)
    # ... built from Dec 2023 + 1 year lag, over 2 years: nothing before 2024
    assert np.all(more[years <= 2024] - add[years <= 2024] < 5e9 * 0.5)


def test_reference_additions(build_out: BuildOut) -> None:
    ref = {a.year: a for a in build_out.reference_additions}
    assert ref[2024].capacity_w == pytest.approx(35.57e9) and not ref[2024].derived
    # derived: (100 GW end-2024 - 35.57 GW added in 2024) - (26.15 + 14.51 GW end-2022)
    assert ref[2023].capacity_w == pytest.approx(100e9 - 35.57e9 - 40.66e9)
    assert ref[2023].derived and "lower bounds" in ref[2023].note
    years = np.arange(2022, 2027)
    add = reference_additions_w(build_out.reference_additions, years, np.array([0.0, 0.1]))
    np.testing.assert_allclose(add[:, 0] / 1e9, [0, 23.77, 35.57, 35.57, 35.57])
    np.testing.assert_allclose(add[3:, 1] / 1e9, [35.57 * 1.1, 35.57 * 1.21])


def _entity(eid: str, kind: str, **attributes: object) -> Entity:
    return Entity(id=eid, kind=kind, name=eid, attributes=attributes)  # type: ignore[arg-type]


def test_build_out_from_case_entities() -> None:
    case = SimpleNamespace(
        entities=(
            _entity(
                "base_three_10gw_class",
                "energy_base",
                count=3,
                capacity_each_w=1e10,
                status="completed",
                date="2024",
            ),
            _entity(
                "base_southern_taklimakan",
                "energy_base",
                status="plan_under_evaluation",
                date="2023-12",
            ),
            _entity(
                "project_hydrogen_storage",
                "hydrogen_project",
                status="under_construction",
                date="2024",
            ),
            _entity(
                "corridor_hami_chongqing",
                "uhv_corridor",
                capacity_w=8e9,
                length_km_min=2260,
                length_km_max=2290,
                in_operation="2025-06-10",
            ),
            _entity("policy_x", "policy"),
        )
    )
    bo = build_out_from_case(case)
    by_id = {p.id: p for p in bo.projects}
    assert by_id["base_three_10gw_class"].capacity_w == 3e10
    assert by_id["base_southern_taklimakan"].status == "planned"
    assert by_id["base_southern_taklimakan"].capacity_w is None
    assert by_id["project_hydrogen_storage"].kind == "hydrogen_storage"
    (corridor,) = bo.corridors
    assert corridor.length_km == 2275 and corridor.in_operation == "2025-06-10"


def test_build_out_from_case_needs_a_status() -> None:
    case = SimpleNamespace(entities=(_entity("base_x", "energy_base", date="2024"),))
    with pytest.raises(CaseError, match="base_x: the demand model needs a status"):
        build_out_from_case(case)


# -- hand edits found by tests/case/test_case_fuzz.py -------------------------------------


@pytest.mark.parametrize(
    ("block", "line", "message"),
    [
        ("  nested: 1\n", 2, "overlaps.nested: expected a mapping child -> within/reason"),
        ("  groups: x\n", 2, "overlaps.groups: expected a list of members/reason"),
        ("  nested:\n    a:\n      within: b\n", 3, "overlaps.nested.a: give a 'reason'"),
        (
            "  nested:\n    a:\n      within: a\n      reason: r\n",
            3,
            "overlaps.nested.a: a project cannot lie within itself",
        ),
        ("  groups:\n    - {members: [a], reason: r}\n", 3, "overlaps.groups[0]: members: "),
    ],
)
def test_overlaps_of_the_wrong_shape_name_file_and_line(
    tmp_path, block: str, line: int, message: str
) -> None:
    path = tmp_path / "parameters.yaml"
    path.write_text("overlaps:\n" + block, encoding="utf-8")
    with pytest.raises(ParseError) as info:
        load_overlaps(path)
    assert str(info.value).startswith(f"{path}:{line}: {message}")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('{date: "abc", wind: 1.0e9, solar: 1.0e9}', "date 'abc': expected YYYY-MM-DD"),
        ('{date: "2022-12-31", wind: lots, solar: 1.0e9}', "wind: expected a number of W"),
        ('{date: "2022-12-31", added_in_2022: -1.0}', "added_in_2022: a capacity cannot be"),
    ],
)
def test_reference_additions_bad_rows_name_file_and_line(tmp_path, row: str, message: str) -> None:
    path = tmp_path / "ref.yaml"
    path.write_text(f"installed_capacity_w:\n  - {row}\n", encoding="utf-8")
    with pytest.raises(ParseError) as info:
        load_reference_additions(path)
    assert str(info.value).startswith(f"{path}:2: {message}")


def test_entity_capacity_that_is_not_a_number_names_file_and_line(case_copy) -> None:
    # `capacity_each_w: 1.0e10` retyped as `1.0economic` was a ValueError in the demand model;
    # the case loader now refuses it (an attribute with a unit holds a number), at its line
    from case_edit import edit_line
    from pestle.analysis.demand import load_demand_inputs

    energy = case_copy / "entities" / "energy.yaml"
    line = edit_line(energy, "capacity_each_w: 1.0e10", "capacity_each_w: 1.0economic")
    with pytest.raises(CaseError) as info:
        load_demand_inputs(case_copy)
    assert str(info.value) == (
        f"{energy}:{line}: capacity_each_w is '1.0economic', but it is a quantity in W: "
        "write a number (drop the attribute if the figure is not known)"
    )


def test_build_out_refuses_a_capacity_that_is_not_a_number() -> None:
    # the demand model's own guard, for a case built in Python rather than loaded from files
    case = SimpleNamespace(
        entities=(
            _entity("base_x", "energy_base", status="completed", date="2024", capacity_w="lots"),
        )
    )
    with pytest.raises(CaseError, match="capacity_w must be a finite number"):
        build_out_from_case(case)


def test_the_reference_path_without_additions_names_the_reference_file(case_copy) -> None:
    # found by the report-path fuzz: deleting the line with `added_in_2024` left a message
    # naming no file
    from case_edit import edit_line
    from pestle.analysis.demand import compare_scenarios, load_demand_inputs

    reference = case_copy / "sources" / "xinjiang_reference.yaml"
    edit_line(reference, "added_in_2024: 35.57e9, ", "")
    inputs = load_demand_inputs(case_copy)
    (scenario,) = [s for s in inputs.scenarios if s.name == "reference_capacity"]
    with pytest.raises(AnalysisError) as info:
        compare_scenarios(inputs.build_out, inputs.parameters, (scenario,), samples=50, seed=0)
    assert str(info.value) == (
        f"{reference}: no yearly new-energy additions ('added_in_<year>' under "
        "installed_capacity_w): the reference capacity path needs them"
    )
