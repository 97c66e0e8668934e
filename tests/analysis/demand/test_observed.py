"""The observed capacity path: yearly additions from an installed-capacity history, by the
rules of `pestle.analysis.demand.observed`, and the path the model takes from them."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pestle.analysis.demand.observed import observed_path_w, yearly_additions
from pestle.errors import AnalysisError
from pestle.model.capacity import CapacityObservation, ObservedCapacity, StatedAddition

GW = 1e9


def stock(date: str, wind: float | None = None, solar: float | None = None, total=None, q="="):
    return CapacityObservation(
        date=date,
        wind_w=None if wind is None else wind * GW,
        solar_w=None if solar is None else solar * GW,
        total_w=None if total is None else total * GW,
        qualifier=q,
        source=f"source of {date}",
    )


def added(year: int, total: float | None = None, wind=None, solar=None) -> StatedAddition:
    return StatedAddition(
        year=year,
        total_w=None if total is None else total * GW,
        wind_w=None if wind is None else wind * GW,
        solar_w=None if solar is None else solar * GW,
        source=f"statement of {year}",
    )


def test_consecutive_year_end_stocks_give_the_year_by_technology() -> None:
    h = ObservedCapacity((stock("2022-12-31", 26, 14), stock("2023-12-31", 30, 25)), ())
    (a,) = yearly_additions(h).additions
    assert (a.year, a.wind_w, a.solar_w) == (2023, pytest.approx(4 * GW), pytest.approx(11 * GW))
    assert a.how == "year-end stocks" and a.sources == (
        "source of 2022-12-31",
        "source of 2023-12-31",
    )


def test_an_interval_keeps_its_stated_years_and_spreads_the_rest_evenly() -> None:
    # the embedded case's shape: stocks at end-2022 and on 30 Dec 2024, 2024 additions stated
    h = ObservedCapacity(
        (stock("2022-12-31", 26.15, 14.51), stock("2024-12-30", 43.64, 56.66)),
        (added(2024, total=35.57),),
    )
    got = {a.year: a for a in yearly_additions(h).additions}
    assert got[2024].total_w == pytest.approx(35.57 * GW)
    assert got[2023].total_w == pytest.approx((59.64 - 35.57) * GW)
    share = 17.49 / 59.64
    assert got[2023].wind_share == pytest.approx(share) == got[2024].wind_share
    assert (got[2023].wind_w + got[2024].wind_w) == pytest.approx(17.49 * GW)
    assert "spread evenly" in got[2023].how and got[2024].how.startswith("stated")


def test_totals_without_a_split_leave_the_split_open_and_gaps_are_gaps() -> None:
    h = ObservedCapacity(
        (
            stock("2020-12-31", 20, 10),
            stock("2024-12-31", total=100),
            stock("2025-12-31", total=167),
        ),
        (),
    )
    result = yearly_additions(h)
    (a,) = result.additions
    assert (a.year, a.total_w, a.wind_share) == (2025, pytest.approx(67 * GW), None)
    assert result.gaps == (2021, 2022, 2023, 2024)  # never interpolated


def test_a_cut_sees_no_later_figure() -> None:
    h = ObservedCapacity(
        (stock("2021-12-31", 20, 10), stock("2022-12-31", 22, 12), stock("2024-12-31", 40, 50)),
        (added(2024, total=30),),
    )
    full = yearly_additions(h)
    assert full.years == (2022, 2023, 2024)
    cut = full.until(2023)
    assert cut.years == (2022,)  # 2023 needs the 2024 stock: unknown at the end of 2023


def test_the_path_takes_observed_years_and_projects_later_ones() -> None:
    h = ObservedCapacity(
        (stock("2022-12-31", 20, 10), stock("2023-12-31", 24, 16), stock("2024-12-31", total=60)),
        (),
    )
    observed = yearly_additions(h)  # 2023: 4 + 6 GW; 2024: 20 GW, no split
    years = np.arange(2023, 2027)
    growth = np.array([0.0, 0.5])
    share = np.array([0.25, 0.5])
    wind, solar = observed_path_w(observed, years, growth=growth, wind_share=share)
    assert wind.shape == (4, 2)
    np.testing.assert_allclose(wind[0], [4 * GW, 4 * GW])  # observed split
    np.testing.assert_allclose(wind[1] + solar[1], [20 * GW, 20 * GW])  # observed total
    np.testing.assert_allclose(wind[1], [5 * GW, 10 * GW])  # ... split drawn
    np.testing.assert_allclose((wind + solar)[3], [20 * GW, 20 * GW * 1.5**2])  # projected


def test_no_history_is_an_error_naming_the_parameter() -> None:
    with pytest.raises(AnalysisError, match="observed capacity path") as info:
        observed_path_w(yearly_additions(ObservedCapacity()), np.arange(2023, 2025), growth=0.0,
                        wind_share=0.5)  # fmt: skip
    assert info.value.parameter == "capacity_path"


@given(
    start=st.tuples(st.floats(0, 50), st.floats(0, 50)),
    added_w=st.tuples(st.floats(0, 50), st.floats(0, 50)),
    span=st.integers(1, 8),
    stated=st.lists(st.floats(0, 5), max_size=3),
)
def test_an_interval_adds_up_to_its_stocks(start, added_w, span, stated) -> None:
    first = 2010
    h = ObservedCapacity(
        (
            stock(f"{first}-12-31", *start),
            stock(f"{first + span}-12-31", start[0] + added_w[0], start[1] + added_w[1]),
        ),
        tuple(added(first + 1 + i, total=v) for i, v in enumerate(stated[: span - 1])),
    )
    result = yearly_additions(h)
    assert result.years == tuple(range(first + 1, first + span + 1))
    interval = sum(added_w) * GW
    stated_sum = sum(a.total_w for a in result.additions if a.how.startswith("stated"))
    if stated_sum <= interval:
        assert sum(a.total_w for a in result.additions) == pytest.approx(interval, abs=1.0)
    assert all(a.total_w >= 0 for a in result.additions)
