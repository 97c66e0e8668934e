"""WeasyPrint in worker processes: the parts of the print document laid out in parallel.

WeasyPrint is pure Python and the slowest stage of a build, so the PDF is laid out in parts
(see `render_pdf.py`) by a pool of processes, one per core (at most `MAX_WORKERS`;
``$PESTLE_PDF_WORKERS`` sets the number, 0 renders in this process). The worker that lays
out a part also converts its charts to SVG (vl-convert) if the SVG cache does not have
them. The pool starts when a build starts, so its processes import WeasyPrint and load
fonts while the case is loaded and analysed, and it stays up for later builds of the same
process (a server, a notebook, the benchmark's rebuild). A pool that cannot start or
breaks leaves the work to this process.

The workers end with the process that started them: `stop()` at a server's shutdown, and in
each worker a watchdog thread that ends it once its parent is gone. The watchdog is what
holds when the parent ends without running its exit handlers: uvicorn, after a graceful
shutdown, raises the SIGTERM or SIGINT it caught again with the default action, which ends
the process at once and left the workers running under PID 1.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import partial
from typing import Any

from pestle.report import chart_slots
from pestle.report.chart_slots import SVG_SRC

MAX_WORKERS = 4
PARENT_POLL_S = 0.5  # how often a worker checks that the process that started it is alive

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_browser: str | None = None  # the Chromium the pool's processes print with (None: WeasyPrint)
_in_worker = False  # set in the worker processes, which start no pool of their own


def pdf_bytes(html: str) -> bytes:
    """WeasyPrint on a print HTML string; only data URLs and pestle's own font files may
    be fetched."""
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    # WeasyPrint makes many objects and few cycles: collecting while it lays out costs
    # about a tenth of its time
    collecting = gc.isenabled()
    gc.disable()
    try:
        return HTML(string=html, url_fetcher=_fetcher(), base_url=None).write_pdf()
    finally:
        if collecting:
            gc.enable()


def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    from pestle.present import fonts

    class Fetcher(URLFetcher):
        """Data URLs, and the files of the shipped font (the charts were measured with it)."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith(fonts.DIRECTORY.as_uri() + "/"):
                return URLFetcher(allowed_protocols=["file"]).fetch(url, headers)
            return super().fetch(url, headers)

    return Fetcher(allowed_protocols=["data"], fail_on_errors=True)


def _warm(turn: Any, charts: bool, browser: str | None) -> None:  # pragma: no cover - workers
    global _in_worker
    _in_worker = True
    _watch_parent(os.getppid())
    # One process warms up at a time: the build's own process keeps a core to itself
    # while it loads and analyses the case, and the processes are ready long before the
    # view model is.
    with turn:
        if browser is None:
            pdf_bytes("<p>warm-up</p>")  # imports WeasyPrint, loads the fonts
        else:  # this worker's own Chromium, started and its fonts loaded
            _layout(browser)("<p>warm-up</p>")
        import pikepdf  # noqa: F401  (draws the charts into their slots)

        if charts:  # charts to convert are likely: start the JavaScript engine (0.3 s) now
            from pestle.present import converter
            from pestle.present.vendor import VEGA_LITE_VERSION

            converter.vl_convert().vegalite_to_svg({"mark": "point"}, vl_version=VEGA_LITE_VERSION)
    gc.collect()
    gc.freeze()  # what is loaded now stays: later collections need not look at it


def _watch_parent(parent: int) -> None:  # pragma: no cover - runs in the workers
    """End this worker when the process that started it has gone (it is then re-parented,
    so `getppid` changes); a daemon thread, so it never keeps the worker alive."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(0)  # nothing to flush: a worker's results go only to its parent

    threading.Thread(target=watch, name="pestle-parent-watch", daemon=True).start()


def _ready() -> bool:  # pragma: no cover - runs in the worker processes
    return True


def workers() -> int:
    """How many worker processes lay out PDF pages (0: none, this process does it)."""
    value = os.environ.get("PESTLE_PDF_WORKERS", "").strip()
    if value.isdigit():
        return min(int(value), MAX_WORKERS)
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def _layout(browser: str | None) -> Callable[[str], bytes]:
    """HTML -> PDF: WeasyPrint, or the Chromium at `browser` (one per worker process, kept
    running: the conversion of charts, which holds the interpreter's lock, and the drawing
    of charts stay out of the build's process, as with WeasyPrint)."""
    if browser is None:
        return pdf_bytes
    from pestle.report import chromium

    return partial(chromium.print_pdf, path=browser)


def start(browser: str | None = None) -> ProcessPoolExecutor | None:
    """The pool, started if it is not running yet (its processes warm up at once), its
    parts laid out by WeasyPrint or by the Chromium at `browser` (a pool started for the
    other is shut down first)."""
    global _pool, _pool_browser
    n = workers()
    if n == 0 or _in_worker:
        return None
    if _pool is not None and _pool_browser != browser:
        stop()
    with _lock:
        if _pool is None:
            try:
                context = multiprocessing.get_context("spawn")
                pool = ProcessPoolExecutor(
                    n,
                    mp_context=context,
                    initializer=_warm,
                    initargs=(context.Lock(), _charts_likely(), browser),
                )
                with _main_not_imported():
                    for _ in range(n):  # a process starts per waiting task: start them all
                        pool.submit(_ready)
            except (OSError, RuntimeError, ValueError):
                return None
            _pool, _pool_browser = pool, browser
        return _pool


def _charts_likely() -> bool:
    """Whether the workers will likely convert charts: not if the SVG cache holds some
    (a build after the first converts only the charts whose data changed, if any)."""
    from pestle.diskcache import cache_dir

    folder = cache_dir() / "svg"
    try:
        return not any(folder.iterdir())
    except OSError:
        return True


@contextmanager
def _main_not_imported() -> Iterator[None]:
    """A spawned process imports the main module again, to find what it defines. The
    workers need nothing from it: importing it would cost them time (the CLI imports Typer
    and Rich), and a script without a main guard would run again in each of them."""
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved = {k: main.__dict__[k] for k in ("__file__", "__spec__") if k in main.__dict__}
    main.__dict__.pop("__file__", None)
    main.__dict__["__spec__"] = None
    try:
        yield
    finally:
        main.__dict__.pop("__spec__", None)
        main.__dict__.update(saved)


def stop() -> None:
    """Shut the pool down (the next build starts a new one)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def _forget(pool: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


Charts = Mapping[str, dict[str, Any]]  # SVG key -> Vega-Lite spec
Done = tuple[bytes, dict[str, str]]  # PDF bytes, SVG key -> SVG of the charts converted


def render_document(
    html: str,
    charts: Charts | None = None,
    cache: str | None = None,
    browser: str | None = None,
) -> Done:
    """The PDF of an HTML document whose images ``src="{SVG_SRC}KEY"`` are the charts in
    `charts` (converted here, or taken from the SVG cache under the folder `cache`), with
    those charts' SVGs; laid out by WeasyPrint, or by the Chromium at `browser`.

    Chromium draws each chart's SVG itself, set inline in the document (so its text is in
    the document's font, the one the chart was measured with). WeasyPrint lays each chart
    out as an empty slot of its size, drawn into afterwards (`chart_slots`); if a slot is
    not found, the part is laid out again with the charts drawn by WeasyPrint."""
    layout = _layout(browser)
    svgs: dict[str, str] = {}
    if charts:
        from pestle.report.svg import to_svg

        if cache is not None:  # the build's cache, wherever this process started
            os.environ["PESTLE_CACHE"] = cache
        svgs = {key: to_svg(spec) for key, spec in charts.items()}
    if not svgs:
        return layout(html), svgs
    if browser is not None:
        return layout(chart_slots.inline(html, svgs)), svgs
    try:
        laid_out = layout(_with_charts(html, svgs, chart_slots.blank))
        drawn = {key: chart_slots.chart_pdf(key, svg) for key, svg in svgs.items()}
        return chart_slots.draw(laid_out, drawn), svgs
    except chart_slots.SlotError as exc:
        logging.getLogger(__name__).warning("chart slots: %s; charts drawn in layout", exc)
        drawn_here = layout(_with_charts(html, svgs, lambda svg: svg))
        return chart_slots.unlink(drawn_here), svgs


def _with_charts(html: str, svgs: Mapping[str, str], image: Any) -> str:
    """`html` with each chart's placeholder source replaced by `image(svg)` as a data URL."""
    from pestle.report.svg import data_url

    for key, svg in svgs.items():
        html = html.replace(f'src="{SVG_SRC}{key}"', f'src="{data_url(image(svg))}"')
    return html


def submit(html: str, charts: Charts | None = None, browser: str | None = None) -> Future[Done]:
    """Start laying out one HTML document (see `render_document`) with WeasyPrint or the
    Chromium at `browser`; `result` gives it."""
    return _dispatch(browser, render_document, html, charts, browser=browser)


def to_svg(spec: dict[str, Any], cache: str | None = None) -> str:
    """One chart converted to SVG (`svg.to_svg`, in the SVG cache under the folder `cache`)."""
    from pestle.report import svg

    if cache is not None:  # the build's cache, wherever this process started
        os.environ["PESTLE_CACHE"] = cache
    return svg.to_svg(spec)


def convert(spec: dict[str, Any], browser: str | None = None) -> Future[str]:
    """Start converting one chart by a worker of the pool that lays out with `browser`;
    `result()` gives its SVG."""
    return _dispatch(browser, to_svg, spec)


def _dispatch(
    browser: str | None, work: Callable[..., Any], /, *args: Any, **kwargs: Any
) -> Future:
    """`work(*args, **kwargs)` by a worker of the pool that lays out with `browser`, told
    the build's cache folder (`cache=`); done here, without a pool or if it is broken."""
    pool = start(browser)
    if pool is not None:
        from pestle.diskcache import cache_dir

        try:
            return pool.submit(work, *args, cache=str(cache_dir()), **kwargs)
        except (BrokenProcessPool, RuntimeError):
            _forget(pool)
    done: Future = Future()
    try:
        done.set_result(work(*args, **kwargs))
    except Exception as exc:  # the error is raised by `result`, as from a worker
        done.set_exception(exc)
    return done


def result(
    future: Future[Done], html: str, charts: Charts | None = None, browser: str | None = None
) -> Done:
    """What a submitted document gave: laid out here by the same engine if the pool broke
    meanwhile, and by WeasyPrint if Chromium could not print it (with a warning)."""
    from pestle.report.chromium import ChromiumError

    try:
        try:
            return future.result()
        except BrokenProcessPool:  # (a worker whose Chromium did not start breaks it too)
            pool = _pool
            if pool is not None:
                try:
                    pool.submit(_ready)  # the pool of this build broke, or an earlier one
                except (BrokenProcessPool, RuntimeError):
                    _forget(pool)
            return render_document(html, charts, browser=browser)
    except ChromiumError as exc:
        logging.getLogger(__name__).warning("%s; the part is laid out by WeasyPrint", exc)
        return render_document(html, charts)


def render(documents: Sequence[str], browser: str | None = None) -> Iterator[tuple[int, bytes]]:
    """PDF bytes of each HTML document, as (index, pdf) in the order they are done; the
    largest first, so that the processes finish at about the same time."""
    order = sorted(range(len(documents)), key=lambda i: -len(documents[i]))
    futures = {submit(documents[i], browser=browser): i for i in order}
    for future in as_completed(futures):
        i = futures[future]
        yield i, result(future, documents[i], browser=browser)[0]
