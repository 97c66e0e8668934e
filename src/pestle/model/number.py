"""The one parser of text that becomes a number: API bodies, case files, `--set NAME=VALUE`.

Python's own parsers are unsafe on hostile text: `Fraction("1e-3000000")` builds a
three-million-digit integer (seconds of CPU per cell), `float(Fraction("1e400"))` raises
OverflowError, `float("1e400")` is `inf`, and `float("nan")` passes every `<=` test. So text
is matched against a small grammar first, with its length and exponent bounded, and the
value must come out finite:

    number   := [+-] digits [. digits] [e [+-] 1-3 digits]     (or [+-] . digits ...)
    fraction := number / number                               (1/3, 2.5/4; not 1/0)

at most `MAX_CHARS` characters. Every surface calls `parse_number` (or validates a value with
`finite`), so the same text is the same number, or the same refusal, everywhere; a refusal is
a `ValueError` whose message says what is wrong (callers add the parameter's name).
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import BeforeValidator

MAX_CHARS = 64  # longer than any figure a person writes (17 significant digits and more)
MAX_EXPONENT_DIGITS = 3  # e-999..e999 before the finiteness check; no huge intermediates

_DECIMAL = rf"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{{1,{MAX_EXPONENT_DIGITS}}})?"
_NUMBER = re.compile(rf"\s*({_DECIMAL})\s*")
_LONG_EXPONENT = re.compile(rf"\d[eE][+-]?\d{{{MAX_EXPONENT_DIGITS + 1},}}")
_FRACTION = re.compile(rf"\s*({_DECIMAL})\s*/\s*({_DECIMAL})\s*")


def parse_number(text: str, *, fractions: bool = False) -> float:
    """The finite float `text` writes (a fraction `a/b` too when `fractions`).

    Raises ValueError naming the problem: too long, not a number, not finite, division by 0.
    """
    if len(text) > MAX_CHARS:
        raise ValueError(f"{_shown(text)} is too long for a number (over {MAX_CHARS} characters)")
    match = _NUMBER.fullmatch(text)
    if match is not None:
        return finite(float(match.group(1)), text)
    if fractions:
        match = _FRACTION.fullmatch(text)
        if match is not None:
            numerator, denominator = float(match.group(1)), float(match.group(2))
            if denominator == 0:
                raise ValueError(f"{_shown(text)} divides by zero")
            return finite(finite(numerator, text) / finite(denominator, text), text)
    if _LONG_EXPONENT.search(text):
        raise ValueError(f"{_shown(text)} has an exponent beyond e±999: not a finite number")
    wanted = "a number or a fraction like 1/3" if fractions else "a number like 0.6 or 6.1e9"
    raise ValueError(f"{_shown(text)} is not {wanted}")


def finite(value: float | int, text: object = None) -> float:
    """`value` as a float, refused (ValueError) when it is infinite, NaN or out of range."""
    try:
        number = float(value)
    except OverflowError:  # an int beyond the float range
        number = math.inf
    if not math.isfinite(number):
        shown = _shown(str(value if text is None else text))
        raise ValueError(f"{shown} is not a finite number (beyond ±1.8e308, or NaN)")
    return number


def number_or_text(text: str) -> float | str:
    """`--set NAME=VALUE`'s value: a number when it looks like one (then it must be a finite
    one within the bounds), else the text (a choice of a categorical parameter)."""
    stripped = text.strip()
    if _looks_numeric(stripped):
        return parse_number(stripped)
    return stripped


def _looks_numeric(text: str) -> bool:
    """Text a person meant as a number: it starts like one (digit, sign, dot) or is one of
    the words float() would read as a number (inf, nan, infinity)."""
    return bool(re.match(r"[+-]?\.?\d", text)) or text.lower().lstrip("+-") in {
        "inf",
        "infinity",
        "nan",
    }


def _shown(text: str) -> str:
    """Text quoted for a message, shortened so a hostile value cannot flood a log line: at
    most 60 characters as quoted (an escaped control or astral character takes up to 10)."""
    shown = repr(text)
    return shown if len(shown) <= 60 else shown[:56] + "...'"


def _ratio(value: Any) -> Any:
    """A judgment as written: 3, 0.5, "1/3", "2.5" -> float; None stays None."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number (YAML reads yes/no/true/false as booleans)")
    if value is None:
        return value
    if isinstance(value, int | float):
        return finite(value)
    if isinstance(value, str):
        return parse_number(value, fractions=True)
    return value


# A number as a person writes it in a judgment matrix (a fraction allowed); None = missing.
Ratio = Annotated[float | None, BeforeValidator(_ratio)]
