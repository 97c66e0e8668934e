"""Section 4: economy — GDP and growth, the structure of value added, the eight clusters."""

from __future__ import annotations

from typing import Any

from pestle.present import charts
from pestle.present import findings as said
from pestle.present import format as fmt
from pestle.present.i18n import gettext as _
from pestle.report.footnotes import Notes, num, refs
from pestle.report.sections import Body
from pestle.report.sections._common import (
    Cite,
    chart,
    entities,
    fill,
    finding_anchor,
    findings_about,
    input_notes,
    numeric,
    table,
)
from pestle.report.sections._factors import factor_blocks, factors_for
from pestle.report.view import Bullets, Link, Notice, Paragraph, text
from pestle.results import Results

VA_PREFIX = "added value, "
VA_GROWTH = "added value growth, "


def _measure(e: Any) -> str:
    return str(e.attributes.get("measure") or "")


def _period(e: Any) -> str:
    return fmt.period(e.attributes.get("period")) if e.attributes.get("period") else "—"


def build(results: Results, notes: Notes, body: Body) -> None:
    case = results.case
    cite = Cite(case, notes)
    body.intro.extend(factor_blocks(results, notes, factors_for(case, "economy")))
    indicators = entities(case, "indicator")
    body.sub("economy-gdp", _("GDP and growth"), *_gdp(cite, indicators))
    body.sub(
        "economy-structure",
        _("Structure of value added"),
        *_structure(results, cite, indicators, body),
    )
    body.sub(
        "economy-clusters",
        _("The eight major industrial clusters"),
        *_clusters(results, cite, body),
    )


def _gdp(cite: Cite, indicators: tuple) -> list:
    rows = [
        (text(e.name), text(_period(e)), (cite.indicator(e),))
        for e in indicators
        if "GDP" in _measure(e) and "share" not in _measure(e)
    ]
    if not rows:
        return [Notice(_("The case has no GDP indicators."))]
    return [
        table(
            "table-economy-gdp",
            _("Regional GDP and its growth as the source report states them"),
            (_("Indicator"), _("Period"), numeric(_("Value"))),
            rows,
        )
    ]


def _industries(indicators: tuple) -> list[tuple[str, Any, Any | None]]:
    """(industry, value-added indicator, growth indicator or None) in case order."""
    out = []
    for e in indicators:
        m = _measure(e)
        if m.startswith(VA_PREFIX) and "cluster" not in m:
            industry = m[len(VA_PREFIX) :]
            growth = next(
                (
                    g
                    for g in indicators
                    if _measure(g).startswith(f"{VA_GROWTH}{industry}")
                    and g.attributes.get("period") == e.attributes.get("period")
                ),
                None,
            )
            out.append((industry, e, growth))
    return out


def _structure(results: Results, cite: Cite, indicators: tuple, body: Body) -> list:
    found = _industries(indicators)
    if not found:
        return [Notice(_("The case has no value added by industry."))]
    ind = results.indicators
    derived = {}
    method = None
    structure = None
    if ind is not None and ind.structure:
        structure = ind.structure[0]
        derived = {r.entity: r for r in structure.rows}
        method = cite.notes.computed(
            _("indicator arithmetic"),
            description=_(
                "Industry structure: share = added value / sum of the industries; "
                "contribution to growth = share x growth (percentage points); contribution "
                "rate = contribution / sum of contributions. "
            )
            + structure.note,
            inputs=[n for r in structure.rows for n in input_notes(cite, r.evidence)],
        )
    period = _period(found[0][1])
    rows = []
    for industry, va, growth in found:
        d = derived.get(va.id)
        rows.append(
            (
                text(industry.capitalize()),
                (cite.indicator(va),),
                (num(fmt.percent(d.share_pct), method),) if d else ("—",),
                (cite.indicator(growth),) if growth is not None else ("—",),
                (num(fmt.points(d.contribution_pp, 2), method),) if d else ("—",),
                (num(fmt.percent(d.contribution_rate_pct), method),)
                if d and d.contribution_rate_pct is not None
                else ("—",),
            )
        )
    blocks: list = [
        table(
            "table-economy-structure",
            _("Added value by industry, {period}: structure and contributions to growth").format(
                period=period
            ),
            (
                _("Industry"),
                numeric(_("Added value")),
                numeric(_("Share")),
                numeric(_("Growth, year on year")),
                numeric(_("Contribution to growth")),
                numeric(_("Contribution rate")),
            ),
            rows,
        ),
    ]
    if structure is not None:
        blocks.append(
            chart(
                "chart-economy-structure",
                _("Added value by industry, {period}").format(period=period),
                charts.industry_structure(structure, period),
                _("Bar chart: added value by industry in billion yuan, {period}").format(
                    period=period
                ),
                _("Source: the table above."),
                method,
            )
        )
        blocks.append(
            chart(
                "chart-economy-contributions",
                _("Contributions to growth, {period}").format(period=period),
                charts.growth_contributions(structure, period),
                _("Bar chart: contribution of each industry to growth in pp"),
                _("Source: the table above."),
                method,
            )
        )
        if structure.stated_growth_pct is not None:
            blocks.append(
                Paragraph(
                    text(
                        *fill(
                            _(
                                "The contributions add up to {sum} against the stated {stated} "
                                "(gap {gap}). "
                            ),
                            sum=num(fmt.percent(structure.weighted_growth_pct, 2), method),
                            stated=num(
                                fmt.percent(structure.stated_growth_pct),
                                *input_notes(cite, structure.evidence),
                            ),
                            gap=num(fmt.points(structure.growth_gap_pp or 0.0, 2), method),
                        )
                    ),
                    tone="method",
                )
            )
    related = findings_about(results, *(va.id for _, va, _ in found))
    if related:
        blocks.append(Paragraph(text(_("The checks on these figures:"))))
        blocks.append(
            Bullets(
                tuple(
                    text(
                        Link(said.title(f), finding_anchor(f)),
                        f" — {fmt.words(f.status)}: {said.message(f)}",
                    )
                    for f in related
                )
            )
        )
    return blocks


def _clusters(results: Results, cite: Cite, body: Body) -> list:
    case = results.case
    clusters = entities(case, "industrial_cluster")
    indicators = entities(case, "indicator")
    count = next((e for e in indicators if "industrial clusters" in _measure(e)), None)
    value = next(
        (e for e in indicators if _measure(e).startswith(VA_PREFIX) and "cluster" in _measure(e)),
        None,
    )
    share = next((e for e in indicators if _measure(e).startswith("share of regional GDP")), None)
    blocks: list = []
    lead = fill(
        _("The report names {count} major industrial clusters:"),
        count=cite.indicator(count) if count is not None else _("the"),
    )
    blocks.append(Paragraph(text(*lead)))
    if clusters:
        blocks.append(Bullets(tuple(text(c.name, refs(*cite.first(c))) for c in clusters)))
    if value is not None:
        claim: list = fill(
            _("In {period}, their added value was {value}"),
            period=_period(value),
            value=cite.indicator(value, strong=True),
        )
        if share is not None:
            claim += fill(
                _(", which the report puts at {share} of regional GDP"),
                share=cite.indicator(share),
            )
        claim.append(_("."))
        blocks.append(Paragraph(text(*claim)))
        gdp_refs = [r for r in value.references if r.reference in case.references]
        if gdp_refs:
            ref = case.references.get(gdp_refs[0].reference)
            blocks.append(
                Paragraph(
                    text(
                        *fill(
                            _("Reference GDP for the same year: {value} (quality: {quality})."),
                            value=num(
                                fmt.quantity(ref.value, "CNY", ref.qualifier),
                                cite.reference(ref.id),
                            ),
                            quality=ref.quality or "n/a",
                        )
                    )
                )
            )
            blocks.append(
                chart(
                    "chart-economy-clusters",
                    _("Clusters' added value against reference GDP"),
                    charts.value_vs_reference(
                        [
                            (_("Clusters' added value (report)"), value.attributes["value"]),
                            (_("Regional GDP (reference)"), ref.value),
                        ],
                        title=_("Eight clusters' added value and regional GDP, {period}").format(
                            period=_period(value)
                        ),
                        source=_("source report; reference data (GDP)"),
                    ),
                    _("Bar chart comparing the clusters' added value with regional GDP"),
                    _("Source: the two figures above."),
                )
            )
    ind = results.indicators
    if ind is not None and value is not None:
        for g in ind.clusters.gdp_shares:
            if g.entity != value.id:
                continue
            note = cite.notes.computed(
                _("indicator arithmetic"),
                description=_("Share of GDP = added value / reference GDP of the same period."),
                inputs=input_notes(cite, g.evidence),
            )
            verdict = {
                True: _("holds"),
                False: _("does not hold"),
                None: _("cannot be decided"),
            }
            blocks.append(
                Paragraph(
                    text(
                        *fill(
                            _(
                                "Against that reference the clusters' added value is {share} of "
                                "GDP; the report's “{stated}” {verdict}."
                            ),
                            share=num(fmt.percent(g.share_pct), note, strong=True),
                            stated=cite.indicator(share) if share is not None else "n/a",
                            verdict=verdict[g.stated_holds],
                        )
                    )
                )
            )
    related = findings_about(results, *(e.id for e in (value, share) if e is not None))
    for f in related:
        blocks.append(
            Paragraph(
                text(
                    *fill(
                        _("Check {check} ({status}): {message}"),
                        check=Link(said.title(f), finding_anchor(f)),
                        status=fmt.words(f.status),
                        message=said.message(f),
                    ),
                    _(" Expected: {value}.").format(value=said.figure(f.expected))
                    if f.expected
                    else "",
                    _(" Actual: {value}.").format(value=said.figure(f.actual)) if f.actual else "",
                ),
                tone="warning" if f.status == "fail" else "method",
            )
        )
    return blocks
