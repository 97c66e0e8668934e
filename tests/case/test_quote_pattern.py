"""`quote_pattern` checks a quote's word edges beside each match: it finds exactly what the
one regex with lookarounds finds (the form it replaced, slow to compile per quote)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pestle.case.evidence import _WORD, quote_pattern


def lookaround_regex(quote: str) -> re.Pattern[str]:
    """The reference: word edges as lookarounds inside the quote's regex."""
    words = quote.split()
    body = r"\s+".join(re.escape(w) for w in words)
    first, last = words[0][0], words[-1][-1]
    head = rf"(?<!{_WORD})(?<!\d[.,])" if re.match(_WORD, first) else ""
    tail = rf"(?!{_WORD})(?![.,]\d)" if re.match(_WORD, last) else ""
    return re.compile(head + body + tail)


# few letters, so that quotes recur in the texts: digits, marks, spaces, Latin and Han
ALPHABET = st.sampled_from([*"ab12.,% \n\t", "亿", "元", "é", "_", "\u00a0"])
TEXT = st.text(ALPHABET, max_size=60)
QUOTE = st.text(ALPHABET, min_size=1, max_size=6).filter(lambda q: q.split())


@settings(max_examples=600, deadline=None)
@given(text=TEXT, quote=QUOTE, cut=st.tuples(st.integers(0, 70), st.integers(0, 70)))
def test_the_same_matches_as_the_lookaround_regex(
    text: str, quote: str, cut: tuple[int, int]
) -> None:
    start, end = min(cut), max(cut)
    reference = lookaround_regex(quote)
    pattern = quote_pattern(quote)
    spans = [m.span() for m in pattern.finditer(text, start, end)]
    assert spans == [m.span() for m in reference.finditer(text, start, end)]
    found, expected = pattern.search(text), reference.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_real_edges() -> None:
    pattern = quote_pattern("13.21")
    assert pattern.search("grew 4413.21 yuan") is None  # inside a longer number
    assert pattern.search("grew 13.21%").span() == (5, 10)  # type: ignore[union-attr]
    assert pattern.search("a1,13.21 b") is None
    assert quote_pattern("total").search("subtotal, total.").span() == (10, 15)  # type: ignore[union-attr]
    assert quote_pattern("生产总值").search("地区生产总值4413亿元") is not None  # Han: no edge
