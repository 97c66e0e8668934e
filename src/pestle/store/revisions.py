"""Read revisions back: list, show (one revision and its claims), export as JSON or CSV.

A revision is named by its id (``3``), by ``document@number`` (``source_report@2``), or by
the document name alone (its latest revision).
"""

from __future__ import annotations

import csv
import gc
import io
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Literal

from sqlalchemy import Connection, Select, select

from pestle.errors import StoreError
from pestle.model import Claim, Period
from pestle.store.results import RevisionInfo, StoredClaim
from pestle.store.schema import ClaimRow, DocumentRow, RevisionRow, SourceRow

ExportFormat = Literal["json", "csv"]
EXPORT_FORMATS: tuple[str, ...] = ("json", "csv")
CSV_COLUMNS = ("position", *Claim.model_fields, "line", "reference")


def _revision_query() -> Select[tuple]:
    return (
        select(
            RevisionRow.id,
            DocumentRow.name.label("document"),
            RevisionRow.number,
            RevisionRow.kind,
            SourceRow.sha256,
            SourceRow.title,
            RevisionRow.path,
            RevisionRow.claim_count.label("claims"),
            RevisionRow.parent_id.label("parent"),
            RevisionRow.created_at,
        )
        .join(DocumentRow, DocumentRow.id == RevisionRow.document_id)
        .join(SourceRow, SourceRow.id == RevisionRow.source_id)
    )


def list_revisions(conn: Connection, document: str | None = None) -> list[RevisionInfo]:
    """Every revision (of one document, if named), oldest first."""
    query = _revision_query().order_by(RevisionRow.id)
    if document is not None:
        query = query.where(DocumentRow.name == document)
    return [RevisionInfo.model_validate(row._asdict()) for row in conn.execute(query)]


def resolve(conn: Connection, ref: int | str) -> RevisionInfo:
    """The revision ``ref`` names: an id, ``document@number``, or a document (its latest)."""
    text = str(ref).strip()
    query = _revision_query()
    if text.isdigit():
        query = query.where(RevisionRow.id == int(text))
    elif "@" in text:
        name, _, number = text.rpartition("@")
        if not number.isdigit():
            raise StoreError(f"revision {text!r}: the part after '@' must be a revision number")
        query = query.where(DocumentRow.name == name, RevisionRow.number == int(number))
    else:
        query = query.where(DocumentRow.name == text).order_by(RevisionRow.number.desc()).limit(1)
    row = conn.execute(query).first()
    if row is None:
        raise StoreError(f"no revision {text!r} in the store: `pestle db list` shows them")
    return RevisionInfo.model_validate(row._asdict())


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects that stay alive
    (it would otherwise rescan them again and again; ~2x faster for 100k claims)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def stored_claims(conn: Connection, revision_id: int) -> list[StoredClaim]:
    """The claims of one revision, in document order."""
    c = ClaimRow.__table__.c
    rows = conn.execute(
        select(
            c.position,
            c.value,
            c.unit,
            c.qualifier,
            c.period_start,
            c.period_end,
            c.measure,
            c.subject,
            c.text,
            c.span_start,
            c.span_end,
            c.section,
            c.line,
            c.reference,
        )
        .where(c.revision_id == revision_id)
        .order_by(c.position)
    )
    out: list[StoredClaim] = []
    periods: dict[tuple[date, date], Period] = {}
    with paused_gc():
        for r in rows:
            period = None
            if r.period_start is not None and r.period_end is not None:
                span = (r.period_start, r.period_end)
                period = periods.get(span)
                if period is None:
                    period = periods[span] = Period(start=r.period_start, end=r.period_end)
            claim = Claim(
                value=r.value,
                unit=r.unit,
                qualifier=r.qualifier,
                period=period,
                measure=r.measure,
                subject=r.subject,
                text=r.text,
                start=r.span_start,
                end=r.span_end,
                section=r.section,
            )
            out.append(
                StoredClaim(position=r.position, claim=claim, line=r.line, reference=r.reference)
            )
    return out


def export_text(
    info: RevisionInfo, claims: Sequence[StoredClaim], fmt: ExportFormat = "json"
) -> str:
    """A revision as JSON (``{"revision": ..., "claims": [...]}``) or CSV (one claim a row)."""
    if fmt == "json":
        payload = {"revision": info.to_dict(), "claims": [c.to_dict() for c in claims]}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for stored in claims:
            c = stored.claim
            writer.writerow(
                [
                    stored.position,
                    repr(c.value),
                    c.unit,
                    c.qualifier,
                    c.period.iso() if c.period else "",
                    c.measure or "",
                    c.subject or "",
                    c.text,
                    c.start,
                    c.end,
                    c.section or "",
                    "" if stored.line is None else stored.line,
                    stored.reference or "",
                ]
            )
        return buffer.getvalue()
    raise StoreError(f"export format {fmt!r} is not one of {', '.join(EXPORT_FORMATS)}")
