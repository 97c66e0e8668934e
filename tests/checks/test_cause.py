"""Root causes: the trade table's unit error reported once, and the grouping's invariants."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pestle.case import load_case
from pestle.checks import CheckInputs, Finding, Reference, group, run_checks
from pestle.checks.runner import CheckReport
from pestle.model import Period

TRADE_UNIT = "magnitude:cause-unit-total-import-export-value-column-table-expansion-trade-scale"
MEMBERS = {
    "magnitude:total-import-and-export-value-H12023",
    "magnitude:total-import-and-export-value-Jan–May2025",
    "implied_base:total-import-and-export-value-H12022",
    "implied_base:total-import-and-export-value-Jan–May2024",
}


@pytest.fixture(scope="module")
def report():
    return run_checks(load_case())


def test_the_trade_unit_error_is_reported_once_with_every_row(report):
    units = [f for f in report.findings if f.cause and "import and export" in f.cause]
    assert [f.id for f in units] == [TRADE_UNIT]
    (f,) = units
    assert (f.status, f.severity) == ("fail", "error")
    assert "'Total Import and Export Value (100 million yuan)'" in f.cause
    assert {m.id for m in f.members} == MEMBERS
    assert not any(m.id in MEMBERS for m in report.findings)
    rows = [(r.label, r.stated, r.corrected, r.confirmed) for r in f.rows]
    assert rows == [
        ("First Half of 2023", "149.62 × 100 million yuan", "149.62 billion yuan", True),
        ("First Five Months of 2025", "227.67 × 100 million yuan", "227.67 billion yuan", True),
    ]
    assert "People's Daily" in f.rows[0].basis
    assert "Xinhua" in f.rows[1].basis  # the case's reference for Jan–May 2025
    assert "2 confirmed by reference data" in f.message
    # the members stay reachable by their ids
    assert report.finding("magnitude:total-import-and-export-value-H12023").status == "fail"
    assert len(report.of_rule("magnitude")) == 4


def test_a_reference_for_jan_may_2025_confirms_that_row_too():
    # Xinhua via chinagate, 2025-06-19: 227.67 billion yuan, +22.9 % (not in the case's data)
    inputs = CheckInputs.from_case(load_case())
    jan_may = Reference(
        id="foreign_trade_cny@2025-01-01/2025-05-31",
        series="foreign_trade_cny",
        measure="total import and export value",
        period=Period.months(2025, 1, 5),
        value=227.67e9,
        unit="CNY",
        growth_pct=22.9,
        quality="firm",
        source="Xinhua, 2025-06-19, en.chinagate.cn/2025-06/19/content_117936361.htm",
    )
    more = replace(
        inputs, references=(*inputs.references, jan_may), cache={}, _parsed={}, _doc_of={}
    )
    f = run_checks(more).finding(TRADE_UNIT)
    assert [r.confirmed for r in f.rows] == [True, True]
    assert "Xinhua" in f.rows[1].basis
    # the Jan–May 2025 row is now an exact 10× (error), not a per-day warning
    member = next(m for m in f.members if m.id.endswith("Jan–May2025"))
    assert (member.status, member.severity) == ("fail", "error")
    assert "2 confirmed by reference data" in f.message


def test_the_free_trade_zone_counts_are_ambiguous(report):
    f = report.finding("additivity:policy_ftz_delegation.powers_count-vs-permissions_count")
    assert f.status == "ambiguous"
    assert len(f.readings) == 2
    assert f.benign_readings == (f.readings[0],)
    assert f.readings[0].startswith("overlapping grants")
    assert f.readings[1].startswith("the figures disagree")


def test_a_fail_with_a_benign_reading_is_ambiguous_for_every_rule():
    f = Finding(
        rule="x",
        id="x:y",
        title="t",
        status="fail",
        severity="warning",
        message="m",
        readings=("fine", "wrong"),
        benign_readings=("fine",),
    )
    assert f.status == "ambiguous"
    with pytest.raises(ValueError, match="benign readings must be readings"):
        Finding(**{**f.model_dump(), "benign_readings": ("other",)})
    with pytest.raises(ValueError, match="an ambiguous finding shows"):
        Finding(**{**f.model_dump(), "readings": ("fine",), "benign_readings": ("fine",)})


def test_json_keeps_the_members_and_round_trips(report):
    data = report.to_dict()
    group_ = next(f for f in data["findings"] if f["id"] == TRADE_UNIT)
    assert {m["id"] for m in group_["members"]} == MEMBERS
    assert CheckReport.model_validate(data) == report
    frame = report.to_frame()
    assert frame.loc[frame["id"] == TRADE_UNIT, "members"].item() == 4


# -- properties of the grouping -------------------------------------------------------------

_CAUSES = st.sampled_from([None, None, "unit of column a", "unit of column b", "cause c"])


@st.composite
def findings(draw) -> list[Finding]:
    n = draw(st.integers(min_value=0, max_value=12))
    out = []
    for i in range(n):
        status = draw(st.sampled_from(["pass", "fail", "unknown"]))
        severity = "info" if status == "pass" else draw(st.sampled_from(["warning", "error"]))
        benign = status == "fail" and draw(st.booleans())
        rule = draw(st.sampled_from(["magnitude", "implied_base", "additivity"]))
        out.append(
            Finding(
                rule=rule,
                id=f"{rule}:{i}",
                title=f"finding {i}",
                status=status,
                severity=severity,
                message=f"message {i}",
                readings=("benign", "error") if benign else (),
                benign_readings=("benign",) if benign else (),
                cause=draw(_CAUSES),
            )
        )
    return out


def _leaves(fs) -> list[str]:
    return sorted(leaf.id for f in fs for leaf in f.leaves)


@given(findings())
def test_grouping_is_idempotent(fs):
    once = group(fs)
    assert group(once) == once


@given(findings())
def test_no_member_finding_is_lost(fs):
    assert _leaves(group(fs)) == sorted(f.id for f in fs)


@given(findings())
def test_summary_counts_one_per_group(fs):
    grouped = group(fs)
    report = CheckReport(case="c", rules=(), findings=grouped)
    causes = {f.cause for f in fs if f.cause is not None}
    uncaused = [f for f in fs if f.cause is None]
    assert report.summary["checks"] == len(causes) + len(uncaused) == len(grouped)
    assert report.summary["findings"] == len(fs)
    assert sum(report.summary[s] for s in ("pass", "fail", "ambiguous", "unknown")) == len(grouped)


@given(findings())
def test_a_group_is_as_severe_as_its_worst_member(fs):
    for f in group(fs):
        if f.members:
            worst = min(f.members, key=lambda m: m.sort_key)
            assert f.severity == worst.severity
            assert f.sort_key[:2] <= worst.sort_key[:2]
