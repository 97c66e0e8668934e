"""How often Python's cycle collector runs while pestle works.

A command or a build imports a few hundred modules and builds many small objects (pydantic
models, claims, table rows, the report's view model), few of them in cycles: at Python's
default threshold (a collection every 700 net allocations) the collector ran thousands of
times and took 5-6 % of `pestle analyze`, and a rebuild in a notebook or server paid 0.1 s
for a full collection over everything loaded. A collection every 100,000 net allocations
still bounds what cycles can hold in a long run (`serve`, `report --watch`, a notebook).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLD = (100_000, 20, 100)

_lock = threading.Lock()
_depth = 0
_previous: tuple[int, int, int] | None = None


@contextmanager
def seldom() -> Iterator[None]:
    """Collect at `THRESHOLD` within the block; the caller's threshold comes back after
    (nested and concurrent blocks, e.g. two builds of a server's threads, restore it once,
    when the last ends)."""
    global _depth, _previous
    with _lock:
        if _depth == 0:
            _previous = gc.get_threshold()
            gc.set_threshold(*THRESHOLD)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _previous is not None:
                gc.set_threshold(*_previous)
                _previous = None
