"""Upload a text document: extracted claims, stored as a new revision, checks it changes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool

from pestle.web import present
from pestle.web.api.common import app_state
from pestle.web.security import PayloadTooLarge, require_token
from pestle.web.uploads import PREVIEW_CHARS, process_upload, segments

router = APIRouter(tags=["documents"])

MAX_CLAIMS_SHOWN = 5_000
READ_CHUNK = 1024 * 1024


async def _read_limited(file: UploadFile, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = await file.read(READ_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(
                f"{file.filename or 'the document'}: over the upload limit of {limit:,} bytes"
            )
        chunks.append(chunk)


@router.post(
    "/documents",
    status_code=201,
    dependencies=[Depends(require_token)],
    summary="Upload a text document (needs the bearer token)",
    description="A UTF-8 text document (at most the server's upload limit, 10 MB by "
    "default): its claims are extracted and stored as a new revision of the document "
    "`name` (default: the file name's stem); the case's checks are run again with it and "
    "the findings it changes are listed.",
)
async def upload_document(
    request: Request,
    file: Annotated[UploadFile, File(description="the text document (UTF-8)")],
    name: Annotated[
        str | None,
        Form(max_length=100, description="document name in the store (default: file stem)"),
    ] = None,
    case: Annotated[
        str | None, Form(pattern=r"^[a-z0-9_]{1,64}$", description="case to check against")
    ] = None,
) -> dict[str, Any]:
    state = app_state(request)
    cs = state.cases.get(case or state.default)
    if cs is None:
        raise HTTPException(status_code=404, detail=f"no case {case!r} on this server")
    data = await _read_limited(file, state.max_upload)
    filename = (file.filename or "upload.txt")[-200:]
    up = await run_in_threadpool(process_upload, state, cs, data, filename, name or None)
    shown = up.claims[:MAX_CLAIMS_SHOWN]
    return {
        "document": up.name,
        "filename": up.filename,
        "case": cs.id,
        "status": up.stored.status,
        "revision": up.stored.to_dict(),
        "replaces_case_document": up.replaces,
        "source": up.source.model_dump(mode="json"),
        "claims_total": len(up.claims),
        "warning": up.warning,
        "claims": [present.claim_row(k, up.name, c) for k, c in enumerate(shown)],
        "checks": {
            "before": up.before.summary,
            "after": up.after.summary,
            "changed": present.finding_changes(up.changes),
            "touched": present.touched_rows(up.touched, up.before, up.after, up.claims),
        },
        "preview": {
            "segments": segments(up.text, up.claims, PREVIEW_CHARS),
            "truncated": len(up.text) > PREVIEW_CHARS,
        },
    }
