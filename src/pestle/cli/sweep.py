"""`pestle sweep`: the demand model at every point of a parameter grid x scenario x seed.

Parses the grid and the run's settings, opens an executor (local processes by default, a
Dask cluster with `--scheduler`), runs the sweep through the case's `Results` and writes a
tidy table (Parquet and XLSX), its main-effects chart (SVG) and a JSON description into
`--out`. No arithmetic here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from pestle.cli import app, terminal
from pestle.cli.output import check_out_folder
from pestle.errors import InputError
from pestle.results import defaults

TABLE = "sweep.parquet"


def _out_folder(out: Path) -> Path:
    check_out_folder(out)
    try:
        out.mkdir(exist_ok=True)
    except OSError as exc:
        raise InputError(f"--out {out}: cannot create it ({exc.strerror})") from None
    return out


@app.command()
def sweep(
    case: Annotated[
        str | None,
        typer.Argument(help="Case folder or embedded case name. Default: the embedded case."),
    ] = None,
    grid: Annotated[
        list[str] | None,
        typer.Option(
            "--grid",
            "-g",
            help="A parameter and its values: NAME=V1,V2,... or NAME=LOW:HIGH:COUNT "
            "(repeatable; every combination runs).",
        ),
    ] = None,
    scenario: Annotated[
        list[str] | None,
        typer.Option("--scenario", "-s", help="Scenario to sweep (repeatable). Default: headline."),
    ] = None,
    seeds: Annotated[int, typer.Option("--seeds", help="Seeds per point, from --seed on.")] = 1,
    samples: Annotated[
        int | None,
        typer.Option(
            "--samples", "-n", help=f"Monte Carlo samples a point [{defaults.SAMPLES:,}]."
        ),
    ] = None,
    seed: Annotated[
        int | None, typer.Option("--seed", help=f"First random seed [{defaults.SEED}].")
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Fix a parameter at every point: NAME=VALUE (repeatable)."),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Dask scheduler address (tcp://HOST:8786), or 'local' for a Dask cluster on "
            "this machine. Default: local processes.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", help="Local worker processes [one per CPU]."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("sweep"),
) -> None:
    """Sweep demand-model parameters: a tidy table (Parquet, XLSX) and a chart of cumulative
    demand against each swept parameter."""
    from pestle.analysis.demand.sweep import parse_grid
    from pestle.cli.results import build, step_progress
    from pestle.executors import open_executor
    from pestle.present import format as fmt
    from pestle.present.sweep import sweep_headline
    from pestle.report.svg import to_svg
    from pestle.results.sweep import run_sweep, write_sweep

    parsed = parse_grid(grid or [])
    from pestle.case.parameters_file import parse_assignment

    overrides = dict(parse_assignment(item) for item in set_ or [])
    results = build(
        case, samples=samples, seed=seed, scenario=(scenario or [None])[0], overrides=overrides
    )
    folder = _out_folder(out)
    with open_executor(scheduler, workers) as executor:
        result = run_sweep(
            results,
            parsed,
            scenarios=scenario,
            seeds=seeds,
            executor=executor,
            progress=step_progress("sweep"),
        )
    write_sweep(
        result,
        folder,
        {"case": results.case.name, "settings": results.settings.model_dump(mode="json")},
    )
    result.frame.to_excel(folder / "sweep.xlsx", index=False, sheet_name="sweep")
    (folder / "sweep.svg").write_text(to_svg(sweep_headline(result)), encoding="utf-8")
    table = Table(
        title=f"{results.case.name}: cumulative demand (median, p5–p95) by swept value; "
        f"{result.points:,} points of {result.samples:,} samples",
        title_justify="left",
    )
    for column in ("parameter", "scenario", "value", "median", "p5–p95"):
        table.add_column(column, justify="right" if column in ("median", "p5–p95") else "left")
    for row in result.headline().to_dict(orient="records"):
        table.add_row(
            row["parameter"],
            row["scenario"],
            f"{row['value']:g}" if isinstance(row["value"], float) else str(row["value"]),
            fmt.mass(row["p50"]),
            f"{fmt.mass(row['p5'])}–{fmt.mass(row['p95'])}",
        )
    console = terminal.console()
    console.print(table)
    console.print(
        f"wrote {folder / TABLE}, sweep.xlsx, sweep.svg, sweep.json "
        f"(show it in the dashboard: pestle serve --sweep {folder})"
    )
