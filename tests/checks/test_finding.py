"""The Finding model: its invariants and its JSON shape."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pestle.checks.finding import (
    ClaimEvidence,
    Figure,
    Finding,
    ReferenceEvidence,
    Tolerance,
)


def _finding(**kw):
    base = {
        "rule": "additivity",
        "id": "additivity:x",
        "title": "t",
        "status": "fail",
        "severity": "error",
        "message": "m",
    }
    return Finding(**{**base, **kw})


def test_a_pass_is_always_info():
    with pytest.raises(ValidationError, match="a passing check is 'info'"):
        _finding(status="pass", severity="error")


def test_the_id_names_its_rule():
    with pytest.raises(ValidationError, match="must start with its rule"):
        _finding(id="magnitude:x")


def test_json_round_trip_keeps_evidence_kinds():
    f = _finding(
        expected=Figure(value=1.0, unit="%", text="1 %"),
        tolerance=Tolerance(value=0.1, unit="pp", why="rounding"),
        evidence=(
            ClaimEvidence(text="5.6%", start=3, end=7, quote="grew 5.6%", value=5.6, unit="%"),
            ReferenceEvidence(series="gdp", label="2024", source="NBS", quality="firm"),
        ),
    )
    again = Finding.model_validate_json(f.model_dump_json())
    assert again == f
    assert [e.kind for e in again.evidence] == ["claim", "reference"]


def test_tolerance_text():
    assert Tolerance(value=0.02, unit="100 million yuan", why="r").text == (
        "±0.02 × 100 million yuan (r)"
    )
    assert Tolerance(value=3, unit="×", why="r").text == "within a factor of 3 (r)"


def test_order_is_failed_first_errors_first():
    keys = [
        _finding(status="unknown", severity="warning").sort_key,
        _finding(status="fail", severity="warning").sort_key,
        _finding(status="fail", severity="error").sort_key,
        _finding(status="pass", severity="info").sort_key,
    ]
    assert sorted(keys) == [keys[2], keys[1], keys[0], keys[3]]
