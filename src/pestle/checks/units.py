"""Display units, stated precision and number formatting shared by the rules.

Claims carry canonical values (1 878.48 × 100 million yuan → 1.87848e11 CNY). A check
shows figures in the unit the document used (the *stated scale*), and allows for the
rounding the document did (the *half unit* of the last digit it wrote).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from pestle.model import Claim

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")

#: Names of powers of ten as economic reports write them ("100 million yuan").
_SCALE_WORDS: dict[int, str] = {
    0: "",
    3: "thousand",
    4: "10 thousand",
    6: "million",
    7: "10 million",
    8: "100 million",
    9: "billion",
    10: "10 billion",
    11: "100 billion",
    12: "trillion",
}

#: Canonical unit -> (word written after the scale, factor of that word in canonical units).
_BASE: dict[str, tuple[str, float]] = {
    "CNY": ("yuan", 1.0),
    "USD": ("US dollars", 1.0),
    "W": ("kilowatts", 1e3),
    "Wh": ("kilowatt-hours", 1e3),
    "t": ("tonnes", 1.0),
    "kg": ("kg", 1.0),
    "km": ("km", 1.0),
    "count": ("", 1.0),
}


def power_of_ten(x: float) -> int:
    """The nearest integer exponent k with 10**k ≈ |x| (x must be non-zero)."""
    return round(math.log10(abs(x)))


def stated_number(text: str) -> tuple[float, int] | None:
    """The first number written with digits in `text`, and its count of decimals."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    raw = match.group().replace(",", "")
    decimals = len(raw.partition(".")[2])
    return float(raw), decimals


def stated_scale(claim: Claim) -> float:
    """The power of ten the document's figure was multiplied by to reach canonical units."""
    if claim.unit in ("%", "pp", "count"):
        return 1.0
    number = stated_number(claim.text)
    if number is None or number[0] == 0 or claim.value == 0:
        return 1.0
    return 10.0 ** power_of_ten(claim.value / number[0])


def half_unit(claim: Claim) -> float:
    """Half of the last written digit, in canonical units: the rounding a figure carries.

    Counts are exact (0). A figure written without digits (a number word) is exact too.
    """
    if claim.unit == "count":
        return 0.0
    number = stated_number(claim.text)
    if number is None:
        return 0.0
    return 0.5 * 10.0 ** (-number[1]) * stated_scale(claim)


def reference_half_unit(value: float) -> float:
    """Half of the last significant digit of a reference value (1774.134e9 -> 0.5e6)."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    exponent = int(Decimal(repr(value)).normalize().as_tuple().exponent)
    return 0.5 * 10.0**exponent


def unit_name(unit: str, scale: float = 1.0) -> str:
    """'100 million yuan' for ('CNY', 1e8); '10 million kilowatts' for ('W', 1e10)."""
    if unit in ("%", "pp"):
        return unit
    word, factor = _BASE.get(unit, (unit, 1.0))
    k = power_of_ten(scale / factor) if scale else 0
    words = _SCALE_WORDS.get(k, f"×10^{k}")
    return " ".join(part for part in (words, word) if part) or "count"


def fmt(value: float, places: int | None = None) -> str:
    """Thousands separators; `places` decimals, or up to 4 significant decimals trimmed."""
    if places is not None:
        return f"{value:,.{places}f}"
    if value == 0:
        return "0"
    magnitude = power_of_ten(value) if value else 0
    places = max(0, min(6, 3 - magnitude))
    text = f"{value:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def amount(value: float, unit: str, scale: float, places: int | None = None) -> str:
    """A canonical value shown in a stated scale: '149.62 × 100 million yuan'."""
    name = unit_name(unit, scale)
    number = fmt(value / scale, places)
    if unit in ("%", "pp"):
        return f"{number} {unit}"
    return f"{number} × {name}" if name[:1].isdigit() else f"{number} {name}"


def natural(value: float, unit: str) -> str:
    """A canonical value in the words a reader expects: '149.62 billion yuan'."""
    if unit in ("%", "pp"):
        return f"{fmt(value)} {unit}"
    if unit == "count" or value == 0:
        return fmt(value)
    exponent = int(Decimal(repr(abs(value))).normalize().as_tuple().exponent)
    if unit in ("CNY", "USD"):
        candidates = (12, 9, 6, 3, 0)
    elif unit in ("W", "Wh"):
        candidates = (9, 3)
    else:
        candidates = (0,)
    for k in candidates:
        places = max(0, k - exponent)
        if abs(value) >= 10.0**k and (k != 12 or places <= 1):
            return amount(value, unit, 10.0**k, places)
    return amount(value, unit, 1.0)
