"""Double counting: capacities listed side by side that may contain one another.

Entities of one kind with a capacity (`capacity_w`, or a group's `count` × `capacity_each_w`)
are compared pairwise:

- **name nesting**: the distinctive words of one name contain all distinctive words of
  another ("Huadian Northern Tianshan Gobi Base" ⊃ "Northern Tianshan"), so the first
  probably lies within the second;
- **location nesting**: an attribute (`location`, `part_of`, `within`) names another entity;
- **unnamed groups**: "three 10-million-kilowatt-class bases" may include any listed base
  of at least that class.

Any overlap fails the check (`warning`): adding the list would count capacity twice, so
the demand model must choose an aggregation. The finding gives the totals of the
possible aggregations, from adding everything to removing every possible overlap.
"""

from __future__ import annotations

from dataclasses import dataclass

from pestle.checks.facts import Fact, collect
from pestle.checks.finding import ClaimEvidence, EntityEvidence, Figure, Finding, Tolerance
from pestle.checks.inputs import CheckInputs
from pestle.checks.locate import attribute_evidence, fact_evidence
from pestle.checks.match import norm, tokens
from pestle.checks.said import Code, Natural, Num, Say, Unit, english, join, said, say
from pestle.checks.units import unit_name
from pestle.model import Entity

RULE = "double_counting"

#: Words that describe what a thing is rather than which one it is.
GENERIC_WORDS = frozenset(
    {
        *("new", "energy", "base", "bases", "the", "in", "of", "and", "a", "an", "desert"),
        *("project", "projects", "uhv", "transmission", "class", "power", "station"),
        *("stations", "park", "parks", "plant", "plants", "kilowatt", "kilowatts"),
        *("million", "each"),
    }
)
_DIRECTIONS = frozenset(
    {"north", "northern", "south", "southern", "east", "eastern", "west", "western", "central"}
)
_LOCATION_ATTRIBUTES = ("location", "part_of", "within")
DISPLAY_SCALE = 1e9  # million kilowatts


@dataclass(frozen=True)
class Listed:
    """One item of a list of capacities: a named thing, or an unnamed group of N alike."""

    key: str
    name: str
    capacity: float | None  # total capacity, W
    each: float | None = None  # for groups: capacity of each member
    count: int | None = None
    within: str | None = None  # key of the item it lies in, if the case says so
    evidence: tuple[ClaimEvidence | EntityEvidence, ...] = ()

    @property
    def is_group(self) -> bool:
        return self.count is not None and self.each is not None


def _number(entity: Entity, name: str) -> float | None:
    value = entity.attributes.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def listed(inputs: CheckInputs, entity: Entity) -> Listed | None:
    """An entity with a capacity (`capacity_w`) or a group (`count` × `capacity_each_w`)."""
    capacity, each = _number(entity, "capacity_w"), _number(entity, "capacity_each_w")
    count = _number(entity, "count")
    within = next(
        (v for a in _LOCATION_ATTRIBUTES if isinstance(v := entity.attributes.get(a), str)),
        None,
    )
    common = {"key": entity.id, "name": entity.name, "within": within}
    if each is not None and count is not None:
        evidence = attribute_evidence(inputs, entity, "capacity_each_w")
        return Listed(
            **common, capacity=each * count, each=each, count=int(count), evidence=evidence
        )
    if capacity is not None or "capacity_w" in entity.attributes:
        evidence = attribute_evidence(inputs, entity, "capacity_w")
        return Listed(**common, capacity=capacity, evidence=evidence)
    return None


def listed_claims(inputs: CheckInputs) -> dict[str, list[Listed]]:
    """Without case entities: capacities (W) of named things, listed per section; a count
    claim of the same subject makes a group ("Three ... bases" | "Each 10 million kW")."""
    facts = collect(inputs)
    by_section: dict[str, dict[str, list[Fact]]] = {}
    for f in facts:
        if f.unit == "W" and f.kind == "level" and f.part and f.claim is not None:
            by_section.setdefault(f.section or "document", {}).setdefault(f.part, []).append(f)
    lists: dict[str, list[Listed]] = {}
    for section, parts in by_section.items():
        items = []
        for part, found in parts.items():
            first = found[0]
            count = next(
                (
                    int(c.value)
                    for c in facts
                    if c.unit == "count" and c.part == part and c.value > 1 and c.section == section
                ),
                None,
            )
            name = first.claim.subject if first.claim and first.claim.subject else part
            evidence = (fact_evidence(inputs, first),)
            if count is not None:
                items.append(
                    Listed(part, name, first.value * count, first.value, count, evidence=evidence)
                )
            else:
                items.append(Listed(part, name, first.value, evidence=evidence))
        lists[f"section {section}"] = items
    return lists


def core(name: str, region: str | None) -> frozenset[str]:
    """The distinctive words of a name (no generic words, numbers or the region's name)."""
    skip = GENERIC_WORDS | set(tokens(region.split(",")[0] if region else ""))
    return frozenset(t for t in tokens(name) if t not in skip and not t.isdigit())


def nests_in(inner: Listed, outer: Listed, region: str | None) -> bool:
    """Whether `inner` probably lies within `outer` (by name or by a location attribute)."""
    if inner.within is not None and inner.within == outer.key:
        return True
    a, b = core(inner.name, region), core(outer.name, region)
    return bool(b) and not b <= _DIRECTIONS and b < a


def check(inputs: CheckInputs) -> list[Finding]:
    by_kind: dict[str, list[Listed]] = {}
    for entity in inputs.entities:
        item = listed(inputs, entity)
        if item is not None:
            by_kind.setdefault(entity.kind, []).append(item)
    if not by_kind:
        by_kind = listed_claims(inputs)
    return [
        overlap_finding(inputs, kind, items) for kind, items in by_kind.items() if len(items) >= 2
    ]


def _mw(value: float) -> Num:
    return Num(value=value / DISPLAY_SCALE, unit="W", scale=DISPLAY_SCALE)


def _kw(value: float | None) -> Say | Natural:
    return say("double_counting.no_capacity") if value is None else Natural(value=value, unit="W")


def overlap_finding(inputs: CheckInputs, kind: str, items: list[Listed]) -> Finding:
    region = inputs.region
    unit = unit_name("W", DISPLAY_SCALE)
    named = [i for i in items if not i.is_group]
    groups = [i for i in items if i.is_group]
    nested = [(a, b) for a in named for b in named if a is not b and nests_in(a, b, region)]
    members = [
        (m, g)
        for g in groups
        for m in named
        if m.capacity is not None and g.each is not None and m.capacity >= g.each
    ]
    unsized = [m for m in named if m.capacity is None]
    known = [i for i in items if i.capacity is not None]
    total = sum(i.capacity or 0 for i in known)
    inner = {id(a) for a, _ in nested}
    no_nested = sum(i.capacity or 0 for i in known if id(i) not in inner)
    in_group = {id(m) for m, _ in members}
    inside_members = {id(a) for a, b in nested if id(b) in in_group}
    disjoint = sum(
        i.capacity or 0
        for i in known
        if id(i) not in inner and id(i) not in in_group and id(i) not in inside_members
    )
    section = kind.removeprefix("section ") if kind.startswith("section ") else None
    kind_name = say("double_counting.listed_in", section=section) if section else Code(code=kind)
    slug = kind if section is None else "-".join(norm(kind).split()[:5])
    evidence = tuple(e for i in items for e in i.evidence)
    mw = Unit(unit="W", scale=DISPLAY_SCALE, steps=True)
    sums = join(
        (
            say("double_counting.times", count=i.count, each=_mw(i.each or 0))
            if i.is_group
            else _mw(i.capacity or 0)
            for i in known
        ),
        " + ",
    )
    base = {
        "rule": RULE,
        "id": f"{RULE}:{slug}",
        **said(
            "title",
            "double_counting.title_listed" if section else "double_counting.title",
            kind=kind_name,
        ),
        "actual": Figure(
            value=total / DISPLAY_SCALE,
            unit=unit,
            **said("text", "double_counting.sum", sums=sums, total=_mw(total)),
        ),
        "tolerance": Tolerance(value=0, unit=unit, **said("why", "double_counting.why")),
        "evidence": evidence,
    }
    if not nested and not members:
        return Finding(
            **base,
            status="pass",
            severity="info",
            expected=Figure(
                value=total / DISPLAY_SCALE, unit=unit, **said("text", "double_counting.none")
            ),
            **said(
                "message",
                "double_counting.pass",
                kind=kind_name,
                sums=sums,
                total=_mw(total),
                unit=mw,
            ),
        )
    overlaps = [
        say(
            "double_counting.nested",
            inner=a.name,
            inner_capacity=_kw(a.capacity),
            outer=b.name,
            outer_capacity=_kw(b.capacity),
        )
        for a, b in nested
    ] + [
        say(
            "double_counting.member",
            group=g.name,
            count=g.count or 0,
            each=_kw(g.each),
            member=m.name,
            capacity=_kw(m.capacity),
        )
        for m, g in members
    ]
    if unsized:
        names = join((say("capacity_additions.quoted", name=m.name) for m in unsized), ", ")
        overlaps.append(say("double_counting.unsized", names=names))
    options = [say("double_counting.add_all", total=_mw(total), unit=mw)]
    if nested:
        options.append(say("double_counting.leave_nested", total=_mw(no_nested), unit=mw))
    if members:
        options.append(say("double_counting.disjoint", total=_mw(disjoint), unit=mw))
    return Finding(
        **base,
        status="fail",
        severity="warning",
        expected=Figure(
            value=disjoint / DISPLAY_SCALE,
            unit=unit,
            **said(
                "text",
                "double_counting.once",
                low=_mw(disjoint),
                high=_mw(total),
                unit=mw,
            ),
        ),
        **said("message", "double_counting.fail", kind=kind_name, overlaps=join(overlaps)),
        readings=tuple(english(o) for o in options),
        readings_said=tuple(options),
    )
