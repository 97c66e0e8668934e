"""The composite-demand model on request: a scenario, parameter overrides, samples, seed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from pestle.present.settings import scenario_label
from pestle.web import present
from pestle.web.api.common import SafeJSONResponse, served_case
from pestle.web.runs import run_demand
from pestle.web.schemas import DemandRequest, Name, Samples, Seed
from pestle.web.state import CaseState

router = APIRouter(tags=["demand"])

Served = Annotated[CaseState, Depends(served_case)]


def _answer(cs: CaseState, request: DemandRequest) -> SafeJSONResponse:
    """The payload as a response made here: no second serialisation pass (hot path)."""
    result, overrides = run_demand(cs, request)
    label = scenario_label(cs.results, result.name)
    return SafeJSONResponse(present.demand_payload(result, cs.id, overrides, label))


@router.get(
    "/cases/{case}/demand",
    summary="Demand under a named scenario of the case",
    response_model=None,
    response_class=SafeJSONResponse,
)
def get_demand(
    cs: Served,
    scenario: Annotated[
        Name | None, Query(description="scenario (default: the served results' headline)")
    ] = None,
    samples: Annotated[
        Samples | None, Query(description="default: the served results' settings")
    ] = None,
    seed: Annotated[Seed | None, Query(description="default: the served results' settings")] = None,
) -> SafeJSONResponse:
    return _answer(cs, DemandRequest(scenario=scenario, samples=samples, seed=seed))


@router.post(
    "/cases/{case}/demand",
    summary="Demand under a scenario with parameter overrides",
    response_model=None,
    response_class=SafeJSONResponse,
    description="Runs the Monte Carlo demand model (no state is changed). Each override "
    "fixes a parameter at a value inside its stated range, or at one of its choices.",
)
def post_demand(cs: Served, request: DemandRequest) -> SafeJSONResponse:
    return _answer(cs, request)
