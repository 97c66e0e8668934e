"""Download the built report of a served case (by case id only; no path from the request)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse

from pestle.web.api.common import app_state, served_case
from pestle.web.state import CaseState

router = APIRouter(tags=["reports"])

MEDIA = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}
FILES = {"html": "index.html", "pdf": "report.pdf"}


@router.get(
    "/reports/{case}",
    summary="The case's report (HTML or PDF) of the results the dashboard shows, built on "
    "first request",
    response_class=FileResponse,
    responses={200: {"content": {"text/html": {}, "application/pdf": {}}}},
)
async def get_report(
    request: Request,
    cs: Annotated[CaseState, Depends(served_case)],
    format: Annotated[Literal["html", "pdf"], Query(description="report format")] = "html",
) -> FileResponse:
    from pestle.report.build import build_report

    state = app_state(request)

    def build(out: Path) -> Path:
        # the results the dashboard shows, so the report has the numbers of the screen
        result = build_report(out=out, formats=format, results=cs.results)
        return result.files[format]

    path = await run_in_threadpool(state.report, cs.id, format, build)
    return FileResponse(
        path,
        media_type=MEDIA[format],
        filename=f"{cs.id}-report.{format}",
        content_disposition_type="attachment",
    )
