"""The Sweeps page: a sweep saved by `pestle sweep --out` shown by `pestle serve --sweep`."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import pestle
from pestle.errors import InputError
from pestle.results import Results, Settings
from pestle.results.sweep import load_sweep, run_sweep, write_sweep
from pestle.store import Store
from pestle.web import create_app

BASE = "http://127.0.0.1"  # a loopback Host: the app refuses others


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("sweep")
    results = Results(pestle.load_case(), Settings(samples=500))
    result = run_sweep(results, {"blade_mass_t_per_mw": [10.0, 14.0]}, seeds=2)
    write_sweep(result, folder, {"case": results.case.name})
    return folder


def test_a_saved_sweep_reads_back_as_it_was_written(saved: Path) -> None:
    result, meta = load_sweep(saved)
    assert result.grid == {"blade_mass_t_per_mw": (10.0, 14.0)} and result.seeds == (1, 2)
    assert result.points == 4 and meta["case"].startswith("Composite-materials")
    assert list(result.headline()["value"]) == [10.0, 14.0]


def test_the_page_shows_the_grid_chart_and_table(saved: Path, tmp_path: Path) -> None:
    app = create_app(store=Store(str(tmp_path / "s.db")), sweeps=[saved])
    with TestClient(app, base_url=BASE) as client:
        page = client.get("/sweeps")
        assert page.status_code == 200
        assert 'href="/sweeps"' in client.get("/").text  # the nav offers it
    html = page.text
    assert saved.name in html and "blade_mass_t_per_mw" in html
    assert 'id="chart-sweep-1"' in html and ("Mt" in html or "kt" in html)
    assert html.count("<tr>") >= 3  # header and one row per swept value


def test_without_sweeps_the_page_says_how_to_get_one(tmp_path: Path) -> None:
    app = create_app(store=Store(str(tmp_path / "s.db")))
    with TestClient(app, base_url=BASE) as client:
        page = client.get("/sweeps")
        assert 'href="/sweeps"' not in client.get("/").text
    assert page.status_code == 200 and "pestle serve --sweep" in page.text


def test_a_folder_without_a_sweep_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a saved sweep") as info:
        create_app(store=Store(str(tmp_path / "s.db")), sweeps=[tmp_path])
    assert info.value.parameter == "sweep"
