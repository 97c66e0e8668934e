"""The PDF's parts handed to its workers a few at a time, the largest first.

A process pool takes its tasks in the order they were submitted. A part whose charts are
converted first (`PdfJob._submit`) was therefore submitted after every smaller part, and
the longest part of a rebuild (the demand section: six charts, a third of the pages laid
out) waited behind all of them: it ended last, 0.1-0.2 s after the others. So the parts
wait here instead, and the pool gets only as many as it has workers: when one ends, the
most urgent waiting part starts (the highest priority, then the first added), and a part
that became ready late still starts before the smaller ones.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any


class WorkQueue:
    """At most `slots` tasks running at once; waiting tasks start by priority (higher first),
    then in the order they were added."""

    def __init__(self, slots: int) -> None:
        if slots < 1:
            raise ValueError(f"slots must be at least 1; got {slots}")
        self.slots = slots
        self._running = 0
        self._waiting: list[tuple[float, int, Callable[[], Future], Future]] = []
        self._order = itertools.count()
        self._lock = threading.Lock()

    def add(self, priority: float, start: Callable[[], Future[Any]]) -> Future[Any]:
        """A future of the task that `start()` starts (and whose future it returns), once a
        slot is free for it."""
        done: Future[Any] = Future()
        with self._lock:
            heapq.heappush(self._waiting, (-priority, next(self._order), start, done))
        self._next()
        return done

    def _next(self) -> None:
        """Start waiting tasks while slots are free. A task that ends at once (no pool: it
        ran here) frees its slot within `start`, and the loop goes on."""
        while True:
            with self._lock:
                if self._running >= self.slots or not self._waiting:
                    return
                _, _, start, done = heapq.heappop(self._waiting)
                self._running += 1
            try:
                started = start()
            except Exception as exc:  # it could not even start: its slot is free again
                self._release()
                done.set_exception(exc)
                continue
            started.add_done_callback(lambda ended, done=done: self._ended(ended, done))

    def _ended(self, ended: Future[Any], done: Future[Any]) -> None:
        self._release()
        error = ended.exception()
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(ended.result())
        self._next()

    def _release(self) -> None:
        with self._lock:
            self._running -= 1
