"""What the store hands back: frozen records with `to_dict()` (and `to_frame()` for tables)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from pestle.model import Claim, EvidenceRef

if TYPE_CHECKING:
    import pandas as pd

ImportStatus = Literal["new", "revised", "unchanged"]
RevisionKind = Literal["text", "table"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class RevisionInfo(_Record):
    """One stored version of one document."""

    id: int
    document: str
    number: int
    kind: RevisionKind
    sha256: str
    title: str
    path: str | None
    claims: int
    parent: int | None
    created_at: datetime

    @field_validator("created_at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        # SQLite keeps no offset; pestle writes UTC.
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)

    @property
    def label(self) -> str:
        """``document@number``, another way to name this revision."""
        return f"{self.document}@{self.number}"


class StoredClaim(_Record):
    """A claim as stored: its place in the revision and, for tables, line and cited source."""

    position: int
    claim: Claim
    line: int | None = None
    reference: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = self.claim.model_dump(mode="json")
        if self.line is not None or self.reference is not None:
            data["line"] = self.line
            data["reference"] = self.reference
        return data


class DocumentImport(_Record):
    """What happened to one file of an import."""

    path: str | None
    document: str
    status: ImportStatus
    revision: int  # id of the new revision, or of the existing one when unchanged
    number: int
    sha256: str
    claims: int


class ImportResult(_Record):
    """The outcome of one import call (one transaction)."""

    documents: tuple[DocumentImport, ...]

    @property
    def written(self) -> int:
        """Revisions this import created."""
        return sum(1 for d in self.documents if d.status != "unchanged")

    @property
    def claims_written(self) -> int:
        return sum(d.claims for d in self.documents if d.status != "unchanged")

    def count(self, status: str) -> int:
        """Documents with this outcome (new, revised or unchanged)."""
        return sum(1 for d in self.documents if d.status == status)


class ClaimChange(_Record):
    """A claim present in both revisions whose content differs."""

    old: Claim
    new: Claim
    fields: tuple[str, ...]


class Diff(_Record):
    """Claims added, removed and changed from revision `old` to revision `new`."""

    old: RevisionInfo
    new: RevisionInfo
    added: tuple[Claim, ...]
    removed: tuple[Claim, ...]
    changed: tuple[ClaimChange, ...]
    unchanged: int

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def to_frame(self) -> pd.DataFrame:
        """One row per difference: change, section, measure, subject, period, old, new."""
        import pandas as pd

        rows: list[dict[str, Any]] = []
        for claim in self.removed:
            rows.append(_row("removed", claim, claim.text, None))
        for change in self.changed:
            rows.append(_row("changed", change.new, change.old.text, change.new.text))
            rows[-1]["fields"] = ",".join(change.fields)
        for claim in self.added:
            rows.append(_row("added", claim, None, claim.text))
        columns = ["change", "section", "measure", "subject", "period", "old", "new", "fields"]
        return pd.DataFrame(rows, columns=columns)


def _row(change: str, claim: Claim, old: str | None, new: str | None) -> dict[str, Any]:
    return {
        "change": change,
        "section": claim.section,
        "measure": claim.measure,
        "subject": claim.subject,
        "period": claim.period.iso() if claim.period else None,
        "old": old,
        "new": new,
        "fields": "",
    }


class InitResult(_Record):
    """Where the schema stood before and after `Store.init()`."""

    url: str
    before: str | None
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


class EntitySaveResult(_Record):
    """The outcome of `Store.save_entities`: versions written, links and their resolution."""

    saved: int
    unchanged: int
    links: int
    unresolved: tuple[EvidenceRef, ...]
