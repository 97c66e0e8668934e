"""The claim extractor, rule by rule, on small documents written for each rule and trap."""

from __future__ import annotations

import pytest

from pestle.ingest import extract
from pestle.model import Claim


def claims(text: str) -> list[Claim]:
    found = extract(text)
    for c in found:
        assert text[c.start : c.end] == c.text
    return found


def only(text: str) -> Claim:
    found = claims(text)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def by_text(text: str) -> dict[str, Claim]:
    return {c.text: c for c in claims(text)}


# -- numbers, magnitudes and units ---------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("Investment reached $50.25 billion.", "$50.25 billion", 50.25e9, "USD"),
        ("Output was 1,234.5 million tonnes.", "1,234.5 million tonnes", 1234.5e6, "t"),
        ("The plan covers RMB 3 trillion of spending.", "RMB 3 trillion", 3e12, "CNY"),
        ("GDP was 472.909 billion yuan.", "472.909 billion yuan", 472.909e9, "CNY"),
        ("Its capacity is 10 million kilowatts.", "10 million kilowatts", 1e10, "W"),
        ("Capacity is 10 thousand kilowatts.", "10 thousand kilowatts", 1e7, "W"),
        ("A 600 MW plant opened.", "600 MW", 600e6, "W"),
        ("Storage of 5 GWh was added.", "5 GWh", 5e9, "Wh"),
        (
            "It generated 3.2 billion kilowatt-hours.",
            "3.2 billion kilowatt-hours",
            3.2e18 / 1e6,
            "Wh",
        ),
        ("The line is 1,776 km long.", "1,776 km", 1776, "km"),
        ("The road is 350 kilometres long.", "350 kilometres", 350, "km"),
        ("The pipe is 800 meters long.", "800 meters", 0.8, "km"),
        ("Each blade weighs 25 kg.", "25 kg", 25, "kg"),
        ("Sales hit 12.5 billion U.S. dollars.", "12.5 billion U.S. dollars", 12.5e9, "USD"),
        ("The fund holds USD 5 million.", "USD 5 million", 5e6, "USD"),
        ("Revenue was US$3bn.", "US$3bn", 3e9, "USD"),
        ("Profit was 80 million RMB.", "80 million RMB", 80e6, "CNY"),
        ("The deal is worth $50k.", "$50k", 50e3, "USD"),
        ("Exports grew by 4.5 per cent.", "4.5 per cent", 4.5, "%"),
        ("Exports grew 4.5 percent.", "4.5 percent", 4.5, "%"),
        ("It used 2 trillion yuan.", "2 trillion yuan", 2e12, "CNY"),
        ("It used two trillion yuan.", "two trillion yuan", 2e12, "CNY"),
        ("A million tonnes were shipped.", "A million tonnes", 1e6, "t"),
    ],
)
def test_magnitudes_and_units(sentence: str, text: str, value: float, unit: str) -> None:
    c = only(sentence)
    assert (c.text, c.unit) == (text, unit)
    assert c.value == pytest.approx(value, rel=1e-12)


def test_values_are_exact_decimal_products() -> None:
    assert only("GDP was 472.909 billion yuan.").value == 472909000000.0
    assert only("It is 1,878.48 million yuan.").value == 1878480000.0


def test_percentage_points_are_not_percent() -> None:
    found = by_text("GDP grew 5.6%, 0.2 percentage points higher than the national average.")
    assert found["5.6%"].unit == "%"
    assert found["0.2 percentage points"].unit == "pp"
    assert found["0.2 percentage points"].value == 0.2
    assert found["0.2 percentage points"].measure == "GDP growth rate gap to national average"


def test_a_gap_below_the_reference_is_negative() -> None:
    c = by_text("Growth was 4.1%, 0.5 percentage points lower than the national average.")
    assert c["0.5 percentage points"].value == -0.5


def test_unsupported_currencies_and_units_are_not_claims() -> None:
    assert claims("Hong Kong raised HK$12 billion and the fund invested €3.5 billion.") == []
    assert claims("The site covers 5 square kilometers and 20 hectares.") == []
    assert claims("The ±800 kV line and a 500-kV substation.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "It is the 14th Five-Year Plan.",
        "5G networks and COVID-19 rules.",
        "Phase 2 projects started.",
        "The meeting ran from 10:30 to noon.",
        "It is one of the largest bases.",
        "A two-way street and a three-dimensional pattern.",
        "Version 3.5.1 was released.",
    ],
)
def test_numbers_that_are_not_claims(sentence: str) -> None:
    assert claims(sentence) == []


# -- years, dates and periods --------------------------------------------------------------
def test_a_year_is_a_period_not_a_count() -> None:
    c = only("In 2024, the city opened 12 parks.")
    assert (c.text, c.value, c.unit, c.measure) == ("12 parks", 12, "count", "parks")
    assert str(c.period) == "2024-01-01/2024-12-31"


def test_a_year_like_number_with_a_unit_is_a_quantity() -> None:
    c = only("The mill produced 2024 tonnes.")
    assert (c.value, c.unit, c.period) == (2024, "t", None)


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("In 2024, exports were 5 billion yuan.", "2024-01-01/2024-12-31"),
        ("Exports were 5 billion yuan in 2024.", "2024-01-01/2024-12-31"),
        ("In the first quarter of 2025, exports were 5 billion yuan.", "2025-01-01/2025-03-31"),
        ("In Q3 2024, exports were 5 billion yuan.", "2024-07-01/2024-09-30"),
        ("In the first half of 2023, exports were 5 billion yuan.", "2023-01-01/2023-06-30"),
        ("In the second half of 2023, exports were 5 billion yuan.", "2023-07-01/2023-12-31"),
        ("In the first five months of 2025, exports were 5 billion yuan.", "2025-01-01/2025-05-31"),
        ("From January to May 2025, exports were 5 billion yuan.", "2025-01-01/2025-05-31"),
        ("In May 2023, exports were 5 billion yuan.", "2023-05-01/2023-05-31"),
        ("On February 26, 2024, exports were 5 billion yuan.", "2024-02-26/2024-02-26"),
        ("On 26 February 2024, exports were 5 billion yuan.", "2024-02-26/2024-02-26"),
        ("On 2024-02-26, exports were 5 billion yuan.", "2024-02-26/2024-02-26"),
        ("By the end of 2022, capacity was 5 GW.", "2022-12-31/2022-12-31"),
        ("From 2021 to 2025, investment was 5 billion yuan.", "2021-01-01/2025-12-31"),
        ("During 2021-2025, investment was 5 billion yuan.", "2021-01-01/2025-12-31"),
    ],
)
def test_periods(sentence: str, period: str) -> None:
    assert str(only(sentence).period) == period


def test_the_period_compared_against_is_not_the_claims_period() -> None:
    c = only("Exports rose 5% from 2023.")
    assert c.period is None


def test_a_period_carries_through_the_paragraph_but_not_to_the_next() -> None:
    text = (
        "In 2024, exports were 5 billion yuan. Imports were 3 billion yuan.\n"
        "Investment was 2 billion yuan.\n"
    )
    found = claims(text)
    assert [str(c.period) for c in found] == [
        "2024-01-01/2024-12-31",
        "2024-01-01/2024-12-31",
        "None",
    ]


def test_a_month_without_a_year_takes_the_year_of_its_context() -> None:
    found = claims("In 2023, output was 5 million tonnes. Inflation was 0.2% in December.")
    assert str(found[1].period) == "2023-12-01/2023-12-31"


# -- qualifiers ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("GDP exceeded 2 trillion yuan.", ">"),
        ("GDP surpassed 2 trillion yuan.", ">"),
        ("GDP was more than 2 trillion yuan.", ">"),
        ("GDP was over 2 trillion yuan.", ">"),
        ("GDP was nearly 2 trillion yuan.", "~"),
        ("GDP was about 2 trillion yuan.", "~"),
        ("GDP was approximately 2 trillion yuan.", "~"),
        ("GDP was below 2 trillion yuan.", "<"),
        ("GDP was less than 2 trillion yuan.", "<"),
        ("GDP was at least 2 trillion yuan.", ">="),
        ("GDP could reach up to 2 trillion yuan.", "<="),
        ("GDP was 2 trillion yuan or more.", ">="),
        ("GDP was 2 trillion yuan.", "="),
    ],
)
def test_qualifiers(sentence: str, qualifier: str) -> None:
    assert only(sentence).qualifier == qualifier


def test_more_than_half_is_a_share_above_fifty_percent() -> None:
    c = only("The clusters account for more than half of the region's GDP.")
    assert (c.text, c.value, c.unit, c.qualifier, c.measure) == ("half", 50, "%", ">", "share")


def test_a_range_is_two_bounds() -> None:
    low, high = claims("Growth is expected at 5-6% this year.")
    assert (low.text, low.value, low.qualifier) == ("5", 5, ">=")
    assert (high.text, high.value, high.qualifier, high.unit) == ("6%", 6, "<=", "%")


# -- counts and number words ---------------------------------------------------------------
def test_counts_of_named_things() -> None:
    found = by_text(
        "The zone has 4 comprehensive bonded zones, 29 overseas warehouses (port warehouses) "
        "and trades with 192 countries and regions."
    )
    assert found["4 comprehensive bonded zones"].measure == "comprehensive bonded zones"
    assert found["29 overseas warehouses"].measure == "overseas warehouses"
    assert found["192 countries"].value == 192
    assert all(c.unit == "count" for c in found.values())


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The region built eight major industrial clusters.", "eight major industrial clusters", 8),
        ("The region delegated twenty-six powers.", "twenty-six powers", 26),
        ("The three industries grew.", "three industries", 3),
    ],
)
def test_number_words_count_nouns(sentence: str, text: str, value: float) -> None:
    c = only(sentence)
    assert (c.text, c.value, c.unit) == (text, value, "count")


def test_a_count_with_a_numeric_modifier_is_two_claims() -> None:
    count, capacity = claims("Three 10-million-kilowatt-class new energy bases were completed.")
    assert (count.value, count.unit, count.measure) == (3, "count", "new energy bases")
    assert (capacity.text, capacity.value, capacity.unit, capacity.measure) == (
        "10-million-kilowatt",
        1e10,
        "W",
        "capacity",
    )


def test_durations_are_not_counts() -> None:
    assert claims("Over the past five years, and for 3 months, it grew 2 times.") == []


# -- lists and "respectively" --------------------------------------------------------------
def test_respectively_gives_each_number_its_subject() -> None:
    found = claims(
        "The Urumqi, Kashgar, and Horgos sections have received 20, 6, and 17 "
        "permissions respectively."
    )
    assert [(c.text, c.value, c.subject, c.measure) for c in found] == [
        ("20", 20, "Urumqi section", "permissions"),
        ("6", 6, "Kashgar section", "permissions"),
        ("17 permissions", 17, "Horgos section", "permissions"),
    ]


def test_respectively_with_units_on_each_number() -> None:
    found = claims("Beijing, Shanghai and Shenzhen grew 5.2%, 5.0% and 6.1%, respectively.")
    assert [(c.value, c.subject) for c in found] == [
        (5.2, "Beijing"),
        (5.0, "Shanghai"),
        (6.1, "Shenzhen"),
    ]


def test_a_list_shares_the_last_members_magnitude_and_unit() -> None:
    found = claims("Exports to these markets were 20, 6 and 17 billion yuan.")
    assert [(c.value, c.unit) for c in found] == [(20e9, "CNY"), (6e9, "CNY"), (17e9, "CNY")]


# -- measures ------------------------------------------------------------------------------
def test_growth_inherits_the_measure_of_the_figure_before_it() -> None:
    found = by_text(
        "In 2024, Xinjiang's GDP exceeded 2 trillion yuan, representing a year-on-year "
        "increase of 6.1%."
    )
    assert found["2 trillion yuan"].measure == "GDP"
    assert found["6.1%"].measure == "GDP growth rate"
    assert found["6.1%"].subject == "Xinjiang"


@pytest.mark.parametrize(
    ("sentence", "measure", "value"),
    [
        ("Exports rose 4.5% in 2024.", "exports growth rate", 4.5),
        ("Exports were up 4.5 percent.", "exports growth rate", 4.5),
        ("Imports fell 3.2%.", "imports growth rate", -3.2),
        (
            "Foreign direct investment decreased by 13.2 percent.",
            "foreign direct investment growth rate",
            -13.2,
        ),
        ("GDP growth of 5.2% was reported.", "GDP growth rate", 5.2),
    ],
)
def test_growth_and_decline(sentence: str, measure: str, value: float) -> None:
    c = only(sentence)
    assert (c.measure, c.value) == (measure, value)


def test_a_level_after_a_change_takes_the_changed_measure() -> None:
    found = by_text("China's exports rose 4.9% to $807.1 billion.")
    assert found["$807.1 billion"].measure == "exports"
    assert found["$807.1 billion"].subject == "China"


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("It has a regional GDP of 472.909 billion yuan.", "GDP"),
        ("The clusters achieved an added value of 894 billion yuan.", "added value"),
        ("The base (with a total capacity of 10 million kilowatts) opened.", "capacity"),
        ("Total import and export value reached 80 billion yuan.", "total import and export value"),
        (
            "Xinjiang's foreign trade hit a record high of 436 billion yuan.",
            "total import and export value",
        ),
        (
            "Retail sales of consumer goods reached 47.15 trillion yuan.",
            "retail sales of consumer goods",
        ),
        ("The region added 2 million tonnes of steel.", "steel"),
        ("Exports accounted for 88.6 percent of the total.", "share"),
    ],
)
def test_level_measures(sentence: str, measure: str) -> None:
    assert only(sentence).measure == measure


# -- subjects ------------------------------------------------------------------------------
def test_a_possessive_names_the_subject_and_the_paragraph_keeps_it() -> None:
    text = (
        "In 2024, Xinjiang's GDP exceeded 2 trillion yuan. In the first quarter of 2025, the "
        "momentum continued, with a regional GDP of 472.909 billion yuan.\n"
        "The growth momentum continued, with a GDP of 3 trillion yuan.\n"
    )
    found = claims(text)
    assert [c.subject for c in found] == ["Xinjiang", "Xinjiang", None]


def test_a_parenthesis_belongs_to_the_name_before_it() -> None:
    c = only(
        "The country supports the northern Tianshan New Energy Base (with a total capacity "
        "of 10 million kilowatts)."
    )
    assert c.subject == "northern Tianshan New Energy Base"


def test_powers_delegated_to_a_zone_belong_to_the_zone() -> None:
    c = only(
        "The autonomous region has delegated 26 powers to the free trade zone, covering trade."
    )
    assert (c.value, c.measure, c.subject) == (26, "powers", "free trade zone")


def test_these_refers_back_to_what_was_counted() -> None:
    found = claims(
        'The region built "eight major industrial clusters". In 2022, these clusters achieved '
        "an added value of 894 billion yuan."
    )
    assert found[1].subject == "major industrial clusters"


def test_a_reporting_source_is_not_the_subject() -> None:
    c = only("The statistics bureau said retail sales rose 7.2%.")
    assert c.subject is None


def test_elliptical_possessive() -> None:
    found = claims("The European Union's economy grew 0.5% in 2023, while India's expanded 7.8%.")
    assert [(c.subject, c.measure) for c in found] == [
        ("European Union", "economy growth rate"),
        ("India", "economy growth rate"),
    ]


# -- tables --------------------------------------------------------------------------------
TABLE = """1. Economy
In the first quarter of 2025, Xinjiang's GDP was 472.909 billion yuan.
Industrial Type | Added Value (100 million yuan) | Year-on-Year Growth Rate (%) |
---|---|---|
Primary Industry | 142.45 | 5.0 |
Secondary Industry | - | 5.9 |
"""


def test_a_header_unit_scales_cells_and_is_not_a_claim() -> None:
    found = claims(TABLE)
    cells = [c for c in found if c.start > TABLE.index("Primary")]
    assert [(c.text, c.value, c.unit, c.measure, c.subject) for c in cells] == [
        ("142.45", 142.45e8, "CNY", "added value", "Primary Industry"),
        ("5.0", 5.0, "%", "added value growth rate", "Primary Industry"),
        ("5.9", 5.9, "%", "added value growth rate", "Secondary Industry"),
    ]
    assert all(str(c.period) == "2025-01-01/2025-03-31" for c in cells)
    assert not [c for c in found if c.value in {100, 1e8}]


def test_a_dash_cell_is_missing_not_zero() -> None:
    assert not [c for c in claims(TABLE) if c.value == 0]


def test_row_labels_and_time_columns_give_periods() -> None:
    text = (
        "Xinjiang's trade grew fast.\n"
        "Period | Total Import and Export Value (100 million yuan) |\n"
        "---|---|\n"
        "First Half of 2023 | 149.62 |\n"
        "\n"
        "Base Name | Scale | Time Node |\n"
        "---|---|---|\n"
        "North Base | 6.1 million kilowatts | February 26, 2024 |\n"
    )
    trade, base = claims(text)
    assert (trade.value, str(trade.period), trade.subject) == (
        149.62e8,
        "2023-01-01/2023-06-30",
        "Xinjiang",
    )
    assert (base.value, base.unit, base.measure, str(base.period), base.subject) == (
        6.1e9,
        "W",
        "capacity",
        "2024-02-26/2024-02-26",
        "North Base",
    )


def test_a_table_with_years_as_columns() -> None:
    text = (
        "Indicator | 2023 | 2024 |\n"
        "---|---|---|\n"
        "GDP (100 million yuan) | 19,125.91 | 20,534.08 |\n"
        "Growth (%) | 6.8 | 6.1 |\n"
    )
    found = claims(text)
    assert [(c.value, c.measure, str(c.period)[:4]) for c in found] == [
        (19125.91e8, "GDP", "2023"),
        (20534.08e8, "GDP", "2024"),
        (6.8, "GDP growth rate", "2023"),
        (6.1, "GDP growth rate", "2024"),
    ]


# -- sections ------------------------------------------------------------------------------
def test_section_is_the_innermost_heading_or_none_before_the_first() -> None:
    text = (
        "Output was 5 million tonnes.\n"
        "1. Energy\n"
        "Capacity was 5 GW.\n"
        "1.1 Solar Power\n"
        "Solar capacity was 2 GW.\n"
        "2. Trade\n"
        "Exports were 3 billion yuan.\n"
    )
    assert [c.section for c in claims(text)] == [None, "Energy", "Solar Power", "Trade"]


def test_list_numbering_is_not_a_claim() -> None:
    text = "1. Overview\n2) Exports grew.\n(3) Imports fell.\n"
    assert claims(text) == []


def test_empty_and_blank_text() -> None:
    assert claims("") == []
    assert claims("\n\n  \n") == []


# -- constructs seen in economic news --------------------------------------------------------
def test_a_period_inside_the_subject_phrase_is_skipped() -> None:
    found = by_text("Revenue for 2024-25 rose 20 per cent to USD 1.2 billion.")
    assert found["20 per cent"].measure == "revenue growth rate"
    assert found["USD 1.2 billion"].measure == "revenue"
    assert str(found["USD 1.2 billion"].period) == "2024-01-01/2025-12-31"


def test_a_plural_noun_ends_what_is_counted() -> None:
    c = only("Some 1.4 billion people live in China.")
    assert (c.text, c.value, c.qualifier, c.measure) == ("1.4 billion people", 1.4e9, "~", "people")


def test_the_same_period_last_year_is_a_year_earlier() -> None:
    found = claims(
        "In the first quarter of 2024, investment rose 4.5 percent, compared with 3.0% in the "
        "same period last year."
    )
    assert [(c.value, c.measure, str(c.period)) for c in found] == [
        (4.5, "investment growth rate", "2024-01-01/2024-03-31"),
        (3.0, "investment growth rate", "2023-01-01/2023-03-31"),
    ]


def test_a_transitive_cut_names_what_changed() -> None:
    c = only("The central bank cut the reserve requirement ratio by 0.5 percentage points.")
    assert (c.value, c.unit, c.measure) == (-0.5, "pp", "reserve requirement ratio change")


def test_cost_and_a_unit_abbreviation_ending_a_sentence() -> None:
    found = claims("The line will cost 28.6 billion yuan over 5.5 million sq m. In 2024 it opened.")
    assert [(c.text, c.measure, c.period) for c in found] == [("28.6 billion yuan", "cost", None)]


# -- general grammar for news and releases (see also test_corpus.py) -------------------------
def test_a_dated_document_resolves_last_year_and_this_year() -> None:
    text = (
        "December 9, 2024 4:15 PM GMT+8\n\n"
        "Home prices fell 8.5% this year. Exports rose 5.9% last year.\n"
    )
    found = claims(text)
    assert [(c.text, str(c.period)) for c in found] == [
        ("8.5%", "2024-01-01/2024-12-31"),
        ("5.9%", "2023-01-01/2023-12-31"),
    ]


def test_without_a_date_last_year_is_unknown_not_the_paragraphs_period() -> None:
    found = claims("In 2024, output was 5 million tonnes. Last year, exports rose 3%.")
    assert [str(c.period) for c in found] == ["2024-01-01/2024-12-31", "None"]


def test_a_yearless_period_takes_the_year_stated_earlier_in_the_document() -> None:
    text = "GDP grew 5 percent in 2024.\n\nIn the fourth quarter, GDP grew 5.4 percent.\n"
    assert str(claims(text)[1].period) == "2024-10-01/2024-12-31"


def test_a_yearless_period_after_the_dateline_is_the_latest_one_before_it() -> None:
    text = "BEIJING, Jan. 17, 2025 (Xinhua) -- In the fourth quarter, GDP grew 5.4 percent.\n"
    assert str(only(text).period) == "2024-10-01/2024-12-31"


def test_a_period_belongs_to_the_number_it_follows() -> None:
    text = (
        "Updated: 2024-12-10\n\n"
        "In November alone, exports rose 6.7 percent, slowing from 12.7 percent in October, "
        "while imports fell 3.9 percent.\n"
    )
    found = by_text(text)
    assert str(found["6.7 percent"].period) == "2024-11-01/2024-11-30"
    assert str(found["12.7 percent"].period) == "2024-10-01/2024-10-31"
    assert str(found["3.9 percent"].period) == "2024-11-01/2024-11-30"


def test_the_period_of_a_base_figure_stays_with_it() -> None:
    text = (
        "Second Quarter 2025 Highlights\n\n"
        "Revenues were RMB 6.82 billion, an increase of 18.4% from RMB 5.76 billion in the "
        "second quarter of 2024.\n\n"
        "Gross margin was 21.3%, compared with 19.8% in the same period of 2024.\n"
    )
    found = by_text(text)
    assert str(found["RMB 6.82 billion"].period) == "2025-04-01/2025-06-30"
    assert str(found["18.4%"].period) == "2025-04-01/2025-06-30"
    assert str(found["RMB 5.76 billion"].period) == "2024-04-01/2024-06-30"
    assert found["RMB 5.76 billion"].measure == "revenues"
    assert str(found["19.8%"].period) == "2024-04-01/2024-06-30"


def test_in_the_same_period_is_the_period_stated_last() -> None:
    found = claims(
        "In the first 10 months of 2024, sales rose 33 percent. Exports hit 1.05 million units "
        "in the same period."
    )
    assert [str(c.period) for c in found] == ["2024-01-01/2024-10-31"] * 2


def test_a_year_before_a_plural_noun_is_a_count() -> None:
    found = by_text("The cluster now brings together 2000 companies. In 2024 exports rose 5%.")
    assert (found["2000 companies"].value, found["2000 companies"].unit) == (2000, "count")
    assert str(found["5%"].period) == "2024-01-01/2024-12-31"


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("Exports may grow between 5 and 6 percent.", [(5, "%", ">="), (6, "%", "<=")]),
        (
            "Revenue will be between RMB 6.9 billion and RMB 7.3 billion.",
            [(6.9e9, "CNY", ">="), (7.3e9, "CNY", "<=")],
        ),
        ("Demand may grow by 6% to 7%.", [(6, "%", ">="), (7, "%", "<=")]),
        ("Rates rose from 5% to 7%.", [(5, "%", "="), (7, "%", "=")]),
    ],
)
def test_ranges_are_two_bounds(sentence: str, values: list[tuple[float, str, str]]) -> None:
    assert [(c.value, c.unit, c.qualifier) for c in claims(sentence)] == values


@pytest.mark.parametrize(
    ("sentence", "text", "value", "measure"),
    [
        (
            "China's population stood at 1.408 billion at the end of 2024.",
            "1.408 billion",
            1.408e9,
            "population",
        ),
        (
            "The number of high-tech enterprises exceeded 75,000.",
            "75,000",
            75000,
            "number of high-tech enterprises",
        ),
    ],
)
def test_a_magnitude_or_a_number_of_things_is_a_count(
    sentence: str, text: str, value: float, measure: str
) -> None:
    c = only(sentence)
    assert (c.text, c.value, c.unit, c.measure) == (text, value, "count", measure)


def test_a_magnitude_before_an_unknown_unit_is_not_a_claim() -> None:
    assert claims("Gas output reached 246.4 billion cubic meters.") == []


def test_a_conversion_in_parentheses_is_the_same_figure() -> None:
    yuan, dollars = claims(
        "In 2024, trade with Latin America reached more than 3.5 trillion yuan ($490 billion)."
    )
    assert (yuan.measure, yuan.subject) == ("trade", "Latin America")
    assert (dollars.value, dollars.unit, dollars.qualifier) == (490e9, "USD", ">")
    assert (dollars.measure, dollars.subject, dollars.period) == (
        yuan.measure,
        yuan.subject,
        yuan.period,
    )


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        (
            "Total retail sales of consumer goods, a key indicator, went up 3.5 percent.",
            "retail sales of consumer goods growth rate",
        ),
        ("The gross domestic product (GDP) of China grew 4.8 percent.", "GDP growth rate"),
        ("The trade surplus for Jan-Nov reached $891.1 billion.", "trade surplus"),
        ("The unemployment rate averaged 5.1 percent.", "unemployment rate"),
    ],
)
def test_measures_across_appositions_parentheses_and_periods(sentence: str, measure: str) -> None:
    assert only(sentence).measure == measure


def test_times_tickers_and_phone_numbers_are_not_claims() -> None:
    text = (
        "December 9, 2024 4:15 PM GMT+8. Shares of Country Garden (2007.HK) jumped. "
        "Call +86-21-6087-1234 at 8:00 a.m."
    )
    assert claims(text) == []


def test_a_signed_percentage_after_a_figure_is_its_growth() -> None:
    amount, growth = claims("In 2023, capacity grew by a record 473 GW (+13.9%).")
    assert (growth.text, growth.value, growth.unit) == ("+13.9%", 13.9, "%")
    assert growth.measure == "capacity growth rate"
    assert growth.period == amount.period


def test_a_roman_numbered_heading_states_its_sections_period() -> None:
    text = (
        "I. Review of Our Work in 2024\n\n"
        "The value added of manufacturing reached RMB 3.5 trillion.\n"
    )
    assert str(only(text).period) == "2024-01-01/2024-12-31"


def test_a_table_with_years_and_units_in_its_headers() -> None:
    text = (
        "All amounts for the year ended 31 December 2024.\n\n"
        "| Item | 2024 (RMB million) | 2023 (RMB million) | Change (%) |\n"
        "|---|---|---|---|\n"
        "| Revenue | 37,129 | 37,637 | -1.4 |\n"
    )
    assert [(c.value, c.unit, c.measure, str(c.period)[:9]) for c in claims(text)] == [
        (3.7129e10, "CNY", "revenue", "2024-01-0"),
        (3.7637e10, "CNY", "revenue", "2023-01-0"),
        (-1.4, "%", "revenue growth rate", "2024-01-0"),
    ]


def test_growth_columns_grow_the_column_they_name() -> None:
    text = (
        "| Partner | Total (100 million yuan) | Exports (100 million yuan) | Exports y-o-y (%) |\n"
        "|---|---|---|---|\n"
        "| ASEAN | 63,128.4 | 37,514.6 | 12.6 |\n"
    )
    growth = claims(text)[-1]
    assert (growth.value, growth.measure, growth.subject) == (12.6, "exports growth rate", "ASEAN")


# -- rules from the third round of held-out texts (corpus 21-30) ----------------------------
def test_a_unit_column_scales_each_row_and_is_not_a_claim() -> None:
    text = (
        "Output of major industrial products in 2024.\n\n"
        "| Product | Unit | Output | Growth over previous year (%) |\n"
        "|---|---|---|---|\n"
        "| Raw coal | 100 million tons | 5.41 | 18.8 |\n"
        "| Electricity | 100 million kWh | 5,896.4 | 12.3 |\n"
        "| Natural gas | 100 million cubic meters | 448.1 | 6.0 |\n"
    )
    assert [(c.text, c.value, c.unit, c.measure, c.subject) for c in claims(text)] == [
        ("5.41", 5.41e8, "t", "output", "Raw coal"),
        ("18.8", 18.8, "%", "output growth rate", "Raw coal"),
        ("5,896.4", 5.8964e14, "Wh", "output", "Electricity"),
        ("12.3", 12.3, "%", "output growth rate", "Electricity"),
        ("6.0", 6.0, "%", "output growth rate", "Natural gas"),  # no unit pestle knows
    ]


def test_a_column_of_month_names_gives_each_row_its_month() -> None:
    text = (
        "## Monthly trade, 2025\n\n"
        "| Month | Exports (100 million yuan) |\n"
        "|---|---|\n"
        "| Jan-Feb | 580.1 |\n"
        "| March | 377.9 |\n"
    )
    assert [str(c.period) for c in claims(text)] == [
        "2025-01-01/2025-02-28",
        "2025-03-01/2025-03-31",
    ]


def test_a_start_of_operation_column_dates_its_row_and_a_blank_one_none() -> None:
    text = (
        "Projects that reached financial close in the first quarter of 2025.\n\n"
        "| Project | Capacity | Start of operation |\n"
        "|---|---|---|\n"
        "| Hami storage | 500 MW | Q4 2025 |\n"
        "| Kashgar pilot | 5,000 t/yr | - |\n"
    )
    assert [(c.text, str(c.period)) for c in claims(text)] == [
        ("500 MW", "2025-10-01/2025-12-31"),
        ("5,000 t", "None"),
    ]


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Degradation shall not exceed 1.0%.", "<="),
        ("The unemployment rate will be kept within 5.5 percent.", "<="),
        ("| Lot 1 | ≥ 620 W |", ">="),
        ("Modules rated ≤ 600 W are excluded.", "<="),
        ("Projects > 100 MW are listed.", ">"),
    ],
)
def test_qualifiers_of_requirements_and_symbols(sentence: str, qualifier: str) -> None:
    assert only(sentence).qualifier == qualifier


def test_from_one_figure_to_another_is_a_change_not_a_range() -> None:
    text = (
        "Capacity rises from 900 to 1,300 blade sets, "
        "and demand from 0.4 million to 0.7 million tonnes."
    )
    assert [(c.text, c.value, c.unit, c.qualifier) for c in claims(text)] == [
        ("900", 900, "count", "="),
        ("1,300 blade sets", 1300, "count", "="),
        ("0.4 million", 4e5, "t", "="),
        ("0.7 million tonnes", 7e5, "t", "="),
    ]


def test_a_range_of_things_counted_is_two_bounds() -> None:
    found = claims("The zone will add 10-12 projects.")
    assert [(c.value, c.unit, c.qualifier, c.measure) for c in found] == [
        (10, "count", ">=", "projects"),
        (12, "count", "<=", "projects"),
    ]


def test_the_start_of_a_change_takes_no_period_stated_for_its_end() -> None:
    found = claims("Demand would rise from 0.4 million to 0.7 million tonnes by 2030.")
    assert [str(c.period) for c in found] == ["None", "2030-01-01/2030-12-31"]


def test_a_part_of_what_was_counted_is_counted() -> None:
    text = (
        "The zone hosts 1,260 enterprises, including 87 above designated size. "
        "Among them, 14 are manufacturing projects."
    )
    assert [(c.text, c.unit, c.measure) for c in claims(text)] == [
        ("1,260 enterprises", "count", "enterprises"),
        ("87", "count", "enterprises"),
        ("14", "count", "manufacturing projects"),
    ]


def test_a_code_after_a_colon_is_a_label() -> None:
    assert claims("Stock code: 603612        Stock abbreviation: Tianhe") == []


def test_a_change_verb_before_a_bound_states_a_level() -> None:
    claim = only("If the utilisation rate drops below 90%, output falls.")
    assert (claim.value, claim.qualifier) == (90, "<")


def test_a_percentage_below_a_reference_is_a_negative_gap() -> None:
    claim = only("Power costs some 40% below the current cost in Jiangsu.")
    assert (claim.value, claim.qualifier) == (-40, "~")
    assert claim.measure is not None and claim.measure.endswith("gap to current cost")


def test_a_plan_keeps_the_sections_period_not_the_sentence_befores() -> None:
    text = (
        "III. Key Tasks for 2025\n\n"
        "We will raise capacity to 120 million kilowatts by the end of the year. "
        "Coal output will be kept at around 560 million tonnes.\n"
    )
    assert [str(c.period) for c in claims(text)] == [
        "2025-12-31/2025-12-31",
        "2025-01-01/2025-12-31",
    ]


def test_a_plan_does_not_take_the_date_an_agreement_was_signed() -> None:
    text = (
        "On May 16, 2025, the Company signed an agreement. "
        "The Company will invest about RMB 7.2 billion in the plant."
    )
    assert only(text).period is None


def test_a_flow_after_a_year_end_stock_is_the_flow_of_that_year() -> None:
    text = (
        "Installed capacity reached 101.5 million kilowatts by the end of 2024. "
        "Power generation totaled 318.2 billion kWh."
    )
    assert [str(c.period) for c in claims(text)] == [
        "2024-12-31/2024-12-31",
        "2024-01-01/2024-12-31",
    ]


def test_a_stated_year_is_not_moved_back_before_the_documents_date() -> None:
    text = (
        "Delivered on January 21, 2025\n\n"
        "III. Key Tasks for 2025\n\n"
        "Capacity will exceed 120 million kilowatts by the end of the year.\n"
    )
    assert str(only(text).period) == "2025-12-31/2025-12-31"


def test_a_growth_noun_before_the_measure_makes_a_growth_rate() -> None:
    text = (
        "The targets are: growth of the gross regional product of about 6 percent; "
        "growth of fixed-asset investment of more than 10 percent; "
        "and an increase in consumer prices of around 2 percent."
    )
    assert [c.measure for c in claims(text)] == [
        "GDP growth rate",
        "fixed-asset investment growth rate",
        "consumer prices growth rate",
    ]


def test_the_owner_of_a_measured_phrase_names_the_rest_of_the_paragraph() -> None:
    text = (
        "In 2025 the total value of imports and exports of Xinjiang reached 206.83 billion "
        "yuan, up 12.6 percent. Exports were 178.42 billion yuan."
    )
    assert [c.subject for c in claims(text)] == ["Xinjiang", "Xinjiang", "Xinjiang"]


def test_a_dateline_a_list_marker_and_a_pronoun_name_nothing() -> None:
    text = (
        "KASHGAR, May 22 (Tianshannet) -- The Kashgar Economic Development Zone signed "
        "36 projects.\n\n(2) We will develop the eight major industrial clusters.\n"
    )
    assert [c.subject for c in claims(text)] == ["Kashgar Economic Development Zone", None]
