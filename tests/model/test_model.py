"""The domain model: frozen, validated, and JSON round-trips exactly."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from pestle.model import QUALIFIERS, UNITS, Claim, Entity, EvidenceRef, Period, Source

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(dates)
    length = draw(st.integers(min_value=0, max_value=4000))
    return Period(start=start, end=min(start + timedelta(days=length), date(2100, 12, 31)))


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    text = draw(st.text(min_size=1, max_size=30))
    start = draw(st.integers(min_value=0, max_value=10**6))
    return Claim(
        value=draw(st.floats(allow_nan=False, allow_infinity=False)),
        unit=draw(st.sampled_from(UNITS)),
        qualifier=draw(st.sampled_from(QUALIFIERS)),
        period=draw(st.none() | periods()),
        measure=draw(st.none() | st.text(max_size=20)),
        subject=draw(st.none() | st.text(max_size=20)),
        text=text,
        start=start,
        end=start + len(text),
        section=draw(st.none() | st.text(max_size=40)),
    )


@given(claims())
def test_claim_json_round_trips_exactly(claim: Claim) -> None:
    assert Claim.model_validate_json(claim.model_dump_json()) == claim


@given(periods())
def test_period_json_is_an_iso_interval(period: Period) -> None:
    dumped = json.loads(
        Claim(value=1, unit="count", text="1", start=0, end=1, period=period).model_dump_json()
    )["period"]
    assert dumped == f"{period.start.isoformat()}/{period.end.isoformat()}"
    assert Period.parse(dumped) == period


def test_claim_json_matches_the_design_contract() -> None:
    contract = {
        "value": 472909000000.0,
        "unit": "CNY",
        "qualifier": "=",
        "period": "2025-01-01/2025-03-31",
        "measure": "GDP",
        "subject": "Xinjiang",
        "text": "472.909 billion yuan",
        "start": 1234,
        "end": 1254,
        "section": "Current Situation and Trend Analysis of Economic Growth",
    }
    claim = Claim.model_validate(contract)
    assert claim.period == Period.quarter(2025, 1)
    assert json.loads(claim.model_dump_json()) == contract


def test_period_constructors() -> None:
    assert Period.year(2024).iso() == "2024-01-01/2024-12-31"
    assert Period.quarter(2025, 1).iso() == "2025-01-01/2025-03-31"
    assert Period.half(2023, 1).iso() == "2023-01-01/2023-06-30"
    assert Period.months(2025, 1, 5).iso() == "2025-01-01/2025-05-31"
    assert Period.months(2024, 2, 2).iso() == "2024-02-01/2024-02-29"
    assert Period.year(2024).contains(Period.half(2024, 2))
    assert not Period.half(2024, 1).overlaps(Period.half(2024, 2))


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("2025-03-31/2025-01-01", "ends"),
        ("2025", "ISO interval"),
        ("2025-13-01/2025-12-31", "month"),
    ],
)
def test_bad_periods_are_refused(raw: str, problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        Period.parse(raw)


def test_claim_span_must_match_its_text() -> None:
    with pytest.raises(ValidationError, match="span"):
        Claim(value=6.1, unit="%", text="6.1%", start=10, end=12)


def test_unknown_unit_is_refused() -> None:
    with pytest.raises(ValidationError):
        Claim(value=1, unit="furlong", text="1", start=0, end=1)  # type: ignore[arg-type]


def test_models_are_frozen() -> None:
    claim = Claim(value=1, unit="count", text="1", start=0, end=1)
    with pytest.raises(ValidationError):
        claim.value = 2  # type: ignore[misc]


def test_source_from_text_hashes_utf8() -> None:
    source = Source.from_text("新疆 GDP", title="t")
    # sha256 of the UTF-8 bytes, computed independently
    assert source.sha256 == "5ab8dd2fdf1552d1ac0259d348f28f1f95d7139cbb775c923185c445579a5481"
    assert Source.model_validate_json(source.model_dump_json()) == source


def test_entity_round_trips() -> None:
    entity = Entity(
        id="ftz_section_urumqi",
        kind="ftz_section",
        name="Urumqi section",
        attributes={"permissions": 20},
        evidence=(EvidenceRef(document="source_report", section="s", quote="20"),),
    )
    assert Entity.model_validate_json(entity.model_dump_json()) == entity
