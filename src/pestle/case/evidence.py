"""Resolve evidence links to passages and claims of a case's documents, and check values.

An evidence link (`EvidenceRef`) is a stable key: document + section + quote. It resolves
when the quote occurs exactly once in that section of that document (whitespace may
differ; the quote must not start or end inside a word or number, so "5.2" does not match
inside "65.2"). The claims of a link are the extracted claims whose span overlaps the
quoted passage: a quote can be a claim's exact text ("6.1 million kilowatts") or a
passage around it ("Huadian Northern Tianshan Gobi Base | 6.1 million kilowatts").

A link with `attribute` supports a number: among its claims, exactly one must be in the
attribute's unit, and its value (canonical unit) must equal the attribute's value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pestle.case.models import Document, Section
from pestle.errors import CaseError
from pestle.model import Claim, EvidenceRef


class EvidenceError(CaseError):
    """A link that does not resolve; the loader re-raises it with the link's file and line."""


@dataclass(frozen=True)
class Resolution:
    """Where a link points: the passage and the claims overlapping it."""

    ref: EvidenceRef
    document: str
    start: int
    end: int
    text: str
    claims: tuple[Claim, ...]


@dataclass
class DocumentIndex:
    """Fast lookups over one document: sections by offset, claims by span."""

    document: Document
    sections: Sequence[Section]
    _claims: list[Claim] = field(init=False)

    def __post_init__(self) -> None:
        self._claims = sorted(self.document.claims, key=lambda c: (c.start, c.end))

    @cached_property
    def titles(self) -> frozenset[str | None]:
        return frozenset(s.title for s in self.sections)

    def spans_of(self, title: str | None) -> list[Section]:
        return [s for s in self.sections if s.title == title]

    def occurrences(self, quote: str, section: str | None) -> list[tuple[int, int]]:
        """Spans where `quote` occurs inside `section` (all of the text if None)."""
        pattern = quote_pattern(quote)
        text = self.document.text
        if section is None:
            areas: Iterable[tuple[int, int]] = [(0, len(text))]
        else:
            areas = [(s.start, s.end) for s in self.spans_of(section)]
        found: list[tuple[int, int]] = []
        for start, end in areas:
            found.extend(m.span() for m in pattern.finditer(text, start, end))
        return found

    def claims_overlapping(self, start: int, end: int) -> tuple[Claim, ...]:
        return tuple(c for c in self._claims if c.start < end and start < c.end)


# a character that continues a word: Chinese has no spaces between words, so a Han
# character next to a quote ("实现地区生产总值4413.21亿元") is no word edge to keep
_WORD = r"[^\W\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_WORD_CHAR = re.compile(_WORD)
_DIGIT_MARK = re.compile(r"\d[.,]")  # "4413.21": "13.21" is no quote of it
_MARK_DIGIT = re.compile(r"[.,]\d")


@dataclass(frozen=True)
class QuotePattern:
    r"""A quote's regex and the word edges it keeps, checked beside each match: the same
    matches as the lookarounds `(?<!WORD)(?<!\d[.,])` before and `(?!WORD)(?![.,]\d)` after
    the quote, but the word class is compiled once, not into each quote's regex (a case
    loads a few hundred quotes, and that class made compiling them a third of `pestle
    check`)."""

    body: re.Pattern[str]
    head: bool  # the quote starts with a word character: no word character before it
    tail: bool  # ... ends with one: none after it

    def _edges(self, text: str, start: int, end: int, endpos: int) -> bool:
        # before the match the whole text counts, after it only up to endpos (as in `re`)
        before = start > 0 and (
            _WORD_CHAR.match(text, start - 1) is not None
            or (start >= 2 and _DIGIT_MARK.match(text, start - 2) is not None)
        )
        after = end < endpos and (
            _WORD_CHAR.match(text, end, endpos) is not None
            or _MARK_DIGIT.match(text, end, endpos) is not None
        )
        return not (self.head and before) and not (self.tail and after)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The leftmost match from `pos` with its edges kept, as `re.Pattern.search`."""
        end = len(text) if endpos is None else min(endpos, len(text))
        while (m := self.body.search(text, pos, end)) is not None:
            if self._edges(text, m.start(), m.end(), end):
                return m
            pos = m.start() + 1  # a match starting later may keep its edges
        return None

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterable[re.Match[str]]:
        """Non-overlapping matches, left to right, as `re.Pattern.finditer`."""
        while (m := self.search(text, pos, endpos)) is not None:
            yield m
            pos = max(m.end(), m.start() + 1)


def quote_pattern(quote: str) -> QuotePattern:
    """A pattern for `quote`: any whitespace run matches any whitespace run; word edges kept
    (in English and around digits; not between Chinese characters)."""
    words = quote.split()
    if not words:
        raise EvidenceError("the quote is empty")
    body = r"\s+".join(re.escape(w) for w in words)
    first, last = words[0][0], words[-1][-1]
    return QuotePattern(
        re.compile(body), head=bool(_WORD_CHAR.match(first)), tail=bool(_WORD_CHAR.match(last))
    )


def resolve(ref: EvidenceRef, index: DocumentIndex) -> Resolution:
    """The passage a link names; EvidenceError unless its quote occurs once in its section."""
    where = _describe(ref)
    if ref.section is not None and ref.section not in index.titles:
        known = "; ".join(repr(t) for t in sorted(t for t in index.titles if t))
        raise EvidenceError(
            f"section {ref.section!r} is not a section of {ref.document!r} (sections: {known})"
        )
    spans = index.occurrences(ref.quote, ref.section)
    if not spans:
        raise EvidenceError(f"{where}: the quote is not in the document")
    if len(spans) > 1:
        raise EvidenceError(
            f"{where}: the quote occurs {len(spans)} times; quote more of the passage "
            "so that it names one place"
        )
    start, end = spans[0]
    return Resolution(
        ref=ref,
        document=ref.document,
        start=start,
        end=end,
        text=index.document.text[start:end],
        claims=index.claims_overlapping(start, end),
    )


def linked_claim(resolution: Resolution, unit: str | None) -> Claim:
    """The one claim of a link in `unit` (any unit if None); EvidenceError otherwise."""
    claims = resolution.claims
    if unit is not None:
        claims = tuple(c for c in claims if c.unit == unit)
    in_unit = f" in {unit}" if unit else ""
    where = _describe(resolution.ref)
    if not claims:
        found = ", ".join(f'"{c.text}" ({c.unit})' for c in resolution.claims) or "none"
        raise EvidenceError(
            f"{where}: no extracted claim{in_unit} in the quoted passage (claims there: {found})"
        )
    if len(claims) > 1:
        found = ", ".join(f'"{c.text}"' for c in claims)
        raise EvidenceError(
            f"{where}: the quoted passage holds {len(claims)} claims{in_unit} ({found}); "
            "quote just the one that supports the attribute"
        )
    return claims[0]


def _describe(ref: EvidenceRef) -> str:
    return f'quote "{_short(ref.quote)}" (section "{ref.section}")'


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- values --------------------------------------------------------------------------------


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def same_value(a: Any, b: Any) -> bool:
    """Numbers equal up to float rounding; anything else equal as text."""
    if is_number(a) and is_number(b):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)
    return str(a) == str(b)


def fmt(value: Any) -> str:
    """A number as people write it in case files: 6.1e9, 1.0e10, 5.6, 25; text quoted."""
    if not is_number(value):
        return f'"{value}"' if isinstance(value, str) else repr(value)
    number = float(value)
    if not math.isfinite(number):
        return repr(number)
    if number != 0 and (abs(number) >= 1e5 or abs(number) < 1e-3):
        mantissa, exponent = f"{number:.12e}".split("e")
        mantissa = mantissa.rstrip("0")
        if mantissa.endswith("."):
            mantissa += "0"
        return f"{mantissa}e{int(exponent)}"
    if number.is_integer():
        return str(int(number))
    return repr(number)


def index_documents(documents: Iterable[Document]) -> dict[str, DocumentIndex]:
    return {d.id: DocumentIndex(d, d.sections) for d in documents}
