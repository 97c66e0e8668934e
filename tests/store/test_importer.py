"""Imports: revisions, no-ops, one transaction per call, nothing overwritten."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from pestle.errors import InputError, StoreError
from pestle.model import Source
from pestle.store.schema import ClaimRow, RevisionRow, SourceRow
from pestle.store.synthetic import synthetic_claims, synthetic_source


def counts(store) -> tuple[int, int, int]:
    with store.engine.connect() as conn:
        return tuple(
            conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (RevisionRow, ClaimRow, SourceRow)
        )


def test_first_import_is_revision_one_of_a_new_document(store) -> None:
    result = store.import_claims("report", synthetic_source("a"), synthetic_claims(30))
    (doc,) = result.documents
    assert (doc.status, doc.document, doc.number, doc.claims) == ("new", "report", 1, 30)
    assert store.claims(doc.revision) == synthetic_claims(30)
    assert counts(store) == (1, 30, 1)


def test_same_content_twice_is_a_no_op(store) -> None:
    first = store.import_claims("report", synthetic_source("a"), synthetic_claims(30))
    again = store.import_claims("report", synthetic_source("a"), synthetic_claims(30))
    (doc,) = again.documents
    assert doc.status == "unchanged" and again.written == 0
    assert (doc.revision, doc.number) == (first.documents[0].revision, 1)
    assert counts(store) == (1, 30, 1)


def test_changed_content_is_a_new_revision_and_the_old_one_stays(store) -> None:
    store.import_claims("report", synthetic_source("a"), synthetic_claims(30))
    result = store.import_claims("report", synthetic_source("b"), synthetic_claims(31, variant="b"))
    (doc,) = result.documents
    assert (doc.status, doc.number, doc.claims) == ("revised", 2, 31)
    first, second = store.revisions("report")
    assert second.parent == first.id
    assert store.claims("report@1") == synthetic_claims(30)  # nothing overwritten
    assert store.claims("report@2") == synthetic_claims(31, variant="b")
    assert counts(store) == (2, 61, 2)


def test_reverting_to_earlier_content_is_a_new_revision_sharing_the_source(store) -> None:
    for tag in ("a", "b", "a"):
        store.import_claims("report", synthetic_source(tag), synthetic_claims(5, variant=tag))
    assert [r.number for r in store.revisions("report")] == [1, 2, 3]
    assert counts(store) == (3, 15, 2)


def test_documents_are_kept_apart_by_name(store) -> None:
    store.import_claims("one", synthetic_source("a"), synthetic_claims(3))
    result = store.import_claims("two", synthetic_source("a"), synthetic_claims(3))
    assert result.documents[0].status == "new"
    assert [r.label for r in store.revisions()] == ["one@1", "two@1"]


def test_a_failing_file_leaves_the_whole_import_unwritten(store, tmp_path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("measure,value,unit,source\nGDP,1,CNY,a report\n", encoding="utf-8")
    with pytest.raises(InputError):
        store.import_documents([good, tmp_path / "missing.csv"])
    assert counts(store) == (0, 0, 0)


def test_two_files_may_not_claim_one_document_name(store, tmp_path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for d in ("a", "b"):
        (tmp_path / d / "t.csv").write_text("measure,value,unit,source\nGDP,1,CNY,x\n")
    with pytest.raises(StoreError, match="would both be document 't'"):
        store.import_documents([tmp_path / "a" / "t.csv", tmp_path / "b" / "t.csv"])
    assert counts(store) == (0, 0, 0)


def test_import_creates_the_schema_of_a_fresh_database(make_store) -> None:
    store = make_store()
    result = store.import_claims("r", synthetic_source("a"), synthetic_claims(2))
    assert result.documents[0].status == "new"


def test_progress_reports_every_batch(store, monkeypatch) -> None:
    from pestle.store import importer

    monkeypatch.setattr(importer, "BATCH", 10)
    seen: list[tuple[int, int]] = []
    store.import_claims(
        "r", synthetic_source("a"), synthetic_claims(25), progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(10, 25), (20, 25), (25, 25)]


def test_nothing_to_import_is_an_error(store) -> None:
    with pytest.raises(StoreError, match="nothing to import"):
        store.import_documents([])


def test_source_metadata_is_kept(store) -> None:
    source = Source.from_text("x", title="The title", path="/some/where.txt", language="zh")
    store.import_claims("r", source, synthetic_claims(1))
    info = store.revision("r")
    assert (info.title, info.sha256, info.kind) == ("The title", source.sha256, "text")


def test_source_report_edit_of_one_sentence_is_one_change(store, source_report_path, tmp_path):
    report = tmp_path / "source_report.txt"
    text = source_report_path.read_text(encoding="utf-8")
    report.write_text(text, encoding="utf-8")
    first = store.import_documents([report]).documents[0]
    assert (first.document, first.status) == ("source_report", "new")
    assert first.claims == len(store.claims("source_report@1")) > 20

    # Edit one sentence early in the document, changing its length (every later span moves).
    edited = text.replace("proposing 25 measures", "proposing 125 measures")
    assert edited != text
    report.write_text(edited, encoding="utf-8")
    second = store.import_documents([report]).documents[0]
    assert (second.status, second.number) == ("revised", 2)

    diff = store.diff("source_report@1", "source_report@2")
    assert diff.added == () and diff.removed == ()
    (change,) = diff.changed
    assert (change.old.text, change.new.text) == ("25 measures", "125 measures")
    assert (change.old.value, change.new.value) == (25.0, 125.0)
    assert diff.unchanged == first.claims - 1
