"""Magnitude: figures within a factor of three of reference data; powers of ten named."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.build import H1_2023, Doc, ref
from pestle.checks import magnitude
from pestle.model import Period

TRADE = "total import and export value"
HEADER = "Total Import and Export Value (100 million yuan)"


def _trade(value="149.62", period=H1_2023, label="First Half of 2023", scale=1e8):
    doc = Doc().heading("Trade")
    doc.say(f"Period | {HEADER} | Year-on-Year Growth Rate (%) |\n---|---|---|\n")
    doc.say(f"{label} | ")
    doc.figure(value, float(value.replace(",", "")) * scale, "CNY", TRADE, "Xinjiang", period)
    doc.say(" | 65.2 |\n")
    return doc


def _ref(period, value):
    return ref("foreign_trade_cny", TRADE, period, value, source="People's Daily, Urumqi Customs")


def _only(findings):
    assert len(findings) == 1, findings
    return findings[0]


def test_exactly_ten_times_too_small_is_a_unit_error_naming_the_unit_that_fits():
    # table: 149.62 × 100 million yuan = 14.962 bn; reference: 149.62 bn -> ratio 0.1
    f = _only(magnitude.check(_trade().inputs(references=(_ref(H1_2023, 149.62e9),))))
    assert (f.status, f.severity) == ("fail", "error")
    assert "exactly 10× smaller than the reference" in f.message
    assert "in billion yuan instead of 100 million yuan" in f.message
    assert f"The column header says '{HEADER}'; it should say billion yuan" in f.message
    assert f.readings == ("the unit should be billion yuan, not 100 million yuan",)
    assert f.actual.value == pytest.approx(149.62) and f.expected.value == pytest.approx(1496.2)


def test_same_magnitude_passes():
    f = _only(magnitude.check(_trade("1,496.2").inputs(references=(_ref(H1_2023, 149.62e9),))))
    assert (f.status, f.severity) == ("pass", "info")


def test_a_comparable_period_is_compared_per_day_and_only_warns():
    # 227.67 × 100 million over Jan–May 2025 (151 days) against 63.69 bn over Jan–Feb 2024 (60)
    doc = _trade("227.67", Period.months(2025, 1, 5), "First Five Months of 2025")
    f = _only(magnitude.check(doc.inputs(references=(_ref(Period.months(2024, 1, 2), 63.69e9),))))
    assert (f.status, f.severity) == ("fail", "warning")
    ratio = (227.67e8 / 151) / (63.69e9 / 60)
    assert f"{1 / ratio:.3g}× smaller" in f.message
    assert "compared per day" in f.message and "billion yuan" in f.message


def test_references_too_far_in_time_give_unknown():
    f = _only(magnitude.check(_trade().inputs(references=(_ref(Period.year(2019), 1e11),))))
    assert f.status == "unknown"


@settings(max_examples=60, deadline=None)
@given(factor=st.floats(0.05, 20))
def test_flips_at_a_factor_of_three(factor):
    f = _only(magnitude.check(_trade().inputs(references=(_ref(H1_2023, 149.62e8 * factor),))))
    ratio = 1 / factor
    if 1 / 2.99 < ratio < 2.99:
        assert f.status == "pass"
    elif ratio < 1 / 3.01 or ratio > 3.01:
        assert f.status == "fail"


def test_parts_and_rates_are_not_checked():
    doc = Doc().heading("Trade")
    doc.figure("54.9", 54.9, "%", "share", "General Trade")
    assert magnitude.check(doc.inputs(references=(_ref(H1_2023, 149.62e9),))) == []


def test_a_reference_of_zero_is_not_a_division_by_zero(case_copy) -> None:
    # found by tests/case/test_case_fuzz.py: a reference value edited to 0 (ZeroDivisionError)
    import pestle
    from case_edit import edit_line
    from pestle.checks import run_checks

    edit_line(case_copy / "sources" / "xinjiang_reference.yaml", "value: 63.69e9,", "value: 0,")
    report = run_checks(pestle.load_case(case_copy))
    found = report.of_rule("magnitude")
    assert found and all(not f.id.endswith(":cannot-run") for f in found)
