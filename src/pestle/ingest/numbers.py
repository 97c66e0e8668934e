"""Numbers as written: numerals, number words and magnitude words.

Values are built as ``float(f"{digits}e{exponent}")`` so that "472.909 billion" is exactly
``472909000000.0`` (one correctly rounded conversion, no float multiplication).
"""

from __future__ import annotations

import math
import re

from pestle.errors import NumberTooLarge, too_large

# 1,878.48 | 142.45 | 25 | .5  (a thousands group must be exactly three digits)
NUMERAL = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"

UNITS_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ONE_TO_NINE = "one|two|three|four|five|six|seven|eight|nine"


def _dispatched(words: list[str]) -> str:
    """An alternation of words, dispatched on the first letter (either case).

    ``\\b[Tt](?:(?<=[Tt])(?:wo|hree)|...)`` lets the regex engine skip quickly over
    positions that cannot start a number word; (?i:one|two|...) is several times slower.
    """
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    firsts = "".join(sorted({c for k in by_first for c in (k, k.upper())}))
    branches = "|".join(
        f"(?<=[{k.upper()}{k}])(?:{'|'.join(sorted(rest, key=len, reverse=True))})"
        for k, rest in by_first.items()
    )
    return rf"\b[{firsts}](?:{branches})"


# "twenty-six", "twenty six", "eight", "nineteen" (lower case or capitalized)
NUMBER_WORDS = (
    _dispatched([*TENS_WORDS, *UNITS_WORDS]) + rf"(?:(?<=ty)[-\s](?i:{_ONE_TO_NINE})\b)?\b"
)

MAGNITUDES: dict[str, int] = {
    "hundred": 2,
    "thousand": 3,
    "lakh": 5,
    "million": 6,
    "crore": 7,
    "billion": 9,
    "trillion": 12,
    "mn": 6,
    "mln": 6,
    "mio": 6,
    "bn": 9,
    "bln": 9,
    "tn": 12,
    "trn": 12,
    # single letters only after a currency sign ("$5m", "$3bn", "$50k")
    "k": 3,
    "m": 6,
    "b": 9,
}
MAGNITUDE_WORDS = r"(?i:hundred|thousand|million|billion|trillion|lakh|crore)s?\b"
MAGNITUDE_ABBREV = r"(?:bn|mn|mln|bln|mio|tn|trn)\b"
MAGNITUDE_LETTER = r"(?:[kKmMbB])\b"

_WORD_SPLIT = re.compile(r"[-\s]+")


def numeral_digits(text: str) -> str:
    """The digits of a numeral as a plain decimal string: ``"1,878.48"`` -> ``"1878.48"``."""
    return text.replace(",", "")


def word_value(text: str) -> int | None:
    """The value of a number word ("eight", "twenty-six"), or None."""
    parts = _WORD_SPLIT.split(text.strip().lower())
    if len(parts) == 1:
        word = parts[0]
        if word in UNITS_WORDS:
            return UNITS_WORDS[word]
        return TENS_WORDS.get(word)
    if len(parts) == 2 and parts[0] in TENS_WORDS and parts[1] in UNITS_WORDS:
        ones = UNITS_WORDS[parts[1]]
        if 1 <= ones <= 9:
            return TENS_WORDS[parts[0]] + ones
    return None


def magnitude_exponent(text: str) -> int:
    """Sum of powers of ten of the magnitude words in ``text`` ("10 million" -> 6)."""
    total = 0
    for word in re.findall(r"[A-Za-z]+", text):
        key = word.lower()
        if key not in MAGNITUDES and key.endswith("s") and key[:-1] in MAGNITUDES:
            key = key[:-1]
        total += MAGNITUDES.get(key, 0)
    return total


def scaled(digits: str, exponent: int) -> float:
    """``digits`` x 10**``exponent`` as one correctly rounded float."""
    value = float(digits) if exponent == 0 else float(f"{digits}e{exponent}")
    if not math.isfinite(value):  # else JSON output would hold `Infinity` (not JSON)
        raise NumberTooLarge(too_large(digits, exponent))
    return value
