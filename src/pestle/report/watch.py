"""`pestle report --watch`: rebuild the report each time a file of the case is saved.

An analyst edits parameters.yaml or a judgment in an editor; the report in the browser is
rebuilt about a second later. The process stays up between builds, so the second and later
builds pay no imports and the PDF worker processes stay warm, and the results' steps that
read no changed file come from the content cache (`pestle.results`): a rebuild after one parameter
change is the same-process rebuild of `benchmarks/report.py`, not a cold start.

Watched: the case folder (recursively) and the folders of any document or reference file the
case names outside it. Not watched: the output folder and the build's own temporary folders
(a report written inside the case folder must not trigger the next build). A save that
breaks a case file prints its file:line error and the report on disk stays as the last
good build left it (builds are atomic); the next save that fixes it builds again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pestle.case.watch import watch_case
from pestle.errors import PestleError
from pestle.report.build import BuildResult, Progress, build_report
from pestle.results import Settings


@dataclass(frozen=True)
class Rebuild:
    """One build of the watch loop: what changed, and the result or the error."""

    changed: tuple[Path, ...]  # empty for the first build
    result: BuildResult | None
    error: str | None  # the one-line message of a failed build


def watch_report(
    case: str | Path | None,
    out: str | Path,
    *,
    formats: str | Iterable[str] | None = None,
    settings: Settings | None = None,
    on_build: Callable[[Rebuild], None],
    on_change: Callable[[tuple[Path, ...]], None] | None = None,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
    ready: threading.Event | None = None,
    lang: str | None = None,
    pdf_engine: str | None = None,
) -> int:
    """Build now, then again after each change, until `stop` is set (or Ctrl-C, which
    watchfiles raises as KeyboardInterrupt). Returns the number of builds. `on_change` hears
    the files of each change before its build starts; `ready` is set once the watcher is up
    after the first build (tests wait for it before editing)."""
    out = Path(out).resolve()

    def build(changed: tuple[Path, ...]) -> None:
        try:
            result = build_report(
                case=case,
                out=out,
                formats=formats,
                settings=settings,
                progress=progress,
                lang=lang,
                pdf_engine=pdf_engine,
            )
        except PestleError as exc:
            on_build(Rebuild(changed=changed, result=None, error=str(exc)))
        else:
            on_build(Rebuild(changed=changed, result=result, error=None))

    build(())
    builds = 1
    watched = watch_case(
        *([case] if case is not None else []), stop=stop, ready=ready, ignore=[out]
    )
    for changed in watched:
        if on_change is not None:
            on_change(changed)
        build(changed)
        builds += 1
    return builds
