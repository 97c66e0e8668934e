"""Numbers for people: one style everywhere (issue 7 examples are pinned here)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pestle.present import format as fmt

NB = fmt.NBSP


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        (472.909e9, "CNY", "=", f"472.9{NB}billion yuan"),
        (2.0e12, "CNY", ">", f"more than 2{NB}trillion yuan"),
        (894e9, "CNY", "=", f"894{NB}billion yuan"),
        (1.912591e12, "CNY", "=", f"1.91{NB}trillion yuan"),
        (28.6e9, "CNY", "=", f"28.6{NB}billion yuan"),
        (1.0e10, "W", "=", f"10{NB}GW"),
        (6.1e9, "W", "=", f"6.1{NB}GW"),
        (800e3, "W", "=", f"800{NB}kW"),
        (5.6, "%", "=", f"5.6{NB}%"),
        (0.2, "pp", "=", f"0.2{NB}pp"),
        (50, "%", ">", f"more than 50.0{NB}%"),
        (5.0, "%", "=", f"5.0{NB}%"),
        (25, "count", "=", "25"),
        (1878.48, "count", "=", "1,878"),
        (12_500, "t", "~", f"about 12.5{NB}kt"),
        (850, "t", "=", f"850{NB}t"),
        (2192, "km", "=", f"2,192{NB}km"),
    ],
)
def test_quantities(value: float, unit: str, qualifier: str, expected: str) -> None:
    assert fmt.quantity(value, unit, qualifier) == expected


def test_ranges_share_one_scale_and_use_an_en_dash() -> None:
    assert fmt.value_range(12_000, 18_000, "t") == f"12–18{NB}kt"
    assert fmt.value_range(800, 18_000, "t") == f"0.8–18{NB}kt"
    assert fmt.value_range(10, 14, "t/MW") == f"10–14{NB}t/MW"
    assert fmt.value_range(1.2e9, 1.8e9, "CNY") == f"1.2–1.8{NB}billion yuan"
    assert fmt.value_range(4.5, 6.26, "%") == f"4.5–6.3{NB}%"


def test_negative_numbers_use_a_true_minus() -> None:
    assert fmt.number(-3.14159) == "−3.14"
    assert fmt.decimal(-0.0004, 3) == "0.000"
    assert fmt.decimal(-0.1234, 3) == "−0.123"


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2024-01-01/2024-12-31", "2024"),
        ("2025-01-01/2025-03-31", "Q1 2025"),
        ("2023-01-01/2023-06-30", "H1 2023"),
        ("2025-01-01/2025-05-31", "Jan–May 2025"),
        ("2023-05-01/2023-05-31", "May 2023"),
        ("2024-02-26/2024-02-26", "26 Feb 2024"),
        ("2021-01-01/2023-12-31", "2021–2023"),
    ],
)
def test_periods(period: str, expected: str) -> None:
    assert fmt.period(period) == expected


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=1e3, max_value=1e14, allow_nan=False))
def test_money_keeps_three_significant_figures_or_more(value: float) -> None:
    text = fmt.money(value)
    mantissa, word = text.split(NB)[0], text.split(NB)[1].split()[0]
    scale = {"trillion": 1e12, "billion": 1e9, "million": 1e6}.get(word, 1.0)
    back = float(mantissa.replace(",", "")) * scale
    assert abs(back - value) <= 0.01 * value  # within 1 %: never a wrong magnitude
