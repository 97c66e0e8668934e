"""Headless Chromium, kept running, as the engine that lays out the print parts of the PDF.

WeasyPrint is pure Python: a parameter change that moves the demand figures re-lays 22
pages, about 3 s of CPU on this kind of machine, which no schedule on two cores brings
under the 1.5 s a rebuild may take. A Chromium that stays up between builds prints the
same pages in about 0.4 s, with the same stylesheet: paged media (page size and margins,
page breaks, repeated table heads), links and their named destinations. So when a
Chromium is there (`executable`), it lays out the parts, and WeasyPrint stays as the
engine of machines without one (`pdf_engine.py`).

One browser per process, with one page (tab) that prints the parts in turn, driven by
Playwright on a thread of its own (Playwright's asyncio API, one event loop), so callers
only wait on futures. The PDF's worker processes (`pdf_workers.py`) each start one when
they warm up and keep it for every later build of the process that started them (a
server, a notebook, `--watch`): the conversion and drawing of a part's charts, which hold
the interpreter's lock, stay out of the build's own process.

It may fetch nothing but the page it is given and pestle's own font files: every request
goes through one handler that serves those from memory and disk and aborts the rest (a
chart is an image in a data URL, which is no request).
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import shutil
import threading
from pathlib import Path
from typing import Any

from pestle.present import fonts

# A Chromium named by $PESTLE_CHROMIUM, else the first of these on PATH.
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BASE = "http://pestle.invalid/"  # the origin the parts are served from (never a network)
FONTS = f"{BASE}fonts/"
LAUNCH_TIMEOUT_S = 60.0
PRINT_TIMEOUT_S = 120.0
# Headless on a closed network (the browser tests start theirs with these too): without the
# background-networking flags Chromium keeps trying hosts; no sandbox because the page is
# our own document and machines run builds as root (where the sandbox refuses).
QUIET_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
ARGS = (
    *QUIET_ARGS,
    "--font-render-hinting=none",  # glyph advances as in the font file, as WeasyPrint's
)
# The parts are printed, never shown: hidden from the screen, a document is not laid out,
# painted and composited for a screen as well as for print (a fifth of the browser's time
# per part; the PDF is the same to the pixel, its links and destinations too).
PRINT_ONLY = "<style>@media screen { html { display: none !important } }</style>"
# Hidden from the screen, no text asks for its fonts before printing (`document.fonts.ready`
# would not wait for them): every face the document declares is loaded first.
LOAD_FONTS = "Promise.allSettled([...document.fonts].map(f => f.load())).then(() => true)"
WARM_UP = (
    "<!doctype html><html><head><style>{fonts}</style></head>"
    "<body style=\"font-family: '{family}'\">warm-up <b>warm-up</b></body></html>"
)


class ChromiumError(RuntimeError):
    """Chromium could not be started or did not print a part."""


def executable() -> str | None:
    """The Chromium to use: $PESTLE_CHROMIUM if set (empty: none), else one on PATH; None
    also when Playwright, which drives it, is not installed."""
    from importlib.util import find_spec

    if find_spec("playwright") is None:
        return None
    named = os.environ.get("PESTLE_CHROMIUM")
    if named is not None:
        return named if named and os.access(named, os.X_OK) else None
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def version(path: str) -> str:
    """What tells this Chromium's output from another's, without starting it (the part
    cache is read before any browser is up): the executable's path, size and time."""
    try:
        stat = Path(path).resolve().stat()
    except OSError:
        return path
    return f"{path} {stat.st_size} {stat.st_mtime_ns}"


class _Printer:
    """A browser on its own thread's event loop, with one page taking documents in turn."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.refused: list[str] = []  # the URLs the document being printed asked for
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(
            target=self.loop.run_forever, name="pestle-chromium", daemon=True
        )
        self.thread.start()
        self.launched = asyncio.run_coroutine_threadsafe(self._launch(), self.loop)

    async def _launch(self) -> None:
        from playwright.async_api import async_playwright

        self.playwright = await async_playwright().start()
        self.browser = await self.playwright.chromium.launch(
            executable_path=self.path, args=list(ARGS), timeout=LAUNCH_TIMEOUT_S * 1000
        )
        context = await self.browser.new_context()
        await context.route("**/*", self._fetch)
        self.page = await context.new_page()
        self.turn = asyncio.Lock()  # one document on the page at a time
        # the fonts are loaded once: the first part printed is then as fast as the rest
        await self._print(WARM_UP.format(fonts=fonts.font_face_css(), family=fonts.FAMILY))

    async def _fetch(self, route: Any) -> None:
        url = route.request.url
        name = url.removeprefix(FONTS)
        if url.startswith(FONTS) and name in fonts.FILES.values():
            await route.fulfill(path=fonts.DIRECTORY / name)
            return
        self.refused.append(url)
        await route.abort()

    async def _print(self, html: str) -> bytes:
        async with self.turn:
            self.refused.clear()
            # the document replaces the page's: no navigation, the renderer and the fonts
            # it loaded stay
            await self.page.set_content(_served(html), wait_until="load")
            await self.page.evaluate(LOAD_FONTS)
            self._check()
            # no tagged PDF (a third of the time): the book makes the bookmarks itself
            pdf = await self.page.pdf(prefer_css_page_size=True, print_background=True)
            self._check()  # what only print layout asks for (hidden from the screen before)
            return pdf

    def _check(self) -> None:
        if self.refused:  # as WeasyPrint, which fails on a refused URL
            raise ChromiumError(f"the document asks for {self.refused[0]}: only data URLs are read")

    async def _run(self, html: str) -> bytes:
        await asyncio.wrap_future(self.launched)
        return await self._print(html)

    def print_pdf(self, html: str) -> bytes:
        """The PDF of `html` (waits for the browser to start, and for the page)."""
        future = asyncio.run_coroutine_threadsafe(self._run(html), self.loop)
        try:
            return future.result(timeout=LAUNCH_TIMEOUT_S + PRINT_TIMEOUT_S)
        except ChromiumError:
            raise
        except Exception as exc:  # Playwright's errors, a timeout, a browser that crashed
            future.cancel()
            raise ChromiumError(f"Chromium ({self.path}): {_first_line(exc)}") from exc

    def close(self) -> None:
        async def shut() -> None:
            try:
                await asyncio.wrap_future(self.launched)
            except Exception:  # it never started: nothing to close
                return
            await self.browser.close()
            await self.playwright.stop()

        # at exit, a browser that will not close is let go (Playwright's driver ends it)
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(shut(), self.loop).result(timeout=10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)


_lock = threading.Lock()
_printer: _Printer | None = None


def start(path: str) -> None:
    """Start the browser at `path` in the background (if not running yet); returns at once."""
    global _printer
    with _lock:
        if _printer is not None and (_printer.path != path or _broken(_printer)):
            _printer.close()
            _printer = None
        if _printer is None:
            _printer = _Printer(path)


def print_pdf(html: str, path: str) -> bytes:
    """The PDF of the HTML document `html`, printed by the Chromium at `path` (started if
    need be); `ChromiumError` if it cannot be started or does not print."""
    start(path)
    assert _printer is not None
    return _printer.print_pdf(html)


def stop() -> None:
    """Close the browser (the next build starts another)."""
    global _printer
    with _lock:
        printer, _printer = _printer, None
    if printer is not None:
        printer.close()


def _served(html: str) -> str:
    """`html` for print only (`PRINT_ONLY`), with the shipped fonts taken from the system if
    it has them, else from the page's origin, where `_fetch` serves them (a page of another
    origin may not load a file URL)."""
    for weight in fonts.FILES:
        html = html.replace(fonts.src(weight), fonts.src(weight, FONTS))
    head = html.find("</head>")
    if head < 0:  # a fragment: a style in the body applies as well (never before a doctype)
        return html + PRINT_ONLY
    return html[:head] + PRINT_ONLY + html[head:]


def _broken(printer: _Printer) -> bool:
    return printer.launched.done() and printer.launched.exception() is not None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


atexit.register(stop)
