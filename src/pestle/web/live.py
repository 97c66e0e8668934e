"""`pestle serve --watch`: the served case reloads when one of its files is saved.

A watcher thread (`pestle.case.watch`) hears each save; the case is loaded again and, if it
loads, its `CaseState` replaces the old one in one assignment, so a request sees either the
old case or the new one, never a mix, and every cached result (checks, analysis, demand
runs, built reports) starts afresh. A save that breaks a case file keeps the last good case
served and records the file:line error. Open pages ask `GET /api/cases/{case}/live` every
few seconds: a new revision reloads the read-only pages and offers a reload on the pages
with inputs; an error shows as a banner.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pestle.errors import PestleError

if TYPE_CHECKING:
    from pestle.web.state import AppState


# what a reloaded case computes before it is served (CaseState properties)
@dataclass(frozen=True)
class LiveStatus:
    """Where a served case stands: its revision (0 as started, +1 per reload), whether it
    is watched, the last reload's error (None if the case loaded) and changed files."""

    revision: int = 0
    watching: bool = False
    error: str | None = None
    changed: tuple[str, ...] = ()
    loaded_at: float = 0.0  # seconds since the epoch

    def to_dict(self, case: str) -> dict[str, object]:
        return {
            "case": case,
            "revision": self.revision,
            "watching": self.watching,
            "error": self.error,
            "changed": list(self.changed),
            "loaded_at": self.loaded_at,
        }


def reload_case(state: AppState, case_id: str, changed: tuple[Path, ...] = ()) -> LiveStatus:
    """Load the served case `case_id` again from its folder; swap it in if it loads."""
    import pestle
    from pestle.web.state import CaseState

    old = state.cases[case_id]
    status = state.status(case_id)
    names = tuple(p.name for p in changed)
    try:
        case = pestle.load_case(old.case.folder)
        if case.id != case_id:
            raise PestleError(
                f"{old.case.folder / 'case.yaml'}: the case id changed from {case_id!r} to "
                f"{case.id!r}; restart pestle serve to serve it under the new id"
            )
        fresh = CaseState(case, old.results.settings)
        # Every file of the case is read (and its results made) before the swap: an error
        # in parameters.yaml or judgments.yaml is reported now, not at the next request,
        # and the pages that reload find their results ready.
        fresh.results.prepare()
    except PestleError as exc:
        status = replace(status, error=str(exc), changed=names)
    except Exception as exc:  # a pestle bug, not the edit: the last good case stays served
        error = f"{type(exc).__name__}: {exc} (a bug in pestle; please report it)"
        status = replace(status, error=error, changed=names)
    else:
        state.cases[case_id] = fresh  # one assignment: requests see the old or the new
        state.forget_reports(case_id)
        status = replace(
            status, revision=status.revision + 1, error=None, changed=names, loaded_at=time.time()
        )
    state.live[case_id] = status
    return status


class CaseWatcher:
    """A thread that reloads one served case on each save of its files."""

    def __init__(self, state: AppState, case_id: str) -> None:
        self.state = state
        self.case_id = case_id
        self.folder = state.cases[case_id].case.folder
        self.stop_event = threading.Event()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"pestle-watch-{case_id}")
        self.thread.daemon = True

    def start(self) -> CaseWatcher:
        status = self.state.status(self.case_id)
        self.state.live[self.case_id] = replace(status, watching=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stop_event.set()
        if self.thread.is_alive():
            self.thread.join(timeout=5)

    def _run(self) -> None:
        from pestle.case.watch import watch_case

        ignore = [self.state.report_dir] if self.state.report_dir is not None else []
        try:
            for changed in watch_case(
                self.folder, stop=self.stop_event, ready=self.ready, ignore=ignore
            ):
                reload_case(self.state, self.case_id, changed)
        except Exception as exc:  # the server goes on serving the last case; the pages say why
            status = self.state.status(self.case_id)
            message = str(exc) if isinstance(exc, PestleError) else f"watching failed: {exc!r}"
            self.state.live[self.case_id] = replace(status, watching=False, error=message)
