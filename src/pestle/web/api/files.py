"""The case files an analyst edits in the dashboard: save (bearer token) and download as YAML."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import Response

from pestle.case.writer import is_read_only
from pestle.web import saving
from pestle.web.api.common import app_state, served_case
from pestle.web.schemas import JudgmentsRequest, ScenarioSave
from pestle.web.security import require_token
from pestle.web.state import CaseState

router = APIRouter(tags=["case files"])

Served = Annotated[CaseState, Depends(served_case)]
Kind = Literal["judgments", "scenarios"]
YAML = "application/yaml"
SAVES = "Before anything is written, the new file goes through the case's own loader (and, "
"for judgments, the AHP consistency check): a bad edit is refused with the loader's "
"file:line message and the file is unchanged. The file is replaced atomically and the case "
"reloaded. A case shipped with pestle is never written (409)."


def _yaml(text: str, filename: str) -> Response:
    return Response(
        text.encode("utf-8"),
        media_type=f"{YAML}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _saved(cs: CaseState, path: Any, status: Any) -> dict[str, Any]:
    return {
        "case": cs.id,
        "file": path.name,
        "revision": status.revision,
        "error": status.error,
    }


@router.get(
    "/cases/{case}/files/{kind}.yaml",
    summary="The case's judgments or scenarios file, as it is on disk",
    response_class=Response,
    responses={200: {"content": {YAML: {}}}},
)
def get_file(
    cs: Served,
    kind: Annotated[Kind, Path(description="which file")],
) -> Response:
    path = cs.case.files()[kind]
    if not path:
        raise HTTPException(status_code=404, detail=f"case {cs.id} has no {kind} file")
    return _yaml(path[0].read_text(encoding="utf-8"), path[0].name)


@router.get(
    "/cases/{case}/files",
    summary="Whether the case's files can be saved from the dashboard",
)
def get_files(cs: Served) -> dict[str, Any]:
    files = cs.case.files()
    return {
        "case": cs.id,
        "writable": not is_read_only(cs.case),
        "files": {k: files[k][0].name if files[k] else None for k in ("judgments", "scenarios")},
    }


@router.post(
    "/cases/{case}/judgments/yaml",
    summary="The judgments file with these matrices, as YAML (nothing is written)",
    description="The case's judgments file with the matrices sent in place of its own, "
    "checked as a save is checked; a matrix not sent is the file's own.",
    response_class=Response,
    responses={200: {"content": {YAML: {}}}},
)
def post_judgments_yaml(cs: Served, request: JudgmentsRequest) -> Response:
    return _yaml(saving.judgments_yaml(cs, request), _name(cs, "judgments"))


@router.post(
    "/cases/{case}/judgments/save",
    dependencies=[Depends(require_token)],
    summary="Save judgment matrices into the case's judgments file (needs the bearer token)",
    description=SAVES,
)
def post_judgments_save(http: Request, cs: Served, request: JudgmentsRequest) -> dict[str, Any]:
    path, status = saving.save_judgment_edits(app_state(http), cs, request)
    return _saved(cs, path, status)


@router.post(
    "/cases/{case}/scenarios/yaml",
    summary="The scenarios file with this scenario added, as YAML (nothing is written)",
    response_class=Response,
    responses={200: {"content": {YAML: {}}}},
)
def post_scenarios_yaml(cs: Served, request: ScenarioSave) -> Response:
    return _yaml(saving.scenarios_yaml(cs, request), _name(cs, "scenarios"))


@router.post(
    "/cases/{case}/scenarios",
    status_code=201,
    dependencies=[Depends(require_token)],
    summary="Save a named scenario into the case's scenarios file (needs the bearer token)",
    description=SAVES,
)
def post_scenario(http: Request, cs: Served, request: ScenarioSave) -> dict[str, Any]:
    path, status = saving.save_named_scenario(app_state(http), cs, request)
    return {**_saved(cs, path, status), "scenario": request.name}


def _name(cs: CaseState, kind: Kind) -> str:
    path = cs.case.files()[kind]
    return path[0].name if path else f"{kind}.yaml"
