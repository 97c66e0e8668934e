"""The one way a command gets a case's results: load the case, build `Results` from
`Settings`, show the long steps' progress on stderr (when it is a terminal)."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from pestle.cli import err_console
from pestle.results import Results, Settings


def build(
    case: str | Path | None,
    *,
    overrides: Mapping[str, Any] | None = None,
    **settings: Any,
) -> Results:
    """The results of `case` (default: the embedded case) under the settings given (None:
    the default), not yet computed: each field is computed when first read."""
    import pestle

    chosen = Settings.of(**settings, overrides=dict(overrides) if overrides else None)
    loaded = pestle.load_case(case) if case is not None else pestle.load_case()
    return Results(loaded, chosen, progress=_bar_progress())


# what the terminal says while a step of the results computes (the step's name otherwise)
STEP_WORDS = {
    "findings": "checks",
    "factor_weights": "factor weights (AHP, DEMATEL, EFE)",
    "entropy": "entropy weights",
    "demand_inputs": "demand model inputs",
    "scenarios": "demand scenarios",
    "headline_run": "headline scenario",
    "sensitivity": "sensitivity (Sobol')",
    "backtest": "backtest",
    "ranking": "ranking (TOPSIS, stability)",
    "io_model": "input-output table (Leontief inverse)",
    "linkage": "input-output effects",
    "demand": "demand model",
}


def _bar_progress() -> Any:
    """A progress callback drawing one bar per long step on stderr (nothing when piped);
    the display is up only while a step runs."""
    if not err_console.is_terminal:
        return None
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )
    tasks: dict[str, Any] = {}
    lock = threading.Lock()  # steps run on two threads at once (`Results.compute`)

    def report(step: str, done: int, total: int) -> None:
        with lock:
            if step not in tasks:
                if not tasks:
                    bar.start()
                tasks[step] = bar.add_task(STEP_WORDS.get(step, step), total=total)
            bar.update(tasks[step], completed=done, total=total)
            if done >= total:
                bar.remove_task(tasks.pop(step))
                if not tasks:
                    bar.stop()

    return report


def step_progress(step: str) -> Any:
    """A (done, total) progress callback of one named step: a bar on stderr, or None when
    stderr is not a terminal."""
    report = _bar_progress()
    if report is None:
        return None

    def progress(done: int, total: int) -> None:
        report(step, done, total)

    return progress
