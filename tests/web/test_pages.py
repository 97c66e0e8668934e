"""The dashboard's pages: they render, escape every document text, and hold no inline script."""

from __future__ import annotations

import re
import shutil
import warnings

import pytest

import pestle
from pestle.case import case_folder
from pestle.web import create_app

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with")
    from fastapi.testclient import TestClient

PAGES = ["/", "/evidence", "/checks", "/judgments", "/scenarios", "/upload", "/api/docs"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTR = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)
EXTERNAL = re.compile(r"(?:src|href)=\"(?:https?:)?//", re.IGNORECASE)


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_without_inline_code_or_external_origin(client, path) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    html = r.text
    assert not INLINE_SCRIPT.search(html)
    assert not HANDLER.search(html)
    assert not STYLE_ATTR.search(html)
    assert not EXTERNAL.search(html)
    for src in re.findall(r'<script[^>]*src="([^"]+)"', html):
        assert client.get(src).status_code == 200, src


def test_the_overview_shows_key_findings_and_charts(client) -> None:
    html = client.get("/").text
    assert "Key findings" in html
    assert html.count('class="vega"') == 6  # with the backtest's
    report = client.get("/api/cases/xinjiang_composites/checks").json()
    assert f"{report['summary']['fail']} of {report['summary']['checks']} failed" in html


def test_the_evidence_page_marks_every_claim(client) -> None:
    html = client.get("/evidence").text
    n = len(pestle.load_case().claims)
    ids = set(re.findall(r'<a class="claim[^"]*"[^>]*data-claim="(\d+)"', html))
    assert ids == {str(k) for k in range(n)}
    assert 'class="claim checked failed' in html


def test_a_claim_link_works_without_scripts(client) -> None:
    claims = client.get("/api/cases/xinjiang_composites/claims", params={"limit": 1000}).json()
    k = next(c["id"] for c in claims["claims"] if c["text"] == "26 powers")
    html = client.get(f"/evidence?claim={k}").text
    assert "Checks that use it" in html and f"Claim {k}" in html


def test_checks_filters_and_failed_first(client) -> None:
    html = client.get("/checks").text
    statuses = re.findall(r'<details class="finding status-(\w+)"', html)
    order = {"fail": 0, "ambiguous": 1, "unknown": 2, "pass": 3}
    assert statuses == sorted(statuses, key=order.__getitem__)
    failed = client.get("/checks", params={"status": "fail"}).text
    assert set(re.findall(r'<details class="finding status-(\w+)"', failed)) == {"fail"}
    none = client.get("/checks", params={"q": "no finding says this"}).text
    assert "No check matches" in none
    assert client.get("/checks", params={"status": "bogus"}).status_code == 422


def test_the_judgments_page_has_editable_grids(client) -> None:
    html = client.get("/judgments").text
    j = pestle.load_case().judgments
    n = len(j.ahp.dimensions.labels)
    dims = html.split('data-matrix="dimensions"')[1].split("</table>")[0]
    assert dims.count("<select") == n * (n - 1) // 2
    k = len(j.dematel.labels)
    dematel = html.split('data-kind="dematel"')[1].split("</table>")[0]
    assert dematel.count("<select") == k * (k - 1)


def test_the_dematel_grid_chart_and_table_use_one_set_of_factor_codes(client) -> None:
    html = client.get("/judgments").text
    grid = html.split('data-kind="dematel"')[1].split("</table>")[0]
    codes = [f"F{k}" for k in range(1, len(pestle.load_case().judgments.dematel.labels) + 1)]
    head = re.findall(r'<th scope="col" class="js-key" data-factor="(\w+)"[^>]*>(F\d+)</th>', grid)
    rows = re.findall(r'<span class="idx js-key" data-factor="(\w+)">(F\d+)</span>', grid)
    assert [c for _f, c in head] == codes and head == rows  # F1..Fn, rows as columns
    table = html.split('id="dematel-table"')[1].split("</table>")[0]
    assert re.findall(r"<td><strong>(F\d+)</strong></td>", table) == codes
    # the code of each factor is the one its table row gives it
    names = dict(re.findall(r"<td><strong>(F\d+)</strong></td><td>([^<]+)</td>", table))
    titles = dict(
        re.findall(r'<th scope="col" class="js-key" data-factor="\w+" title="([^"]+)">(F\d+)', grid)
    )
    assert {code: name for name, code in titles.items()} == {
        c: n.replace("&#39;", "'") for c, n in names.items()
    }


def test_the_scenarios_page_has_sliders_for_uncertain_parameters(client) -> None:
    html = client.get("/scenarios").text
    params = pestle.load_case().parameters
    ranged = [p.name for p in params if not p.categorical and p.range is not None]
    assert sorted(re.findall(r'<input type="range" id="p-(\w+)"', html)) == sorted(ranged)
    # ranked by their Sobol' index in the headline scenario: the projection's drivers first
    assert html.index('id="p-projection_growth"') < html.index('id="p-rotor_diameter_m"')


def test_document_text_is_escaped(tmp_path) -> None:
    folder = tmp_path / "case"
    shutil.copytree(case_folder(), folder)
    source = folder / "sources" / "source_report.txt"
    hostile = (
        "\n12. A Hostile Section\n"
        "<script>window.__pwned = 1</script> <img src=x onerror=alert(1)> "
        "cost 5 billion yuan & more.\n"
    )
    source.write_text(source.read_text(encoding="utf-8") + hostile, encoding="utf-8")
    app = create_app(pestle.load_case(folder), token="t")
    with TestClient(app, base_url="http://127.0.0.1") as c:
        html = c.get("/evidence").text
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_live_fan_rows_are_the_report_chart_rows(client) -> None:
    """The demand endpoint builds the fan rows without a spec; they must be the chart's."""
    from pestle.present import charts
    from pestle.web import present
    from pestle.web.runs import run_demand
    from pestle.web.schemas import DemandRequest
    from pestle.web.state import CaseState

    cs = CaseState(pestle.load_case())
    result, _ = run_demand(cs, DemandRequest(samples=500))
    assert present.fan_records(result.demand) == present.rows_of(charts.demand_fan(result.demand))
