"""Numerals, number words and magnitudes."""

from __future__ import annotations

import pytest

from pestle.ingest.numbers import (
    magnitude_exponent,
    numeral_digits,
    scaled,
    word_value,
)


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("eight", 8),
        ("Three", 3),
        ("twenty-six", 26),
        ("twenty six", 26),
        ("ninety", 90),
        ("nineteen", 19),
        ("zero", 0),
        ("twenty-ten", None),
        ("eleventy", None),
    ],
)
def test_word_value(word: str, value: int | None) -> None:
    assert word_value(word) == value


@pytest.mark.parametrize(
    ("text", "exponent"),
    [
        ("million", 6),
        ("10 thousand", 3),
        ("hundred million", 8),
        ("billion", 9),
        ("bn", 9),
        ("trillion", 12),
        ("", 0),
        ("lakh", 5),
        ("millions", 6),
    ],
)
def test_magnitude_exponent(text: str, exponent: int) -> None:
    assert magnitude_exponent(text) == exponent


def test_scaled_is_exact() -> None:
    assert scaled(numeral_digits("472.909"), 9) == 472909000000.0
    assert scaled(numeral_digits("1,878.48"), 8) == 187848000000.0
    assert scaled("0.1", 1) == 1.0
