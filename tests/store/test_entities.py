"""Entities: versioned by key, evidence resolved to stored claims."""

from __future__ import annotations

import pytest

from pestle.errors import StoreError
from pestle.model import Claim, Entity, EvidenceRef, Source


def claim(text: str, value: float, start: int, section: str = "FTZ") -> Claim:
    return Claim(
        value=value, unit="count", text=text, start=start, end=start + len(text), section=section
    )


@pytest.fixture
def with_report(store):
    claims = [claim("25 measures", 25, 0), claim("26 powers", 26, 40)]
    store.import_claims("source_report", Source.from_text("r1", title="report"), claims)
    return store


FTZ = Entity(
    id="xinjiang_ftz",
    kind="zone",
    name="China (Xinjiang) Pilot Free Trade Zone",
    attributes={"measures": 25, "delegated_powers": 26},
    evidence=(
        EvidenceRef(
            document="source_report", section="FTZ", quote="25 measures", attribute="measures"
        ),
        EvidenceRef(document="source_report", quote="26 powers", attribute="delegated_powers"),
    ),
)


def test_saved_entities_come_back_with_their_evidence(with_report) -> None:
    result = with_report.save_entities([FTZ])
    assert (result.saved, result.unchanged, result.links, result.unresolved) == (1, 0, 2, ())
    assert with_report.entities() == [FTZ]


def test_saving_the_same_entity_again_writes_nothing(with_report) -> None:
    with_report.save_entities([FTZ])
    again = with_report.save_entities([FTZ])
    assert (again.saved, again.unchanged, again.links) == (0, 1, 0)


def test_a_changed_entity_is_a_new_version_and_the_latest_is_read(with_report) -> None:
    with_report.save_entities([FTZ])
    changed = FTZ.model_copy(update={"attributes": {"measures": 25, "delegated_powers": 27}})
    assert with_report.save_entities([changed]).saved == 1
    assert with_report.entities() == [changed]


def test_unresolvable_evidence_is_reported(with_report) -> None:
    ref = EvidenceRef(document="source_report", section="FTZ", quote="99 measures")
    entity = Entity(id="ghost", kind="zone", name="Ghost", evidence=(ref,))
    result = with_report.save_entities([entity])
    assert result.unresolved == (ref,)


def test_evidence_in_the_wrong_section_does_not_resolve(with_report) -> None:
    ref = EvidenceRef(document="source_report", section="Energy", quote="25 measures")
    entity = Entity(id="misplaced", kind="zone", name="Misplaced", evidence=(ref,))
    assert with_report.save_entities([entity]).unresolved == (ref,)


def test_an_entity_given_twice_is_refused(with_report) -> None:
    with pytest.raises(StoreError, match="entities given twice: xinjiang_ftz"):
        with_report.save_entities([FTZ, FTZ])
    assert with_report.entities() == []
