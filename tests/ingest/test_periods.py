"""Period expressions as ISO intervals."""

from __future__ import annotations

import pytest

from pestle.ingest.periods import find_periods, parse_period


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024", "2024-01-01/2024-12-31"),
        ("First Half of 2023", "2023-01-01/2023-06-30"),
        ("first five months of 2025", "2025-01-01/2025-05-31"),
        ("the first three quarters of 2024", "2024-01-01/2024-09-30"),
        ("first quarter of 2025", "2025-01-01/2025-03-31"),
        ("Q4 2024", "2024-10-01/2024-12-31"),
        ("2024Q2", "2024-04-01/2024-06-30"),
        ("H2 2023", "2023-07-01/2023-12-31"),
        ("May 2023", "2023-05-01/2023-05-31"),
        ("Feb. 2024", "2024-02-01/2024-02-29"),
        ("February 26, 2024", "2024-02-26/2024-02-26"),
        ("26 February 2024", "2024-02-26/2024-02-26"),
        ("2024-02-26", "2024-02-26/2024-02-26"),
        ("January-May 2025", "2025-01-01/2025-05-31"),
        ("by the end of 2022", "2022-12-31/2022-12-31"),
        ("as of May 2023", "2023-05-31/2023-05-31"),
        ("2021-2025", "2021-01-01/2025-12-31"),
        ("2023/24", "2023-01-01/2024-12-31"),
        ("between 2020 and 2022", "2020-01-01/2022-12-31"),
    ],
)
def test_parse_period(text: str, iso: str) -> None:
    period = parse_period(text)
    assert period is not None and period.iso() == iso


@pytest.mark.parametrize(
    "text", ["Under construction", "2024 tonnes", "2024.5", "February 30, 2024", "2025-2021", ""]
)
def test_not_periods(text: str) -> None:
    assert parse_period(text) is None


def test_a_missing_year_comes_from_context() -> None:
    assert parse_period("the first quarter") is None
    assert str(parse_period("the first quarter", 2025)) == "2025-01-01/2025-03-31"


def test_base_periods_are_marked() -> None:
    text = "Exports rose 5% from 2023 and 3% compared with the same period of 2024 in 2025."
    found = [(text[m.start : m.end], m.base) for m in find_periods(text)]
    assert found == [("2023", True), ("2024", True), ("2025", False)]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("the year ended 31 December 2024", "2024-01-01/2024-12-31"),
        ("the six months ended June 30, 2025", "2025-01-01/2025-06-30"),
        ("the fiscal year ended March 31, 2025", "2024-04-01/2025-03-31"),
        ("the quarter ended 2025-09-30", "2025-07-01/2025-09-30"),
        ("January-November 2024", "2024-01-01/2024-11-30"),
    ],
)
def test_periods_ending_on_a_date(text: str, iso: str) -> None:
    period = parse_period(text)
    assert period is not None and period.iso() == iso


def test_relative_years_need_the_documents_year() -> None:
    (mention,) = find_periods("Exports rose 5% last year.")
    assert mention.offset == -1
    assert mention.resolve(2030) is None
    assert str(mention.resolve(None, 2025)) == "2024-01-01/2024-12-31"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("by the end of June", "2024-06-30/2024-06-30"),
        ("in Q3", "2024-07-01/2024-09-30"),
        ("at year-end", "2024-12-31/2024-12-31"),
        ("by the end of the year", "2024-12-31/2024-12-31"),
        ("Jan-Nov", "2024-01-01/2024-11-30"),
        ("in the first 10 months", "2024-01-01/2024-10-31"),
    ],
)
def test_yearless_periods_take_the_context_year(text: str, iso: str) -> None:
    (mention,) = find_periods(text)
    assert str(mention.resolve(2024)) == iso


@pytest.mark.parametrize(
    "text",
    [
        "Country Garden (2007.HK) jumped",  # a ticker
        "brings together 2000 companies",  # a count
        "see https://example.gov.cn/2024/report.html",  # a URL
    ],
)
def test_year_like_numbers_that_are_not_periods(text: str) -> None:
    assert find_periods(text) == []


def test_the_same_period_during_or_compared() -> None:
    during, compared = find_periods(
        "Output rose 5% over the same period, and 3% compared with the same period."
    )
    assert (during.kind, during.base, compared.base) == ("same", False, True)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("from April 2 to April 9, 2025", "2025-04-02/2025-04-09"),
        ("May 20-24, 2025", "2025-05-20/2025-05-24"),
        ("2-9 April 2025", "2025-04-02/2025-04-09"),
        ("March", "2025-03-01/2025-03-31"),
    ],
)
def test_spans_of_days_and_bare_months(text: str, iso: str) -> None:
    period = parse_period(text, 2025)
    assert period is not None and period.iso() == iso


def test_a_part_of_this_year_is_relative_to_the_documents_date() -> None:
    (mention,) = find_periods("in the first four months of this year")
    period = mention.resolve(None, 2025)
    assert period is not None and period.iso() == "2025-01-01/2025-04-30"
    (mention,) = find_periods("the first quarter of last year")
    period = mention.resolve(None, 2025)
    assert period is not None and period.iso() == "2024-01-01/2024-03-31"


def test_years_after_over_are_a_span_not_a_base() -> None:
    (mention,) = find_periods("4 million tonnes over 2025-2030")
    assert not mention.base
    (mention,) = find_periods("up 5% over 2023")
    assert mention.base
