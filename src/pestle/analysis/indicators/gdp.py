"""Value added against a reference GDP of the same period, beside the share the case
states."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pestle.analysis.indicators.arithmetic import holds
from pestle.analysis.indicators.inputs import (
    GDP_SHARE,
    VALUE_ADDED,
    Frozen,
    InputRef,
    attribute_input,
    indicator_entities,
    is_number,
    optional_number,
    reference_input,
)
from pestle.case.references import ReferenceEntry
from pestle.model.text import Text

if TYPE_CHECKING:
    from pestle.case import Case, CaseEntity


class GdpShare(Frozen):
    """A value against the reference GDP of the same period, beside the share the case states."""

    entity: str
    name: Text  # the case's text: a report shows it in the reader's language
    period: str | None
    value: float
    reference_gdp: float
    reference_qualifier: str
    share_pct: float  # value / reference GDP x 100
    stated_share_pct: float | None
    stated_qualifier: str | None
    stated_holds: bool | None  # the computed share satisfies the stated "qualifier value"
    evidence: tuple[InputRef, ...]


def _reference_gdp(case: Case, entity: CaseEntity) -> ReferenceEntry | None:
    period = entity.attributes.get("period")
    for link in entity.references:
        entry = case.references.get(link.reference)
        if (
            isinstance(entry, ReferenceEntry)
            and entry.unit == entity.attributes.get("unit")
            and entry.period is not None
            and entry.period.iso() == period
        ):
            return entry
    return None


def gdp_shares(case: Case) -> tuple[GdpShare, ...]:
    """Value-added indicators linked to a reference GDP of the same period, as GDP shares."""
    indicators = indicator_entities(case)
    out = []
    for e in indicators:
        measure = str(e.attributes.get("measure", ""))
        if not measure.startswith(VALUE_ADDED) or not is_number(e.attributes.get("value")):
            continue
        entry = _reference_gdp(case, e)
        if entry is None:
            continue
        what = measure.removeprefix(VALUE_ADDED)
        stated = next(
            (
                s
                for s in indicators
                if s.attributes.get("measure") == GDP_SHARE + what
                and s.attributes.get("period") == e.attributes.get("period")
                and s.attributes.get("subject") == e.attributes.get("subject")
            ),
            None,
        )
        value = float(e.attributes["value"])  # type: ignore[arg-type]
        share = 100 * value / entry.value
        stated_value = optional_number(stated, "value") if stated is not None else None
        stated_q = str(stated.attributes.get("qualifier", "=")) if stated is not None else None
        evidence = [attribute_input(case, e, "value"), reference_input(entry)]
        if stated is not None:
            evidence.append(attribute_input(case, stated, "value"))
        out.append(
            GdpShare(
                entity=e.id,
                name=e.name,
                period=e.attributes.get("period"),  # type: ignore[arg-type]
                value=value,
                reference_gdp=entry.value,
                reference_qualifier=entry.qualifier,
                share_pct=share,
                stated_share_pct=stated_value,
                stated_qualifier=stated_q,
                stated_holds=(
                    holds(share, stated_q, stated_value)
                    if stated_value is not None and stated_q is not None and entry.qualifier == "="
                    else None
                ),
                evidence=tuple(evidence),
            )
        )
    return tuple(out)
