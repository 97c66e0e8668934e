"""Collect the case and analysis results into the report's view model.

`load` / `run_checks` / `run_analyses` gather inputs (calling library functions, never
computing); `build_view` turns them into a `view.Report` section by section. No arithmetic
happens here or in the section modules: numbers come formatted from `format.py` out of
case and analysis objects, and each carries a footnote from `footnotes.Notes`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pestle
from pestle.report.adapters import (
    documents_of,
    load,
    run_analyses,
    run_checks,
)
from pestle.report.footnotes import Notes
from pestle.report.inputs import Inputs
from pestle.report.sections import (
    Body,
    assumptions,
    checks,
    demand,
    economy,
    energy,
    factors,
    policy,
    society,
    summary,
    trade,
)
from pestle.report.sections._common import waiting
from pestle.report.view import Meta, Notice, Report, Section, text

__all__ = ["SECTIONS", "build_view", "gather", "load", "run_analyses", "run_checks"]

# (id, title, module) in reading order; titles are what the PDF test looks for.
SECTIONS: tuple[tuple[str, str, ModuleType], ...] = (
    ("summary", "Executive summary", summary),
    ("policy", "Policy", policy),
    ("society", "Society and international relations", society),
    ("economy", "Economy", economy),
    ("trade", "Trade", trade),
    ("energy", "Energy and technology", energy),
    ("demand", "Composite demand", demand),
    ("factors", "Factor evaluation", factors),
    ("checks", "Consistency findings", checks),
    ("assumptions", "Assumptions and sources", assumptions),
)


def gather(case: str | Path | None = None, scenario: str | None = None) -> Inputs:
    """All inputs at once (for callers that do not report stages)."""
    inputs = load(case, scenario)
    run_checks(inputs)
    run_analyses(inputs)
    return inputs


def build_view(inputs: Inputs) -> Report:
    notes = Notes(documents_of(inputs))
    built: list[Section] = []
    for number, (sid, title, module) in enumerate(SECTIONS, start=1):
        cited_before = len(notes)
        body = Body()
        # a section needs its modules (MODULES); a missing one is a notice, not numbers
        if not waiting(inputs, body, *module.MODULES):
            module.build(inputs, notes, body)
        intro = list(body.intro)
        missing = list(dict.fromkeys(body.missing))
        if not intro and not body.subsections:
            intro.append(Notice("This section has nothing to show for this case."))
        built.append(
            Section(
                id=sid,
                number=number,
                title=title,
                intro=tuple(intro),
                subsections=tuple(body.subsections),
                missing=tuple(missing),
                notes=tuple(range(cited_before + 1, len(notes) + 1)),
            )
        )
    return Report(meta=_meta(inputs, notes), sections=tuple(built), footnotes=notes.footnotes)


def _meta(inputs: Inputs, notes: Notes) -> Meta:
    case = inputs.case
    info = getattr(case, "info", None)
    name = getattr(info, "name", None) or getattr(case, "name", None) or "PESTLE analysis"
    region = getattr(info, "region", None) or getattr(case, "region", None) or "n/a"
    industry = (
        getattr(info, "target_industry", None) or getattr(case, "target_industry", None) or "n/a"
    )
    case_id = getattr(info, "id", None) or getattr(case, "id", None) or str(inputs.case_ref or "")
    folder = getattr(case, "folder", None)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    scenario = inputs.scenario or inputs.results.get("scenario_name")
    facts: list[tuple[str, tuple]] = [
        ("Region", text(region)),
        ("Industry", text(industry)),
        ("Scenario", text(scenario or "base case")),
        ("Generated", text(generated)),
    ]
    missing = len(inputs.missing)
    colophon = (
        f"Built by pestle {pestle.__version__} from case {case_id}"
        f"{f' (scenario {scenario})' if scenario else ''} on {generated}. "
        "Every number links to its evidence in Notes and evidence."
    )
    if missing:
        colophon += f" Sections waiting for modules not built yet: {', '.join(inputs.missing)}."
    return Meta(
        title=f"{name}: external-environment (PESTLE) analysis",
        subtitle="pestle report",
        case_id=str(case_id),
        case_folder=str(folder) if folder else "",
        region=str(region),
        industry=str(industry),
        generated=generated,
        scenario=scenario,
        pestle_version=pestle.__version__,
        colophon=colophon,
        description=str(getattr(case, "description", None) or ""),
        facts=tuple(facts),
    )
