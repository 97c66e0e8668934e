"""The WeasyPrint processes: charts filled in by the worker, fallbacks, the main module."""

from __future__ import annotations

import sys
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest
from report_hostile import hostile_report

from pestle.report import pdf_workers
from pestle.report.svg import cached_svg, svg_key


def test_a_document_gets_its_charts_converted_and_filled_in(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PESTLE_CACHE", str(tmp_path / "cache"))
    spec = hostile_report().charts()[0].spec
    key = svg_key(spec)
    html = f'<p>chart:</p><img src="{pdf_workers.SVG_SRC}{key}">'
    pdf, svgs = pdf_workers.render_document(html, {key: spec})
    assert pdf.startswith(b"%PDF-")
    assert list(svgs) == [key] and svgs[key].startswith("<svg")
    assert cached_svg(spec) == svgs[key]  # in the cache for the next build
    from weasyprint.urls import FatalURLFetchingError

    with pytest.raises(FatalURLFetchingError, match="pestle-svg"):  # a chart left out
        pdf_workers.render_document(html, {})


def test_a_broken_pool_leaves_the_work_to_this_process() -> None:
    future: Future = Future()
    future.set_exception(BrokenProcessPool("a worker died"))
    pdf, svgs = pdf_workers.result(future, "<p>laid out here</p>")
    assert pdf.startswith(b"%PDF-") and svgs == {}


def test_the_number_of_workers_can_be_set(monkeypatch) -> None:
    monkeypatch.setenv("PESTLE_PDF_WORKERS", "0")
    assert pdf_workers.workers() == 0
    monkeypatch.setenv("PESTLE_PDF_WORKERS", "99")
    assert pdf_workers.workers() == pdf_workers.MAX_WORKERS
    monkeypatch.delenv("PESTLE_PDF_WORKERS")
    assert 1 <= pdf_workers.workers() <= pdf_workers.MAX_WORKERS


def test_no_workers_means_laid_out_here(monkeypatch) -> None:
    monkeypatch.setenv("PESTLE_PDF_WORKERS", "0")
    future = pdf_workers.submit("<p>here</p>")
    assert future.done() and future.result()[0].startswith(b"%PDF-")


def test_workers_start_without_running_the_main_module_again() -> None:
    main = sys.modules["__main__"]
    before = (main.__dict__.get("__file__"), main.__dict__.get("__spec__"))
    with pdf_workers._main_not_imported():
        assert getattr(main, "__file__", None) is None and main.__spec__ is None
    assert (main.__dict__.get("__file__"), main.__dict__.get("__spec__")) == before
