"""Comparing a computed figure with a stated one, honouring the stated qualifier."""

from __future__ import annotations

#: Words for qualifiers in messages ("more than 50 %").
QUALIFIER_WORDS: dict[str, str] = {
    "=": "",
    "~": "about ",
    ">": "more than ",
    ">=": "at least ",
    "<": "less than ",
    "<=": "at most ",
}


def satisfies(actual: float, qualifier: str, bound: float, tolerance: float = 0.0) -> bool:
    """Whether `actual` meets the statement "<qualifier> bound", allowing `tolerance`.

    "=" and "~" need |actual - bound| <= tolerance; ">" needs actual > bound - tolerance;
    "<" needs actual < bound + tolerance (and the inclusive forms likewise).
    """
    gap = actual - bound
    if qualifier in ("=", "~"):
        return abs(gap) <= tolerance
    if qualifier in (">", ">="):
        return gap > -tolerance if qualifier == ">" else gap >= -tolerance
    if qualifier in ("<", "<="):
        return gap < tolerance if qualifier == "<" else gap <= tolerance
    raise ValueError(f"unknown qualifier {qualifier!r}")


def words(qualifier: str) -> str:
    return QUALIFIER_WORDS.get(qualifier, "")
