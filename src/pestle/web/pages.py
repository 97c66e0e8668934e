"""The dashboard's pages: server-rendered Jinja2 templates extending one base template.

Pages read the served case's results (computed once, see state.py) and render them; the
small scripts in /static make them live by calling the JSON API. Every page works as a
plain document first: filters are GET forms, a claim's details have their own URL.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

import pestle
from pestle.analysis.ahp import ratio_text
from pestle.case.writer import is_read_only
from pestle.model.judgment import within_name
from pestle.present import charts
from pestle.present import format as fmt
from pestle.present import settings as present_settings
from pestle.present.i18n import N_, pick
from pestle.present.i18n import gettext as _
from pestle.present.vendor import vega_bundle
from pestle.web import overview, present
from pestle.web.api.cases import claim_detail
from pestle.web.api.common import app_state
from pestle.web.runs import run_demand, run_judgments, scenario_names, scenario_parameters
from pestle.web.schemas import DemandRequest, JudgmentsRequest
from pestle.web.state import CaseState
from pestle.web.uploads import segments

router = APIRouter(include_in_schema=False)

NAV = (  # labels marked for the catalogue, translated by the base template
    ("overview", "/", N_("Overview")),
    ("evidence", "/evidence", N_("Evidence")),
    ("checks", "/checks", N_("Checks")),
    ("judgments", "/judgments", N_("Judgments")),
    ("scenarios", "/scenarios", N_("Scenarios")),
    ("upload", "/upload", N_("Upload")),
)
SWEEPS_NAV = ("sweeps", "/sweeps", N_("Sweeps"))  # shown when `pestle serve --sweep` gave some
SAATY = ("9", "8", "7", "6", "5", "4", "3", "2", "1", "1/2", "1/3", "1/4", "1/5", "1/6",
         "1/7", "1/8", "1/9")  # fmt: skip
INFLUENCE = (("0", "0 none"), ("1", "1 low"), ("2", "2 medium"), ("3", "3 high"),
             ("4", "4 very high"))  # fmt: skip
SAMPLE_CHOICES = (1_000, 10_000, 100_000)  # and the served results' own count
SLIDERS_SHOWN = 6  # the parameters that drive total demand most; the rest are folded
PANEL_WIDTH, PANEL_HEIGHT = 150, 120  # each segment's fan panel on the scenarios page


# pages with nothing typed into them follow a reloaded case at once (`pestle serve --watch`);
# the others offer a reload, so that inputs are not lost
AUTO_RELOAD = frozenset({"overview", "evidence", "checks"})


def _render(request: Request, template: str, page: str | None, **context: Any) -> HTMLResponse:
    state = app_state(request)
    cs = _cs(request)
    return state.templates.TemplateResponse(
        request,
        template,
        {
            "page": page,
            "nav": NAV + ((SWEEPS_NAV,) if state.sweeps else ()),
            "case": cs.case,
            "cases": [(c.id, pick(c.case.name)) for c in state.cases.values()],
            "version": pestle.__version__,
            "settings": present_settings.describe(cs.results),  # labels, not ids
            "settings_ids": cs.results.describe(),  # as results.json writes them, on hover
            "live": state.status(cs.id),
            "auto_reload": page in AUTO_RELOAD,
            **context,
        },
    )


def _cs(request: Request) -> CaseState:
    """The case a page shows: `?case=<id>` when the server serves several, else the first."""
    state = app_state(request)
    return state.cases.get(request.query_params.get("case") or "", state.primary)


# -- overview ---------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> HTMLResponse:
    cs = _cs(request)
    ov = overview.build(cs)
    return _render(
        request,
        "overview.html.j2",
        "overview",
        title=_("Overview"),
        overview=ov,
        summary=cs.checks.summary,
        counts={
            "documents": fmt.count(len(cs.case.documents)),
            "claims": fmt.count(len(cs.claims)),
            "entities": fmt.count(len(cs.case.entities)),
            "factors": fmt.count(len(cs.case.factors)),
        },
    )


# -- evidence ---------------------------------------------------------------------------------


@router.get("/evidence", response_class=HTMLResponse)
def evidence_page(
    request: Request,
    document: Annotated[str | None, Query(max_length=64)] = None,
    claim: Annotated[int | None, Query(ge=0, le=10_000_000)] = None,
) -> HTMLResponse:
    cs = _cs(request)
    docs = {d.id: d for d in cs.case.documents}
    if claim is not None and claim < len(cs.claims) and document is None:
        document = cs.claim_documents[claim]
    doc = docs.get(document or cs.case.documents[0].id)
    if doc is None:
        raise HTTPException(status_code=404, detail=f"no document {document!r} in this case")
    ids = cs.document_claims[doc.id]
    uses = cs.uses
    report = cs.checks
    marks = {}
    for local, k in enumerate(ids):
        use = uses.get(k)
        statuses = {report.finding(f).status for f in use.findings} if use else set()
        marks[local] = {
            "id": k,
            "checked": bool(use and use.findings),
            "failed": "fail" in statuses,
            "supports": bool(use and use.owners),
            "title": present.claim_value(doc.claims[local]),
        }
    detail = claim_detail(cs, claim) if claim is not None else None
    return _render(
        request,
        "evidence.html.j2",
        "evidence",
        title=_("Evidence"),
        documents=list(docs.values()),
        document=doc,
        segments=segments(doc.text, doc.claims),
        marks=marks,
        detail=detail,
        claims_total=fmt.count(len(ids)),
        checked_total=fmt.count(len([m for m in marks.values() if m["checked"]])),
    )


# -- checks -----------------------------------------------------------------------------------


@router.get("/checks", response_class=HTMLResponse)
def checks_page(
    request: Request,
    status: Literal["", "fail", "ambiguous", "unknown", "pass"] = "",
    severity: Literal["", "error", "warning", "info"] = "",
    rule: Annotated[str, Query(max_length=64)] = "",
    q: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    cs = _cs(request)
    report = cs.checks
    needle = q.casefold().strip()
    rows = []
    for f in report.findings:
        if (status and f.status != status) or (severity and f.severity != severity):
            continue
        if rule and f.rule != rule:
            continue
        row = present.finding_row(f)
        # the words the reader sees (their language) and the stored English and id
        words = f"{row['title']} {row['message']} {f.title} {f.message} {f.id}"
        if needle and needle not in words.casefold():
            continue
        rows.append(row)
    return _render(
        request,
        "checks.html.j2",
        "checks",
        title=_("Checks"),
        findings=rows,
        summary=report.summary,
        rules=report.rules,
        shown=fmt.count(len(rows)),
        filters={"status": status, "severity": severity, "rule": rule, "q": q},
    )


# -- judgments --------------------------------------------------------------------------------


def _pairwise_grid(labels: tuple[str, ...], values: Any, names: dict[str, str]) -> dict:  # type: ignore[type-arg]
    cells = []
    for i, row in enumerate(values):
        out = []
        for j, v in enumerate(row):
            text = "" if v is None else ratio_text(v)
            kind = "diag" if i == j else "upper" if i < j else "lower"
            options = SAATY if text in SAATY or not text else (text, *SAATY)
            out.append({"kind": kind, "text": text, "options": options, "col": labels[j]})
        cells.append(
            {"label": labels[i], "name": names.get(labels[i], fmt.words(labels[i])), "cells": out}
        )
    return {
        "labels": labels,
        "names": [names.get(x, fmt.words(x)) for x in labels],
        "rows": cells,
    }


@router.get("/judgments", response_class=HTMLResponse)
def judgments_page(request: Request) -> HTMLResponse:
    cs = _cs(request)
    j = cs.judgments
    run = run_judgments(cs, JudgmentsRequest())
    names = {k: pick(v) for k, v in run.names.items()}  # in the reader's language
    matrices = [present.ahp_matrix(m, names) for m in run.matrices]
    dims = j.ahp.dimensions
    grids = [
        (
            "dimensions",
            "dimensions",
            "PESTLE dimensions",
            _pairwise_grid(dims.labels, dims.values(), names),
        )
    ]
    for d in j.dimensions():
        if d in j.ahp.within:
            m = j.ahp.within[d]
            title = f"{fmt.words(d).capitalize()} factors"
            grids.append((d, within_name(d), title, _pairwise_grid(m.labels, m.values(), names)))
    influence = j.dematel
    keys = charts.dematel_keys(run.dematel)
    # rows and columns in the order of the factor codes (F1, F2, ...) the chart and the table
    # use; the page sends the labels with the values, so any order reads back the same
    order = [label for _key, label in keys]
    at = {label: k for k, label in enumerate(influence.labels)}
    dematel_grid = {
        "labels": tuple(order),
        "rows": [
            {
                "label": row,
                "name": names.get(row, fmt.words(row)),
                "cells": [
                    {
                        "diag": row == col,
                        "value": ratio_text(v) if (v := influence.rows[row][at[col]]) else "0",
                        "col": col,
                    }
                    for col in order
                ],
            }
            for row in order
        ],
    }
    return _render(
        request,
        "judgments.html.j2",
        "judgments",
        title=_("Judgments"),
        judgments=j,
        judgments_file=cs.case.files()["judgments"][0].name,
        grids=grids,
        matrices={m["name"]: m for m in matrices},
        global_weights=present.global_weights(run.hierarchy, names),
        dematel=present.dematel_payload(run.dematel, names),
        dematel_keys={label: key for key, label in keys},
        writable=not is_read_only(cs.case),
        dematel_grid=dematel_grid,
        influence=INFLUENCE,
        weights_chart=present.live(charts.ahp_weights(run.hierarchy, names)),
        dematel_chart=present.live(charts.dematel_diagram(run.dematel, names)),
    )


# -- scenarios --------------------------------------------------------------------------------


@router.get("/scenarios", response_class=HTMLResponse)
def scenarios_page(request: Request) -> HTMLResponse:
    cs = _cs(request)
    inputs = cs.demand_inputs
    names = scenario_names(cs)
    first = cs.results.scenario  # the served results' headline, as on the overview
    second = next((n for n in names if n != first), first)
    sens = cs.sensitivity
    records = sens.to_frame().to_dict("records") if sens is not None else []
    ranks = {row["parameter"]: int(row["rank"]) for row in records}
    params = scenario_parameters(cs, first)
    numeric = sorted(
        (p for p in params if not p.categorical and p.range is not None),
        key=lambda p: (p.name not in ranks, ranks.get(p.name, 0)),
    )
    choices = [p for p in params if p.categorical]
    sliders = [present.slider(p, ranks.get(p.name)) for p in numeric]
    a, _run_a = run_demand(cs, DemandRequest(scenario=first))
    b, _run_b = run_demand(cs, DemandRequest(scenario=second))
    return _render(
        request,
        "scenarios.html.j2",
        "scenarios",
        title=_("Scenarios"),
        scenarios=inputs.scenarios,
        first=first,
        second=second,
        key_sliders=sliders[:SLIDERS_SHOWN],
        more_sliders=sliders[SLIDERS_SHOWN:],
        choices=[present.slider(p, None) for p in choices],
        samples=[
            (n, fmt.count(n), n == cs.results.settings.samples)
            for n in sorted({*SAMPLE_CHOICES, cs.results.settings.samples})
        ],
        a=present.demand_payload(a, cs.id, {}, present_settings.scenario_label(cs.results, a.name)),
        b=present.demand_payload(b, cs.id, {}, present_settings.scenario_label(cs.results, b.name)),
        fan_a=_side_by_side(a.demand, _("Scenario A")),
        fan_b=_side_by_side(b.demand, _("Scenario B")),
        writable=not is_read_only(cs.case),
        scenarios_file=_file_name(cs, "scenarios"),
    )


def _file_name(cs: CaseState, kind: str) -> str:
    files = cs.case.files()[kind]
    return files[0].name if files else f"{kind}.yaml"


def _side_by_side(d: Any, title: str) -> tuple[dict[str, Any], str]:
    spec = charts.demand_fan(d)
    return present.live(present.compact(spec, PANEL_WIDTH, PANEL_HEIGHT, title))


# -- upload -----------------------------------------------------------------------------------


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    state = app_state(request)
    return _render(
        request,
        "upload.html.j2",
        "upload",
        title=_("Upload"),
        limit=fmt.count(state.max_upload),
    )


# -- API docs and assets ----------------------------------------------------------------------


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {})
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "description": p.get("description")
                            or p.get("schema", {}).get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": list(body),
                    "token": bool(op.get("security")),
                    "responses": list(op.get("responses", {})),
                }
            )
    return _render(
        request,
        "api_docs.html.j2",
        None,
        title=_("API"),
        operations=operations,
        info=schema.get("info", {}),
    )


@router.get("/static/vendor/vega.js")
def vega_js() -> Response:
    return Response(
        vega_bundle(),
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=86400"},
    )
