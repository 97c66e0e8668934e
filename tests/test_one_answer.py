"""One answer everywhere: `pestle analyze --format json`, the report's results.json (and its
text), `GET /api/cases/{case}/results` and the dashboard's page data (the overview's cards and
chart data) show the same numbers for the same case and settings — on the default settings
and on a second choice given to each surface by its own flags or arguments."""

from __future__ import annotations

import contextlib
import io
import json
import re
import warnings
from html import unescape
from pathlib import Path
from typing import Any

import pytest

import pestle
from cli_run import exit_code
from pestle.present import charts
from pestle.present import format as fmt
from pestle.report.build import build_report
from pestle.results import DEFAULTS, Settings
from pestle.store import Store
from pestle.web import create_app

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with")
    from fastapi.testclient import TestClient

CHOICES = {
    "defaults": DEFAULTS,
    "other": Settings(samples=4_000, seed=5, scenario="bases_max"),
}


def _flags(settings: Settings) -> list[str]:
    flags = ["--samples", str(settings.samples), "--seed", str(settings.seed)]
    return flags + (["--scenario", settings.scenario] if settings.scenario else [])


def shared(doc: dict[str, Any]) -> dict[str, Any]:
    """The fields every surface shows: TOPSIS closeness and ranking, rank stability, AHP
    weights, the EFE total, each scenario's p5/p50/p95 by segment and year."""
    scenarios = {
        name: {
            seg: {
                "cumulative": {k: s["cumulative"][k] for k in ("p5", "p50", "p95")},
                "yearly": {
                    y: {k: v[k] for k in ("p5", "p50", "p95")} for y, v in s["yearly"].items()
                },
            }
            for seg, s in scenario["segments"].items()
        }
        for name, scenario in doc["demand"]["scenarios"].items()
    }
    return {
        "closeness": dict(
            zip(doc["topsis"]["alternatives"], doc["topsis"]["closeness"], strict=True)
        ),
        "ranking": doc["topsis"]["ranking"],
        "stability": dict(
            zip(doc["stability"]["alternatives"], doc["stability"]["keep_share"], strict=True)
        ),
        "ahp": doc["ahp"]["global_weights"],
        "efe": doc["efe"]["total"],
        "headline": doc["demand"]["scenario"],
        "scenarios": scenarios,
        "settings": doc["settings"],
    }


def _cli(settings: Settings) -> dict[str, Any]:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exit_code(["analyze", "--format", "json", *_flags(settings)])
    return json.loads(buffer.getvalue())


def _spec_data(html: str, chart_id: str) -> list[dict[str, Any]]:
    found = re.search(
        rf'<script type="application/json" id="spec-{chart_id}">(.*?)</script>', html, re.S
    )
    assert found, chart_id
    return json.loads(unescape(found.group(1)))["datasets"]["table"]


@pytest.fixture(scope="module", params=list(CHOICES))
def surfaces(request, tmp_path_factory) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    settings = CHOICES[request.param]
    folder: Path = tmp_path_factory.mktemp(f"one-answer-{request.param}")
    report = build_report(out=folder / "report", formats="md", settings=settings)
    app = create_app(store=Store(str(folder / "pestle.db")), settings=settings)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        case_id = app.state.pestle.default
        api = client.get(f"/api/cases/{case_id}/results").json()
        page = client.get("/").text
        demand = client.get(f"/api/cases/{case_id}/demand").json()
    return {
        "settings": settings,
        "cli": _cli(settings),
        "report": json.loads((report.out / "results.json").read_text(encoding="utf-8")),
        "markdown": (report.out / "report.md").read_text(encoding="utf-8"),
        "api": api,
        "page": page,
        "demand_api": demand,
    }


def test_the_json_of_every_surface_agrees(surfaces) -> None:
    cli = shared(surfaces["cli"])
    assert shared(surfaces["report"]) == cli
    assert shared(surfaces["api"]) == cli
    settings = surfaces["settings"]
    assert cli["settings"]["samples"] == settings.samples
    assert cli["settings"]["seed"] == settings.seed
    assert cli["headline"] == (settings.scenario or "observed")
    # the three documents are the one JSON form, whole
    assert surfaces["report"] == surfaces["cli"] == surfaces["api"]


def test_the_dashboards_page_data_are_the_results(surfaces) -> None:
    doc, page = surfaces["cli"], surfaces["page"]
    names = doc["factors"]
    closeness = {r["segment"]: r["closeness"] for r in _spec_data(page, "chart-topsis")}
    assert closeness == pytest.approx(
        {
            charts.segment_name(a): c
            for a, c in zip(doc["topsis"]["alternatives"], doc["topsis"]["closeness"], strict=True)
        }
    )
    weights = {r["factor"]: r["weight"] for r in _spec_data(page, "chart-weights")}
    assert weights == pytest.approx(
        {names[k]["name"]: w for k, w in doc["ahp"]["global_weights"].items()}
    )
    headline = doc["demand"]["scenarios"][doc["demand"]["scenario"]]["segments"]
    fan = _spec_data(page, "chart-fan")
    for row in fan:
        seg = next(s for s in headline if charts.segment_name(s) == row["segment"])
        stats = headline[seg]["yearly"][row["year"]]
        for k in ("p5", "p50", "p95"):
            assert row[k] * 1e3 == pytest.approx(stats[k])  # the chart draws kt
    # the cards: the demand median, the leading segment and its stability, the EFE total
    total = headline["total"]["cumulative"]
    text = unescape(page)
    assert f"{fmt.mass(total['p50'])} (median)" in text
    assert fmt.value_range(total["p5"], total["p95"], "t") in text
    leader = doc["topsis"]["ranking"][0]
    keep = dict(zip(doc["stability"]["alternatives"], doc["stability"]["keep_share"], strict=True))[
        leader
    ]
    assert f"Keeps rank 1 in {fmt.share(keep, 0)}" in text
    assert f"EFE total weighted score {fmt.decimal(doc['efe']['total'], 2)}" in text
    assert doc["settings_text"] in text  # the footer says which settings these are
    # the demand endpoint, asked nothing, runs the same headline scenario
    api_total = next(
        r
        for r in surfaces["demand_api"]["rows"]
        if r["measure"] == "cumulative_demand_t" and r["segment"] == "total"
    )
    assert {k: api_total[k] for k in ("p5", "p50", "p95")} == pytest.approx(
        {k: total[k] for k in ("p5", "p50", "p95")}
    )


def test_the_reports_text_shows_the_same_numbers(surfaces) -> None:
    doc, md = surfaces["cli"], surfaces["markdown"].replace("\xa0", " ")
    total = doc["demand"]["scenarios"][doc["demand"]["scenario"]]["segments"]["total"]
    median = fmt.mass(total["cumulative"]["p50"]).replace("\xa0", " ")
    scenario = doc["demand"]["scenario"]
    # the report names the scenario by its label, and marks a note once per sentence
    label = next(s.label for s in pestle.load_case().scenarios if s.name == scenario)
    assert f"**{median}**" in md and f"Why (scenario {label})" in md
    first_year = next(iter(total["yearly"].values()))["p50"]
    assert f"(median): {fmt.mass(first_year).replace(chr(0xA0), ' ')} in " in md
    leader = doc["topsis"]["ranking"][0]
    closeness = dict(zip(doc["topsis"]["alternatives"], doc["topsis"]["closeness"], strict=True))[
        leader
    ]
    name, value = charts.segment_name(leader), fmt.decimal(closeness, 2)
    assert f"TOPSIS ranks **{name}** first (closeness {value}" in md
    assert doc["settings_text"] in md  # the colophon


def test_a_second_command_on_an_unchanged_case_reuses_the_results(surfaces) -> None:
    from pestle.results import Results

    again = Results(pestle.load_case(), surfaces["settings"])
    assert again.to_dict() == surfaces["cli"]
    assert again.computed == []  # from the content cache the first surfaces filled
