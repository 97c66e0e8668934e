"""Weighted growth: the total's growth against its parts' growth weighted by prior values."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.build import economy
from pestle.checks import weighted_growth


def _only(findings):
    assert len(findings) == 1, findings
    return findings[0]


def _weighted(values, growths):
    bases = [v / (1 + g / 100) for v, g in zip(values, growths, strict=True)]
    return 100 * (sum(values) / sum(bases) - 1)


def test_q1_2025_parts_match_the_stated_growth():
    # prior values: 142.45/1.050 = 135.67, 1,878.48/1.059 = 1,773.82, 2,708.16/1.054 = 2,569.41
    # weighted growth = 4,729.09 / 4,478.90 - 1 = 5.59 % against the stated 5.6 %
    f = _only(weighted_growth.check(economy().inputs()))
    assert (f.id, f.status) == ("weighted_growth:gdp-Q12025", "pass")
    assert f.actual.value == pytest.approx(5.586, abs=5e-4)
    assert f.expected.value == 5.6
    # 0.05 (total) + 0.05 (weighted parts) rounding + 0.2 chain-linking allowance
    assert f.tolerance.value == pytest.approx(0.3)
    assert "chain-linked real growth is not exactly additive" in f.tolerance.why
    assert f.actual.text == "0.030×5.0 + 0.396×5.9 + 0.574×5.4 = 5.59 %"


def test_total_growth_far_from_its_parts_fails():
    f = _only(weighted_growth.check(economy(growth=("6.1", "5.0", "5.9", "5.4")).inputs()))
    assert (f.status, f.severity) == ("fail", "warning")
    assert "+0.51 pp" not in f.message and "-0.51 pp" in f.message


@settings(max_examples=60, deadline=None)
@given(total=st.integers(40, 75).map(lambda x: x / 10))
def test_flips_exactly_at_the_tolerance(total):
    growth = (f"{total:.1f}", "5.0", "5.9", "5.4")
    f = _only(weighted_growth.check(economy(growth=growth).inputs()))
    gap = abs(5.5863 - total)
    if gap < f.tolerance.value - 1e-3:
        assert f.status == "pass"
    elif gap > f.tolerance.value + 1e-3:
        assert f.status == "fail"


@settings(max_examples=60, deadline=None)
@given(index=st.integers(0, 2), shift=st.integers(-40, 40).map(lambda x: x / 10))
def test_shifting_a_part_moves_the_weighted_growth(index, shift):
    parts = [5.0, 5.9, 5.4]
    parts[index] = round(parts[index] + shift, 1)
    growth = ("5.6", *(f"{g:.1f}" for g in parts))
    f = _only(weighted_growth.check(economy(growth=growth).inputs()))  # type: ignore[arg-type]
    expected = _weighted([142.45, 1878.48, 2708.16], parts)
    assert f.actual.value == pytest.approx(expected, abs=1e-9)
    assert (f.status == "pass") == (abs(expected - 5.6) <= f.tolerance.value)


def test_missing_part_growth_is_unknown():
    doc = economy()
    doc.claims = [c for c in doc.claims if not (c.unit == "%" and c.subject == "Primary Industry")]
    f = _only(weighted_growth.check(doc.inputs()))
    assert f.status == "unknown"
    assert "primary industry growth" in f.message
