"""Bases against observed additions: the capacity a bases table books for its years, against
the capacity reference data says was added in those years.

The booked side: the entities of a base kind (`BASE_KINDS`) with a capacity (`capacity_w`,
or `count` × `capacity_each_w`), added up as stated, over the calendar years of their time
nodes (`date`): the period the table implies. Bases without a capacity are listed, not
guessed.

The observed side, from the reference series of installed capacity (measure "installed
capacity ..." in the checks' vocabulary) for the same years:

- installed at the end of the last year minus installed at the end of the year before the
  first (an end-of-year total is `new energy total`, or `wind` + `solar` of one date), or
  else
- the sum of the stated yearly additions (`added in <year>`), when every year has one.

A lower bound (">") on the later total makes the observed additions a lower bound too.

Outcome, by the gap |booked − observed| / observed: within `TOLERANCE` (10 %) the table
accounts for the build (`pass`); up to `ERROR_GAP` (25 %) it fails as a `warning`; beyond,
as an `error`. A gap below a lower bound is a gap of at least that much. Adding the bases
counts any overlap between them twice (see the double-counting rule), so removing overlaps
can only widen a shortfall; the finding says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pestle.checks.finding import Evidence, Figure, Finding, Tolerance
from pestle.checks.inputs import CheckInputs, Reference, reference_evidence, short_source
from pestle.checks.locate import attribute_evidence
from pestle.checks.said import Code, Num, Say, Text, Unit, Years, english, join, said, say
from pestle.checks.units import unit_name
from pestle.model import Entity

RULE = "capacity_additions"

#: Entity kinds whose capacities a bases table books as new generation capacity.
BASE_KINDS: tuple[str, ...] = ("energy_base",)
#: The measure of the installed-capacity reference series (`installed_capacity_w`).
MEASURE = "installed capacity"
#: A gap within this share of the observed additions is accounted for.
TOLERANCE = 0.10
#: A gap beyond this share of the observed additions is an error.
ERROR_GAP = 0.25
DISPLAY_SCALE = 1e9  # GW, "million kilowatts" in the report's words

_YEAR = re.compile(r"^(\d{4})")
_ADDED = re.compile(r"^added in (\d{4})$")


@dataclass(frozen=True)
class Booked:
    """One base of the table: its capacity (None: not stated) and the year of its node."""

    entity: Entity
    capacity: float | None
    attribute: str | None
    year: int | None


@dataclass(frozen=True)
class Observed:
    """Additions over a span of years from reference data, with the entries used."""

    value: float
    qualifier: str
    how: Say
    used: tuple[Reference, ...]


def _number(entity: Entity, name: str) -> float | None:
    value = entity.attributes.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def booked(entity: Entity) -> Booked:
    capacity, attribute = _number(entity, "capacity_w"), "capacity_w"
    each, count = _number(entity, "capacity_each_w"), _number(entity, "count")
    if capacity is None and each is not None:
        capacity, attribute = each * (count if count is not None else 1.0), "capacity_each_w"
    if capacity is None:
        attribute = None
    node = entity.attributes.get("date")
    m = _YEAR.match(str(node)) if node is not None else None
    return Booked(entity, capacity, attribute, int(m.group(1)) if m else None)


def _part(ref: Reference) -> str | None:
    """'installed capacity wind' -> 'wind'; None for other measures."""
    if not ref.measure.startswith(MEASURE + " ") or ref.scope != "region" or ref.unit != "W":
        return None
    return ref.measure[len(MEASURE) + 1 :]


def _end_of_year(refs: list[Reference], year: int) -> tuple[float, str, tuple[Reference, ...]]:
    """The total installed at the end of `year` (value, qualifier, entries), if stated."""
    at_end = [
        r
        for r in refs
        if r.period is not None and r.period.end.year == year and r.period.end.month == 12
    ]
    total = [r for r in at_end if _part(r) == "new energy total"]
    if total:
        r = total[0]
        return r.value, r.qualifier, (r,)
    by_date: dict[object, dict[str, Reference]] = {}
    for r in at_end:
        by_date.setdefault(r.period.end if r.period else None, {})[_part(r) or ""] = r
    for parts in by_date.values():
        if "wind" in parts and "solar" in parts:
            wind, solar = parts["wind"], parts["solar"]
            qualifier = ">" if ">" in (wind.qualifier, solar.qualifier) else "="
            return wind.value + solar.value, qualifier, (wind, solar)
    raise LookupError(year)


def observed(refs: list[Reference], first: int, last: int) -> Observed | None:
    """Capacity added in the years first..last by reference data (module docstring)."""
    try:
        end, end_q, end_refs = _end_of_year(refs, last)
        start, start_q, start_refs = _end_of_year(refs, first - 1)
    except LookupError:
        end_refs = ()
    if end_refs:
        exact = start_q == "=" and end_q in ("=", ">")
        qualifier = end_q if exact else "~"
        how = say(
            "capacity_additions.how_installed",
            last=Num(value=last, spec=".0f"),
            end=_gw(end, end_q),
            before=Num(value=first - 1, spec=".0f"),
            start=_gw(start, start_q),
            parts=_parts(start_refs),
        )
        return Observed(end - start, qualifier, how, (*start_refs, *end_refs))
    added = {}
    for r in refs:
        m = _ADDED.match(_part(r) or "")
        if m:
            added.setdefault(int(m.group(1)), r)
    years = range(first, last + 1)
    if all(y in added for y in years):
        used = tuple(added[y] for y in years)
        qualifier = ">" if any(r.qualifier == ">" for r in used) else "="
        how = say(
            "say",
            say=join(
                (
                    say(
                        "capacity_additions.added_in",
                        value=_gw(r.value),
                        year=Num(value=y, spec=".0f"),
                    )
                    for y, r in zip(years, used, strict=True)
                ),
                " + ",
            ),
        )
        return Observed(sum(r.value for r in used), qualifier, how, used)
    return None


def _gw(value: float, qualifier: str = "=") -> Num:
    """Million kilowatts to two decimals, trailing zeros trimmed (59.34, 46.1, 100)."""
    return Num(
        value=value / DISPLAY_SCALE,
        places=2,
        trim=True,
        qualifier=qualifier,
        unit="W",
        scale=DISPLAY_SCALE,
    )


def _parts(used: tuple[Reference, ...]) -> Say | Text:
    """' = 26.15 wind + 14.51 solar' for a total made of parts, else ''."""
    if len(used) < 2:
        return Text(text="")
    terms = (
        say("capacity_additions.part", value=_gw(r.value), part=Code(code=_part(r) or ""))
        for r in used
    )
    return say("capacity_additions.parts", terms=join(terms, " + "))


def _span(first: int, last: int) -> Years:
    return Years(first=first, last=last)


def check(inputs: CheckInputs) -> list[Finding]:
    bases = [booked(e) for e in inputs.entities if e.kind in BASE_KINDS]
    sized = [b for b in bases if b.capacity is not None]
    refs = [r for r in inputs.references if _part(r) is not None]
    if not sized or not refs:
        return []
    kinds = sorted({b.entity.kind for b in bases})
    years = [b.year for b in bases if b.year is not None]
    if not years:
        return [_undated(inputs, kinds, sized)]
    return [additions_finding(inputs, kinds, bases, refs, min(years), max(years))]


def _table_evidence(inputs: CheckInputs, bases: list[Booked]) -> tuple[Evidence, ...]:
    out: list[Evidence] = []
    for b in bases:
        if b.attribute is not None:
            out.extend(attribute_evidence(inputs, b.entity, b.attribute))
    return tuple(out)


def _undated(inputs: CheckInputs, kinds: list[str], sized: list[Booked]) -> Finding:
    what = join((Code(code=k) for k in kinds), " and ")
    return Finding(
        rule=RULE,
        id=f"{RULE}:{'-'.join(kinds)}",
        **said("title", "capacity_additions.undated_title", what=what),
        status="unknown",
        severity="warning",
        **said("message", "capacity_additions.undated", what=what),
        evidence=_table_evidence(inputs, sized),
    )


def additions_finding(
    inputs: CheckInputs,
    kinds: list[str],
    bases: list[Booked],
    refs: list[Reference],
    first: int,
    last: int,
) -> Finding:
    what = join((Code(code=k) for k in kinds), " and ")
    span = _span(first, last)
    span_id = str(first) if first == last else f"{first}–{last}"
    unit = unit_name("W", DISPLAY_SCALE)
    gw = Unit(unit="W", scale=DISPLAY_SCALE, steps=True)
    sized = [b for b in bases if b.capacity is not None]
    unsized = [b for b in bases if b.capacity is None]
    total = sum(b.capacity or 0.0 for b in sized)
    terms = join((_gw(b.capacity or 0.0) for b in sized), " + ")
    booked_text = say(
        "capacity_additions.booked", terms=terms, total=_gw(total), unit=gw, span=span
    )
    base = {
        "rule": RULE,
        "id": f"{RULE}:{'-'.join(kinds)}-{span_id}",
        **said("title", "capacity_additions.title", what=what, span=span),
        "actual": Figure(
            value=total / DISPLAY_SCALE, unit=unit, **said("text", "say", say=booked_text)
        ),
    }
    evidence = _table_evidence(inputs, bases)
    seen = observed(refs, first, last)
    if seen is None:
        have = sorted({r.period.end.isoformat() for r in refs if r.period is not None})
        return Finding(
            **base,
            status="unknown",
            severity="info",
            **said(
                "message",
                "capacity_additions.no_reference",
                what=what,
                total=_gw(total),
                unit=gw,
                span=span,
                before=Num(value=first - 1, spec=".0f"),
                last=Num(value=last, spec=".0f"),
                dates=join(have, ", "),
            ),
            evidence=evidence,
        )
    gap = seen.value - total
    share = abs(gap) / seen.value if seen.value else float("inf")
    sources = join(dict.fromkeys(short_source(r.source) for r in seen.used))
    observed_text = say(
        "capacity_additions.observed",
        value=_gw(seen.value, seen.qualifier),
        unit=gw,
        how=seen.how,
        sources=sources,
    )
    lower = seen.qualifier == ">"
    yearly = [
        (int(m.group(1)), r)
        for r in refs
        if (m := _ADDED.match(_part(r) or "")) and first <= int(m.group(1)) <= last
    ]
    yearly = [(y, r) for y, r in sorted(yearly, key=lambda pair: pair[0]) if r not in seen.used]
    of_which = join(
        say(
            "capacity_additions.of_which",
            value=_gw(r.value, r.qualifier),
            unit=gw,
            year=Num(value=y, spec=".0f"),
            source=short_source(r.source),
        )
        for y, r in yearly
    )
    common = {
        **base,
        "expected": Figure(
            value=seen.value / DISPLAY_SCALE, unit=unit, **said("text", "say", say=observed_text)
        ),
        "tolerance": Tolerance(
            value=TOLERANCE * seen.value / DISPLAY_SCALE,
            unit=unit,
            **said("why", "capacity_additions.why", share=Num(value=TOLERANCE, spec=".0%")),
        ),
        "evidence": (
            *evidence,
            *(reference_evidence(r) for r in (*seen.used, *(r for _, r in yearly))),
        ),
    }
    missing: Say | Text = Text(text="")
    if unsized:
        names = join((say("capacity_additions.quoted", name=b.entity.name) for b in unsized), ", ")
        missing = say("capacity_additions.missing", count=len(unsized), names=names)
    booked_total = {"what": what, "total": _gw(total), "unit": gw, "span": span}
    if lower and gap <= 0:  # booked beyond a lower bound: the build may have been larger
        return Finding(
            **common,
            status="unknown",
            severity="info",
            **said(
                "message",
                "capacity_additions.lower_bound",
                **booked_total,
                observed=observed_text,
                missing=missing,
            ),
        )
    tolerance = Num(value=TOLERANCE, spec=".0%")
    if share <= TOLERANCE:
        return Finding(
            **common,
            status="pass",
            severity="info",
            **said(
                "message",
                "capacity_additions.within",
                **booked_total,
                share=tolerance,
                observed=observed_text,
                missing=missing,
            ),
        )
    parts = [
        say(
            ("capacity_additions.less" if gap > 0 else "capacity_additions.more")
            + ("_at_least" if lower and gap > 0 else ""),
            what=what,
            booked=booked_text,
            observed=observed_text,
            span=span,
            gap=_gw(abs(gap)),
            unit=gw,
            share=Num(value=share, spec=".0%"),
            accounted=Num(value=total / seen.value, spec=".0%"),
            missing=missing,
        )
    ]
    if yearly:
        parts.append(say("capacity_additions.of_which_all", of_which=of_which))
    if gap > 0:
        parts.append(say("capacity_additions.under_books"))
    else:
        parts.append(say("capacity_additions.over_books", first=Num(value=first, spec=".0f")))
    readings = (
        say("capacity_additions.reading_large"),
        say("capacity_additions.reading_time"),
    )
    return Finding(
        **common,
        status="fail",
        severity="error" if share > ERROR_GAP else "warning",
        **said("message", "say", say=join(parts, "")),
        readings=tuple(english(r) for r in readings),
        readings_said=readings,
    )
