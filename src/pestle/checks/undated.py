"""The `periods` rule: figures that need a period and state none.

Every comparison of the other rules asks `periods` whether its two periods are
compatible, and reports `unknown` when they are not. This rule makes the remaining
gap visible: amounts over time (money, energy, tonnes) and rates (%, percentage points)
that state no period at all can be compared with nothing dated. They are listed by
section, `unknown` with severity `warning`; when every such figure is dated, the rule
passes. Capacities (W) and counts are stocks, dated by their own attributes, not here.
"""

from __future__ import annotations

from pestle.checks.facts import collect
from pestle.checks.finding import ClaimEvidence, Finding
from pestle.checks.inputs import CheckInputs
from pestle.checks.locate import fact_evidence, locate
from pestle.checks.said import join, said, say
from pestle.checks.units import fmt
from pestle.model import Entity

RULE = "periods"

FLOW_UNITS = frozenset({"CNY", "USD", "Wh", "t", "kg", "%", "pp"})


def _entity_rates(inputs: CheckInputs, entity: Entity) -> list[ClaimEvidence]:
    """Percent attributes of an entity that has no `period` (a category's share, growth)."""
    if "period" in entity.attributes or "measure" in entity.attributes:
        return []
    out = []
    for name, value in entity.attributes.items():
        if not name.endswith("_pct") or isinstance(value, bool):
            continue
        if not isinstance(value, int | float):
            continue
        where = locate(inputs, entity, name, float(value), "%")
        out.append(
            ClaimEvidence(
                document=where.document,
                section=where.section,
                text=where.written or fmt(value),
                start=where.span[0] if where.span else 0,
                end=where.span[1] if where.span else len(where.written or fmt(value)),
                quote=inputs.sentence_at(where.document, where.span[0]) if where.span else "",
                value=float(value),
                unit="%",
                measure=f"{entity.name}: {name.removesuffix('_pct').replace('_', ' ')}",
                subject=entity.name,
                entity=entity.id,
            )
        )
    return out


def undated(inputs: CheckInputs) -> list[ClaimEvidence]:
    found: list[ClaimEvidence] = []
    for fact in collect(inputs):
        if fact.period is None and fact.unit in FLOW_UNITS and fact.whole is None:
            found.append(fact_evidence(inputs, fact))
    for entity in inputs.entities:
        found.extend(_entity_rates(inputs, entity))
    seen: set[tuple[str | None, int, int]] = set()
    unique = []
    for e in found:
        key = (e.document, e.start, e.end)
        if e.end > e.start and key in seen:
            continue
        seen.add(key)
        unique.append(e)
    return unique


def check(inputs: CheckInputs) -> list[Finding]:
    missing = undated(inputs)
    if not missing:
        return [
            Finding(
                rule=RULE,
                id=f"{RULE}:all-dated",
                **said("title", "undated.all_title"),
                status="pass",
                severity="info",
                **said("message", "undated.all"),
            )
        ]
    by_section: dict[str, list[ClaimEvidence]] = {}
    for e in missing:
        by_section.setdefault(e.section or "(no section)", []).append(e)
    findings = []
    for section, items in by_section.items():
        named: dict[str, list[str]] = {}
        for e in items:
            named.setdefault(e.subject or e.measure or "figure", []).append(e.text)
        listing = join(
            say("undated.item", name=name, texts=join(texts, ", ")) for name, texts in named.items()
        )
        slug = "-".join(section.lower().split()[:4])
        findings.append(
            Finding(
                rule=RULE,
                id=f"{RULE}:{slug}",
                **said("title", "undated.title", section=section),
                status="unknown",
                severity="warning",
                **said(
                    "message", "undated.some", count=len(items), section=section, listing=listing
                ),
                evidence=tuple(items),
            )
        )
    return findings
