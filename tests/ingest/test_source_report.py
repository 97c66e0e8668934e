"""The embedded source report end to end, against numbers read from it by hand."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pestle.ingest import extract, parse
from pestle.model import Claim

FIELDS = (
    "text",
    "start",
    "end",
    "value",
    "unit",
    "qualifier",
    "period",
    "measure",
    "subject",
    "section",
)


def _row(claim: Claim) -> dict[str, Any]:
    data = claim.model_dump(mode="json")
    return {k: data[k] for k in FIELDS}


@pytest.fixture(scope="module")
def claims(source_report_text: str) -> list[Claim]:
    return extract(source_report_text)


def test_every_stated_number_and_nothing_else(
    claims: list[Claim], gold_claims: list[dict[str, Any]]
) -> None:
    got = [_row(c) for c in claims]
    want = [{k: g[k] for k in FIELDS} for g in gold_claims]
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert g == w


def test_the_gold_file_covers_every_digit_outside_periods_and_numbering(
    source_report_text: str, claims: list[Claim]
) -> None:
    """Each digit run of the report is a claim, a list number, a period or a header unit."""
    covered = [(c.start, c.end) for c in claims]
    uncovered = []
    for m in re.finditer(r"\d[\d,.]*", source_report_text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        uncovered.append(m.group(0).rstrip(".,"))
    # numbering of 10 headings; years/dates; the "(100 million yuan)" unit of two headers
    assert sorted(set(uncovered)) == sorted(
        {"1", "2", "3", "2022", "2023", "2024", "2025", "26", "100"}
    )


def test_claims_are_sorted_and_spans_are_exact(
    source_report_text: str, claims: list[Claim]
) -> None:
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    for c in claims:
        assert source_report_text[c.start : c.end] == c.text


def test_no_year_or_list_number_is_a_claim(claims: list[Claim]) -> None:
    assert not [c for c in claims if c.text in {"2022", "2023", "2024", "2025", "1", "2", "3"}]
    assert not [c for c in claims if c.unit == "count" and 1900 <= c.value <= 2100]


def test_table_header_units_are_not_claims(source_report_text: str, claims: list[Claim]) -> None:
    doc = parse(source_report_text)
    header_spans = [(h.start, h.end) for t in doc.tables for h in t.header]
    assert not [c for c in claims if any(a <= c.start < b for a, b in header_spans)]


def test_extract_accepts_a_parsed_document(source_report_text: str, claims: list[Claim]) -> None:
    assert extract(parse(source_report_text)) == claims
