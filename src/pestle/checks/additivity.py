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

from pestle.checks.compare import satisfies
from pestle.checks.facts import Fact, collect
from pestle.checks.finding import Figure, Finding, Tolerance
from pestle.checks.inputs import CheckInputs, entity_evidence
from pestle.checks.locate import attribute_evidence, fact_evidence
from pestle.checks.match import norm
from pestle.checks.periods import label, same
from pestle.checks.said import Amount, Code, Natural, Num, Say, Text, english, join, said, say, when
from pestle.checks.units import unit_name
from pestle.model import Entity, Period

RULE = "additivity"


@dataclass(frozen=True)
class Partition:
    """A total whose parts, by definition, add up to it."""

    total: str
    component: str
    parts: tuple[str, ...]
    why: str  # a message code (pestle.checks.messages)


PARTITIONS: tuple[Partition, ...] = (
    Partition(
        total="GDP",
        component="added value",
        parts=("primary industry", "secondary industry", "tertiary industry"),
        why="additivity.production_approach",
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
    when_ = when(period)
    title = said(
        "title",
        "additivity.title",
        total=Code(code=partition.total),
        period=when_,
        component=Code(code=partition.component),
    )
    base = {"rule": RULE, "id": f"{RULE}:{slug}", **title}
    by_part: dict[str, Fact] = {}
    for fact in group:
        by_part.setdefault(fact.part or "", fact)
    evidence = tuple(fact_evidence(inputs, f) for f in by_part.values())
    if period is None:
        return Finding(
            **base,
            status="unknown",
            severity="warning",
            **said(
                "message",
                "additivity.no_period",
                component=Code(code=partition.component),
                total=Code(code=partition.total),
            ),
            evidence=evidence,
        )
    missing = [p for p in partition.parts if norm(p) not in by_part]
    if missing:
        return Finding(
            **base,
            status="unknown",
            severity="info",
            **said(
                "message",
                "additivity.missing",
                stated=len(by_part),
                parts=len(partition.parts),
                period=when_,
                missing=join(missing, ", "),
            ),
            evidence=evidence,
        )
    same_period = [t for t in totals if same(t.period, period).ok]
    if not same_period:
        others = {label(t.period): when(t.period) for t in totals}
        hint = (
            say(
                "additivity.stated_for",
                total=Code(code=partition.total),
                periods=join((others[k] for k in sorted(others)), ", "),
            )
            if others
            else Text(text="")
        )
        return Finding(
            **base,
            status="unknown",
            severity="info",
            **said(
                "message",
                "additivity.no_total",
                total=Code(code=partition.total),
                period=when_,
                hint=hint,
            ),
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
    terms = join((Num(value=f.value / scale, places=f.decimals) for f in ordered), " + ")
    sum_amount = Amount(value=summed, unit=total.unit, scale=scale, places=places)
    sum_text = say("additivity.sum", terms=terms, sum=sum_amount)
    total_amount = Amount(
        value=total.value, unit=total.unit, scale=scale, places=places, qualifier=total.qualifier
    )
    stated = Natural(value=total.value, unit=total.unit, qualifier=total.qualifier)
    total_text: Say = say("say", say=total_amount)
    if english(stated) != english(total_amount):
        total_text = say("additivity.stated_as", total=total_amount, stated=stated)
    diff = summed - total.value
    if ok:
        message = say(
            "additivity.adds_up",
            count=len(ordered),
            total=Code(code=partition.total),
            period=when_,
            sum=sum_text,
            against=total_text,
        )
    else:
        message = say(
            "additivity.does_not_add_up",
            count=len(ordered),
            sum=sum_amount,
            total=Code(code=partition.total),
            period=when_,
            against=total_text,
            diff=Amount(value=diff, unit=total.unit, scale=scale, places=places),
        )
    return Finding(
        **base,
        status="pass" if ok else "fail",
        severity="info" if ok else "error",
        **said("message", "say", say=message),
        expected=Figure(
            value=total.value / scale, unit=unit, **said("text", "say", say=total_text)
        ),
        actual=Figure(value=summed / scale, unit=unit, **said("text", "say", say=sum_text)),
        tolerance=Tolerance(
            value=tol / scale,
            unit=unit,
            **said("why", "additivity.why", count=len(ordered) + 1, why=say(partition.why)),
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
        **said("title", "additivity.no_whole_title", name=parent.name, attribute=attr),
        status="unknown",
        severity="info",
        **said("message", "additivity.no_whole", name=parent.name, attribute=attr),
        evidence=tuple(entity_evidence(p, attr) for p in parts),
    )


def nested_count_finding(
    inputs: CheckInputs, whole: Entity, whole_attr: str, parts: list[Entity], part_attr: str
) -> Finding:
    """The parts' counts (`part_attr`) against the whole's count (`whole_attr`)."""
    total = _count(whole, whole_attr) or 0
    values = [_count(p, part_attr) or 0 for p in parts]
    summed = sum(values)
    terms = join((Num(value=v, places=0) for v in values), " + ")
    names = join((p.name for p in parts), ", ")
    noun_whole = Code(code=whole_attr.removesuffix("_count") or whole_attr)
    noun_part = Code(code=part_attr.removesuffix("_count") or part_attr)
    fid = f"{RULE}:{whole.id}.{whole_attr}-vs-{part_attr}"
    n_total, n_summed = Num(value=total, places=0), Num(value=summed, places=0)
    title = said(
        "title",
        "additivity.counts_title",
        part=noun_part,
        parts=len(parts),
        total=n_total,
        whole=noun_whole,
    )
    evidence = (
        *attribute_evidence(inputs, whole, whole_attr),
        *(e for p in parts for e in attribute_evidence(inputs, p, part_attr)),
    )
    common = {
        "rule": RULE,
        "id": fid,
        **title,
        "expected": Figure(
            value=float(total),
            unit="count",
            **said("text", "additivity.at_most", total=n_total, whole=noun_whole),
        ),
        "actual": Figure(
            value=float(summed),
            unit="count",
            **said("text", "additivity.sum", terms=terms, sum=n_summed),
        ),
        "tolerance": Tolerance(value=0, unit="count", **said("why", "additivity.exact")),
        "evidence": evidence,
    }
    # what the message says, whether the counts add up or not
    counted = {
        "part": noun_part,
        "names": names,
        "sum": n_summed,
        "terms": terms,
        "total": n_total,
        "whole": noun_whole,
        "name": whole.name,
    }
    if summed <= total:
        return Finding(
            **common,
            status="pass",
            severity="info",
            **said("message", "additivity.counts_pass", **counted),
        )
    overlapping = say("additivity.overlapping", whole=noun_whole, sum=n_summed)
    disagree = say("additivity.disagree", total=n_total, terms=terms)
    return Finding(
        **common,
        status="fail",  # with a benign reading: reported `ambiguous` (see `Finding`)
        severity="warning",
        **said("message", "additivity.counts_fail", **counted),
        readings=(english(overlapping), english(disagree)),
        readings_said=(overlapping, disagree),
        benign_readings=(english(overlapping),),
    )
