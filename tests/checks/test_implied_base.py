"""Growth-implied bases: value / (1 + growth) against the reference for the prior period."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.build import H1_2023, Doc, economy, ref
from pestle.checks import implied_base
from pestle.model import Period

TRADE = "total import and export value"
H1_2022 = Period.half(2022, 1)


def _trade(value="149.62", growth="65.2", scale=1e8, period=H1_2023):
    doc = Doc().heading("Trade")
    doc.say(
        "Period | Total Import and Export Value (100 million yuan) | Growth (%) |\n---|---|---|\n"
    )
    doc.say("First Half of 2023 | ")
    doc.figure(value, float(value) * scale, "CNY", TRADE, "Xinjiang", period)
    doc.say(" | ")
    doc.figure(growth, float(growth), "%", f"{TRADE} growth rate", "Xinjiang", period)
    doc.say(" |\n")
    return doc


def _ref(period, value, growth=None):
    return ref("foreign_trade_cny", TRADE, period, value, growth_pct=growth)


def _only(findings):
    assert len(findings) == 1, findings
    return findings[0]


def test_base_agrees_with_a_reference_for_the_prior_period():
    # 149.62 / 1.652 = 90.57 hundred million yuan for H1 2022
    f = _only(implied_base.check(_trade().inputs(references=(_ref(H1_2022, 90.57e8),))))
    assert (f.id, f.status) == ("implied_base:total-import-and-export-value-H12022", "pass")
    assert f.actual.value == pytest.approx(149.62 / 1.652)
    assert f.actual.text == "149.62 / 1.652 = 90.57 × 100 million yuan"


def test_base_off_by_ten_is_named():
    # the reference's own H1 2023 figure and growth imply 149.62 bn / 1.652 = 90.57 bn
    refs = (_ref(H1_2023, 149.62e9, 65.2),)
    f = _only(implied_base.check(_trade().inputs(references=refs)))
    assert (f.status, f.severity) == ("fail", "warning")
    assert f.expected.value == pytest.approx(905.69, abs=0.01)
    assert "off by a factor of 10" in f.message
    assert "from the reference for H1 2023: 149.62 billion yuan / 1.652" in f.expected.text


@settings(max_examples=50, deadline=None)
@given(factor=st.floats(0.9, 1.1))
def test_flips_when_the_reference_moves_beyond_the_rounding(factor):
    truth = 149.62e8 / 1.652
    f = _only(implied_base.check(_trade().inputs(references=(_ref(H1_2022, truth * factor),))))
    gap = abs(truth * factor - truth) / 1e8
    if gap < f.tolerance.value * 0.95:
        assert f.status == "pass"
    elif gap > f.tolerance.value * 1.05:
        assert f.status == "fail"


def test_without_a_reference_for_the_base_period_it_is_unknown():
    f = _only(implied_base.check(_trade().inputs(references=(_ref(Period.year(2023), 357e9),))))
    assert f.status == "unknown"
    assert f.actual.value == pytest.approx(90.57, abs=0.01)
    assert "no reference for H1 2022" in f.message and "(reference periods: 2023)" in f.message


def test_growth_at_constant_prices_is_never_compared_with_nominal_data():
    f = _only(implied_base.check(economy().inputs()))
    assert (f.id, f.status) == ("implied_base:constant-prices", "unknown")
    # GDP and the three industries: four bases, each in this period's prices
    assert "4 growth rate(s) are real" in f.message
    assert "472.909 / 1.056 = 447.830 billion yuan (Q1 2024 in Q1 2025 prices)" in f.message


def test_a_reference_of_zero_is_not_a_division_by_zero(case_copy) -> None:
    # found by tests/case/test_case_fuzz.py: a reference value edited to 0 (ZeroDivisionError)
    import pestle
    from case_edit import edit_line
    from pestle.checks import run_checks

    edit_line(case_copy / "sources" / "xinjiang_reference.yaml", "value: 149.62e9,", "value: 0,")
    report = run_checks(pestle.load_case(case_copy))
    found = report.of_rule("implied_base")
    assert found and all(not f.id.endswith(":cannot-run") for f in found)
