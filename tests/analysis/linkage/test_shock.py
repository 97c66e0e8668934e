"""Composite demand -> final-demand shock -> linkage effects, and the case's linkage file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
import yaml

import pestle
from pestle.analysis.linkage import (
    LeontiefModel,
    LinkageConfig,
    china_2020,
    composite_effects,
    final_demand,
    leontief,
    load_config,
)
from pestle.case.linkage_file import load_linkage
from pestle.errors import AnalysisError, CaseError, InputError, ParseError

TONNES = {"wind_blades": 40000.0, "pv_frames": 10000.0, "carbon_spar_caps": 2000.0}


DEFAULT_CONFIG = pestle.load_case().files()["linkage"][0]  # the embedded case's linkage file


@pytest.fixture(scope="module")
def config() -> LinkageConfig:
    return pestle.load_case().linkage  # type: ignore[return-value]


def test_the_case_reads_its_linkage_file_through_the_parser() -> None:
    case = pestle.load_case()
    assert case.linkage == load_linkage(DEFAULT_CONFIG) == load_config(DEFAULT_CONFIG)
    assert case.linkage is case.linkage  # read once
    assert case.folder / "linkage.yaml" == DEFAULT_CONFIG


def test_composite_effects_needs_a_config() -> None:
    with pytest.raises(TypeError):
        composite_effects(TONNES)  # type: ignore[call-arg]


@pytest.fixture(scope="module")
def model() -> LeontiefModel:
    return leontief(china_2020(153))


def test_case_file_flags_every_unsourced_figure(config: LinkageConfig) -> None:
    table = china_2020(153)
    assert config.table == "china_2020_153"
    from pestle.analysis.demand import SEGMENTS  # every segment of the demand model is mapped

    assert set(SEGMENTS) <= set(config.segments)
    for segment in config.segments.values():
        low, high = segment.price.range
        assert segment.price.assumption and segment.price.source is None
        assert segment.price.reason and segment.sectors.reason
        assert 0 < low < high and high / low >= 3  # wide on purpose
        assert segment.sectors.assumption
        assert sum(segment.sectors.shares.values()) == pytest.approx(1.0)
        assert set(segment.sectors.shares) <= set(table.codes)
    raw = yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    assert all(s["price"]["assumption"] is True for s in raw["segments"].values())


def test_final_demand_is_tonnes_times_price_times_share(config: LinkageConfig) -> None:
    table = china_2020(153)
    f = final_demand({"pv_frames": 100.0}, config, table)  # central = (5000 + 40000) / 2
    i057, i053 = table.codes.index("057"), table.codes.index("053")
    assert f[i057] == pytest.approx(100 * 22500 * 0.8)
    assert f[i053] == pytest.approx(100 * 22500 * 0.2)
    assert np.count_nonzero(f) == 2
    low = final_demand({"pv_frames": 100.0}, config, table, "low")
    assert low.sum() == pytest.approx(100 * 5000)
    fixed = final_demand({"pv_frames": 100.0}, config, table, {"pv_frames": 12000.0})
    assert fixed.sum() == pytest.approx(100 * 12000)


def test_effects_at_low_central_high(config: LinkageConfig, model: LeontiefModel) -> None:
    result = composite_effects(TONNES, config=config, model=model)
    totals = {case: e.totals() for case, e in result.cases.items()}
    assert totals["low"]["output_total"] < totals["central"]["output_total"]
    assert totals["central"]["output_total"] < totals["high"]["output_total"]
    # linear in price and the central price is the midpoint of each range
    for key in ("output_total", "value_added_total", "imports_total"):
        mid = (totals["low"][key] + totals["high"][key]) / 2
        assert totals["central"][key] == pytest.approx(mid, rel=1e-12)
    central = totals["central"]
    yuan = sum(t * config.segments[s].price.value("central") for s, t in TONNES.items())
    assert central["final_demand"] == pytest.approx(yuan)
    assert central["output_direct"] + central["output_indirect"] == pytest.approx(
        central["output_total"]
    )
    assert central["value_added_total"] + central["imports_total"] == pytest.approx(yuan)
    assert central["output_indirect"] > 0


def test_result_shape_and_note(config: LinkageConfig, model: LeontiefModel) -> None:
    result = composite_effects(TONNES, config=config, model=model)
    frame = result.to_frame()
    assert {"057", "047", "053", "060", "051"} <= set(frame.index)
    assert (frame["output_total_low"] <= frame["output_total"]).all()
    data = result.to_dict()
    assert "no regional table exists for the case's region" in data["note"]
    assert "stated assumptions" in data["note"]
    assert len(data["assumptions"]) == 3 and data["unit"] == "CNY"
    assert data["prices_cny_per_t"]["high"]["wind_blades"] == 30000
    json.dumps(data)


def test_unknown_segment(config: LinkageConfig) -> None:
    with pytest.raises(AnalysisError) as info:
        final_demand({"boat_hulls": 1.0}, config, china_2020(153))
    assert str(info.value) == (
        f"{DEFAULT_CONFIG}: no sector mapping for segment 'boat_hulls' (known: "
        "carbon_spar_caps, hydrogen_vessels, pv_frames, transmission_insulators, wind_blades, "
        "wind_repowering)"
    )


def test_negative_tonnes(config: LinkageConfig) -> None:
    with pytest.raises(AnalysisError, match="tonnes for segment 'pv_frames' must be >= 0"):
        final_demand({"pv_frames": -1.0}, config, china_2020(153))


SEGMENT = """table: china_2020_153
price_basis: test
segments:
  frames:
    description: d
    tonnes_of: t
    price:
      unit: CNY/t
      range: [1000, 2000]
{flag}
    sectors:
      shares: {shares}
      assumption: true
      reason: r
"""


def _write(tmp_path: Path, flag: str, shares: str) -> Path:
    path = tmp_path / "linkage.yaml"
    path.write_text(SEGMENT.format(flag=flag, shares=shares), encoding="utf-8")
    return path


def test_shares_must_sum_to_one(tmp_path: Path) -> None:
    path = _write(tmp_path, "      assumption: true\n      reason: r", '{"057": 0.5, "053": 0.4}')
    with pytest.raises(CaseError) as info:
        load_config(path)
    assert str(info.value) == f"{path}:12: segments.frames.sectors: shares sum to 0.9, not 1"


def test_unsourced_price_must_be_flagged(tmp_path: Path) -> None:
    path = _write(tmp_path, "", '{"057": 1.0}')
    with pytest.raises(CaseError) as info:
        load_config(path)
    assert str(info.value) == (
        f"{path}:7: segments.frames.price: no source: mark it `assumption: true` and give a "
        "`reason`"
    )


def test_sector_not_in_table(tmp_path: Path) -> None:
    path = _write(tmp_path, "      assumption: true\n      reason: r", '{"999": 1.0}')
    config = load_config(path)
    with pytest.raises(AnalysisError, match="maps to sector '999', which is not in"):
        final_demand({"frames": 1.0}, config, china_2020(153))


# -- hand edits found by tests/case/test_case_fuzz.py -------------------------------------


def test_linkage_file_not_utf8_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "linkage.yaml"
    data = DEFAULT_CONFIG.read_bytes()
    path.write_bytes(data[:200] + b"\xff\xfe" + data[200:])
    with pytest.raises(InputError) as info:
        load_config(path)
    assert str(info.value) == f"{path}: not UTF-8 text (byte 200); save it as UTF-8"


def test_linkage_date_like_text_is_text_not_a_crash(tmp_path: Path) -> None:
    # PyYAML reads 2024-13-45 as a date and fails with "month must be in 1..12"
    path = tmp_path / "linkage.yaml"
    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    # the key's line and its language forms below it
    text = re.sub(r"^price_basis:.*\n(?:  .*\n)*", "price_basis: 2024-13-45\n", text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    assert load_config(path).price_basis == "2024-13-45"


def test_linkage_value_of_the_wrong_type_is_located(tmp_path: Path) -> None:
    path = tmp_path / "linkage.yaml"
    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    path.write_text(text.replace("table: china_2020_153", "table: !!int abc", 1), encoding="utf-8")
    line = next(n for n, s in enumerate(text.splitlines(), 1) if s.startswith("table:"))
    with pytest.raises(ParseError, match=rf"^{path}:{line}:8: malformed YAML: cannot read this"):
        load_config(path)
