"""Section 1: executive summary — the few computed findings that matter, each a sentence with
its numbers and their footnotes (the same notes as in the sections that present them)."""

from __future__ import annotations

from typing import Any

from pestle.present import format as fmt
from pestle.present.charts import segment_name
from pestle.report.footnotes import Notes, num
from pestle.report.sections import Body
from pestle.report.sections._common import finding_anchor
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
        ("Composite demand", _demand),
        ("What drives it", _drivers),
        ("Scenarios", _scenarios),
        ("Economy-wide effect", _linkage),
        ("Strongest external drivers", _factors),
        ("Product segments", _segments),
        ("Consistency of the source report", _checks),
    ):
        found = make(results, notes)
        if found:
            findings.append((title, found))
    body.intro.append(
        Paragraph(
            text(
                "This report turns the external-environment analysis of the "
                f"{case.target_industry} industry of {case.region} from prose into a checked, "
                "quantified model. Every number links to its evidence: the sentence of the source "
                "document, the reference entry, the parameter, or the analysis that computed it. "
                "Factor weights and ratings rest on analyst judgments and are labelled as such."
            ),
            tone="lead",
        )
    )
    if findings:
        body.intro.append(Bullets(tuple(text(Term(t + "."), " ", *parts) for t, parts in findings)))


def _demand(results: Results, notes: Notes) -> Text:
    """The market size: composite demand per year (median), the total over the horizon
    with its p5–p95, and the scenario's reasoning in one sentence."""
    d = results.demand
    note = model_note(results, notes)
    total = d.total.cumulative
    per_year: list = []
    for i, (year, s) in enumerate(zip(d.years, d.total.yearly, strict=True)):
        if i:
            per_year.append(", ")
        per_year += [num(fmt.mass(s.p50), note), f" in {fmt.year(year)}"]
    lead = max((s for s in d.segments if s.segment != "total"), key=lambda s: s.cumulative.p50)
    return text(
        "Composites needed by the new-energy build-out each year (median): ",
        *per_year,
        "; ",
        num(fmt.mass(total.p50), note, strong=True),
        f" over {fmt.year(d.years[0])}{fmt.DASH}{fmt.year(d.years[-1])} (p5–p95 ",
        num(fmt.value_range(total.p5, total.p95, "t"), note),
        "), ",
        segment_name(lead.segment).lower(),
        " the largest part (",
        num(fmt.mass(lead.cumulative.p50), note),
        f"). Why (scenario {d.name}): {d.description}",
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
    parts: list = ["Most of the uncertainty comes from "]
    for i, (_label, r) in enumerate(frame.iterrows()):
        if i:
            parts.append(", " if i < len(frame) - 1 else " and ")
        parts += [
            Term(str(r["parameter"])),
            " (total-order index ",
            num(fmt.decimal(r["ST"], 2), note),
            ")",
        ]
    parts.append(": narrowing these assumptions narrows the demand range most.")
    return text(*parts)


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
        "Across the case's scenarios the median runs from ",
        num(fmt.mass(lo), note),
        f" ({low.name}) to ",
        num(fmt.mass(hi), note),
        f" ({high.name}).",
    )


def _linkage(results: Results, notes: Notes) -> Text:
    if results.linkage is None:
        return ()
    effects = results.linkage.effects
    note = linkage_note(effects, notes, model_note(results, notes))
    totals = effects.central.totals()
    return text(
        "On national input-output coefficients, that demand raises output by ",
        num(fmt.money(totals["output_total"]), note),
        " at the central price assumption, ",
        num(fmt.money(totals["output_indirect"]), note),
        " of it indirectly through suppliers; its size follows the assumed prices per tonne, "
        "and the coefficients are national, not regional.",
    )


def _factors(results: Results, notes: Notes) -> Text:
    j = results.judgments
    dem, ahp, efe = results.dematel, results.ahp, results.efe
    if j is None or (dem is None and ahp is None):
        return ()
    names = {k: f.name for k, f in j.factors.items()}
    source = judgments_note(notes, j)
    parts: list = ["(Illustrative judgments.) "]
    if dem is not None:
        note = dematel_note(dem, notes, source)
        frame = dem.to_frame().sort_values("d_minus_r", ascending=False)
        top = frame.head(2)
        parts.append("DEMATEL puts ")
        for i, (label, r) in enumerate(top.iterrows()):
            if i:
                parts.append(" and ")
            parts += [
                Term(names.get(label, label)),
                " (D−R ",
                num(fmt.decimal(r["d_minus_r"], 2), note),
                ")",
            ]
        parts.append(" at the head of the cause group. ")
    if ahp is not None:
        note = ahp_note(ahp, notes, source)
        best = max(ahp.rows, key=lambda r: r.global_weight)
        parts += [
            "AHP weighs ",
            Term(names.get(best.item, best.item)),
            " highest (",
            num(fmt.decimal(best.global_weight, 3), note),
            "). ",
        ]
    if efe is not None:
        note = efe_note(efe, notes, source)
        parts += ["The EFE total is ", num(fmt.decimal(efe.total, 2), note), "."]
    return text(*parts)


def _segments(results: Results, notes: Notes) -> Text:
    t, rob, j = results.topsis, results.stability, results.judgments
    if t is None or j is None:
        return ()
    note = topsis_note(notes, judgments_note(notes, j))
    first = t.ranking()[0]
    i = t.alternatives.index(first)
    parts: list = [
        "TOPSIS ranks ",
        Term(segment_name(first)),
        " first (closeness ",
        num(fmt.decimal(t.closeness[i], 2), note),
        ")",
    ]
    if rob is not None:
        rnote = robustness_note(rob, notes, note)
        keep = rob.keep_share[rob.alternatives.index(first)]
        parts += [
            "; it keeps that rank in ",
            num(fmt.share(keep, 0), rnote),
            " of weight perturbations",
        ]
    parts.append(".")
    return text(*parts)


def _checks(results: Results, notes: Notes) -> Text:
    report = results.findings
    if report is None:
        return ()
    note = checks_note(report, notes)
    s = report.summary
    failed = [f for f in report.findings if f.status == "fail"]
    parts: list = [
        num(fmt.count(s["fail"]), note, strong=True),
        " of ",
        num(fmt.count(s["checks"]), note),
        " checks fail",
    ]
    if failed:
        parts.append(": ")
        for k, f in enumerate(failed):
            if k:
                parts.append("; ")
            parts.append(Link(f.title, finding_anchor(f)))
    parts.append(".")
    return text(*parts)
