"""What every API router shares: the served case from the path, and safe JSON."""

from __future__ import annotations

import json
import math
from typing import Annotated, Any

from fastapi import HTTPException, Path, Request
from fastapi.responses import JSONResponse

from pestle.web.state import AppState, CaseState

CaseId = Annotated[
    str, Path(pattern=r"^[a-z0-9_]{1,64}$", description="case id (see GET /api/cases)")
]


def app_state(request: Request) -> AppState:
    return request.app.state.pestle


def served_case(request: Request, case: CaseId) -> CaseState:
    """The case named in the path; 404 if this server does not serve it."""
    state = app_state(request)
    found = state.cases.get(case)
    if found is None:
        raise HTTPException(
            status_code=404,
            detail=f"no case {case!r} on this server; cases: {', '.join(state.cases)}",
        )
    return found


def finite(value: Any) -> Any:
    """`value` with every NaN or infinity replaced by None (JSON has neither)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


class SafeJSONResponse(JSONResponse):
    """JSON that never fails on NaN: non-finite numbers are written as null."""

    def render(self, content: Any) -> bytes:
        return json.dumps(
            finite(content), ensure_ascii=False, allow_nan=False, separators=(",", ":")
        ).encode("utf-8")
