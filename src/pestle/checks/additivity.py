"""Additivity: parts that partition a whole add up to it; counts that cannot, are said so.

Two checks.

1. **Partitions** (`PARTITIONS`): parts that by definition make up a total, e.g. regional
   GDP (production approach) is the sum of the value added of the primary, secondary and
   tertiary industries. For each period in which the document states parts, the sum is
   compared with the stated total of the *same* period. Tolerance: the rounding the
   document did — half the last written digit of every figure, added up (worst case).
   Missing parts, a missing total or undated figures make the check `unknown`.

2. **Nested counts**: counts given to the parts of something (permissions received by
   each free-trade-zone section) against the count given to the whole (powers the region
   delegated to the zone). The case says what nests: a part names its whole by an
   attribute holding the whole's id (`ftz: ftz_region`); what the whole received is a
   count attribute of the whole, or of an entity giving to it (`target: ftz_region`),
   of the same kind (`powers_count` and `permissions_count`: see `COUNT_FAMILIES`; the
   plan's `measures_count` is another kind and is never compared). If the parts add up
   to more than the whole, the counts are *not additive*: either grants overlap (the same
   power delegated to several sections: nothing is wrong), or the figures disagree. With
   one reading that is not an error, the finding is `ambiguous`, not a failure. Counts are
   exact, so there is no tolerance.
"""

from __future__ import annotations

from dataclasses import dataclass

from pestle.checks.compare import satisfies, words
from pestle.checks.facts import Fact, collect
from pestle.checks.finding import Figure, Finding, Tolerance
from pestle.checks.inputs import CheckInputs, entity_evidence
from pestle.checks.locate import attribute_evidence, fact_evidence
from pestle.checks.match import norm
from pestle.checks.periods import label, same
from pestle.checks.units import amount, fmt, natural, unit_name
from pestle.model import Entity, Period

RULE = "additivity"


@dataclass(frozen=True)
class Partition:
    """A total whose parts, by definition, add up to it."""

    total: str
    component: str
    parts: tuple[str, ...]
    why: str


PARTITIONS: tuple[Partition, ...] = (
    Partition(
        total="GDP",
        component="added value",
        parts=("primary industry", "secondary industry", "tertiary industry"),
        why="GDP by the production approach is the value added of the three industries",
    ),
)


def check(inputs: CheckInputs) -> list[Finding]:
    findings: list[Finding] = []
    for partition in PARTITIONS:
        findings.extend(check_partition(inputs, partition))
    findings.extend(check_nested_counts(inputs))
    return findings


# -- partitions ---------------------------------------------------------------------------


def check_partition(inputs: CheckInputs, partition: Partition) -> list[Finding]:
    """One finding per period in which the document states parts of `partition`."""
    names = {norm(p) for p in partition.parts}
    facts = collect(inputs)
    parts = [
        f
        for f in facts
        if f.kind == "level" and f.measure == norm(partition.component) and f.part in names
    ]
    totals = [
        f
        for f in facts
        if f.kind == "level" and f.measure == norm(partition.total) and f.part is None
    ]
    periods = list(dict.fromkeys(f.period for f in parts))
    return [
        _partition_finding(
            inputs, partition, period, [f for f in parts if f.period == period], totals
        )
        for period in periods
    ]


def _partition_finding(
    inputs: CheckInputs,
    partition: Partition,
    period: Period | None,
    group: list[Fact],
    totals: list[Fact],
) -> Finding:
    slug = f"{norm(partition.total).replace(' ', '-')}-{label(period).replace(' ', '')}"
    title = f"{partition.total} ({label(period)}) = sum of {partition.component} by part"
    base = {"rule": RULE, "id": f"{RULE}:{slug}", "title": title}
    by_part: dict[str, Fact] = {}
    for fact in group:
        by_part.setdefault(fact.part or "", fact)
    evidence = tuple(fact_evidence(inputs, f) for f in by_part.values())
    if period is None:
        return Finding(
            **base,
            status="unknown",
            severity="warning",
            message=f"The {partition.component} figures state no period, so they cannot be "
            f"compared with any {partition.total}.",
            evidence=evidence,
        )
    missing = [p for p in partition.parts if norm(p) not in by_part]
    if missing:
        return Finding(
            **base,
            status="unknown",
            severity="info",
            message=f"Only {len(by_part)} of {len(partition.parts)} parts are stated for "
            f"{label(period)} (missing: {', '.join(missing)}); the sum cannot be checked.",
            evidence=evidence,
        )
    same_period = [t for t in totals if same(t.period, period).ok]
    if not same_period:
        others = sorted({label(t.period) for t in totals})
        hint = f" ({partition.total} is stated for: {', '.join(others)})" if others else ""
        return Finding(
            **base,
            status="unknown",
            severity="info",
            message=f"No {partition.total} is stated for {label(period)}{hint}; parts are "
            "never checked against the total of another period.",
            evidence=evidence,
        )
    total = same_period[0]
    ordered = [by_part[norm(p)] for p in partition.parts]
    scale = ordered[0].scale
    unit = unit_name(total.unit, scale)
    places = max(f.decimals for f in ordered)
    summed = sum(f.value for f in ordered)
    tol = sum(f.half_unit for f in ordered) + total.half_unit
    ok = satisfies(summed, total.qualifier, total.value, tol)
    terms = " + ".join(fmt(f.value / scale, f.decimals) for f in ordered)
    sum_text = f"{terms} = {amount(summed, total.unit, scale, places)}"
    total_text = f"{words(total.qualifier)}{amount(total.value, total.unit, scale, places)}"
    stated = f"{words(total.qualifier)}{natural(total.value, total.unit)}"
    if stated != total_text:
        total_text += f" (stated as {stated})"
    diff = summed - total.value
    if ok:
        message = (
            f"The {len(ordered)} parts add up to the stated {partition.total} of "
            f"{label(period)}: {sum_text}, against {total_text}."
        )
    else:
        message = (
            f"The {len(ordered)} parts add up to {amount(summed, total.unit, scale, places)}, "
            f"but the {partition.total} of {label(period)} is {total_text}: a difference of "
            f"{amount(diff, total.unit, scale, places)}, more than rounding allows."
        )
    return Finding(
        **base,
        status="pass" if ok else "fail",
        severity="info" if ok else "error",
        message=message,
        expected=Figure(value=total.value / scale, unit=unit, text=total_text),
        actual=Figure(value=summed / scale, unit=unit, text=sum_text),
        tolerance=Tolerance(
            value=tol / scale,
            unit=unit,
            why=f"rounding of {len(ordered) + 1} figures, half the last digit each; "
            f"{partition.why}",
        ),
        evidence=(*evidence, fact_evidence(inputs, total)),
    )


# -- nested counts ------------------------------------------------------------------------

#: Count nouns that name the same kind of thing (a power delegated is a permission received).
COUNT_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"power", "permission", "authority", "competence"}),
)


def _count(entity: Entity, attribute: str) -> int | float | None:
    value = entity.attributes.get(attribute)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def count_noun(attribute: str) -> str | None:
    """'permissions_count' -> 'permission'; None for attributes that are not counts."""
    if not attribute.endswith("_count"):
        return None
    noun = attribute[: -len("_count")].split("_")[-1]
    return noun[:-1] if noun.endswith("s") else noun


def same_kind(a: str, b: str) -> bool:
    na, nb = count_noun(a), count_noun(b)
    if na is None or nb is None:
        return False
    return na == nb or any(na in family and nb in family for family in COUNT_FAMILIES)


def _counts(entity: Entity) -> list[str]:
    return [a for a in entity.attributes if count_noun(a) and _count(entity, a) is not None]


def check_nested_counts(inputs: CheckInputs) -> list[Finding]:
    """Counts given to the parts of an entity against the count given to the entity.

    A part names its whole by any attribute holding the whole's id (`ftz: ftz_region`);
    what the whole received is a count attribute of the whole itself, or of an entity
    that gives to it (`target: ftz_region`), of the same kind (`COUNT_FAMILIES`).
    """
    ids = {e.id for e in inputs.entities}
    groups: dict[str, list[Entity]] = {}
    for entity in inputs.entities:
        for name, value in entity.attributes.items():
            if name != "target" and isinstance(value, str) and value in ids and _counts(entity):
                groups.setdefault(value, []).append(entity)
    findings = []
    for parent_id, children in groups.items():
        parent = inputs.entity(parent_id)
        if parent is None or len(children) < 2:
            continue
        givers = [parent] + [e for e in inputs.entities if e.attributes.get("target") == parent_id]
        for attr in sorted({a for c in children for a in _counts(c)}):
            parts = [c for c in children if _count(c, attr) is not None]
            wholes = [(g, a) for g in givers for a in _counts(g) if same_kind(a, attr)]
            if not wholes:
                findings.append(_no_whole(parent, parts, attr))
            findings.extend(nested_count_finding(inputs, g, a, parts, attr) for g, a in wholes)
    return findings


def _no_whole(parent: Entity, parts: list[Entity], attr: str) -> Finding:
    return Finding(
        rule=RULE,
        id=f"{RULE}:{parent.id}.{attr}",
        title=f"{parent.name}: {attr} of its parts",
        status="unknown",
        severity="info",
        message=f"The parts of {parent.name} state {attr}, but nothing in the case says how "
        f"many {parent.name} received in total; the parts cannot be checked.",
        evidence=tuple(entity_evidence(p, attr) for p in parts),
    )


def nested_count_finding(
    inputs: CheckInputs, whole: Entity, whole_attr: str, parts: list[Entity], part_attr: str
) -> Finding:
    """The parts' counts (`part_attr`) against the whole's count (`whole_attr`)."""
    total = _count(whole, whole_attr) or 0
    values = [_count(p, part_attr) or 0 for p in parts]
    summed = sum(values)
    terms = " + ".join(fmt(v, 0) for v in values)
    names = ", ".join(p.name for p in parts)
    noun_whole = (whole_attr.removesuffix("_count") or whole_attr).replace("_", " ")
    noun_part = (part_attr.removesuffix("_count") or part_attr).replace("_", " ")
    fid = f"{RULE}:{whole.id}.{whole_attr}-vs-{part_attr}"
    title = f"{noun_part} of {len(parts)} parts against the {fmt(total, 0)} {noun_whole} given"
    evidence = (
        *attribute_evidence(inputs, whole, whole_attr),
        *(e for p in parts for e in attribute_evidence(inputs, p, part_attr)),
    )
    common = {
        "rule": RULE,
        "id": fid,
        "title": title,
        "expected": Figure(
            value=float(total), unit="count", text=f"at most {fmt(total, 0)} {noun_whole}"
        ),
        "actual": Figure(value=float(summed), unit="count", text=f"{terms} = {fmt(summed, 0)}"),
        "tolerance": Tolerance(value=0, unit="count", why="counts are exact"),
        "evidence": evidence,
    }
    if summed <= total:
        return Finding(
            **common,
            status="pass",
            severity="info",
            message=f"The {noun_part} of {names} add up to {fmt(summed, 0)} ({terms}), not more "
            f"than the {fmt(total, 0)} {noun_whole} of {whole.name}.",
        )
    overlapping = (
        f"overlapping grants: the same {noun_whole} were given to several parts, so "
        f"{fmt(summed, 0)} counts grants, not distinct {noun_whole}; nothing is wrong"
    )
    return Finding(
        **common,
        status="fail",  # with a benign reading: reported `ambiguous` (see `Finding`)
        severity="warning",
        message=f"Not additive: the {noun_part} of {names} add up to {fmt(summed, 0)} "
        f"({terms}), more than the {fmt(total, 0)} {noun_whole} of {whole.name}, so they "
        f"cannot be read as a split of the {fmt(total, 0)}. Two readings: the same "
        f"{noun_whole} were granted to several parts (no error), or the figures disagree "
        "(an error); the document does not say which.",
        readings=(
            overlapping,
            f"the figures disagree: {fmt(total, 0)} and {terms} cannot both be complete "
            "counts of the same thing",
        ),
        benign_readings=(overlapping,),
    )
