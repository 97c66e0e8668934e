"""The queue that hands the PDF's parts to its workers: never more at once than there are
workers, the most urgent waiting part first, errors passed on."""

from __future__ import annotations

from concurrent.futures import Future

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pestle.report.pdf_queue import WorkQueue


class Tasks:
    """Tasks whose ends the test decides: `start(name)` starts one and records it."""

    def __init__(self) -> None:
        self.running: dict[str, Future] = {}
        self.started: list[str] = []

    def start(self, name: str):
        def begin() -> Future:
            future: Future = Future()
            self.running[name] = future
            self.started.append(name)
            return future

        return begin

    def end(self, name: str, value: object = None, error: Exception | None = None) -> None:
        future = self.running.pop(name)
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value)


def test_a_part_ready_late_starts_before_the_smaller_ones_waiting() -> None:
    tasks = Tasks()
    queue = WorkQueue(2)
    queue.add(5, tasks.start("factors"))
    queue.add(4, tasks.start("notes"))
    for name in ("cover", "summary", "reproduce"):
        queue.add(1, tasks.start(name))
    assert tasks.started == ["factors", "notes"]  # as many as there are workers
    demand = queue.add(9, tasks.start("demand"))  # its charts are converted now
    tasks.end("factors", "pdf")
    assert tasks.started[-1] == "demand" and len(tasks.running) == 2
    tasks.end("demand", "demand pdf")
    assert demand.result(timeout=0) == "demand pdf"
    tasks.end("notes")
    assert tasks.started[-2:] == ["cover", "summary"]  # same priority: in the order added


def test_a_part_whose_charts_are_converted_keeps_a_worker_for_itself() -> None:
    tasks = Tasks()
    queue = WorkQueue(2)
    charts: Future = Future()
    demand = queue.add(9, tasks.start("demand"), after=charts)
    for name, size in (("factors", 5), ("notes", 4), ("cover", 1)):
        queue.add(size, tasks.start(name))
    assert tasks.started == ["factors"]  # the other worker is kept for the demand part
    charts.set_result(None)  # its charts are converted: it starts at once
    assert tasks.started == ["factors", "demand"] and not demand.done()
    tasks.end("factors")
    assert tasks.started[-1] == "notes"
    # a task that waits for something and outranks nothing keeps no worker
    later: Future = Future()
    queue.add(0, tasks.start("last"), after=later)
    tasks.end("demand")
    assert tasks.started[-1] == "cover"
    tasks.end("notes")
    tasks.end("cover")
    assert tasks.started[-1] == "cover" and not tasks.running  # "last" waits for `later`
    later.set_exception(RuntimeError("its conversion failed"))  # it starts all the same
    assert tasks.started[-1] == "last"


def test_errors_reach_the_caller_and_free_the_slot() -> None:
    tasks = Tasks()
    queue = WorkQueue(1)
    first = queue.add(1, tasks.start("first"))
    second = queue.add(1, tasks.start("second"))
    tasks.end("first", error=RuntimeError("worker broke"))
    with pytest.raises(RuntimeError, match="worker broke"):
        first.result(timeout=0)
    assert tasks.started == ["first", "second"]

    def refuse() -> Future:
        raise OSError("no pool")

    third = queue.add(2, refuse)
    fourth = queue.add(1, tasks.start("fourth"))
    tasks.end("second", "ok")
    assert second.result(timeout=0) == "ok"
    with pytest.raises(OSError, match="no pool"):
        third.result(timeout=0)
    assert tasks.started[-1] == "fourth" and not fourth.done()


def test_work_done_at_once_runs_everything_in_turn() -> None:
    """Without worker processes a part is laid out as it is started (its future is done when
    `start` returns): every task runs, each freeing its slot for the next."""
    order: list[int] = []

    def now(k: int):
        def begin() -> Future:
            order.append(k)
            done: Future = Future()
            done.set_result(k)
            return done

        return begin

    queue = WorkQueue(1)
    results = [queue.add(k % 3, now(k)) for k in range(6)]
    assert order == list(range(6)) and [f.result(timeout=0) for f in results] == order


def test_slots_must_be_positive() -> None:
    with pytest.raises(ValueError, match="slots must be at least 1"):
        WorkQueue(0)


@given(
    slots=st.integers(1, 4),
    priorities=st.lists(st.integers(0, 5), min_size=1, max_size=12),
    ends=st.randoms(use_true_random=False),
)
def test_never_more_than_the_slots_and_always_the_most_urgent(slots, priorities, ends) -> None:
    tasks = Tasks()
    queue = WorkQueue(slots)
    waiting: dict[str, tuple[int, int]] = {}  # name -> (priority, order added)
    futures = []
    for k, priority in enumerate(priorities):
        name = f"t{k}"
        waiting[name] = (priority, k)
        before = len(tasks.started)
        futures.append(queue.add(priority, tasks.start(name)))
        for started in tasks.started[before:]:
            waiting.pop(started)
        assert len(tasks.running) <= slots
    while tasks.running:
        before = len(tasks.started)
        tasks.end(ends.choice(sorted(tasks.running)))
        for started in tasks.started[before:]:
            urgent = min(waiting.values(), key=lambda w: (-w[0], w[1]))
            assert waiting.pop(started) == urgent
        assert len(tasks.running) <= slots
    assert not waiting and all(f.done() for f in futures)


def test_a_task_cancelled_by_a_pool_shut_down_is_cancelled_for_its_caller() -> None:
    tasks = Tasks()
    queue = WorkQueue(1)
    first = queue.add(1, tasks.start("first"))
    second = queue.add(1, tasks.start("second"))
    tasks.running.pop("first").cancel()  # the pool shut down with cancel_futures=True
    assert first.cancelled()  # `result()` raises CancelledError: no caller waits forever
    assert tasks.started == ["first", "second"] and not second.done()
