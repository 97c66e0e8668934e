"""Additivity: parts of a partition against their total; counts of parts against the whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.build import Q1_2025, Doc, economy, entity
from pestle.checks import additivity
from pestle.model import Period


def _only(findings):
    assert len(findings) == 1, findings
    return findings[0]


def test_three_industries_add_up_to_gdp():
    # 142.45 + 1,878.48 + 2,708.16 = 4,729.09 (100 million yuan) = 472.909 billion yuan
    f = _only(additivity.check(economy().inputs()))
    assert (f.id, f.status, f.severity) == ("additivity:gdp-Q12025", "pass", "info")
    assert f.actual.value == pytest.approx(4729.09)
    assert f.expected.value == pytest.approx(4729.09)
    assert f.actual.unit == "100 million yuan"
    assert "142.45 + 1,878.48 + 2,708.16 = 4,729.09" in f.actual.text
    # rounding: three parts to 0.01 (±0.005 each) and the total to 0.001 billion, which
    # is 0.01 hundred million (±0.005): ±0.02 in all
    assert f.tolerance.value == pytest.approx(0.02)
    assert len(f.evidence) == 4
    assert f.evidence[0].quote == "Primary Industry | 142.45 | 5.0 |"


def test_a_part_off_by_more_than_rounding_fails():
    f = _only(additivity.check(economy(tertiary="2,718.16").inputs()))
    assert (f.status, f.severity) == ("fail", "error")
    assert "4,739.09" in f.message and "a difference of 10.00" in f.message


def test_a_part_off_within_rounding_passes():
    # 0.01 off: inside the ±0.02 the written precision allows
    assert _only(additivity.check(economy(tertiary="2,708.17").inputs())).status == "pass"
    # 0.03 off: outside
    assert _only(additivity.check(economy(tertiary="2,708.19").inputs())).status == "fail"


@settings(max_examples=60, deadline=None)
@given(
    index=st.integers(0, 2),
    change=st.floats(0.03, 500).map(lambda x: round(x, 2)),
    sign=st.sampled_from([-1, 1]),
)
def test_scaling_a_part_beyond_the_tolerance_flips_the_result(index, change, sign):
    parts = [142.45, 1878.48, 2708.16]
    if parts[index] + sign * change <= 0:
        sign = 1
    parts[index] = round(parts[index] + sign * change, 2)
    written = [f"{p:,.2f}" for p in parts]
    f = _only(additivity.check(economy(*written).inputs()))
    assert f.status == "fail"


@settings(max_examples=40, deadline=None)
@given(index=st.integers(0, 2), change=st.integers(-1, 1))
def test_changes_inside_the_tolerance_pass(index, change):
    parts = [142.45, 1878.48, 2708.16]
    parts[index] = round(parts[index] + change / 100, 2)
    f = _only(additivity.check(economy(*[f"{p:,.2f}" for p in parts]).inputs()))
    assert f.status == "pass"


def test_total_of_another_period_is_never_used():
    doc = economy(total_period=Period.quarter(2024, 1))
    f = _only(additivity.check(doc.inputs()))
    assert f.status == "unknown"
    assert "No GDP is stated for Q1 2025 (GDP is stated for: Q1 2024)" in f.message


def test_undated_parts_are_unknown():
    f = _only(additivity.check(economy(period=None).inputs()))
    assert (f.status, f.severity) == ("unknown", "warning")
    assert "state no period" in f.message


def test_a_missing_part_is_unknown():
    doc = Doc().heading("Economy")
    doc.figure("472.909 billion yuan", 472.909e9, "CNY", "GDP", "Xinjiang", Q1_2025)
    doc.say(" Primary Industry ")
    doc.figure("142.45", 142.45e8, "CNY", "added value", "Primary Industry", Q1_2025)
    f = _only(additivity.check(doc.inputs()))
    assert f.status == "unknown"
    assert "Only 1 of 3 parts" in f.message and "secondary industry" in f.message


def test_no_parts_no_finding():
    doc = Doc().heading("Economy")
    doc.figure("472.909 billion yuan", 472.909e9, "CNY", "GDP", "Xinjiang", Q1_2025)
    assert additivity.check(doc.inputs()) == []


# -- nested counts ---------------------------------------------------------------------------

SECTION = "Free Trade Zones"


def _ftz(counts: tuple[int, int, int], powers: int | None = 26):
    doc = Doc().heading(SECTION)
    doc.say(f"The region delegated {powers} powers to the zone and 25 measures. ")
    doc.say(f"The sections received {counts[0]}, {counts[1]}, and {counts[2]} permissions.\n")
    zone = entity("ftz", "free_trade_zone", "The zone", {})
    given = {"target": "ftz", "measures_count": 25}
    if powers is not None:
        given["powers_count"] = powers
    policy = entity(
        "policy_delegation",
        "policy",
        "Delegation of powers",
        given,
        ((SECTION, f"delegated {powers} powers", "powers_count"),),
    )
    plan = entity("policy_plan", "policy", "Overall plan", {"target": "ftz", "measures_count": 25})
    names = ("urumqi", "kashgar", "horgos")
    sections = [
        entity(
            f"section_{n}",
            "ftz_section",
            f"{n.title()} section",
            {"ftz": "ftz", "permissions_count": c},
            ((SECTION, str(c), "permissions_count"),),
        )
        for n, c in zip(names, counts, strict=True)
    ]
    return doc.inputs(entities=(zone, policy, plan, *sections))


def test_permissions_beyond_delegated_powers_are_not_additive():
    f = _only(additivity.check(_ftz((20, 6, 17))))
    # one reading (overlapping grants) is not an error: ambiguous, not fail
    assert (f.status, f.severity) == ("ambiguous", "warning")
    assert f.benign_readings == (f.readings[0],)
    assert f.actual.value == 43 and f.expected.value == 26
    assert "20 + 6 + 17 = 43" in f.actual.text
    assert len(f.readings) == 2
    assert f.readings[0].startswith("overlapping grants")
    assert f.readings[1].startswith("the figures disagree")
    quotes = [e.text for e in f.evidence if e.kind == "claim"]
    assert quotes == ["26", "20", "6", "17"]


def test_measures_are_not_compared_with_permissions():
    # the plan's 25 measures are another kind of count: only powers (same family) are used
    f = _only(additivity.check(_ftz((20, 6, 17))))
    assert "measures" not in f.message


def test_parts_within_the_whole_pass():
    f = _only(additivity.check(_ftz((10, 6, 10))))
    assert (f.status, f.severity) == ("pass", "info")
    assert f.actual.value == 26


def test_one_more_than_the_whole_is_ambiguous():
    assert _only(additivity.check(_ftz((10, 6, 11)))).status == "ambiguous"


def test_parts_without_a_whole_are_unknown():
    f = _only(additivity.check(_ftz((20, 6, 17), powers=None)))
    assert f.status == "unknown"
    assert "received in total" in f.message


@pytest.mark.parametrize(
    ("attribute", "noun"),
    [("permissions_count", "permission"), ("powers_count", "power"), ("value", None)],
)
def test_count_nouns(attribute, noun):
    assert additivity.count_noun(attribute) == noun


def test_same_kind_uses_families():
    assert additivity.same_kind("powers_count", "permissions_count")
    assert not additivity.same_kind("measures_count", "permissions_count")
