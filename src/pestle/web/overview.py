"""The overview page's key findings and charts, picked from the case's results.

Every figure is a field of the case's `Results` (the one orchestrator, `pestle.results`); this
module chooses which ones to show and formats them with `pestle.present.format`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pestle.present import charts
from pestle.present import format as fmt
from pestle.web import present

if TYPE_CHECKING:
    from pestle.web.state import CaseState


@dataclass(frozen=True)
class KeyFinding:
    label: str
    value: str
    detail: str
    link: str
    link_text: str
    tone: str = ""  # "", "warn", "judgment"


@dataclass(frozen=True)
class BacktestLine:
    cut: str
    year: str
    quantity: str
    median: str
    band: str
    observed: str
    error: str
    inside: bool


@dataclass(frozen=True)
class Overview:
    findings: tuple[KeyFinding, ...]
    failed: tuple[Any, ...]  # failed findings, most severe first
    charts: tuple[tuple[str, str, dict[str, Any]], ...]  # (id, caption, spec)
    notes: tuple[str, ...]
    backtest: tuple[BacktestLine, ...] = ()
    backtest_note: str = ""


def build(cs: CaseState) -> Overview:
    return cs.once("overview", lambda: _build(cs))


def _build(cs: CaseState) -> Overview:
    a = cs.results
    report = a.findings
    s = report.summary
    names = {k: f.name for k, f in a.judgments.factors.items()}
    judged = "illustrative" if a.illustrative else "analyst"
    demand = a.scenario_run
    d = demand.demand
    total = d.get("cumulative_demand_t", "total")
    weights = a.ahp.global_weights()
    top = max(weights, key=lambda k: weights[k])
    ranking = a.topsis.ranking()
    keep = dict(zip(a.stability.alternatives, a.stability.keep_share, strict=True))
    central = a.linkage.effects.to_dict()["totals"]["central"] if a.linkage else None
    efe = a.efe.to_dict()
    findings = [
        KeyFinding(
            "Consistency checks",
            f"{fmt.count(s['fail'])} of {fmt.count(s['checks'])} failed",
            f"Failed with severity error: {fmt.count(s['errors'])}, warning: "
            f"{fmt.count(s['warnings'])}. Undecided: {fmt.count(s['unknown'])}; passed: "
            f"{fmt.count(s['pass'])}.",
            "/checks",
            "See every check",
            "warn" if s["fail"] else "",
        ),
        KeyFinding(
            f"Composite demand {present.horizon(d)}",
            f"{fmt.mass(total['p50'])} (median)",
            f"90 % interval {fmt.value_range(total['p5'], total['p95'], 't')}, scenario "
            f"{demand.name}, {fmt.count(d.samples)} Monte Carlo samples.",
            "/scenarios",
            "Run scenarios",
        ),
        KeyFinding(
            "Leading product segment (TOPSIS)",
            charts.segment_name(ranking[0]),
            f"Keeps rank 1 in {fmt.share(keep[ranking[0]], 0)} of "
            f"{fmt.count(a.stability.draws)} weight perturbations of "
            f"±{fmt.share(a.stability.spread, 0)}; scores are {judged} judgments.",
            "/judgments",
            "Edit judgments",
            "judgment",
        ),
        KeyFinding(
            f"Most important factor (AHP, {judged})",
            names.get(top, fmt.words(top)),
            f"Global weight {fmt.share(weights[top])}; EFE total weighted score "
            f"{fmt.decimal(efe['total'], 2)} on a 1–4 scale "
            f"({fmt.words(efe['interpretation'])}).",
            "/judgments",
            "Edit judgments",
            "judgment",
        ),
        KeyFinding(
            "Cause factors (DEMATEL)",
            f"{fmt.count(len(a.dematel.cause))} of {fmt.count(len(a.dematel.labels))}",
            "; ".join(names.get(x, fmt.words(x)) for x in a.dematel.cause) + ".",
            "/judgments",
            "Edit judgments",
            "judgment",
        ),
    ]
    made = a.demand.regional_total
    if made is not None:
        blades = a.demand.segment("wind_blades").cumulative
        findings.append(
            KeyFinding(
                f"Made in the region {present.horizon(d)} (wind blades)",
                f"{fmt.mass(made.p50)} (median)",
                f"The region's blade plants against {fmt.mass(blades.p50)} of blades for its "
                f"own new farms; 90 % interval {fmt.value_range(made.p5, made.p95, 't')}; "
                "supply outside the region not counted.",
                "/api/cases/" + cs.id + "/results",
                "Results as JSON",
            )
        )
    if central is not None:
        findings.append(
            KeyFinding(
                "Output effect on the economy (input-output)",
                fmt.money(central["output_total"]),
                f"At central prices: {fmt.money(central['output_direct'])} direct, "
                f"{fmt.money(central['output_indirect'])} indirect; national coefficients.",
                "/api/cases/" + cs.id + "/results",
                "Results as JSON",
            )
        )
    failed = tuple(present.finding_row(f) for f in report.findings if f.status == "fail")
    specs = (
        ("chart-fan", "Composite demand by segment", charts.demand_fan(d)),
        ("chart-checks", "Outcome of the checks", charts.check_outcomes(report)),
        ("chart-dematel", "Cause and effect", charts.dematel_diagram(a.dematel, names)),
        ("chart-weights", "Factor weights", charts.ahp_weights(a.ahp, names)),
        ("chart-topsis", "Product segments", charts.topsis_closeness(a.topsis)),
    )
    drawn = charts.backtest(a.backtest)
    if drawn is not None:
        specs = (*specs, ("chart-backtest", "How far to trust the forecast", drawn))
    notes = (a.judgments.note,) if a.illustrative else ()
    return Overview(
        findings=tuple(findings),
        failed=failed,
        charts=specs,
        notes=notes,
        backtest=tuple(_backtest_lines(a.backtest)),
        backtest_note=a.backtest.note,
    )


def _backtest_lines(b: Any) -> list[BacktestLine]:
    lines = []
    for r in b.rows:
        c = fmt.backtest_row(r)
        lines.append(
            BacktestLine(
                cut=c["cut"],
                year=c["year"],
                quantity=c["quantity"],
                median=c["median"],
                band=c["band"],
                observed=c["observed"],
                error=c["error"],
                inside=r.inside,
            )
        )
    return lines
