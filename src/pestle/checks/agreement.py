"""Agreement: the same fact stated twice agrees, and stated statuses are still current.

1. **Restatements.** A case entity whose attribute is backed by evidence in two or more
   places (a base's capacity in two sections), or claims of the same measure, subject,
   and unit at different places with compatible periods (equal; for a stock such as a
   rated capacity, an undated statement also matches a dated one): every statement is
   read from the document's claims and compared with the first, within the rounding of
   both.
2. **Superseded statuses.** An entity whose `status` is the report's (a corridor
   "approved") and which reference data records as in operation since a date: a status
   earlier in the life cycle (planned < approved < under construction < in operation)
   is reported as outdated, with the date and, for context, the end of the latest
   period the document cites (the document is no older than that).
"""

from __future__ import annotations

from typing import Any

from pestle.checks.facts import Fact, collect
from pestle.checks.finding import Figure, Finding, Tolerance
from pestle.checks.inputs import (
    CheckInputs,
    StatusReference,
    attribute_label,
    attribute_unit,
    entity_evidence,
    reference_evidence,
    short_source,
)
from pestle.checks.locate import document, passage_evidence, quote_spans
from pestle.checks.match import norm
from pestle.checks.periods import label
from pestle.checks.said import Code, Num, Say, Text, Unit, english, join, said, say
from pestle.checks.units import half_unit, stated_scale, unit_name
from pestle.model import Claim, Entity

RULE = "agreement"

#: Life-cycle rank of a project status, as reports word them.
STATUS_RANK: dict[str, int] = {
    "planned": 0,
    "proposed": 0,
    "plan under evaluation": 0,
    "implementation plan under evaluation": 0,
    "under evaluation": 0,
    "approved": 1,
    "under construction": 2,
    "completed": 3,
    "in operation": 3,
    "operating": 3,
    "commissioned": 3,
}
_IN_SERVICE = 3

#: Units of stocks (a rated capacity): an undated statement is compatible with a dated one.
STOCK_UNITS = frozenset({"W"})


def check(inputs: CheckInputs) -> list[Finding]:
    findings, used = restated_entities(inputs)
    findings += restated_claims(inputs, used)
    findings += superseded_statuses(inputs)
    return findings


# -- restatements -------------------------------------------------------------------------


def _statement(inputs: CheckInputs, entity: Entity, link: Any, unit: str) -> Claim | None:
    """The claim an evidence link quotes (of the attribute's unit), if the extractor read it."""
    doc = document(inputs, link.document or None)
    if doc is None:
        return None
    value = entity.attributes.get(link.attribute)
    for start, end in quote_spans(inputs, doc, link.quote, link.section):
        inside = [c for c in doc.claims if start <= c.start and c.end <= end and c.unit == unit]
        if inside:
            return min(inside, key=lambda c: abs(c.value - float(value or 0)))
    return None


def restated_entities(inputs: CheckInputs) -> tuple[list[Finding], set[tuple[int, int]]]:
    findings, used = [], set()
    for entity in inputs.entities:
        attributes = sorted({e.attribute for e in entity.evidence if e.attribute})
        for attribute in attributes:
            links = [e for e in entity.evidence if e.attribute == attribute]
            value = entity.attributes.get(attribute)
            unit = attribute_unit(entity, attribute)
            if len(links) < 2 or unit is None or not isinstance(value, int | float):
                continue
            statements = [_statement(inputs, entity, link, unit) for link in links]
            used.update((c.start, c.end) for c in statements if c is not None)
            findings.append(_restatement(inputs, entity, attribute, links, statements))
    return findings, used


def _restatement(
    inputs: CheckInputs,
    entity: Entity,
    attribute: str,
    links: list[Any],
    statements: list[Claim | None],
) -> Finding:
    fid = f"{RULE}:{entity.id}.{attribute}"
    what = Code(code=attribute_label(attribute))
    title = said("title", "agreement.title", name=entity.name, what=what, count=len(links))
    base = {"rule": RULE, "id": fid, **title}
    read = [c for c in statements if c is not None]
    if len(read) < 2:
        return Finding(
            **base,
            status="unknown",
            severity="info",
            **said(
                "message",
                "agreement.unread",
                name=entity.name,
                count=len(links),
                what=what,
                unread=len(links) - len(read),
            ),
            evidence=(entity_evidence(entity, attribute),),
        )
    return _compare_statements(
        inputs, base, read, say("agreement.what", name=entity.name, what=what)
    )


def _compare_statements(
    inputs: CheckInputs, base: dict, read: list[Claim], what: str | Say
) -> Finding:
    first = read[0]
    scale = stated_scale(first)
    unit = unit_name(first.unit, scale)
    tol = max(half_unit(c) for c in read) + half_unit(first)
    bad = [c for c in read[1:] if abs(c.value - first.value) > tol]
    places = join(
        say("agreement.place", text=c.text, section=c.section)
        if c.section
        else say("agreement.place_document", text=c.text)
        for c in read
    )
    evidence = tuple(inputs.claim_evidence(c) for c in read)
    values = say(
        "agreement.values",
        values=join((Num(value=c.value / scale) for c in read), " and "),
        unit=Unit(unit=first.unit, scale=scale),
    )
    common = {
        **base,
        "expected": Figure(
            value=first.value / scale, unit=unit, **said("text", "agreement.first", text=first.text)
        ),
        "actual": Figure(
            value=(bad[0] if bad else read[-1]).value / scale,
            unit=unit,
            **said("text", "say", say=values),
        ),
        "tolerance": Tolerance(value=tol / scale, unit=unit, **said("why", "agreement.why")),
        "evidence": evidence,
    }
    if not bad:
        return Finding(
            **common,
            status="pass",
            severity="info",
            **said("message", "agreement.agrees", what=what, count=len(read), places=places),
        )
    return Finding(
        **common,
        status="fail",
        severity="error",
        **said(
            "message",
            "agreement.disagrees",
            what=what,
            count=len(read),
            values=values,
            places=places,
        ),
    )


def _period_groups(group: list[Fact], stock: bool) -> list[list[Fact]]:
    """Facts whose periods may be compared: equal periods; for a stock, an undated
    statement also goes with each dated one (a rated capacity does not change with time)."""
    if not stock:
        periods = list(dict.fromkeys(f.period for f in group))
        return [[f for f in group if f.period == p] for p in periods]
    dated = list(dict.fromkeys(f.period for f in group if f.period is not None))
    if not dated:
        return [group]
    return [[f for f in group if f.period in (p, None)] for p in dated]


def restated_claims(inputs: CheckInputs, used: set[tuple[int, int]]) -> list[Finding]:
    """Claims of the same measure, subject and unit stated at different places, with
    compatible periods (see `_period_groups`)."""
    groups: dict[tuple, list[Fact]] = {}
    for fact in collect(inputs):
        if fact.claim is None or fact.entity is not None or not fact.part:
            continue
        key = (fact.measure, fact.kind, fact.part, fact.unit)
        groups.setdefault(key, []).append(fact)
    findings = []
    for (measure, _kind, part, unit), group in groups.items():
        for members in _period_groups(group, stock=unit in STOCK_UNITS):
            claims = [f.claim for f in members if f.claim is not None]
            spans = {(c.start, c.end) for c in claims}
            if len(spans) < 2 or spans <= used:
                continue
            period = next((f.period for f in members if f.period is not None), None)
            fid = f"{RULE}:{norm(part).replace(' ', '-')}.{measure.replace(' ', '-')}"
            base = {
                "rule": RULE,
                "id": f"{fid}-{label(period).replace(' ', '')}" if period else fid,
                "title": f"{part}: {measure} stated {len(claims)} times",
            }
            findings.append(_compare_statements(inputs, base, claims, f"{part} {measure}"))
    return findings


# -- superseded statuses ------------------------------------------------------------------


def _status_reference(inputs: CheckInputs, entity: Entity) -> StatusReference | None:
    linked = {link.reference for link in getattr(entity, "references", ())}
    for ref in inputs.statuses:
        if ref.id in linked:
            return ref
    name = norm(entity.name)
    return next((r for r in inputs.statuses if norm(r.name) and norm(r.name) in name), None)


def superseded_statuses(inputs: CheckInputs) -> list[Finding]:
    findings = []
    for entity in inputs.entities:
        status = entity.attributes.get("status")
        if not isinstance(status, str):
            continue
        ref = _status_reference(inputs, entity)
        since = ref.in_operation if ref else entity.attributes.get("in_operation")
        if not isinstance(since, str) or not since:
            continue
        findings.append(status_finding(inputs, entity, status, since, ref))
    return findings


def status_finding(
    inputs: CheckInputs,
    entity: Entity,
    status: str,
    since: str,
    ref: StatusReference | None,
) -> Finding:
    words = status.replace("_", " ")
    rank = STATUS_RANK.get(norm(words))
    code = Code(code=status.replace(" ", "_"))
    source = say("agreement.source", source=short_source(ref.source)) if ref else Text(text="")
    since_words = say("agreement.since", since=since, source=source)
    evidence: list = [entity_evidence(entity, "status")]
    quoted = passage_evidence(inputs, entity)
    if quoted is not None:
        evidence.append(quoted)
    evidence.append(reference_evidence(ref) if ref else entity_evidence(entity, "in_operation"))
    latest = latest_period_end(inputs)
    base = {
        "rule": RULE,
        "id": f"{RULE}:{entity.id}.status",
        **said("title", "agreement.status_title", name=entity.name, status=code),
        "expected": Figure(**said("text", "say", say=since_words)),
        "actual": Figure(**said("text", "agreement.status_stated", status=code)),
        "evidence": tuple(evidence),
    }
    if rank is None:
        return Finding(
            **base,
            status="unknown",
            severity="info",
            **said("message", "agreement.status_unknown", status=code, since=since_words),
        )
    if rank >= _IN_SERVICE:
        return Finding(
            **base,
            status="pass",
            severity="info",
            **said(
                "message",
                "agreement.status_agrees",
                name=entity.name,
                status=code,
                since=since_words,
            ),
        )
    if latest and since > latest:
        when = say("agreement.status_after", latest=latest)
    elif latest:
        when = say("agreement.status_before", latest=latest)
    else:
        when = say("say", say="")
    reading = say("agreement.status_reading", since=since)
    return Finding(
        **base,
        status="fail",
        severity="warning",
        **said(
            "message",
            "agreement.status_outdated",
            name=entity.name,
            status=code,
            since=since_words,
            when=when,
        ),
        readings=(english(reading),),
        readings_said=(reading,),
    )


def latest_period_end(inputs: CheckInputs) -> str | None:
    """The latest day any dated figure of the case reaches: the document is no older."""
    ends = [f.period.end for f in collect(inputs) if f.period is not None and f.document]
    return max(ends).isoformat() if ends else None
