"""Section 5: trade — scale over time, structure within each dimension, implied bases,
opening platforms."""

from __future__ import annotations

from typing import Any

from pestle.report import charts
from pestle.report import format as fmt
from pestle.report.footnotes import Notes, num, refs
from pestle.report.inputs import Inputs
from pestle.report.sections import Body
from pestle.report.sections._common import (
    Cite,
    entities,
    evidence_notes,
    finding_anchor,
    input_notes,
    notice,
    waiting,
)
from pestle.report.sections._factors import factor_blocks, factors_for
from pestle.report.view import Chart, Column, Link, Notice, Paragraph, Table, text

MODULES = ("pestle.case",)
INDICATORS = "pestle.analysis.indicators"
TRADE = "import and export value"


def _measure(e: Any) -> str:
    return str(e.attributes.get("measure") or "")


def build(inputs: Inputs, notes: Notes) -> Body:
    body = Body()
    if waiting(inputs, body, *MODULES):
        return body
    case = inputs.case
    cite = Cite(case, notes)
    body.intro.extend(factor_blocks(inputs, notes, factors_for(case, "trade")))
    body.sub("trade-scale", "Scale over time", *_scale(inputs, cite))
    body.sub("trade-structure", "Structure within each dimension", *_structure(inputs, cite, case))
    body.sub("trade-bases", "Implied prior-period bases", *_bases(inputs, cite, body))
    body.sub("trade-platforms", "Opening platforms", *_platforms(cite, case))
    return body


def _scale(inputs: Inputs, cite: Cite) -> list:
    case = inputs.case
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
    records = []
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
        records.append(
            {
                "date": _end(period),
                "value_bn": fmt.in_unit(e.attributes["value"], "billion yuan"),
                "series": "source report table (value as stated)",
            }
        )
    ref_rows = []
    for r in case.references.series("foreign_trade_cny"):
        note = cite.reference(r.id)
        records.append(
            {
                "date": r.period.end.isoformat(),
                "value_bn": fmt.in_unit(r.value, "billion yuan"),
                "series": "reference: Urumqi Customs via press (year to date)",
            }
        )
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
            Table(
                id="table-trade-stated",
                caption="Total import and export value as the source report states it",
                columns=(
                    Column("Period"),
                    Column("Value (as stated)", numeric=True),
                    Column("Growth, year on year", numeric=True),
                ),
                rows=tuple(rows),
            )
        )
    if ref_rows:
        blocks.append(
            Table(
                id="table-trade-reference",
                caption="Total import and export value, reference data (cumulative from January)",
                columns=(
                    Column("Period"),
                    Column("Value", numeric=True),
                    Column("Growth, year on year", numeric=True),
                ),
                rows=tuple(ref_rows),
            )
        )
    if records:
        blocks.append(
            Chart(
                id="chart-trade-scale",
                title="Foreign trade over time: the report's table against reference data",
                spec=charts.lines(
                    records,
                    x="date",
                    y="value_bn",
                    series="series",
                    x_title="End of period (cumulative from January)",
                    y_title="Total import and export value (billion yuan)",
                    title="Xinjiang's foreign trade: stated values and reference data",
                    source="source report (trade table); reference data (Urumqi Customs)",
                    description="Line chart of trade value in billion yuan by period end",
                ),
                description="Line chart: total import and export value over time",
                source=text("Source: the two tables above."),
            )
        )
    report = inputs.get("findings")
    if report is not None:
        for f in report.findings:
            if f.rule == "magnitude" and f.status == "fail" and "import and export" in f.title:
                blocks.append(
                    Paragraph(
                        text(
                            "The report's table is read as its header says (“100 million "
                            "yuan”), and the check against reference data fails: ",
                            Link(f.title, finding_anchor(f)),
                            ": ",
                            f.message,
                            refs(*evidence_notes(cite, f.evidence)),
                        ),
                        tone="warning",
                    )
                )
                break
    return blocks or [Notice("The case has no trade indicators.")]


def _end(period: Any) -> str:
    from pestle.model.period import Period

    p = period if isinstance(period, Period) else Period.parse(str(period))
    return p.end.isoformat()


def _structure(inputs: Inputs, cite: Cite, case: Any) -> list:
    cats = entities(case, "trade_category")
    if not cats:
        return [Notice("The case has no trade categories.")]
    ind = inputs.get("indicators")
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
                "The report's structure table mixes three dimensions: a trade mode, a product "
                "category and two zone channels. Their shares are of different wholes and are "
                "never added across dimensions; each panel below is one dimension, with the part "
                "of its whole that the report does not name."
            ),
            tone="method",
        ),
        Table(
            id="table-trade-structure",
            caption="Trade structure by dimension",
            columns=(
                Column("Category"),
                Column("Dimension"),
                Column("Share", numeric=True),
                Column("Growth, year on year", numeric=True),
            ),
            rows=tuple(rows),
        ),
    ]
    if ind is None:
        return blocks
    records = []
    notes: list[int] = []
    for d in ind.trade.dimensions:
        marks = [n for c in d.categories for n in input_notes(cite, c.evidence)]
        note = cite.notes.computed(
            "pestle.analysis.indicators",
            description=(
                "Trade structure by dimension: the named categories' shares and the remainder "
                "(100 % minus the named shares) of the same dimension. " + ind.trade.note
            ),
            inputs=marks,
        )
        notes.append(note)
        for c in d.categories:
            if c.share_pct is None:
                continue
            records.append(
                {
                    "dimension": fmt.words(d.dimension),
                    "category": c.name,
                    "share": c.share_pct,
                    "label": fmt.percent(c.share_pct),
                }
            )
        records.append(
            {
                "dimension": fmt.words(d.dimension),
                "category": f"not named ({fmt.words(d.dimension)})",
                "share": d.unstated_share_pct,
                "label": fmt.percent(d.unstated_share_pct),
            }
        )
    blocks.append(
        Chart(
            id="chart-trade-structure",
            title="Trade shares within each dimension",
            spec=charts.grouped_bars(
                records,
                facet="dimension",
                category="category",
                value="share",
                value_title="Share of its dimension's total (%)",
                title="Trade shares, one panel per dimension",
                source="source report (structure table); remainder: pestle.analysis.indicators",
                label="label",
                description="Bar charts of trade shares, one per dimension",
            ),
            description="Bar charts: trade shares within each dimension",
            source=text("Source: the table above.", refs(*notes)),
        )
    )
    return blocks


def _bases(inputs: Inputs, cite: Cite, body: Body) -> list:
    ind = inputs.get("indicators")
    report = inputs.get("findings")
    checks = {}
    if report is not None:
        for f in report.findings:
            if f.rule == "implied_base":
                checks.setdefault(f.title, f)
    blocks: list = [
        Paragraph(
            text(
                "A value and its year-on-year growth imply the prior period's value: "
                "value / (1 + growth). Where the case has reference data for that prior period "
                "the consistency checks compare the two (linked)."
            ),
            tone="method",
        )
    ]
    if ind is None:
        blocks.append(notice(inputs, body, INDICATORS))
        return blocks
    rows = []
    for b in ind.bases:
        note = cite.notes.computed(
            "pestle.analysis.indicators",
            description="Implied prior-period base = value / (1 + growth / 100).",
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
                text(Link(f"{check.status}", finding_anchor(check))) if check else text("—"),
            )
        )
    if not rows:
        blocks.append(Notice("No implied bases: the case states no value with its growth."))
        return blocks
    blocks.append(
        Table(
            id="table-trade-bases",
            caption="Prior-period bases implied by stated growth (trade and economy)",
            columns=(
                Column("Stated value"),
                Column("Value", numeric=True),
                Column("Growth", numeric=True),
                Column("Prior period"),
                Column("Implied base", numeric=True),
                Column("Check against reference"),
            ),
            rows=tuple(rows),
        )
    )
    return blocks


def _measure_words(measure: str) -> str:
    return measure.lower().split(",")[0]


def _platforms(cite: Cite, case: Any) -> list:
    platforms = entities(case, "platform_type")
    if not platforms:
        return [Notice("The case has no opening platforms.")]
    rows = []
    records = []
    for p in platforms:
        if "count" not in p.attributes:
            continue
        rows.append((text(p.name), (cite.value(p, "count", "count"),)))
        records.append(
            {
                "platform": p.name,
                "count": p.attributes["count"],
                "label": fmt.count(p.attributes["count"]),
            }
        )
    return [
        Table(
            id="table-trade-platforms",
            caption="Opening platforms of Xinjiang",
            columns=(Column("Platform"), Column("Number", numeric=True)),
            rows=tuple(rows),
        ),
        Chart(
            id="chart-trade-platforms",
            title="Opening platforms by kind",
            spec=charts.bars(
                records,
                category="platform",
                value="count",
                value_title="Number of platforms",
                title="Opening platforms by kind",
                source="source report, section on opening platforms",
                label="label",
                description="Bar chart of the number of opening platforms by kind",
            ),
            description="Bar chart: number of opening platforms by kind",
            source=text("Source: the table above."),
        ),
    ]
