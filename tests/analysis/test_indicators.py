"""Indicators of the embedded case, with the arithmetic written out, and of broken copies."""

from __future__ import annotations

import math
import re
import shutil
from pathlib import Path

import pytest

import pestle
from pestle.analysis import indicators as ind
from pestle.analysis.indicators import (
    base_qualifier,
    case_indicators,
    growth_measure_of,
    herfindahl,
    holds,
    implied_base,
    shares,
    trade_structure,
    year_before,
)
from pestle.errors import AnalysisError, CaseError
from pestle.model import Period

CASE_DIR = Path(__file__).resolve().parents[2] / "src" / "pestle" / "cases" / "xinjiang_composites"
approx = pytest.approx


@pytest.fixture(scope="module")
def case():
    return pestle.load_case()


@pytest.fixture(scope="module")
def result(case):
    return case_indicators(case)


def copy_case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    shutil.copytree(CASE_DIR, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- industry structure (Q1 2025 table, 100 million yuan) --------------------------------------


def test_structure_shares_and_contributions(result) -> None:
    (s,) = result.structure
    assert s.period == "2025-01-01/2025-03-31"
    assert s.prior_period == "2024-01-01/2024-03-31"
    rows = {r.industry: r for r in s.rows}
    assert list(rows) == ["primary industry", "secondary industry", "tertiary industry"]
    total = 142.45 + 1878.48 + 2708.16  # = 4729.09, the stated GDP
    assert total == approx(4729.09)
    secondary = rows["secondary industry"]
    assert secondary.share_pct == approx(100 * 1878.48 / 4729.09)
    assert secondary.contribution_pp == approx(1878.48 / 4729.09 * 5.9)
    assert rows["primary industry"].contribution_pp == approx(142.45 / 4729.09 * 5.0)
    assert rows["tertiary industry"].contribution_pp == approx(2708.16 / 4729.09 * 5.4)
    weighted = (142.45 * 5.0 + 1878.48 * 5.9 + 2708.16 * 5.4) / 4729.09
    assert s.weighted_growth_pct == approx(weighted)
    assert sum(r.share_pct for r in s.rows) == approx(100)
    assert secondary.contribution_rate_pct == approx(100 * (1878.48 * 5.9) / (weighted * 4729.09))


def test_structure_prior_period_weights(result) -> None:
    (s,) = result.structure
    bases = [142.45 / 1.050, 1878.48 / 1.059, 2708.16 / 1.054]
    for row, base in zip(s.rows, bases, strict=True):
        assert row.base == approx(base * 1e8)
    secondary = s.rows[1]
    assert secondary.contribution_base_pp == approx(100 * (1878.48 - bases[1]) / sum(bases))
    assert s.base_weighted_growth_pct == approx(100 * (4729.09 - sum(bases)) / sum(bases))
    assert sum(r.contribution_base_pp for r in s.rows) == approx(s.base_weighted_growth_pct)


def test_structure_against_the_stated_gdp(result) -> None:
    (s,) = result.structure
    assert s.stated_total == 472.909e9
    assert s.total == approx(472.909e9)
    assert s.total_gap == approx(0, abs=1e-3)
    assert s.stated_growth_pct == 5.6
    assert s.growth_gap_pp == approx(s.weighted_growth_pct - 5.6)
    assert {e.entity for e in s.evidence} == {"gdp_2025q1", "gdp_growth_2025q1"}


# -- growth-implied bases ----------------------------------------------------------------------


def test_prior_bases(result) -> None:
    bases = {b.entity: b for b in result.bases}
    gdp = bases["gdp_2024"]
    assert gdp.growth_entity == "gdp_growth_2024"
    assert gdp.base == approx(2e12 / 1.061)
    assert gdp.qualifier == ">"  # "exceeded 2 trillion" stays a lower bound
    assert gdp.prior_period == "2023-01-01/2023-12-31"
    q1 = bases["gdp_2025q1"]
    assert q1.base == approx(472.909e9 / 1.056)
    assert q1.change == approx(472.909e9 - 472.909e9 / 1.056)
    trade = bases["trade_total_2023h1"]
    assert trade.base == approx(149.62e8 / 1.652)
    assert trade.prior_period == "2022-01-01/2022-06-30"
    assert bases["trade_total_2025m1_5"].prior_period == "2024-01-01/2024-05-31"
    assert set(bases) == {
        "gdp_2024",
        "gdp_2025q1",
        "va_primary_2025q1",
        "va_secondary_2025q1",
        "va_tertiary_2025q1",
        "trade_total_2023h1",
        "trade_total_2025m1_5",
    }


def test_prior_base_evidence_points_at_the_table_cells(case, result) -> None:
    base = next(b for b in result.bases if b.entity == "va_secondary_2025q1")
    value, growth = base.evidence
    assert (value.claim, growth.claim) == ("1,878.48", "5.9")
    assert value.quote == growth.quote == "Secondary Industry | 1,878.48 | 5.9"
    text = case.document("source_report").text
    assert text[value.start : value.end] == "1,878.48"


# -- trade structure ---------------------------------------------------------------------------


def test_trade_by_dimension_never_summed_across(result) -> None:
    dims = {d.dimension: d for d in result.trade.dimensions}
    assert list(dims) == ["trade_mode", "product_category", "zone_channel"]
    assert dims["trade_mode"].stated_share_pct == approx(54.9)
    assert dims["trade_mode"].unstated_share_pct == approx(100 - 54.9)
    assert dims["product_category"].stated_share_pct == approx(40.2)
    assert dims["zone_channel"].stated_share_pct == approx(5.2 + 0.4)
    across = 54.9 + 40.2 + 5.2 + 0.4
    values = result.to_frame()["value"].dropna()
    assert not any(math.isclose(v, across, rel_tol=1e-9) for v in values)
    general = dims["trade_mode"].categories[0]
    assert (general.share_pct, general.growth_pct) == (54.9, 80.8)
    assert {e.attribute for e in general.evidence} == {"share_pct", "growth_pct"}


def test_trade_category_without_dimension_names_file_and_line(tmp_path) -> None:
    folder = copy_case(tmp_path)
    trade = folder / "entities" / "trade.yaml"
    edit(trade, "    dimension: zone_channel\n    growth_pct: 563.2\n", "    growth_pct: 563.2\n")
    case = pestle.load_case(folder)
    line = trade.read_text().splitlines().index("- id: trade_urumqi_bonded_logistics") + 1
    with pytest.raises(CaseError) as err:
        trade_structure(case)
    assert str(err.value).startswith(f"{trade}:{line}: trade category trade_urumqi_bonded")
    assert "has no dimension" in str(err.value)


def test_trade_shares_over_100_within_a_dimension_are_refused(tmp_path) -> None:
    folder = copy_case(tmp_path)
    trade = folder / "entities" / "trade.yaml"
    edit(trade, "dimension: product_category", "dimension: trade_mode")
    edit(trade, "dimension: zone_channel", "dimension: trade_mode")
    case = pestle.load_case(folder)
    with pytest.raises(CaseError, match=r"trade\.yaml:\d+: .*'trade_mode'.*100.3 % \(> 100\)"):
        trade_structure(case)


# -- free-trade-zone permissions ---------------------------------------------------------------


def test_ftz_permissions_shares_and_herfindahl(result) -> None:
    (zone,) = result.ftz
    assert zone.ftz == "ftz_xinjiang"
    assert [s.permissions for s in zone.sections] == [20, 6, 17]
    assert [s.share_pct for s in zone.sections] == approx(
        [100 * 20 / 43, 100 * 6 / 43, 100 * 17 / 43]
    )
    h = (20**2 + 6**2 + 17**2) / 43**2  # 725 / 1849
    assert zone.herfindahl == approx(h)
    assert zone.herfindahl_normalised == approx((h - 1 / 3) / (1 - 1 / 3))
    assert zone.equivalent_sections == approx(1849 / 725)
    assert zone.sections_total == 43
    assert zone.delegated_powers == 26
    assert "43" in zone.note and "26" in zone.note and "not a split" in zone.note
    assert zone.evidence[0].claim == "26 powers"


# -- platforms and clusters --------------------------------------------------------------------


def test_platform_inventory(result) -> None:
    p = result.platforms
    assert [r.count for r in p.platforms] == [4, 4, 29, 6, 5]
    assert (p.kinds, p.total) == (5, 4 + 4 + 29 + 6 + 5)
    assert p.platforms[2].evidence[0].claim is not None


def test_clusters_against_reference_gdp(result) -> None:
    c = result.clusters
    assert c.listed_count == 8 and c.stated_count == 8
    assert c.names[0] == "Oil and gas production and processing"
    assert c.names[-1] == "New energy and new materials"
    (g,) = c.gdp_shares
    assert g.reference_gdp == 1774.134e9
    assert g.share_pct == approx(100 * 894 / 1774.134)  # 50.39 %
    assert (g.stated_qualifier, g.stated_share_pct, g.stated_holds) == (">", 50, True)
    reference = next(e for e in g.evidence if e.reference)
    assert reference.reference == "gdp_cny@2022-01-01/2022-12-31"
    assert reference.quality == "verify" and reference.source


# -- evidence and shapes -----------------------------------------------------------------------


def _inputs(data):
    if isinstance(data, dict):
        if "claim" in data and "quote" in data:
            yield data
        for value in data.values():
            yield from _inputs(value)
    elif isinstance(data, list):
        for value in data:
            yield from _inputs(value)


def test_every_claim_span_is_the_claim_text(case, result) -> None:
    text = case.document("source_report").text
    refs = list(_inputs(result.to_dict()))
    assert len(refs) > 30
    for ref in refs:
        if ref["claim"] is not None:
            assert text[ref["start"] : ref["end"]] == ref["claim"]
        if ref["quote"] is not None:
            pattern = r"\s+".join(re.escape(w) for w in ref["quote"].split())
            assert re.search(pattern, text)
        assert ref["quote"] is not None or ref["reference"] is not None


def test_frame_rows(result) -> None:
    frame = result.to_frame()
    assert list(frame.columns) == [
        "group",
        "item",
        "measure",
        "value",
        "unit",
        "qualifier",
        "period",
    ]
    row = frame[(frame["item"] == "secondary industry") & (frame["measure"] == "share")]
    assert row["value"].item() == approx(100 * 1878.48 / 4729.09)
    base = frame[(frame["item"] == "Regional GDP, 2024")]
    assert base["qualifier"].item() == ">"


# -- the arithmetic on its own -----------------------------------------------------------------


def test_shares_and_herfindahl_edge_cases() -> None:
    assert shares([1, 1, 2]) == approx((0.25, 0.25, 0.5))
    assert herfindahl([0.25] * 4) == approx((0.25, 0.0, 4.0))
    assert herfindahl([1.0]) == approx((1.0, 0.0, 1.0))
    assert herfindahl([1.0, 0.0])[1] == approx(1.0)
    with pytest.raises(AnalysisError):
        shares([0, 0])
    with pytest.raises(AnalysisError):
        shares([3, -1])


def test_implied_base() -> None:
    assert implied_base(110, 10) == approx(100)
    assert implied_base(90, -10) == approx(100)
    with pytest.raises(AnalysisError, match="-100"):
        implied_base(5, -100)


@pytest.mark.parametrize(
    ("value", "growth", "expected"),
    [
        ("=", "=", "="),
        (">", "=", ">"),
        ("=", ">", "<"),  # more growth than stated: a smaller base
        (">", "<", ">"),
        (">=", "<=", ">="),
        (">", ">", "~"),
        ("~", "=", "~"),
    ],
)
def test_base_qualifier(value, growth, expected) -> None:
    assert base_qualifier(value, growth) == expected


def test_year_before_and_growth_measures() -> None:
    assert year_before(Period.parse("2024-01-01/2024-02-29")).iso() == "2023-01-01/2023-02-28"
    assert growth_measure_of("GDP growth, year on year") == "GDP"
    assert (
        growth_measure_of("added value growth, primary industry, year on year")
        == "added value, primary industry"
    )
    assert growth_measure_of("GDP growth above the national average") is None
    assert holds(50.39, ">", 50) is True
    assert holds(49.0, ">=", 50) is False
    assert holds(50.0, "~", 50) is None


def test_public_api() -> None:
    assert set(ind.__all__) <= set(dir(ind))


def test_every_result_type_is_exported_from_the_package() -> None:
    # The package re-exports what its modules define: every model a CaseIndicators holds.
    from pydantic import BaseModel

    seen: set[type] = set()

    def walk(model: type[BaseModel]) -> None:
        seen.add(model)
        for field in model.model_fields.values():
            for arg in [field.annotation, *getattr(field.annotation, "__args__", ())]:
                for t in [arg, *getattr(arg, "__args__", ())]:
                    if isinstance(t, type) and issubclass(t, BaseModel) and t not in seen:
                        walk(t)

    walk(ind.CaseIndicators)
    names = {t.__name__ for t in seen}
    assert names >= {"InputRef", "TradeCategory", "SectionPermissions", "PlatformRow", "GdpShare"}
    assert names <= set(ind.__all__)
    assert all(getattr(ind, n).__module__.startswith("pestle.analysis.indicators.") for n in names)


def test_cluster_position_that_is_not_a_number_names_file_and_line(tmp_path) -> None:
    # found by tests/case/test_case_fuzz.py: `{position: 2}` -> `{position: ~}` was a TypeError
    folder = copy_case(tmp_path)
    economy = folder / "entities" / "economy.yaml"
    edit(economy, "attributes: {position: 2}", "attributes: {position: ~}")
    line = economy.read_text().splitlines().index("  attributes: {position: ~}") + 1
    case = pestle.load_case(folder)
    with pytest.raises(CaseError) as err:
        case_indicators(case)
    assert str(err.value).startswith(f"{economy}:{line}: ")
    assert str(err.value).endswith(
        ": position must be a number (the order of the clusters), got None"
    )
