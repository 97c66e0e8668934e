"""Store benchmark: import a synthetic corpus of 100k claims, claims per second.

Compares `Store.import_claims` (one transaction, batched executemany) with a naive
row-by-row insert (ORM `session.add` + `commit` per claim) on the same database and engine
settings, in the same run. The naive insert is measured on a subset and extrapolated to the
corpus (its rate per claim is flat: every row costs one transaction). SQLite always;
PostgreSQL too when PESTLE_TEST_PG_URL is set (in a scratch schema, dropped afterwards).

Goal (issue 3): >= 50,000 claims/s on SQLite and >= 10x the naive insert.
Exit code 1 when the SQLite goal is missed.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from pestle.model import Claim
from pestle.store import Store
from pestle.store.importer import claims_table
from pestle.store.schema import ClaimRow
from pestle.store.synthetic import synthetic_claims, synthetic_source

CORPUS = 100_000
RUNS = 3
NAIVE_SUBSET = {"sqlite": 3_000, "postgresql": 2_000}
GOAL_RATE = 50_000
GOAL_RATIO = 10.0


def bulk_rate(store: Store, claims: list[Claim]) -> list[float]:
    """Claims per second of `import_claims`, one new document per run."""
    rates = []
    for run in range(RUNS):
        source = synthetic_source(f"bench-{uuid.uuid4().hex}")
        started = time.perf_counter()
        result = store.import_claims(f"bench{run}", source, claims)
        seconds = time.perf_counter() - started
        assert result.documents[0].claims == len(claims)
        rates.append(len(claims) / seconds)
    return rates


def naive_rate(store: Store, claims: list[Claim]) -> float:
    """Claims per second of one ORM add + commit per claim, into a revision of its own."""
    result = store.import_claims("naive", synthetic_source(f"naive-{uuid.uuid4().hex}"), [])
    revision_id = result.documents[0].revision
    started = time.perf_counter()
    with Session(store.engine) as session:
        for position, c in enumerate(claims):
            session.add(
                ClaimRow(
                    revision_id=revision_id,
                    position=position,
                    value=c.value,
                    unit=c.unit,
                    qualifier=c.qualifier,
                    period_start=c.period.start if c.period else None,
                    period_end=c.period.end if c.period else None,
                    measure=c.measure,
                    subject=c.subject,
                    text=c.text,
                    span_start=c.start,
                    span_end=c.end,
                    section=c.section,
                )
            )
            session.commit()
    return len(claims) / (time.perf_counter() - started)


def run(backend: str, url: str, claims: list[Claim]) -> tuple[float, float]:
    store = Store(url)
    try:
        store.init()
        rates = bulk_rate(store, claims)
        with store.engine.connect() as conn:
            stored = conn.execute(select(func.count()).select_from(claims_table)).scalar_one()
        problems = store.verify()  # before the naive rows, which bypass the store's counts
        subset = NAIVE_SUBSET[backend]
        naive = naive_rate(store, claims[:subset])
    finally:
        store.close()
    best, median = max(rates), statistics.median(rates)
    print(f"{backend}: bulk import of {len(claims):,} claims, {RUNS} runs")
    print(f"  bulk   best {best:>10,.0f} claims/s   median {median:>10,.0f} claims/s")
    print(
        f"  naive  {naive:>15,.0f} claims/s   (ORM add + commit per row, measured on "
        f"{subset:,} claims and extrapolated: {len(claims) / naive:,.1f} s for {len(claims):,})"
    )
    print(f"  ratio  {median / naive:>15,.1f}x (median bulk / naive)")
    print(f"  stored {stored:,} claims; verify: {problems or 'consistent'}")
    return median, median / naive


def with_scratch_schema(pg_url: str, body: Callable[[str], tuple[float, float]]) -> None:
    schema = f"pestle_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg_url)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(pg_url).update_query_dict({"options": f"-csearch_path={schema}"})
        body(url.render_as_string(hide_password=False))
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def main() -> int:
    started = time.perf_counter()
    claims = synthetic_claims(CORPUS)
    print(
        f"synthetic corpus: {len(claims):,} claims ({time.perf_counter() - started:.1f} s to build)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        rate, ratio = run("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}", claims)
    pg_url = os.environ.get("PESTLE_TEST_PG_URL")
    if pg_url:
        with_scratch_schema(pg_url, lambda url: run("postgresql", url, claims))
    else:
        print("postgresql: skipped (PESTLE_TEST_PG_URL is not set)")
    met = rate >= GOAL_RATE and ratio >= GOAL_RATIO
    print(
        f"goal (SQLite >= {GOAL_RATE:,} claims/s and >= {GOAL_RATIO:.0f}x naive): "
        + ("met" if met else "MISSED")
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
