"""Reference data of the Xinjiang case as typed, sourced entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from pestle.case.references import load_references, unit_of
from pestle.errors import CaseError, ParseError
from pestle.model import Period

CASE_DIR = Path(__file__).resolve().parents[2] / "src" / "pestle" / "cases" / "xinjiang_composites"

SOURCES = CASE_DIR / "sources"


@pytest.fixture(scope="module")
def refs():
    return load_references(
        {
            "xinjiang_reference": SOURCES / "xinjiang_reference.yaml",
            "composite_intensity": SOURCES / "composite_intensity.yaml",
        }
    )


def test_series_rows_keep_period_value_qualifier_quality_and_source(refs) -> None:
    gdp_2024 = refs.get("gdp_cny@2024-01-01/2024-12-31")
    assert gdp_2024.period == Period.year(2024)
    assert (gdp_2024.value, gdp_2024.unit, gdp_2024.qualifier) == (2.0e12, "CNY", ">")
    assert (gdp_2024.growth_pct, gdp_2024.quality, gdp_2024.source) == (6.1, "firm", "Xinhua")
    assert [e.period.start.year for e in refs.series("gdp_cny")] == [2021, 2022, 2023, 2024, 2024]
    national = refs.get("national_gdp_growth_pct@2025-01-01/2025-03-31")
    assert (national.value, national.unit) == (5.4, "%")
    h1 = refs.get("foreign_trade_cny@2023-01-01/2023-06-30")
    assert (h1.value, h1.growth_pct) == (149.62e9, 65.2)
    assert h1.source.startswith("People's Daily English 2023-07-24")
    assert len(refs.series("foreign_trade_cny")) == 8


def test_dated_rows_become_one_entry_per_measure(refs) -> None:
    wind = refs.series("installed_capacity_w.wind")
    assert [(e.period.iso(), e.value, e.qualifier) for e in wind] == [
        ("2022-12-31/2022-12-31", 26.15e9, "="),
        ("2023-04-30/2023-04-30", 27.7e9, ">"),
    ]
    share = refs.get("installed_capacity_w.share_of_installed@2024-12-30")
    assert (share.value, share.unit) == (0.55, "fraction")
    assert refs.get("installed_capacity_w.new_energy_total@2024-12-30").unit == "W"


def test_corridors_are_typed_with_length_ranges(refs) -> None:
    assert [c.name for c in refs.corridors] == [
        "Hami South - Zhengzhou",
        "Zhundong (Changji) - Wannan (Guquan)",
        "Hami - Chongqing",
    ]
    chongqing = refs.get("uhv_corridors@Hami - Chongqing")
    assert (chongqing.voltage_kv, chongqing.capacity_w) == (800, 8e9)
    assert (chongqing.length_km_min, chongqing.length_km_max) == (2260, 2290)
    assert (chongqing.in_operation, chongqing.investment_cny) == ("2025-06-10", 28.6e9)
    assert chongqing.field("length_km_max") == 2290
    assert "hvdcworld.com" in chongqing.source
    assert chongqing.file.endswith("xinjiang_reference.yaml") and chongqing.line == 26


def test_intensity_entries_keep_ranges_status_and_sources(refs) -> None:
    blade = refs.get("wind_blades.blade_mass_per_mw")
    assert (blade.unit, blade.base, blade.low, blade.high) == ("t/MW", 10, 10, 14)
    assert len(blade.sources) == 2 and "CompositesWorld" in blade.sources[0]
    assert refs.get("wind_blades.glass_carbon_resin_mass_shares").status == "not_found"
    waste = refs.get("end_of_life.blade_waste_global_2050_t")
    assert waste.value == 43_000_000 and waste.data["shares"]["China"] == 0.40
    # "source: same" repeats the previous item's source
    china = refs.get("transmission.composite_insulators_china_110kv_plus")
    assert china.sources == refs.get("transmission.composite_insulators_per_uhv_line").sources


def test_frames(refs) -> None:
    frame = refs.to_frame()
    assert len(frame) == len(refs.entries) == 22
    assert set(frame["quality"]) == {"firm", "verify"}
    assert frame["source"].notna().all()
    assert len(refs.corridors_frame()) == 3
    assert len(refs.intensity_frame()) == len(refs.intensity)


def test_unit_of_suffixes() -> None:
    assert [
        unit_of(n)
        for n in ("capacity_w", "gdp_cny", "growth_pct", "count", "powers_count", "voltage_kv")
    ] == ["W", "CNY", "%", "count", "count", None]


def test_bad_rows_name_file_and_line(tmp_path) -> None:
    path = tmp_path / "ref.yaml"
    path.write_text("gdp_cny:\n  - {period: 2024, value: 1.0}\n", encoding="utf-8")
    with pytest.raises(CaseError) as info:
        load_references({"r": path})
    assert str(info.value) == (
        f"{path}:2: period '2024' is not an ISO interval 'YYYY-MM-DD/YYYY-MM-DD'"
    )
    path.write_text("gdp_cny:\n  - {value: 1.0}\n", encoding="utf-8")
    with pytest.raises(CaseError, match=r"ref.yaml:2: gdp_cny: a row needs a 'period' or a 'date'"):
        load_references({"r": path})
    path.write_text(
        "gdp_cny:\n  - {period: 2024-01-01/2024-12-31, value: lots}\n", encoding="utf-8"
    )
    with pytest.raises(CaseError, match=r"ref.yaml:2: value: Input should be a valid number"):
        load_references({"r": path})
    path.write_text("gdp_cny: [\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"ref.yaml:2:1: malformed YAML"):
        load_references({"r": path})


def test_intensity_sources_that_are_not_a_list_name_file_and_line(tmp_path) -> None:
    # found by tests/case/test_case_fuzz.py: `base: 3600` renamed to `sources: 3600`
    path = tmp_path / "ref.yaml"
    path.write_text(
        "pv:\n  glass_fibre_per_gw:\n    unit: t/GW\n    sources: 3600\n", encoding="utf-8"
    )
    with pytest.raises(CaseError) as info:
        load_references({"r": path})
    assert str(info.value) == (
        f"{path}:4: pv.glass_fibre_per_gw.sources: expected a list of sources (- title or text)"
    )


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_a_statistic_that_is_not_finite_names_file_and_line(tmp_path, value: str) -> None:
    # found by tests/case/test_case_fuzz.py: `value: .nan` reached the checks (int(nan))
    path = tmp_path / "ref.yaml"
    path.write_text(
        f"gdp_cny:\n  - {{period: 2024-01-01/2024-12-31, value: 1.0}}\n"
        f"  - {{period: 2023-01-01/2023-12-31, value: {value}}}\n",
        encoding="utf-8",
    )
    # refused by the one YAML reader of case files, at the value's line and column
    with pytest.raises(ParseError, match=r"ref.yaml:3:\d+: .*is not a finite number"):
        load_references({"r": path})
