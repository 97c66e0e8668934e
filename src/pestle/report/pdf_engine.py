"""Which engine lays out the PDF's parts, and handing parts to it.

- "chromium": a headless Chromium kept running (`chromium.py`) in each of the PDF's
  worker processes, printing parts in parallel: what makes a rebuild take about a second.
  Used when a Chromium is found ($PESTLE_CHROMIUM, or on PATH) and Playwright, which
  drives it, is installed.
- "weasyprint": WeasyPrint in worker processes (`pdf_workers.py`), on every machine.
- "auto" (the default, or $PESTLE_PDF_ENGINE): the first of these that is there.

Both lay out the same print HTML with the same stylesheet and the same charts (vl-convert's
SVG: inline for Chromium, drawn into their slots for WeasyPrint, `chart_slots.py`), so a
report reads the same whichever made it; the engine and its version are part of each
cached part's key and of the build's manifest. A part Chromium fails to print is laid out
by WeasyPrint, with a warning (`pdf_workers.result`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from importlib import metadata

from pestle.errors import PestleError
from pestle.report import chromium, pdf_workers
from pestle.report.pdf_workers import Charts, Done

NAMES = ("auto", "chromium", "weasyprint")


@dataclass(frozen=True)
class Engine:
    name: str  # "chromium" or "weasyprint"
    path: str | None = None  # Chromium's executable

    def key(self) -> str:
        """What a part's cached PDF depends on besides its HTML."""
        if self.path is not None:
            return f"chromium {chromium.version(self.path)}"
        return f"weasyprint {_weasyprint_version()}"

    def label(self) -> str:
        """The engine as the manifest names it."""
        return f"chromium ({self.path})" if self.path else f"weasyprint {_weasyprint_version()}"

    def start(self) -> None:
        """Start the engine's processes in the background (they warm up meanwhile)."""
        pdf_workers.start(self.path)

    def slots(self) -> int:
        """How many parts are laid out at once: one per worker process (one, in this
        process, without them)."""
        return max(1, pdf_workers.workers())

    def submit(self, html: str, charts: Charts | None = None) -> Future[Done]:
        """Start laying out one part; `result` gives its PDF and its charts' SVGs."""
        return pdf_workers.submit(html, charts, self.path)

    def convert(self, spec: dict) -> Future[str]:
        """Start converting one chart to SVG (kept in the SVG cache, where a part finds it)."""
        return pdf_workers.convert(spec, self.path)

    def result(self, future: Future[Done], html: str, charts: Charts | None = None) -> Done:
        """What a submitted part gave (WeasyPrint's, if Chromium could not print it)."""
        return pdf_workers.result(future, html, charts, self.path)

    def render(self, documents: Sequence[str]) -> Iterator[tuple[int, bytes]]:
        """The PDF of each document (no charts), as (index, pdf) in the order they are done."""
        return pdf_workers.render(documents, self.path)


def choose(name: str | None = None) -> Engine:
    """The engine called `name` ("auto", "chromium", "weasyprint"; default
    $PESTLE_PDF_ENGINE, else "auto")."""
    source, parameter = "pdf_engine", "pdf_engine"
    if name is None and os.environ.get("PESTLE_PDF_ENGINE"):
        name, source, parameter = os.environ["PESTLE_PDF_ENGINE"], "$PESTLE_PDF_ENGINE", None
    wanted = (name or "auto").strip().lower()
    if wanted not in NAMES:
        raise PestleError(
            f"{source}: unknown PDF engine {wanted!r}: choose one of {', '.join(NAMES)}",
            parameter=parameter,
        )
    if wanted == "weasyprint":
        return Engine("weasyprint")
    path = chromium.executable()
    if path is not None:
        return Engine("chromium", path)
    if wanted == "chromium":
        raise PestleError(
            f"{source}: no Chromium to lay out the PDF: install Playwright (pip install "
            "playwright) and a Chromium on PATH, or name one in $PESTLE_CHROMIUM",
            parameter=parameter,
        )
    return Engine("weasyprint")


_versions: dict[str, str] = {}


def _weasyprint_version() -> str:
    if "weasyprint" not in _versions:
        try:
            _versions["weasyprint"] = metadata.version("weasyprint")
        except metadata.PackageNotFoundError:
            _versions["weasyprint"] = "unknown"
    return _versions["weasyprint"]
