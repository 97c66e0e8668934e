"""`pestle serve`: the dashboard and REST API of a case, on 127.0.0.1 by default.

Builds the app with `pestle.web.create_app` and runs it with uvicorn on a socket bound here,
so the address printed is the one bound (also with `--port 0`, which picks a free port).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from pestle.cli import app
from pestle.cli.report import Lang  # the same language choice as `pestle report --lang`
from pestle.results import defaults

console = Console(highlight=False, soft_wrap=True)
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port (port 0: any free port)."""
    from pestle.errors import InputError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InputError(f"--host {host}: cannot resolve it ({exc.strerror})") from None
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise InputError(
            f"--host {host} --port {port}: cannot bind ({exc.strerror}); "
            "choose another port, or --port 0 for a free one"
        ) from None
    sock.listen(128)
    sock.setblocking(False)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    case: str | None = typer.Argument(
        None, help="Case folder or embedded case name (default: the embedded case)."
    ),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default loopback)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port; 0 picks a free one."),
    db: str | None = typer.Option(
        None,
        "--db",
        help="Store for uploads: SQLite path or database URL ($PESTLE_DB, ./pestle.db).",
    ),
    max_upload_mb: int = typer.Option(
        10, "--max-upload-mb", min=1, max=1024, help="Upload limit, MB."
    ),
    watch: bool = typer.Option(
        False,
        "--watch",
        "-w",
        help="Reload the case each time one of its files is saved; open pages follow.",
    ),
    scenario: str | None = typer.Option(
        None, "--scenario", "-s", help="Headline demand scenario. Default: the case's first."
    ),
    samples: int | None = typer.Option(
        None, "--samples", "-n", help=f"Monte Carlo samples [{defaults.SAMPLES:,}]."
    ),
    seed: int | None = typer.Option(None, "--seed", help=f"Random seed [{defaults.SEED}]."),
    lang: Annotated[
        Lang,
        typer.Option(
            "--lang",
            help="Language of the pages until a reader picks another (English / 中文 switch).",
        ),
    ] = Lang.en,  # type: ignore[attr-defined]
    sweep: Annotated[
        list[Path] | None,
        typer.Option(
            "--sweep",
            help="A sweep saved by pestle sweep --out, shown on the Sweeps page (repeatable).",
        ),
    ] = None,
) -> None:
    """Serve the dashboard and REST API; write endpoints need the printed token."""
    import uvicorn

    from pestle.results.settings import Settings
    from pestle.store import Store
    from pestle.web import create_app
    from pestle.web.security import megabytes

    settings = Settings.of(scenario=scenario, samples=samples, seed=seed)
    token = os.environ.get("PESTLE_TOKEN") or None
    loopback = _loopback(host)
    allowed = [*LOOPBACK, "[::1]", host] if loopback else ["*"]
    web = create_app(
        case,
        token=token,
        store=lambda: Store(db),
        max_upload_bytes=megabytes(max_upload_mb),
        allowed_hosts=allowed,
        watch=watch,
        settings=settings,
        also=_other_embedded(case, scenario),
        lang=lang.value,
        sweeps=sweep or (),
        warm=True,  # the first page is computed while the server starts
    )
    state = web.state.pestle
    sock = bind(host, port)
    url = url_of(sock)
    console.print(f"pestle serve: case [bold]{state.default}[/bold] at {url}", markup=True)
    console.print(f"  results    {state.primary.results.settings.describe()}", markup=False)
    if token:
        console.print(f"  dashboard  {url}/", markup=False)
        console.print("  token      from PESTLE_TOKEN (needed to upload)", markup=False)
    else:
        console.print(f"  dashboard  {url}/#token={state.token}", markup=False)
        console.print(f"  token      {state.token}  (set PESTLE_TOKEN to choose one)", markup=False)
    console.print(f"  API        {url}/api/docs", markup=False)
    if watch:
        folder = state.primary.case.folder
        console.print(f"  watching   {folder} (a saved file reloads the case)", markup=False)
    if not loopback:
        console.print(
            f"  warning    bound to {host}: anyone who can reach it can read the case; "
            "uploads still need the token",
            markup=False,
        )
    console.file.flush()
    config = uvicorn.Config(web, log_level="warning", access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()


def _other_embedded(case: str | None, scenario: str | None) -> tuple[str, ...]:
    """With no CASE, the dashboard lists every embedded case (the default first); a named
    scenario belongs to one case, so then only the default is served."""
    from pestle.case import DEFAULT_CASE, embedded_cases

    if case is not None or scenario is not None:
        return ()
    return tuple(name for name in embedded_cases() if name != DEFAULT_CASE)
