"""Chart specs of the analysis: one function per chart, a function of analysis results.

Each returns a plain Vega-Lite dict (drawn live by vega-embed in the HTML and the web
dashboard, converted to SVG by vl-convert for the PDF and Markdown). Values are put in
display units (kt, GW, billion yuan) by `format.in_unit`; shares, percentiles and effects
come from the results as they are: no chart computes.

    >>> from pestle.present import charts
    >>> spec = charts.demand_fan(comparison["as_stated"].demand)        # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pestle.present import chartkit as kit
from pestle.present import format as fmt
from pestle.present import linkage
from pestle.present.i18n import N_, pick
from pestle.present.i18n import gettext as _

# names are marked for the catalogue here and translated where they are shown
SEGMENT_NAMES = {
    "wind_blades": N_("Wind-turbine blades"),
    "pv_frames": N_("PV module frames"),
    "hydrogen_vessels": N_("Hydrogen pressure vessels"),
    "transmission_insulators": N_("Transmission insulators"),
    "wind_repowering": N_("Blades for repowered wind farms"),
    "total": N_("All segments"),
}
COVERAGE = {
    "both": N_("national and local"),
    "national": N_("national only"),
    "local": N_("local only"),
    "none": N_("not addressed"),
}
STATUS = {
    "fail": N_("Failed"),
    "ambiguous": N_("Ambiguous"),
    "unknown": N_("Unknown"),
    "pass": N_("Passed"),
}

# the groups of the DEMATEL diagram (`DematelResult` rows), marked for the catalogue
DEMATEL_GROUPS = (N_("cause"), N_("effect"))


def segment_name(code: str) -> str:
    if code in SEGMENT_NAMES:
        return _(SEGMENT_NAMES[code])
    return fmt.words(code).capitalize()


def _segments(demand: Any) -> list[str]:
    return [s for s in demand.segments if s != "total"]


def _band(stats: Mapping[str, float]) -> dict[str, float]:
    """The median and the p5–p95 band of a demand statistic, in kt."""
    return {k: fmt.in_unit(stats[k], "kt") for k in ("p5", "p50", "p95")}


def _fan(records: list[dict], **options: Any) -> dict:
    """A fan chart of yearly p5–p95 bands and medians, one panel per segment."""
    return kit.fan(
        records,
        x="year",
        low="p5",
        mid="p50",
        high="p95",
        facet="segment",
        band_label=_("p5–p95"),
        **options,
    )


def _labelled_bars(
    items: Iterable[tuple[str, float, str]], category: str, value: str, **options: Any
) -> dict:
    """Bars of (name, value, label) items, each bar labelled with its value as printed."""
    records = [{category: name, value: v, "label": label} for name, v, label in items]
    return kit.bars(records, category=category, value=value, label="label", **options)


# -- composite demand ---------------------------------------------------------------------------
def demand_fan(demand: Any, scenario: str | None = None) -> dict:
    """Yearly demand per segment: median line and p5–p95 band (`DemandResult`); the title
    names the scenario by `scenario`, its label (default: the run's scenario name)."""
    records = [
        {
            "segment": segment_name(seg),
            "year": fmt.axis_year(year),
            **_band(demand.get("demand_t", seg, year)),
        }
        for seg in _segments(demand)
        for year in demand.years
    ]
    return _fan(
        records,
        y_title=_("Composites (kt per year)"),
        title=_("Composite demand by segment, scenario {scenario}").format(
            scenario=scenario or demand.scenario
        ),
        source=_("pestle demand model (Monte Carlo); band p5–p95, line median"),
        description=_("Fan charts of yearly composite demand per segment"),
    )


def eol_waste(demand: Any) -> dict | None:
    """Yearly end-of-life blade waste, median and p5–p95 (None if the model gives none)."""
    records = []
    for year in demand.waste_years:
        try:
            stats = demand.get("eol_blade_waste_t", "wind_blades", year)
        except KeyError:
            continue
        records.append(
            {"segment": segment_name("wind_blades"), "year": fmt.axis_year(year), **_band(stats)}
        )
    if not records:
        return None
    return _fan(
        records,
        y_title=_("Blade waste (kt per year)"),
        title=_("End-of-life wind-blade waste by year"),
        source=_("pestle demand model; design life from the case's reference data"),
        description=_("Fan chart of yearly blade waste"),
        columns=1,
    )


def scenario_comparison(comparison: Any, labels: Mapping[str, str] | None = None) -> dict:
    """Cumulative demand of every scenario, median and p5–p95 (`ScenarioComparison`), each
    scenario by its label (given name -> label)."""
    labels = labels or {}
    records = []
    for r in comparison.results:
        c = r.demand.get("cumulative_demand_t", "total")
        records.append(
            {"scenario": labels.get(r.name, r.name), "segment": segment_name("total"), **_band(c)}
        )
    return kit.intervals(
        records,
        category="scenario",
        low="p5",
        mid="p50",
        high="p95",
        color="segment",
        value_title=_("Cumulative composites over the horizon (kt)"),
        title=_("Cumulative composite demand by scenario (median, p5–p95)"),
        source=_("pestle demand model, same samples and seed for every scenario"),
        description=_("Median and p5–p95 interval of cumulative demand per scenario"),
    )


def backtest(result: Any) -> dict | None:
    """Blade demand forecast from the history before each cut (median, p5–p95) against the
    demand the observed additions imply (`Backtest`); None without a backtest."""
    records = []
    for r in result.rows:
        if r.measure != "wind_blades_t":
            continue
        label = _("{year}, history to end-{cut}").format(year=r.year, cut=r.cut)
        records.append(
            {
                "forecast": label,
                "series": _("forecast"),
                **_band({"p5": r.p5, "p50": r.p50, "p95": r.p95}),
            }
        )
        records.append(
            {
                "forecast": label,
                "series": _("observed additions x blade mass"),
                **_band({"p5": r.observed_low, "p50": r.observed, "p95": r.observed_high}),
            }
        )
    if not records:
        return None
    return kit.intervals(
        records,
        category="forecast",
        low="p5",
        mid="p50",
        high="p95",
        color="series",
        value_title=_("Wind-blade demand in the year (kt)"),
        title=_("Backtest: forecast blade demand against what was built"),
        source=_("pestle demand model on the capacity history before each cut"),
        description=_("Forecast median and p5–p95 of blade demand against the observed range"),
    )


def sobol(sensitivity: Any, labels: Mapping[str, str] | None = None) -> dict:
    """Total- and first-order Sobol' indices per parameter (by its label, given name ->
    label), inert ones left out."""
    labels = labels or {}
    frame = sensitivity.to_frame()
    frame = frame[~frame["inert"]].sort_values("rank")
    records = []
    for _label, r in frame.iterrows():
        for index, value in (
            (_("total order (ST)"), r["ST"]),
            (_("first order (S1)"), r["S1_clipped"]),
        ):
            name = labels.get(r["parameter"], r["parameter"])
            records.append({"parameter": name, "index": index, "value": float(value)})
    return kit.grouped_index_bars(
        records,
        category="parameter",
        value="value",
        group="index",
        value_title=_("Sobol' index of total demand"),
        title=_("What drives the uncertainty of total composite demand"),
        source=_("SALib Sobol' analysis of the pestle demand model"),
        description=_("Bars of total- and first-order Sobol' indices per parameter"),
    )


def linkage_effects(effects: Any, top: int = 10) -> dict:
    """Direct and indirect output effects of the largest sectors (`CompositeEffects`)."""
    frame = effects.to_frame().sort_values("output_total", ascending=False).head(top)
    names = linkage.sector_names(effects)
    records = []
    for code, r in frame.iterrows():
        label = f"{names.get(code, r['name'])} ({code})"
        parts = ((_("direct"), "output_direct", 0), (_("indirect"), "output_indirect", 1))
        for part, key, order in parts:
            records.append(
                {
                    "sector": label,
                    "effect": part,
                    "value_bn": fmt.in_unit(float(r[key]), "billion yuan"),
                    "order": order,
                }
            )
    return kit.stacked_bars(
        records,
        category="sector",
        value="value_bn",
        part="effect",
        value_title=_("Output effect (billion yuan, central price)"),
        title=_("Output effects of composite demand by sector (top sectors)"),
        source=_("Leontief model on the national input-output table (see the note)"),
        parts_order=[_("direct"), _("indirect")],
        description=_("Stacked bars of direct and indirect output effects per sector"),
    )


# -- factor evaluation --------------------------------------------------------------------------
def ahp_weights(hierarchy: Any, names: Mapping[str, str]) -> dict:
    """Global AHP weight of each factor, coloured by dimension (`HierarchyResult`)."""
    records = [
        {
            "factor": names.get(r.item, r.item),
            "weight": r.global_weight,
            "dimension": r.group,
            "label": fmt.decimal(r.global_weight),
        }
        for r in sorted(hierarchy.rows, key=lambda r: -r.global_weight)
    ]
    return kit.bars(
        records,
        category="factor",
        value="weight",
        value_title=_("Global weight (sums to 1)"),
        title=_("AHP global weights of the PESTLE factors (illustrative judgments)"),
        source=_("AHP weighting on the case's analyst judgments"),
        label="label",
        color="dimension",
        color_title=_("Dimension"),
        description=_("Bar chart of the global AHP weight of each factor"),
    )


def dematel_keys(result: Any) -> list[tuple[str, str]]:
    """(key, factor id) in the order of relation D−R, strongest cause first: F1, F2, ..."""
    frame = result.to_frame().sort_values("d_minus_r", ascending=False)
    return [(f"F{k + 1}", label) for k, label in enumerate(frame.index)]


def dematel_diagram(result: Any, names: Mapping[str, str]) -> dict:
    """Cause–effect diagram: prominence D+R against relation D−R (`DematelResult`)."""
    frame = result.to_frame()
    records = [
        {
            "factor": key,
            "name": names.get(label, label),
            "prominence": float(frame.loc[label, "d_plus_r"]),
            "relation": float(frame.loc[label, "d_minus_r"]),
            "group": _("{group} group").format(group=_(str(frame.loc[label, "group"]))),
        }
        for key, label in dematel_keys(result)
    ]
    return kit.cause_effect(
        records,
        x="prominence",
        y="relation",
        label="factor",
        name="name",
        group="group",
        x_title=_("Prominence D+R (how central)"),
        y_title=_("Relation D−R (cause > 0 > effect)"),
        title=_("DEMATEL cause–effect diagram (illustrative judgments)"),
        source=_("DEMATEL on the case's analyst judgments"),
        description=_("Scatter of factors by prominence and relation"),
    )


def topsis_closeness(result: Any) -> dict:
    """Closeness to the ideal of each product segment, best first (`TopsisResult`)."""
    idx = {a: i for i, a in enumerate(result.alternatives)}
    closeness = [(a, result.closeness[idx[a]]) for a in result.ranking()]
    return _labelled_bars(
        ((segment_name(a), c, fmt.decimal(c)) for a, c in closeness),
        "segment",
        "closeness",
        value_title=_("Closeness to the ideal (0–1)"),
        title=_("Product segments ranked by TOPSIS (illustrative judgments)"),
        source=_("TOPSIS ranking on the case's analyst judgments"),
        description=_("Bar chart of TOPSIS closeness per segment"),
    )


# -- checks and policy ------------------------------------------------------------------------
def check_outcomes(report: Any) -> dict:
    """Number of checks failed, ambiguous, unknown and passed (`CheckReport`)."""
    summary = report.summary
    return _labelled_bars(
        (
            (_(STATUS[s]), summary.get(s, 0), fmt.count(summary.get(s, 0)))
            for s in ("fail", "ambiguous", "unknown", "pass")
        ),
        "status",
        "checks",
        value_title=_("Checks (count)"),
        title=_("Outcome of the consistency checks"),
        source=_("pestle.checks on the case"),
        color="status",
        colors={_(STATUS[k]): v for k, v in kit.STATUS_COLORS.items()},
        legend=False,
        description=_("Bar chart of the number of checks by outcome"),
    )


def policy_coverage(mix: Any) -> dict:
    """Instrument x target grid coloured by the level(s) addressing each cell (`PolicyMix`)."""
    records = [
        {
            "instrument": fmt.words(c.instrument),
            "target": fmt.words(c.target),
            "coverage": _(COVERAGE[c.coverage()]),
        }
        for c in mix.cells
    ]
    return kit.heatmap(
        records,
        x="target",
        y="instrument",
        color="coverage",
        color_order=[_(v) for v in COVERAGE.values()],
        x_title=_("Target area"),
        y_title=_("Instrument (Rothwell & Zegveld)"),
        title=_("Policy coverage: national, local or both"),
        source=_("the policy-mix index on the case's coded policy measures"),
        description=_("Grid of instrument by target, coloured by the level covering it"),
    )


def ftz_permissions(sections: list[tuple[str, float]]) -> dict:
    """Permissions per free-trade-zone section: [(section name, permissions)]."""
    return _labelled_bars(
        ((n, v, fmt.count(v)) for n, v in sections),
        "section",
        "permissions",
        value_title=_("Permissions (count)"),
        title=_("Permissions received by each free-trade-zone section"),
        source=_("source report, section on two-way empowerment of the FTZ"),
        description=_("Bar chart of permissions per FTZ section"),
    )


# -- economy and trade ---------------------------------------------------------------------------
def industry_structure(structure: Any, period: str) -> dict:
    """Added value by industry with its share (`IndustryStructure`)."""
    return _labelled_bars(
        (
            (
                r.industry.capitalize(),
                fmt.in_unit(r.value, "billion yuan"),
                f"{fmt.money(r.value)} ({fmt.percent(r.share_pct)})",
            )
            for r in structure.rows
        ),
        "industry",
        "value_bn",
        value_title=_("Added value (billion yuan)"),
        title=_("Added value by industry and share, {period}").format(period=period),
        source=_("source report (growth table); shares: indicator arithmetic"),
        description=_("Bar chart of added value by industry in billion yuan"),
    )


def growth_contributions(structure: Any, period: str) -> dict:
    """Contribution of each industry to growth, in percentage points (`IndustryStructure`)."""
    return _labelled_bars(
        (
            (r.industry.capitalize(), r.contribution_pp, fmt.points(r.contribution_pp, 2))
            for r in structure.rows
        ),
        "industry",
        "pp",
        value_title=_("Contribution to GDP growth (percentage points)"),
        title=_("Contributions of the three industries to growth, {period}").format(period=period),
        source=_("indicator arithmetic (share x growth)"),
        description=_("Bar chart of contributions to growth in percentage points"),
    )


def trade_shares(trade: Any) -> dict:
    """Shares within each trade dimension, with the part the report does not name."""
    records = []
    for d in trade.dimensions:
        dim = fmt.words(d.dimension)
        for c in d.categories:
            if c.share_pct is not None:
                records.append(
                    {
                        "dimension": dim,
                        "category": pick(c.name),
                        "share": c.share_pct,
                        "label": fmt.percent(c.share_pct),
                    }
                )
        records.append(
            {
                "dimension": dim,
                "category": _("not named ({dimension})").format(dimension=dim),
                "share": d.unstated_share_pct,
                "label": fmt.percent(d.unstated_share_pct),
            }
        )
    return kit.grouped_bars(
        records,
        facet="dimension",
        category="category",
        value="share",
        value_title=_("Share of its dimension's total (%)"),
        title=_("Trade shares, one panel per dimension"),
        source=_("source report (structure table); remainder: indicator arithmetic"),
        label="label",
        description=_("Bar charts of trade shares, one per dimension"),
    )


def platforms(inventory: Any) -> dict:
    """Number of opening platforms by kind (`PlatformInventory`)."""
    return _labelled_bars(
        ((pick(p.name), p.count, fmt.count(p.count)) for p in inventory.platforms),
        "platform",
        "count",
        value_title=_("Number of platforms"),
        title=_("Opening platforms by kind"),
        source=_("source report, section on opening platforms"),
        description=_("Bar chart of the number of opening platforms by kind"),
    )


def value_vs_reference(items: list[tuple[str, float]], title: str, source: str) -> dict:
    """A few money amounts side by side, e.g. clusters' added value and reference GDP."""
    return _labelled_bars(
        ((w, fmt.in_unit(v, "billion yuan"), fmt.money(v)) for w, v in items),
        "what",
        "value_bn",
        value_title=_("Billion yuan"),
        title=title,
        source=source,
        description=_("Bars comparing money amounts"),
    )


# -- case data (energy, trade over time) ----------------------------------------------------------
def energy_capacity(case: Any) -> dict | None:
    """Stated capacity of the new-energy bases and the UHV corridors (GW)."""
    records = []
    kinds = (
        ("energy_base", _("new-energy base (generation)")),
        ("uhv_corridor", _("UHV corridor (transmission)")),
    )
    for kind, label in kinds:
        for e in case.entities_of(kind):
            a = e.attributes
            key = next((k for k in ("capacity_w", "capacity_each_w") if k in a), None)
            if key is None:
                continue
            records.append(
                {
                    "name": pick(e.name),
                    "capacity_gw": fmt.in_unit(a[key], "GW"),
                    "kind": label,
                    "label": fmt.power(a[key]) + (_(" each") if key == "capacity_each_w" else ""),
                }
            )
    if not records:
        return None
    return kit.bars(
        records,
        category="name",
        value="capacity_gw",
        value_title=_("Capacity (GW)"),
        title=_("Stated capacity of new-energy bases and UHV corridors"),
        source=_("source report (bases table); reference data (corridors)"),
        label="label",
        color="kind",
        description=_("Horizontal bars of the capacity in gigawatts of each base and corridor"),
    )


def installed_capacity(case: Any, region: str) -> dict | None:
    """Installed wind, solar and new-energy capacity over time from reference data (GW)."""
    records = [
        {
            "date": e.period.end.isoformat(),
            "capacity_gw": fmt.in_unit(e.value, "GW"),
            "measure": fmt.words(e.measure),
        }
        for e in case.references.entries
        if e.series == "installed_capacity_w"
        and (e.unit or "W") == "W"
        and not e.measure.startswith("added")
        and e.period is not None
    ]
    if not records:
        return None
    return kit.lines(
        records,
        x="date",
        y="capacity_gw",
        series="measure",
        x_title=_("Date"),
        y_title=_("Installed capacity (GW)"),
        title=_("Installed wind, solar and new-energy capacity in {region}").format(region=region),
        source=_("the case's reference data (each value's source is in the table above)"),
        description=_("Line chart of installed capacity in GW by date and technology"),
    )


def trade_scale(stated: list[tuple[Any, float]], reference: list[Any], region: str) -> dict | None:
    """Trade value over time: the report's (period, value) points and the reference series
    (cumulative from January, one line per year)."""
    records = [
        {
            "date": period.end.isoformat(),
            "value_bn": fmt.in_unit(value, "billion yuan"),
            "series": _("source report, {year} (as stated)").format(
                year=fmt.year(period.start.year)
            ),
        }
        for period, value in stated
    ]
    records += [
        {
            "date": r.period.end.isoformat(),
            "value_bn": fmt.in_unit(r.value, "billion yuan"),
            "series": _("reference, {year} year to date").format(
                year=fmt.year(r.period.start.year)
            ),
        }
        for r in reference
        if r.period is not None
    ]
    if not records:
        return None
    return kit.lines(
        records,
        x="date",
        y="value_bn",
        series="series",
        x_title=_("End of period (cumulative from January)"),
        y_title=_("Total import and export value (billion yuan)"),
        title=_("Foreign trade of {region}: stated values and reference data").format(
            region=region
        ),
        source=_("source report (trade table); the case's reference data"),
        description=_("Line chart of trade value in billion yuan by period end"),
    )
