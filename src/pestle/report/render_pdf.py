"""report.pdf: the print layout of the same view model, rendered by WeasyPrint.

Charts are static SVG (vl-convert) embedded as data URLs; the stylesheet's print rules
give page numbers, a table of contents with page numbers, PDF bookmarks from headings,
and tables that repeat their header and never split a row across pages. WeasyPrint may
fetch nothing: any URL other than a data URL is refused.

WeasyPrint is the slowest stage of a build, so `PdfWorker` starts it early in a second
process (importing it and warming its fonts on the other core while the case is loaded
and analysed); a worker that cannot start or dies leaves the rendering to this process.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from typing import Any

from pestle.report.render_html import render_html
from pestle.report.view import Report


def _quiet() -> None:
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def pdf_bytes(html: str) -> bytes:
    """WeasyPrint on a print HTML string; only data URLs may be fetched."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    _quiet()
    fetcher = URLFetcher(allowed_protocols=["data"], fail_on_errors=True)
    return HTML(string=html, url_fetcher=fetcher, base_url=None).write_pdf()


def print_html(report: Report, svgs: dict[str, str]) -> str:
    return render_html(report, print_mode=True, svgs=svgs)


def render_pdf(report: Report, svgs: dict[str, str], worker: PdfWorker | None = None) -> bytes:
    """The report as PDF bytes; `svgs` maps chart id -> data URL of its SVG."""
    html = print_html(report, svgs)
    if worker is not None:
        found = worker.render(html)
        if found is not None:
            return found
    return pdf_bytes(html)


def _serve(conn: Any) -> None:  # pragma: no cover - runs in the child process
    try:
        pdf_bytes("<p>warm-up</p>")  # imports WeasyPrint, loads fonts
        html = conn.recv()
        if html is None:
            return
        conn.send(("ok", pdf_bytes(html)))
    except EOFError:
        return
    except BaseException as exc:
        with contextlib.suppress(OSError, EOFError):
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class PdfWorker:
    """A child process that renders one PDF; started before the work it overlaps with."""

    def __init__(self) -> None:
        self._conn: Any = None
        self._proc: Any = None
        if os.environ.get("PESTLE_PDF_WORKER", "1") == "0":
            return
        try:
            ctx = multiprocessing.get_context("spawn")
            self._conn, child = ctx.Pipe()
            self._proc = ctx.Process(target=_serve, args=(child,), daemon=True)
            self._proc.start()
            child.close()
        except (OSError, RuntimeError, ValueError):
            self._conn = self._proc = None

    def render(self, html: str) -> bytes | None:
        """PDF bytes, or None when the worker is not there (render in-process then)."""
        if self._proc is None:
            return None
        try:
            self._conn.send(html)
            status, payload = self._conn.recv()
        except (OSError, EOFError):
            return None
        finally:
            self.close()
        if status != "ok":
            raise RuntimeError(f"PDF rendering failed: {payload}")
        return payload

    def close(self) -> None:
        if self._proc is None:
            return
        try:
            if self._proc.is_alive():
                with contextlib.suppress(OSError, EOFError):
                    self._conn.send(None)
                self._proc.join(timeout=2)
            if self._proc.is_alive():
                self._proc.terminate()
                self._proc.join(timeout=2)
        finally:
            self._conn.close()
            self._proc = None
            self._conn = None

    def __enter__(self) -> PdfWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
