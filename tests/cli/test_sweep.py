"""`pestle sweep`: the files it writes, their agreement, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest


def test_sweep_writes_a_table_a_workbook_a_chart_and_its_description(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "sw"
    code, stdout, err = cli(
        "sweep",
        "--grid", "blade_mass_t_per_mw=10,14",
        "--grid", "projection_wind_share=0.2:0.4:3",
        "--samples", "1000", "--seeds", "2", "--workers", "1", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    frame = pd.read_parquet(out / "sweep.parquet")
    assert frame["point"].nunique() == 2 * 3 * 2
    assert set(frame["seed"]) == {1, 2}
    sheet = openpyxl.load_workbook(out / "sweep.xlsx").active
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(frame)
    p50 = header.index("p50")
    assert [r[p50] for r in rows] == pytest.approx(
        frame["p50"].tolist(), rel=1e-15
    )  # xlsx keeps 15-17 digits
    assert all(isinstance(r[p50], int | float) for r in rows)  # numbers, not text
    svg = (out / "sweep.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "blade_mass_t_per_mw" in svg
    meta = json.loads((out / "sweep.json").read_text(encoding="utf-8"))
    assert meta["points"] == 12 and meta["settings"]["samples"] == 1000
    assert "projection_wind_share" in stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--grid", "wind_share"], "--grid: 'wind_share': expected NAME=V1,V2"),
        (["--grid", "no_such=1,2"], "--grid"),
        (["--grid", "blade_mass_t_per_mw=10", "--seeds", "0"], "--seeds"),
        (["--grid", "blade_mass_t_per_mw=10", "--workers", "0"], "--workers"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(cli, tmp_path: Path, args, message) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli("sweep", *args, "--samples", "100", "--out", str(tmp_path / "x"))
    assert code == 2
    assert err.strip().count("\n") == 0 and message in err and "Traceback" not in err


def test_out_under_a_missing_folder_is_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "missing" / "sub"
    code, _, err = cli("sweep", "--grid", "blade_mass_t_per_mw=10", "--out", str(target))
    assert code == 2 and "does not exist" in err and not target.parent.exists()
