"""Section 9: consistency findings — every check, failed first, with its arithmetic."""

from __future__ import annotations

from typing import Any

from pestle.present import charts
from pestle.present import findings as said
from pestle.present import format as fmt
from pestle.present.i18n import N_
from pestle.present.i18n import gettext as _
from pestle.report.footnotes import Notes, num, refs
from pestle.report.sections import Body
from pestle.report.sections._common import (
    Cite,
    chart,
    evidence_notes,
    fill,
    finding_anchor,
    table,
)
from pestle.report.view import Bullets, Column, Paragraph, Table, Term, text
from pestle.results import Results

STATUS = {
    "fail": N_("Failed"),
    "ambiguous": N_("Ambiguous"),
    "unknown": N_("Unknown"),
    "pass": N_("Passed"),
}


def build(results: Results, notes: Notes, body: Body) -> None:
    report = results.findings
    if report is None:
        return
    cite = Cite(results.case, notes)
    method = checks_note(report, notes)
    summary = report.summary
    body.intro.append(
        Paragraph(
            text(
                *fill(
                    _(
                        "pestle ran {checks} checks on the claims of the case and its reference "
                        "data: {failed} failed ({errors} errors, {warnings} warnings), "
                        "{ambiguous} are ambiguous (one of their readings is not an error), "
                        "{unknown} could not be decided and {passed} passed. Findings of one "
                        "root cause count once. Failed checks come first; each shows what was "
                        "compared, the arithmetic, the tolerance and the evidence."
                    ),
                    checks=num(fmt.count(summary["checks"]), method),
                    failed=num(fmt.count(summary["fail"]), method, strong=True),
                    errors=num(fmt.count(summary["errors"]), method),
                    warnings=num(fmt.count(summary["warnings"]), method),
                    ambiguous=num(fmt.count(summary.get("ambiguous", 0)), method),
                    unknown=num(fmt.count(summary["unknown"]), method),
                    passed=num(fmt.count(summary["pass"]), method),
                )
            ),
            tone="lead",
        )
    )
    body.intro.append(
        chart(
            "chart-checks-summary",
            _("Outcome of the consistency checks"),
            charts.check_outcomes(report),
            _("Bar chart: number of checks failed, unknown and passed"),
            _("Source: pestle's consistency checks."),
            method,
        )
    )
    for status in ("fail", "ambiguous", "unknown", "pass"):
        group = [f for f in report.findings if f.status == status]
        if not group:
            continue
        body.sub(
            f"checks-{status}",
            _("{status} checks").format(status=_(STATUS[status])),
            _table(cite, status, group),
            *_details(cite, group if status != "pass" else []),
        )


def checks_note(report: Any, notes: Notes) -> int:
    return notes.computed(
        "pestle checks",
        description=_(
            "Consistency rules run by pestle's consistency checks on case {case}: {rules}."
        ).format(case=report.case, rules=", ".join(report.rules)),
    )


def _table(cite: Cite, status: str, findings: list[Any]) -> Table:
    rows = []
    for f in findings:
        marks = evidence_notes(cite, f.evidence)
        rows.append(
            (
                text(fmt.words(f.severity)),  # an id of the checks, in the reader's words
                text(Term(said.title(f)), " ", said.message(f), refs(*marks)),
                text(said.figure(f.expected)),
                text(said.figure(f.actual)),
                text(said.tolerance(f.tolerance)),
            )
        )
    return table(
        f"table-checks-{status}",
        _("{status} checks, most severe first").format(status=_(STATUS[status])),
        (
            Column(_("Severity"), word=True),
            _("Check and finding"),
            _("Expected"),
            _("Actual (arithmetic)"),
            _("Tolerance"),
        ),
        rows,
        row_classes=tuple(status for _ in findings),
        row_ids=tuple(finding_anchor(f) for f in findings),
    )


def _details(cite: Cite, findings: list[Any]) -> list:
    out: list = []
    for f in findings:
        name = Term(said.title(f))
        if f.readings:
            out.append(Paragraph(text(name, _(": possible readings")), tone="method"))
            out.append(
                Bullets(
                    tuple(
                        text(r, _(" (not an error)") if benign else "")
                        for r, benign in said.readings(f)
                    )
                )
            )
        if f.rows:
            out.append(Paragraph(text(name, _(": every row affected")), tone="method"))
            out.append(Bullets(tuple(text(said.row(r)) for r in f.rows)))
        if f.members:
            out.append(Paragraph(text(name, _(": the findings merged")), tone="method"))
            out.append(
                Bullets(
                    tuple(
                        text(
                            said.title(m),
                            _(" ({status}): ").format(status=fmt.words(m.status)),
                            said.message(m),
                        )
                        for m in f.members
                    )
                )
            )
    return out
