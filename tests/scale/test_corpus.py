"""Corpus extraction to Parquet and its import: serial, local processes and Dask give the
same dataset; a worker killed mid-run loses and duplicates nothing; 2,000 varied documents
go end to end and the store verifies."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster

from pestle.corpus import corpus_files, dataset_parts, extract_corpus, read_documents, vary_corpus
from pestle.errors import InputError
from pestle.ingest import extract_file
from pestle.store import Store

HELD_OUT = Path(__file__).resolve().parents[1] / "ingest" / "corpus"


def _sources() -> list[Path]:
    return list(corpus_files(HELD_OUT)[1])


def _tables(folder: Path) -> list:
    return [pq.read_table(p) for p in dataset_parts(folder)]


@pytest.fixture(scope="module")
def varied(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("varied")
    vary_corpus(_sources(), folder, 120, seed=7)
    return folder


def test_the_dataset_holds_every_claim_of_every_document(tmp_path: Path) -> None:
    result = extract_corpus(HELD_OUT, tmp_path / "claims", part_documents=4)
    files = _sources()
    assert result.documents == len(files) and not result.failed
    expected = {p.stem: extract_file(p) for p in files}
    documents = {d["name"]: d for d in read_documents(tmp_path / "claims")}
    assert set(documents) == set(expected)
    rows = [r for t in _tables(tmp_path / "claims") for r in t.to_pylist()]
    assert len(rows) == result.claims == sum(len(e.claims) for e in expected.values())
    for name, extraction in expected.items():
        assert documents[name]["sha256"] == extraction.source.sha256
        mine = [r for r in rows if r["document"] == name]
        assert [(r["value"], r["unit"], r["start"]) for r in mine] == [
            (c.value, c.unit, c.start) for c in extraction.claims
        ]


def test_processes_and_dask_write_the_serial_dataset(varied: Path, tmp_path: Path) -> None:
    from pestle.executors import open_executor

    extract_corpus(varied, tmp_path / "serial", part_documents=16)
    with open_executor(workers=2) as pool:
        extract_corpus(varied, tmp_path / "pool", executor=pool, part_documents=16)
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        extract_corpus(varied, tmp_path / "dask", executor=client.get_executor(), part_documents=16)
    serial = _tables(tmp_path / "serial")
    for other in ("pool", "dask"):
        tables = _tables(tmp_path / other)
        assert len(tables) == len(serial)
        assert all(a.equals(b) for a, b in zip(serial, tables, strict=True))


def test_a_worker_killed_mid_extraction_loses_and_duplicates_nothing(
    varied: Path, tmp_path: Path
) -> None:
    serial = extract_corpus(varied, tmp_path / "serial", part_documents=8)
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        pid = next(iter(cluster.workers.values())).process.process.pid
        killed: list[int] = []

        def kill(done: int, total: int) -> None:
            if not killed:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        survived = extract_corpus(
            varied,
            tmp_path / "dask",
            executor=client.get_executor(),
            part_documents=8,
            progress=kill,
        )
    assert killed and survived.claims == serial.claims and survived.parts == serial.parts
    assert not list((tmp_path / "dask").glob(".*.tmp"))  # no half-written part left
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    store.init()
    imported = store.import_parquet(tmp_path / "dask")
    assert imported.count("new") == 120 and imported.claims_written == serial.claims
    again = store.import_parquet(tmp_path / "dask")  # idempotent
    assert again.count("unchanged") == 120 and again.written == 0
    assert len(store.revisions()) == 120 and store.verify() == []


def test_two_thousand_varied_documents_end_to_end(tmp_path: Path) -> None:
    from pestle.executors import open_executor

    vary_corpus(_sources(), tmp_path / "docs", 2_000, seed=11)
    with open_executor(workers=2) as pool:
        result = extract_corpus(tmp_path / "docs", tmp_path / "claims", executor=pool)
    assert result.documents == 2_000 and not result.failed and result.claims > 20_000
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    store.init()
    imported = store.import_parquet(tmp_path / "claims")
    assert imported.count("new") == 2_000 and imported.claims_written == result.claims
    assert store.verify() == []


@pytest.mark.postgres
def test_the_dataset_imports_into_postgresql(tmp_path: Path) -> None:
    url = os.environ.get("PESTLE_TEST_PG_URL")
    if not url:
        pytest.skip("PESTLE_TEST_PG_URL is not set")
    result = extract_corpus(HELD_OUT, tmp_path / "claims")
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:  # a clean schema of its own for this test
        conn.execute(text("DROP SCHEMA IF EXISTS corpus_test CASCADE"))
        conn.execute(text("CREATE SCHEMA corpus_test"))
    engine.dispose()
    store = Store(url + ("&" if "?" in url else "?") + "options=-csearch_path%3Dcorpus_test")
    store.init()
    first = store.import_parquet(tmp_path / "claims")
    assert first.claims_written == result.claims
    assert store.import_parquet(tmp_path / "claims").written == 0
    assert store.verify() == []


def test_bad_inputs_are_one_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder or a glob"):
        extract_corpus(tmp_path / "missing", tmp_path / "out")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no text documents"):
        extract_corpus(tmp_path / "empty", tmp_path / "out")
    (tmp_path / "x.parquet").write_bytes(b"not parquet")
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    store.init()
    with pytest.raises(InputError, match="not a Parquet file"):
        store.import_parquet(tmp_path / "x.parquet")


def test_an_unreadable_document_is_listed_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Exports reached 35 billion yuan in 2024.", "utf-8")
    (tmp_path / "docs" / "b.txt").write_text("   ", encoding="utf-8")  # empty: refused
    result = extract_corpus(tmp_path / "docs", tmp_path / "claims", part_documents=1)
    assert [name for name, _ in result.failed] == ["b"] and "empty" in result.failed[0][1]
    assert result.failed == tuple(
        (d["name"], d["error"]) for d in read_documents(tmp_path / "claims") if "error" in d
    )


def test_temporaries_of_a_killed_writer_are_removed(tmp_path) -> None:
    """A part's temporary file left by a worker killed while writing (as a SIGKILL leaves
    it) is gone once the extraction has written every part."""
    from pestle.corpus import extract_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Wind capacity reached 10 GW in 2024.", encoding="utf-8")
    out = tmp_path / "out"

    def killed_writer(done: int, total: int) -> None:  # a dead worker's file, mid-run
        (out / ".part-00000.parquet.99999.tmp").write_bytes(b"half a part")

    result = extract_corpus(corpus, out, progress=killed_writer)
    assert result.parts == 1 and (out / "part-00000.parquet").is_file()
    assert not list(out.glob(".*.tmp"))
