"""Section 5: trade — scale over time, structure within each dimension, implied bases,
opening platforms."""

from __future__ import annotations

from typing import Any

from pestle.model.period import Period
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
    evidence_notes,
    finding_anchor,
    input_notes,
    numeric,
    table,
)
from pestle.report.sections._factors import factor_blocks, factors_for
from pestle.report.view import Link, Notice, Paragraph, text
from pestle.results import Results

TRADE = "import and export value"


def _measure(e: Any) -> str:
    return str(e.attributes.get("measure") or "")


def build(results: Results, notes: Notes, body: Body) -> None:
    case = results.case
    cite = Cite(case, notes)
    body.intro.extend(factor_blocks(results, notes, factors_for(case, "trade")))
    body.sub("trade-scale", _("Scale over time"), *_scale(results, cite))
    body.sub(
        "trade-structure", _("Structure within each dimension"), *_structure(results, cite, case)
    )
    body.sub("trade-bases", _("Implied prior-period bases"), *_bases(results, cite, body))
    body.sub("trade-platforms", _("Opening platforms"), *_platforms(results, cite, case))


def _scale(results: Results, cite: Cite) -> list:
    case = results.case
    levels = [
        e
        for e in entities(case, "indicator")
        if _measure(e) == f"total {TRADE}" and e.attributes.get("unit") == "CNY"
    ]
    growths = {
        e.attributes.get("period"): e
        for e in entities(case, "indicator")
        if _measure(e).startswith(f"total {TRADE} growth")
    }
    rows = []
    stated = []
    for e in levels:
        period = e.attributes.get("period")
        g = growths.get(period)
        rows.append(
            (
                text(fmt.period(period)),
                (cite.indicator(e),),
                (cite.indicator(g),) if g is not None else ("—",),
            )
        )
        stated.append((Period.parse(str(period)), e.attributes["value"]))
    ref_rows = []
    reference = case.references.series("foreign_trade_cny")
    for r in reference:
        note = cite.reference(r.id)
        ref_rows.append(
            (
                text(fmt.period(r.period)),
                (num(fmt.quantity(r.value, "CNY", r.qualifier), note),),
                (num(fmt.percent(r.growth_pct), note),) if r.growth_pct is not None else ("—",),
            )
        )
    blocks: list = []
    if rows:
        blocks.append(
            table(
                "table-trade-stated",
                _("Total import and export value as the source report states it"),
                (_("Period"), numeric(_("Value (as stated)")), numeric(_("Growth, year on year"))),
                rows,
            )
        )
    if ref_rows:
        blocks.append(
            table(
                "table-trade-reference",
                _("Total import and export value, reference data (cumulative from January)"),
                (_("Period"), numeric(_("Value")), numeric(_("Growth, year on year"))),
                ref_rows,
            )
        )
    spec = charts.trade_scale(stated, list(reference), pick(case.region_short))
    if spec is not None:
        blocks.append(
            chart(
                "chart-trade-scale",
                _("Foreign trade over time: the report's table against reference data"),
                spec,
                _("Line chart: total import and export value over time"),
                _("Source: the two tables above."),
            )
        )
    report = results.findings
    if report is not None:
        for f in report.findings:
            if f.rule == "magnitude" and f.status == "fail" and "import and export" in f.title:
                blocks.append(
                    Paragraph(
                        text(
                            _(
                                "The report's table is read as its header says (“100 million "
                                "yuan”), and the check against reference data fails: "
                            ),
                            Link(said.title(f), finding_anchor(f)),
                            _(": "),
                            said.message(f),
                            refs(*evidence_notes(cite, f.evidence)),
                        ),
                        tone="warning",
                    )
                )
                break
    return blocks or [Notice(_("The case has no trade indicators."))]


def _structure(results: Results, cite: Cite, case: Any) -> list:
    cats = entities(case, "trade_category")
    if not cats:
        return [Notice(_("The case has no trade categories."))]
    ind = results.indicators
    rows = []
    for c in cats:
        a = c.attributes
        rows.append(
            (
                text(c.name),
                text(fmt.words(a.get("dimension"))),
                (cite.value(c, "share_pct", "%"),) if "share_pct" in a else ("—",),
                (cite.value(c, "growth_pct", "%"),) if "growth_pct" in a else ("—",),
            )
        )
    blocks: list = [
        Paragraph(
            text(
                _(
                    "The report's structure table mixes three dimensions: a trade mode, a "
                    "product category and two zone channels. Their shares are of different "
                    "wholes and are never added across dimensions; each panel below is one "
                    "dimension, with the part of its whole that the report does not name."
                )
            ),
            tone="method",
        ),
        table(
            "table-trade-structure",
            _("Trade structure by dimension"),
            (
                _("Category"),
                _("Dimension"),
                numeric(_("Share")),
                numeric(_("Growth, year on year")),
            ),
            rows,
        ),
    ]
    if ind is None:
        return blocks
    notes: list[int] = []
    for d in ind.trade.dimensions:
        marks = [n for c in d.categories for n in input_notes(cite, c.evidence)]
        note = cite.notes.computed(
            _("indicator arithmetic"),
            description=_(
                "Trade structure by dimension: the named categories' shares and the remainder "
                "(100 % minus the named shares) of the same dimension. "
            )
            + ind.trade.note,
            inputs=marks,
        )
        notes.append(note)
    blocks.append(
        chart(
            "chart-trade-structure",
            _("Trade shares within each dimension"),
            charts.trade_shares(ind.trade),
            _("Bar charts: trade shares within each dimension"),
            _("Source: the table above."),
            *notes,
        )
    )
    return blocks


def _bases(results: Results, cite: Cite, body: Body) -> list:
    ind = results.indicators
    report = results.findings
    checks = {}
    if report is not None:
        for f in report.findings:
            if f.rule == "implied_base":
                checks.setdefault(f.title, f)
    blocks: list = [
        Paragraph(
            text(
                _(
                    "A value and its year-on-year growth imply the prior period's value: "
                    "value / (1 + growth). Where the case has reference data for that prior "
                    "period the consistency checks compare the two (linked)."
                )
            ),
            tone="method",
        )
    ]
    rows = []
    for b in ind.bases:
        note = cite.notes.computed(
            _("indicator arithmetic"),
            description=_("Implied prior-period base = value / (1 + growth / 100)."),
            inputs=input_notes(cite, b.evidence),
        )
        unit = b.unit if b.unit in ("CNY", "USD", "W", "t") else ""
        check = next(
            (
                f
                for t, f in checks.items()
                if fmt.period(b.prior_period) in t and _measure_words(b.measure) in t.lower()
            ),
            None,
        )
        rows.append(
            (
                text(b.name),
                (num(fmt.quantity(b.value, unit or b.unit), *input_notes(cite, b.evidence[:1])),),
                (num(fmt.percent(b.growth_pct), *input_notes(cite, b.evidence[1:])),),
                text(fmt.period(b.prior_period)),
                (num(fmt.quantity(b.base, unit or b.unit, b.qualifier), note, strong=True),),
                text(Link(fmt.words(check.status), finding_anchor(check))) if check else text("—"),
            )
        )
    if not rows:
        blocks.append(Notice(_("No implied bases: the case states no value with its growth.")))
        return blocks
    blocks.append(
        table(
            "table-trade-bases",
            _("Prior-period bases implied by stated growth (trade and economy)"),
            (
                _("Stated value"),
                numeric(_("Value")),
                numeric(_("Growth")),
                _("Prior period"),
                numeric(_("Implied base")),
                _("Check against reference"),
            ),
            rows,
        )
    )
    return blocks


def _measure_words(measure: str) -> str:
    return measure.lower().split(",")[0]


def _platforms(results: Results, cite: Cite, case: Any) -> list:
    platforms = entities(case, "platform_type")
    if not platforms:
        return [Notice(_("The case has no opening platforms."))]
    rows = []
    for p in platforms:
        if "count" not in p.attributes:
            continue
        rows.append((text(p.name), (cite.value(p, "count", "count"),)))
    blocks: list = [
        table(
            "table-trade-platforms",
            _("Opening platforms of {region}").format(region=pick(case.region_short)),
            (_("Platform"), numeric(_("Number"))),
            rows,
        )
    ]
    ind = results.indicators
    if ind is not None:
        blocks.append(
            chart(
                "chart-trade-platforms",
                _("Opening platforms by kind"),
                charts.platforms(ind.platforms),
                _("Bar chart: number of opening platforms by kind"),
                _("Source: the table above."),
            )
        )
    return blocks
