"""Resolving quotes to passages and claims; comparing and formatting values."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pestle.case.evidence import (
    DocumentIndex,
    EvidenceError,
    fmt,
    linked_claim,
    quote_pattern,
    resolve,
    same_value,
)
from pestle.case.models import Document, Section
from pestle.model import Claim, EvidenceRef, Source

TEXT = (
    "Bases\n"
    "Alpha Base | 10 million kilowatts | 2023 |\n"
    "Beta Base | Each 10 million kilowatts | 2024 |\n"
    "Growth\n"
    "Trade rose 65.2% and bonded logistics 5.2%, across\n  two lines.\n"
)


def _claim(text: str, value: float, unit: str, occurrence: int = 0) -> Claim:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    section = "Bases" if start < TEXT.index("Growth") else "Growth"
    return Claim(
        value=value, unit=unit, text=text, start=start, end=start + len(text), section=section
    )


@pytest.fixture(scope="module")
def index() -> DocumentIndex:
    growth = TEXT.index("Growth")
    claims = (
        _claim("10 million kilowatts", 1e10, "W", 0),
        _claim("10 million kilowatts", 1e10, "W", 1),
        _claim("2023", 2023, "count"),
        _claim("65.2%", 65.2, "%"),
        _claim("5.2%", 5.2, "%", 1),
    )
    document = Document(
        id="doc",
        title="t",
        path=Path("doc.txt"),
        source=Source.from_text(TEXT, title="t"),
        text=TEXT,
        sections=(
            Section(title="Bases", start=5, end=growth),
            Section(title="Growth", start=growth + 6, end=len(TEXT)),
        ),
        claims=claims,
    )
    return DocumentIndex(document, document.sections)


def ref(quote: str, section: str | None = "Bases") -> EvidenceRef:
    return EvidenceRef(document="doc", section=section, quote=quote)


def test_a_quote_resolves_to_its_passage_and_overlapping_claims(index: DocumentIndex) -> None:
    found = resolve(ref("Alpha Base | 10 million kilowatts"), index)
    assert found.text == "Alpha Base | 10 million kilowatts"
    assert [c.text for c in found.claims] == ["10 million kilowatts"]
    assert linked_claim(found, "W").value == 1e10


def test_a_quote_that_occurs_twice_in_its_section_is_ambiguous(index: DocumentIndex) -> None:
    with pytest.raises(EvidenceError, match="the quote occurs 2 times; quote more"):
        resolve(ref("10 million kilowatts"), index)
    assert resolve(ref("Each 10 million kilowatts"), index).claims[0].start > 30


def test_quotes_match_across_whitespace_but_not_inside_numbers(index: DocumentIndex) -> None:
    assert resolve(ref("across two lines.", "Growth"), index).text == "across\n  two lines."
    found = resolve(ref("5.2%", "Growth"), index)  # not the "5.2%" inside "65.2%"
    assert TEXT[found.start - 1] == " "
    assert linked_claim(found, "%").value == 5.2
    with pytest.raises(EvidenceError, match="not in the document"):
        resolve(ref("Trade rose", "Bases"), index)  # in the document, not in that section


def test_linked_claim_needs_exactly_one_claim_in_the_unit(index: DocumentIndex) -> None:
    row = resolve(ref("Alpha Base | 10 million kilowatts | 2023"), index)
    assert linked_claim(row, "count").value == 2023
    with pytest.raises(EvidenceError, match=r'holds 2 claims \("10 million kilowatts", "2023"\)'):
        linked_claim(row, None)
    with pytest.raises(EvidenceError, match=r"no extracted claim in CNY .*\(W\), \"2023\""):
        linked_claim(row, "CNY")


def test_unknown_section_lists_the_known_ones(index: DocumentIndex) -> None:
    with pytest.raises(
        EvidenceError,
        match=r"section 'Energy' is not a section of 'doc' "
        r"\(sections: 'Bases'; 'Growth'\)",
    ):
        resolve(ref("Alpha", "Energy"), index)


def test_fmt_writes_numbers_as_case_files_do() -> None:
    values = (6.0e9, 6.1e9, 1e10, 4.72909e11, 5.6, 25, 25.0, 0.2, 0, 1.5e-4)
    expected = ["6.0e9", "6.1e9", "1.0e10", "4.72909e11", "5.6", "25", "25", "0.2", "0", "1.5e-4"]
    assert [fmt(v) for v in values] == expected
    assert fmt("2014-01") == '"2014-01"'
    assert same_value(25, 25.0) and same_value(0.1 + 0.2, 0.3) and not same_value(6.0e9, 6.1e9)
    assert same_value("UHVDC", "UHVDC") and not same_value("800", 801)


@settings(max_examples=200, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_fmt_round_trips(value: float) -> None:
    assert same_value(float(fmt(value)), value)


@settings(max_examples=100, deadline=None)
@given(
    number=st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False).map(str),
    digit=st.sampled_from("0123456789"),
)
def test_a_number_never_matches_inside_a_longer_number(number: str, digit: str) -> None:
    pattern = quote_pattern(number)
    assert pattern.search(f"rose {number}% in") is not None
    assert pattern.search(f"rose {digit}{number}% in") is None
    assert pattern.search(f"rose {number}{digit}% in") is None
    assert pattern.search(f"rose 1,{number} in") is None


def test_a_chinese_quote_resolves_to_its_sentence_and_claims() -> None:
    """A case may quote a Chinese document: no spaces between words, so a Han character next
    to the quote is no word edge; digits still are ("5.2" is not found inside "65.2")."""
    from pestle.ingest import extract, parse

    corpus = Path(__file__).parents[1] / "ingest" / "corpus_zh"
    text = (corpus / "zh01_chinanews_xinjiang_q1.txt").read_text(encoding="utf-8")
    document = Document(
        id="zh",
        title="zh",
        path=Path("zh.txt"),
        source=Source.from_text(text, title="zh", language="zh"),
        text=text,
        sections=(Section(title=None, start=0, end=len(text)),),
        claims=tuple(extract(parse(text))),
    )
    index = DocumentIndex(document, document.sections)
    quote = "实现地区生产总值4413.21亿元"
    found = resolve(EvidenceRef(document="zh", section=None, quote=quote), index)
    assert linked_claim(found, "CNY").value == 4413.21e8
    quote = "第二产业投资增长32.7%"
    growth = resolve(EvidenceRef(document="zh", section=None, quote=quote), index)
    assert linked_claim(growth, "%").value == 32.7
    assert not quote_pattern("13.21").search(text)  # not inside "4413.21"
