"""`pestle demand`: composite-materials demand by segment and year, with uncertainty.

Parses options, calls `pestle.analysis.demand.compare_scenarios` once, formats the result.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pestle.case.parameters_file import parse_assignment
from pestle.cli import app, err_console
from pestle.errors import InputError

if TYPE_CHECKING:  # the model pulls in SciPy and SALib: import it only when the command runs
    from pestle.analysis.demand import ScenarioComparison, ScenarioResult

console = Console(highlight=False, soft_wrap=True)

FORMATS = ("table", "json")


SHORT = {
    "wind_blades": "wind blades",
    "pv_frames": "PV frames",
    "hydrogen_vessels": "H2 vessels",
    "transmission_insulators": "insulators",
    "total": "total",
}


def _t(x: float) -> str:
    """Tonnes, compact: 950 / 12.3k / 155k / 1.25M."""
    if abs(x) >= 1e6:
        return f"{x / 1e6:.2f}M"
    if abs(x) >= 1e5:
        return f"{x / 1e3:.0f}k"
    if abs(x) >= 1e4:
        return f"{x / 1e3:.1f}k"
    return f"{x:,.0f}"


def _cell(stats: dict[str, float]) -> str:
    return f"{_t(stats['mean'])}\n[dim]{_t(stats['p5'])}–{_t(stats['p95'])}[/dim]"


def _columns() -> tuple[str, ...]:
    from pestle.analysis.demand import SEGMENTS

    return (*SEGMENTS, "total")


def _demand_table(result: ScenarioResult) -> Table:
    d = result.demand
    table = Table(
        title=f"{result.name}: composite demand, t (mean; p5–p95 below; k = 1,000 t)",
        title_justify="left",
        show_lines=False,
    )
    table.add_column("year", justify="right")
    for seg in _columns():
        table.add_column(SHORT[seg], justify="right")
    for year in d.years:
        table.add_row(str(year), *(_cell(d.get("demand_t", s, year)) for s in _columns()))
    table.add_section()
    table.add_row(
        f"{d.years[0]}–{d.years[-1]}",
        *(_cell(d.get("cumulative_demand_t", s)) for s in _columns()),
        style="bold",
    )
    return table


def _waste_line(result: ScenarioResult) -> str:
    d = result.demand
    total = d.get("cumulative_eol_blade_waste_t", "wind_blades")
    years = d.waste_years
    return (
        f"end-of-life blade waste from these blades, {years[0]}–{years[-1]}: "
        f"{_t(total['mean'])} t (p5–p95 {_t(total['p5'])}–{_t(total['p95'])} t)"
    )


def _drivers_table(result: ScenarioResult, top: int) -> Table | None:
    if result.sensitivity is None:
        return None
    s = result.sensitivity
    frame = s.top(top)
    table = Table(
        title=(
            f"top drivers of total demand (Sobol N={s.base_samples}, {s.evaluations:,} runs;"
            " ranked by ST; S1 < 0 is sampling error, shown as 0)"
        ),
        title_justify="left",
    )
    table.add_column("parameter", no_wrap=True)
    table.add_column("ST (total)", justify="right", no_wrap=True)
    table.add_column("S1 [95% CI]", justify="right", no_wrap=True)
    table.add_column("assumed")
    for row in frame.itertuples(index=False):
        table.add_row(
            row.parameter,
            f"{row.ST:.2f} ± {row.ST_conf:.2f}",
            f"{row.S1_clipped:.2f} [{row.S1_low:.2f}, {row.S1_high:.2f}]",
            "yes" if row.assumption else "no",
        )
    return table


def _comparison_table(result: ScenarioComparison) -> Table:
    d0 = result.results[0].demand
    table = Table(
        title=f"scenarios side by side: cumulative demand {d0.years[0]}–{d0.years[-1]}, t "
        "(mean; p5–p95 below; k = 1,000 t)",
        title_justify="left",
    )
    table.add_column("scenario", overflow="fold")
    for seg in _columns():
        table.add_column(SHORT[seg], justify="right")
    for r in result.results:
        table.add_row(r.name, *(_cell(r.demand.get("cumulative_demand_t", s)) for s in _columns()))
    return table


def _print_tables(result: ScenarioComparison, top: int) -> None:
    console.print(
        f"composite demand: {result.samples:,} Monte Carlo samples per scenario, "
        f"seed {result.seed}"
        + (
            f"; set {', '.join(f'{k}={v}' for k, v in result.overrides.items())}"
            if result.overrides
            else ""
        )
    )
    for r in result.results:
        console.print()
        if r.description:
            console.print(f"[bold]{r.name}[/bold]: {r.description}")
        console.print(_demand_table(r))
        console.print(_waste_line(r))
        drivers = _drivers_table(r, top)
        if drivers is not None:
            console.print(drivers)
    if len(result.results) > 1:
        console.print()
        console.print(_comparison_table(result))


@app.command()
def demand(
    case: Annotated[
        str | None,
        typer.Argument(help="Case folder or embedded case name. Default: the embedded case."),
    ] = None,
    samples: Annotated[
        int, typer.Option("--samples", "-n", help="Monte Carlo samples per scenario.")
    ] = 100_000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (same seed, same result).")] = 1,
    scenario: Annotated[
        list[str] | None,
        typer.Option("--scenario", "-s", help="Scenario to run (repeatable). Default: all."),
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Fix a parameter: NAME=VALUE (repeatable)."),
    ] = None,
    sobol_samples: Annotated[
        int,
        typer.Option(
            "--sobol-samples", help="Sobol base sample N (a power of 2); 0 skips sensitivity."
        ),
    ] = 2**12,
    top: Annotated[int, typer.Option("--top", help="Sensitivity drivers shown.")] = 5,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Composite-materials demand by segment and year (p5–p95), scenarios and drivers."""
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    from pestle.analysis.demand import compare_scenarios, load_demand_inputs

    overrides = dict(parse_assignment(item) for item in set_ or [])
    inputs = load_demand_inputs(case)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    ) as bar:
        tasks: dict[str, int] = {}

        def progress(name: str, done: int, total: int) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(name, total=total)
            bar.update(tasks[name], completed=done, total=total)

        result = compare_scenarios(
            inputs.build_out,
            inputs.parameters,
            inputs.scenarios,
            names=scenario,
            overrides=overrides,
            samples=samples,
            seed=seed,
            sobol_samples=sobol_samples or None,
            progress=progress,
        )
    if fmt == "json":
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    _print_tables(result, top)
