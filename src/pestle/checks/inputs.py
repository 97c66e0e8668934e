"""What the rules read: documents with their claims, entities, and reference data.

`CheckInputs` is built from a loaded case (`from_case`) or by hand (tests, imports of
new documents). It also turns claims, references and entities into the evidence a
finding quotes, so every rule cites its sources the same way.

Reference statistics are read in the checks' vocabulary: the series `gdp_cny` is the
measure "GDP" of the region, `foreign_trade_cny` is "total import and export value",
`national_gdp_growth_pct` is "GDP growth rate" of the nation. A series not listed in
`SERIES_MEASURES` keeps its name (without the unit suffix) as its measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from pestle.checks.finding import ClaimEvidence, EntityEvidence, ReferenceEvidence
from pestle.checks.periods import label
from pestle.checks.units import natural
from pestle.model import Claim, Entity, Period

Scope = Literal["region", "national"]

#: Series name -> (measure, scope). Measures use the extractor's vocabulary.
SERIES_MEASURES: dict[str, tuple[str, Scope]] = {
    "gdp_cny": ("GDP", "region"),
    "foreign_trade_cny": ("total import and export value", "region"),
    "national_gdp_growth_pct": ("GDP growth rate", "national"),
    "installed_capacity_w": ("installed capacity", "region"),
}
_UNIT_SUFFIXES = ("_cny", "_usd", "_pct", "_w", "_wh", "_t")

QUALITY_NOTES: dict[str, str] = {
    "verify": "quality 'verify': found only in secondary data or news; confirm before "
    "showing it as fact",
    "weak": "quality 'weak': a rough public figure",
    "rough": "quality 'rough': an order of magnitude only",
}


class Reference(BaseModel):
    """One reference statistic in the checks' vocabulary, with its source and quality."""

    model_config = ConfigDict(frozen=True)

    id: str
    series: str
    measure: str
    scope: Scope = "region"
    period: Period | None = None
    value: float
    unit: str | None = None
    qualifier: str = "="
    growth_pct: float | None = None
    quality: str | None = None
    source: str = "unnamed source"


class StatusReference(BaseModel):
    """A named thing (a transmission corridor) and the date it entered operation."""

    model_config = ConfigDict(frozen=True)

    id: str
    series: str
    name: str
    in_operation: str | None = None
    quality: str | None = None
    source: str = "unnamed source"


class DocumentText(BaseModel):
    """A document's id, text and the claims extracted from it."""

    model_config = ConfigDict(frozen=True)

    id: str
    text: str = Field(repr=False)
    claims: tuple[Claim, ...] = ()


def series_measure(series: str) -> tuple[str, Scope]:
    if series in SERIES_MEASURES:
        return SERIES_MEASURES[series]
    name = series
    for suffix in _UNIT_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    scope: Scope = "region"
    if name.startswith("national_"):
        name, scope = name[len("national_") :], "national"
    return name.replace("_", " "), scope


def growth_references(refs: tuple[Reference, ...]) -> tuple[Reference, ...]:
    """The growth rates carried by value rows (`growth_pct`) as references of their own."""
    out = []
    for ref in refs:
        if ref.growth_pct is None:
            continue
        out.append(
            ref.model_copy(
                update={
                    "id": f"{ref.id}#growth_pct",
                    "measure": f"{ref.measure} growth rate",
                    "value": ref.growth_pct,
                    "unit": "%",
                    "qualifier": "=",
                    "growth_pct": None,
                }
            )
        )
    return tuple(out)


@dataclass(frozen=True)
class CheckInputs:
    """Everything the rules may read. Build with `from_case` or directly."""

    name: str = "case"
    region: str | None = None
    documents: tuple[DocumentText, ...] = ()
    entities: tuple[Entity, ...] = ()
    references: tuple[Reference, ...] = ()
    statuses: tuple[StatusReference, ...] = ()
    _doc_of: dict[int, str] = field(default_factory=dict, repr=False, compare=False)
    _parsed: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for doc in self.documents:
            for claim in doc.claims:
                self._doc_of[id(claim)] = doc.id

    # -- construction ---------------------------------------------------------------
    @classmethod
    def from_text(
        cls,
        text: str,
        claims: list[Claim] | tuple[Claim, ...],
        *,
        document: str = "document",
        **kwargs: Any,
    ) -> CheckInputs:
        """One document and its claims (plus any entities/references as keywords)."""
        doc = DocumentText(id=document, text=text, claims=tuple(claims))
        return cls(documents=(doc,), **kwargs)

    @classmethod
    def from_case(cls, case: Any) -> CheckInputs:
        """Read a loaded `pestle.case.Case` (documents, entities, references)."""
        from pestle.checks.adapt import inputs_from_case

        return inputs_from_case(case)

    # -- views ----------------------------------------------------------------------
    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for doc in self.documents for c in doc.claims)

    def all_references(self) -> tuple[Reference, ...]:
        """Reference values plus the growth rates they carry."""
        return self.references + growth_references(self.references)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def document_of(self, claim: Claim) -> DocumentText | None:
        doc_id = self._doc_of.get(id(claim))
        if doc_id is None:  # an equal claim built elsewhere
            doc_id = next((d.id for d in self.documents if claim in d.claims), None)
        return next((d for d in self.documents if d.id == doc_id), None)

    # -- evidence -------------------------------------------------------------------
    def sentence(self, claim: Claim) -> str:
        """The sentence (or table row) of the document a claim was read from."""
        doc = self.document_of(claim)
        if doc is None:
            return claim.text
        return self.sentence_at(doc.id, claim.start, claim.end)

    def sentence_at(self, doc_id: str | None, start: int, end: int | None = None) -> str:
        """The sentence (or table row) around an offset of a document, spaces collapsed."""
        doc = next((d for d in self.documents if d.id == doc_id), None)
        if doc is None:
            return ""
        quoted = self._sentence_from_parser(doc, start)
        return quoted or sentence_around(doc.text, start, end if end is not None else start)

    def parsed(self, doc: DocumentText) -> Any | None:
        """The parsed document (sections, sentences, tables), or None without a parser."""
        if doc.id not in self._parsed:
            try:
                from pestle.ingest.document import parse

                self._parsed[doc.id] = parse(doc.text)
            except Exception:  # no parser, or it failed: quote with the plain splitter
                self._parsed[doc.id] = None
        return self._parsed[doc.id]

    def _sentence_from_parser(self, doc: DocumentText, offset: int) -> str | None:
        parsed = self.parsed(doc)
        if parsed is None:
            return None
        try:
            found = parsed.sentence_at(offset)
        except ValueError:
            return None
        text = getattr(found, "text", None)
        if not isinstance(text, str) or not (found.start <= offset <= found.end):
            return None
        return " ".join(text.split()) or None

    def column_header(self, doc_id: str | None, offset: int) -> str | None:
        """The header of the table column holding `offset` ("… (100 million yuan)")."""
        doc = next((d for d in self.documents if d.id == doc_id), None)
        parsed = self.parsed(doc) if doc is not None else None
        for table in getattr(parsed, "tables", ()) or ():
            if not table.start <= offset < table.end:
                continue
            for row in table.rows:
                for index, cell in enumerate(row.cells):
                    inside = cell.start <= offset < max(cell.end, cell.start + 1)
                    if inside and index < len(table.header):
                        return " ".join(table.header[index].text.split())
        return None

    def column_cells(self, doc_id: str | None, offset: int) -> list[tuple[str, int, int]]:
        """Every cell of the table column holding `offset`: (row label, start, end)."""
        doc = next((d for d in self.documents if d.id == doc_id), None)
        parsed = self.parsed(doc) if doc is not None else None
        for table in getattr(parsed, "tables", ()) or ():
            if not table.start <= offset < table.end:
                continue
            for row in table.rows:
                for index, cell in enumerate(row.cells):
                    if cell.start <= offset < max(cell.end, cell.start + 1):
                        return [
                            (
                                " ".join(r.cells[0].text.split()),
                                r.cells[index].start,
                                r.cells[index].end,
                            )
                            for r in table.rows
                            if len(r.cells) > index
                        ]
        return []

    def claim_evidence(self, claim: Claim) -> ClaimEvidence:
        doc = self.document_of(claim)
        return ClaimEvidence(
            document=doc.id if doc else None,
            section=claim.section,
            text=claim.text,
            start=claim.start,
            end=claim.end,
            quote=self.sentence(claim),
            value=claim.value,
            unit=claim.unit,
            qualifier=claim.qualifier,
            measure=claim.measure,
            subject=claim.subject,
            period=claim.period.iso() if claim.period else None,
        )


def short_source(source: str) -> str:
    """A source without its web addresses, for messages (evidence keeps the full text)."""
    short = re.sub(r",?\s*[\w.-]+\.[a-z]{2,}/\S*", "", source).strip(" ,;")
    return short or source


def reference_evidence(ref: Reference | StatusReference) -> ReferenceEvidence:
    note = QUALITY_NOTES.get(ref.quality or "")
    if isinstance(ref, StatusReference):
        return ReferenceEvidence(
            series=ref.series,
            label=ref.name,
            value=None,
            unit=None,
            quality=ref.quality,
            source=ref.source,
            note=f"in operation since {ref.in_operation}" + (f"; {note}" if note else "")
            if ref.in_operation
            else note,
        )
    return ReferenceEvidence(
        series=ref.series,
        label=label(ref.period),
        value=ref.value,
        unit=ref.unit,
        qualifier=ref.qualifier,
        quality=ref.quality,
        source=ref.source,
        note=note,
        display=natural(ref.value, ref.unit) if ref.unit else None,
    )


_ATTRIBUTE_UNITS = {"_w": "W", "_wh": "Wh", "_cny": "CNY", "_usd": "USD", "_pct": "%"}


def attribute_unit(entity: Entity, attribute: str) -> str | None:
    """The unit of an entity attribute: its suffix (`capacity_w` -> W), or `unit` for `value`."""
    if attribute == "value":
        unit = entity.attributes.get("unit")
        return unit if isinstance(unit, str) else None
    if attribute == "count" or attribute.endswith("_count"):
        return "count"
    return next((u for s, u in _ATTRIBUTE_UNITS.items() if attribute.endswith(s)), None)


def attribute_label(attribute: str) -> str:
    """'capacity_w' -> 'capacity', 'permissions_count' -> 'permissions'."""
    for suffix in (*_ATTRIBUTE_UNITS, "_count"):
        if attribute.endswith(suffix) and attribute != suffix:
            attribute = attribute[: -len(suffix)]
            break
    return attribute.replace("_", " ")


def entity_evidence(entity: Entity, attribute: str | None = None) -> EntityEvidence:
    value = entity.attributes.get(attribute) if attribute else None
    unit = attribute_unit(entity, attribute) if attribute else None
    display = None
    if isinstance(value, int | float) and not isinstance(value, bool) and unit:
        display = natural(float(value), unit)
    return EntityEvidence(
        entity=entity.id, name=entity.name, attribute=attribute, value=value, display=display
    )


_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"“(])|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence or line holding text[start:end] (a plain splitter)."""
    left = 0
    for m in _BREAK.finditer(text, 0, start):
        left = m.end()
    m = _BREAK.search(text, end)
    return left, (m.start() if m else len(text))


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence or line holding text[start:end], white space collapsed."""
    left, right = sentence_bounds(text, start, end)
    return " ".join(text[left:right].split())
