"""Entropy weights of factors from the series they name: alignment, refusals, the embedded case."""

from __future__ import annotations

from pathlib import Path

import pydantic
import pytest
from numpy.testing import assert_allclose

import pestle
from case_edit import edit_line
from pestle.analysis.entropy import IndicatorPanel, entropy_weights
from pestle.analysis.factor_panel import (
    FactorEntropy,
    case_entropy,
    factor_entropy,
    kind_label,
    period_kind,
    period_label,
)
from pestle.case import Factor, ReferenceEntry, References
from pestle.errors import AnalysisError, CaseError
from pestle.model import Period

CASE_DIR = Path(__file__).resolve().parents[2] / "src" / "pestle" / "cases" / "xinjiang_composites"
Y2021, Y2022, Y2023 = (Period.year(y).iso() for y in (2021, 2022, 2023))


def entry(series: str, period: str, value: float, qualifier: str = "=", measure: str = "value"):
    """A reference entry; `period` is ISO or a date (a stock, measured on that day)."""
    if "/" not in period:
        period = f"{period}/{period}"
    return ReferenceEntry(
        id=f"{series}.{measure}@{period}",
        series=series,
        measure=measure,
        period=Period.parse(period),
        value=value,
        qualifier=qualifier,
    )


def factor(factor_id: str, *series: str) -> Factor:
    return Factor(
        id=factor_id,
        name=factor_id,
        dimension="economic",
        direction="opportunity",
        origin="analyst",
        statement="made up for a test",
        sources=[{"title": "test"}],
        series=series,
    )


# Hand-made data (not real statistics): a flow over calendar years, a second flow, and a stock
# on dates. The common calendar years are 2021-2023: `alpha_cny` also has 2020 (the others do
# not) and a half year; `installed_w.wind` has year-end stocks for 2021-2023 plus a mid-year one;
# 2024 of `gamma_cny` is only a bound.
HAND_MADE = References(
    entries=(
        entry("alpha_cny", Period.year(2020).iso(), 90.0),
        entry("alpha_cny", Y2021, 100.0),
        entry("alpha_cny", Period.half(2022, 1).iso(), 55.0),
        entry("alpha_cny", Y2022, 120.0),
        entry("alpha_cny", Y2023, 150.0, qualifier="~"),
        entry("gamma_cny", Y2021, 40.0),
        entry("gamma_cny", Y2022, 41.0),
        entry("gamma_cny", Y2023, 42.0),
        entry("gamma_cny", Period.year(2024).iso(), 45.0, qualifier=">"),
        entry("installed_w", "2021-12-31", 10.0, measure="wind"),
        entry("installed_w", "2022-06-30", 12.0, measure="wind"),
        entry("installed_w", "2022-12-31", 14.0, measure="wind"),
        entry("installed_w", "2023-12-31", 30.0, measure="wind"),
        entry("only_bounds_cny", Y2022, 5.0, qualifier=">"),
    )
)


def test_weights_over_the_common_calendar_years() -> None:
    factors = [
        factor("growth", "alpha_cny"),
        factor("capacity", "installed_w.wind", "gamma_cny"),
        factor("unmeasured", "only_bounds_cny"),
    ]
    result = factor_entropy(factors, HAND_MADE)
    assert result.applicable and result.reason is None
    assert result.alignment == "calendar years"
    assert result.periods == (Y2021, Y2022, Y2023)
    # the year-end stock is paired with its year; 2020, the half year and the bound are left out
    expected = IndicatorPanel(
        name="factor indicators",
        periods=(Y2021, Y2022, Y2023),
        indicators=("alpha_cny", "installed_w.wind", "gamma_cny"),
        values=((100.0, 10.0, 40.0), (120.0, 14.0, 41.0), (150.0, 30.0, 42.0)),
    )
    assert result.panel == expected
    reference = entropy_weights(expected)
    assert result.result == reference
    assert_allclose(sum(result.result.weights), 1.0)
    weights = dict(zip(reference.indicators, reference.weights, strict=True))
    assert result.factor_weights() == pytest.approx(
        {
            "growth": weights["alpha_cny"],
            "capacity": weights["installed_w.wind"] + weights["gamma_cny"],
        }
    )
    # the stock that triples carries the most information, the flat flow the least
    assert max(weights, key=weights.get) == "installed_w.wind"  # type: ignore[arg-type]
    assert min(weights, key=weights.get) == "gamma_cny"  # type: ignore[arg-type]
    coverage = {c.series: c for c in result.coverage}
    assert coverage["only_bounds_cny"].periods == ()
    assert coverage["only_bounds_cny"].bounds == (Y2022,)
    assert coverage["gamma_cny"].bound_qualifiers == (">",)


def test_frame_and_dict() -> None:
    result = factor_entropy(
        [factor("growth", "alpha_cny"), factor("capacity", "installed_w.wind", "gamma_cny")],
        HAND_MADE,
    )
    frame = result.to_frame()
    assert list(frame.columns) == [
        "factor",
        "unit",
        "periods",
        "entropy",
        "divergence",
        "weight",
        "factor_weight",
    ]
    assert list(frame.index) == ["alpha_cny", "installed_w.wind", "gamma_cny"]
    assert frame.loc["gamma_cny", "periods"] == 3
    assert frame.loc["alpha_cny", "periods"] == 5
    assert frame["weight"].sum() == pytest.approx(1.0)
    assert frame.loc["gamma_cny", "factor_weight"] == pytest.approx(
        frame.loc["gamma_cny", "weight"] + frame.loc["installed_w.wind", "weight"]
    )
    data = result.to_dict()
    assert data["applicable"] is True and data["reason"] is None
    assert data["periods"] == [Y2021, Y2022, Y2023]
    assert data["panel"]["values"][2] == [150.0, 30.0, 42.0]
    assert [s["series"] for s in data["series"]] == ["alpha_cny", "installed_w.wind", "gamma_cny"]
    assert set(data["factor_weights"]) == {"growth", "capacity"}
    with pytest.raises(pydantic.ValidationError):
        result.applicable = False  # type: ignore[misc]


def test_like_for_like_cumulative_months_win_over_mixed_spans() -> None:
    # Jan-May of three years in both series; each also has one full year the other lacks
    may = [Period.months(y, 1, 5).iso() for y in (2022, 2023, 2024)]
    refs = References(
        entries=(
            *(entry("a_cny", p, v) for p, v in zip(may, (1.0, 2.0, 4.0), strict=True)),
            *(entry("b_cny", p, v) for p, v in zip(may, (3.0, 3.0, 3.5), strict=True)),
            entry("a_cny", Y2022, 5.0),
            entry("b_cny", Y2023, 9.0),
        )
    )
    result = factor_entropy([factor("a", "a_cny"), factor("b", "b_cny")], refs)
    assert result.applicable
    assert result.alignment == "cumulative Jan-May of each year"
    assert result.periods == tuple(may)
    assert result.panel is not None
    assert result.panel.values == ((1.0, 3.0), (2.0, 3.0), (4.0, 3.5))


def test_too_few_common_periods_says_which_series_have_which() -> None:
    refs = References(
        entries=(
            entry("alpha_cny", Y2021, 100.0),
            entry("alpha_cny", Y2022, 120.0),
            entry("alpha_cny", Y2023, 150.0, qualifier=">"),
            entry("gamma_cny", Y2021, 40.0),
            entry("gamma_cny", Y2022, 41.0),
            entry("gamma_cny", Y2023, 42.0),
        )
    )
    result = factor_entropy([factor("a", "alpha_cny"), factor("b", "gamma_cny")], refs)
    assert not result.applicable
    assert result.panel is None and result.result is None
    assert result.reason == (
        "entropy weights need at least 3 periods of one kind that every series with usable "
        "values has; they share only 2 (calendar years: 2021, 2022) — a/alpha_cny: 2021, 2022 "
        "[bounds left out: 2023 (>)]; b/gamma_cny: 2021, 2022, 2023"
    )
    assert result.alignment == "calendar years"
    assert result.periods == (Y2021, Y2022)
    assert result.factor_weights() == {}
    frame = result.to_frame()
    assert frame["weight"].isna().all() and list(frame["periods"]) == [2, 3]
    data = result.to_dict()
    assert data["applicable"] is False and data["panel"] is None and data["series"] == []


def test_fewer_than_two_factors_with_data() -> None:
    refs = References(
        entries=(
            *(entry("alpha_cny", p, v) for p, v in ((Y2021, 1.0), (Y2022, 2.0), (Y2023, 3.0))),
            entry("beta_cny", Y2022, 7.0, qualifier=">="),
        )
    )
    result = factor_entropy([factor("a", "alpha_cny"), factor("b", "beta_cny")], refs)
    assert result.reason == (
        "entropy weights need at least 2 factors with usable values; 1 has them — "
        "a/alpha_cny: 2021, 2022, 2023; b/beta_cny: no usable values [bounds left out: 2022 (>=)]"
    )
    none = factor_entropy([factor("a"), factor("b")], refs)
    assert none.reason == "no factor names a series (add `series:` to factors.yaml)"
    assert none.coverage == ()


def test_a_panel_entropy_refuses_is_not_applicable_with_its_message() -> None:
    refs = References(
        entries=(
            *(entry("a_pct", p, v) for p, v in ((Y2021, 1.0), (Y2022, -0.5), (Y2023, 2.0))),
            *(entry("b_cny", p, v) for p, v in ((Y2021, 1.0), (Y2022, 2.0), (Y2023, 3.0))),
        )
    )
    result = factor_entropy([factor("a", "a_pct"), factor("b", "b_cny")], refs)
    assert not result.applicable
    assert result.reason is not None
    assert result.reason.startswith(
        f"panel 'factor indicators' cell ({Y2022}, a_pct) = -0.5: entropy weights need strictly "
        "positive values"
    )


def test_unloaded_factors_are_still_checked() -> None:
    with pytest.raises(AnalysisError, match="no reference series 'nope_cny'"):
        factor_entropy([factor("a", "nope_cny")], HAND_MADE)
    with pytest.raises(AnalysisError, match="'alpha_cny' is linked to more than one factor"):
        factor_entropy([factor("a", "alpha_cny"), factor("b", "alpha_cny")], HAND_MADE)
    mixed = References(
        entries=(
            entry("cap_w", "2022-12-31", 1.0, measure="wind"),
            entry("cap_w", "2022-12-31", 2.0, measure="solar"),
        )
    )
    with pytest.raises(AnalysisError, match=r"several measures \(solar, wind\)"):
        factor_entropy([factor("a", "cap_w")], mixed)


def test_period_kinds_and_labels() -> None:
    assert kind_label(period_kind(Period.year(2023))) == "calendar years"
    assert kind_label(period_kind(Period.months(2024, 1, 2))) == "cumulative Jan-Feb of each year"
    assert kind_label(period_kind(Period.quarter(2024, 3))) == "Jul-Sep of each year"
    assert kind_label(period_kind(Period.parse("2022-12-31/2022-12-31"))) == "Dec 31 of each year"
    assert period_kind(Period.months(2023, 1, 2)) == period_kind(Period.months(2024, 1, 2))
    assert period_kind(Period.half(2023, 1)) != period_kind(Period.year(2023))
    assert period_label(Period.months(2023, 1, 4)) == "Jan-Apr 2023"
    assert period_label(Period.months(2023, 5, 5)) == "May 2023"
    assert period_label(Period.parse("2022-12-31/2022-12-31")) == "2022-12-31"
    assert period_label(Period.parse("2023-03-15/2023-04-15")) == "2023-03-15/2023-04-15"


# -- the embedded case --------------------------------------------------------------------------


def test_embedded_case_is_not_applicable_and_says_why() -> None:
    # factors.yaml: economic_growth -> gdp_cny, trade_expansion -> foreign_trade_cny,
    # new_energy_demand -> installed_capacity_w.wind and .solar (sources/xinjiang_reference.yaml).
    # GDP is yearly (2021 "~", 2022, 2023; 2024 only "> 2 trillion") plus H1 2024; trade is
    # cumulative months of 2023 and Jan-Feb 2024 (full-year 2023 only "> 357 bn"); capacity is
    # a stock on 2022-12-31 (2023-04-30 only ">"). No calendar span is shared by all four.
    result = case_entropy(pestle.load_case())
    assert isinstance(result, FactorEntropy) and not result.applicable
    assert result.reason == (
        "entropy weights need at least 3 periods of one kind that every series with usable "
        "values has; they share none — "
        "economic_growth/gdp_cny: 2021, 2022, 2023, Jan-Jun 2024 [bounds left out: 2024 (>)]; "
        "trade_expansion/foreign_trade_cny: Jan-Apr 2023, Jan-May 2023, Jan-Jun 2023, "
        "Jan-Jul 2023, Jan-Nov 2023, Jan-Feb 2024, Jan-May 2025 [bounds left out: 2023 (>)]; "
        "new_energy_demand/installed_capacity_w.wind: 2022-12-31 "
        "[bounds left out: 2023-04-30 (>)]; "
        "new_energy_demand/installed_capacity_w.solar: 2022-12-31 "
        "[bounds left out: 2023-04-30 (>)]"
    )
    assert result.periods == () and result.alignment is None
    assert [(c.factor, c.series, c.unit) for c in result.coverage] == [
        ("economic_growth", "gdp_cny", "CNY"),
        ("trade_expansion", "foreign_trade_cny", "CNY"),
        ("new_energy_demand", "installed_capacity_w.wind", "W"),
        ("new_energy_demand", "installed_capacity_w.solar", "W"),
    ]
    assert result.coverage[0].periods == (
        "2021-01-01/2021-12-31",
        "2022-01-01/2022-12-31",
        "2023-01-01/2023-12-31",
        "2024-01-01/2024-06-30",
    )


# -- the factors.yaml field -------------------------------------------------------------------


def _line(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if text in line]
    assert len(hits) == 1, hits
    return hits[0]


def test_an_unknown_series_fails_with_file_and_line(case_copy: Path) -> None:
    path = case_copy / "factors.yaml"
    line = edit_line(path, "series: [gdp_cny]", "series: [gdp_cny_real]")
    with pytest.raises(CaseError) as info:
        pestle.load_case(case_copy)
    assert (info.value.file, info.value.line) == (str(path), line)
    assert str(info.value) == (
        f"{path}:{line}: factor economic_growth names series 'gdp_cny_real', which is not a "
        "series of the case's reference data (series: foreign_trade_cny, gdp_cny, "
        "installed_capacity_w.added_in_2024, installed_capacity_w.new_energy_total, "
        "installed_capacity_w.share_of_installed, installed_capacity_w.solar, "
        "installed_capacity_w.wind, national_gdp_growth_pct)"
    )


def test_a_series_item_on_its_own_line_is_named_by_that_line(case_copy: Path) -> None:
    path = case_copy / "factors.yaml"
    first = edit_line(
        path,
        "series: [installed_capacity_w.wind, installed_capacity_w.solar]",
        "series:\n    - installed_capacity_w.wind\n    - installed_capacity_w\n",
    )
    with pytest.raises(CaseError) as info:
        pestle.load_case(case_copy)
    assert info.value.line == first + 2
    assert str(info.value).endswith(
        "factor new_energy_demand names series 'installed_capacity_w', which has several "
        "measures (added_in_2024, new_energy_total, share_of_installed, solar, wind); name one, "
        "e.g. 'installed_capacity_w.added_in_2024'"
    )


def test_a_series_measures_one_factor(case_copy: Path) -> None:
    path = case_copy / "factors.yaml"
    first = _line(path, "series: [gdp_cny]")
    line = edit_line(path, "series: [foreign_trade_cny]", "series: [foreign_trade_cny, gdp_cny]")
    with pytest.raises(CaseError) as info:
        pestle.load_case(case_copy)
    assert str(info.value) == (
        f"{path}:{line}: factor trade_expansion names series 'gdp_cny', which already measures "
        f"factor economic_growth (line {first}); a series measures one factor"
    )
    edit_line(path, "series: [foreign_trade_cny, gdp_cny]", "series: [foreign_trade_cny]")
    line = edit_line(path, "series: [gdp_cny]", "series: [gdp_cny, gdp_cny]")
    with pytest.raises(CaseError) as info:
        pestle.load_case(case_copy)
    assert str(info.value) == (
        f"{path}:{line}: factor economic_growth names series 'gdp_cny' twice (first at line {line})"
    )


def test_the_loader_fills_series_lines_and_people_cannot(case_copy: Path) -> None:
    case = pestle.load_case()
    growth = case.factor("economic_growth")
    assert growth.series == ("gdp_cny",)
    assert growth.series_line(0) == _line(CASE_DIR / "factors.yaml", "series: [gdp_cny]")
    assert "series_lines" not in growth.model_dump()
    path = case_copy / "factors.yaml"
    line = edit_line(path, "series: [gdp_cny]", "series_lines: [3]")
    with pytest.raises(CaseError, match=rf"factors.yaml:{line}: series_lines: Extra inputs"):
        pestle.load_case(case_copy)
