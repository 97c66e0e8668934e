"""The report: a self-contained HTML, a PDF and Markdown of the whole analysis.

    >>> from pestle.report import build_report
    >>> result = build_report(out="report")          # the embedded case, all formats
    >>> result.files["html"]                          # doctest: +SKIP

Pipeline (one stage each): `context` gathers the case, the checks and the analyses
(`adapters`) into the view model (`view`, one module per section in `sections/`), with
every number formatted by `format` and footnoted by `footnotes`; `charts` makes the
Vega-Lite specs; `render_html`, `render_pdf` and `render_md` lay the view model out through
the Jinja2 templates; `build` runs the stages and writes the folder atomically.

Speed: the PDF is laid out in parts (cover, contents, each section, notes) by worker
processes (`pdf_workers`), each with a headless Chromium kept running where one is found,
else with WeasyPrint (`pdf_engine`, `chromium`), and put together with pikepdf
(`pdf_assemble`); the parts' PDFs, chart SVGs and the JavaScript bundle are cached on disk
by content (`diskcache`), so a rebuild lays out only the sections that changed.
"""

from pestle.report.build import FORMATS, BuildResult, build_report

__all__ = ["FORMATS", "BuildResult", "build_report"]
