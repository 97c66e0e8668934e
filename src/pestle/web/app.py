"""`create_app`: the dashboard and REST API of one case, secure by default.

    >>> from pestle.web import create_app
    >>> app = create_app()                       # the embedded case, a new random token
    >>> app.state.pestle.token                   # doctest: +SKIP

Layers (outermost first): allowed Host names (against DNS rebinding; loopback names by
default), security headers with a strict Content-Security-Policy, request body limits, gzip,
then the routes: /api (JSON, OpenAPI at /api/openapi.json, readable at /api/docs), the
pages, /static. One exception handler answers every error (errors.py).
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.templating import Jinja2Templates

import pestle
from pestle import diskcache
from pestle.present import i18n
from pestle.results import DEFAULTS, Settings
from pestle.web import errors, overview, pages
from pestle.web import sweeps as sweeps_page
from pestle.web.api import router as api_router
from pestle.web.api.common import SafeJSONResponse
from pestle.web.language import Language
from pestle.web.security import (
    DEFAULT_MAX_UPLOAD,
    LOOPBACK_HOSTS,
    MAX_JSON_BODY,
    MULTIPART_OVERHEAD,
    BodyLimit,
    CatchErrors,
    SecurityHeaders,
    TokenGate,
    new_token,
)
from pestle.web.state import AppState, CaseState

if TYPE_CHECKING:
    from pestle.case import Case
    from pestle.store import Store

WEB = resources.files("pestle.web")
TEMPLATES = Path(str(WEB / "templates"))
STATIC = Path(str(WEB / "static"))


def templates() -> Jinja2Templates:
    """The page templates: autoescape on for every template, undefined names are errors;
    their words come from the catalogue of the request's language (`web.language`)."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
        finalize=i18n.finalize,  # a case text in the request's language
        bytecode_cache=diskcache.template_cache("web"),  # compiled once a machine, not a start
    )
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
    # every page (error pages too) knows the request's language and the others on offer
    env.globals.update(current_lang=i18n.current, html_lang=i18n.HTML_LANG, languages=i18n.NAMES)
    return Jinja2Templates(env=env)


def _load(case: str | Path | Case | None) -> Case:
    from pestle.case import Case

    if isinstance(case, Case):
        return case
    return pestle.load_case(case) if case is not None else pestle.load_case()


def create_app(
    case: str | Path | Case | None = None,
    *,
    token: str | None = None,
    store: Store | Callable[[], Store] | None = None,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD,
    allowed_hosts: Sequence[str] | None = LOOPBACK_HOSTS,
    watch: bool = False,
    settings: Settings | None = None,
    also: Sequence[str | Path | Case] = (),
    lang: str | None = None,
    sweeps: Sequence[str | Path] = (),
    warm: bool = False,
) -> FastAPI:
    """The app serving `case` (embedded name, folder or loaded `Case`; default: embedded).

    token: the bearer token write endpoints require (default: a new random one, readable
    as `app.state.pestle.token`). store: where uploads are stored (a `Store`, or a function
    making one on first upload; default `Store()`: $PESTLE_DB or ./pestle.db).
    allowed_hosts: Host header values accepted (None or ["*"]: any).
    watch: reload the case each time one of its files is saved, while the app runs
    (`pestle.web.live`); open pages follow.
    settings: the settings of the results every page and endpoint shows (default: the one
    set of defaults, `pestle.results.DEFAULTS`, as `pestle analyze` and `pestle report`).
    also: further cases to serve beside `case` (the API serves each by its id; the dashboard
    lists them and shows one with `?case=<id>`).
    lang: the pages' language for a reader who has not chosen one (default English).
    sweeps: folders of sweeps saved by `pestle sweep --out`, shown on the Sweeps page.
    warm: start computing the first page of `case` now, in a background thread (`pestle
    serve`: the work overlaps the other cases' loading and the server's start).
    """
    default_lang = i18n.check(lang)
    loaded = _load(case)
    served = {loaded.id: CaseState(loaded, settings or DEFAULTS)}
    if warm:
        served[loaded.id].warm(overview.build, default_lang)
    for other in also:
        extra = _load(other)
        served.setdefault(extra.id, CaseState(extra, settings or DEFAULTS))
    state = AppState(
        cases=served,
        default=loaded.id,
        token=token or new_token(),
        store_factory=_store_factory(store),
        templates=templates(),
        max_upload=max_upload_bytes,
        sweeps=_load_sweeps(sweeps),
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if watch:
            from pestle.web.live import CaseWatcher

            state.watchers.extend(CaseWatcher(state, cid).start() for cid in state.cases)
        yield
        state.close()
        _stop_pools()

    app = FastAPI(
        title="pestle",
        version=pestle.__version__,
        summary=f"REST API of the pestle case {loaded.id}: {loaded.name}",
        description="Read the case (claims, entities, factors, checks, analysis), run the "
        "demand model and the judgment methods, upload documents (bearer token), download "
        'the report. Errors are JSON: {"error": kind, "detail": one line}.',
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        default_response_class=SafeJSONResponse,
        lifespan=lifespan,
    )
    app.state.pestle = state
    _document_cases(app, tuple(state.cases))
    for exc_class in errors.HANDLED:
        app.add_exception_handler(exc_class, errors.handle)
    app.include_router(api_router)
    app.include_router(pages.router)
    app.include_router(sweeps_page.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    # each add_middleware wraps the ones before it: the last added sees a request first
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(
        BodyLimit,
        default=MAX_JSON_BODY,
        limits={"/api/documents": max_upload_bytes + MULTIPART_OVERHEAD},
    )
    app.add_middleware(TokenGate, token=lambda: state.token)
    app.add_middleware(CatchErrors, handler=errors.handle_scope)
    app.add_middleware(Language, default=default_lang)
    hosts = list(allowed_hosts) if allowed_hosts else ["*"]
    if "*" not in hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    app.add_middleware(SecurityHeaders)
    return app


def _load_sweeps(folders: Sequence[str | Path]) -> dict[str, Any]:
    """Saved sweeps by name (the folder's name, made unique), read once at start-up."""
    if not folders:
        return {}
    from pestle.results.sweep import load_sweep

    loaded: dict[str, Any] = {}
    for folder in folders:
        name = Path(folder).name or str(folder)
        while name in loaded:
            name += "'"
        loaded[name] = load_sweep(folder)
    return loaded


def _stop_pools() -> None:
    """End the PDF worker processes a report download started (if one did), with the
    server: its shutdown must not leave processes behind."""
    workers = sys.modules.get("pestle.report.pdf_workers")
    if workers is not None:
        workers.stop()


def _document_cases(app: FastAPI, served: tuple[str, ...]) -> None:
    """The OpenAPI schema lists the served case ids as the values of every `case` input."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        schema = build()
        for path in schema.get("paths", {}).values():
            for op in path.values():
                for param in op.get("parameters", []):
                    if param.get("name") == "case" and param.get("in") == "path":
                        param["schema"]["enum"] = list(served)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _store_factory(store: Store | Callable[[], Store] | None) -> Callable[[], Store]:
    from pestle.store import Store

    if store is None:
        return Store
    if isinstance(store, Store):
        return lambda: store
    return store
