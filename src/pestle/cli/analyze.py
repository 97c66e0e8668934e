"""`pestle analyze`: indicators, the policy mix, factor evaluation, segment ranking, demand and
linkage effects of a case.

Parses options into `Settings`, builds the case's `Results` (the one orchestrator), formats
them (Rich tables, or JSON via `Results.to_dict`). Every number printed is computed there.
"""

from __future__ import annotations

import json
import math
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from pestle.cli import app, terminal
from pestle.cli.xlsx_out import OutOption, need_out, wrote
from pestle.errors import InputError
from pestle.results import defaults

FORMATS = ("table", "json", "xlsx")
TARGET_LABELS = {
    "energy": "energy",
    "trade_investment": "trade & inv.",
    "finance": "finance",
    "digital_economy": "digital",
    "industry": "industry",
    "services": "services",
}
PIPE_WIDTH = 120
# the results' steps the tables show (`_print`), computed before the first line is printed:
# a bad case file stops the command with its one-line error, not after half the tables
TABLE_STEPS = (
    "judgments",
    "indicators",
    "policy",
    "factor_weights",
    "entropy",
    "ranking",
    "demand",
    "backtest",
    "linkage",
)
TOP_EDGES = 8
TOP_SECTORS = 6


# -- formatting helpers (no arithmetic beyond scaling for display) -------------------------------


def _q(qualifier: str | None) -> str:
    return "" if qualifier in (None, "=") else f"{qualifier} "


def _cny(x: float | None, qualifier: str | None = "=") -> str:
    if x is None:
        return "–"
    if abs(x) >= 1e11:
        return f"{_q(qualifier)}{x / 1e9:,.1f} bn"
    return f"{_q(qualifier)}{x / 1e9:,.2f} bn"


def _bn(x: float | None) -> str:
    return "–" if x is None else f"{x / 1e9:,.2f}"


def _num(x: float | None, digits: int = 2, unit: str = "") -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x:,.{digits}f}{unit}"


def _table(title: str, *columns: str, right: tuple[int, ...] = ()) -> Table:
    table = Table(
        title=Text(title),
        title_justify="left",
        title_style="bold",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    for i, name in enumerate(columns):
        if i in right:
            table.add_column(name, justify="right", no_wrap=True)
        else:
            table.add_column(name, overflow="fold")
    return table


def _add(table: Table, *cells: str | Text, style: str | None = None) -> None:
    """A row of plain text (case names and notes are never read as Rich markup)."""
    table.add_row(*(c if isinstance(c, Text) else Text(c) for c in cells), style=style)


# -- sections ------------------------------------------------------------------------------------


def _indicators(console: Console, ind: Any) -> None:
    console.rule("[bold]Indicators")
    for s in ind.structure:
        t = _table(
            f"Industry structure, {s.period}: contribution = share × growth",
            "industry",
            "value added, bn",
            "growth, %",
            "share, %",
            "contrib., pp",
            "prior-wt, pp",
            "rate, %",
            f"base {s.prior_period[:4] if s.prior_period else ''}, bn",
            right=(1, 2, 3, 4, 5, 6, 7),
        )
        for r in s.rows:
            _add(
                t,
                r.industry,
                _bn(r.value),
                _num(r.growth_pct, 1),
                _num(r.share_pct, 2),
                _num(r.contribution_pp, 3),
                _num(r.contribution_base_pp, 3),
                _num(r.contribution_rate_pct, 1),
                _bn(r.base),
            )
        t.add_section()
        _add(
            t,
            "sum of industries",
            _bn(s.total),
            "",
            "",
            _num(s.weighted_growth_pct, 3),
            _num(s.base_weighted_growth_pct, 3),
            "",
            "",
            style="bold",
        )
        if s.stated_total is not None:
            _add(
                t,
                "stated GDP",
                _q(s.stated_total_qualifier) + _bn(s.stated_total),
                _num(s.stated_growth_pct, 1),
                "",
                "",
                "",
                "",
                "",
            )
        console.print(t)
        console.print(
            "[dim]contrib. = current share × growth; prior-wt = the same with prior-period "
            "shares (value / (1 + growth)); rate = share of the summed contributions.[/dim]"
        )
    t = _table(
        "Growth-implied prior-period bases: value / (1 + growth)",
        "indicator",
        "value",
        "growth, %",
        "implied base",
        "prior period",
        right=(1, 2, 3),
    )
    for b in ind.bases:
        value = _cny(b.value) if b.unit == "CNY" else _num(b.value, 2, f" {b.unit}")
        base = _cny(b.base, b.qualifier) if b.unit == "CNY" else _num(b.base, 2, f" {b.unit}")
        _add(t, b.name, value, _num(b.growth_pct, 1), base, b.prior_period or "–")
    console.print(t)
    t = _table(
        "Trade structure by dimension (shares never added across dimensions)",
        "dimension",
        "category",
        "share, %",
        "growth, %",
        right=(2, 3),
    )
    for d in ind.trade.dimensions:
        for k, c in enumerate(d.categories):
            _add(
                t,
                d.dimension if k == 0 else "",
                c.name,
                _num(c.share_pct, 1),
                _num(c.growth_pct, 1),
            )
        _add(t, "", Text("not named in the report", style="dim"), _num(d.unstated_share_pct, 1), "")
        t.add_section()
    console.print(t)
    for z in ind.ftz:
        t = _table(
            f"{z.name}: permissions by section",
            "section",
            "permissions",
            "share, %",
            right=(1, 2),
        )
        for sec in z.sections:
            _add(t, sec.name, _num(sec.permissions, 0), _num(sec.share_pct, 1))
        t.add_section()
        _add(t, "all sections", _num(z.sections_total, 0), "", style="bold")
        console.print(t)
        console.print(
            f"Herfindahl H = {z.herfindahl:.4f} (normalised {z.herfindahl_normalised:.4f}; "
            f"equivalent to {z.equivalent_sections:.2f} equal sections)"
            + (f"; delegated powers: {_num(z.delegated_powers, 0)}" if z.delegated_powers else "")
        )
        if z.note:
            console.print(Text(z.note, style="dim"))
    p = ind.platforms
    t = _table("Opening platforms", "kind", "count", right=(1,))
    for row in p.platforms:
        _add(t, row.name, _num(row.count, 0))
    t.add_section()
    _add(t, f"all {p.kinds} kinds", _num(p.total, 0), style="bold")
    console.print(t)
    c = ind.clusters
    console.print(
        f"Industrial clusters: {c.listed_count} listed"
        + (f", {_num(c.stated_count, 0)} stated" if c.stated_count is not None else "")
    )
    for g in c.gdp_shares:
        console.print(
            Text(
                f"  {g.name}: {_cny(g.value)} = {_num(g.share_pct, 2, ' %')} of reference GDP "
                f"{_cny(g.reference_gdp, g.reference_qualifier)}{_stated(g)}"
            )
        )


def _stated(g: Any) -> str:
    if g.stated_share_pct is None:
        return ""
    verdict = {True: "holds", False: "does not hold", None: "not testable"}[g.stated_holds]
    return f"; stated {_q(g.stated_qualifier)}{_num(g.stated_share_pct, 0, ' %')} ({verdict})"


def _policy(console: Console, mix: Any) -> None:
    console.rule("[bold]Policy mix")
    console.print(Text(mix.typology, style="dim"))
    targets = mix.to_dict()["targets"]
    t = _table(
        "Measures by level × instrument (rows) and target (columns)",
        "level",
        "instrument",
        *(TARGET_LABELS.get(x, x) for x in targets),
        right=tuple(range(2, 2 + len(targets))),
    )
    for level, by_instrument in mix.counts().items():
        for k, (instrument, by_target) in enumerate(by_instrument.items()):
            _add(
                t,
                level if k == 0 else "",
                instrument,
                *(str(n) if n else "·" for n in by_target.values()),
            )
        t.add_section()
    console.print(t)
    t = _table(
        "Addressed instrument × target cells: measures at national and local level",
        "instrument × target",
        "national",
        "local (regional; zone)",
        "coverage",
    )
    for c in mix.cells:
        if c.addressed:
            local = "; ".join(x for x in (", ".join(c.regional), ", ".join(c.zone)) if x)
            _add(
                t,
                f"{c.instrument} × {c.target}",
                ", ".join(c.national) or "–",
                local or "–",
                c.coverage(),
            )
    console.print(t)
    stated = (
        f" ({_num(mix.index_stated, 3)} without inferred codings)"
        if mix.index_stated is not None and mix.index_stated != mix.index
        else ""
    )
    totals, shares = mix.totals(), mix.shares_pct()
    console.print(
        f"{len(mix.measures)} measures; instruments: "
        + ", ".join(
            f"{x}-side {n} ({shares['instrument'][x]:.0f} %)"
            for x, n in totals["instrument"].items()
        )
    )
    console.print(
        f"[bold]Superposition index[/bold] = {mix.superposed} of {mix.addressed} addressed "
        f"cells covered at national and local level = {mix.index:.3f}{stated}; "
        f"national only {mix.national_only}, local only {mix.local_only}"
    )


def _ahp(console: Console, result: Any) -> None:
    console.rule("[bold]AHP weights")
    names = {k: {"name": f.name} for k, f in result.judgments.factors.items()}
    h = result.ahp
    cr = {r.name: r for r in (h.top, *h.groups)}
    t = _table(
        f"Dimensions: CR {h.top.cr:.3f}",
        "dimension",
        "weight",
        "CR within",
        right=(1, 2),
    )
    for label, w in zip(h.top.labels, h.top.weights, strict=True):
        within = cr.get(f"factors:{label}")
        _add(t, label, f"{w:.3f}", f"{within.cr:.3f}" if within else "–")
    console.print(t)
    t = _table(
        "Factors: local and global weights",
        "factor",
        "dimension",
        "local",
        "global",
        right=(2, 3),
    )
    for row in sorted(h.rows, key=lambda r: -r.global_weight):
        _add(
            t,
            names.get(row.item, {}).get("name", row.item),
            row.group,
            f"{row.local_weight:.3f}",
            f"{row.global_weight:.3f}",
        )
    console.print(t)


def _dematel(console: Console, result: Any) -> None:
    console.rule("[bold]DEMATEL")
    d = result.dematel
    frame = d.to_frame().sort_values("d_minus_r", ascending=False)
    t = _table(
        "Prominence (D+R), relation (D−R) and the direct / indirect split of influence given",
        "factor",
        "D",
        "R",
        "D+R",
        "D−R",
        "group",
        "direct",
        "indirect",
        right=(1, 2, 3, 4, 6, 7),
    )
    for factor, row in frame.iterrows():
        _add(
            t,
            str(factor),
            f"{row['d']:.3f}",
            f"{row['r']:.3f}",
            f"{row['d_plus_r']:.3f}",
            f"{row['d_minus_r']:+.3f}",
            str(row["group"]),
            f"{row['d_direct']:.3f}",
            f"{row['d_indirect']:.3f}",
        )
    console.print(t)
    console.print(Text(f"cause group: {', '.join(d.cause) or '–'}"))
    console.print(Text(f"effect group: {', '.join(d.effect) or '–'}"))
    t = _table(
        f"Strongest influences (t_ij > {d.threshold:.3f}, {d.threshold_rule}; "
        f"{len(d.edges)} edges, top {TOP_EDGES})",
        "from",
        "to",
        "total",
        "direct",
        "indirect",
        right=(2, 3, 4),
    )
    for e in d.edges[:TOP_EDGES]:
        _add(t, e.source, e.target, f"{e.total:.3f}", f"{e.direct:.3f}", f"{e.indirect:.3f}")
    console.print(t)


def _efe(console: Console, result: Any) -> None:
    console.rule("[bold]EFE matrix")
    e = result.efe
    console.print(
        f"total weighted score {e.total:.3f} on {e.scale_min:g}–{e.scale_max:g} "
        f"(average {e.scale_average:g}): {e.interpretation.replace('_', ' ')}; "
        f"opportunities {e.opportunities:.3f}, threats {e.threats:.3f} "
        "(weights: AHP global weights)"
    )


def _entropy(console: Console, result: Any) -> None:
    from pestle.analysis.factor_panel import period_label
    from pestle.model import Period

    console.rule("[bold]Entropy weights (factor indicators)")
    ent = result.entropy
    if not ent.applicable:
        console.print(Text(f"not applicable: {ent.reason}"))
        return
    periods = ", ".join(period_label(Period.parse(p)) for p in ent.periods)
    t = _table(
        f"Over {len(ent.periods)} periods ({ent.alignment}): {periods}",
        "factor",
        "series",
        "entropy",
        "divergence",
        "weight",
        "factor weight",
        right=(2, 3, 4, 5),
    )
    for series, row in ent.to_frame().iterrows():
        if row["periods"] and not math.isnan(row["weight"]):
            _add(
                t,
                str(row["factor"]),
                str(series),
                f"{row['entropy']:.3f}",
                f"{row['divergence']:.3f}",
                f"{row['weight']:.3f}",
                f"{row['factor_weight']:.3f}",
            )
    console.print(t)
    left = [c.series for c in ent.coverage if c.series not in ent.panel.indicators]
    if left:
        console.print(Text(f"left out (no usable values): {', '.join(left)}", style="dim"))


def _ranking(console: Console, result: Any) -> None:
    console.rule("[bold]Segment ranking (TOPSIS)")
    tp, st, stated = result.topsis, result.stability, result.ranking.stated
    keep = dict(zip(st.alternatives, st.keep_share, strict=True))
    stated_rank = dict(zip(stated.alternatives, stated.rank, strict=True))
    t = _table(
        f"demand size: {result.ranking.demand_size_source}",
        "rank",
        "segment",
        "closeness",
        "keeps rank",
        "rank, stated demand index",
        right=(0, 2, 3, 4),
    )
    for alt, row in tp.to_frame().iterrows():
        _add(
            t,
            str(int(row["rank"])),
            str(alt),
            f"{row['closeness']:.3f}",
            f"{100 * keep[str(alt)]:.0f} %",
            str(stated_rank[str(alt)]),
        )
    console.print(t)
    console.print(
        f"stability: {st.draws:,} draws, weights ±{100 * st.spread:.0f} % (seed {st.seed}); "
        f"Spearman ρ with the base ranking mean {st.spearman_mean:.3f}, "
        f"p5 {st.spearman_p5:.3f}, min {st.spearman_min:.3f}"
    )


def _demand(console: Console, result: Any) -> None:
    console.rule("[bold]Composite demand")
    d = result.demand
    t = _table(
        f"Cumulative demand {d.years[0]}–{d.years[-1]}, t (scenario {d.name}; "
        f"{result.settings.samples:,} samples, seed {result.settings.seed})",
        "segment",
        "median",
        "p5",
        "p95",
        "mean",
        right=(1, 2, 3, 4),
    )
    for s in d.segments:
        style = "bold" if s.segment == "total" else None
        c = s.cumulative
        _add(t, s.segment, *(f"{x:,.0f}" for x in (c.p50, c.p5, c.p95, c.mean)), style=style)
    console.print(t)
    console.print(Text(f"{d.name}: {d.description}", style="dim"))
    blades = d.segment("wind_blades").yearly
    t = _table(
        "Market size by year, t (all segments; wind blades and what the region's plants make)",
        "year",
        "median",
        "p5–p95",
        "wind blades",
        "made in region",
        right=(1, 2, 3, 4),
    )
    for i, (year, s) in enumerate(zip(d.years, d.total.yearly, strict=True)):
        made = f"{d.regional[i].p50:,.0f}" if d.regional else "–"
        _add(
            t,
            str(year),
            f"{s.p50:,.0f}",
            f"{s.p5:,.0f}–{s.p95:,.0f}",
            f"{blades[i].p50:,.0f}",
            made,
        )
    console.print(t)
    _backtest(console, result)


QUANTITY = {"wind_w": "wind added", "solar_w": "solar added", "wind_blades_t": "blade demand"}


def _backtest(console: Console, result: Any) -> None:
    b = result.backtest
    if not b.rows:
        console.print(Text(f"No backtest: {b.note}.", style="dim"))
        return
    t = _table(
        "Backtest: forecast from the history before each cut, against what was built",
        "cut",
        "year",
        "quantity",
        "median",
        "p5–p95",
        "observed",
        "error",
        "inside",
        right=(3, 4, 5, 6),
    )
    for r in b.rows:
        scale, unit = (1e9, " GW") if r.measure.endswith("_w") else (1e3, " kt")
        _add(
            t,
            str(r.cut),
            str(r.year),
            QUANTITY.get(r.measure, r.measure),
            f"{r.p50 / scale:,.2f}{unit}",
            f"{r.p5 / scale:,.2f}–{r.p95 / scale:,.2f}{unit}",
            f"{r.observed / scale:,.2f}{unit}",
            f"{100 * r.error:+.0f} %",
            "yes" if r.inside else "no",
        )
    console.print(t)


def _linkage(console: Console, result: Any) -> None:
    console.rule("[bold]Linkage effects (input-output)")
    if result.linkage is None:
        console.print(Text("The case has no linkage table.", style="dim"))
        return
    link = result.linkage.effects
    totals = link.to_dict()["totals"]
    t = _table(
        f"Effects of the shock: {result.linkage.shock}; CNY",
        "effect",
        "direct",
        "indirect",
        "total",
        "total, low–high price",
        right=(1, 2, 3, 4),
    )
    central = totals["central"]
    for label, key in (
        ("output", "output"),
        ("value added", "value_added"),
        ("imports", "imports"),
    ):
        _add(
            t,
            label,
            _cny(central[f"{key}_direct"]),
            _cny(central[f"{key}_indirect"]),
            _cny(central[f"{key}_total"]),
            f"{_cny(totals['low'][f'{key}_total'])} – {_cny(totals['high'][f'{key}_total'])}",
        )
    console.print(t)
    frame = link.to_frame().sort_values("output_total", ascending=False).head(TOP_SECTORS)
    t = _table(
        f"Sectors with the largest output effect (central price; top {TOP_SECTORS})",
        "code",
        "sector",
        "direct",
        "indirect",
        "total",
        right=(2, 3, 4),
    )
    for code, row in frame.iterrows():
        _add(
            t,
            str(code),
            str(row["name"]),
            _cny(row["output_direct"]),
            _cny(row["output_indirect"]),
            _cny(row["output_total"]),
        )
    console.print(t)
    console.print(Text(link.note, style="dim"))


def _print(result: Any, wide: bool = False) -> None:
    # the terminal's width; 120 columns when the output is piped (Rich would assume 80)
    console = terminal.console(wide=wide)
    case = result.case
    console.print(f"[bold]pestle analyze[/bold]: {escape(case.name)} ({case.id})")
    console.print(Text(f"settings: {result.describe()}; pestle {result.version}", style="dim"))
    if result.illustrative:
        console.print(Text(result.judgments.note, style="yellow"))
    _indicators(console, result.indicators)
    _policy(console, result.policy)
    _ahp(console, result)
    _dematel(console, result)
    _efe(console, result)
    _entropy(console, result)
    _ranking(console, result)
    _demand(console, result)
    _linkage(console, result)


@app.command()
def analyze(
    case: Annotated[
        str | None,
        typer.Argument(help="Case folder or embedded case name. Default: the embedded case."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")
    ] = "table",
    scenario: Annotated[
        str | None,
        typer.Option(
            "--scenario", "-s", help="Headline demand scenario. Default: the case's first."
        ),
    ] = None,
    samples: Annotated[
        int | None,
        typer.Option(
            "--samples",
            "-n",
            help=f"Monte Carlo samples of the demand model [{defaults.SAMPLES:,}].",
        ),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option("--seed", help=f"Random seed (same seed, same result) [{defaults.SEED}]."),
    ] = None,
    out: OutOption = None,
    wide: Annotated[
        bool, typer.Option("--wide", help="Tables as wide as they need, nothing folded or split.")
    ] = False,
) -> None:
    """Indicators, policy mix, AHP, DEMATEL, EFE, entropy weights, segment ranking, demand and
    linkage effects."""
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    from pestle.cli.results import build

    workbook = need_out(fmt, out)
    results = build(case, scenario=scenario, samples=samples, seed=seed)
    if workbook is not None:
        from pestle.export import results_workbook

        wrote(results_workbook(results, workbook))
        return
    if fmt == "json":
        typer.echo(json.dumps(results.to_dict(), indent=2, ensure_ascii=False, allow_nan=False))
        return
    # the tables compute only the fields they show: not the checks, the other scenarios' runs
    # or the Sobol' indices (JSON and the workbook hold every field)
    _print(results.compute(*TABLE_STEPS), wide)
