"""Section 5: trade — scale over time, structure within each dimension, implied bases,
opening platforms."""

from __future__ import annotations

from typing import Any

from pestle.model.period import Period
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
    body.sub("trade-platforms", "Opening platforms", *_platforms(inputs, cite, case))
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
    spec = charts.trade_scale(stated, list(reference))
    if spec is not None:
        blocks.append(
            Chart(
                id="chart-trade-scale",
                title="Foreign trade over time: the report's table against reference data",
                spec=spec,
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
    blocks.append(
        Chart(
            id="chart-trade-structure",
            title="Trade shares within each dimension",
            spec=charts.trade_shares(ind.trade),
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


def _platforms(inputs: Inputs, cite: Cite, case: Any) -> list:
    platforms = entities(case, "platform_type")
    if not platforms:
        return [Notice("The case has no opening platforms.")]
    rows = []
    for p in platforms:
        if "count" not in p.attributes:
            continue
        rows.append((text(p.name), (cite.value(p, "count", "count"),)))
    blocks: list = [
        Table(
            id="table-trade-platforms",
            caption="Opening platforms of Xinjiang",
            columns=(Column("Platform"), Column("Number", numeric=True)),
            rows=tuple(rows),
        )
    ]
    ind = inputs.get("indicators")
    if ind is not None:
        blocks.append(
            Chart(
                id="chart-trade-platforms",
                title="Opening platforms by kind",
                spec=charts.platforms(ind.platforms),
                description="Bar chart: number of opening platforms by kind",
                source=text("Source: the table above."),
            )
        )
    return blocks
