"""Where parallel work runs: this process, local processes, or a Dask cluster.

The library's long jobs (the demand model's chunks, scenario comparisons, Sobol'
evaluations, parameter sweeps, corpus extraction) take any `concurrent.futures.Executor`;
this module opens one from a user's choice:

- `workers=1` and no scheduler: None (the caller works serially in this process);
- no scheduler: a pool of `workers` local processes (default: one per CPU) — no cluster to
  start, nothing to install;
- `scheduler="local"`: a Dask `LocalCluster` of `workers` processes on this machine (its
  nanny restarts a worker that dies, and the lost tasks run again elsewhere);
- `scheduler="tcp://HOST:8786"` (or any address `distributed.Client` takes): an existing
  Dask cluster (see docs/scale.md).

Results never depend on the choice: every task carries its own seed stream.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

from pestle.errors import InputError

MAX_WORKERS = 1_024


@contextmanager
def open_executor(
    scheduler: str | None = None, workers: int | None = None
) -> Iterator[Executor | None]:
    """An executor for the choice (see the module text), closed when the block ends."""
    if workers is not None and not 1 <= workers <= MAX_WORKERS:
        raise InputError(
            f"workers must be between 1 and {MAX_WORKERS}; got {workers}", parameter="workers"
        )
    if scheduler is None:
        count = workers or os.cpu_count() or 1
        if count == 1:
            yield None
            return
        # forkserver: no copy of this process's threads (a forked thread pool can hang)
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
            yield pool
        return
    from distributed import Client, LocalCluster

    if scheduler == "local":
        count = workers or os.cpu_count() or 1
        with (
            LocalCluster(
                n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client.get_executor()
        return
    try:
        client = Client(scheduler, timeout=10)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(
            f"scheduler {scheduler!r}: cannot connect ({exc})", parameter="scheduler"
        ) from None
    with client:
        yield client.get_executor()
