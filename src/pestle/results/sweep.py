"""A parameter sweep of a case's demand model under its `Settings`.

The sweep starts from the same inputs, overrides, sample count and headline scenario as
every other surface (`Results`), so its point at the settings' own values is the number the
report shows; seeds are the settings' seed and the ones after it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor
from pathlib import Path

from pestle.analysis.demand.sweep import SweepResult, sweep
from pestle.errors import InputError
from pestle.model.parameter import Value
from pestle.results.results import Results

MAX_SEEDS = 1_000


def run_sweep(
    results: Results,
    grid: Mapping[str, Sequence[Value]],
    *,
    scenarios: Sequence[str] | None = None,
    seeds: int = 1,
    executor: Executor | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SweepResult:
    """The demand model of `results`' case at every grid point x scenario (default: the
    headline scenario) x seed (`seeds` seeds from the settings' seed on)."""
    if not 1 <= seeds <= MAX_SEEDS:
        raise InputError(f"seeds must be between 1 and {MAX_SEEDS}; got {seeds}", parameter="seeds")
    inputs = results.demand_inputs
    s = results.settings
    return sweep(
        inputs.build_out,
        inputs.parameters,
        inputs.scenarios,
        grid,
        names=list(scenarios) if scenarios else [results.scenario],
        overrides=s.override_map,
        seeds=[s.seed + i for i in range(seeds)],
        samples=s.samples,
        executor=executor,
        progress=progress,
    )


SWEEP_TABLE = "sweep.parquet"
SWEEP_META = "sweep.json"


def write_sweep(result: SweepResult, folder: Path, extra: Mapping[str, object]) -> None:
    """The sweep's data into `folder`: the tidy table (Parquet) and its description (JSON:
    grid, scenarios, seeds, samples, points, and `extra` such as the case and settings)."""
    result.frame.to_parquet(folder / SWEEP_TABLE, index=False)
    meta = {**extra, **{k: v for k, v in result.to_dict().items() if k != "rows"}}
    (folder / SWEEP_META).write_text(
        json.dumps(meta, indent=2, ensure_ascii=False, allow_nan=False), encoding="utf-8"
    )


def load_sweep(folder: str | Path) -> tuple[SweepResult, dict[str, object]]:
    """A sweep saved by `pestle sweep --out FOLDER` and its description; a folder that does
    not hold one is an `InputError` naming it."""
    import pandas as pd

    path = Path(folder)
    meta_file, table_file = path / SWEEP_META, path / SWEEP_TABLE
    if not meta_file.is_file() or not table_file.is_file():
        raise InputError(
            f"{path}: not a saved sweep (no {SWEEP_META} and {SWEEP_TABLE}; write one with "
            "pestle sweep --out)",
            parameter="sweep",
        )
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        frame = pd.read_parquet(table_file)
        grid = {str(k): tuple(v) for k, v in meta["grid"].items()}
        result = SweepResult(
            grid=grid,
            scenarios=tuple(meta["scenarios"]),
            seeds=tuple(int(s) for s in meta["seeds"]),
            samples=int(meta["samples"]),
            frame=frame,
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: unreadable saved sweep ({exc})", parameter="sweep") from None
    missing = [c for c in ("scenario", "measure", "segment", "p50", *grid) if c not in frame]
    if missing:
        raise InputError(
            f"{path}: {SWEEP_TABLE} lacks the columns {', '.join(missing)}", parameter="sweep"
        )
    return result, meta
