"""A function run beside this process: in a forked child, its value sent back pickled.

The orchestrator uses it for the steps that need nothing the other steps compute
(`stages.ASIDE`): a command line that computes every step runs them in a child while this
process computes the rest, so a machine's second core does work that would otherwise wait
its turn (the Sobol' indices import scipy.stats and SALib, half a second on the 2-core
reference machine, before a few tenths of a second of evaluations).

Forking is safe only from a process with one thread (another thread may hold a lock the
child would wait on for ever), and only on Linux (macOS's system libraries, which numpy may
use, are not fork-safe): elsewhere `start` returns None. A child that fails in any way,
or is killed, gives no value (`Aside.result` returns None): the caller then computes the
same thing itself, so nothing depends on where it ran.
"""

from __future__ import annotations

import importlib
import signal
import sys
import threading
import weakref
from collections.abc import Callable, Iterable
from typing import Any


def can_fork() -> bool:
    """Whether a child can be forked safely here and now."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


class Aside:
    """A forked child computing one value."""

    def __init__(self, work: Callable[[], Any]) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._reader, writer = context.Pipe(duplex=False)
        # daemonic: a parent that ends early (an error, Ctrl-C) does not wait for it
        self._process = context.Process(
            target=_child, args=(work, writer), name="pestle-aside", daemon=True
        )
        self._process.start()  # flushes stdout and stderr first: nothing is written twice
        writer.close()  # the child holds the only writer: its end is the reader's EOF
        # a result never asked for: the child is not left blocked on a full pipe
        self._finalizer = weakref.finalize(self, _stop, self._process, self._reader)

    def result(self) -> Any | None:
        """The child's value, once it has sent it; None if it failed or died."""
        try:
            found, value = self._reader.recv()
        except Exception:  # it died (EOFError), or sent what cannot be read here
            found, value = False, None
        else:
            self._process.join()  # it has sent its value: it is ending
        self._finalizer()
        return value if found else None


def start(work: Callable[[], Any], *, imports: Iterable[str] = ()) -> Aside | None:
    """`work()` computing in a forked child, or None when forking is not safe here.

    `imports`: modules that both this process and the work need, imported here first, so
    that the child inherits them instead of importing them again."""
    if not can_fork():
        return None
    for module in imports:
        importlib.import_module(module)
    return Aside(work)


def _child(work: Callable[[], Any], writer: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to answer
    try:
        message: tuple[bool, Any] = (True, work())
    except BaseException:  # the parent computes it again and meets the same error itself
        message = (False, None)
    try:
        writer.send(message)
    except Exception:  # a value that does not pickle: the parent computes it
        writer.send((False, None))
    writer.close()


def _stop(process: Any, reader: Any) -> None:
    reader.close()
    if process.is_alive():
        process.terminate()
    process.join()
