"""Analyst judgments on request: AHP weights and consistency, DEMATEL cause/effect groups."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from pestle.present import charts
from pestle.web import present
from pestle.web.api.common import served_case
from pestle.web.runs import run_judgments
from pestle.web.schemas import JudgmentsRequest
from pestle.web.state import CaseState

router = APIRouter(tags=["judgments"])

Served = Annotated[CaseState, Depends(served_case)]


@router.post(
    "/cases/{case}/judgments",
    summary="Weights, consistency and cause/effect groups of judgment matrices",
    description="Evaluates AHP pairwise matrices (dimensions and factors within each "
    "dimension) and the DEMATEL direct-influence matrix; a part not sent is the case's own. "
    "An inconsistent AHP matrix (CR > 0.1) is reported with its most inconsistent triad, "
    "not refused. No state is changed.",
)
def post_judgments(cs: Served, request: JudgmentsRequest) -> dict[str, Any]:
    run = run_judgments(cs, request)
    matrices = [present.ahp_matrix(m, run.names) for m in run.matrices]
    return {
        "case": cs.id,
        "illustrative": cs.judgments.illustrative,
        "ahp": {
            "consistent": all(m["consistent"] for m in matrices),
            "matrices": matrices,
            "global_weights": present.global_weights(run.hierarchy, run.names),
            "records": present.rows_of(charts.ahp_weights(run.hierarchy, run.names)),
        },
        "dematel": {
            **present.dematel_payload(run.dematel, run.names),
            "records": present.rows_of(charts.dematel_diagram(run.dematel, run.names)),
        },
    }
