"""Numbers in Chinese: the units of Chinese statistics (亿元, 万千瓦, 万吨), 2025年第一季度.

The examples are the source report's own figures as a Chinese bulletin writes them (its
"4729.09亿元" GDP, "1000万千瓦" bases); the property tests read a formatted amount back
with the Chinese magnitude words and find the value it was made from.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pestle.present import format as fmt
from pestle.present import i18n


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        (472.909e9, "CNY", "=", "4,729.1亿元"),
        (2.0e12, "CNY", ">", "超过2万亿元"),
        (894e9, "CNY", "=", "8,940亿元"),
        (35.6e4, "CNY", "=", "35.6万元"),
        (12.5e8, "USD", "~", "约12.5亿美元"),
        (1.0e10, "W", "=", "1,000万千瓦"),
        (6.1e9, "W", "=", "610万千瓦"),
        (1.2e11, "W", "=", "1.2亿千瓦"),
        (800e3, "W", "=", "800千瓦"),
        (3.5e11, "Wh", "=", "3.5亿千瓦时"),
        (12_000, "t", "=", "1.2万吨"),
        (850, "t", "=", "850吨"),
        (850_000, "kg", "=", "850吨"),
        (5.6, "%", "=", "5.6%"),
        (50, "%", ">", "超过50.0%"),
        (0.2, "pp", "=", "0.2个百分点"),
        (1_878.48, "count", "=", "1,878"),
        (2_080, "km", "<=", "至多2,080公里"),
    ],
)
def test_quantities_in_chinese(value, unit, qualifier, expected) -> None:
    assert fmt.quantity(value, unit, qualifier, locale="zh") == expected


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2024-01-01/2024-12-31", "2024年"),
        ("2025-01-01/2025-03-31", "2025年第一季度"),
        ("2024-07-01/2024-09-30", "2024年第三季度"),
        ("2023-01-01/2023-06-30", "2023年上半年"),
        ("2023-07-01/2023-12-31", "2023年下半年"),
        ("2025-01-01/2025-05-31", "2025年1—5月"),
        ("2023-05-01/2023-05-31", "2023年5月"),
        ("2024-02-26/2024-02-26", "2024年2月26日"),
        ("2021-01-01/2025-12-31", "2021—2025年"),
    ],
)
def test_periods_in_chinese(period, expected) -> None:
    assert fmt.period(period, locale="zh") == expected


def test_ranges_share_one_chinese_unit() -> None:
    assert fmt.value_range(12_000, 18_000, "t", locale="zh") == "1.2–1.8万吨"
    assert (
        fmt.value_range(90.8e3, 329.2e3, "t", locale="zh") == "9.1–32.9万吨"
    )  # one scale and precision, from the larger end
    assert fmt.value_range(5e9, 2e10, "W", locale="zh") == "500–2,000万千瓦"
    assert fmt.value_range(5, 6, "%", locale="zh") == "5.0–6.0%"
    assert fmt.years(2023, 2030, locale="zh") == "2023—2030年"
    assert fmt.year(2024, locale="zh") == "2024年"


def test_the_active_language_is_the_default_locale() -> None:
    assert fmt.money(472.909e9) == f"472.9{fmt.NBSP}billion yuan"
    with i18n.use("zh"):
        assert fmt.money(472.909e9) == "4,729.1亿元"
        assert fmt.money(472.909e9, locale="en") == f"472.9{fmt.NBSP}billion yuan"
    assert fmt.mass(12_000) == f"12{fmt.NBSP}kt"


def test_chart_display_units_follow_the_language() -> None:
    assert fmt.in_unit(6.1e9, "GW") == pytest.approx(6.1)
    assert fmt.in_unit(6.1e9, "GW", locale="zh") == pytest.approx(610)
    assert fmt.in_unit(12_000, "kt", locale="zh") == pytest.approx(1.2)
    assert fmt.in_unit(472.909e9, "billion yuan", locale="zh") == pytest.approx(4729.09)


ZH_MAGNITUDE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "": 1.0}


def read_back(text: str, unit: str) -> float:
    """A Chinese amount as a number again: ``4,729.1亿元`` -> 4.7291e11."""
    m = re.fullmatch(rf"(−?[\d,]+(?:\.\d+)?)(万亿|亿|万|){unit}", text)
    assert m, text
    number = float(m.group(1).replace(",", "").replace("−", "-"))
    return number * ZH_MAGNITUDE[m.group(2)]


@given(st.floats(min_value=1.0, max_value=1e15, allow_nan=False))
def test_yuan_amounts_read_back_to_their_value(value: float) -> None:
    text = fmt.money(value, locale="zh")
    # two significant decimals below 10, one from 10: at most 0.5 % off
    assert read_back(text, "元") == pytest.approx(value, rel=0.0051)


@given(st.floats(min_value=1.0, max_value=1e11, allow_nan=False))
def test_tonnes_read_back_to_their_value(value: float) -> None:
    text = fmt.mass(value, locale="zh")
    assert read_back(text, "吨") == pytest.approx(value, rel=0.0051)


@given(st.floats(min_value=1e3, max_value=1e14, allow_nan=False))
def test_power_reads_back_in_kilowatts(value: float) -> None:
    text = fmt.power(value, locale="zh")
    assert read_back(text, "千瓦") * 1e3 == pytest.approx(value, rel=0.0051)


@given(st.floats(min_value=-1e13, max_value=1e13, allow_nan=False))
def test_english_is_what_it_was_when_no_language_is_active(value: float) -> None:
    assert fmt.money(value) == fmt.money(value, locale="en")
    assert fmt.mass(abs(value)) == fmt.mass(abs(value), locale="en")
