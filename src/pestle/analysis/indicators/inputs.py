"""What the indicators read from a case, and the evidence each derived number carries.

- the measure vocabulary of the case's indicator entities (see its entities/economy.yaml);
- the indicator entities, their periods and numeric attributes;
- `InputRef`: one input of a derived number, the case entity attribute it used with the
  document passage and extracted claim behind it (`attribute_input`), or the reference
  entry with its source and quality (`reference_input`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from pestle.case.references import ReferenceEntry, unit_of
from pestle.model import Period

if TYPE_CHECKING:
    from pestle.case import Case, CaseEntity

# Measure vocabulary of case indicators (see the case's entities/economy.yaml).
VALUE_ADDED = "added value, "  # "added value, secondary industry"
GDP = "GDP"
GROWTH_SUFFIX = ", year on year"  # "GDP growth, year on year"
GDP_SHARE = "share of regional GDP, "  # "share of regional GDP, eight major industrial clusters"
CLUSTER_COUNT = "major industrial clusters"


class Frozen(BaseModel):
    """Every indicator result: frozen, no fields but its own."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# -- evidence -------------------------------------------------------------------------------


class InputRef(Frozen):
    """One input of a derived number: an entity attribute and the claim or reference behind it.

    From a document: `document`, `section`, `quote` (the evidence link) and, when the
    extractor read the number there, `claim` (its text) with its span `start`..`end`. From
    reference data: `reference` (entry id) with its `source` and `quality`.
    """

    entity: str | None = None
    attribute: str | None = None
    value: float | str | None = None
    unit: str | None = None
    qualifier: str = "="
    document: str | None = None
    section: str | None = None
    quote: str | None = None
    claim: str | None = None
    start: int | None = None
    end: int | None = None
    reference: str | None = None
    source: str | None = None
    quality: str | None = None
    note: str | None = None


def is_number(value: Any) -> bool:
    """An int or a float (a bool is not a number here)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def attribute_input(case: Case, entity: CaseEntity, attribute: str) -> InputRef:
    """The evidence of one numeric attribute of an entity, resolved to its claim."""
    attrs = entity.attributes
    value = attrs.get(attribute)
    unit = attrs.get("unit") if attribute == "value" else unit_of(attribute)
    qualifier = str(attrs.get("qualifier", "=")) if attribute == "value" else "="
    links = [e for e in entity.evidence if e.attribute == attribute] or list(entity.evidence[:1])
    base = InputRef(
        entity=entity.id,
        attribute=attribute,
        value=value if is_number(value) or isinstance(value, str) else None,
        unit=str(unit) if unit is not None else None,
        qualifier=qualifier,
        note=entity.note,
    )
    if not links:
        return base
    link = links[0]
    found = case.resolve(link)
    claims = [
        c
        for c in found.claims
        if is_number(value)
        and math.isclose(c.value, float(value), rel_tol=1e-9)
        and (unit is None or c.unit == unit)
    ]
    fields: dict[str, Any] = {
        "document": link.document,
        "section": link.section,
        "quote": link.quote,
    }
    if claims and link.attribute == attribute:
        claim = claims[0]
        fields.update(claim=claim.text, start=claim.start, end=claim.end)
    return base.model_copy(update=fields)


def reference_input(entry: ReferenceEntry) -> InputRef:
    """A reference statistic as an input, with its source and quality."""
    return InputRef(
        attribute="value",
        value=entry.value,
        unit=entry.unit,
        qualifier=entry.qualifier,
        reference=entry.id,
        source=entry.source,
        quality=entry.quality,
    )


# -- indicator entities ----------------------------------------------------------------------


def indicator_entities(case: Case) -> tuple[CaseEntity, ...]:
    """The case's entities of kind `indicator`."""
    return case.entities_of("indicator")


def period_of(entity: CaseEntity) -> Period | None:
    """The entity's `period` attribute as a `Period`, or None if it states none."""
    text = entity.attributes.get("period")
    return Period.parse(str(text)) if text else None


def measure_key(entity: CaseEntity, measure: str) -> tuple[str, str | None, str | None]:
    """(measure, subject, period): what pairs a value with its growth or stated total."""
    a = entity.attributes
    return (measure, a.get("subject"), a.get("period"))  # type: ignore[return-value]


def optional_number(entity: CaseEntity, name: str) -> float | None:
    """The entity's attribute `name` as a float, or None if absent or not a number."""
    value = entity.attributes.get(name)
    return float(value) if is_number(value) else None  # type: ignore[arg-type]
