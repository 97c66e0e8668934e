"""Facts: claims and case indicators read into one shape; figures located in the text."""

from __future__ import annotations

import pytest

from checks.build import Q1_2025, Doc, entity
from pestle.checks import facts, locate
from pestle.checks.match import is_region

REGION = "Xinjiang Uygur Autonomous Region, China"


@pytest.mark.parametrize(
    ("measure", "subject", "key"),
    [
        # the extractor's vocabulary ...
        ("added value", "Primary Industry", ("added value", "level", "primary industry", None, 1)),
        ("GDP growth rate", "Xinjiang", ("gdp", "growth", None, None, 1)),
        (
            "GDP growth rate gap to national average",
            "Xinjiang",
            ("gdp", "gap", None, "national", 1),
        ),
        ("share", "General Trade", ("share", "share", "general trade", None, 1)),
        # ... and the case's indicators give the same keys
        (
            "added value, primary industry",
            "Xinjiang",
            ("added value", "level", "primary industry", None, 1),
        ),
        ("GDP growth, year on year", "Xinjiang", ("gdp", "growth", None, None, 1)),
        ("GDP growth above the national average", "Xinjiang", ("gdp", "gap", None, "national", 1)),
        ("GDP growth below the national average", None, ("gdp", "gap", None, "national", -1)),
        (
            "share of regional GDP, eight major industrial clusters",
            "Xinjiang",
            ("share", "share", "eight major industrial clusters", "gdp", 1),
        ),
    ],
)
def test_parse_measure(measure, subject, key):
    assert facts.parse_measure(measure, subject, REGION) == key


@pytest.mark.parametrize(
    ("subject", "region"),
    [("Xinjiang", True), ("Xinjiang's", True), (None, True), ("China", False), ("Kashgar", False)],
)
def test_is_region(subject, region):
    assert is_region(subject, REGION) is region


def test_quotes_match_whole_numbers_only():
    text = "First Half of 2023 | 149.62 | 65.2 |\nUrumqi Bonded Logistics | 563.2 | 5.2 |"
    (span,) = locate.find_quote(text, "5.2")
    assert text[span[0] : span[1]] == "5.2" and span[0] > text.index("563.2")
    assert locate.find_quote("Threefold growth", "Three") == []


def test_an_indicator_and_its_claim_are_one_fact():
    doc = Doc().heading("Economy").say("GDP was ")
    doc.figure("472.909 billion yuan", 472.909e9, "CNY", "GDP", "Xinjiang", Q1_2025)
    gdp = entity(
        "gdp_q1",
        "indicator",
        "GDP, Q1 2025",
        {
            "measure": "GDP",
            "subject": "Xinjiang",
            "period": Q1_2025.iso(),
            "value": 472.909e9,
            "unit": "CNY",
        },
        (("Economy", "GDP was 472.909 billion yuan", "value"),),
    )
    (fact,) = facts.collect(doc.inputs(entities=(gdp,), region=REGION))
    assert fact.entity is gdp and fact.claim is not None
    assert (fact.written, fact.scale, fact.half_unit) == ("472.909 billion yuan", 1e9, 0.5e6)


def test_an_indicator_without_claims_finds_its_figure():
    doc = Doc().heading("Economy").say("Primary Industry | 142.45 | 5.0 |\n")
    va = entity(
        "va",
        "indicator",
        "Added value of the primary industry",
        {"measure": "added value, primary industry", "value": 1.4245e10, "unit": "CNY"},
        (("Economy", "Primary Industry | 142.45 | 5.0", "value"),),
    )
    (fact,) = facts.collect(doc.inputs(entities=(va,)))
    assert fact.written == "142.45" and fact.scale == 1e8
    assert doc.text[fact.span[0] : fact.span[1]] == "142.45"


def test_fraction_words_become_a_share_of_the_quantity_before_them():
    doc = Doc().heading("Clusters").say("In 2022 the clusters achieved ")
    doc.figure("894 billion yuan", 894e9, "CNY", "added value", "clusters", None)
    doc.say(", accounting for more than half of the region's GDP.")
    share = next(f for f in facts.collect(doc.inputs()) if f.kind == "share")
    assert (share.value, share.qualifier, share.whole, share.part) == (50.0, ">", "gdp", "clusters")
