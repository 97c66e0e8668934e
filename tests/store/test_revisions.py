"""Naming, listing, showing and exporting revisions."""

from __future__ import annotations

import csv
import io
import json

import pytest

from pestle.errors import StoreError
from pestle.model import Claim
from pestle.store.synthetic import synthetic_claims, synthetic_source


@pytest.fixture
def filled(store):
    store.import_claims("alpha", synthetic_source("a1"), synthetic_claims(4))
    store.import_claims("beta", synthetic_source("b1"), synthetic_claims(2))
    store.import_claims("alpha", synthetic_source("a2"), synthetic_claims(5, variant="x"))
    return store


def test_revisions_are_listed_oldest_first(filled) -> None:
    assert [(r.id, r.label, r.claims) for r in filled.revisions()] == [
        (1, "alpha@1", 4),
        (2, "beta@1", 2),
        (3, "alpha@2", 5),
    ]
    assert [r.label for r in filled.revisions("alpha")] == ["alpha@1", "alpha@2"]


@pytest.mark.parametrize(
    ("ref", "expected"),
    [(3, "alpha@2"), ("1", "alpha@1"), ("alpha@1", "alpha@1"), ("alpha", "alpha@2")],
)
def test_a_revision_is_named_by_id_label_or_document(filled, ref, expected) -> None:
    assert filled.revision(ref).label == expected


@pytest.mark.parametrize("ref", [99, "gamma", "alpha@7", "alpha@x"])
def test_unknown_revisions_are_store_errors(filled, ref) -> None:
    with pytest.raises(StoreError):
        filled.revision(ref)


def test_json_export_round_trips_the_claims(filled) -> None:
    data = json.loads(filled.export("alpha@2", "json"))
    assert data["revision"]["document"] == "alpha" and data["revision"]["number"] == 2
    assert [Claim.model_validate(c) for c in data["claims"]] == synthetic_claims(5, variant="x")


def test_csv_export_has_one_row_per_claim(filled) -> None:
    rows = list(csv.DictReader(io.StringIO(filled.export("beta", "csv"))))
    expected = synthetic_claims(2)
    assert [float(r["value"]) for r in rows] == [c.value for c in expected]
    assert [r["text"] for r in rows] == [c.text for c in expected]
    assert [r["period"] for r in rows] == [c.period.iso() for c in expected]
    assert [int(r["start"]) for r in rows] == [c.start for c in expected]


def test_unknown_export_format_is_an_error(filled) -> None:
    with pytest.raises(StoreError, match="export format 'xml'"):
        filled.export(1, "xml")


def test_diff_between_revisions(filled) -> None:
    d = filled.diff("alpha@1", "alpha@2")
    assert (d.old.label, d.new.label) == ("alpha@1", "alpha@2")
    assert len(d.changed) == 4 and [c.text for c in d.added] == ["4x tonnes"]
    frame = d.to_frame()
    assert list(frame["change"]) == ["changed"] * 4 + ["added"]


def test_a_filled_store_is_consistent(filled) -> None:
    assert filled.verify() == []
