"""Section 9: consistency findings — every check, failed first, with its arithmetic."""

from __future__ import annotations

from typing import Any

from pestle.report import charts
from pestle.report import format as fmt
from pestle.report.footnotes import Notes, num, refs
from pestle.report.inputs import Inputs
from pestle.report.sections import Body
from pestle.report.sections._common import Cite, evidence_notes, finding_anchor, waiting
from pestle.report.view import Bullets, Chart, Column, Paragraph, Table, Term, text

MODULES = ("pestle.case", "pestle.checks.runner")
STATUS = {"fail": "Failed", "unknown": "Unknown", "pass": "Passed"}


def build(inputs: Inputs, notes: Notes) -> Body:
    body = Body()
    if waiting(inputs, body, *MODULES):
        return body
    report = inputs.get("findings")
    if report is None:
        return body
    cite = Cite(inputs.case, notes)
    method = checks_note(report, notes)
    summary = report.summary
    body.intro.append(
        Paragraph(
            text(
                "pestle ran ",
                num(fmt.count(summary["checks"]), method),
                " checks on the claims of the case and its reference data: ",
                num(fmt.count(summary["fail"]), method, strong=True),
                " failed (",
                num(fmt.count(summary["errors"]), method),
                " errors, ",
                num(fmt.count(summary["warnings"]), method),
                " warnings), ",
                num(fmt.count(summary["unknown"]), method),
                " could not be decided and ",
                num(fmt.count(summary["pass"]), method),
                " passed. Failed checks come first; each shows what was compared, the "
                "arithmetic, the tolerance and the evidence.",
            ),
            tone="lead",
        )
    )
    body.intro.append(
        Chart(
            id="chart-checks-summary",
            title="Outcome of the consistency checks",
            spec=charts.check_outcomes(report),
            description="Bar chart: number of checks failed, unknown and passed",
            source=text("Source: pestle.checks.", refs(method)),
        )
    )
    for status in ("fail", "unknown", "pass"):
        group = [f for f in report.findings if f.status == status]
        if not group:
            continue
        body.sub(
            f"checks-{status}",
            f"{STATUS[status]} checks",
            _table(cite, status, group),
            *_details(cite, group if status != "pass" else []),
        )
    return body


def checks_note(report: Any, notes: Notes) -> int:
    return notes.computed(
        "pestle checks",
        description=(
            f"Consistency rules run by pestle.checks on case {report.case}: "
            f"{', '.join(report.rules)}."
        ),
    )


def _figure(fig: Any) -> str:
    return fig.text if fig is not None else "—"


def _table(cite: Cite, status: str, findings: list[Any]) -> Table:
    rows = []
    for f in findings:
        marks = evidence_notes(cite, f.evidence)
        rows.append(
            (
                text(f.severity),
                text(Term(f.title), " ", f.message, refs(*marks)),
                text(_figure(f.expected)),
                text(_figure(f.actual)),
                text(f.tolerance.text if f.tolerance else "—"),
            )
        )
    return Table(
        id=f"table-checks-{status}",
        caption=f"{STATUS[status]} checks, most severe first",
        columns=(
            Column("Severity"),
            Column("Check and finding"),
            Column("Expected"),
            Column("Actual (arithmetic)"),
            Column("Tolerance"),
        ),
        rows=tuple(rows),
        row_classes=tuple(status for _ in findings),
        row_ids=tuple(finding_anchor(f) for f in findings),
    )


def _details(cite: Cite, findings: list[Any]) -> list:
    out: list = []
    for f in findings:
        if f.readings:
            out.append(Paragraph(text(Term(f.title), ": possible readings"), tone="method"))
            out.append(Bullets(tuple(text(r) for r in f.readings)))
    return out
