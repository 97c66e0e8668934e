"""Sourced data files of the Xinjiang case (issue #13): every figure keeps its source.

Walks each new YAML file under `sources/`: every numeric value sits in a mapping that has a
non-empty `source` (or `sources`) and `quality` in {firm, verify}, unless the mapping is
marked `gap: true` or `status: not_found`; dates and periods parse; capacities are
non-negative W; installed capacity never falls by more than 5% between dated rows unless
the later row says so (`allow_decrease: true` with a `note`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pestle.case.yaml_lines import load_yaml

CASE_DIR = Path(__file__).resolve().parents[2] / "src" / "pestle" / "cases" / "xinjiang_composites"
SOURCES = CASE_DIR / "sources"
FILES = [
    "capacity_history.yaml",
    "production_plants.yaml",
    "repowering.yaml",
    "grid_insulators.yaml",
]
QUALITIES = {"firm", "verify"}
CAPACITY_MEASURES = ("wind", "solar", "new_energy_total")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _has_number(value: Any) -> bool:
    """A number directly in this value (a scalar or a list of scalars), not in a nested mapping."""
    if isinstance(value, list):
        return any(_has_number(v) for v in value if not isinstance(v, dict))
    return _is_number(value)


def _exempt(row: dict) -> bool:
    return row.get("gap") is True or row.get("status") == "not_found"


def _sourced(row: dict) -> bool:
    source = row.get("source")
    sources = row.get("sources")
    has_source = (isinstance(source, str) and source.strip() != "") or (
        isinstance(sources, list) and any(str(s).strip() for s in sources)
    )
    return has_source and row.get("quality") in QUALITIES


def unsourced(data: Any, path: str = "") -> Iterator[str]:
    """Paths of mappings that hold a number but lack a source or a valid quality."""
    if isinstance(data, dict):
        numeric = [k for k, v in data.items() if _has_number(v)]
        if numeric and not _exempt(data) and not _sourced(data):
            yield f"{path or '<root>'}: {', '.join(map(str, numeric))}"
        for key, value in data.items():
            yield from unsourced(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from unsourced(item, f"{path}[{index}]")


def _rows(data: Any) -> Iterator[dict]:
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _rows(value)
    elif isinstance(data, list):
        for item in data:
            yield from _rows(item)


def _load(name: str) -> Any:
    # the case's own loader: it reads 26.15e9 as a float (plain YAML 1.1 reads it as text)
    return load_yaml(SOURCES / name)


# -- the walker itself -----------------------------------------------------------------------


def test_walker_flags_a_row_without_source() -> None:
    data = {"series": [{"date": "2020-12-31", "wind": 1e9, "quality": "firm"}]}
    assert list(unsourced(data)) == ["series[0]: wind"]


def test_walker_flags_empty_source_and_unknown_quality() -> None:
    data = {
        "a": [{"wind": 1e9, "source": " ", "quality": "firm"}],
        "b": [{"wind": 1e9, "source": "Xinhua", "quality": "weak"}],
        "c": {"range": [1, 2], "sources": [], "quality": "verify"},
    }
    assert list(unsourced(data)) == ["a[0]: wind", "b[0]: wind", "c: range"]


def test_walker_accepts_sourced_rows_and_marked_gaps() -> None:
    data = {
        "series": [
            {"date": "2020-12-31", "wind": 1e9, "quality": "verify", "source": "NEA"},
            {"date": "2021-12-31", "gap": True, "note": "no figure"},
            {"item": "x", "status": "not_found", "searched": ["q"]},
            {"name": "text only", "quality": "firm"},
        ],
        "group": {"base": 10, "sources": ["A, B"], "quality": "firm"},
    }
    assert list(unsourced(data)) == []


def test_walker_does_not_count_booleans_as_numbers() -> None:
    assert list(unsourced({"row": {"gap": True, "derived": False}})) == []


# -- the files -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_every_number_has_source_and_quality(name: str) -> None:
    assert list(unsourced(_load(name))) == []


@pytest.mark.parametrize("name", FILES)
def test_no_number_is_left_as_text(name: str) -> None:
    # a figure read as a string would slip past the source check
    pattern = re.compile(r"^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$")
    for row in _rows(_load(name)):
        for key, value in row.items():
            assert not (isinstance(value, str) and pattern.match(value.strip())), (key, row)


@pytest.mark.parametrize("name", FILES)
def test_dates_periods_and_years_parse(name: str) -> None:
    for row in _rows(_load(name)):
        for key in ("date", "by"):
            if key in row:
                dt.date.fromisoformat(str(row[key]))
        if "period" in row:
            start, end = (dt.date.fromisoformat(p) for p in str(row["period"]).split("/"))
            assert start <= end, row
        for key in ("year", "start_year", "built", "grid_connected", "by_year"):
            if key in row:
                assert isinstance(row[key], int) and 1980 <= row[key] <= 2035, (key, row)


@pytest.mark.parametrize("name", FILES)
def test_rows_marked_gap_say_why(name: str) -> None:
    for row in _rows(_load(name)):
        if row.get("gap") is True or row.get("status") == "not_found":
            assert str(row.get("note", "")).strip(), row


def test_capacities_are_non_negative_watts() -> None:
    data = _load("capacity_history.yaml")
    for series in ("installed_capacity_w", "additions_w"):
        for row in data[series]:
            for measure in CAPACITY_MEASURES:
                if measure in row:
                    value = row[measure]
                    assert _is_number(value) and value >= 0, row
                    # a value below 1 MW is a unit slip (GW or MW typed as W)
                    assert value == 0 or value >= 1e6, row


def test_installed_capacity_never_falls_more_than_5_percent() -> None:
    rows = [r for r in _load("capacity_history.yaml")["installed_capacity_w"] if "date" in r]
    dates = [dt.date.fromisoformat(r["date"]) for r in rows]
    assert dates == sorted(dates), "rows must be in date order"
    for measure in CAPACITY_MEASURES:
        series = [r for r in rows if measure in r]
        for before, after in itertools.pairwise(series):
            if after.get("allow_decrease") is True:
                assert str(after.get("note", "")).strip(), after
                continue
            assert after[measure] >= 0.95 * before[measure], (
                measure,
                before["date"],
                after["date"],
            )


def test_issue_figures_are_present_with_firm_sources() -> None:
    rows = {r["date"]: r for r in _load("capacity_history.yaml")["installed_capacity_w"]}
    end_2022, end_2024 = rows["2022-12-31"], rows["2024-12-30"]
    assert (end_2022["wind"], end_2022["solar"], end_2022["quality"]) == (26.15e9, 14.51e9, "firm")
    assert (end_2024["wind"], end_2024["solar"], end_2024["quality"]) == (43.64e9, 56.66e9, "firm")
    assert "ecns.cn" in end_2024["source"]


def test_new_files_are_listed_in_the_sources_readme() -> None:
    readme = (SOURCES / "README.md").read_text(encoding="utf-8")
    for name in FILES:
        assert f"`{name}`" in readme, name
