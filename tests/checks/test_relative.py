"""Relative statements: gaps to the national average and shares of a whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.build import Q1_2025, Y2022, Doc, entity, ref
from pestle.checks import relative
from pestle.model import Period

NATIONAL = "national_gdp_growth_pct"


def _gap_doc(growth="5.6", gap="0.2", direction="higher"):
    doc = Doc().heading("Economy")
    doc.say("In the first quarter of 2025 GDP grew by ")
    doc.figure(f"{growth}%", float(growth), "%", "GDP growth rate", "Xinjiang", Q1_2025)
    doc.say(", ")
    doc.figure(
        f"{gap} percentage points",
        float(gap),
        "pp",
        "GDP growth rate gap to national average",
        "Xinjiang",
        Q1_2025,
    )
    doc.say(f" {direction} than the national average.\n")
    return doc


def _national(value=5.4, period=Q1_2025):
    return ref(NATIONAL, "GDP growth rate", period, value, unit="%", scope="national")


def _only(findings):
    assert len(findings) == 1, findings
    return findings[0]


def test_implied_national_growth_matches_the_reference():
    # 5.6 − 0.2 = 5.4 %, NBS gives 5.4 %
    f = _only(relative.check(_gap_doc().inputs(references=(_national(),))))
    assert (f.id, f.status) == ("relative:gdp-growth-gap-Q12025", "pass")
    assert f.actual.value == pytest.approx(5.4)
    assert f.actual.text == "5.6 − 0.2 = 5.4 %"
    assert f.tolerance.value == pytest.approx(0.15)  # three figures to one decimal
    assert [e.kind for e in f.evidence] == ["claim", "claim", "reference"]


def test_implied_national_growth_off_fails_with_the_reference_severity():
    f = _only(relative.check(_gap_doc(gap="0.6").inputs(references=(_national(),))))
    assert (f.status, f.severity) == ("fail", "error")
    assert "wrong by 0.4 pp" in f.message
    weak = _national()
    weak = weak.model_copy(update={"quality": "verify"})
    f = _only(relative.check(_gap_doc(gap="0.6").inputs(references=(weak,))))
    assert (f.status, f.severity) == ("fail", "warning")


def test_lower_than_the_national_average_adds_the_gap():
    f = _only(relative.check(_gap_doc("5.0", "0.4", "lower").inputs(references=(_national(),))))
    assert f.actual.text == "5.0 + 0.4 = 5.4 %"
    assert f.status == "pass"


def test_no_reference_for_the_period_is_unknown():
    other = _national(period=Period.quarter(2024, 4))
    f = _only(relative.check(_gap_doc().inputs(references=(other,))))
    assert f.status == "unknown"
    assert f.actual.value == pytest.approx(5.4)


# -- shares of a whole -----------------------------------------------------------------------

SECTION = "Industrial Clusters"


def _clusters(value="894", phrase="more than half"):
    doc = Doc().heading(SECTION)
    doc.say("In 2022, these clusters achieved an added value of ")
    doc.figure(
        f"{value} billion yuan",
        float(value) * 1e9,
        "CNY",
        "added value",
        "major industrial clusters",
        Y2022,
    )
    doc.say(f", accounting for {phrase} of the region's GDP. In 2023 they grew.\n")
    return doc


def _gdp(value=1774.134e9, quality="verify", period=Y2022):
    return ref("gdp_cny", "GDP", period, value, quality=quality, source="public data tables")


def test_more_than_half_holds_barely_and_shows_the_reference_quality():
    # 894 / 1,774.134 = 50.39 % > 50 %
    f = _only(relative.check(_clusters().inputs(references=(_gdp(),))))
    assert f.status == "pass"
    assert f.actual.value == pytest.approx(50.391, abs=1e-3)
    assert f.expected.text == "more than 50 %"
    assert "(barely)" in f.message
    assert "'more than half of the region's GDP' holds" in f.message
    assert "quality 'verify'" in f.message
    reference = next(e for e in f.evidence if e.kind == "reference")
    assert (reference.quality, reference.source) == ("verify", "public data tables")
    assert reference.note.startswith("quality 'verify'")


def test_more_than_half_fails_against_a_larger_whole():
    # 894 / 1,801.5 = 49.6 %
    f = _only(relative.check(_clusters().inputs(references=(_gdp(1801.5e9),))))
    assert (f.status, f.severity) == ("fail", "warning")  # reference quality 'verify'
    assert "off by 0.4 pp" in f.message
    f = _only(relative.check(_clusters().inputs(references=(_gdp(1801.5e9, "firm"),))))
    assert f.severity == "error"


@settings(max_examples=50, deadline=None)
@given(part=st.integers(800, 1000))
def test_more_than_half_flips_at_half_the_whole(part):
    f = _only(relative.check(_clusters(str(part)).inputs(references=(_gdp(),))))
    ratio = 100 * part / 1774.134
    if ratio > 50 + f.tolerance.value:
        assert f.status == "pass"
    if ratio < 50 - f.tolerance.value:
        assert f.status == "fail"


def test_about_a_third_allows_five_points():
    # 600 / 1,774.134 = 33.8 %: "about a third" (33.3 % ± 5)
    f = _only(relative.check(_clusters("600", "about a third").inputs(references=(_gdp(),))))
    assert f.status == "pass"
    assert f.tolerance.value > 5
    f = _only(relative.check(_clusters("800", "about a third").inputs(references=(_gdp(),))))
    assert f.status == "fail"  # 45.1 %


def test_the_whole_of_another_period_is_never_used():
    f = _only(relative.check(_clusters().inputs(references=(_gdp(period=Period.year(2023)),))))
    assert f.status == "unknown"
    assert "No GDP for 2022" in f.message


def test_whole_stated_in_the_document_when_no_reference():
    doc = _clusters()
    doc.say("In 2022 the GDP was ")
    doc.figure("1,774.134 billion yuan", 1774.134e9, "CNY", "GDP", "Xinjiang", Y2022)
    doc.say(".\n")
    f = _only(relative.check(doc.inputs()))
    assert f.status == "pass"
    assert "stated in the document" in f.message


def test_share_from_a_case_indicator():
    doc = _clusters()
    share = entity(
        "clusters_share",
        "indicator",
        "Share of the clusters in GDP, 2022",
        {
            "measure": "share of regional GDP, major industrial clusters",
            "subject": "Xinjiang",
            "period": Y2022.iso(),
            "value": 50,
            "unit": "%",
            "qualifier": ">",
        },
        ((SECTION, "accounting for more than half of the region's GDP", "value"),),
    )
    f = _only(relative.check(doc.inputs(entities=(share,), references=(_gdp(),))))
    assert f.status == "pass"
    assert f.id == "relative:share-majorindustrialclusters-gdp-2022"


def test_a_round_reference_carries_its_own_rounding():
    # 1.8e12 is known to two digits (±0.05e12): 894 / 1,800 = 49.7 % cannot be told from 50 %
    f = _only(relative.check(_clusters().inputs(references=(_gdp(1800e9),))))
    assert f.status == "pass"
    assert f.tolerance.value == pytest.approx(49.667 * (0.5 / 894 + 50 / 1800), rel=1e-3)
