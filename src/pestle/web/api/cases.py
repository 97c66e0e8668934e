"""Read-only views of a served case: cases, claims, entities, factors, checks, analysis."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from pestle.model import UNITS, Claim, Period
from pestle.web import present
from pestle.web.api.common import app_state, served_case
from pestle.web.schemas import InvalidParameter
from pestle.web.state import CaseState

router = APIRouter(tags=["case"])

Served = Annotated[CaseState, Depends(served_case)]
UnitCode = Literal[UNITS]  # type: ignore[valid-type]
Status = Literal["pass", "fail", "ambiguous", "unknown"]
Severity = Literal["info", "warning", "error"]
Text = Annotated[str | None, Query(max_length=200)]


def case_summary(cs: CaseState) -> dict[str, Any]:
    case = cs.case
    return {
        "id": case.id,
        "name": case.name,
        "region": case.region,
        "target_industry": case.target_industry,
        "description": case.description,
        "documents": [
            {"id": d.id, "title": d.title, "sha256": d.source.sha256, "claims": len(d.claims)}
            for d in case.documents
        ],
        "counts": {
            "claims": len(cs.claims),
            "entities": len(case.entities),
            "factors": len(case.factors),
        },
    }


@router.get("/cases", summary="The cases this server serves")
def list_cases(request: Request) -> dict[str, Any]:
    return {"cases": [case_summary(cs) for cs in app_state(request).cases.values()]}


@router.get("/cases/{case}", summary="One case: documents and counts")
def get_case(cs: Served) -> dict[str, Any]:
    return case_summary(cs)


@router.get(
    "/cases/{case}/live",
    summary="The case's revision: +1 each time `pestle serve --watch` reloads it after a "
    "save, with the last reload's error (file:line) if it did not load",
)
def get_live(request: Request, cs: Served) -> dict[str, Any]:
    return app_state(request).status(cs.id).to_dict(cs.id)


def parse_period(text: str) -> Period:
    """`2024` (a year) or an ISO interval `2024-01-01/2024-12-31`."""
    try:
        if text.isdigit() and len(text) == 4:
            return Period.year(int(text))
        return Period.parse(text)
    except ValueError:
        raise InvalidParameter(
            f"period {text!r}: give a year (2024) or an ISO interval (2025-01-01/2025-03-31)"
        ) from None


def _same(a: str | None, b: str | None) -> bool:
    return b is None or (a is not None and a.casefold() == b.casefold())


@router.get("/cases/{case}/claims", summary="Claims, filtered and paginated")
def list_claims(
    cs: Served,
    document: Text = None,
    section: Text = None,
    unit: UnitCode | None = None,
    measure: Text = None,
    period: Annotated[
        str | None,
        Query(max_length=40, description="year or ISO interval; claims whose period overlaps"),
    ] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    within = parse_period(period) if period else None
    rows = []
    for k, (doc, claim) in enumerate(zip(cs.claim_documents, cs.claims, strict=True)):
        if not (
            _same(doc, document)
            and _same(claim.section, section)
            and (unit is None or claim.unit == unit)
            and _same(claim.measure, measure)
            and (within is None or (claim.period is not None and claim.period.overlaps(within)))
        ):
            continue
        rows.append((k, doc, claim))
    page = rows[offset : offset + limit]
    return {
        "case": cs.id,
        "total": len(rows),
        "offset": offset,
        "limit": limit,
        "claims": [present.claim_row(k, doc, claim) for k, doc, claim in page],
    }


def claim_detail(cs: CaseState, claim_id: int) -> dict[str, Any]:
    """A claim, the findings that quote it and the entities and factors it supports."""
    if not 0 <= claim_id < len(cs.claims):
        raise HTTPException(status_code=404, detail=f"no claim {claim_id} in case {cs.id}")
    claim: Claim = cs.claims[claim_id]
    use = cs.uses.get(claim_id)
    findings = []
    owners = []
    if use is not None:
        report = cs.checks
        findings = [present.finding_row(report.finding(fid)) for fid in use.findings]
        owners = [{"type": t, "id": i, "name": n, "attribute": a} for t, i, n, a in use.owners]
    return {
        "claim": present.claim_row(claim_id, cs.claim_documents[claim_id], claim),
        "findings": findings,
        "supports": owners,
    }


@router.get(
    "/cases/{case}/claims/{claim_id}",
    summary="One claim, the checks that use it and the entities it supports",
)
def get_claim(cs: Served, claim_id: Annotated[int, Path(ge=0, le=10_000_000)]) -> dict[str, Any]:
    return claim_detail(cs, claim_id)


@router.get("/cases/{case}/entities", summary="Entities of the case")
def list_entities(
    cs: Served, kind: Annotated[str | None, Query(max_length=64)] = None
) -> dict[str, Any]:
    items = [e for e in cs.case.entities if kind is None or e.kind == kind]
    return {
        "case": cs.id,
        "total": len(items),
        "entities": [e.model_dump(mode="json") for e in items],
    }


@router.get("/cases/{case}/factors", summary="PESTLE factors of the case")
def list_factors(cs: Served) -> dict[str, Any]:
    return {"case": cs.id, "factors": [f.model_dump(mode="json") for f in cs.case.factors]}


@router.get("/cases/{case}/checks", summary="Consistency findings, failed first")
def list_checks(
    cs: Served,
    status: Status | None = None,
    severity: Severity | None = None,
    rule: Annotated[str | None, Query(max_length=64)] = None,
) -> dict[str, Any]:
    report = cs.checks
    findings = [
        f
        for f in report.findings
        if (status is None or f.status == status)
        and (severity is None or f.severity == severity)
        and (rule is None or f.rule == rule)
    ]
    return {
        "case": report.case,
        "rules": list(report.rules),
        "summary": report.summary,
        "findings": [f.model_dump(mode="json") for f in findings],
    }


@router.get(
    "/cases/{case}/results",
    summary="Every result of the case (the same JSON as `pestle analyze --format json`)",
)
def get_results(cs: Served) -> dict[str, Any]:
    return cs.results.to_dict()
