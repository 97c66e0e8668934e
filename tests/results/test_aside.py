"""`Results(processes=2)`: the ASIDE steps (the Sobol' indices, the backtest) computed in a
forked child beside the others, with the same values as in one process; a child that fails,
dies or cannot be forked leaves its steps to this process."""

from __future__ import annotations

import dataclasses
import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import pestle
from pestle.errors import PestleError
from pestle.results import Results, Settings, aside, stages

SETTINGS = Settings(samples=2_000, seed=3, draws=100, sobol_samples=64)


@pytest.fixture(scope="module")
def case():
    return pestle.load_case()


@pytest.fixture(scope="module")
def alone(case) -> dict[str, Any]:
    """The results computed in one process."""
    return Results(case, SETTINGS, cache=False).to_dict()


def _forkable() -> None:
    if not aside.can_fork():  # another test left a thread running (or not Linux)
        pytest.skip("forking is not safe in this process now")


def _where(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
    then: Callable[[], None] = lambda: None,
) -> Path:
    """Step `name` writes the id of the process computing it into the file returned (and
    calls `then` there, when that is not this process)."""
    step = stages.STEPS[name]
    parent = os.getpid()
    marks = tmp_path / f"{name}.pids"

    def run(r: Results) -> Any:
        with marks.open("a") as fh:
            fh.write(f"{os.getpid()}\n")
        if os.getpid() != parent:
            then()
        return step.run(r)

    monkeypatch.setitem(stages.STEPS, name, dataclasses.replace(step, run=run))
    return marks


def _pids(marks: Path) -> list[int]:
    return [int(line) for line in marks.read_text().split()]


def test_the_aside_steps_compute_in_a_child_with_the_same_values(
    case, alone, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _forkable()
    marks = {n: _where(monkeypatch, tmp_path, n) for n in stages.ASIDE}
    events: list[tuple[str, int, int]] = []
    both = Results(case, SETTINGS, cache=False, processes=2, progress=lambda *e: events.append(e))
    assert both.to_dict() == alone
    for name in stages.ASIDE:
        (pid,) = _pids(marks[name])  # computed once, in another process
        assert pid != os.getpid()
        assert name in both.computed
        # the parent's display stands for the child: one start, one end
        assert events.count((name, 0, 1)) == 1 and events.count((name, 1, 1)) == 1
        assert events.index((name, 0, 1)) < events.index((name, 1, 1))


def test_one_process_computes_everything_here(
    case, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    marks = _where(monkeypatch, tmp_path, "sensitivity")
    Results(case, SETTINGS, cache=False).compute()
    assert _pids(marks) == [os.getpid()]


@pytest.mark.parametrize(
    "failure",
    [
        pytest.param(lambda: _raise(RuntimeError("a bug in the child")), id="raises"),
        pytest.param(lambda: os.kill(os.getpid(), signal.SIGKILL), id="killed"),
    ],
)
def test_a_child_that_fails_leaves_its_steps_to_this_process(
    case,
    alone,
    failure: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    _forkable()
    marks = _where(monkeypatch, tmp_path, "sensitivity", then=failure)
    both = Results(case, SETTINGS, cache=False, processes=2)
    assert both.to_dict() == alone
    child, here = _pids(marks)
    assert child != os.getpid() and here == os.getpid()
    assert both.computed.count("sensitivity") == 1


def _raise(error: Exception) -> None:
    raise error


def test_no_child_is_forked_while_another_thread_runs(
    case, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    marks = _where(monkeypatch, tmp_path, "sensitivity")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not aside.can_fork()
        Results(case, SETTINGS, cache=False, processes=2).compute()
    finally:
        stop.set()
        other.join()
    assert _pids(marks) == [os.getpid()]


def test_a_user_error_is_raised_here_as_in_one_process(case) -> None:
    _forkable()
    for settings, parameter in (
        (SETTINGS.replace(scenario="nope"), "scenario"),
        (SETTINGS.replace(overrides={"wind_share": 7.0}), "overrides"),
    ):
        with pytest.raises(PestleError) as one:
            Results(case, settings, cache=False).compute()
        with pytest.raises(PestleError) as two:
            Results(case, settings, cache=False, processes=2).compute()
        assert type(two.value) is type(one.value) and str(two.value) == str(one.value)
        assert two.value.parameter == one.value.parameter == parameter


def test_what_the_child_computed_is_on_disk_for_the_next_run(
    case, alone, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _forkable()
    monkeypatch.setenv("PESTLE_CACHE", str(tmp_path / "cache"))
    first = Results(case, SETTINGS, processes=2)
    assert first.to_dict() == alone
    again = Results(case, SETTINGS, processes=2)
    again.compute()
    assert not set(stages.ASIDE) & set(again.computed)  # read back, not computed again
    assert again.sensitivity.to_dict() == first.sensitivity.to_dict()
