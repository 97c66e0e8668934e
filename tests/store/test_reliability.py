"""Reliability, tested with real processes: a writer killed with SIGKILL mid-import leaves
the old revision or the new one, never a mix; concurrent importers both land intact."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from pestle.store import Store
from pestle.store.importer import BATCH
from pestle.store.schema import ClaimRow
from pestle.store.synthetic import synthetic_claims, synthetic_source

WRITER = Path(__file__).with_name("writer.py")
BIG = 2 * BATCH  # two batches of the importer


def writer(url: str, document: str, tag: str, n: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), url, document, tag, str(n), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def expect_line(proc: subprocess.Popen[str], prefix: str) -> str:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith(prefix):
        proc.kill()
        _, err = proc.communicate()
        raise AssertionError(f"writer said {line!r}, not {prefix!r}; stderr: {err}")
    return line


def kill(proc: subprocess.Popen[str]) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()


def total_claims(url: str) -> int:
    store = Store(url)
    try:
        with store.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(ClaimRow)).scalar_one()
    finally:
        store.close()


def test_writer_killed_mid_import_leaves_the_old_revision(store, store_url) -> None:
    store.import_claims("big", synthetic_source("v1"), synthetic_claims(100))
    before = store.revisions()
    proc = writer(store_url, "big", "v2", str(BIG), "--pause", "30")
    expect_line(proc, "ready")
    expect_line(proc, f"wrote {BATCH}/{BIG}")  # inside its transaction, one batch written
    kill(proc)
    assert proc.returncode == -signal.SIGKILL

    fresh = Store(store_url)  # as a new process would see it
    try:
        assert fresh.revisions() == before
        assert fresh.verify() == []
        assert total_claims(store_url) == 100
        # The lock died with the writer: the next import goes through and is complete.
        result = fresh.import_claims("big", synthetic_source("v3"), synthetic_claims(10))
        assert (result.documents[0].number, result.documents[0].claims) == (2, 10)
        assert fresh.verify() == []
    finally:
        fresh.close()


def test_writer_killed_at_any_moment_leaves_old_or_new(store, store_url) -> None:
    store.import_claims("big", synthetic_source("v1"), synthetic_claims(100))
    proc = writer(store_url, "big", "v2", str(BIG))
    expect_line(proc, "ready")
    time.sleep(random.uniform(0.0, 0.4))
    kill(proc)
    revisions = store.revisions("big")
    assert [r.claims for r in revisions] in ([100], [100, BIG])
    assert total_claims(store_url) == sum(r.claims for r in revisions)
    assert store.verify() == []


def test_two_concurrent_importers_both_land_intact(store, store_url, tmp_path) -> None:
    go = tmp_path / "go"
    n = 12_000
    procs = [writer(store_url, "shared", tag, str(n), "--wait-for", str(go)) for tag in "AB"]
    for proc in procs:
        expect_line(proc, "ready")
    go.touch()  # both start writing at once
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.splitlines()[-1].startswith("committed")

    revisions = store.revisions("shared")
    assert [r.number for r in revisions] == [1, 2]
    assert revisions[1].parent == revisions[0].id
    by_sha = {synthetic_source(tag).sha256: tag for tag in "AB"}
    assert {r.sha256 for r in revisions} == set(by_sha)
    for r in revisions:
        assert store.claims(r.id) == synthetic_claims(n, variant=by_sha[r.sha256])
    assert store.verify() == []
