"""Properties: any text is safe to extract from; spans are exact; formatted numbers come back."""

from __future__ import annotations

import os
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pestle.ingest import extract, parse
from pestle.model import Period

# modest by default (the suite stays fast); PESTLE_HYPOTHESIS_EXAMPLES=5000 for a long run
EXAMPLES = int(os.environ.get("PESTLE_HYPOTHESIS_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# pieces that exercise every rule, glued at random
TOKENS = [
    "1.",
    "2.",
    "1.1",
    "2024",
    "2025",
    "May",
    "first quarter of",
    "First Half of",
    "million",
    "billion",
    "100 million",
    "yuan",
    "$",
    "US$",
    "RMB",
    "kilowatts",
    "GWh",
    "%",
    "percent",
    "percentage points",
    "tonnes",
    "km",
    "respectively",
    ",",
    " and ",
    "(",
    ")",
    "|",
    "---|---|",
    "-",
    "\n",
    "\n\n",
    " ",
    ".",
    "'s",
    "Xinjiang",
    "GDP",
    "exceeded",
    "nearly",
    "these",
    "twenty-six",
    "eight",
    "half of",
    "year-on-year increase of",
    "1,878.48",
    "0.2",
    "12",
    "Each",
    "#",
    "\r\n",
    '"',
    "up",
    "to",
    "from",
    "by the end of",
    "between",
    "Q1",
    "H2",
    "€",
    "HK$",
    "±",
    "5-6",
    "Phase",
    "delegated",
    "zones",
    "accounting for",
    "higher than",
]


def check_spans(text: str) -> None:
    doc = parse(text)
    claims = extract(doc)
    starts = [c.start for c in claims]
    assert starts == sorted(starts)
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.end <= len(text)
        section = doc.section_at(c.start)
        assert c.section == (section.title if section else None)


@SETTINGS
@given(st.text(max_size=400))
def test_random_text_never_raises(text: str) -> None:
    check_spans(text)


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join))
def test_random_report_like_text_never_raises(text: str) -> None:
    check_spans(text)


@SETTINGS
@given(
    st.lists(st.sampled_from(TOKENS), max_size=12).map(" ".join),
    st.lists(
        st.sampled_from(["| 1.5 |", "| - |", "| 2,000 |", "|  |", "| May 2023 |"]),
        min_size=1,
        max_size=4,
    ).map("".join),
)
def test_random_tables_never_raise(prose: str, cells: str) -> None:
    text = f"{prose}\nA | B (100 million yuan) | C (%) |\n---|---|---|\nRow {cells}\n"
    check_spans(text)


UNITS = [
    # (written after the number, written before it, code, power of ten)
    ("yuan", "", "CNY", 0),
    ("US dollars", "", "USD", 0),
    ("", "$", "USD", 0),
    ("", "RMB ", "CNY", 0),
    ("kilowatts", "", "W", 3),
    ("MW", "", "W", 6),
    ("GWh", "", "Wh", 9),
    ("kilowatt-hours", "", "Wh", 3),
    ("tonnes", "", "t", 0),
    ("km", "", "km", 0),
    ("percent", "", "%", 0),
    ("%", "", "%", 0),
    ("percentage points", "", "pp", 0),
]
MAGNITUDES = [("", 0), (" thousand", 3), (" million", 6), (" billion", 9), (" trillion", 12)]


@st.composite
def written_numbers(draw: st.DrawFn) -> tuple[str, str, float, str]:
    whole = draw(st.integers(min_value=0, max_value=10**9))
    decimals = draw(st.integers(min_value=0, max_value=3))
    frac = draw(st.integers(min_value=0, max_value=10**decimals - 1)) if decimals else 0
    digits = f"{whole}.{frac:0{decimals}d}" if decimals else str(whole)
    separated = draw(st.booleans())
    numeral = (f"{whole:,}" + digits[len(str(whole)) :]) if separated else digits
    after, before, code, unit_exp = draw(st.sampled_from(UNITS))
    mag, mag_exp = draw(st.sampled_from(MAGNITUDES)) if code not in {"%", "pp"} else ("", 0)
    space = "" if after == "%" else " "
    written = f"{before}{numeral}{mag}{space if after else ''}{after}"
    value = float(Decimal(digits).scaleb(mag_exp + unit_exp))
    return written, digits, value, code


@SETTINGS
@given(written_numbers())
def test_a_formatted_number_comes_back(case: tuple[str, str, float, str]) -> None:
    written, _, value, code = case
    text = f"The figure was {written} in total."
    claims = extract(text)
    assert len(claims) == 1, (text, claims)
    claim = claims[0]
    assert claim.text == written
    assert claim.value == value
    assert claim.unit == code


@SETTINGS
@given(
    st.integers(min_value=1, max_value=10**7).filter(lambda n: not 1900 <= n <= 2099),
    st.booleans(),
    st.sampled_from(["projects", "new energy bases", "countries", "comprehensive bonded zones"]),
)
def test_a_formatted_count_comes_back(n: int, separated: bool, noun: str) -> None:
    written = f"{n:,}" if separated else str(n)
    claims = extract(f"The region has {written} {noun} in all.")
    assert [(c.text, c.value, c.unit, c.measure) for c in claims] == [
        (f"{written} {noun}", float(n), "count", noun)
    ]


@SETTINGS
@given(st.integers(min_value=1900, max_value=2099), st.integers(min_value=1, max_value=4))
def test_years_are_periods_never_claims(year: int, quarter: int) -> None:
    ordinal = ["first", "second", "third", "fourth"][quarter - 1]
    claims = extract(
        f"In {year}, and in the {ordinal} quarter of {year}, exports were 5 billion yuan."
    )
    assert [c.value for c in claims] == [5e9]
    assert claims[0].period == Period.quarter(year, quarter)
