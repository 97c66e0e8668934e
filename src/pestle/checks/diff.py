"""Two check reports compared: which findings a change of the inputs makes new, gone, or
different (another status or another message).

    before = run_checks()                       # the embedded case
    after = run_checks(inputs)                  # e.g. with an uploaded document
    compare_reports(before, after).to_frame()   # new, gone and changed findings

Findings are matched by their stable id (`<rule>:<what>`); the findings the rules produced
are compared (`CheckReport.leaves`), not their root causes, so a cause that loses a member
shows as that member changed, not as a finding gone. A finding in both reports with
the same status and message is unchanged and left out. The changes come in the order of
`after` (changed and new findings), then the findings `after` no longer has, in the order
of `before`. A change shows the finding as `after` has it (as `before` had it when gone).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

from pestle.checks.finding import Severity, Status

if TYPE_CHECKING:
    import pandas as pd

    from pestle.checks.finding import Finding
    from pestle.checks.runner import CheckReport

Change = Literal["new", "gone", "changed"]

FRAME_COLUMNS = ["change", "id", "rule", "title", "severity", "before", "after", "message"]


class FindingChange(BaseModel):
    """One finding that differs between two reports, with its status in each."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    rule: str
    severity: Severity
    before: Status | None  # None: the finding is new
    after: Status | None  # None: the finding is gone
    message: str
    change: Change


class ReportDiff(BaseModel):
    """The findings that differ between a report `before` and a report `after`."""

    model_config = ConfigDict(frozen=True)

    changes: tuple[FindingChange, ...]

    def of_change(self, change: Change) -> tuple[FindingChange, ...]:
        return tuple(c for c in self.changes if c.change == change)

    @property
    def counts(self) -> dict[str, int]:
        return {k: len(self.of_change(k)) for k in ("new", "gone", "changed")}

    def to_dict(self) -> dict[str, Any]:
        return {
            "counts": self.counts,
            "changes": [c.model_dump(mode="json") for c in self.changes],
        }

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([c.model_dump() for c in self.changes], columns=FRAME_COLUMNS)


def _change(finding_id: str, old: Finding | None, new: Finding) -> FindingChange:
    return FindingChange(
        id=finding_id,
        title=new.title,
        rule=new.rule,
        severity=new.severity,
        before=old.status if old is not None else None,
        after=new.status,
        message=new.message,
        change="new" if old is None else "changed",
    )


def compare_reports(before: CheckReport, after: CheckReport) -> ReportDiff:
    """The findings that are new in `after`, gone from it, or have another status or message
    (see the module docstring for the order)."""
    old = {f.id: f for f in before.leaves}  # the rules' findings: grouping changes no status
    new = {f.id: f for f in after.leaves}
    changes = [
        _change(fid, old.get(fid), f)
        for fid, f in new.items()
        if fid not in old or (old[fid].status, old[fid].message) != (f.status, f.message)
    ]
    changes.extend(
        FindingChange(
            id=fid,
            title=f.title,
            rule=f.rule,
            severity=f.severity,
            before=f.status,
            after=None,
            message=f.message,
            change="gone",
        )
        for fid, f in old.items()
        if fid not in new
    )
    return ReportDiff(changes=tuple(changes))
