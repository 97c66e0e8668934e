"""Run every rule on a case and collect the findings into a `CheckReport`.

    >>> from pestle.checks import run_checks
    >>> report = run_checks()                  # the embedded case
    >>> report.to_frame()[["status", "severity", "id"]]

Findings are ordered failed first, then ambiguous, unknown, passed; within each, errors
before warnings before info. A rule that finds nothing to check is reported `unknown` with
what it needs; a rule given data it cannot use (`CheckError`) is reported `unknown` with
the reason. Any other exception is a bug and is not hidden.

Findings that name one root cause (`Finding.cause`) are reported once (`cause.group`): the
report's `findings` are root causes and findings of no known cause, each counted once in
`summary`; a merged finding keeps the findings of the rules in its `members` (and
`leaves` lists every finding the rules produced). `finding(id)` finds a member too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from pestle.checks.cause import group
from pestle.checks.finding import Finding
from pestle.checks.inputs import CheckInputs
from pestle.checks.registry import RULES, Rule
from pestle.checks.said import said
from pestle.errors import CheckError

if TYPE_CHECKING:
    import pandas as pd

FRAME_COLUMNS = [
    "status",
    "severity",
    "rule",
    "id",
    "title",
    "message",
    "expected",
    "actual",
    "tolerance",
    "evidence",
    "cause",
    "members",
]


class CheckReport(BaseModel):
    """The findings of one run of the checks on one case."""

    model_config = ConfigDict(frozen=True)

    case: str
    rules: tuple[str, ...]
    findings: tuple[Finding, ...]

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={v}" for k, v in self.summary.items())
        return f"CheckReport(case={self.case!r}, {counts})"

    __str__ = __repr__

    def _repr_html_(self) -> str:
        """Jupyter's display: the counts by outcome and the findings, failed first."""
        from pestle.results.notebook import checks_html

        return checks_html(self)

    def count(self, status: str, severity: str | None = None) -> int:
        return sum(
            1
            for f in self.findings
            if f.status == status and (severity is None or f.severity == severity)
        )

    @property
    def summary(self) -> dict[str, int]:
        """Counts of the reported findings (a root cause counts once, whatever its members);
        `findings` is the number of findings the rules produced before grouping."""
        return {
            "checks": len(self.findings),
            "pass": self.count("pass"),
            "fail": self.count("fail"),
            "ambiguous": self.count("ambiguous"),
            "unknown": self.count("unknown"),
            "errors": self.count("fail", "error"),
            "warnings": self.count("fail", "warning"),
            "findings": len(self.leaves),
        }

    @property
    def has_errors(self) -> bool:
        """Whether any check failed with severity `error` (what `--strict` tests)."""
        return self.count("fail", "error") > 0

    @property
    def leaves(self) -> tuple[Finding, ...]:
        """Every finding the rules produced: the members of root causes in their place."""
        return tuple(leaf for f in self.findings for leaf in f.leaves)

    def finding(self, finding_id: str) -> Finding:
        """The reported finding with this id, or else the member finding with it."""
        for f in (*self.findings, *self.leaves):
            if f.id == finding_id:
                return f
        raise KeyError(finding_id)

    def of_rule(self, rule: str) -> tuple[Finding, ...]:
        """The findings one rule produced (members of root causes included)."""
        return tuple(f for f in self.leaves if f.rule == rule)

    def to_dict(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "rules": list(self.rules),
            "summary": self.summary,
            "findings": [f.model_dump(mode="json") for f in self.findings],
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per finding; figures as their written arithmetic, evidence counted."""
        import pandas as pd  # imported here: `pestle check` itself never needs pandas

        rows = [
            {
                "status": f.status,
                "severity": f.severity,
                "rule": f.rule,
                "id": f.id,
                "title": f.title,
                "message": f.message,
                "expected": f.expected.text if f.expected else None,
                "actual": f.actual.text if f.actual else None,
                "tolerance": f.tolerance.text if f.tolerance else None,
                "evidence": len(f.evidence),
                "cause": f.cause,
                "members": len(f.members),
            }
            for f in self.findings
        ]
        return pd.DataFrame(rows, columns=FRAME_COLUMNS)


def _inputs(case: Any) -> CheckInputs:
    if isinstance(case, CheckInputs):
        return case
    if case is None or isinstance(case, str | Path):
        from pestle.case import load_case

        case = load_case() if case is None else load_case(case)
    return CheckInputs.from_case(case)


def _run(rule: Rule, inputs: CheckInputs) -> list[Finding]:
    try:
        found = rule.check(inputs)
    except CheckError as exc:
        return [
            Finding(
                rule=rule.name,
                id=f"{rule.name}:cannot-run",
                **said("title", "runner.cannot_run_title", rule=rule.name),
                status="unknown",
                severity="warning",
                **said("message", "runner.cannot_run", error=str(exc)),
            )
        ]
    if found:
        return found
    return [
        Finding(
            rule=rule.name,
            id=f"{rule.name}:nothing-to-check",
            **said("title", "runner.nothing_title", rule=rule.name),
            status="unknown",
            severity="info",
            **said("message", "runner.nothing", needs=rule.needs),
        )
    ]


def run_checks(case: Any = None, *, rules: Sequence[Rule] = RULES) -> CheckReport:
    """Run `rules` on a case (a loaded `Case`, its name or folder, `CheckInputs`, or None
    for the embedded case) and return the findings, one per root cause, failed first."""
    inputs = _inputs(case)
    findings = [f for rule in rules for f in _run(rule, inputs)]
    return CheckReport(
        case=inputs.name, rules=tuple(r.name for r in rules), findings=group(findings)
    )
