"""The report's runs of the analyses: the case read once, factor analyses not redone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pestle.report import adapters
from pestle.report.context import gather


def test_the_case_is_read_once_per_build(monkeypatch) -> None:
    import pestle.case

    calls = []
    real = pestle.case.load_case

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(pestle.case, "load_case", counting)
    inputs = gather()
    assert len(calls) == 1
    assert inputs.get("demand_inputs").build_out.projects  # the demand model got the case


def test_factor_analyses_are_reused_while_the_judgments_are_the_same(tmp_path: Path) -> None:
    import pestle.case

    first = gather()
    again = gather()
    assert again.get("robustness") is first.get("robustness")
    assert again.get("ahp") is first.get("ahp")
    case = tmp_path / "case"
    shutil.copytree(pestle.case.case_folder(pestle.case.DEFAULT_CASE), case)
    path = case / "judgments.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    other = gather(case)
    assert other.get("robustness") is not first.get("robustness")
    assert other.get("robustness").to_dict() == first.get("robustness").to_dict()


def test_parameters_fixed_for_a_build_reach_the_demand_model() -> None:
    inputs = adapters.load(None, None, {"blade_mass_t_per_mw": 12})
    adapters.run_checks(inputs)
    adapters.run_analyses(inputs)
    result = inputs.get("demand")[inputs.get("scenario_name")]
    param = next(p for p in result.parameters if p.name == "blade_mass_t_per_mw")
    assert param.distribution == "fixed" and param.base == pytest.approx(12)
