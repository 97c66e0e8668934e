"""Consistency checks: rules that test a case's claims against each other and against
reference data, each finding showing its arithmetic, tolerance and evidence.

    >>> from pestle.checks import run_checks
    >>> report = run_checks()          # the embedded default case
    >>> report.summary

Modules: one per rule (`additivity`, `weighted_growth`, `relative`, `shares`,
`implied_base`, `magnitude`, `agreement`, `double_counting`, `capacity_additions`,
`undated` = the periods rule), the helpers they share (`periods`, `facts`, `units`,
`match`, `compare`, `inputs`, `adapt`), the `Finding` model, the explicit `registry`, the
`runner`, `cause` (root causes: findings of one error reported once, their members kept),
and `diff` (two reports compared: the findings a change of the inputs changes).
"""

from pestle.checks.cause import group
from pestle.checks.diff import FindingChange, ReportDiff, compare_reports
from pestle.checks.finding import AffectedRow, Figure, Finding, Tolerance
from pestle.checks.inputs import CheckInputs, DocumentText, Reference, StatusReference
from pestle.checks.registry import RULES, Rule
from pestle.checks.runner import CheckReport, run_checks

__all__ = [
    "RULES",
    "AffectedRow",
    "CheckInputs",
    "CheckReport",
    "DocumentText",
    "Figure",
    "Finding",
    "FindingChange",
    "Reference",
    "ReportDiff",
    "Rule",
    "StatusReference",
    "Tolerance",
    "compare_reports",
    "group",
    "run_checks",
]
