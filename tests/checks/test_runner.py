"""The runner: every rule reports, failed first; rules that cannot run say so."""

from __future__ import annotations

import json

from checks.build import Doc, economy
from pestle.checks import RULES, CheckReport, Rule, run_checks
from pestle.errors import CheckError


def test_every_rule_says_when_it_has_nothing_to_check():
    report = run_checks(Doc().inputs())
    assert [f.id for f in report.findings if f.status == "unknown"] == sorted(
        f"{r.name}:nothing-to-check" for r in RULES if r.name != "periods"
    )
    # an empty case has no undated figure: the periods rule passes
    assert report.finding("periods:all-dated").status == "pass"
    unknown = report.finding("magnitude:nothing-to-check")
    assert "it needs stated levels of a measure" in unknown.message


def test_a_rule_given_data_it_cannot_use_is_unknown():
    def broken(inputs):
        raise CheckError("the reference file has no 'value' column")

    report = run_checks(Doc().inputs(), rules=(Rule("broken", "x", "y", broken),))
    (f,) = report.findings
    assert (f.id, f.status, f.severity) == ("broken:cannot-run", "unknown", "warning")
    assert "no 'value' column" in f.message


def test_findings_are_ordered_failed_first():
    report = run_checks(economy(tertiary="2,800.00").inputs())
    statuses = [f.status for f in report.findings]
    assert statuses == sorted(statuses, key=["fail", "unknown", "pass"].index)
    assert report.findings[0].id == "additivity:gdp-Q12025"
    assert report.has_errors


def test_to_dict_and_to_frame():
    report = run_checks(economy().inputs())
    data = json.loads(json.dumps(report.to_dict()))
    assert set(data) == {"case", "rules", "summary", "findings"}
    assert data["summary"]["checks"] == len(report.findings)
    first = data["findings"][0]
    assert set(first) >= {
        "rule",
        "id",
        "status",
        "severity",
        "message",
        "expected",
        "actual",
        "tolerance",
        "evidence",
    }
    frame = report.to_frame()
    assert list(frame.columns)[:4] == ["status", "severity", "rule", "id"]
    assert len(frame) == len(report.findings)
    assert CheckReport.model_validate(report.to_dict()) == report
