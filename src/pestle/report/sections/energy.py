"""Section 6: energy and technology — the new-energy bases, UHV corridors, capacity over time."""

from __future__ import annotations

from typing import Any

from pestle.model.period import Period
from pestle.present import charts
from pestle.present import format as fmt
from pestle.present.i18n import gettext as _
from pestle.present.i18n import pick
from pestle.report.footnotes import Notes, num, refs
from pestle.report.sections import Body
from pestle.report.sections._common import Cite, chart, entities, fill, numeric, table
from pestle.report.sections._factors import factor_blocks, factors_for
from pestle.report.view import Link, Notice, Paragraph, text
from pestle.results import Results


def build(results: Results, notes: Notes, body: Body) -> None:
    case = results.case
    cite = Cite(case, notes)
    body.intro.extend(factor_blocks(results, notes, factors_for(case, "energy")))

    bases = entities(case, "energy_base") + entities(case, "hydrogen_project")
    corridors = entities(case, "uhv_corridor")
    body.sub("energy-bases", _("New-energy bases"), *_bases(cite, bases))
    body.sub("energy-corridors", _("UHV transmission corridors"), *_corridors(cite, corridors))
    body.sub(
        "energy-chart",
        _("Capacity of bases and corridors"),
        *_capacity_chart(cite, bases, corridors),
    )
    body.sub("energy-over-time", _("Installed capacity over time"), *_over_time(cite, case))


def _capacity(cite: Cite, e: Any) -> tuple:
    a = e.attributes
    if "capacity_w" in a:
        return (cite.value(e, "capacity_w", "W"),)
    if "capacity_each_w" in a:
        count = a.get("count")
        parts: list = fill(_("{capacity} each"), capacity=cite.value(e, "capacity_each_w", "W"))
        if count is not None:
            parts += fill(_(" ({count} bases)"), count=cite.value(e, "count", "count"))
        return tuple(parts)
    return (_("not stated"),)


def _bases(cite: Cite, bases: tuple) -> list:
    if not bases:
        return [Notice(_("The case has no energy bases."))]
    rows = []
    for e in bases:
        a = e.attributes
        rows.append(
            (
                text(e.name),
                _capacity(cite, e),
                text(fmt.words(a.get("status")), refs(*cite.first(e))),
                text(_node(a.get("date"))),
            )
        )
    notes = [f"{pick(e.name)}: {e.note}" for e in bases if getattr(e, "note", None)]
    return [
        table(
            "table-energy-bases",
            _("New-energy bases and projects as the source report lists them"),
            (
                _("Base or project"),
                numeric(_("Capacity")),
                _("Status in the report"),
                _("Time node"),
            ),
            rows,
            note=text(_("Notes of the case: ") + " ".join(notes)) if notes else (),
        )
    ]


def _corridors(cite: Cite, corridors: tuple) -> list:
    if not corridors:
        return [Notice(_("The case has no transmission corridors."))]
    rows = []
    for e in corridors:
        a = e.attributes
        length: tuple = ("n/a",)
        if "length_km_min" in a and "length_km_max" in a:
            length = (
                num(
                    fmt.value_range(a["length_km_min"], a["length_km_max"], "km"),
                    *cite.attr(e, "length_km_min"),
                ),
            )
        rows.append(
            (
                text(e.name),
                text(str(a.get("type", "n/a"))),
                (cite.value(e, "voltage_kv", "kV"),) if "voltage_kv" in a else ("n/a",),
                (cite.value(e, "capacity_w", "W"),) if "capacity_w" in a else ("n/a",),
                length,
                text(fmt.words(a.get("status")), refs(*cite.first(e))),
                (num(_node(a["in_operation"]), *cite.attr(e, "in_operation")),)
                if a.get("in_operation")
                else ("n/a",),
            )
        )
    notes = [f"{pick(e.name)}: {e.note}" for e in corridors if getattr(e, "note", None)]
    return [
        table(
            "table-energy-corridors",
            _("Ultra-high-voltage corridors of “power transmission from {region}”").format(
                region=pick(cite.case.region_short)
            ),
            (
                _("Corridor"),
                _("Type"),
                numeric(_("Voltage")),
                numeric(_("Capacity")),
                numeric(_("Length")),
                _("Status in the report"),
                _("In operation (reference)"),
            ),
            rows,
            note=text(
                _(
                    "Status is the report's wording; technical data and dates come from the "
                    "reference data. "
                )
                + " ".join(notes)
            ),
        )
    ]


def _capacity_chart(cite: Cite, bases: tuple, corridors: tuple) -> list:
    notes: list[int] = []
    for e in (*bases, *corridors):
        for key in ("capacity_w", "capacity_each_w"):
            if key in e.attributes:
                notes.extend(cite.attr(e, key))
    spec = charts.energy_capacity(cite.case)
    if spec is None:
        return [Notice(_("No stated capacities to chart."))]
    return [
        chart(
            "chart-energy-capacity",
            _("Stated capacity of new-energy bases and UHV corridors"),
            spec,
            _("Bar chart: capacity in GW of each new-energy base and UHV corridor"),
            _("Source: the figures in the two tables above."),
            *notes,
        ),
        Paragraph(
            text(
                _(
                    "Generation capacity (bases) and transmission capacity (corridors) are "
                    "different quantities, shown on one axis only to compare their scale. Bases "
                    "may overlap (a base inside another); the demand model chooses how to count "
                    "them, see "
                ),
                Link(_("Composite demand"), "demand"),
                _("."),
            ),
            tone="method",
        ),
    ]


def _over_time(cite: Cite, case: Any) -> list:
    entries = [e for e in case.references.entries if e.series == "installed_capacity_w"]
    if not entries:
        return [Notice(_("The case's reference data has no installed-capacity series."))]
    rows = []
    for e in entries:
        note = cite.reference(e.id)
        day = e.period.end if e.period else None
        label = fmt.words(e.measure)
        unit = e.unit or "W"
        shown = fmt.quantity(e.value, unit, e.qualifier)
        rows.append(
            (
                text(fmt.day(day) if day else "n/a"),
                text(label),
                (num(shown, note),),
                text(e.quality or "n/a"),
            )
        )
    spec = charts.installed_capacity(case, pick(case.region_short))
    return [
        table(
            "table-energy-installed",
            _("Installed capacity, reference data"),
            (_("Date"), _("Measure"), numeric(_("Capacity")), _("Quality")),
            rows,
        ),
        chart(
            "chart-energy-installed",
            _("Installed wind, solar and new-energy capacity in {region}").format(
                region=pick(case.region_short)
            ),
            spec,
            _("Line chart: installed capacity in GW over time by technology"),
            _("Source: the reference entries in the table above"),
        ),
    ]


def _node(value: Any) -> str:
    """A time node as the case writes it ("2023-05", "2024-02-26", "2024") for people."""
    if value is None:
        return "n/a"
    raw = str(value)
    parts = raw.split("-")
    try:
        if len(parts) == 3:
            from datetime import date

            return fmt.day(date(int(parts[0]), int(parts[1]), int(parts[2])))
        if len(parts) == 2:
            return fmt.period(Period.months(int(parts[0]), int(parts[1]), int(parts[1])))
    except ValueError:
        return raw
    return raw
