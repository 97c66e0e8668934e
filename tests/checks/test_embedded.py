"""The embedded Xinjiang case end to end: what passes, what fails, and the arithmetic.

Passes
- additivity:gdp-Q12025 — 142.45 + 1,878.48 + 2,708.16 = 4,729.09 (100 million yuan),
  the stated Q1 2025 GDP of 472.909 billion yuan; tolerance ±0.02 (rounding of 4 figures).
- weighted_growth:gdp-Q12025 — prior-period weights 135.67 / 1,773.82 / 2,569.41 give
  0.030×5.0 + 0.396×5.9 + 0.574×5.4 = 5.59 % against the stated 5.6 % (±0.3 pp: 0.1 pp
  rounding + 0.2 pp because chain-linked real growth is not exactly additive).
- relative:gdp-growth-gap-Q12025 — 5.6 − 0.2 = 5.4 %, NBS national Q1 2025: 5.4 %.
- relative:share-…-gdp-2022 — 894 / 1,774.134 = 50.4 % > 50 %: "more than half" holds,
  barely, against a reference of quality "verify" (the finding says so).
- shares:trade_mode 54.9 %, shares:product_category 40.2 %, shares:zone_channel
  5.2 + 0.4 = 5.6 %: each ≤ 100 %, never added across dimensions (54.9 + 40.2 + 5.2 + 0.4 =
  100.7 % would be a false alarm).
- agreement:base_northern_tianshan.capacity_w — 10 million kW in two sections.
- agreement: Hami South–Zhengzhou and Zhundong–Wannan "completed", in operation since
  2014-01 and 2018-12-31.
- magnitude:gdp-2024 (> 2 trillion, reference > 2 trillion) and gdp-Q12025 (472.909 bn over
  90 days against > 2 trillion over 366 days: ratio 0.96 per day).
- double_counting:uhv_corridor — no corridor nests in another.

Fails
- magnitude:cause-unit-…-trade-scale (error) — one root cause, the unit of the trade
  table's value column, reported once with its four findings as members:
  - magnitude:…-H12023 (error) — the table's 149.62 × 100 million yuan = 14.962 bn is
    exactly 10× smaller than the reference 149.62 bn (People's Daily, Urumqi Customs): the
    column header should say billion yuan.
  - magnitude:…-Jan–May2025 (error) — 227.67 × 100 million yuan is exactly 10× smaller
    than the reference 227.67 bn for Jan–May 2025 (Xinhua 2025-06-19, Urumqi Customs).
  - implied_base:…-H12022 (warning) — 149.62 / 1.652 = 90.57 (100 million yuan), but the
    reference implies 149.62 bn / 1.652 = 905.69: off by 10, the same unit slip.
  - implied_base:…-Jan–May2024 (warning) — 227.67 / 1.229 = 185.25 (100 million yuan),
    but the reference implies 227.67 bn / 1.229 = 1,852.48: off by 10 as well.
  Rows: First Half of 2023 and First Five Months of 2025, both confirmed by the reference.
- capacity_additions:energy_base-2023–2024 (warning) — the bases table books 10 + 6.1 + 30 =
  46.1 GW over 2023–2024; installed end-2024 (> 100 GW) minus end-2022 (26.15 + 14.51 =
  40.66 GW) is > 59.34 GW added: a gap of at least 13.24 GW (22 %).
- agreement:corridor_hami_chongqing.status (warning) — "approved" in the report, in
  operation since 2025-06-10 per reference; the report's latest figure ends 2025-05-31.
- double_counting:energy_base (warning) — Huadian Northern Tianshan Gobi (6.1) lies within
  Northern Tianshan (10); the three 10-GW-class bases (3 × 10) may include Northern
  Tianshan: 46.1, 40 or 30 million kW depending on the aggregation.

Ambiguous
- additivity:…powers_count-vs-permissions_count (warning) — 20 + 6 + 17 = 43 permissions
  against 26 delegated powers: not additive; overlapping grants (not an error) or figures
  that disagree.

Unknown
- periods:expansion-of-trade-scale — the trade-structure table states no period.
- implied_base:constant-prices — five real growth rates, no nominal base to compare.
"""

from __future__ import annotations

import time

import pytest

from pestle.checks import RULES, run_checks

TRADE_UNIT = "magnitude:cause-unit-total-import-export-value-column-table-expansion-trade-scale"
EXPECTED = {
    "additivity:gdp-Q12025": ("pass", "info"),
    "weighted_growth:gdp-Q12025": ("pass", "info"),
    "relative:gdp-growth-gap-Q12025": ("pass", "info"),
    "relative:share-eightmajorindustrialclusters-gdp-2022": ("pass", "info"),
    "shares:trade_mode": ("pass", "info"),
    "shares:product_category": ("pass", "info"),
    "shares:zone_channel": ("pass", "info"),
    "agreement:base_northern_tianshan.capacity_w": ("pass", "info"),
    "agreement:corridor_hami_zhengzhou.status": ("pass", "info"),
    "agreement:corridor_zhundong_wannan.status": ("pass", "info"),
    "magnitude:gdp-2024": ("pass", "info"),
    "magnitude:gdp-Q12025": ("pass", "info"),
    "double_counting:uhv_corridor": ("pass", "info"),
    TRADE_UNIT: ("fail", "error"),
    "capacity_additions:energy_base-2023–2024": ("fail", "warning"),
    "additivity:policy_ftz_delegation.powers_count-vs-permissions_count": ("ambiguous", "warning"),
    "agreement:corridor_hami_chongqing.status": ("fail", "warning"),
    "double_counting:energy_base": ("fail", "warning"),
    "periods:expansion-of-trade-scale": ("unknown", "warning"),
    "implied_base:constant-prices": ("unknown", "info"),
}


@pytest.fixture(scope="module")
def report():
    return run_checks()


def test_every_finding_is_expected(report):
    assert {f.id: (f.status, f.severity) for f in report.findings} == EXPECTED
    # root causes count once: 23 findings of the rules, the trade unit's 4 reported as 1
    assert report.summary == {
        "checks": 20,
        "pass": 13,
        "fail": 4,
        "ambiguous": 1,
        "unknown": 2,
        "errors": 1,
        "warnings": 3,
        "findings": 23,
    }


def test_every_rule_reports_at_least_once(report):
    assert {f.rule for f in report.findings} == {r.name for r in RULES}


def test_industries_add_up_to_gdp(report):
    f = report.finding("additivity:gdp-Q12025")
    assert f.actual.text == "142.45 + 1,878.48 + 2,708.16 = 4,729.09 × 100 million yuan"
    assert f.expected.value == pytest.approx(4729.09)
    assert f.tolerance.value == pytest.approx(0.02)


def test_weighted_growth(report):
    f = report.finding("weighted_growth:gdp-Q12025")
    assert f.actual.value == pytest.approx(5.586, abs=1e-3)
    assert f.tolerance.value == pytest.approx(0.3)


def test_national_average(report):
    f = report.finding("relative:gdp-growth-gap-Q12025")
    assert f.actual.text == "5.6 − 0.2 = 5.4 %"
    assert "National Bureau of Statistics" in f.expected.text


def test_more_than_half_is_barely_true_against_a_reference_to_verify(report):
    f = report.finding("relative:share-eightmajorindustrialclusters-gdp-2022")
    assert f.actual.value == pytest.approx(100 * 894 / 1774.134)
    assert "(barely)" in f.message and "quality 'verify'" in f.message
    (ref,) = [e for e in f.evidence if e.kind == "reference"]
    assert (ref.series, ref.label, ref.quality) == ("gdp_cny", "2022", "verify")


def test_trade_table_is_in_the_wrong_unit(report):
    f = report.finding("magnitude:total-import-and-export-value-H12023")
    assert "exactly 10× smaller" in f.message
    assert "'Total Import and Export Value (100 million yuan)'; it should say billion yuan" in (
        f.message
    )
    claim = next(e for e in f.evidence if e.kind == "claim")
    assert (claim.text, claim.quote) == ("149.62", "First Half of 2023 | 149.62 | 65.2 |")
    ref = next(e for e in f.evidence if e.kind == "reference")
    assert "People's Daily" in ref.source and ref.display == "149.62 billion yuan"
    jan_may = report.finding("magnitude:total-import-and-export-value-Jan–May2025")
    assert "exactly 10× smaller" in jan_may.message and "Xinhua" in jan_may.message
    assert (jan_may.status, jan_may.severity) == ("fail", "error")


def test_growth_implied_bases(report):
    h1 = report.finding("implied_base:total-import-and-export-value-H12022")
    assert h1.actual.text == "149.62 / 1.652 = 90.57 × 100 million yuan"
    assert h1.expected.value == pytest.approx(1496.2 / 1.652, abs=0.01)
    jan_may = report.finding("implied_base:total-import-and-export-value-Jan–May2024")
    assert jan_may.actual.text == "227.67 / 1.229 = 185.25 × 100 million yuan"
    assert jan_may.status == "fail" and "off by a factor of 10" in jan_may.message


def test_permissions_are_not_additive(report):
    f = report.finding("additivity:policy_ftz_delegation.powers_count-vs-permissions_count")
    assert f.actual.text == "20 + 6 + 17 = 43" and f.expected.value == 26
    assert len(f.readings) == 2


def test_corridor_status_is_outdated_with_dates(report):
    f = report.finding("agreement:corridor_hami_chongqing.status")
    assert "in operation since 2025-06-10" in f.message
    assert "period ending 2025-05-31" in f.message


def test_bases_may_be_counted_twice(report):
    f = report.finding("double_counting:energy_base")
    assert f.actual.value == pytest.approx(46.1)
    assert [r.split(": ")[1] for r in f.readings] == [
        "46.1 million kilowatts (counts overlaps twice)",
        "40 million kilowatts",
        "30 million kilowatts",
    ]


def test_every_claim_evidence_quotes_the_document(report):
    from pestle.case import load_case

    text = load_case().documents[0].text
    for f in report.findings:
        for e in f.evidence:
            if e.kind in ("claim", "passage"):
                assert text[e.start : e.end] == e.text, f.id
                assert e.section, f.id


def test_load_and_check_in_well_under_a_second():
    from pestle.case import load_case

    start = time.perf_counter()
    run_checks(load_case())
    assert time.perf_counter() - start < 1.0
