"""Units as written, mapped to the canonical codes of the claim contract.

Each written unit maps to ``(code, exponent)``: the value in the canonical unit is the
written value x 10**exponent ("kilowatts" -> ("W", 3), "grams" -> ("kg", -3)).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pestle.ingest.numbers import (
    MAGNITUDE_ABBREV,
    MAGNITUDE_WORDS,
    NUMERAL,
    magnitude_exponent,
    numeral_digits,
)

# -- units written after a number ---------------------------------------------------------
# Order matters: longer forms first ("percentage points" before "percent", "kWh" before "kW").
_UNIT_FORMS: list[tuple[str, str]] = [
    ("pp", r"(?i:percentage[\s-]+points?|percent(?:age)?[\s-]+pts?|pct\.?[\s-]+points?)\b"),
    ("pp", r"(?:ppts?|pp|p\.p\.)(?![\w])"),
    ("%", r"%|(?i:per[\s-]?cent|pct)\b"),
    ("CNY", r"(?i:yuan|renminbi)\b|(?:RMB|CNY|Rmb)\b"),
    ("USD", r"(?i:(?:US|U\.S\.)\s?dollars?|dollars?)\b|USD\b"),
    ("Wh", r"(?i:(?:kilo|mega|giga|tera)?watt[\s-]?hours?)\b|(?:[kKMGT]?Wh|kwh|kW[·.]h)\b"),
    ("W", r"(?i:(?:kilo|mega|giga|tera)?watts?)\b|(?:[kKMGT]?W|kw)\b"),
    ("t", r"(?i:metric\s+tons?|tonnes?|tons?)\b|(?:Mt|kt|t)\b"),
    ("kg", r"(?i:kilogram(?:me)?s?|gram(?:me)?s?)\b|kg\b"),
    ("km", r"(?i:kilomet(?:er|re)s?|met(?:er|re)s?)\b|km\b(?![²³/])"),
]
UNIT = "|".join(f"(?:{form})" for _, form in _UNIT_FORMS)

_PREFIX_EXP = {"kilo": 3, "mega": 6, "giga": 9, "tera": 12}
_SYMBOL_EXP = {"k": 3, "K": 3, "M": 6, "G": 9, "T": 12}

# currency written before the number: "$50.25 billion", "RMB 3 trillion", "US$ 5 million"
CURRENCY_PREFIX = r"(?:US\$|U\.S\.\s?\$|USD|RMB|CNY|\$)"

_COMPILED = [(code, re.compile(form)) for code, form in _UNIT_FORMS]


@dataclass(frozen=True, slots=True)
class UnitSpec:
    """A canonical unit code and the power of ten that converts the written unit to it."""

    code: str
    exponent: int = 0


def currency_prefix(text: str) -> UnitSpec:
    """The unit of a currency sign or code written before a number."""
    if text.replace(" ", "") in {"RMB", "CNY"}:
        return UnitSpec("CNY")
    return UnitSpec("USD")


def unit_spec(text: str) -> UnitSpec | None:
    """The canonical unit of a unit as written after a number ("kilowatts" -> W, 10**3)."""
    text = text.strip().strip("-").strip()
    for code, pattern in _COMPILED:
        if pattern.fullmatch(text):
            return UnitSpec(code, _exponent(code, text))
    return None


def _exponent(code: str, text: str) -> int:
    low = text.lower()
    if code in {"W", "Wh"}:
        for prefix, exp in _PREFIX_EXP.items():
            if low.startswith(prefix):
                return exp
        head = text[0]
        if head in _SYMBOL_EXP and len(text) > 1 and text[1] in "Ww":
            return _SYMBOL_EXP[head]
        return 0
    if code == "t":
        if text in {"Mt"}:
            return 6
        if text in {"kt"}:
            return 3
        return 0
    if code == "kg":
        return 0 if low.startswith("kilo") or low == "kg" else -3
    if code == "km":
        return 0 if low.startswith("kilo") or low == "km" else -3
    return 0


# -- units stated in a table header: "(100 million yuan)", "(%)", "(US$ billion)" --------
_HEADER_UNIT = re.compile(
    rf"^\s*(?:(?P<pre>{CURRENCY_PREFIX})\s*)?(?P<num>{NUMERAL})?\s*"
    rf"(?P<mag>(?:{MAGNITUDE_WORDS}\s*|{MAGNITUDE_ABBREV}\s*)*)"
    rf"(?P<unit>{UNIT}|(?i:units?|pcs|pieces|items|number|count))?\s*$"
)
_HEADER_PAREN = re.compile(r"[(\[（]([^()\[\]（）]*)[)\]）]\s*$")


@dataclass(frozen=True, slots=True)
class HeaderUnit:
    """A unit stated in a header: code, power of ten of the scale, and the text it came from."""

    code: str
    exponent: int
    text: str


def header_unit(text: str) -> HeaderUnit | None:
    """Parse a unit phrase without a value: "100 million yuan" -> (CNY, 8); "%" -> (%, 0)."""
    match = _HEADER_UNIT.match(text)
    if match is None or not text.strip():
        return None
    num, mag, unit = match.group("num"), match.group("mag"), match.group("unit")
    pre = match.group("pre")
    if pre is not None:  # "US$ billion", "RMB million": a currency written before its scale
        if unit is not None and unit_spec(unit) != currency_prefix(pre):
            return None
        unit = unit or pre
    if unit is None:
        return None
    exponent = magnitude_exponent(mag or "")
    if num:
        digits = numeral_digits(num)
        if not re.fullmatch(r"10*", digits):
            return None
        exponent += len(digits) - 1
    spec = unit_spec(unit) if pre is None else currency_prefix(pre)
    if spec is None:
        return HeaderUnit("count", exponent, text.strip())
    return HeaderUnit(spec.code, exponent + spec.exponent, text.strip())


def split_header(text: str) -> tuple[str, HeaderUnit | None, tuple[int, int] | None]:
    """Split "Added Value (100 million yuan)" into its label, unit and the unit's span."""
    match = _HEADER_PAREN.search(text)
    if match is None:
        return text.strip(), None, None
    unit = header_unit(match.group(1))
    if unit is None:
        return text.strip(), None, None
    return text[: match.start()].strip(), unit, (match.start(), match.end())
