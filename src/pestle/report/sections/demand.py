"""Section 7: composite demand — fan chart by segment, scenarios, Sobol' indices, end-of-life
waste, and input-output linkage effects (direct vs indirect, national coefficients)."""

from __future__ import annotations

from typing import Any

from pestle.analysis.demand.intensity import NOT_MODELLED
from pestle.present import charts
from pestle.present import format as fmt
from pestle.present import linkage as present_linkage
from pestle.present.charts import segment_name
from pestle.present.format import parameter_value
from pestle.present.i18n import gettext as _
from pestle.present.i18n import pick
from pestle.report import labels
from pestle.report.footnotes import Notes, num, refs
from pestle.report.sections import Body
from pestle.report.sections._common import Cite, chart, entities, fill, numeric, table
from pestle.report.sections._factors import factor_blocks
from pestle.report.view import Link, Notice, Paragraph, Term, text
from pestle.results import Results

TOP_SECTORS = 10
SOON = 2035  # the years of blade waste shown one by one (repowering of the old fleet)


def parameter_note(notes: Notes, p: Any) -> int:
    """The footnote of a model parameter: its value or range, its source or reason."""
    sources = [f"assumption: {pick(p.reason or '')}"] if p.assumption else [p.source or ""]
    return notes.parameter(
        p.name,
        label=labels.parameter(p),
        value=parameter_value(p),
        sources=sources,
        assumption=bool(p.assumption),
        anchor=param_anchor(p.name),
    )


def param_anchor(name: str) -> str:
    return f"param-{name.replace('_', '-')}"


def model_note(results: Results, notes: Notes) -> int:
    """One footnote for every figure of the Monte Carlo run: method, settings, inputs."""
    case = results.case
    cite = Cite(case, notes)
    result = results.scenarios[results.scenario]
    inputs_notes: list[int] = []
    for e in entities(case, "energy_base"):
        for attr in ("capacity_w", "capacity_each_w"):
            if attr in e.attributes:
                inputs_notes.extend(cite.attr(e, attr))
    for p in result.parameters:
        if p.uncertain or p.categorical:
            inputs_notes.append(parameter_note(notes, p))
    d = result.demand
    return notes.computed(
        _("the demand model"),
        description=_(
            "Monte Carlo of the composite-demand model, scenario {scenario}: {samples} samples, "
            "seed {seed}; mean and 5th, 50th and 95th percentiles per segment and year. "
            "Capacity of the bases times composite intensity per unit, added over each base's "
            "commissioning window."
        ).format(
            scenario=labels.scenario(results, result.name),
            samples=fmt.count(d.samples),
            seed=d.seed,
        ),
        inputs=inputs_notes,
        anchor="demand-method",
    )


def build(results: Results, notes: Notes, body: Body) -> None:
    case = results.case
    eol = [f for f in case.factors if "waste" in f.id or "end_of_life" in f.id]
    comparison = results.scenarios
    name = results.scenario
    result = comparison[name]
    note = model_note(results, notes)
    body.sub("demand-method", _("Model and scenario"), *_method(results, notes, result, note))
    body.sub(
        "demand-fan",
        _("Demand by segment and year"),
        *_fan(result, note, labels.scenario(results, name)),
    )
    body.sub("demand-yearly", _("Market size by year"), *_yearly(results, note))
    body.sub(
        "demand-regional",
        _("Installed in the region, and made in the region"),
        *_regional(results, notes, note),
    )
    body.sub(
        "demand-backtest", _("How far to trust the forecast"), *_backtest(results, notes, note)
    )
    body.sub("demand-scenarios", _("Scenario comparison"), *_scenarios(results, notes, note))
    body.sub("demand-sobol", _("What drives the uncertainty"), *_sobol(results, notes, body))
    body.sub("demand-eol", _("End-of-life blade waste"), *_eol(results, notes, result, note, eol))
    body.sub("demand-linkage", _("Linkage effects on the economy"), *_linkage(results, notes, note))


def _method(results: Results, notes: Notes, result: Any, note: int) -> list:
    d = result.demand
    years = d.years
    fixed: list = []
    for p in result.parameters:
        if p.name in results.settings.override_map:
            value = num(parameter_value(p), parameter_note(notes, p))
            fixed.extend([_(", ") if fixed else "", Term(labels.parameter(p)), " = ", value])
    blocks: list = []
    if fixed:
        blocks.append(
            Paragraph(
                text(_("Fixed for this build, on top of every scenario: "), *fixed, _(".")),
                tone="warning",
            )
        )
    return [
        Paragraph(
            text(
                *fill(
                    _("Presented scenario: {scenario} — {description} "),
                    scenario=Term(labels.scenario(results, result.name)),
                    description=labels.scenario_description(
                        results, result.name, result.description
                    ),
                ),
                *fill(
                    _(
                        "The model turns new wind and solar capacity (observed, then projected; "
                        "or the report's bases table) into tonnes of composites by segment and "
                        "year; every uncertain parameter is drawn from its stated range (see "
                        "{assumptions}). {samples} Monte Carlo samples (seed {seed}), horizon "
                        "{years}. Other scenarios: {others} (how to build the report for one: "
                        "{commands})."
                    ),
                    assumptions=Link(_("Assumptions and sources"), "assumptions"),
                    samples=num(fmt.count(d.samples), note),
                    seed=num(str(d.seed), note),
                    years=num(fmt.years(years[0], years[-1]), note),
                    others=_(", ").join(
                        labels.scenario(results, n)
                        for n in results.scenarios.names
                        if n != result.name
                    )
                    or _("none"),
                    commands=Link(_("Reproducing this report"), "reproduce"),
                ),
            )
        ),
        *blocks,
        Paragraph(
            text(
                _("Not modelled, for want of a public intensity: "),
                "; ".join(f"{what} ({why})" for what, why in NOT_MODELLED),
                _("."),
            ),
            tone="method",
        ),
    ]


def _fan(result: Any, note: int, scenario: str) -> list:
    d = result.demand
    segments = [s for s in d.segments if s != "total"]
    rows = []
    for seg in [*segments, "total"]:
        try:
            c = d.get("cumulative_demand_t", seg)
        except KeyError:
            continue
        rows.append(
            (
                text(Term(segment_name(seg)) if seg == "total" else segment_name(seg)),
                (num(fmt.mass(c["mean"]), note),),
                (num(fmt.mass(c["p50"]), note),),
                (num(fmt.value_range(c["p5"], c["p95"], "t"), note),),
            )
        )
    # the cumulative table first: short, it fits under the chapter's opening on the first
    # page, where the tall fan chart left three quarters of the page empty
    return [
        table(
            "table-demand-cumulative",
            _("Cumulative composite demand {years} by segment").format(
                years=fmt.years(d.years[0], d.years[-1])
            ),
            (_("Segment"), numeric(_("Mean")), numeric(_("Median")), numeric(_("p5–p95"))),
            rows,
            note=text(
                _(
                    "Percentiles do not add across segments; the total row is the distribution "
                    "of the sum."
                )
            ),
        ),
        chart(
            "chart-demand-fan",
            _("Composite demand by segment and year"),
            charts.demand_fan(d, scenario),
            _("Fan charts: yearly composite demand in kt, median and p5–p95 band"),
            _("Source: the demand model."),
            note,
        ),
    ]


def _yearly(results: Results, note: int) -> list:
    """Total composite demand of each year (median, p5–p95), the market size per year."""
    d = results.demand
    rows = [
        (
            text(fmt.year(year)),
            (num(fmt.mass(s.p50), note, strong=True),),
            (num(fmt.value_range(s.p5, s.p95, "t"), note),),
            (num(fmt.mass(w.p50), note),),
        )
        for year, s, w in zip(d.years, d.total.yearly, d.segment("wind_blades").yearly, strict=True)
    ]
    return [
        Paragraph(
            text(
                _("Scenario {scenario}: {description}").format(
                    scenario=labels.scenario(results, d.name),
                    description=labels.scenario_description(results, d.name, d.description),
                )
            ),
            tone="lead",
        ),
        table(
            "table-demand-yearly",
            _("Composite demand per year, all segments (the market size)"),
            (
                _("Year"),
                numeric(_("Median")),
                numeric(_("p5–p95")),
                numeric(_("of which wind blades")),
            ),
            rows,
        ),
    ]


def _regional(results: Results, notes: Notes, note: int) -> list:
    """Wind-blade demand from installations in the region beside what its plants can make."""
    d = results.demand
    if not d.regional:
        return [Notice(_("The case names no composite-product plants of the region."))]
    plants = results.case.production_plants
    cite = Cite(results.case, notes)
    plant_notes = [
        notes.reference(
            cite.where(plants.path, p.line),
            _("{plant}: {sets} sets of blades a year from {year}").format(
                plant=p.name, sets=fmt.count(p.blade_sets), year=p.start_year
            ),
            source=p.source,
        )
        for p in plants.plants
        if p.makes_blades and p.producing and p.blade_sets and p.start_year and p.line
    ]
    blades = d.segment("wind_blades").yearly
    repowering = (
        d.segment("wind_repowering").yearly
        if any(s.segment == "wind_repowering" for s in d.segments)
        else None
    )
    rows = []
    for i, (year, made) in enumerate(zip(d.years, d.regional, strict=True)):
        need = blades[i]
        rows.append(
            (
                text(fmt.year(year)),
                (num(fmt.mass(need.p50), note),),
                (num(fmt.mass(repowering[i].p50), note),) if repowering else ("—",),
                (num(fmt.mass(made.p50), note, strong=True),),
                (num(fmt.value_range(made.p5, made.p95, "t"), note),),
            )
        )
    missing = _(", ").join(plants.not_found) or _("none")
    return [
        Paragraph(
            text(
                *fill(
                    _(
                        "An investment-promotion office asks a second question: how much of "
                        "the blade demand can be made in the region. The blade plants in "
                        "production there, at their stated capacity, the turbine size a set "
                        "serves and an assumed utilisation, could make {made} of blades over "
                        "{years} (median), at most the share of the region's own demand that "
                        "buys locally. Supply to other regions or Central Asia is not counted: "
                        "no volume was found. Searched for and not found in the region: "
                        "{missing}."
                    ),
                    made=num(fmt.mass(d.regional_total.p50), note, *plant_notes, strong=True)
                    if d.regional_total
                    else "—",
                    years=fmt.years(d.years[0], d.years[-1]),
                    missing=missing,
                )
            )
        ),
        table(
            "table-demand-regional",
            _(
                "Wind blades: demand from installations in the region and regional production "
                "(the plants' sources are in the notes of the paragraph above)"
            ),
            (
                _("Year"),
                numeric(_("Blades for new farms, median")),
                numeric(_("Blades for repowering, median")),
                numeric(_("Made in the region, median")),
                numeric(_("Made in the region, p5–p95")),
            ),
            rows,
        ),
    ]


def backtest_note(results: Results, notes: Notes, demand_note: int) -> int:
    b = results.backtest
    return notes.computed(
        _("backtest of the observed capacity path"),
        description=_(
            "For each cut year, the model is run on the installed-capacity history as it "
            "stood at the end of that year (no later figure), with the headline scenario's "
            "parameters ({samples} samples, seed {seed}), and its forecast of each later "
            "observed year is set against what was built. For blade demand the observation is "
            "the observed wind additions times the blade mass per MW (the middle of its stated "
            "range; the range in brackets)."
        ).format(samples=fmt.count(b.samples), seed=b.seed),
        inputs=[demand_note],
    )


def _backtest(results: Results, notes: Notes, demand_note: int) -> list:
    b = results.backtest
    if not b.rows:
        return [Notice(_("No backtest: {note}.").format(note=b.note))]
    note = backtest_note(results, notes, demand_note)
    rows = []
    for r in b.rows:
        c = fmt.backtest_row(r)
        seen = c["observed"] + (f" ({c['observed_range']})" if c["observed_range"] else "")
        rows.append(
            (
                text(c["cut"]),
                text(c["year"]),
                text(c["quantity"]),
                (num(c["median"], note),),
                (num(c["band"], note),),
                (num(seen, note),),
                (num(c["error"], note, strong=True),),
                text(_("yes") if r.inside else _("no")),
            )
        )
    inside = sum(r.inside for r in b.rows)
    spec = charts.backtest(b)
    drawn = (
        [
            chart(
                "chart-demand-backtest",
                _("Backtest: forecast blade demand against what was built"),
                spec,
                _("Interval chart: forecast median and p5–p95 against the observed range, kt"),
                _("Source: the demand model on the capacity history before each cut."),
                note,
            )
        ]
        if spec is not None
        else []
    )
    return [
        Paragraph(
            text(
                *fill(
                    _(
                        "The forecast projects the last observed year's additions forward. Run "
                        "on the history as it stood before the years since observed, it put "
                        "{inside} of {rows} observed values inside its p5–p95 band. Read the "
                        "demand of projected years with these errors in mind."
                    ),
                    inside=num(fmt.count(inside), note, strong=True),
                    rows=num(fmt.count(len(b.rows)), note),
                )
            )
        ),
        table(
            "table-demand-backtest",
            _("Backtest: forecasts from the history before each cut, against what was built"),
            (
                _("History to end of"),
                _("Year"),
                _("Quantity"),
                numeric(_("Forecast median")),
                numeric(_("Forecast p5–p95")),
                numeric(_("Observed")),
                numeric(_("Error of the median")),
                _("Inside p5–p95"),
            ),
            rows,
            row_classes=tuple("pass" if r.inside else "fail" for r in b.rows),
        ),
        *drawn,
    ]


def _scenarios(results: Results, notes: Notes, note: int) -> list:
    comparison = results.scenarios
    rows = []
    for r in comparison.results:
        c = r.demand.get("cumulative_demand_t", "total")
        scen_note = notes.computed(
            _("the demand model"),
            description=_(
                "Monte Carlo of the composite-demand model, scenario {scenario}: same samples "
                "and seed as the presented scenario, with the scenario's parameter overrides."
            ).format(scenario=labels.scenario(results, r.name)),
            inputs=[note],
        )
        rows.append(
            (
                text(Term(labels.scenario(results, r.name))),
                text(labels.scenario_description(results, r.name, r.description)),
                (num(fmt.mass(c["p50"]), scen_note),),
                (num(fmt.value_range(c["p5"], c["p95"], "t"), scen_note),),
            )
        )
    return [
        chart(
            "chart-demand-scenarios",
            _("Cumulative composite demand by scenario"),
            charts.scenario_comparison(comparison, labels.scenario_map(results)),
            _("Interval chart: cumulative composite demand by scenario"),
            _("Source: the demand model."),
            note,
        ),
        table(
            "table-demand-scenarios",
            _("Scenarios of the case and their cumulative demand (all segments)"),
            (
                _("Scenario"),
                _("What it changes (case text)"),
                numeric(_("Median")),
                numeric(_("p5–p95")),
            ),
            rows,
        ),
    ]


def sensitivity_note(results: Results, notes: Notes) -> int:
    sens = results.sensitivity
    result = results.scenarios[results.scenario]
    params = {p.name: p for p in result.parameters}
    frame = sens.to_frame()
    frame = frame[~frame["inert"]].sort_values("rank")
    return notes.computed(
        "Sobol' indices (SALib)",
        description=_(
            "First-order (S1) and total-order (ST) Sobol' indices of total composite demand, "
            "{base} base samples ({evaluations} model evaluations), seed {seed}, {level} "
            "confidence intervals. A slightly negative S1 whose interval includes zero is "
            "sampling error and reads as zero; parameters are ranked by ST."
        ).format(
            base=fmt.count(sens.base_samples),
            evaluations=fmt.count(sens.evaluations),
            seed=sens.seed,
            level=fmt.share(sens.conf_level, 0),
        ),
        inputs=[parameter_note(notes, params[n]) for n in frame["parameter"] if n in params],
    )


def _sobol(results: Results, notes: Notes, body: Body) -> list:
    sens = results.sensitivity
    if sens is None:
        return [Notice(_("Sobol' indices were not computed for this build (sobol_samples = 0)."))]
    result = results.scenarios[results.scenario]
    params = {p.name: p for p in result.parameters}
    frame = sens.to_frame()
    frame = frame[~frame["inert"]].sort_values("rank")
    sobol_note = sensitivity_note(results, notes)
    rows = []
    for _label, r in frame.iterrows():
        label = r["parameter"]
        p = params.get(label)
        rows.append(
            (
                text(labels.parameter(p) if p is not None else label),
                (num(f"{fmt.decimal(r['S1'])} ± {fmt.decimal(r['S1_conf'])}", sobol_note),),
                (num(f"{fmt.decimal(r['ST'])} ± {fmt.decimal(r['ST_conf'])}", sobol_note),),
                text(_("assumption") if p is not None and p.assumption else _("sourced")),
            )
        )
    plain = labels.parameters(results)
    top = [plain.get(name, name) for name in frame["parameter"][:3]]
    spec = charts.sobol(sens, labels.parameters(results))
    return [
        Paragraph(
            text(
                *fill(
                    _(
                        "The parameters that matter most for total demand are {parameters} (by "
                        "total-order index{notes}). Parameters that do not enter this "
                        "scenario's result are left out."
                    ),
                    parameters=_(", ").join(top),
                    notes=refs(sobol_note),
                )
            )
        ),
        chart(
            "chart-demand-sobol",
            _("Sobol' indices of total composite demand"),
            spec,
            _("Bar chart: Sobol' indices per parameter"),
            _("Source: SALib on the demand model."),
            sobol_note,
        ),
        table(
            "table-demand-sobol",
            _("Sobol' indices of total composite demand (± half-width of the interval)"),
            (
                _("Parameter"),
                numeric(_("First order S1")),
                numeric(_("Total order ST")),
                _("Basis"),
            ),
            rows,
        ),
    ]


def _eol_band_why(d: Any) -> str:
    """Why the waste chart's median may lie at zero under a wide band: said in its caption
    for the years where it does (empty when it does not)."""
    odd = []
    for year in d.waste_years:
        try:
            stats = d.get("eol_blade_waste_t", "wind_blades", year)
        except KeyError:
            continue
        if stats["p50"] <= 0 < stats["p95"]:
            odd.append(year)
    if not odd:
        return ""
    runs: list[list[int]] = []  # consecutive years, each run shown as one span
    for year in odd:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    spans = _(", ").join(
        fmt.year(run[0]) if len(run) == 1 else fmt.years(run[0], run[-1]) for run in runs
    )
    return " " + _(
        "In {years} the median is zero under a wide band: the blades of one year's build-out "
        "come back together, in the year their drawn service life ends, so in each of these "
        "years most draws see none of them and a few see the whole wave."
    ).format(years=spans)


def _eol(results: Results, notes: Notes, result: Any, note: int, factors: list) -> list:
    d = result.demand
    blocks: list = []
    if factors:
        blocks.extend(factor_blocks(results, notes, factors))
    try:
        cum = d.get("cumulative_eol_blade_waste_t", "wind_blades")
    except KeyError:
        cum = None
    if cum is not None:
        blocks.append(
            Paragraph(
                text(
                    *fill(
                        _(
                            "Blades come back as waste from two fleets: the wind farms built "
                            "before {year} as they leave service (repowered or retired at 15–20 "
                            "years, NEA 2023 No. 45), which gives the waste of the coming years, "
                            "and the blades installed over the horizon after their design life. "
                            "In all: {total} in total (median; p5–p95 {range}), between {first} "
                            "and {last}."
                        ),
                        year=fmt.year(d.years[0]),
                        total=num(fmt.mass(cum["p50"]), note, strong=True),
                        range=num(fmt.value_range(cum["p5"], cum["p95"], "t"), note),
                        first=num(fmt.year(d.waste_years[0]), note),
                        last=num(fmt.year(d.waste_years[-1]), note),
                    )
                )
            )
        )
    soon = [y for y in d.waste_years if y <= SOON]
    if soon:
        rows = []
        for year in soon:
            w = d.get("eol_blade_waste_t", "wind_blades", year)
            r = (
                d.get("demand_t", "wind_repowering", year)
                if year in d.years and "wind_repowering" in d.segments
                else None
            )
            rows.append(
                (
                    text(fmt.year(year)),
                    (num(fmt.mass(w["p50"]), note),),
                    (num(fmt.value_range(w["p5"], w["p95"], "t"), note),),
                    (num(fmt.mass(r["p50"]), note),) if r is not None else ("—",),
                )
            )
        blocks.append(
            table(
                "table-demand-eol-soon",
                _("Blade waste and repowering demand by year to {year}").format(
                    year=fmt.year(SOON)
                ),
                (
                    _("Year"),
                    numeric(_("Blade waste, median")),
                    numeric(_("p5–p95")),
                    numeric(_("New blades for repowering, median")),
                ),
                rows,
            )
        )
    eol_spec = charts.eol_waste(d)
    if eol_spec is not None:
        blocks.append(
            chart(
                "chart-demand-eol",
                _("End-of-life blade waste by year"),
                eol_spec,
                _("Fan chart: yearly end-of-life blade waste in kt"),
                _("Source: the demand model.") + _eol_band_why(d),
                note,
            )
        )
    return blocks or [Notice(_("The demand model gives no end-of-life waste for this case."))]


def linkage_words(results: Results) -> str:
    """How the input-output effects are made, in the reader's language (the analysis's
    `CompositeEffects.note`, written from the same facts)."""
    return present_linkage.shock_note(results.io_model, results.case.linkage.price_basis)


def linkage_note(results: Results, notes: Notes, demand_note: int) -> int:
    assumptions = notes.computed(
        _("linkage shock"),
        description=_(
            "Final demand = cumulative tonnes by segment (median of the presented scenario) x "
            "price per tonne x sector share; prices and sector shares are stated analyst "
            "assumptions (the case's linkage file), results at the low, central and high price."
        ),
        inputs=[demand_note],
    )
    return notes.computed(
        _("the input-output model"),
        description=_("Leontief model: direct = the shock, indirect = L·f − f. {note}").format(
            note=linkage_words(results)
        ),
        inputs=[assumptions],
    )


def _linkage(results: Results, notes: Notes, demand_note: int) -> list:
    if results.linkage is None:
        return [Notice(_("The case has no linkage table, so no input-output effects are shown."))]
    effects = results.linkage.effects
    central = effects.central
    link_note = linkage_note(results, notes, demand_note)
    frame = effects.to_frame().sort_values("output_total", ascending=False).head(TOP_SECTORS)
    names = present_linkage.sector_names(effects)
    rows = []
    for code, r in frame.iterrows():
        label = f"{names.get(code, r['name'])} ({code})"
        rows.append(
            (
                text(label),
                (num(fmt.money(float(r["output_direct"])), link_note),),
                (num(fmt.money(float(r["output_indirect"])), link_note),),
                (num(fmt.money(float(r["output_total"])), link_note),),
                (num(fmt.money(float(r["value_added_total"])), link_note),),
            )
        )
    totals = central.totals()
    low = effects.cases["low"].totals()["output_total"]
    high = effects.cases["high"].totals()["output_total"]
    return [
        Paragraph(text(present_linkage.model_note(results.io_model)), tone="warning"),
        Paragraph(
            text(
                *fill(
                    _(
                        "At the central price, the composite demand of the presented scenario is "
                        "a final-demand shock of {final} (direct output). It raises output across "
                        "the economy by a further {indirect} indirectly, {total} in total "
                        "({range} over the price range), with {added} of value added and "
                        "{imports} of imports."
                    ),
                    final=num(fmt.money(totals["final_demand"]), link_note),
                    indirect=num(fmt.money(totals["output_indirect"]), link_note, strong=True),
                    total=num(fmt.money(totals["output_total"]), link_note),
                    range=num(fmt.value_range(low, high, "CNY"), link_note),
                    added=num(fmt.money(totals["value_added_total"]), link_note),
                    imports=num(fmt.money(totals["imports_total"]), link_note),
                )
            )
        ),
        chart(
            "chart-demand-linkage",
            _("Output effects by sector: direct and indirect"),
            charts.linkage_effects(effects, TOP_SECTORS),
            _("Stacked bar chart: direct and indirect output effect by sector"),
            _("Source: the input-output model, national coefficients."),
            link_note,
        ),
        table(
            "table-demand-linkage",
            _("Sectors with the largest output effects (central price)"),
            (
                _("Sector (table code)"),
                numeric(_("Direct output")),
                numeric(_("Indirect output")),
                numeric(_("Total output")),
                numeric(_("Value added")),
            ),
            rows,
        ),
    ]
