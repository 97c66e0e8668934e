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

from pestle.checks.compare import words
from pestle.checks.finding import Evidence, Figure, Finding, Tolerance
from pestle.checks.inputs import CheckInputs, Reference, reference_evidence, short_source
from pestle.checks.locate import attribute_evidence
from pestle.checks.units import fmt, unit_name
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
    how: str
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
        how = (
            f"installed end-{last} ({words(end_q)}{_gw(end)}) minus installed end-"
            f"{first - 1} ({words(start_q)}{_gw(start)}{_parts(start_refs)})"
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
        how = " + ".join(f"{_gw(r.value)} added in {y}" for y, r in zip(years, used, strict=True))
        return Observed(sum(r.value for r in used), qualifier, how, used)
    return None


def _gw(value: float) -> str:
    """Million kilowatts to two decimals, trailing zeros trimmed (59.34, 46.1, 100)."""
    text = fmt(value / DISPLAY_SCALE, 2)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _parts(used: tuple[Reference, ...]) -> str:
    """' = 26.15 wind + 14.51 solar' for a total made of parts, else ''."""
    if len(used) < 2:
        return ""
    return " = " + " + ".join(f"{_gw(r.value)} {_part(r)}" for r in used)


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


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
    what = " and ".join(k.replace("_", " ") for k in kinds)
    return Finding(
        rule=RULE,
        id=f"{RULE}:{'-'.join(kinds)}",
        title=f"{what} capacities against observed additions",
        status="unknown",
        severity="warning",
        message=f"No {what} states a time node, so the period the capacities fall in is "
        "unknown and they cannot be compared with observed additions.",
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
    what = " and ".join(k.replace("_", " ") for k in kinds)
    span = _span(first, last)
    unit = unit_name("W", DISPLAY_SCALE)
    sized = [b for b in bases if b.capacity is not None]
    unsized = [b for b in bases if b.capacity is None]
    total = sum(b.capacity or 0.0 for b in sized)
    terms = " + ".join(_gw(b.capacity or 0.0) for b in sized)
    booked_text = f"{terms} = {_gw(total)} {unit} over {span} (time nodes of the table)"
    base = {
        "rule": RULE,
        "id": f"{RULE}:{'-'.join(kinds)}-{span}",
        "title": f"{what} capacities booked for {span} against observed additions",
        "actual": Figure(value=total / DISPLAY_SCALE, unit=unit, text=booked_text),
    }
    evidence = _table_evidence(inputs, bases)
    seen = observed(refs, first, last)
    if seen is None:
        have = sorted({r.period.end.isoformat() for r in refs if r.period is not None})
        return Finding(
            **base,
            status="unknown",
            severity="info",
            message=f"The {what} rows book {_gw(total)} {unit} for {span}; the reference data "
            f"gives no installed total at the end of {first - 1} and {last}, nor additions "
            f"for every year of {span} (reference dates: {', '.join(have)}).",
            evidence=evidence,
        )
    gap = seen.value - total
    share = abs(gap) / seen.value if seen.value else float("inf")
    sources = "; ".join(dict.fromkeys(short_source(r.source) for r in seen.used))
    observed_text = f"{words(seen.qualifier)}{_gw(seen.value)} {unit}: {seen.how} ({sources})"
    lower = seen.qualifier == ">"
    yearly = [
        (int(m.group(1)), r)
        for r in refs
        if (m := _ADDED.match(_part(r) or "")) and first <= int(m.group(1)) <= last
    ]
    yearly = [(y, r) for y, r in sorted(yearly, key=lambda pair: pair[0]) if r not in seen.used]
    of_which = "; ".join(
        f"{words(r.qualifier)}{_gw(r.value)} {unit} added in {y} ({short_source(r.source)})"
        for y, r in yearly
    )
    common = {
        **base,
        "expected": Figure(value=seen.value / DISPLAY_SCALE, unit=unit, text=observed_text),
        "tolerance": Tolerance(
            value=TOLERANCE * seen.value / DISPLAY_SCALE,
            unit=unit,
            why=f"{TOLERANCE:.0%} of the observed additions: a bases table need not list "
            "every small project",
        ),
        "evidence": (
            *evidence,
            *(reference_evidence(r) for r in (*seen.used, *(r for _, r in yearly))),
        ),
    }
    missing = ""
    if unsized:
        names = ", ".join(f"'{b.entity.name}'" for b in unsized)
        missing = f" {len(unsized)} row(s) state no capacity ({names})."
    if lower and gap <= 0:  # booked beyond a lower bound: the build may have been larger
        return Finding(
            **common,
            status="unknown",
            severity="info",
            message=f"The {what} rows book {_gw(total)} {unit} for {span}; reference data gives "
            f"only a lower bound for the additions, {observed_text}, so whether the table "
            f"books too much cannot be told.{missing}",
        )
    if share <= TOLERANCE:
        return Finding(
            **common,
            status="pass",
            severity="info",
            message=f"The {what} rows book {_gw(total)} {unit} for {span}, within "
            f"{TOLERANCE:.0%} of the observed additions, {observed_text}.{missing}",
        )
    direction = "less" if gap > 0 else "more"
    at_least = "at least " if lower and gap > 0 else ""
    message = (
        f"The {what} rows book {booked_text}, but reference data shows {observed_text} added "
        f"in {span}: {at_least}{_gw(abs(gap))} {unit} ({at_least}{share:.0%}) {direction} than "
        f"was built. The table accounts for {total / seen.value:.0%} of the observed "
        f"additions.{missing}"
    )
    if of_which:
        message += f" Of the observed additions: {of_which}."
    if gap > 0:
        message += (
            " Adding the rows counts any overlap between them twice, so removing overlaps "
            "only widens the gap; a capacity path built from the table under-books the "
            "build of these years."
        )
    else:
        message += (
            " The table books more than was added: some of its capacity was built before "
            f"{first} or is still to come."
        )
    readings = (
        "the table lists only the large bases of these years: as a capacity path it misses "
        "the rest of the build",
        "the table's capacities are not the additions of these years (built earlier, or "
        "still to be built): as a capacity path it misplaces them in time",
    )
    return Finding(
        **common,
        status="fail",
        severity="error" if share > ERROR_GAP else "warning",
        message=message,
        readings=readings,
    )
