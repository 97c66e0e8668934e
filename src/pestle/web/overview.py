"""The overview page's key findings and charts, picked from the case's results.

Every figure is a field of the case's `Results` (the one orchestrator, `pestle.results`); this
module chooses which ones to show and formats them with `pestle.present.format`, in the
request's language (`pestle.present.i18n`; one overview kept per language).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pestle.present import charts, i18n
from pestle.present import format as fmt
from pestle.present import settings as present_settings
from pestle.present.i18n import gettext as _
from pestle.present.i18n import pick
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
    lang = i18n.current()
    return cs.once("overview" if lang == i18n.SOURCE else f"overview:{lang}", lambda: _build(cs))


def _build(cs: CaseState) -> Overview:
    a = cs.results
    report = a.findings
    s = report.summary
    names = {k: pick(f.name) for k, f in a.judgments.factors.items()}
    judged = _("illustrative") if a.illustrative else _("analyst")
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
            _("Consistency checks"),
            _("{failed} of {checks} failed").format(
                failed=fmt.count(s["fail"]), checks=fmt.count(s["checks"])
            ),
            _(
                "Failed with severity error: {errors}, warning: {warnings}. Undecided: "
                "{unknown}; passed: {passed}."
            ).format(
                errors=fmt.count(s["errors"]),
                warnings=fmt.count(s["warnings"]),
                unknown=fmt.count(s["unknown"]),
                passed=fmt.count(s["pass"]),
            ),
            "/checks",
            _("See every check"),
            "warn" if s["fail"] else "",
        ),
        KeyFinding(
            _("Composite demand {years}").format(years=present.horizon(d)),
            _("{value} (median)").format(value=fmt.mass(total["p50"])),
            _("90 % interval {range}, scenario {scenario}, {samples} Monte Carlo samples.").format(
                range=fmt.value_range(total["p5"], total["p95"], "t"),
                scenario=present_settings.scenario_label(a, demand.name),
                samples=fmt.count(d.samples),
            ),
            "/scenarios",
            _("Run scenarios"),
        ),
        KeyFinding(
            _("Leading product segment (TOPSIS)"),
            charts.segment_name(ranking[0]),
            _(
                "Keeps rank 1 in {share} of {draws} weight perturbations of ±{spread}; scores "
                "are {judged} judgments."
            ).format(
                share=fmt.share(keep[ranking[0]], 0),
                draws=fmt.count(a.stability.draws),
                spread=fmt.share(a.stability.spread, 0),
                judged=judged,
            ),
            "/judgments",
            _("Edit judgments"),
            "judgment",
        ),
        KeyFinding(
            _("Most important factor (AHP, {judged})").format(judged=judged),
            names.get(top, fmt.words(top)),
            _(
                "Global weight {weight}; EFE total weighted score {total} on a 1–4 scale "
                "({interpretation})."
            ).format(
                weight=fmt.share(weights[top]),
                total=fmt.decimal(efe["total"], 2),
                interpretation=fmt.words(efe["interpretation"]),
            ),
            "/judgments",
            _("Edit judgments"),
            "judgment",
        ),
        KeyFinding(
            _("Cause factors (DEMATEL)"),
            _("{causes} of {factors}").format(
                causes=fmt.count(len(a.dematel.cause)), factors=fmt.count(len(a.dematel.labels))
            ),
            "; ".join(names.get(x, fmt.words(x)) for x in a.dematel.cause) + ".",
            "/judgments",
            _("Edit judgments"),
            "judgment",
        ),
    ]
    made = a.demand.regional_total
    if made is not None:
        blades = a.demand.segment("wind_blades").cumulative
        findings.append(
            KeyFinding(
                _("Made in the region {years} (wind blades)").format(years=present.horizon(d)),
                _("{value} (median)").format(value=fmt.mass(made.p50)),
                _(
                    "The region's blade plants against {blades} of blades for its own new "
                    "farms; 90 % interval {range}; supply outside the region not counted."
                ).format(
                    blades=fmt.mass(blades.p50), range=fmt.value_range(made.p5, made.p95, "t")
                ),
                "/api/cases/" + cs.id + "/results",
                _("Results as JSON"),
            )
        )
    if central is not None:
        findings.append(
            KeyFinding(
                _("Output effect on the economy (input-output)"),
                fmt.money(central["output_total"]),
                _(
                    "At central prices: {direct} direct, {indirect} indirect; national "
                    "coefficients."
                ).format(
                    direct=fmt.money(central["output_direct"]),
                    indirect=fmt.money(central["output_indirect"]),
                ),
                "/api/cases/" + cs.id + "/results",
                _("Results as JSON"),
            )
        )
    failed = tuple(present.finding_row(f) for f in report.findings if f.status == "fail")
    specs = (
        (
            "chart-fan",
            _("Composite demand by segment"),
            charts.demand_fan(d, present_settings.scenario_label(a, demand.name)),
        ),
        ("chart-checks", _("Outcome of the checks"), charts.check_outcomes(report)),
        ("chart-dematel", _("Cause and effect"), charts.dematel_diagram(a.dematel, names)),
        ("chart-weights", _("Factor weights"), charts.ahp_weights(a.ahp, names)),
        ("chart-topsis", _("Product segments"), charts.topsis_closeness(a.topsis)),
    )
    drawn = charts.backtest(a.backtest)
    if drawn is not None:
        specs = (*specs, ("chart-backtest", _("How far to trust the forecast"), drawn))
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
