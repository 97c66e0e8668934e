"""Stated precision, display units and number formatting."""

from __future__ import annotations

import pytest

from checks.build import Doc
from pestle.checks import units


def _claim(text, value, unit):
    return Doc().figure(text, value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit", "scale", "half"),
    [
        ("1,878.48", 1878.48e8, "CNY", 1e8, 0.005e8),
        ("472.909 billion yuan", 472.909e9, "CNY", 1e9, 0.0005e9),
        ("2 trillion yuan", 2e12, "CNY", 1e12, 0.5e12),
        ("5.6%", 5.6, "%", 1, 0.05),
        ("6.1 million kilowatts", 6.1e9, "W", 1e9, 0.05e9),
        ("26 powers", 26, "count", 1, 0),
        ("eight", 8, "count", 1, 0),
    ],
)
def test_stated_scale_and_half_unit(text, value, unit, scale, half):
    claim = _claim(text, value, unit)
    assert units.stated_scale(claim) == scale
    assert units.half_unit(claim) == pytest.approx(half)


@pytest.mark.parametrize(
    ("value", "half"),
    [(1774.134e9, 0.5e6), (149.62e9, 0.5e7), (5.4, 0.05), (2.0e12, 0.5e12), (0.0, 0.0)],
)
def test_reference_half_unit_from_significant_digits(value, half):
    assert units.reference_half_unit(value) == pytest.approx(half)


@pytest.mark.parametrize(
    ("unit", "scale", "name"),
    [
        ("CNY", 1e8, "100 million yuan"),
        ("CNY", 1e9, "billion yuan"),
        ("W", 1e10, "10 million kilowatts"),
        ("W", 1e9, "million kilowatts"),
        ("%", 1, "%"),
    ],
)
def test_unit_names(unit, scale, name):
    assert units.unit_name(unit, scale) == name


def test_amount_and_natural():
    assert units.amount(1.4962e10, "CNY", 1e8, 2) == "149.62 × 100 million yuan"
    assert units.natural(149.62e9, "CNY") == "149.62 billion yuan"
    assert units.natural(1774.134e9, "CNY") == "1,774.134 billion yuan"
    assert units.natural(2e12, "CNY") == "2 trillion yuan"
    assert units.natural(6.1e9, "W") == "6.1 million kilowatts"
    assert units.natural(26, "count") == "26"
    assert units.fmt(4729.09, 2) == "4,729.09"
