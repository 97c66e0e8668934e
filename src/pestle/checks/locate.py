"""Where a case's figures are written: quotes, spans, and the evidence a finding cites.

Entities link to their documents by quote (`EvidenceRef`: document, section, quote). A
quote is found as whole words and numbers ("5.2" is not inside "65.2"), preferably in the
section it names; inside it, the figure is the extractor's claim of the same value and
unit, or else the number that, times a power of ten, gives the entity's value. Every
rule cites its evidence through these functions, so a finding always points at the
characters of the document it rests on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pestle.checks.finding import ClaimEvidence, EntityEvidence, PassageEvidence
from pestle.checks.inputs import CheckInputs, DocumentText, attribute_unit, entity_evidence
from pestle.checks.units import power_of_ten
from pestle.model import Claim, Entity

if TYPE_CHECKING:
    from pestle.checks.facts import Fact


def document(inputs: CheckInputs, doc_id: str | None) -> DocumentText | None:
    """The document `doc_id` of the inputs (None: the first, as case links default)."""
    if not inputs.documents:
        return None
    if doc_id is None:
        return inputs.documents[0]
    return next((d for d in inputs.documents if d.id == doc_id), None)


def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Spans of `quote` in `text` as whole words/numbers, any white space matching any.

    "5.2" is not found inside "65.2", nor "Three" inside "Threefold".
    """
    words = quote.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    if quote.strip()[0].isalnum():
        pattern = r"(?<!\w)(?<!\d[.,])" + pattern
    if quote.strip()[-1].isalnum():
        pattern += r"(?!\w)(?![.,]\d)"
    return [m.span() for m in re.finditer(pattern, text)]


def quote_spans(
    inputs: CheckInputs, doc: DocumentText, quote: str, section: str | None
) -> list[tuple[int, int]]:
    """Spans of a quote, those inside the named section first (if the section is known)."""
    spans = find_quote(doc.text, quote)
    parsed = inputs.parsed(doc) if section else None
    bounds = [(s.start, s.end) for s in getattr(parsed, "sections", ()) or () if s.title == section]
    if not bounds:
        return spans
    inside = [sp for sp in spans if any(a <= sp[0] and sp[1] <= b for a, b in bounds)]
    return inside or spans


_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _written_figure(
    text: str, span: tuple[int, int], value: float, unit: str
) -> tuple[str, int, int] | None:
    """The figure in text[span] that, times a power of ten, gives `value`."""
    for m in _NUM.finditer(text, *span):
        number = float(m.group().replace(",", ""))
        if number == 0:
            if value == 0:
                return m.group(), m.start(), m.end()
            continue
        ratio = value / number
        if unit in ("%", "pp", "count"):
            if abs(ratio - 1) < 1e-9:
                return m.group(), m.start(), m.end()
            continue
        if ratio > 0 and abs(ratio / 10.0 ** power_of_ten(ratio) - 1) < 1e-9:
            return m.group(), m.start(), m.end()
    return None


def _claims_within(doc: DocumentText, span: tuple[int, int]) -> list[Claim]:
    return [c for c in doc.claims if span[0] <= c.start and c.end <= span[1]]


@dataclass(frozen=True)
class Located:
    document: str | None
    span: tuple[int, int] | None
    written: str | None
    section: str | None
    claim: Claim | None


def locate(inputs: CheckInputs, entity: Entity, attribute: str, value: float, unit: str) -> Located:
    """Where a case entity's attribute is written: the quote of its evidence link."""
    links = [e for e in entity.evidence if e.attribute == attribute] or [
        e for e in entity.evidence if e.attribute is None
    ]
    fallback: Located | None = None
    for link in links:
        doc = document(inputs, link.document if link.document else None)
        if doc is None:
            continue
        for span in quote_spans(inputs, doc, link.quote, link.section):
            claims = [
                c
                for c in _claims_within(doc, span)
                if c.unit == unit and abs(c.value - value) <= 1e-9 * max(1.0, abs(value))
            ]
            if claims:
                c = claims[0]
                return Located(doc.id, (c.start, c.end), c.text, link.section, c)
            figure = _written_figure(doc.text, span, value, unit)
            if figure:
                token, start, end = figure
                return Located(doc.id, (start, end), token, link.section, None)
            if fallback is None:
                fallback = Located(doc.id, span, None, link.section, None)
    if fallback is not None:
        return fallback
    first = links[0] if links else None
    return Located(
        first.document if first and first.document else None,
        None,
        None,
        first.section if first else None,
        None,
    )


def passage_evidence(inputs: CheckInputs, entity: Entity) -> PassageEvidence | None:
    """The first passage an entity's evidence quotes, located in its document."""
    for link in entity.evidence:
        doc = document(inputs, link.document if link.document else None)
        spans = quote_spans(inputs, doc, link.quote, link.section) if doc is not None else []
        if doc is not None and spans:
            start, end = spans[0]
            return PassageEvidence(
                document=doc.id,
                section=link.section,
                text=doc.text[start:end],
                start=start,
                end=end,
                entity=entity.id,
            )
    return None


def attribute_evidence(
    inputs: CheckInputs, entity: Entity, attribute: str
) -> tuple[ClaimEvidence | EntityEvidence, ...]:
    """An entity attribute and, when its evidence link is found, the figure in the document."""
    value = entity.attributes.get(attribute)
    unit = attribute_unit(entity, attribute)
    own = entity_evidence(entity, attribute)
    if isinstance(value, bool) or not isinstance(value, int | float) or unit is None:
        return (own,)
    where = locate(inputs, entity, attribute, float(value), unit)
    if where.span is None or where.document is None:
        return (own,)
    doc = document(inputs, where.document)
    text = doc.text[where.span[0] : where.span[1]] if doc else (where.written or "")
    return (
        ClaimEvidence(
            document=where.document,
            section=where.section,
            text=text,
            start=where.span[0],
            end=where.span[1],
            quote=inputs.sentence_at(where.document, where.span[0], where.span[1]),
            value=float(value),
            unit=unit,
            measure=attribute,
            subject=entity.name,
            entity=entity.id,
        ),
        own,
    )


def fact_evidence(inputs: CheckInputs, fact: Fact) -> ClaimEvidence:
    """The evidence of a fact: its claim, or the figure's span in the document."""
    entity = fact.entity.id if fact.entity is not None else None
    if fact.claim is not None:
        return inputs.claim_evidence(fact.claim).model_copy(update={"entity": entity})
    doc = document(inputs, fact.document)
    if doc is not None and fact.span is not None:
        start, end = fact.span
        text = doc.text[start:end]
        quote = inputs.sentence_at(doc.id, start, end)
    else:
        start = end = 0
        text = fact.written or ""
        quote = ""
    return ClaimEvidence(
        document=doc.id if doc is not None else fact.document,
        section=fact.section,
        text=text,
        start=start,
        end=end if text else start,
        quote=quote,
        value=fact.value,
        unit=fact.unit,
        qualifier=fact.qualifier,
        measure=fact.name or fact.measure,
        subject=fact.part,
        period=fact.period.iso() if fact.period else None,
        entity=entity,
    )
