"""Read a loaded `pestle.case.Case` into the inputs the rules use (`CheckInputs`).

Reference entries are renamed into the checks' vocabulary (`inputs.SERIES_MEASURES`);
corridors become `StatusReference`s (name, date in operation, source).
"""

from __future__ import annotations

from typing import Any

from pestle.checks.inputs import (
    CheckInputs,
    DocumentText,
    Reference,
    StatusReference,
    series_measure,
)


def _references(refs: Any) -> tuple[tuple[Reference, ...], tuple[StatusReference, ...]]:
    values: list[Reference] = []
    for entry in getattr(refs, "entries", ()):
        measure, scope = series_measure(entry.series)
        if entry.measure not in ("value", None, ""):
            measure = f"{measure} {entry.measure}".replace("_", " ")
        values.append(
            Reference(
                id=entry.id,
                series=entry.series,
                measure=measure,
                scope=scope,
                period=entry.period,
                value=entry.value,
                unit=entry.unit,
                qualifier=entry.qualifier or "=",
                growth_pct=entry.growth_pct,
                quality=entry.quality,
                source=entry.source or "unnamed source",
            )
        )
    statuses = [
        StatusReference(
            id=c.id,
            series="uhv_corridors",
            name=c.name,
            in_operation=c.in_operation,
            quality=c.quality,
            source=c.source or "unnamed source",
        )
        for c in getattr(refs, "corridors", ())
    ]
    return tuple(values), tuple(statuses)


def inputs_from_case(case: Any) -> CheckInputs:
    """The documents, claims, entities and reference data of a loaded case."""
    documents = tuple(
        DocumentText(id=d.id, text=d.text, claims=tuple(d.claims)) for d in case.documents
    )
    references, statuses = _references(case.references)
    return CheckInputs(
        name=case.id,
        region=case.region,
        documents=documents,
        entities=tuple(case.entities),
        references=references,
        statuses=statuses,
    )
