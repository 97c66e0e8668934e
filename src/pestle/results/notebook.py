"""Rich display in Jupyter: small HTML tables of a case, a check report, the results and a
demand summary (`_repr_html_` of each calls one function here).

Display only: every figure is one the object already holds, formatted by
`pestle.present.format`; every text is escaped. Showing `Results` computes nothing: it lists
the steps already computed and shows the headline numbers of those.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pestle.case import Case
    from pestle.checks import CheckReport
    from pestle.results.results import Results
    from pestle.results.summary import ScenarioSummary

_STYLE = "border-collapse:collapse;font-size:90%"
_STATUS = ("fail", "ambiguous", "unknown", "pass")


def _table(
    head: Sequence[str], rows: Iterable[Sequence[str]], numeric: set[int] = frozenset()
) -> str:
    def cell(tag: str, i: int, text: str) -> str:
        align = "right" if i in numeric else "left"
        return f'<{tag} style="text-align:{align};padding:2px 8px">{escape(text)}</{tag}>'

    head_row = "".join(cell("th", i, h) for i, h in enumerate(head))
    body = "".join(
        "<tr>" + "".join(cell("td", i, t) for i, t in enumerate(row)) + "</tr>" for row in rows
    )
    return (
        f'<table style="{_STYLE}"><thead><tr>{head_row}</tr></thead><tbody>{body}</tbody></table>'
    )


def _title(text: str, sub: str = "") -> str:
    extra = f'<br><span style="color:#666">{escape(sub)}</span>' if sub else ""
    return f"<p><strong>{escape(text)}</strong>{extra}</p>"


def case_html(case: Case) -> str:
    counts = (
        ("documents", len(case.documents)),
        ("claims", len(case.claims)),
        ("entities", len(case.entities)),
        ("factors", len(case.factors)),
        ("reference series", len(case.references)),
    )
    docs = _table(("document", "title"), ((d.id, d.title) for d in case.documents))
    return (
        _title(case.name, f"{case.region} · {case.target_industry} · {case.folder}")
        + _table(("", "count"), ((k, str(v)) for k, v in counts), numeric={1})
        + docs
    )


def checks_html(report: CheckReport, limit: int = 30) -> str:
    s = report.summary
    line = ", ".join(f"{s[k]} {k}" for k in _STATUS)
    rows = [
        (
            f.status,
            f.severity,
            f.title,
            f.expected.text if f.expected else "",
            f.actual.text if f.actual else "",
        )
        for f in report.findings[:limit]
    ]
    more = len(report.findings) - limit
    tail = f"<p>… and {more} more (<code>report.to_frame()</code>)</p>" if more > 0 else ""
    return (
        _title(f"Checks of {report.case}: {s['checks']} checks", line)
        + _table(("status", "severity", "check", "expected", "actual"), rows)
        + tail
    )


def demand_html(summary: ScenarioSummary) -> str:
    from pestle.present import format as fmt

    years = summary.years
    head = ("segment", "median", "p5–p95", *(str(y) for y in years))
    rows = [
        (
            s.segment,
            fmt.mass(s.cumulative.p50),
            fmt.value_range(s.cumulative.p5, s.cumulative.p95, "t"),
            *(fmt.mass(y.p50) for y in s.yearly),
        )
        for s in summary.segments
    ]
    span = f"{years[0]}–{years[-1]}" if years else ""
    return _title(
        f"Composite demand, scenario {summary.name}, {span}",
        "cumulative median and p5–p95; yearly medians",
    ) + _table(head, rows, numeric=set(range(1, len(head))))


def results_html(results: Results) -> str:
    from pestle.results.stages import STEPS

    parts = [_title(f"Results of {results.case.name}", results.settings.describe())]
    done = [name for name in STEPS if results.has(name)]
    waiting = [name for name in STEPS if name not in done and name != "json"]
    parts.append(
        _table(
            ("steps computed", "steps not yet computed"),
            [(", ".join(done) or "none", ", ".join(waiting) or "none")],
        )
    )
    if results.has("findings"):
        s = results.findings.summary
        parts.append(f"<p>Checks: {escape(', '.join(f'{s[k]} {k}' for k in _STATUS))}</p>")
    if results.has("demand"):
        parts.append(demand_html(results.demand))
    parts.append(
        "<p>Fields compute on first use: <code>.findings</code>, <code>.demand</code>, "
        "<code>.topsis</code>, <code>.to_frame()</code>, <code>.charts.demand_fan()</code> …</p>"
    )
    return "".join(parts)
