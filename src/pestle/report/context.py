"""Turn a case's `Results` into the report's view model, section by section.

Every number comes from the results (one orchestrator, `pestle.results`): numbers are
formatted by `format.py` and each carries a footnote from `footnotes.Notes`. No arithmetic
happens here or in the section modules.
"""

from __future__ import annotations

from datetime import UTC, datetime
from types import ModuleType

from pestle.report.documents import documents_of
from pestle.report.footnotes import Notes
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
from pestle.report.view import Meta, Notice, Report, Section, text
from pestle.results import Results

__all__ = ["SECTIONS", "build_view"]

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


def build_view(results: Results) -> Report:
    notes = Notes(documents_of(results.case))
    built: list[Section] = []
    for number, (sid, title, module) in enumerate(SECTIONS, start=1):
        cited_before = len(notes)
        body = Body()
        module.build(results, notes, body)
        intro = list(body.intro)
        if not intro and not body.subsections:
            intro.append(Notice("This section has nothing to show for this case."))
        built.append(
            Section(
                id=sid,
                number=number,
                title=title,
                intro=tuple(intro),
                subsections=tuple(body.subsections),
                notes=tuple(range(cited_before + 1, len(notes) + 1)),
            )
        )
    return Report(meta=_meta(results), sections=tuple(built), footnotes=notes.footnotes)


def _meta(results: Results) -> Meta:
    case = results.case
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    settings = results.describe()
    drafts = len(case.drafts)
    facts: list[tuple[str, tuple]] = [
        *(
            [
                (
                    "Status",
                    text(
                        f"DRAFT: {drafts} entities and factors drafted by pestle init, "
                        "not yet confirmed by an analyst"
                    ),
                )
            ]
            if drafts
            else []
        ),
        ("Region", text(case.region)),
        ("Industry", text(case.target_industry)),
        ("Scenario", text(results.scenario)),
        ("Settings", text(settings)),
        ("Generated", text(generated)),
    ]
    colophon = (
        f"Built by pestle {results.version} from case {case.id} on {generated}; settings: "
        f"{settings}. The same numbers are in results.json beside this report and in "
        "`pestle analyze --format json` with these settings. Every number links to its "
        "evidence in Notes and evidence."
    )
    return Meta(
        title=f"{case.name}: external-environment (PESTLE) analysis",
        subtitle="pestle report · DRAFT" if drafts else "pestle report",
        case_id=case.id,
        case_folder=str(case.folder),
        region=case.region,
        industry=case.target_industry,
        generated=generated,
        scenario=results.scenario,
        pestle_version=results.version,
        colophon=colophon,
        description=case.description or "",
        facts=tuple(facts),
    )
