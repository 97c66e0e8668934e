"""The demand inputs of the embedded case, read through `pestle.load_case`."""

from __future__ import annotations

from pathlib import Path

import pytest

import pestle
from pestle.analysis.demand import aggregate, load_demand_inputs
from pestle.errors import CaseError, InputError


def test_embedded_case_build_out() -> None:
    inputs = load_demand_inputs()
    bo = inputs.build_out
    by_id = {p.id: p for p in bo.projects}
    assert set(by_id) == {
        "base_northern_tianshan",
        "base_southern_taklimakan",
        "base_huadian_tianshan_gobi",
        "base_three_10gw_class",
        "project_hydrogen_storage",
    }
    assert by_id["base_three_10gw_class"].capacity_w == pytest.approx(3e10)
    assert by_id["base_three_10gw_class"].status == "completed"
    assert by_id["base_southern_taklimakan"].status == "planned"
    assert by_id["project_hydrogen_storage"].kind == "hydrogen_storage"
    assert {c.id for c in bo.corridors} == {
        "corridor_hami_zhengzhou",
        "corridor_zhundong_wannan",
        "corridor_hami_chongqing",
    }
    totals = {
        rule: sum(c.capacity_w or 0.0 for c in aggregate(bo, rule))
        for rule in ("sum", "max", "union_by_entity")
    }
    assert totals == pytest.approx({"sum": 46.1e9, "max": 30e9, "union_by_entity": 40e9})
    assert [a.year for a in bo.reference_additions] == [2023, 2024]
    assert inputs.scenarios[0].name == "observed"
    # the installed-capacity history: 2023-2024 from the end-2022 and end-2024 stocks
    observed = bo.observed
    assert observed is not None
    a23, a24 = observed.get(2023), observed.get(2024)
    assert a23 is not None and a24 is not None
    assert a23.total_w + a24.total_w == pytest.approx((43.64 + 56.66 - 26.15 - 14.51) * 1e9)
    assert a23.wind_w + a24.wind_w == pytest.approx((43.64 - 26.15) * 1e9)
    assert a24.total_w == pytest.approx(35.57e9)  # stated by State Grid


def test_case_without_parameters(tmp_path: Path) -> None:
    # a case folder of the embedded case's files but without parameters.yaml
    src = Path(load_demand_inputs().folder)
    for path in src.rglob("*"):
        if path.is_file() and path.name not in ("parameters.yaml", "scenarios.yaml"):
            target = tmp_path / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    # case.yaml names parameters.yaml: a declared file that is missing is an error there
    with pytest.raises(CaseError, match=r"case\.yaml:\d+: parameters: parameters\.yaml: no such"):
        load_demand_inputs(tmp_path)
    # a case.yaml that leaves the parameters at their default name: absent, so the demand
    # model has no parameters (and no scenarios: the file is optional)
    info = tmp_path / "case.yaml"
    text = info.read_text(encoding="utf-8")
    keep = [x for x in text.splitlines(True) if not x.startswith(("parameters:", "scenarios:"))]
    info.write_text("".join(keep), encoding="utf-8")
    case = pestle.load_case(tmp_path)
    assert case.scenarios == ()
    assert case.overlaps == ((), ())
    with pytest.raises(InputError, match=r"parameters\.yaml: file not found \(the demand"):
        load_demand_inputs(case)
