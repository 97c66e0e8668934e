"""What a build keeps on disk for the next one: tables.xlsx by the content it is made of, and
the mark of a build of the same inputs, which spares the next such build the WeasyPrint
workers' start (its PDF parts are cached)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pestle.report import pdf_workers
from pestle.report.build import build_report
from pestle.results import Settings

FAST = Settings(samples=2_000, sobol_samples=0, draws=100)


@pytest.fixture()
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("PESTLE_CACHE", str(cache))
    return cache


def test_the_workbook_is_made_again_only_when_its_content_changes(
    own_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build_report(out=tmp_path / "a", formats="md", settings=FAST)
    made = (first.out / "tables.xlsx").read_bytes()

    def no_workbook(*_: object, **__: object) -> bytes:
        raise AssertionError("workbook made again from the same content")

    monkeypatch.setattr("pestle.export.results_workbook_bytes", no_workbook)
    again = build_report(out=tmp_path / "b", formats="md", settings=FAST)
    assert (again.out / "tables.xlsx").read_bytes() == made
    monkeypatch.undo()
    monkeypatch.setenv("PESTLE_CACHE", str(own_cache))
    other = build_report(out=tmp_path / "c", formats="md", settings=FAST.replace(seed=2))
    sheets = load_workbook(io.BytesIO((other.out / "tables.xlsx").read_bytes()), read_only=True)
    # (setting, value): a row is as wide as the sheet's widest
    about = [tuple(r)[:2] for r in sheets.worksheets[0].iter_rows(values_only=True)]
    assert ("seed", 2) in about  # the new settings' workbook, not the cached one


def test_a_build_made_before_starts_no_pdf_worker(
    own_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765000000")  # the cover's time: no minute race
    pdf_workers.stop()
    first = build_report(out=tmp_path / "a", formats="pdf", settings=FAST)
    assert first.pdf is not None and first.pdf.cached < first.pdf.parts
    pdf_workers.stop()
    again = build_report(out=tmp_path / "b", formats="pdf", settings=FAST)
    assert again.pdf is not None and again.pdf.cached == again.pdf.parts
    assert pdf_workers._pool is None  # nothing to lay out: no process was started
    assert (again.out / "report.pdf").read_bytes()[:5] == b"%PDF-"
    pdf_workers.stop()


def test_source_date_epoch_sets_the_build_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reproducible builds: SOURCE_DATE_EPOCH fixes the time on the cover; anything but a
    number of seconds is ignored (the time now)."""
    from datetime import UTC, datetime, timedelta

    from pestle.report.context import _build_time

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765000000")
    assert _build_time() == datetime(2025, 12, 6, 5, 46, 40, tzinfo=UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert abs(datetime.now(UTC) - _build_time()) < timedelta(minutes=1)
