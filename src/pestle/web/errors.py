"""The one exception handler of the web app: JSON for /api, an HTML page for the dashboard.

Every error a request can cause ends here (datasette's `handle_exception`):

- `PestleError` (a user error: bad input, a case or judgment that does not hold) -> 4xx with
  its one-line message: 400 for input, 422 for content that does not hold, 401/413/415 for
  the web's own errors (they carry `status_code`), 503 when the store cannot be reached;
- FastAPI's request validation -> 422 naming the first bad field;
- Starlette's HTTP errors (404 for an unknown path, 405, ...) -> their status;
- anything else is a bug -> 500 with no traceback in the response (it is logged).

JSON errors are `{"error": <kind>, "detail": <one line>}`; a judgment error adds the matrix
and cell so the dashboard can point at it.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from pestle.errors import (
    AnalysisError,
    CaseError,
    CheckError,
    InputError,
    ParseError,
    PestleError,
    StoreError,
)

log = logging.getLogger("pestle.web")

HANDLED: tuple[type[BaseException], ...] = (
    PestleError,
    RequestValidationError,
    StarletteHTTPException,
    Exception,
)

_STATUS: tuple[tuple[type[PestleError], int], ...] = (
    (StoreError, 503),
    (CaseError, 422),
    (ParseError, 422),
    (AnalysisError, 422),
    (CheckError, 422),
    (InputError, 400),
)
_TITLES = {
    400: "Bad request",
    401: "Not authorised",
    404: "Not found",
    405: "Method not allowed",
    413: "Too large",
    415: "Not a text document",
    422: "Cannot use this input",
    500: "Internal error",
    503: "Store unavailable",
}


def status_of(exc: PestleError) -> int:
    explicit = getattr(exc, "status_code", None)
    if isinstance(explicit, int):
        return explicit
    for cls, status in _STATUS:
        if isinstance(exc, cls):
            return status
    return 400


def _validation_detail(exc: RequestValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return "the request is not valid"
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "request"
    message = str(first.get("msg", "is not valid")).removeprefix("Value error, ")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {message}{more}"


def describe(exc: BaseException) -> tuple[int, str, str, dict[str, Any]]:
    """(status, kind, one-line detail, extra fields) of any exception."""
    if isinstance(exc, StarletteHTTPException):
        cause = exc.__cause__
        if isinstance(cause, PestleError):  # e.g. a body over its limit while being parsed
            return describe(cause)
        detail = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and detail == "Not Found":
            detail = "no such page or resource"
        return exc.status_code, _TITLES.get(exc.status_code, "HTTPError"), detail, {}
    if isinstance(exc, RequestValidationError):
        return 422, "ValidationError", _validation_detail(exc), {}
    if isinstance(exc, PestleError):
        extra: dict[str, Any] = {}
        matrix = getattr(exc, "matrix", None)
        if isinstance(matrix, str):
            extra["matrix"] = matrix
            cell = getattr(exc, "cell", None)
            if cell is not None:
                extra["cell"] = list(cell)
        return status_of(exc), type(exc).__name__, " ".join(str(exc).split()), extra
    log.exception("internal error", exc_info=exc)
    return 500, "InternalError", "internal error; the server log has the details", {}


async def handle(request: Request, exc: Exception) -> Response:
    """The exception handler registered for every error class (see `HANDLED`)."""
    status, kind, detail, extra = describe(exc)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if request.url.path.startswith("/api") or not _wants_html(request):
        return JSONResponse(
            {"error": kind, "detail": detail, **extra}, status_code=status, headers=headers
        )
    state = getattr(request.app.state, "pestle", None)
    if state is None:
        return HTMLResponse(f"<h1>{status}</h1>", status_code=status)
    from pestle import __version__
    from pestle.web.pages import NAV

    return state.templates.TemplateResponse(
        request,
        "error.html.j2",
        {
            "status": status,
            "title": _TITLES.get(status, kind),
            "detail": detail,
            "page": None,
            "nav": NAV,
            "case": state.primary.case,
            "version": __version__,
            "live": state.status(state.default),
            "auto_reload": False,
        },
        status_code=status,
        headers=headers,
    )


async def handle_scope(scope: Any, exc: Exception) -> Response:
    """`handle` for an exception caught by a middleware, which has the scope, not a Request."""
    return await handle(Request(scope), exc)


def _wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/html" in accept or "*/*" in accept or not accept
