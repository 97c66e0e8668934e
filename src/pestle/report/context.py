"""Turn a case's `Results` into the report's view model, section by section.

Every number comes from the results (one orchestrator, `pestle.results`): numbers are
formatted by `format.py` and each carries a footnote from `footnotes.Notes`. No arithmetic
happens here or in the section modules. The view is built in one language (`lang`): the
section modules mark their words for the catalogue, `format.py` writes numbers the way the
language does; a text of the case (a label, a name, the region) is shown in the language's
form when the case file gives one (`i18n.pick`), else as the case wrote it.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from types import ModuleType

from pestle.present import i18n
from pestle.present import settings as present_settings
from pestle.present.i18n import N_, pick
from pestle.present.i18n import gettext as _
from pestle.report import labels
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
    reproduce,
    society,
    summary,
    trade,
)
from pestle.report.view import Meta, Notice, Report, Section, text
from pestle.results import Results

__all__ = ["SECTIONS", "build_view"]

# (id, title, module) in reading order; titles are what the PDF test looks for.
SECTIONS: tuple[tuple[str, str, ModuleType], ...] = (
    ("summary", N_("Executive summary"), summary),
    ("policy", N_("Policy"), policy),
    ("society", N_("Society and international relations"), society),
    ("economy", N_("Economy"), economy),
    ("trade", N_("Trade"), trade),
    ("energy", N_("Energy and technology"), energy),
    ("demand", N_("Composite demand"), demand),
    ("factors", N_("Factor evaluation"), factors),
    ("checks", N_("Consistency findings"), checks),
    ("assumptions", N_("Assumptions and sources"), assumptions),
    ("reproduce", N_("Reproducing this report"), reproduce),
)


def build_view(results: Results, lang: str | None = None) -> Report:
    """The report's view model in `lang` (default: the active language, English)."""
    with i18n.use(i18n.current() if lang is None else lang) as active:
        return _build_view(results, active)


def _build_view(results: Results, lang: str) -> Report:
    notes = Notes(documents_of(results.case))
    built: list[Section] = []
    for number, (sid, title, module) in enumerate(SECTIONS, start=1):
        cited_before = len(notes)
        body = Body()
        module.build(results, notes, body)
        intro = list(body.intro)
        if not intro and not body.subsections:
            intro.append(Notice(_("This section has nothing to show for this case.")))
        built.append(
            Section(
                id=sid,
                number=number,
                title=_(title),
                intro=tuple(intro),
                subsections=tuple(body.subsections),
                notes=tuple(range(cited_before + 1, len(notes) + 1)),
            )
        )
    return Report(meta=_meta(results, lang), sections=tuple(built), footnotes=notes.footnotes)


def _build_time() -> datetime:
    """When the report is built: now, or `SOURCE_DATE_EPOCH` (seconds since 1970, the
    reproducible-builds convention) when set, so that two builds of the same inputs are the
    same bytes, cover included, whatever the minute they ran in."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


def _meta(results: Results, lang: str) -> Meta:
    case = results.case
    generated = _build_time().strftime("%Y-%m-%d %H:%M UTC")
    settings = present_settings.describe(results)  # labels and units, not ids
    drafts = len(case.drafts)
    facts: list[tuple[str, tuple]] = [
        *(
            [
                (
                    _("Status"),
                    text(
                        _(
                            "DRAFT: {count} entities and factors drafted by pestle init, "
                            "not yet confirmed by an analyst"
                        ).format(count=drafts)
                    ),
                )
            ]
            if drafts
            else []
        ),
        (_("Region"), text(pick(case.region))),
        (_("Industry"), text(pick(case.target_industry))),
        (_("Scenario"), text(labels.scenario(results, results.scenario))),
        (_("Settings"), text(settings)),
        (_("Generated"), text(generated)),
    ]
    colophon = _(
        "Built by pestle {version} from case {case} on {generated}; settings: "
        "{settings}. The same numbers are in results.json beside this report and in "
        "`pestle analyze --format json` with these settings. Every number links to its "
        "evidence in Notes and evidence."
    ).format(version=results.version, case=case.id, generated=generated, settings=settings)
    return Meta(
        title=_("{name}: external-environment (PESTLE) analysis").format(name=pick(case.name)),
        subtitle=_("pestle report · DRAFT") if drafts else _("pestle report"),
        case_id=case.id,
        case_folder=str(case.folder),
        region=pick(case.region),
        industry=pick(case.target_industry),
        generated=generated,
        scenario=results.scenario,
        pestle_version=results.version,
        colophon=colophon,
        description=pick(case.description or ""),
        facts=tuple(facts),
        lang=lang,
    )
