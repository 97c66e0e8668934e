"""Section 2: policy — inventory, level x instrument x target matrix, FTZ permissions."""

from __future__ import annotations

from typing import Any

from pestle.present import charts
from pestle.present import findings as said
from pestle.present import format as fmt
from pestle.present.i18n import gettext as _
from pestle.present.i18n import pick
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
from pestle.report.view import Bullets, Column, Link, Notice, Paragraph, Table, text
from pestle.results import Results


def build(results: Results, notes: Notes, body: Body) -> None:
    case = results.case
    cite = Cite(case, notes)
    body.intro.extend(factor_blocks(results, notes, factors_for(case, "policy")))
    body.sub("policy-inventory", _("Policy inventory"), *_inventory(cite, entities(case, "policy")))
    body.sub(
        "policy-mix",
        _("Level × instrument × target matrix and superposition index"),
        *_mix(results.policy, cite),
    )
    body.sub("policy-ftz", _("Free-trade-zone permissions by section"), *_ftz(results, cite, body))


def _inventory(cite: Cite, policies: tuple) -> list:
    if not policies:
        return [Notice(_("The case has no policy entities."))]
    rows = []
    for p in policies:
        a = p.attributes
        counts: list = []
        if "measures_count" in a:
            counts = fill(_("{count} measures"), count=cite.value(p, "measures_count", "count"))
        elif "powers_count" in a:
            counts = fill(
                _("{count} delegated powers"), count=cite.value(p, "powers_count", "count")
            )
        rows.append(
            (
                text(p.name, refs(*cite.first(p))),
                text(fmt.words(a.get("level"))),
                text(fmt.words(a.get("instrument"))),
                # a code of the target vocabulary (industry, energy, zone_wide), in words
                text(fmt.words(a.get("target_industry") or a.get("target"))),
                text(*(counts or ["—"])),
                text(str(a.get("covers", "—"))),
            )
        )
    return [
        table(
            "table-policy-inventory",
            _("Policies the source report names, as coded in the case"),
            (
                _("Policy"),
                # short codes in words: kept whole (a Chinese level read one character a line)
                Column(_("Level"), word=True),
                Column(_("Instrument"), word=True),
                _("Target"),
                numeric(_("Scope")),
                _("Areas covered"),
            ),
            rows,
        )
    ]


def _mix(mix: Any, cite: Cite) -> list:
    notes = cite.notes
    coding_rows = []
    evidence: list[int] = []
    for m in mix.measures:
        marks = tuple(cite.link(e) for e in m.evidence)
        evidence.extend(marks)
        coding_rows.append(
            (
                text(m.name, refs(*marks)),
                text(fmt.words(m.level)),
                text(fmt.words(m.instrument)),
                text(fmt.words(m.target)),
                text(pick(m.rationale) + (_(" (inferred)") if m.inferred else "")),
            )
        )
    coding = notes.judgment(
        cite.case.files()["policy_measures"][0].name,
        _("coding of the policy measures by level, instrument and target"),
        mix.note,
    )
    method = notes.computed(
        _("the policy-mix index"),
        description=_(
            "Coverage of instrument x target cells by level; typology: {typology}. "
            "Superposition index = cells addressed at national and at local level / cells "
            "addressed at all."
        ).format(typology=mix.typology),
        inputs=[coding, *evidence],
    )
    counts = mix.counts()
    levels = list(counts)
    instruments = list(next(iter(counts.values())))
    targets = list(next(iter(next(iter(counts.values())).values())))
    matrix_rows = []
    for level in levels:
        for instrument in instruments:
            row_counts = [counts[level][instrument][t] for t in targets]
            matrix_rows.append(
                (
                    text(fmt.words(level)),
                    text(fmt.words(instrument)),
                    *[((num(fmt.count(c), method),) if c else ("·",)) for c in row_counts],
                )
            )
    blocks: list = [
        Paragraph(
            text(
                *fill(
                    _(
                        "Superposition index: {index} — {superposed} of the {addressed} "
                        "instrument × target cells that any measure addresses are addressed both "
                        "nationally and locally; {national} only nationally and {local} only "
                        "locally."
                    ),
                    index=num(fmt.decimal(mix.index, 2), method, strong=True),
                    superposed=num(fmt.count(mix.superposed), method),
                    addressed=num(fmt.count(mix.addressed), method),
                    national=num(fmt.count(mix.national_only), method),
                    local=num(fmt.count(mix.local_only), method),
                ),
                *(
                    fill(
                        _(" Without the measures coded as inferred, the index is {index}."),
                        index=num(fmt.decimal(mix.index_stated, 2), method),
                    )
                    if mix.index_stated is not None
                    else ()
                ),
            ),
            tone="lead",
        ),
        Paragraph(
            text(
                _("The coding is an analyst's reading of the report's words: "),
                mix.note or "",
            ),
            tone="judgment",
            label=_("Analyst coding"),
            badge="judgment",
        ),
        Table(
            id="table-policy-matrix",
            caption=_("Measures by level × instrument (rows) and target area (columns)"),
            columns=(
                Column(_("Level")),
                Column(_("Instrument")),
                *[Column(fmt.words(t), numeric=True) for t in targets],
            ),
            rows=tuple(matrix_rows),
            note=text(
                _("Typology: {typology}. A dot marks an empty cell.").format(typology=mix.typology)
            ),
        ),
        chart(
            "chart-policy-coverage",
            _("Which instrument × target cells are covered, and from which level"),
            charts.policy_coverage(mix),
            _("Heat map: coverage of instrument by target cells by level"),
            _("Source: the coded measures below."),
            method,
        ),
        table(
            "table-policy-coding",
            _("The coded policy measures"),
            (
                _("Measure"),
                Column(_("Level"), word=True),
                Column(_("Instrument"), word=True),
                Column(_("Target"), word=True),
                _("Rationale"),
            ),
            coding_rows,
        ),
    ]
    return blocks


def _ftz(results: Results, cite: Cite, body: Body) -> list:
    case = results.case
    sections = entities(case, "ftz_section")
    if not sections:
        return [Notice(_("The case has no free-trade-zone sections."))]
    blocks: list = []
    zones = entities(case, "free_trade_zone")
    zone = pick(zones[0].name) if zones else _("free-trade zone")
    delegation = [p for p in entities(case, "policy") if "powers_count" in p.attributes]
    plan = [p for p in entities(case, "policy") if "measures_count" in p.attributes]
    lead: list = []
    if plan:
        lead += fill(
            _("The national overall plan proposes {count} measures; "),
            count=cite.value(plan[0], "measures_count", "count"),
        )
    if delegation:
        lead += fill(
            _("the autonomous region has delegated {count} powers to the zone. "),
            count=cite.value(delegation[0], "powers_count", "count"),
        )
    lead.append(_("Its sections received the following permissions:"))
    blocks.append(Paragraph(text(*lead)))
    rows = []
    records = []
    for s in sections:
        value = s.attributes.get("permissions_count")
        if value is None:
            continue
        rows.append((text(s.name), (cite.value(s, "permissions_count", "count"),)))
        records.append((pick(s.name), value))
    blocks.append(
        table(
            "table-policy-ftz",
            _("Permissions received by each section of the {zone}").format(zone=zone),
            (_("Section"), numeric(_("Permissions"))),
            rows,
        )
    )
    if records:
        blocks.append(
            chart(
                "chart-policy-ftz",
                _("Permissions by free-trade-zone section"),
                charts.ftz_permissions(records),
                _("Bar chart: permissions received by each FTZ section"),
                _("Source: the figures in the table above."),
            )
        )
    ind = results.indicators
    if ind is not None:
        blocks.extend(_ftz_indicators(cite, ind))
    related = findings_about(results, *(s.id for s in sections))
    if related:
        items = tuple(
            text(
                Link(said.title(f), finding_anchor(f)),
                f" — {fmt.words(f.status)}: {said.message(f)}",
            )
            for f in related
        )
        blocks.append(Paragraph(text(_("What the consistency checks say about these figures:"))))
        blocks.append(Bullets(items))
    return blocks


def _ftz_indicators(cite: Cite, ind: Any) -> list:
    out: list = []
    for zone in ind.ftz:
        inputs_ = [n for s in zone.sections for n in input_notes(cite, s.evidence)]
        note = cite.notes.computed(
            _("indicator arithmetic"),
            description=_(
                "Shares of the sections' permissions and Herfindahl concentration H = sum of "
                "squared shares; 1 / H is the equivalent number of equal sections."
            ),
            inputs=inputs_,
        )
        shares = [text(s.name, _(": "), num(fmt.percent(s.share_pct), note)) for s in zone.sections]
        out.append(
            Paragraph(
                text(
                    _("Of the permissions of the sections of the {zone}, the shares are: ").format(
                        zone=pick(zone.name)
                    ),
                )
            )
        )
        out.append(Bullets(tuple(shares)))
        out.append(
            Paragraph(
                text(
                    *fill(
                        _(
                            "Concentration: Herfindahl index {index} (normalised {normalised}), "
                            "the same as {sections} sections of equal weight."
                        ),
                        index=num(fmt.decimal(zone.herfindahl, 2), note),
                        normalised=num(fmt.decimal(zone.herfindahl_normalised, 2), note),
                        sections=num(fmt.number(zone.equivalent_sections, 1), note),
                    ),
                    f" {zone.note}" if zone.note else "",
                )
            )
        )
    return out
