"""Shares: proportions are added up only within one dimension.

A trade-structure table may mix categories of different dimensions: a trade mode
("general trade", 54.9 %), a product category ("electromechanical products", 40.2 %),
a zone channel ("Northport bonded logistics", 5.2 %). Categories of different dimensions
overlap (electromechanical exports travel under general trade), so their shares are
never added: 54.9 + 40.2 + 5.2 + 0.4 = 100.7 % would be a false alarm.

Which dimension a category belongs to is case data: an entity with attribute
`dimension` and a share attribute (`share_pct`), or a share claim whose subject is the
name of such an entity. Within one dimension (and one period) the shares must not
exceed 100 %; the tolerance is their rounding (half the last digit each). A share whose
dimension the case does not give is reported `unknown`, and added to nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from pestle.checks.facts import Fact, as_period, collect
from pestle.checks.finding import ClaimEvidence, EntityEvidence, Figure, Finding, Tolerance
from pestle.checks.inputs import CheckInputs, entity_evidence
from pestle.checks.locate import fact_evidence, locate
from pestle.checks.match import norm
from pestle.checks.periods import label
from pestle.checks.said import Code, Join, Num, Text, join, said, say, when
from pestle.checks.units import reference_half_unit, stated_number
from pestle.model import Entity, Period

RULE = "shares"

SHARE_ATTRIBUTES = ("share_pct", "share", "proportion_pct", "proportion")


@dataclass(frozen=True)
class Share:
    name: str
    dimension: str | None
    period: Period | None
    value: float
    half_unit: float
    decimals: int
    evidence: tuple[ClaimEvidence | EntityEvidence, ...]


def _entity_share(inputs: CheckInputs, entity: Entity) -> Share | None:
    attr = next((a for a in SHARE_ATTRIBUTES if a in entity.attributes), None)
    value = entity.attributes.get(attr) if attr else None
    if attr is None or isinstance(value, bool) or not isinstance(value, int | float):
        return None
    where = locate(inputs, entity, attr, float(value), "%")
    number = stated_number(where.written) if where.written else None
    fact = Fact(
        measure="share",
        kind="share",
        part=norm(entity.name),
        period=as_period(entity.attributes.get("period")),
        value=float(value),
        unit="%",
        name=entity.name,
        written=where.written,
        document=where.document,
        span=where.span,
        section=where.section,
        claim=where.claim,
        entity=entity,
    )
    dimension = entity.attributes.get("dimension")
    return Share(
        name=entity.name,
        dimension=dimension if isinstance(dimension, str) else None,
        period=fact.period,
        value=float(value),
        half_unit=fact.half_unit if number else reference_half_unit(float(value)),
        decimals=number[1] if number else 1,
        evidence=(fact_evidence(inputs, fact), entity_evidence(entity, "dimension")),
    )


def collect_shares(inputs: CheckInputs) -> list[Share]:
    """Shares from categorised entities, then share claims not already covered."""
    shares: list[Share] = []
    by_name: dict[str, Entity] = {}
    for entity in inputs.entities:
        share = _entity_share(inputs, entity)
        if isinstance(entity.attributes.get("dimension"), str):
            by_name[norm(entity.name)] = entity
        if share is not None:
            shares.append(share)
    covered = {(e.document, e.start) for s in shares for e in s.evidence if e.kind == "claim"}
    for fact in collect(inputs):
        if fact.kind != "share" or fact.whole is not None or fact.entity is not None:
            continue
        if fact.span is not None and (fact.document, fact.span[0]) in covered:
            continue
        entity = by_name.get(fact.part or "")
        if entity is not None and any(s.name == entity.name for s in shares):
            continue
        dimension = entity.attributes.get("dimension") if entity else None
        shares.append(
            Share(
                name=fact.part or fact.name,
                dimension=dimension if isinstance(dimension, str) else None,
                period=fact.period,
                value=fact.value,
                half_unit=fact.half_unit,
                decimals=fact.decimals,
                evidence=(fact_evidence(inputs, fact),),
            )
        )
    return shares


def check(inputs: CheckInputs) -> list[Finding]:
    shares = collect_shares(inputs)
    groups: dict[tuple[str, Period | None], list[Share]] = {}
    loose = [s for s in shares if s.dimension is None]
    for share in shares:
        if share.dimension is not None:
            groups.setdefault((share.dimension, share.period), []).append(share)
    dimensions = sorted({d for d, _ in groups})
    findings = [
        dimension_finding(dim, period, group, [d for d in dimensions if d != dim])
        for (dim, period), group in groups.items()
    ]
    if loose:
        findings.append(_loose_finding(loose))
    return findings


def dimension_finding(
    dimension: str, period: Period | None, group: list[Share], others: list[str]
) -> Finding:
    name = Code(code=dimension)
    summed = sum(s.value for s in group)
    tol = sum(s.half_unit for s in group)
    places = max(s.decimals for s in group)
    terms = join((Num(value=s.value, places=s.decimals) for s in group), " + ")
    listing = _listing(group)
    when_ = when(period)
    ok = summed <= 100 + tol
    apart = (
        say("shares.apart", others=join((Code(code=o) for o in others), ", "))
        if others
        else Text(text="")
    )
    total = Num(value=summed, places=places)
    common = {"name": name, "period": when_, "total": total, "listing": listing, "apart": apart}
    message = say("shares.pass" if ok else "shares.fail", **common)
    slug = label(period).replace(" ", "") if period else ""
    return Finding(
        rule=RULE,
        id=f"{RULE}:{dimension}" + (f"-{slug}" if period else ""),
        **said("title", "shares.title", name=name, period=when_),
        status="pass" if ok else "fail",
        severity="info" if ok else "error",
        **said("message", "say", say=message),
        expected=Figure(value=100.0, unit="%", **said("text", "shares.at_most")),
        actual=Figure(
            value=summed, unit="%", **said("text", "shares.sum", terms=terms, total=total)
        ),
        tolerance=Tolerance(value=tol, unit="pp", **said("why", "shares.why")),
        evidence=tuple(e for s in group for e in s.evidence),
    )


def _listing(shares: list[Share]) -> Join:
    return join(
        (
            say("shares.item", name=s.name, value=Num(value=s.value, places=s.decimals))
            for s in shares
        ),
        ", ",
    )


def _loose_finding(loose: list[Share]) -> Finding:
    return Finding(
        rule=RULE,
        id=f"{RULE}:no-dimension",
        **said("title", "shares.loose_title"),
        status="unknown",
        severity="warning",
        **said("message", "shares.loose", count=len(loose), listing=_listing(loose)),
        evidence=tuple(e for s in loose for e in s.evidence),
    )
