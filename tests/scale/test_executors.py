"""The executor seam: the same numbers serially, on local processes and on a Dask cluster of
two worker processes, and a sweep that survives a worker killed in the middle of it."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pytest
from distributed import Client, LocalCluster

from pestle.analysis.demand import demand_sensitivity, load_demand_inputs, simulate
from pestle.analysis.demand.sweep import sweep
from pestle.errors import InputError
from pestle.executors import open_executor

GRID = {"blade_mass_t_per_mw": [10.0, 12.0, 14.0], "projection_wind_share": [0.25, 0.45]}


@pytest.fixture(scope="module")
def inputs():  # type: ignore[no-untyped-def]
    return load_demand_inputs()


@pytest.fixture(scope="module")
def headline(inputs):  # type: ignore[no-untyped-def]
    return inputs.parameters.apply(inputs.scenarios[0])


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def _sweep(inputs, executor=None, progress=None):  # type: ignore[no-untyped-def]
    """The test grid on the headline scenario, seeds 1 and 2, on `executor` (None: serial)."""
    return sweep(
        inputs.build_out,
        inputs.parameters,
        inputs.scenarios,
        GRID,
        names=[inputs.scenarios[0].name],
        seeds=(1, 2),
        samples=2_000,
        executor=executor,
        progress=progress,
    )


def test_monte_carlo_on_dask_is_the_serial_result(inputs, headline, client) -> None:  # type: ignore[no-untyped-def]
    serial = simulate(inputs.build_out, headline, samples=150_000, seed=4)
    on_dask = simulate(
        inputs.build_out, headline, samples=150_000, seed=4, executor=client.get_executor()
    )
    assert np.array_equal(serial.stats, on_dask.stats)


def test_sobol_on_dask_is_the_serial_result(inputs, headline, client) -> None:  # type: ignore[no-untyped-def]
    serial = demand_sensitivity(inputs.build_out, headline, base_samples=512, seed=2)
    on_dask = demand_sensitivity(
        inputs.build_out, headline, base_samples=512, seed=2, executor=client.get_executor()
    )
    assert np.array_equal(serial.ST, on_dask.ST) and np.array_equal(serial.S1, on_dask.S1)


def test_sweep_on_dask_and_on_processes_is_the_serial_table(inputs, client) -> None:  # type: ignore[no-untyped-def]
    serial = _sweep(inputs).frame
    on_dask = _sweep(inputs, client.get_executor()).frame
    pd.testing.assert_frame_equal(serial, on_dask)
    with open_executor(workers=2) as pool:
        on_processes = _sweep(inputs, pool).frame
    pd.testing.assert_frame_equal(serial, on_processes)


def test_a_worker_killed_mid_sweep_loses_and_duplicates_nothing(inputs) -> None:  # type: ignore[no-untyped-def]
    serial = _sweep(inputs).frame
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as c,
    ):
        pids = [nanny.process.process.pid for nanny in cluster.workers.values()]
        killed: list[int] = []

        def kill_one(done: int, total: int) -> None:
            if done == 1 and not killed:  # one point back: the others are queued or running
                os.kill(pids[0], signal.SIGKILL)
                killed.append(pids[0])

        survived = _sweep(inputs, c.get_executor(), kill_one).frame
    assert killed, "the worker was not killed"
    assert survived["point"].nunique() == serial["point"].nunique() == 12
    pd.testing.assert_frame_equal(serial, survived)


def test_workers_out_of_range_are_refused() -> None:
    with (
        pytest.raises(InputError, match="workers must be between") as info,
        open_executor(workers=0),
    ):
        pass
    assert info.value.parameter == "workers"


def test_an_unreachable_scheduler_is_one_error() -> None:
    with (
        pytest.raises(InputError, match="cannot connect") as info,
        open_executor("tcp://127.0.0.1:9"),
    ):
        pass
    assert info.value.parameter == "scheduler"
