"""Section 1: executive summary — the few computed findings that matter, each a sentence with
its numbers and their footnotes (the same notes as in the sections that present them)."""

from __future__ import annotations

from typing import Any

from pestle.present import findings as said
from pestle.present import format as fmt
from pestle.present.charts import segment_name
from pestle.present.i18n import N_, pick
from pestle.present.i18n import gettext as _
from pestle.report import labels
from pestle.report.footnotes import Notes, num
from pestle.report.sections import Body
from pestle.report.sections._common import fill, finding_anchor
from pestle.report.sections.checks import checks_note
from pestle.report.sections.demand import linkage_note, model_note, sensitivity_note
from pestle.report.sections.factors import (
    ahp_note,
    dematel_note,
    efe_note,
    judgments_note,
    robustness_note,
    topsis_note,
)
from pestle.report.view import Bullets, Link, Paragraph, Term, Text, text
from pestle.results import Results


def build(results: Results, notes: Notes, body: Body) -> None:
    case = results.case
    findings: list[tuple[str, Text]] = []
    for title, make in (
        (N_("Composite demand"), _demand),
        (N_("What drives it"), _drivers),
        (N_("Scenarios"), _scenarios),
        (N_("Economy-wide effect"), _linkage),
        (N_("Strongest external drivers"), _factors),
        (N_("Product segments"), _segments),
        (N_("Consistency of the source report"), _checks),
    ):
        found = make(results, notes)
        if found:
            findings.append((_(title), found))
    body.intro.append(
        Paragraph(
            text(
                _(
                    "This report turns the external-environment analysis of the "
                    "{industry} industry of {region} from prose into a checked, "
                    "quantified model. Every number links to its evidence: the sentence of the "
                    "source document, the reference entry, the parameter, or the analysis that "
                    "computed it. Factor weights and ratings rest on analyst judgments and are "
                    "labelled as such."
                ).format(industry=pick(case.target_industry), region=pick(case.region))
            ),
            tone="lead",
        )
    )
    if findings:
        body.intro.append(
            Bullets(
                tuple(
                    text(*fill(_("{title} "), title=Term(_("{title}.").format(title=t))), *parts)
                    for t, parts in findings
                )
            )
        )


def _demand(results: Results, notes: Notes) -> Text:
    """The market size: composite demand per year (median), the total over the horizon
    with its p5–p95, and the scenario's reasoning in one sentence."""
    d = results.demand
    note = model_note(results, notes)
    total = d.total.cumulative
    per_year: list = []
    for i, (year, s) in enumerate(zip(d.years, d.total.yearly, strict=True)):
        if i:
            per_year.append(_(", "))
        per_year += fill(
            _("{value} in {year}"), value=num(fmt.mass(s.p50), note), year=fmt.year(year)
        )
    lead = max((s for s in d.segments if s.segment != "total"), key=lambda s: s.cumulative.p50)
    return text(
        *fill(
            _(
                "Composites needed by the new-energy build-out each year (median): {per_year}; "
                "{total} over {years} (p5–p95 {range}), {segment} the largest part ({lead}). "
                "Why (scenario {scenario}): {why}"
            ),
            per_year=per_year,
            total=num(fmt.mass(total.p50), note, strong=True),
            years=fmt.years(d.years[0], d.years[-1]),
            range=num(fmt.value_range(total.p5, total.p95, "t"), note),
            segment=segment_name(lead.segment).lower(),
            lead=num(fmt.mass(lead.cumulative.p50), note),
            scenario=labels.scenario(results, d.name),
            why=labels.scenario_description(results, d.name, d.description),
        )
    )


def _join(pairs: list[tuple[str, Any]]) -> list:
    out: list = []
    for i, (name, value) in enumerate(pairs):
        if i:
            out.append(", ")
        out += [name, " ", value]
    return out


def _drivers(results: Results, notes: Notes) -> Text:
    sens = results.sensitivity
    if sens is None:
        return ()
    note = sensitivity_note(results, notes)
    frame = sens.to_frame()
    frame = frame[~frame["inert"]].sort_values("rank").head(3)
    plain = labels.parameters(results)
    names: list = []
    for i, (_label, r) in enumerate(frame.iterrows()):
        if i:
            names.append(_(", ") if i < len(frame) - 1 else _(" and "))
        names += fill(
            _("{parameter} (total-order index {index})"),
            parameter=Term(plain.get(str(r["parameter"]), str(r["parameter"]))),
            index=num(fmt.decimal(r["ST"], 2), note),
        )
    return text(
        *fill(
            _(
                "Most of the uncertainty comes from {parameters}: narrowing these assumptions "
                "narrows the demand range most."
            ),
            parameters=names,
        )
    )


def _scenarios(results: Results, notes: Notes) -> Text:
    comparison = results.scenarios
    if comparison is None or len(comparison.results) < 2:
        return ()
    note = model_note(results, notes)
    ranked = sorted(
        comparison.results, key=lambda r: r.demand.get("cumulative_demand_t", "total")["p50"]
    )
    low, high = ranked[0], ranked[-1]
    lo = low.demand.get("cumulative_demand_t", "total")["p50"]
    hi = high.demand.get("cumulative_demand_t", "total")["p50"]
    return text(
        *fill(
            _(
                "Across the case's scenarios the median runs from {low} ({low_name}) to {high} "
                "({high_name})."
            ),
            low=num(fmt.mass(lo), note),
            low_name=labels.scenario(results, low.name),
            high=num(fmt.mass(hi), note),
            high_name=labels.scenario(results, high.name),
        )
    )


def _linkage(results: Results, notes: Notes) -> Text:
    if results.linkage is None:
        return ()
    effects = results.linkage.effects
    note = linkage_note(results, notes, model_note(results, notes))
    totals = effects.central.totals()
    return text(
        *fill(
            _(
                "On national input-output coefficients, that demand raises output by {total} at "
                "the central price assumption, {indirect} of it indirectly through suppliers; "
                "its size follows the assumed prices per tonne, and the coefficients are "
                "national, not regional."
            ),
            total=num(fmt.money(totals["output_total"]), note),
            indirect=num(fmt.money(totals["output_indirect"]), note),
        )
    )


def _factors(results: Results, notes: Notes) -> Text:
    j = results.judgments
    dem, ahp, efe = results.dematel, results.ahp, results.efe
    if j is None or (dem is None and ahp is None):
        return ()
    names = labels.factor_names(j)
    source = judgments_note(notes, j)
    parts: list = [_("(Illustrative judgments.) ")]
    if dem is not None:
        note = dematel_note(dem, notes, source)
        frame = dem.to_frame().sort_values("d_minus_r", ascending=False)
        top = frame.head(2)
        causes: list = []
        for i, (label, r) in enumerate(top.iterrows()):
            if i:
                causes.append(_(" and "))
            causes += fill(
                _("{factor} (D−R {value})"),
                factor=Term(names.get(label, label)),
                value=num(fmt.decimal(r["d_minus_r"], 2), note),
            )
        parts += fill(_("DEMATEL puts {factors} at the head of the cause group. "), factors=causes)
    if ahp is not None:
        note = ahp_note(ahp, notes, source)
        best = max(ahp.rows, key=lambda r: r.global_weight)
        parts += fill(
            _("AHP weighs {factor} highest ({weight}). "),
            factor=Term(names.get(best.item, best.item)),
            weight=num(fmt.decimal(best.global_weight, 3), note),
        )
    if efe is not None:
        note = efe_note(efe, notes, source)
        parts += fill(_("The EFE total is {total}."), total=num(fmt.decimal(efe.total, 2), note))
    return text(*parts)


def _segments(results: Results, notes: Notes) -> Text:
    t, rob, j = results.topsis, results.stability, results.judgments
    if t is None or j is None:
        return ()
    note = topsis_note(notes, judgments_note(notes, j))
    first = t.ranking()[0]
    i = t.alternatives.index(first)
    parts: list = fill(
        _("TOPSIS ranks {segment} first (closeness {closeness})"),
        segment=Term(segment_name(first)),
        closeness=num(fmt.decimal(t.closeness[i], 2), note),
    )
    if rob is not None:
        rnote = robustness_note(rob, notes, note)
        keep = rob.keep_share[rob.alternatives.index(first)]
        parts += fill(
            _("; it keeps that rank in {share} of weight perturbations"),
            share=num(fmt.share(keep, 0), rnote),
        )
    parts.append(_("."))
    return text(*parts)


def _checks(results: Results, notes: Notes) -> Text:
    report = results.findings
    if report is None:
        return ()
    note = checks_note(report, notes)
    s = report.summary
    failed = [f for f in report.findings if f.status == "fail"]
    parts: list = fill(
        _("{failed} of {checks} checks fail"),
        failed=num(fmt.count(s["fail"]), note, strong=True),
        checks=num(fmt.count(s["checks"]), note),
    )
    if failed:
        parts.append(_(": "))
        for k, f in enumerate(failed):
            if k:
                parts.append(_("; "))
            parts.append(Link(said.title(f), finding_anchor(f)))
    parts.append(_("."))
    return text(*parts)
