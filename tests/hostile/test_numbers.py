"""The one number parser (`pestle.model.number`): the same text is the same number, or the
same refusal, in the API, case files and `--set`; hostile texts are refused in microseconds.

Before the fix, `Fraction("1e-3000000")` held the server for 6.4 s per judgment cell and
`float(Fraction("1e400"))` raised OverflowError (a 500); `--set wind_share=1e308` printed
numpy RuntimeWarnings before its error.
"""

from __future__ import annotations

import math
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pestle.model.number import MAX_CHARS, parse_number

from . import bounded

BOMBS = ["1e-3000000", "1e10000000", "1e-100000000", "1/1e-3000000", "9" * 5000, "1" + "0" * 400]


@pytest.mark.parametrize("text", BOMBS)
def test_a_number_bomb_is_refused_at_once(text: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ValueError, match=r"too long|exponent beyond|not a finite number"):
        parse_number(text, fractions=True)
    assert time.perf_counter() - start < 0.01


@pytest.mark.parametrize(
    ("text", "value"),
    [("1/3", 1 / 3), ("2.5", 2.5), (" 9 ", 9.0), ("1/9", 1 / 9), ("-0.5e-3", -0.0005), (".5", 0.5)],
)
def test_numbers_as_people_write_them_are_read(text: str, value: float) -> None:
    assert parse_number(text, fractions=True) == value


@pytest.mark.parametrize(
    "text", ["nan", "inf", "-Infinity", "1e400", "-1e309", "1/0", "0x10", "1_000", "", "1/2/3"]
)
def test_what_is_not_a_finite_number_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text, fractions=True)


@settings(max_examples=500, deadline=200)
@given(st.text(max_size=200))
def test_any_text_is_a_finite_number_or_a_value_error(text: str) -> None:
    start = time.perf_counter()
    try:
        value = parse_number(text, fractions=True)
    except ValueError as exc:
        assert "\n" not in str(exc)
        assert len(str(exc)) < 200  # a hostile text is shortened in the message
    else:
        assert math.isfinite(value)
    assert time.perf_counter() - start < 0.05


@settings(max_examples=300, deadline=200)
@given(st.from_regex(r"\A[+-]?[0-9]{1,30}(\.[0-9]{0,20})?([eE][+-]?[0-9]{1,6})?\Z", fullmatch=True))
def test_a_decimal_reads_as_python_reads_it_when_in_bounds(text: str) -> None:
    try:
        expected = float(text)  # Python is fast on plain decimals; Fraction is the danger
    except OverflowError:  # pragma: no cover - float() returns inf instead
        expected = math.inf
    try:
        value = parse_number(text)
    except ValueError:
        exponent = text.lower().partition("e")[2].lstrip("+-")
        assert not math.isfinite(expected) or len(text) > MAX_CHARS or len(exponent) > 3
    else:
        assert value == expected


@settings(max_examples=200, deadline=200)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_finite_float_round_trips_through_its_repr(number: float) -> None:
    assert parse_number(repr(number)) == number


def test_set_a_huge_value_is_one_line_without_numpy_warnings() -> None:
    ran = bounded.pestle("demand", "--samples", "10", "--set", "wind_share=1e308")
    line = bounded.one_line_error(ran)  # one line: no RuntimeWarning before it
    assert line == "error: --set: wind_share = 1e+308 is outside its stated range [0.2, 0.8]"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1e400", "error: --set wind_share: '1e400' is not a finite number"),
        ("nan", "error: --set wind_share: 'nan' is not a number like 0.6 or 6.1e9"),
        ("1e-3000000", "error: --set wind_share: '1e-3000000' has an exponent beyond e±999"),
    ],
)
def test_set_refuses_what_the_api_refuses(value: str, message: str) -> None:
    from pestle.case.parameters_file import parse_assignment
    from pestle.cli import flag_wording
    from pestle.errors import PestleError

    with pytest.raises(PestleError) as caught:
        parse_assignment(f"wind_share={value}")
    assert f"error: {flag_wording(caught.value)}".startswith(message)


def test_set_checks_the_stated_range_as_the_api_does() -> None:
    # one check for every surface (ParameterSet.checked_overrides): the API refuses an
    # unranged parameter, the command line takes any finite value for it
    from pestle.case import load_case
    from pestle.errors import InputError

    parameters = load_case().parameters
    with pytest.raises(InputError, match=r"wind_share = 0.95 is outside its stated range"):
        parameters.checked_overrides({"wind_share": 0.95})
    with pytest.raises(InputError, match="no stated range"):
        parameters.checked_overrides({"horizon_end": 2031}, unranged=False)
    assert parameters.checked_overrides({"horizon_end": 2031}) == {"horizon_end": 2031.0}
