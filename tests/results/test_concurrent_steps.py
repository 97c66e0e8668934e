"""Steps on several threads: each step is computed once whoever asks, steps that do not read
each other run at the same time (`Results.compute` runs the Sobol' indices and the backtest
beside the scenarios), and the results are those of one thread computing them in turn."""

from __future__ import annotations

import dataclasses
import json
import threading

import pytest

import pestle
from pestle.errors import InputError
from pestle.results import Results, Settings, stages

SETTINGS = Settings(samples=2_000, seed=3, draws=100, sobol_samples=64)


@pytest.fixture(scope="module")
def case():
    return pestle.load_case()


def _one_by_one(case) -> Results:
    results = Results(case, SETTINGS, cache=False)
    for name in stages.STEPS:
        results.compute(name)  # in turn, on this thread (one step: none beside it)
    return results


def test_compute_gives_what_one_thread_in_turn_gives(case) -> None:
    together = Results(case, SETTINGS, cache=False).compute()
    assert json.dumps(together.to_dict()) == json.dumps(_one_by_one(case).to_dict())
    assert sorted(together.computed) == sorted(set(together.computed))  # each step once


def test_the_sobol_indices_and_backtest_run_beside_the_scenarios(case, monkeypatch) -> None:
    threads: dict[str, str] = {}
    scenarios_running = threading.Event()
    overlapped: list[bool] = []
    run = Results._run

    def spy(self: Results, step: stages.Step):
        threads[step.name] = threading.current_thread().name
        if step.name == "scenarios":
            scenarios_running.set()
            try:
                return run(self, step)
            finally:
                scenarios_running.clear()
        if step.name == "sensitivity":  # started while the scenarios run, on its own thread
            overlapped.append(scenarios_running.wait(30))
        return run(self, step)

    monkeypatch.setattr(Results, "_run", spy)
    Results(case, SETTINGS, cache=False).compute()
    assert threads["scenarios"] == threading.current_thread().name
    assert threads["sensitivity"] != threads["scenarios"]
    assert threads["backtest"] == threads["sensitivity"]
    assert overlapped == [True]


def test_a_step_asked_for_by_many_threads_is_computed_once(case) -> None:
    results = Results(case, SETTINGS, cache=False)
    start = threading.Barrier(4)
    seen: list[object] = []

    def ask() -> None:
        start.wait(10)
        seen.append(results.sensitivity)

    workers = [threading.Thread(target=ask) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert len(seen) == 4 and all(s is seen[0] for s in seen)
    assert results.computed.count("sensitivity") == 1


def test_an_error_of_a_step_beside_the_scenarios_stops_compute(case, monkeypatch) -> None:
    def broken(results: Results) -> None:
        raise InputError("sobol_samples: broken on purpose", parameter="sobol_samples")

    step = stages.STEPS["sensitivity"]
    monkeypatch.setitem(stages.STEPS, "sensitivity", dataclasses.replace(step, run=broken))
    with pytest.raises(InputError, match="broken on purpose"):
        Results(case, SETTINGS, cache=False).compute()
