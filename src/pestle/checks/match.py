"""Matching names, subjects and measures the way documents write them.

Documents vary case, punctuation and possessives ("Northland's", "North - South",
"Zhundong (Changji) - Wannan (Guquan)"); the rules compare normalised forms.
"""

from __future__ import annotations

import re

_PAREN = re.compile(r"\([^)]*\)")
_POSSESSIVE = re.compile(r"['’]s\b")
_NON_WORD = re.compile(r"[^0-9a-z]+")

#: Words that name the region itself rather than a part of it.
_REGION_WORDS = {"region", "the region", "regional", "autonomous region", "the autonomous region"}


def norm(text: str | None) -> str:
    """Lower case, no parentheses, no possessive 's, words separated by single spaces."""
    if not text:
        return ""
    text = _PAREN.sub(" ", text.lower())
    text = _POSSESSIVE.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def tokens(text: str | None) -> tuple[str, ...]:
    return tuple(norm(text).split())


def is_region(subject: str | None, region: str | None) -> bool:
    """True when a subject names the case's region (or names nothing, i.e. the region)."""
    if subject is None:
        return True
    s = norm(subject)
    if s in _REGION_WORDS:
        return True
    if not region:
        return False
    name = set(norm(region.split(",")[0]).split()) - {"region", "autonomous"}
    words = set(s.split()) - {"region", "autonomous"}
    return bool(words) and (words <= name or name <= words)
