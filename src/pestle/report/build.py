"""`build_report`: case -> results -> view model -> HTML, PDF, Markdown, atomically.

Stages report their progress through a callback (the CLI shows them). The case is loaded
and its `Results` (pestle.results, the one orchestrator) computed *before* anything is
written, so a bad case file stops the build with its file:line error and no output. The
report folder carries `results.json`: the results' one JSON form, the same as
`pestle analyze --format json` with the same settings. Files are written to a temporary
folder next to the destination and moved into place at the end: a build never leaves a
half-written report. An existing destination is replaced only if a previous build wrote it
(`manifest.json`), so a wrong `--out` cannot delete someone's folder. `lang` picks the
language of the words and number formats (English, or Chinese: `i18n.LANGUAGES`);
results.json is the same in every language.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pestle import collector
from pestle.errors import InputError
from pestle.results import DEFAULTS, Results, Settings

if TYPE_CHECKING:
    from pestle.report.pdf_engine import Engine
    from pestle.report.render_pdf import PdfStats

FORMATS: tuple[str, ...] = ("html", "pdf", "md", "docx")
DEFAULT_FORMATS: tuple[str, ...] = ("html", "pdf", "md")  # Word only when asked for
FILES = {"html": "index.html", "pdf": "report.pdf", "md": "report.md", "docx": "report.docx"}
MANIFEST = "manifest.json"
RESULTS = "results.json"
TABLES = "tables.xlsx"  # every table of the results and each chart's data (pestle.export)
TABLES_CACHE_BYTES = 50 * 2**20  # the workbooks kept on disk, least recently used dropped first

Progress = Callable[[str, str, float | None], None]  # (stage, "start"|"done", seconds)


@dataclass(frozen=True)
class BuildResult:
    out: Path
    files: dict[str, Path]
    timings: tuple[tuple[str, float], ...]
    figures: tuple[Path, ...] = field(default_factory=tuple)
    pdf: PdfStats | None = None  # parts of the PDF laid out, and found in the cache

    @property
    def total_seconds(self) -> float:
        return sum(t for _, t in self.timings)


def parse_formats(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"html,pdf"`` -> ("html", "pdf"), in canonical order; unknown names are an error."""
    if value is None:
        return DEFAULT_FORMATS
    items = value.split(",") if isinstance(value, str) else list(value)
    names = {i.strip().lower() for i in items if i.strip()}
    unknown = sorted(names - set(FORMATS))
    if not names:
        raise InputError(f"formats: empty; choose from {','.join(FORMATS)}", parameter="formats")
    if unknown:
        raise InputError(
            f"formats: unknown format {', '.join(unknown)}; choose from {','.join(FORMATS)}",
            parameter="formats",
        )
    return tuple(f for f in FORMATS if f in names)


class _Stages:
    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.timings: list[tuple[str, float]] = []

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self.progress:
            self.progress(name, "start", None)
        t0 = time.perf_counter()
        yield
        dt = time.perf_counter() - t0
        self.timings.append((name, dt))
        if self.progress:
            self.progress(name, "done", dt)


def build_report(
    case: str | Path | None = None,
    out: str | Path = "report",
    formats: str | Iterable[str] | None = None,
    *,
    settings: Settings | None = None,
    results: Results | None = None,
    progress: Progress | None = None,
    lang: str | None = None,
    pdf_engine: str | None = None,
) -> BuildResult:
    """Build the report of `case` (default: the embedded case) into the folder `out`.

    The numbers are those of `results` when given (the dashboard hands over the results its
    screen shows), else of the case's results under `settings` (default: `DEFAULTS`).
    `lang` is the report's language (default English); `pdf_engine` what lays out the PDF
    ("auto", "chromium", "weasyprint"; see `pdf_engine.choose`)."""
    from pestle.present import i18n

    fmts = parse_formats(formats)
    language = i18n.check(lang)
    engine = None
    if "pdf" in fmts:
        from pestle.report.pdf_engine import choose

        engine = choose(pdf_engine)
    out = Path(out)
    _check_destination(out)
    st = _Stages(progress)
    # The Vega bundle (shipped, or cached on disk) is read in a thread meanwhile.
    if "html" in fmts:
        from pestle.present.vendor import prefetch

        prefetch()
    early = _first_on_machine()
    if early:  # nothing was ever built here: every part is to be laid out, start at once
        _start_helpers(fmts, engine)
    if results is None:
        with st.stage("load case"):
            import pestle

            loaded = pestle.load_case(case) if case is not None else pestle.load_case()
            results = Results(loaded, settings or DEFAULTS)
    # Slow, independent work starts next (at once on a first build), on the other cores:
    # the PDF's worker processes, which start their engine and load fonts while the case is
    # analysed, and XlsxWriter's import. Not when this very build (same case files,
    # settings, language, formats and code) was made before: its PDF parts and workbook
    # are then on disk, and processes warming up for nothing would take the cores this one
    # needs (a part that is not there after all starts the workers when it is submitted).
    seen = _seen(results, fmts, language, engine)
    if not early and not seen.is_file():
        _start_helpers(fmts, engine)
    with collector.seldom():  # a notebook's or server's rebuild: no full collection midway
        built = _build(results, out, fmts, st, language, engine)
    if os.environ.get("PESTLE_NO_CACHE", "") in ("", "0"):
        from pestle import diskcache

        diskcache.write(seen, seen.name.encode())  # a few bytes, so pruning by size works
        diskcache.prune(seen.parent, 100_000)
    return built


def _start_helpers(fmts: tuple[str, ...], engine: Engine | None) -> None:
    if engine is not None:
        engine.start()
    from pestle.export import prefetch as prefetch_tables

    prefetch_tables()


def _first_on_machine() -> bool:
    """No build has left its mark in this cache (a first build, or the cache was emptied)."""
    from pestle import diskcache

    try:
        return not any((diskcache.cache_dir() / "builds").iterdir())
    except OSError:
        return True


def _seen(results: Results, fmts: tuple[str, ...], lang: str, engine: Engine | None) -> Path:
    """The marker of a build of these inputs (kept with the cache it says is filled)."""
    from pestle import diskcache

    key = diskcache.key(
        diskcache.code_version(),
        str(results.case.folder),
        results.case.fingerprint(),
        results.settings.key(),
        lang,
        ",".join(fmts),
        engine.key() if engine is not None else "",
    )
    return diskcache.cache_dir() / "builds" / key[:32]


def _build(
    results: Results,
    out: Path,
    fmts: tuple[str, ...],
    st: _Stages,
    lang: str = "en",
    engine: Engine | None = None,
) -> BuildResult:
    from pestle.report.context import build_view

    with st.stage("results"):
        results.compute()
        document = results.to_dict()
    pdf_job = None
    with st.stage("view model"):
        view = build_view(results, lang)
        if "pdf" in fmts:
            from pestle.report.render_pdf import PdfJob

            # the PDF's parts are laid out from now on by the workers (which convert the
            # charts they need to SVG), while this process renders the other formats
            pdf_job = PdfJob(view, engine=engine)

    outputs: dict[str, bytes] = {}
    if "html" in fmts:
        with st.stage("HTML"):
            from pestle.report.render_html import render_html

            outputs[FILES["html"]] = render_html(view).encode("utf-8")
    # made while the PDF's workers lay out its parts: the charts' data as the report draws it,
    # the results' JSON and the Markdown's text
    outputs[RESULTS] = results_json(document)
    with st.stage("tables (xlsx)"):
        specs = {c.id: c.spec for c in view.charts()}
        outputs[TABLES] = _tables(results, outputs[RESULTS], specs)
    if "md" in fmts:
        with st.stage("Markdown"):
            from pestle.report.render_md import render_md

            outputs[FILES["md"]] = render_md(view).encode("utf-8")
    if pdf_job is not None:
        with st.stage("PDF"):
            outputs[FILES["pdf"]] = pdf_job.finish()

    charts = view.charts()
    figures: list[str] = []
    if charts and "md" in fmts:
        with st.stage("charts (SVG)"):  # made by the PDF's workers if there is a PDF
            from pestle.report.render_md import figure_name
            from pestle.report.svg import to_svg

            for c in charts:
                name = figure_name(c)
                outputs[name] = to_svg(c.spec).encode("utf-8")
                figures.append(name)
    if "docx" in fmts:
        with st.stage("Word"):
            from pestle.report.render_docx import chart_pngs, render_docx

            outputs[FILES["docx"]] = render_docx(view, chart_pngs(charts))

    with st.stage("write"):
        manifest = {
            "generator": f"pestle {view.meta.pestle_version}",
            "case": view.meta.case_id,
            "scenario": view.meta.scenario,
            "lang": view.meta.lang,
            "settings": document["settings"],
            "generated": view.meta.generated,
            "pdf_engine": pdf_job.stats.engine if pdf_job is not None else None,
            "files": {name: hashlib.sha256(data).hexdigest() for name, data in outputs.items()},
        }
        outputs[MANIFEST] = (json.dumps(manifest, indent=2) + "\n").encode("utf-8")
        _write_atomically(out, outputs)

    final = out.resolve()
    return BuildResult(
        out=final,
        files={f: final / FILES[f] for f in fmts},
        timings=tuple(st.timings),
        figures=tuple(final / f for f in figures),
        pdf=pdf_job.stats if pdf_job is not None else None,
    )


def _tables(results: Results, document: bytes, specs: dict) -> bytes:
    """tables.xlsx: made from the results' JSON (`document`, as results.json holds it) and
    the charts' specs only, so it is kept on disk under the hash of both (and of pestle's
    code) and made again only when one of them changed; an unchanged build writes no
    workbook."""
    from pestle import diskcache

    charts = json.dumps(specs, sort_keys=True, default=str, allow_nan=True)
    name = diskcache.key(diskcache.code_version(), "tables.xlsx", document, charts)[:32]
    cached = os.environ.get("PESTLE_NO_CACHE", "") in ("", "0")
    path = diskcache.cache_dir() / "tables" / f"{name}.xlsx"
    data = diskcache.read(path) if cached else None
    if data is None:
        from pestle.export import results_workbook_bytes

        data = results_workbook_bytes(results, charts=specs)
        if cached:
            diskcache.write(path, data)
            diskcache.prune(path.parent, TABLES_CACHE_BYTES)
    else:
        diskcache.touch(path)
    return data


def results_json(document: dict) -> bytes:
    """The results' JSON as written to results.json (and printed by `pestle analyze`)."""
    return (json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode()


def _check_destination(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder; choose another --out")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise InputError(
            f"{out}: folder is not empty and was not written by `pestle report` "
            f"(no {MANIFEST}); choose another --out or empty it"
        )


def _write_atomically(out: Path, files: dict[str, bytes]) -> None:
    """Write `files` into a temporary sibling folder, then move it to `out`."""
    parent = out.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=parent))
    try:
        for name, data in files.items():
            path = tmp / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        os.chmod(tmp, 0o755)
        _check_destination(out)
        target = out.resolve()
        if target.exists():
            old = parent / f".{out.name}.old-{uuid.uuid4().hex[:8]}"
            os.rename(target, old)
            try:
                os.rename(tmp, target)
            except OSError:
                os.rename(old, target)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
