"""`pestle demand`: composite-materials demand by segment and year, with uncertainty.

Parses options into `Settings`, builds the case's `Results` (the one orchestrator) and shows
their demand part: every scenario by segment and year (median, p5-p95 below), the headline
scenario's Sobol' drivers, and the scenarios side by side. JSON: the results' "demand" part,
with the settings.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from pestle.cli import app, terminal
from pestle.cli.xlsx_out import OutOption, need_out, wrote
from pestle.errors import InputError
from pestle.results import defaults

if TYPE_CHECKING:  # the model pulls in SciPy and SALib: import it only when the command runs
    from pestle.analysis.demand import ScenarioComparison, ScenarioResult, SensitivityResult
    from pestle.results import Results

# the terminal's width; 120 columns when the output is piped (Rich would assume 80)

FORMATS = ("table", "json", "xlsx")


SHORT = {
    "wind_blades": "wind blades",
    "pv_frames": "PV frames",
    "hydrogen_vessels": "H2 vessels",
    "transmission_insulators": "insulators",
    "wind_repowering": "repowering",
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
    return f"{_t(stats['p50'])}\n[dim]{_t(stats['p5'])}–{_t(stats['p95'])}[/dim]"


def _columns() -> tuple[str, ...]:
    from pestle.analysis.demand import SEGMENTS

    return (*SEGMENTS, "total")


def _demand_table(result: ScenarioResult) -> Table:
    d = result.demand
    table = Table(
        title=f"{result.name}: composite demand, t (median; p5–p95 below; k = 1,000 t)",
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
        f"end-of-life blade waste (the fleet before {d.years[0]} leaving service, and these "
        f"blades after their design life), {years[0]}–{years[-1]}: "
        f"{_t(total['p50'])} t, median (p5–p95 {_t(total['p5'])}–{_t(total['p95'])} t)"
    )


def _drivers_table(s: SensitivityResult | None, top: int) -> Table | None:
    if s is None:
        return None
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
        "(median; p5–p95 below; k = 1,000 t)",
        title_justify="left",
    )
    table.add_column("scenario", overflow="fold")
    for seg in _columns():
        table.add_column(SHORT[seg], justify="right")
    for r in result.results:
        table.add_row(r.name, *(_cell(r.demand.get("cumulative_demand_t", s)) for s in _columns()))
    return table


def _print_tables(results: Results, top: int, wide: bool = False) -> None:
    console = terminal.console(wide=wide)
    comparison = results.scenarios
    console.print(f"composite demand of {results.case.name}: {results.describe()}")
    for r in sorted(comparison.results, key=lambda r: r.name != results.scenario):
        console.print()
        headline = " (headline scenario)" if r.name == results.scenario else ""
        console.print(f"[bold]{r.name}[/bold]{headline}: {r.description}")
        console.print(_demand_table(r))
        console.print(_waste_line(r))
        if r.name == results.scenario:
            drivers = _drivers_table(results.sensitivity, top)
            if drivers is not None:
                console.print(drivers)
    if len(comparison.results) > 1:
        console.print()
        console.print(_comparison_table(comparison))


@app.command()
def demand(
    case: Annotated[
        str | None,
        typer.Argument(help="Case folder or embedded case name. Default: the embedded case."),
    ] = None,
    samples: Annotated[
        int | None,
        typer.Option(
            "--samples", "-n", help=f"Monte Carlo samples per scenario [{defaults.SAMPLES:,}]."
        ),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option("--seed", help=f"Random seed (same seed, same result) [{defaults.SEED}]."),
    ] = None,
    scenario: Annotated[
        str | None,
        typer.Option(
            "--scenario",
            "-s",
            help="Headline scenario, shown first with its drivers. Default: the case's first.",
        ),
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Fix a parameter: NAME=VALUE (repeatable)."),
    ] = None,
    sobol_samples: Annotated[
        int | None,
        typer.Option(
            "--sobol-samples",
            help=f"Sobol' base sample N (a power of 2; 0 skips) [{defaults.SOBOL_SAMPLES:,}].",
        ),
    ] = None,
    top: Annotated[int, typer.Option("--top", help="Sensitivity drivers shown.")] = 5,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")
    ] = "table",
    out: OutOption = None,
    wide: Annotated[
        bool, typer.Option("--wide", help="Tables as wide as they need, nothing folded or split.")
    ] = False,
) -> None:
    """Composite-materials demand by segment and year (median, p5–p95), scenarios and
    drivers."""
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    from pestle.cli.results import build

    workbook = need_out(fmt, out)
    from pestle.case.parameters_file import parse_assignment

    overrides = dict(parse_assignment(item) for item in set_ or [])
    results = build(
        case,
        samples=samples,
        seed=seed,
        scenario=scenario,
        overrides=overrides,
        sobol_samples=sobol_samples,
    )
    if fmt in ("json", "xlsx"):
        document = results.to_dict()
        payload = {"settings": document["settings"], **document["demand"]}
    if workbook is not None:
        from pestle.export import document_workbook

        title = f"{document['case']['name']}: composite demand"
        wrote(
            document_workbook(
                "demand",
                payload,
                workbook,
                settings=document["settings"],
                title=title,
                settings_text=document["settings_text"],
            )
        )
        return
    if fmt == "json":
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False, allow_nan=False))
        return
    _print_tables(results, top, wide)
