"""The REST API on the embedded case: every endpoint, its filters, limits and errors."""

from __future__ import annotations

import json

import pytest

import pestle
from pestle.checks import run_checks
from pestle.results import DEFAULTS, Results

CASE = "xinjiang_composites"
API = f"/api/cases/{CASE}"


def error_of(response) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    body = response.json()
    assert set(body) >= {"error", "detail"}
    assert "Traceback" not in body["detail"] and "\n" not in body["detail"]
    return body["error"], body["detail"]


# -- cases, claims ----------------------------------------------------------------------------


def test_cases_lists_the_served_case(client) -> None:
    body = client.get("/api/cases").json()
    (case,) = body["cases"]
    loaded = pestle.load_case()
    assert case["id"] == CASE
    assert case["counts"]["claims"] == len(loaded.claims)
    assert case["documents"][0]["sha256"] == loaded.documents[0].source.sha256


def test_an_unknown_case_is_a_404_naming_the_served_cases(client) -> None:
    r = client.get("/api/cases/no_such_case/claims")
    assert r.status_code == 404
    _, detail = error_of(r)
    assert "no_such_case" in detail and CASE in detail


def test_a_malformed_case_id_is_refused_before_any_lookup(client) -> None:
    r = client.get("/api/cases/..%2F..%2Fetc/claims")
    assert r.status_code in (404, 422)
    error_of(r)


def test_claims_are_the_case_claims_in_order_with_ids(client) -> None:
    loaded = pestle.load_case()
    body = client.get(f"{API}/claims", params={"limit": 1000}).json()
    assert body["total"] == len(loaded.claims)
    assert [c["text"] for c in body["claims"]] == [c.text for c in loaded.claims]
    assert [c["id"] for c in body["claims"]] == list(range(len(loaded.claims)))
    first = body["claims"][0]
    assert set(first) >= {"value", "unit", "qualifier", "period", "measure", "text", "start", "end"}
    assert first["display"]["value"]


def test_claims_paginate(client) -> None:
    whole = client.get(f"{API}/claims", params={"limit": 1000}).json()["claims"]
    page = client.get(f"{API}/claims", params={"offset": 5, "limit": 3}).json()
    assert page["offset"] == 5 and page["limit"] == 3
    assert [c["id"] for c in page["claims"]] == [c["id"] for c in whole[5:8]]


@pytest.mark.parametrize(
    ("params", "field", "expected"),
    [
        ({"unit": "CNY"}, "unit", "CNY"),
        ({"measure": "gdp"}, "measure", "GDP"),
        ({"section": "Current Situation and Trend Analysis of Economic Growth"}, "section", None),
    ],
)
def test_claims_filter_by_field(client, params, field, expected) -> None:
    body = client.get(f"{API}/claims", params={**params, "limit": 1000}).json()
    assert body["total"] > 0
    wanted = expected or next(iter(params.values()))
    assert all(c[field] == wanted for c in body["claims"])
    everything = client.get(f"{API}/claims", params={"limit": 1000}).json()
    assert body["total"] < everything["total"]


def test_claims_filter_by_period_keeps_overlapping_periods(client) -> None:
    body = client.get(f"{API}/claims", params={"period": "2025", "limit": 1000}).json()
    assert body["total"] > 0
    assert all(c["period"] and c["period"][:4] == "2025" for c in body["claims"])
    q1 = client.get(
        f"{API}/claims", params={"period": "2025-01-01/2025-03-31", "limit": 1000}
    ).json()
    assert 0 < q1["total"] <= body["total"]


@pytest.mark.parametrize(
    "params",
    [{"period": "last year"}, {"period": "2025-03-31/2025-01-01"}, {"unit": "furlong"},
     {"limit": 0}, {"limit": 5000}, {"offset": -1}],
)  # fmt: skip
def test_bad_claim_filters_are_422(client, params) -> None:
    r = client.get(f"{API}/claims", params=params)
    assert r.status_code == 422
    error_of(r)


def _claim_id(client, text: str) -> int:  # type: ignore[no-untyped-def]
    claims = client.get(f"{API}/claims", params={"limit": 1000}).json()["claims"]
    return next(c["id"] for c in claims if c["text"] == text)


def test_a_claim_names_the_checks_that_use_it_and_what_it_supports(client) -> None:
    k = _claim_id(client, "26 powers")
    body = client.get(f"{API}/claims/{k}").json()
    assert body["claim"]["text"] == "26 powers"
    report = run_checks(pestle.load_case())
    quoting = {
        f.id
        for f in report.findings
        for e in f.evidence
        if e.kind == "claim" and e.text == "26 powers"
    }
    assert quoting and {f["id"] for f in body["findings"]} == quoting
    assert any(s["type"] == "entity" for s in body["supports"])


def test_an_unknown_claim_is_404(client) -> None:
    r = client.get(f"{API}/claims/999999")
    assert r.status_code == 404
    error_of(r)


# -- entities, factors, checks, analysis ------------------------------------------------------


def test_entities_and_kind_filter(client) -> None:
    loaded = pestle.load_case()
    body = client.get(f"{API}/entities").json()
    assert body["total"] == len(loaded.entities)
    bases = client.get(f"{API}/entities", params={"kind": "energy_base"}).json()
    assert bases["total"] == len(loaded.entities_of("energy_base")) > 0
    assert {e["kind"] for e in bases["entities"]} == {"energy_base"}


def test_factors(client) -> None:
    body = client.get(f"{API}/factors").json()
    assert [f["id"] for f in body["factors"]] == [f.id for f in pestle.load_case().factors]


def test_checks_are_the_runner_findings_failed_first(client) -> None:
    report = run_checks(pestle.load_case())
    body = client.get(f"{API}/checks").json()
    assert body["summary"] == report.summary
    assert [f["id"] for f in body["findings"]] == [f.id for f in report.findings]
    failed = client.get(f"{API}/checks", params={"status": "fail"}).json()
    assert len(failed["findings"]) == report.summary["fail"]
    assert {f["status"] for f in failed["findings"]} == {"fail"}
    assert client.get(f"{API}/checks", params={"status": "broken"}).status_code == 422


def test_results_are_the_cases_results_at_the_default_settings(client) -> None:
    body = client.get(f"{API}/results").json()
    expected = Results(pestle.load_case(), DEFAULTS).to_dict()
    assert body == expected
    assert body["settings"]["samples"] == DEFAULTS.samples


# -- demand -----------------------------------------------------------------------------------


def _total(body: dict) -> dict:  # type: ignore[type-arg]
    return next(
        r for r in body["rows"] if r["measure"] == "cumulative_demand_t" and r["segment"] == "total"
    )


def test_demand_get_runs_the_first_scenario_at_the_default_settings(client) -> None:
    body = client.get(f"{API}/demand").json()
    assert body["scenario"] == "observed"
    assert body["samples"] == DEFAULTS.samples and body["seed"] == DEFAULTS.seed
    assert len(body["display"]["fan"]) == len(body["segments"]) * len(body["years"])
    assert body["display"]["totals"][-1]["segment"] == "total"
    results = client.get(f"{API}/results").json()
    stated = results["demand"]["scenarios"]["observed"]["segments"]["total"]["cumulative"]
    assert _total(body)["p50"] == pytest.approx(stated["p50"])
    assert _total(body)["mean"] == pytest.approx(stated["mean"])


def test_demand_scenario_parameter(client) -> None:
    a = client.get(f"{API}/demand", params={"scenario": "bases_max"}).json()
    b = client.get(f"{API}/demand", params={"scenario": "bases_sum"}).json()
    assert a["scenario"] == "bases_max" and b["scenario"] == "bases_sum"
    assert _total(a)["mean"] < _total(b)["mean"]


def test_an_unknown_scenario_is_refused_with_the_known_ones(client) -> None:
    r = client.get(f"{API}/demand", params={"scenario": "no_such"})
    assert r.status_code == 400
    _, detail = error_of(r)
    assert "as_stated" in detail


@pytest.mark.parametrize("samples", [0, -5, 100_001, 10**9])
def test_sample_counts_are_bounded(client, samples) -> None:
    assert client.get(f"{API}/demand", params={"samples": samples}).status_code == 422
    r = client.post(f"{API}/demand", json={"samples": samples})
    assert r.status_code == 422
    _, detail = error_of(r)
    assert "samples" in detail


def test_an_override_changes_the_result(client) -> None:
    # wind_share splits the bases path's capacity (the observed path has its own split)
    on_bases = {"scenario": "as_stated"}
    low = client.post(f"{API}/demand", json={**on_bases, "overrides": {"wind_share": 0.2}}).json()
    high = client.post(f"{API}/demand", json={**on_bases, "overrides": {"wind_share": 0.8}}).json()
    assert low["overrides"] == {"wind_share": 0.2}
    blades = [
        next(
            r["p50"]
            for r in body["rows"]
            if r["measure"] == "cumulative_demand_t" and r["segment"] == "wind_blades"
        )
        for body in (low, high)
    ]
    assert blades[0] < blades[1]
    state = {p["name"]: p for p in high["parameters"]}["wind_share"]
    assert state["distribution"] == "fixed" and state["base"] == 0.8
    assert high["display"]["parameters"]["wind_share"] == "fixed at 0.8"


def test_a_choice_override(client) -> None:
    body = client.post(
        f"{API}/demand",
        json={"scenario": "as_stated", "overrides": {"aggregation": "sum"}, "samples": 2000},
    ).json()
    summed = client.get(f"{API}/demand", params={"scenario": "bases_sum", "samples": 2000}).json()
    assert _total(body)["mean"] == pytest.approx(_total(summed)["mean"])


def test_the_same_request_gives_the_same_numbers(client) -> None:
    request = {"overrides": {"commissioning_years": 3}, "samples": 5000, "seed": 7}
    a = client.post(f"{API}/demand", json=request).json()
    b = client.post(f"{API}/demand", json=request).json()
    assert a["rows"] == b["rows"]


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"wind_share": 5}, "outside its stated range"),
        ({"wind_shar": 0.5}, "unknown parameter"),
        ({"horizon_end": 1e9}, "no stated range"),
        ({"aggregation": "average"}, "must be one of"),
        ({"wind_share": "lots"}, "is a number"),
    ],
)
def test_bad_overrides_are_refused_in_one_line(client, overrides, words) -> None:
    r = client.post(f"{API}/demand", json={"overrides": overrides})
    assert r.status_code == 400
    _, detail = error_of(r)
    assert words in detail


def test_demand_body_validation(client) -> None:
    assert client.post(f"{API}/demand", json={"unknown": 1}).status_code == 422
    assert (
        client.post(
            f"{API}/demand", content=b"not json", headers={"content-type": "application/json"}
        ).status_code
        == 422
    )
    many = {f"p{i}": 0.5 for i in range(100)}
    assert client.post(f"{API}/demand", json={"overrides": many}).status_code == 422


# -- judgments --------------------------------------------------------------------------------


def _case_matrices(client) -> dict:  # type: ignore[type-arg]
    body = client.post(f"{API}/judgments", json={}).json()
    return {m["name"]: m for m in body["ahp"]["matrices"]}


def test_judgments_without_changes_are_the_case_analysis(client) -> None:
    body = client.post(f"{API}/judgments", json={}).json()
    expected = Results(pestle.load_case()).ahp.global_weights()
    got = {g["item"]: g["global_weight"] for g in body["ahp"]["global_weights"]}
    assert got == pytest.approx(expected)
    assert body["ahp"]["consistent"] is True
    assert body["illustrative"] is True
    assert set(body["dematel"]["cause"]) | set(body["dematel"]["effect"]) <= set(got)


def _dimensions(client, cell: tuple[int, int] | None = None, value: str | None = None) -> dict:  # type: ignore[no-untyped-def, type-arg]
    m = _case_matrices(client)["dimensions"]
    n = len(m["labels"])
    values = [[m["display"]["completed"][i][j] if i < j else ("1" if i == j else None)
               for j in range(n)] for i in range(n)]  # fmt: skip
    if cell is not None:
        values[cell[0]][cell[1]] = value
    return {"labels": m["labels"], "values": values}


def test_editing_a_judgment_changes_the_weights(client) -> None:
    before = _case_matrices(client)["dimensions"]
    # political vs technological: from 1/2 to 9 (political far more important)
    k = before["labels"].index("technological")
    edited = client.post(
        f"{API}/judgments", json={"ahp": {"dimensions": _dimensions(client, (0, k), "9")}}
    ).json()
    after = edited["ahp"]["matrices"][0]
    assert after["name"] == "dimensions"
    assert after["weights"][0] > before["weights"][0]
    assert after["weights"][k] < before["weights"][k]
    assert after["display"]["completed"][k][0] == "1/9"


def test_inconsistent_judgments_are_explained_not_refused(client) -> None:
    body = _dimensions(client)
    n = len(body["labels"])
    for j in range(1, n):  # political dominates everything...
        body["values"][0][j] = "9"
    body["values"][1][2] = "1/9"  # ...but economic is far below social, and so on
    body["values"][2][3] = "9"
    r = client.post(f"{API}/judgments", json={"ahp": {"dimensions": body}})
    assert r.status_code == 200
    m = r.json()["ahp"]["matrices"][0]
    assert m["consistent"] is False and m["cr"] > 0.1
    assert "inconsistent triad" in m["explanation"] and m["worst_triad"]["items"]
    assert r.json()["ahp"]["consistent"] is False


def test_a_missing_comparison_is_completed(client) -> None:
    r = client.post(
        f"{API}/judgments", json={"ahp": {"dimensions": _dimensions(client, (0, 1), None)}}
    )
    m = r.json()["ahp"]["matrices"][0]
    assert ["political", "economic"] in m["missing"]


@pytest.mark.parametrize("value", ["-3", "0/0", "three", "1/0", -2, "INF"])
def test_bad_pairwise_cells_are_refused(client, value) -> None:
    body = {"ahp": {"dimensions": _dimensions(client, (0, 1), "MARK")}}
    text = json.dumps(body).replace('"MARK"', "1e400" if value == "INF" else json.dumps(value))
    r = client.post(f"{API}/judgments", content=text, headers={"content-type": "application/json"})
    assert r.status_code == 422
    error_of(r)


def test_a_bad_cell_is_named_with_its_matrix(client) -> None:
    body = _dimensions(client, (0, 1), "3")
    body["values"][1][0] = "3"  # not the reciprocal of 3
    r = client.post(f"{API}/judgments", json={"ahp": {"dimensions": body}})
    assert r.status_code == 422
    assert r.json()["matrix"] == "dimensions" and len(r.json()["cell"]) == 2


def test_a_non_square_matrix_is_422(client) -> None:
    body = _dimensions(client)
    body["values"] = body["values"][:-1]
    assert client.post(f"{API}/judgments", json={"ahp": {"dimensions": body}}).status_code == 422


def test_editing_the_influence_matrix_changes_the_groups(client) -> None:
    base = client.post(f"{API}/judgments", json={}).json()["dematel"]
    labels = base["labels"]
    effect = base["effect"][0]
    i = labels.index(effect)
    values = [[0.0] * len(labels) for _ in labels]
    for j in range(len(labels)):
        if j != i:
            values[i][j] = 4.0  # the effect factor now drives everything
    body = client.post(
        f"{API}/judgments", json={"dematel": {"labels": labels, "values": values}}
    ).json()
    assert body["dematel"]["cause"] == [effect]
    bad = [row[:] for row in values]
    bad[0][1] = 7
    assert (
        client.post(
            f"{API}/judgments", json={"dematel": {"labels": labels, "values": bad}}
        ).status_code
        == 422
    )


# -- reports ----------------------------------------------------------------------------------


def test_report_format_and_case_are_validated(client) -> None:
    assert client.get(f"/api/reports/{CASE}", params={"format": "exe"}).status_code == 422
    assert client.get("/api/reports/other_case").status_code == 404
    assert client.get("/api/reports/..%2F..%2Fetc%2Fpasswd").status_code in (404, 422)


def test_the_report_downloads_as_an_html_attachment(client) -> None:
    r = client.get(f"/api/reports/{CASE}")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "attachment" in r.headers["content-disposition"]
    assert r.text.lstrip().lower().startswith("<!doctype html")
    again = client.get(f"/api/reports/{CASE}")  # built once, served again
    assert again.content == r.content
