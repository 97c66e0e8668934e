"""The saved parameter sweeps page: `pestle serve --sweep FOLDER` shows each sweep saved by
`pestle sweep --out FOLDER` — its grid, its main-effects chart and table — read once at
start-up (`pestle.results.sweep.load_sweep`); the page computes nothing."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from pestle.present import format as fmt
from pestle.present.i18n import gettext as _
from pestle.present.sweep import sweep_headline
from pestle.web.api.common import app_state

router = APIRouter(include_in_schema=False)


def _value(value: Any) -> str:
    return fmt.number(value) if isinstance(value, float) else str(value)


def view(name: str, result: Any, meta: dict[str, Any]) -> dict[str, Any]:
    """What the page shows of one saved sweep (display strings and the chart spec)."""
    rows = [
        {
            "parameter": row["parameter"],
            "scenario": row["scenario"],
            "value": _value(row["value"]),
            "median": fmt.mass(row["p50"]),
            "band": f"{fmt.mass(row['p5'])}–{fmt.mass(row['p95'])}",
        }
        for row in result.headline().to_dict(orient="records")
    ]
    return {
        "name": name,
        "case": meta.get("case", ""),
        "grid": [(k, ", ".join(_value(v) for v in values)) for k, values in result.grid.items()],
        "scenarios": ", ".join(result.scenarios),
        "seeds": ", ".join(str(s) for s in result.seeds),
        "samples": fmt.count(result.samples),
        "points": fmt.count(result.points),
        "rows": rows,
        "spec": sweep_headline(result),
    }


@router.get("/sweeps", response_class=HTMLResponse)
def sweeps_page(request: Request) -> HTMLResponse:
    from pestle.web.pages import _render

    state = app_state(request)
    shown = [view(name, result, meta) for name, (result, meta) in state.sweeps.items()]
    return _render(request, "sweeps.html.j2", "sweeps", title=_("Saved sweeps"), sweeps=shown)
