"""Facts: the stated quantities of a case in one shape, whatever they were read from.

A case states quantities two ways: as claims the extractor read from a document
(measure "added value", subject "Primary Industry") and as curated indicator entities
(measure "added value, primary industry", subject "Northland"). Both become a `Fact`:

    measure  the base measure, normalised        "gdp", "added value", "share"
    kind     level | growth | gap | share        "growth" for "GDP growth, year on year"
    part     the part of the region it is about  "primary industry"; None = whole region
    whole    for a share, what it is a share of  "gdp"

Each fact keeps where it was written (document, span of the figure, the figure as
written — "1,878.48" — which gives its rounding and the unit scale the document used).
An indicator entity and the claim it links to are one fact, not two.

Fractions in words ("more than half of the region's GDP") are facts too: a share with
its qualifier, about the quantity stated just before it in the same sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pestle.checks.inputs import CheckInputs, DocumentText, Reference, sentence_bounds
from pestle.checks.locate import locate
from pestle.checks.match import is_region, norm
from pestle.checks.units import half_unit, power_of_ten, reference_half_unit, stated_number
from pestle.model import Claim, Entity, Period

Kind = Literal["level", "growth", "gap", "share"]

_DROP_CHUNKS = {"year on year", "yoy", "at constant prices", "constant prices", "nominal"}
_GAP = re.compile(
    r"^(?P<base>.*?)\s*(?P<how>gap to|above|higher than|below|lower than)\s+(?:the\s+)?"
    r"national average$"
)
_SHARE_OF = re.compile(r"^(?:share|proportion) of (?P<whole>.+)$")
_REGION_WORDS = ("the region", "regional", "region", "the autonomous region")

_FRACTIONS: dict[str, float] = {
    "half": 50.0,
    "a half": 50.0,
    "one half": 50.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "one-third": 100 / 3,
    "two thirds": 200 / 3,
    "two-thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three quarters": 75.0,
    "a fifth": 20.0,
    "one fifth": 20.0,
}
_FRACTION_QUALIFIERS: dict[str, str] = {
    "more than": ">",
    "over": ">",
    "above": ">",
    "at least": ">=",
    "less than": "<",
    "under": "<",
    "below": "<",
    "nearly": "~",
    "almost": "~",
    "about": "~",
    "around": "~",
    "roughly": "~",
}
FRACTION_RE = re.compile(
    r"\b(?:(?P<q>"
    + "|".join(sorted(_FRACTION_QUALIFIERS, key=len, reverse=True))
    + r")\s+)?(?P<f>"
    + "|".join(sorted((re.escape(f) for f in _FRACTIONS), key=len, reverse=True))
    + r")\s+of\s+(?P<whole>[^.,;:]+)",
    re.IGNORECASE,
)
#: What follows a share claim to name its whole: "[%] of the region's GDP".
_SHARE_WHOLE = re.compile(r"\s*(?:%|percent|per cent)?\s+of\s+(?P<whole>[^.,;:]+)", re.IGNORECASE)
#: Phrases naming the whole of a share, mapped to the measure they mean.
_WHOLE_MEASURES: tuple[tuple[str, str], ...] = (
    ("gross domestic product", "gdp"),
    ("gdp", "gdp"),
    ("import and export", "total import and export value"),
    ("foreign trade", "total import and export value"),
)


@dataclass(frozen=True)
class Fact:
    """One stated quantity in the checks' shape (see the module docstring)."""

    measure: str
    kind: Kind
    part: str | None
    period: Period | None
    value: float
    unit: str
    qualifier: str = "="
    whole: str | None = None
    sign: int = 1
    basis: str | None = None
    name: str = ""
    written: str | None = None
    document: str | None = None
    span: tuple[int, int] | None = None
    section: str | None = None
    claim: Claim | None = field(default=None, compare=False)
    entity: Entity | None = field(default=None, compare=False)

    @property
    def scale(self) -> float:
        """The power of ten the written figure was multiplied by (1e8 for '100 million')."""
        if self.unit in ("%", "pp", "count"):
            return 1.0
        number = stated_number(self.written) if self.written else None
        if number and number[0] and self.value:
            return 10.0 ** power_of_ten(self.value / number[0])
        return 1.0

    @property
    def decimals(self) -> int:
        number = stated_number(self.written) if self.written else None
        return number[1] if number else 0

    @property
    def half_unit(self) -> float:
        """The rounding the written figure carries, in canonical units."""
        if self.claim is not None:
            return half_unit(self.claim)
        if self.unit == "count":
            return 0.0
        if self.written and stated_number(self.written):
            return 0.5 * 10.0 ** (-self.decimals) * self.scale
        return reference_half_unit(self.value)

    @property
    def is_real_growth(self) -> bool:
        """Growth at constant prices (stated so, or GDP/value added by convention)."""
        basis = norm(self.basis)
        if "current" in basis or "nominal" in basis:
            return False
        return "constant" in basis or self.measure in ("gdp", "added value")


# -- measures -------------------------------------------------------------------------


def _strip_region(text: str, region: str | None) -> str:
    words = norm(text)
    for phrase in (*_REGION_WORDS, norm(region)):
        if phrase and words.startswith(phrase + " "):
            words = words[len(phrase) + 1 :]
    if region:
        first = norm(region).split()[0]
        if words.startswith(first + " "):
            words = words[len(first) + 1 :]
    return words


def whole_measure(phrase: str) -> str | None:
    """'the region's GDP' -> 'gdp'; None when the phrase names no known measure."""
    text = norm(phrase)
    return next((m for key, m in _WHOLE_MEASURES if key in text), None)


def parse_measure(
    measure: str, subject: str | None, region: str | None
) -> tuple[str, Kind, str | None, str | None, int]:
    """(base measure, kind, part, whole, sign) of a measure phrase and its subject."""
    chunks = [norm(c) for c in measure.split(",")]
    head, rest = chunks[0], [c for c in chunks[1:] if c and c not in _DROP_CHUNKS]
    kind: Kind = "level"
    whole: str | None = None
    sign = 1
    gap = _GAP.match(head)
    if gap:
        kind, whole, head = "gap", "national", gap.group("base")
        sign = -1 if gap.group("how") in ("below", "lower than") else 1
    for suffix in (" growth rate", " growth"):
        if head.endswith(suffix):
            head = head[: -len(suffix)]
            kind = "gap" if kind == "gap" else "growth"
            break
    share = _SHARE_OF.match(head)
    if share:
        kind, head = "share", "share"
        whole = whole_measure(share.group("whole")) or _strip_region(share.group("whole"), region)
    elif head in ("share", "proportion"):
        kind, head = "share", "share"
    part = rest[0] if rest else None
    if part is None and subject and not is_region(subject, region):
        part = norm(subject)
    return head, kind, part, whole, sign


# -- building facts ---------------------------------------------------------------------


def as_period(value: object) -> Period | None:
    if isinstance(value, Period):
        return value
    if isinstance(value, str) and "/" in value:
        try:
            return Period.parse(value)
        except ValueError:
            return None
    return None


def _entity_fact(inputs: CheckInputs, entity: Entity) -> Fact | None:
    attrs = entity.attributes
    measure, value, unit = attrs.get("measure"), attrs.get("value"), attrs.get("unit")
    if not isinstance(measure, str) or not isinstance(unit, str):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    subject = attrs.get("subject") if isinstance(attrs.get("subject"), str) else None
    base, kind, part, whole, sign = parse_measure(measure, subject, inputs.region)
    where = locate(inputs, entity, "value", float(value), unit)
    qualifier = attrs.get("qualifier") if isinstance(attrs.get("qualifier"), str) else "="
    basis = attrs.get("basis") if isinstance(attrs.get("basis"), str) else None
    return Fact(
        measure=base,
        kind=kind,
        part=part,
        whole=whole,
        sign=sign,
        period=as_period(attrs.get("period")),
        value=float(value),
        unit=unit,
        qualifier=qualifier,
        basis=basis,
        name=entity.name,
        written=where.written,
        document=where.document,
        span=where.span,
        section=where.section,
        claim=where.claim,
        entity=entity,
    )


def _claim_fact(inputs: CheckInputs, doc: DocumentText, claim: Claim) -> Fact | None:
    if not claim.measure:
        return None
    base, kind, part, whole, sign = parse_measure(claim.measure, claim.subject, inputs.region)
    sentence = inputs.sentence(claim).lower()
    basis = "constant prices" if "constant prices" in sentence else None
    after = doc.text[claim.end : claim.end + 80]
    lower = re.match(r"\s*(percentage points?\s+)?(lower|below|less)\b", after, re.IGNORECASE)
    if kind == "gap" and claim.value > 0 and lower:
        sign = -1
    if kind == "share" and whole is None:
        of = _SHARE_WHOLE.match(after)
        whole = whole_measure(of.group("whole")) if of else None
    name = " ".join(p for p in (claim.subject, claim.measure) if p)
    return Fact(
        measure=base,
        kind=kind,
        part=part,
        whole=whole,
        sign=sign,
        period=claim.period,
        value=claim.value,
        unit=claim.unit,
        qualifier=claim.qualifier,
        basis=basis,
        name=name,
        written=claim.text,
        document=doc.id,
        span=(claim.start, claim.end),
        section=claim.section,
        claim=claim,
    )


def _fraction_facts(inputs: CheckInputs, doc: DocumentText, facts: list[Fact]) -> list[Fact]:
    """'more than half of the region's GDP' after a stated quantity -> a share fact."""
    out = []
    for m in FRACTION_RE.finditer(doc.text):
        whole = whole_measure(m.group("whole"))
        if whole is None:
            continue
        left, _right = sentence_bounds(doc.text, m.start(), m.end())
        before = [
            f
            for f in facts
            if f.document == doc.id
            and f.span is not None
            and left <= f.span[0] < m.start()
            and f.kind == "level"
            and f.unit not in ("%", "pp", "count")
        ]
        if not before:
            continue
        part = max(before, key=lambda f: f.span[0] if f.span else 0)
        qualifier = _FRACTION_QUALIFIERS.get((m.group("q") or "").lower(), "~")
        out.append(
            Fact(
                measure="share",
                kind="share",
                part=part.part,
                whole=whole,
                period=part.period,
                value=_FRACTIONS[m.group("f").lower()],
                unit="%",
                qualifier=qualifier,
                name=m.group(0),
                written=m.group(0),
                document=doc.id,
                span=m.span(),
                section=part.section,
            )
        )
    return out


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def collect(inputs: CheckInputs) -> tuple[Fact, ...]:
    """Every stated quantity of the case: indicator entities first, then other claims."""
    if "facts" not in inputs.cache:
        inputs.cache["facts"] = _collect(inputs)
    return inputs.cache["facts"]


def _collect(inputs: CheckInputs) -> tuple[Fact, ...]:
    facts: list[Fact] = []
    for entity in inputs.entities:
        fact = _entity_fact(inputs, entity)
        if fact is not None:
            facts.append(fact)
    keys = {(f.measure, f.kind, f.part, f.period) for f in facts}
    for doc in inputs.documents:
        for claim in doc.claims:
            fact = _claim_fact(inputs, doc, claim)
            if fact is None:
                continue
            taken = any(f.document == doc.id and _overlaps(f.span, fact.span) for f in facts)
            if taken or (fact.measure, fact.kind, fact.part, fact.period) in keys:
                continue
            facts.append(fact)
    for doc in inputs.documents:
        for share in _fraction_facts(inputs, doc, facts):
            if not any(
                f.kind == "share"
                and f.whole == share.whole
                and f.part == share.part
                and f.period == share.period
                for f in facts
            ):
                facts.append(share)
    return tuple(facts)


# -- reference data in the same shape ----------------------------------------------------


def references(
    inputs: CheckInputs, measure: str, kind: Kind = "level", scope: str = "region"
) -> tuple[Reference, ...]:
    """Reference entries for a measure (normalised, e.g. 'gdp') of one kind and scope."""
    out = []
    for ref in inputs.all_references():
        base, ref_kind, _part, _whole, _sign = parse_measure(ref.measure, None, None)
        if base == measure and ref_kind == kind and ref.scope == scope:
            out.append(ref)
    return tuple(out)
