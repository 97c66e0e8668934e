"""The PDF's parts handed to its workers a few at a time, the largest first.

A process pool takes its tasks in the order they were submitted. A part whose charts are
converted first (`PdfJob._submit`) was therefore submitted after every smaller part, and
the longest part of a rebuild (the demand section: six charts, a third of the pages laid
out) waited behind all of them: it ended last, 0.1-0.2 s after the others. So the parts
wait here instead, and the pool gets only as many as it has workers: when one ends, the
most urgent waiting part starts (the highest priority, then the first added), and a part
whose charts are being converted keeps a worker for itself from the smaller ones, so that
it starts as soon as they are there.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any


class WorkQueue:
    """At most `slots` tasks running at once; waiting tasks start by priority (higher first),
    then in the order they were added. A task added with `after` (its charts being
    converted) starts once that is done, and meanwhile keeps a slot for itself from any
    task it outranks: when its charts are there, a worker is free for it."""

    def __init__(self, slots: int) -> None:
        if slots < 1:
            raise ValueError(f"slots must be at least 1; got {slots}")
        self.slots = slots
        self._running = 0
        self._waiting: list[_Task] = []
        self._order = itertools.count()
        self._lock = threading.Lock()

    def add(
        self,
        priority: float,
        start: Callable[[], Future[Any]],
        after: Future[Any] | None = None,
    ) -> Future[Any]:
        """A future of the task that `start()` starts (and whose future it returns), once a
        slot is free for it and `after`, if given, is done (whatever its outcome)."""
        task = _Task(-priority, next(self._order), start, Future(), after)
        with self._lock:
            self._waiting.append(task)
            self._waiting.sort()
        if after is not None:
            after.add_done_callback(lambda _: self._next())
        self._next()
        return task.done

    def _next(self) -> None:
        """Start waiting tasks while slots are free. A task that ends at once (no pool: it
        ran here) frees its slot within `start`, and the loop goes on."""
        while True:
            with self._lock:
                task = self._startable()
                if task is None:
                    return
                self._waiting.remove(task)
                self._running += 1
            try:
                started = task.start()
            except Exception as exc:  # it could not even start: its slot is free again
                self._release()
                task.done.set_exception(exc)
                continue
            started.add_done_callback(lambda ended, task=task: self._ended(ended, task.done))

    def _startable(self) -> _Task | None:
        """The most urgent task that may start now (the lock held): one that is ready, with
        a slot free beside those kept by the tasks not ready that outrank it."""
        # most urgent first: the tasks before the first ready one are all waiting for theirs
        for kept, task in enumerate(self._waiting):
            if self._running + kept >= self.slots:
                return None
            if task.after is None or task.after.done():
                return task
        return None

    def _ended(self, ended: Future[Any], done: Future[Any]) -> None:
        self._release()
        if ended.cancelled():  # the pool was shut down: whoever waits hears of it
            done.cancel()
            self._next()
            return
        error = ended.exception()
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(ended.result())
        self._next()

    def _release(self) -> None:
        with self._lock:
            self._running -= 1


@dataclass(order=True)
class _Task:
    rank: float  # minus the priority: the most urgent sorts first
    order: int  # then the first added
    start: Callable[[], Future[Any]] = field(compare=False)
    done: Future[Any] = field(compare=False)
    after: Future[Any] | None = field(compare=False)
