"""Every command on every shipped case: check, analyze, demand, report, and serve's API; and
the dashboard listing them all. The second case's report cites its own documents only."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from cli_run import Run
from pestle.case import DEFAULT_CASE, embedded_cases, load_case

with warnings.catch_warnings():  # starlette asks for httpx2, which the project does not use
    warnings.filterwarnings("ignore", message="Using `httpx` with")
    from fastapi.testclient import TestClient

CASES = embedded_cases()
SAMPLES = "2000"


def test_two_cases_ship() -> None:
    assert len(CASES) >= 2 and DEFAULT_CASE in CASES


@pytest.mark.parametrize("name", CASES)
def test_check_analyze_demand(name: str, cli: Run) -> None:
    code, out, err = cli("check", name, "--format", "json")
    assert code == 0, err
    assert json.loads(out)["case"] == name
    code, out, err = cli("analyze", name, "--format", "json", "--samples", SAMPLES)
    assert code == 0, err
    results = json.loads(out)
    assert results["case"]["id"] == name
    code, out, err = cli("demand", name, "--format", "json", "--samples", SAMPLES)
    assert code == 0, err
    assert json.loads(out)


@pytest.mark.parametrize("name", CASES)
def test_report(name: str, cli: Run, tmp_path: Path) -> None:
    out_dir = tmp_path / name
    code, _, err = cli(
        "report", name, "--out", str(out_dir), "--format", "html,md", "--samples", SAMPLES
    )
    assert code == 0, err
    markdown = (out_dir / "report.md").read_text(encoding="utf-8")
    case = load_case(name)
    assert case.name in markdown
    for document in case.documents:  # every document of the case is listed with its hash
        assert document.source.sha256 in markdown
    others = [load_case(o) for o in CASES if o != name]
    for other in others:  # and no other case's document is cited
        for document in other.documents:
            assert document.source.sha256 not in markdown


@pytest.mark.parametrize("name", CASES)
def test_serve_api(name: str) -> None:
    from pestle.web import create_app

    with TestClient(create_app(name), base_url="http://127.0.0.1") as client:
        assert [c["id"] for c in client.get("/api/cases").json()["cases"]] == [name]
        assert client.get(f"/api/cases/{name}/results").status_code == 200
        assert client.get(f"/api/cases/{name}/checks").status_code == 200
        assert client.get("/").status_code == 200


def test_dashboard_lists_every_case() -> None:
    from pestle.cli.serve import _other_embedded
    from pestle.web import create_app

    also = _other_embedded(None, None)
    assert set(also) == set(CASES) - {DEFAULT_CASE}
    app = create_app(DEFAULT_CASE, also=also)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        listed = [c["id"] for c in client.get("/api/cases").json()["cases"]]
        assert listed == [DEFAULT_CASE, *also]
        for name in CASES:
            page = client.get(f"/?case={name}")
            assert page.status_code == 200
            assert f'data-case="{name}"' in page.text
            for other in CASES:  # the header links every case
                assert f'href="/?case={other}"' in page.text
    assert _other_embedded("some_folder", None) == ()
    assert _other_embedded(None, "observed") == ()
