"""Check a case's links: every evidence link resolves, every linked value agrees.

- An evidence link resolves to one passage of its document section (`evidence.resolve`).
- A link with `attribute` on a numeric attribute must hold one claim in the attribute's
  unit whose value equals the attribute; for an indicator (`value` + `unit`), the claim's
  qualifier must equal `qualifier`; when the entity is dated (`period`, or `date` as
  YYYY / YYYY-MM / YYYY-MM-DD) and the claim has a period, the two periods must be equal.
- A reference link must name an entry of the reference data, and each attribute it lists
  must equal the entry's field.
- A factor's entities must exist.
- A factor's `series` must each name one measure of a series of the reference data
  (`gdp_cny`, `installed_capacity_w.wind`), and a series measures one factor only.

Each failure is a `CaseError` at the file and line a person has to edit: the attribute's
line for a disagreement, the link's line for a link that does not resolve.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pestle.case import evidence as ev
from pestle.case.models import CaseEntity, Factor
from pestle.case.references import AnyReference, ReferenceEntry, References, unit_of
from pestle.errors import CaseError
from pestle.model import Claim, Period


def _resolve(link: ev.Evidence, indexes: Mapping[str, ev.DocumentIndex]) -> ev.Resolution:
    index = indexes.get(link.document)
    if index is None:
        raise CaseError(
            f"evidence names document {link.document!r}, which case.yaml does not list "
            f"(documents: {', '.join(indexes)})",
            link.file,
            link.line,
        )
    try:
        return ev.resolve(link, index)
    except ev.EvidenceError as exc:
        raise CaseError(str(exc), link.file, link.line) from None


def check_entities(
    entities: Sequence[CaseEntity],
    indexes: Mapping[str, ev.DocumentIndex],
    references: References,
) -> None:
    for entity in entities:
        entity_period(entity)  # a malformed period or date fails here, at its line
        _check_numbers(entity)
        for link in entity.evidence:
            resolution = _resolve(link, indexes)
            if link.attribute is not None:
                _check_claim(entity, link, resolution)
        for ref_link in entity.references:
            entry = _reference(ref_link, references)
            for attribute, field_name in ref_link.attributes.items():
                _check_reference_value(entity, attribute, entry, field_name, ref_link)


def _check_numbers(entity: CaseEntity) -> None:
    """An attribute with a unit (`count`, `capacity_w`, an indicator's `value`) holds a
    number: the checks, the analyses and the report compute with it."""
    for name, value in entity.attributes.items():
        unit = attribute_unit(entity, name)
        if unit is None or ev.is_number(value):
            continue
        kind = "a count" if unit == "count" else f"a quantity in {unit}"
        raise CaseError(
            f"{name} is {value!r}, but it is {kind}: write a number "
            "(drop the attribute if the figure is not known)",
            entity.file,
            entity.attribute_line(name),
        )


def attribute_claim(
    entity: CaseEntity, link: ev.Evidence, resolution: ev.Resolution
) -> Claim | None:
    """The claim a link supports a numeric attribute with (None for text attributes)."""
    name = link.attribute
    if name is None:
        return None
    if name not in entity.attributes:
        raise CaseError(
            f"evidence supports attribute {name!r}, which {entity.id} does not have",
            link.file,
            link.line,
        )
    if not ev.is_number(entity.attributes[name]):
        return None  # a text attribute: the passage supports it, there is no number to compare
    try:
        return ev.linked_claim(resolution, attribute_unit(entity, name))
    except ev.EvidenceError as exc:
        raise CaseError(str(exc), link.file, link.line) from None


def _check_claim(entity: CaseEntity, link: ev.Evidence, resolution: ev.Resolution) -> None:
    claim = attribute_claim(entity, link, resolution)
    if claim is None or link.attribute is None:
        return
    name = link.attribute
    value = entity.attributes[name]
    said = f'the linked claim "{claim.text}" (section "{claim.section or link.section}")'
    if not ev.same_value(value, claim.value):
        raise CaseError(
            f"{name} is {ev.fmt(value)} but {said} says {ev.fmt(claim.value)}",
            entity.file,
            entity.attribute_line(name),
        )
    if name == "value" and "qualifier" in entity.attributes:
        qualifier = entity.attributes["qualifier"]
        if qualifier != claim.qualifier:
            raise CaseError(
                f'qualifier is "{qualifier}" but {said} says "{claim.qualifier}"',
                entity.file,
                entity.attribute_line("qualifier"),
            )
    period = entity_period(entity)
    if period is not None and claim.period is not None and claim.period != period:
        key = "period" if "period" in entity.attributes else "date"
        raise CaseError(
            f'{key} is "{entity.attributes[key]}" but {said} is dated {claim.period}',
            entity.file,
            entity.attribute_line(key),
        )


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def entity_period(entity: CaseEntity) -> Period | None:
    """The period an entity is dated by: `period` (ISO interval) or `date` (YYYY[-MM[-DD]])."""
    if "period" in entity.attributes:
        text = str(entity.attributes["period"])
        try:
            return Period.parse(text)
        except ValidationError as exc:
            message = exc.errors()[0]["msg"].removeprefix("Value error, ")
            if text not in message:
                message = f"period {text!r}: {message}"
            raise CaseError(message, entity.file, entity.attribute_line("period")) from None
    if "date" in entity.attributes:
        text = str(entity.attributes["date"])
        match = _DATE.match(text)
        try:
            if match is None:
                raise ValueError(text)
            year, month, day = (int(g) if g else None for g in match.groups())
            if day is not None:
                return Period.day(date(year, month, day))
            if month is not None:
                return Period.months(year, month, month)
            return Period.year(year)
        except ValueError:
            raise CaseError(
                f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD",
                entity.file,
                entity.attribute_line("date"),
            ) from None
    return None


def attribute_unit(entity: CaseEntity, attribute: str) -> str | None:
    """The unit of a numeric attribute: `unit` for an indicator's `value`, else its suffix."""
    if attribute == "value" and isinstance(entity.attributes.get("unit"), str):
        return str(entity.attributes["unit"])
    return unit_of(attribute)


def _reference(link: Any, references: References) -> AnyReference:
    try:
        return references.get(link.reference)
    except KeyError:
        raise CaseError(
            f"reference {link.reference!r} is not in the case's reference data "
            "(ids look like 'gdp_cny@2024-01-01/2024-12-31' or 'uhv_corridors@<name>')",
            link.file,
            link.line,
        ) from None


def _check_reference_value(
    entity: CaseEntity, attribute: str, entry: AnyReference, field_name: str, link: Any
) -> None:
    if attribute not in entity.attributes:
        raise CaseError(
            f"reference link checks attribute {attribute!r}, which {entity.id} does not have",
            link.file,
            link.line,
        )
    try:
        expected = entry.field(field_name)
    except KeyError:
        raise CaseError(
            f"reference {entry.id!r} has no field {field_name!r}", link.file, link.line
        ) from None
    value = entity.attributes[attribute]
    if not ev.same_value(value, expected):
        where = f"{Path(entry.file).name}:{entry.line}" if entry.file else "reference data"
        raise CaseError(
            f"{attribute} is {ev.fmt(value)} but reference {entry.id!r} ({where}) says "
            f"{field_name} = {ev.fmt(expected)}",
            entity.file,
            entity.attribute_line(attribute),
        )


def check_factors(
    factors: Sequence[Factor],
    entities: Sequence[CaseEntity],
    indexes: Mapping[str, ev.DocumentIndex],
    references: References,
) -> None:
    known = {e.id for e in entities}
    linked: dict[str, tuple[Factor, int]] = {}
    for factor in factors:
        _check_series(factor, references, linked)
        for link in factor.evidence:
            if link.attribute is not None:
                raise CaseError(
                    "a factor has no attributes; remove `attribute` from this evidence link",
                    link.file,
                    link.line,
                )
            _resolve(link, indexes)
        for ref_link in factor.references:
            _reference(ref_link, references)
        for entity_id in factor.entities:
            if entity_id not in known:
                raise CaseError(
                    f"factor {factor.id} names entity {entity_id!r}, which no entity file defines",
                    factor.file,
                    factor.line,
                )


def series_name(entry: ReferenceEntry) -> str:
    """The name a factor gives the series of `entry` in `series`: `gdp_cny` for a one-value
    series, `series.measure` for a dated row of several measures (`installed_capacity_w.wind`)."""
    return entry.series if entry.measure == "value" else f"{entry.series}.{entry.measure}"


def series_names(references: References) -> tuple[str, ...]:
    """Every name a factor can give in `series`, sorted."""
    return tuple(sorted({series_name(e) for e in references.entries}))


def _check_series(
    factor: Factor, references: References, linked: dict[str, tuple[Factor, int]]
) -> None:
    for index, name in enumerate(factor.series):
        line = factor.series_line(index)
        entries = references.series(name)
        measures = sorted({e.measure for e in entries})
        if not measures:
            raise CaseError(
                f"factor {factor.id} names series {name!r}, which is not a series of the case's "
                f"reference data (series: {', '.join(series_names(references)) or 'none'})",
                factor.file,
                line,
            )
        if len(measures) > 1:
            raise CaseError(
                f"factor {factor.id} names series {name!r}, which has several measures "
                f"({', '.join(measures)}); name one, e.g. '{name}.{measures[0]}'",
                factor.file,
                line,
            )
        key = series_name(entries[0])
        if key in linked:
            other, other_index = linked[key]
            first = f"line {other.series_line(other_index)}"
            raise CaseError(
                f"factor {factor.id} names series {name!r} twice (first at {first})"
                if other is factor
                else f"factor {factor.id} names series {name!r}, which already measures factor "
                f"{other.id} ({first}); a series measures one factor",
                factor.file,
                line,
            )
        linked[key] = (factor, index)
