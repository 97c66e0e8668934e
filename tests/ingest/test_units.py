"""Units after a number, and units stated in table headers."""

from __future__ import annotations

import pytest

from pestle.ingest.units import HeaderUnit, UnitSpec, header_unit, split_header, unit_spec


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("yuan", UnitSpec("CNY")),
        ("RMB", UnitSpec("CNY")),
        ("US dollars", UnitSpec("USD")),
        ("USD", UnitSpec("USD")),
        ("kilowatts", UnitSpec("W", 3)),
        ("kW", UnitSpec("W", 3)),
        ("MW", UnitSpec("W", 6)),
        ("GW", UnitSpec("W", 9)),
        ("watts", UnitSpec("W")),
        ("kWh", UnitSpec("Wh", 3)),
        ("GWh", UnitSpec("Wh", 9)),
        ("TWh", UnitSpec("Wh", 12)),
        ("kilowatt-hours", UnitSpec("Wh", 3)),
        ("kilowatt hours", UnitSpec("Wh", 3)),
        ("tonnes", UnitSpec("t")),
        ("tons", UnitSpec("t")),
        ("Mt", UnitSpec("t", 6)),
        ("kg", UnitSpec("kg")),
        ("grams", UnitSpec("kg", -3)),
        ("km", UnitSpec("km")),
        ("kilometres", UnitSpec("km")),
        ("meters", UnitSpec("km", -3)),
        ("%", UnitSpec("%")),
        ("percent", UnitSpec("%")),
        ("per cent", UnitSpec("%")),
        ("percentage points", UnitSpec("pp")),
        ("pp", UnitSpec("pp")),
    ],
)
def test_unit_spec(text: str, spec: UnitSpec) -> None:
    assert unit_spec(text) == spec


def test_unknown_units() -> None:
    assert unit_spec("euros") is None
    assert unit_spec("square kilometers") is None
    assert unit_spec("mW") is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("100 million yuan", HeaderUnit("CNY", 8, "100 million yuan")),
        ("hundred million yuan", HeaderUnit("CNY", 8, "hundred million yuan")),
        ("10,000 tonnes", HeaderUnit("t", 4, "10,000 tonnes")),
        ("billion USD", HeaderUnit("USD", 9, "billion USD")),
        ("%", HeaderUnit("%", 0, "%")),
        ("MW", HeaderUnit("W", 6, "MW")),
        ("units", HeaderUnit("count", 0, "units")),
    ],
)
def test_header_unit(text: str, unit: HeaderUnit) -> None:
    assert header_unit(text) == unit


def test_header_unit_rejects_non_units() -> None:
    assert header_unit("cross-border") is None
    assert header_unit("5 yuan") is None  # a value, not a scale
    assert header_unit("") is None


def test_split_header() -> None:
    label, unit, span = split_header("Added Value (100 million yuan)")
    assert label == "Added Value"
    assert unit == HeaderUnit("CNY", 8, "100 million yuan")
    assert span == (12, 30)
    assert split_header("Trade Mode/Product Category") == (
        "Trade Mode/Product Category",
        None,
        None,
    )
    assert split_header("Zones (port warehouses)")[1] is None


@pytest.mark.parametrize(
    ("text", "code", "exponent"),
    [
        ("US$ billion", "USD", 9),
        ("$ million", "USD", 6),
        ("RMB million", "CNY", 6),
        ("RMB 100 million", "CNY", 8),
        ("RMB", "CNY", 0),
    ],
)
def test_header_units_with_the_currency_first(text: str, code: str, exponent: int) -> None:
    unit = header_unit(text)
    assert unit is not None and (unit.code, unit.exponent) == (code, exponent)


def test_a_currency_and_another_unit_is_not_a_header_unit() -> None:
    assert header_unit("RMB tonnes") is None
