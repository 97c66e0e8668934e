"""Scale-out benchmark (issue: corpus extraction and sweeps on Dask): throughput of corpus
extraction (documents/s) and of a parameter sweep (points/s) serially, on 1 and 2 local
worker processes, and on a Dask LocalCluster of 2 workers, measured in one run.

The corpus is `vary_corpus` of the held-out texts (tests/ingest/corpus): real texts with
their digits redrawn. The sweep is the embedded case's headline scenario over a grid of
blade mass x projected wind share, 20,000 samples a point. On a 2-core machine two workers
can at best double the serial rate; the ratio shows what the executor costs. The per-worker
rates are the basis of the projections in docs/scale.md.

Run: .venv/bin/python benchmarks/scale.py  (exit 1 only if a parallel run's result differs
from the serial one; rates are reported, not judged).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq
from distributed import Client, LocalCluster

from pestle.analysis.demand import load_demand_inputs
from pestle.analysis.demand.sweep import sweep
from pestle.corpus import corpus_files, dataset_parts, extract_corpus, vary_corpus
from pestle.executors import open_executor

HELD_OUT = Path(__file__).resolve().parents[1] / "tests" / "ingest" / "corpus"
DOCUMENTS = 2_000
GRID = {
    "blade_mass_t_per_mw": [10.0, 11.0, 12.0, 13.0, 14.0],
    "projection_wind_share": [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55],
}
SAMPLES = 50_000


def _warm(_: int) -> int:
    """Import what the tasks need and pause, so every worker is up before the clock runs
    (start-up is paid once per worker, not per document or point)."""
    import pestle.analysis.demand
    import pestle.ingest  # noqa: F401

    time.sleep(0.3)
    return os.getpid()


def warmed(executor, workers: int):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    pids = set(executor.map(_warm, range(4 * workers)))
    print(f"    ({len(pids)} worker(s) up in {time.perf_counter() - t0:.1f} s, not timed)")
    return executor


def _same(a: Path, b: Path) -> bool:
    left, right = dataset_parts(a), dataset_parts(b)
    return len(left) == len(right) and all(
        pq.read_table(x).equals(pq.read_table(y)) for x, y in zip(left, right, strict=True)
    )


def main() -> int:
    print(f"scale benchmark: {os.cpu_count()} CPUs")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        vary_corpus(list(corpus_files(HELD_OUT)[1]), docs, DOCUMENTS, seed=3)
        size = sum(p.stat().st_size for p in docs.rglob("*.txt"))
        print(f"corpus: {DOCUMENTS:,} documents, {size / 1e6:.1f} MB (held-out texts, varied)")
        rates: dict[str, float] = {}

        def corpus_run(label: str, executor) -> None:  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            result = extract_corpus(docs, Path(tmp) / label, executor=executor)
            rates[label] = DOCUMENTS / (time.perf_counter() - t0)
            print(f"  {label:<16} {rates[label]:8.1f} documents/s  ({result.claims:,} claims)")

        corpus_run("serial", None)
        for workers in (1, 2):
            with open_executor(workers=workers) as pool:
                if pool is None:  # one worker: a pool of one process, to see its overhead
                    from concurrent.futures import ProcessPoolExecutor

                    with ProcessPoolExecutor(1) as single:
                        corpus_run("1 process", warmed(single, 1))
                else:
                    corpus_run(f"{workers} processes", warmed(pool, workers))
        with (
            LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster,
            Client(cluster) as client,
        ):
            corpus_run("dask 2 workers", warmed(client.get_executor(), 2))
        for label in rates:
            if label != "serial" and not _same(Path(tmp) / "serial", Path(tmp) / label):
                print(f"  {label}: dataset differs from the serial one")
                ok = False
        print(
            f"  ratio 2 processes / serial: {rates['2 processes'] / rates['serial']:.2f}x; "
            f"dask 2 workers / serial: {rates['dask 2 workers'] / rates['serial']:.2f}x"
        )

    inputs = load_demand_inputs()
    points = len(GRID["blade_mass_t_per_mw"]) * len(GRID["projection_wind_share"])
    print(f"sweep: {points} points x {SAMPLES:,} samples, headline scenario")
    frames = {}
    sweep_rates: dict[str, float] = {}

    def sweep_run(label: str, executor) -> None:  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        frames[label] = sweep(
            inputs.build_out,
            inputs.parameters,
            inputs.scenarios,
            GRID,
            names=[inputs.scenarios[0].name],
            samples=SAMPLES,
            executor=executor,
        ).frame
        sweep_rates[label] = points / (time.perf_counter() - t0)
        print(f"  {label:<16} {sweep_rates[label]:8.2f} points/s")

    sweep_run("serial", None)
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1) as single:
        sweep_run("1 process", warmed(single, 1))
    with open_executor(workers=2) as pool:
        sweep_run("2 processes", warmed(pool, 2))
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        sweep_run("dask 2 workers", warmed(client.get_executor(), 2))
    for label, frame in frames.items():
        if not frame.equals(frames["serial"]):
            print(f"  {label}: sweep table differs from the serial one")
            ok = False
    print(
        f"  ratio 2 processes / serial: {sweep_rates['2 processes'] / sweep_rates['serial']:.2f}x;"
        f" dask 2 workers / serial: {sweep_rates['dask 2 workers'] / sweep_rates['serial']:.2f}x"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
