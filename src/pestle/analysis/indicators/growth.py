"""Growth rates and the prior-period bases they imply.

A value indicator and its year-on-year growth indicator (same subject and period, growth
in %) form a growth pair; each pair implies a prior-period base value / (1 + growth / 100),
with the qualifier carried (`base_qualifier`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pestle.analysis.indicators.arithmetic import base_qualifier, implied_base, year_before
from pestle.analysis.indicators.inputs import (
    GROWTH_SUFFIX,
    Frozen,
    InputRef,
    attribute_input,
    indicator_entities,
    is_number,
    measure_key,
    period_of,
)
from pestle.model.text import Text

if TYPE_CHECKING:
    from pestle.case import Case, CaseEntity


def growth_measure_of(measure: str) -> str | None:
    """The measure a growth indicator is the growth of, or None if it is not a growth rate.

    "GDP growth, year on year" -> "GDP"; "added value growth, secondary industry, year on
    year" -> "added value, secondary industry".
    """
    if not measure.endswith(GROWTH_SUFFIX) or " growth" not in measure:
        return None
    return measure.removesuffix(GROWTH_SUFFIX).replace(" growth", "", 1)


def growth_pairs(case: Case) -> tuple[tuple[CaseEntity, CaseEntity], ...]:
    """(value indicator, its growth indicator): same subject and period, growth in %."""
    values = {
        measure_key(e, str(e.attributes.get("measure"))): e
        for e in indicator_entities(case)
        if e.attributes.get("unit") != "%" and is_number(e.attributes.get("value"))
    }
    pairs = []
    for g in indicator_entities(case):
        of = growth_measure_of(str(g.attributes.get("measure", "")))
        if of is None or g.attributes.get("unit") != "%":
            continue
        v = values.get(measure_key(g, of))
        if v is not None:
            pairs.append((v, g))
    return tuple(pairs)


class PriorBase(Frozen):
    """The prior-period value a stated value and its year-on-year growth imply."""

    entity: str
    growth_entity: str
    name: Text  # the case's text: a report shows it in the reader's language
    measure: str
    subject: str | None
    period: str | None
    prior_period: str | None
    value: float
    unit: str
    growth_pct: float
    base: float
    qualifier: str
    change: float  # value - base
    evidence: tuple[InputRef, ...]


def prior_bases(case: Case) -> tuple[PriorBase, ...]:
    """Every value with a stated growth rate, turned into its implied prior-period base."""
    rows = []
    for v, g in growth_pairs(case):
        a, ga = v.attributes, g.attributes
        value, growth = float(a["value"]), float(ga["value"])  # type: ignore[arg-type]
        period = period_of(v)
        base = implied_base(value, growth)
        rows.append(
            PriorBase(
                entity=v.id,
                growth_entity=g.id,
                name=v.name,
                measure=str(a["measure"]),
                subject=a.get("subject"),  # type: ignore[arg-type]
                period=period.iso() if period else None,
                prior_period=year_before(period).iso() if period else None,
                value=value,
                unit=str(a.get("unit")),
                growth_pct=growth,
                base=base,
                qualifier=base_qualifier(
                    str(a.get("qualifier", "=")), str(ga.get("qualifier", "="))
                ),
                change=value - base,
                evidence=(attribute_input(case, v, "value"), attribute_input(case, g, "value")),
            )
        )
    return tuple(rows)
