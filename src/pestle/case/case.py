"""`Case`: one region + industry as a checked, frozen knowledge base, with pandas views."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ConfigDict, PrivateAttr

from pestle.case import evidence as ev
from pestle.case.models import CaseEntity, Document, Factor
from pestle.case.references import References, frame
from pestle.model import Claim, EvidenceRef

if TYPE_CHECKING:
    import pandas as pd

    from pestle.model.judgment import Judgments
    from pestle.model.parameter import ParameterSet, Scenario

T = TypeVar("T")

_CLAIM_COLUMNS = [
    "document",
    "section",
    "text",
    "value",
    "unit",
    "qualifier",
    "period",
    "measure",
    "subject",
    "start",
    "end",
]
_INDICATOR_COLUMNS = [
    "id",
    "name",
    "measure",
    "subject",
    "period",
    "value",
    "unit",
    "qualifier",
    "basis",
    "evidence",
]


class Indicators(BaseModel):
    """The indicator entities of a case (one stated quantity each)."""

    model_config = ConfigDict(frozen=True)

    items: tuple[CaseEntity, ...] = ()

    def __iter__(self):  # type: ignore[no-untyped-def, override]
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def get(self, indicator_id: str) -> CaseEntity:
        for item in self.items:
            if item.id == indicator_id:
                return item
        raise KeyError(indicator_id)

    def to_frame(self) -> pd.DataFrame:
        """One row per indicator: measure, subject, period, value, unit, qualifier, evidence."""
        rows = []
        for item in self.items:
            a = item.attributes
            rows.append(
                {
                    "id": item.id,
                    "name": item.name,
                    "measure": a.get("measure"),
                    "subject": a.get("subject"),
                    "period": a.get("period"),
                    "value": a.get("value"),
                    "unit": a.get("unit"),
                    "qualifier": a.get("qualifier", "="),
                    "basis": a.get("basis"),
                    "evidence": next(
                        (e.quote for e in item.evidence if e.attribute == "value"), None
                    ),
                }
            )
        return frame(rows, columns=_INDICATOR_COLUMNS)


class Case(BaseModel):
    """A loaded case: documents and their claims, entities, factors, reference data.

    Built by `pestle.load_case`, which has already resolved and checked every link.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    id: str
    name: str
    region: str
    target_industry: str
    description: str | None = None
    folder: Path
    documents: tuple[Document, ...]
    entities: tuple[CaseEntity, ...]
    factors: tuple[Factor, ...]
    references: References

    _entities: dict[str, CaseEntity] = PrivateAttr(default_factory=dict)
    _factors: dict[str, Factor] = PrivateAttr(default_factory=dict)
    _indexes: dict[str, ev.DocumentIndex] = PrivateAttr(default_factory=dict)
    _lazy: dict[str, Any] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any) -> None:
        self._entities = {e.id: e for e in self.entities}
        self._factors = {f.id: f for f in self.factors}
        self._indexes = ev.index_documents(self.documents)

    def __repr__(self) -> str:
        return (
            f"Case(id={self.id!r}, documents={len(self.documents)}, claims={len(self.claims)}, "
            f"entities={len(self.entities)}, factors={len(self.factors)}, "
            f"references={len(self.references)})"
        )

    __str__ = __repr__

    # -- lookups ------------------------------------------------------------------------------
    @property
    def claims(self) -> tuple[Claim, ...]:
        """All claims of all documents of the case, document by document."""
        return tuple(c for d in self.documents for c in d.claims)

    def document(self, document_id: str) -> Document:
        for document in self.documents:
            if document.id == document_id:
                return document
        raise KeyError(document_id)

    def entity(self, entity_id: str) -> CaseEntity:
        return self._entities[entity_id]

    def factor(self, factor_id: str) -> Factor:
        return self._factors[factor_id]

    def entities_of(self, kind: str) -> tuple[CaseEntity, ...]:
        return tuple(e for e in self.entities if e.kind == kind)

    @property
    def indicators(self) -> Indicators:
        return Indicators(items=self.entities_of("indicator"))

    def resolve(self, ref: EvidenceRef) -> ev.Resolution:
        """The passage a link names (raises `EvidenceError` if it does not resolve)."""
        index = self._indexes.get(ref.document)
        if index is None:
            raise ev.EvidenceError(f"no document {ref.document!r} in case {self.id}")
        return ev.resolve(ref, index)

    def claims_for(self, ref: EvidenceRef) -> tuple[Claim, ...]:
        """Claims a link points at: the extracted claims overlapping its quoted passage."""
        return self.resolve(ref).claims

    # -- parameters, scenarios, judgments (owned by pestle.model; read on first use) -------
    def _once(self, key: str, read: Callable[[], T]) -> T:
        if key not in self._lazy:
            self._lazy[key] = read()
        return self._lazy[key]

    @property
    def parameters(self) -> ParameterSet:
        """The demand model's parameters (`parameters.yaml`), read on first use."""
        from pestle.model.parameter import load_parameters

        return self._once("parameters", lambda: load_parameters(self.folder / "parameters.yaml"))

    @property
    def scenarios(self) -> tuple[Scenario, ...]:
        """Named parameter overrides (`scenarios.yaml`), checked against `parameters`."""
        from pestle.model.parameter import load_scenarios

        path = self.folder / "scenarios.yaml"
        return self._once("scenarios", lambda: load_scenarios(path, self.parameters))

    @property
    def judgments(self) -> Judgments:
        """Analyst judgments (`judgments.yaml`), read on first use; their factors must be the
        case's factors, with the same dimension and direction (kind)."""
        return self._once("judgments", self._read_judgments)

    def _read_judgments(self) -> Judgments:
        from pestle.case.yaml_lines import line_of, load_yaml
        from pestle.errors import CaseError
        from pestle.model.judgment import load_judgments

        path = self.folder / "judgments.yaml"
        judgments = load_judgments(path)
        listed = load_yaml(path).get("factors")
        for factor_id, judged in judgments.factors.items():
            line = line_of(listed, factor_id)
            if factor_id not in self._factors:
                raise CaseError(
                    f"factor {factor_id!r} is not a factor of the case (factors.yaml)", path, line
                )
            factor = self._factors[factor_id]
            for what, here, there in (
                ("dimension", judged.dimension, factor.dimension),
                ("kind", judged.kind, factor.direction),
            ):
                if here != there:
                    raise CaseError(
                        f"factor {factor_id!r} has {what} {here!r} here but {there!r} in "
                        "factors.yaml",
                        path,
                        line,
                    )
        return judgments

    # TEMPORARY until the case-files branch lands: its accessors replace these two.
    @property
    def linkage(self) -> Any:
        from pestle.analysis.linkage import load_config

        path = self.folder / "linkage.yaml"
        return self._once("linkage", lambda: load_config(path) if path.is_file() else None)

    def fingerprint(self, *kinds: str) -> str:
        import hashlib

        digest = hashlib.sha256()
        for path in sorted(p for p in self.folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(self.folder)).encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()

    # -- frames -------------------------------------------------------------------------------
    def claims_frame(self) -> pd.DataFrame:
        rows = [
            {"document": d.id, **c.model_dump(mode="json")}
            for d in self.documents
            for c in d.claims
        ]
        return frame(rows, columns=_CLAIM_COLUMNS)

    def entities_frame(self) -> pd.DataFrame:
        """One row per entity: id, kind, name, its attributes as columns, evidence count."""
        rows = [
            {
                "id": e.id,
                "kind": e.kind,
                "name": e.name,
                **e.attributes,
                "evidence": len(e.evidence),
                "references": len(e.references),
            }
            for e in self.entities
        ]
        return frame(rows)

    def factors_frame(self) -> pd.DataFrame:
        rows = [
            {
                "id": f.id,
                "name": f.name,
                "dimension": f.dimension,
                "direction": f.direction,
                "origin": f.origin,
                "statement": f.statement,
                "entities": len(f.entities),
                "evidence": len(f.evidence),
                "sources": "; ".join(s.title for s in f.sources),
            }
            for f in self.factors
        ]
        return frame(rows)

    def evidence_frame(self) -> pd.DataFrame:
        """Every evidence link of entities and factors: the passage, the claims in it, and for
        a numeric attribute the one claim that supports it with both values."""
        from pestle.case.verify import attribute_claim

        rows = []
        owners: list[CaseEntity | Factor] = [*self.entities, *self.factors]
        for owner in owners:
            for link in owner.evidence:
                resolution = self.resolve(link)
                claim = None
                if isinstance(owner, CaseEntity):
                    claim = attribute_claim(owner, link, resolution)
                rows.append(
                    {
                        "owner": owner.id,
                        "owner_type": "entity" if isinstance(owner, CaseEntity) else "factor",
                        "attribute": link.attribute,
                        "value": owner.attributes.get(link.attribute)
                        if isinstance(owner, CaseEntity) and link.attribute
                        else None,
                        "document": link.document,
                        "section": link.section,
                        "quote": link.quote,
                        "start": resolution.start,
                        "end": resolution.end,
                        "claims": "; ".join(c.text for c in resolution.claims),
                        "claim": claim.text if claim else None,
                        "claim_value": claim.value if claim else None,
                        "claim_unit": claim.unit if claim else None,
                    }
                )
        return frame(rows)

    def to_dict(self) -> dict[str, Any]:
        """The case as JSON-ready data (documents without their text)."""
        return {
            "id": self.id,
            "name": self.name,
            "region": self.region,
            "target_industry": self.target_industry,
            "description": self.description,
            "documents": [
                {
                    "id": d.id,
                    "title": d.title,
                    "source": d.source.model_dump(mode="json"),
                    "claims": len(d.claims),
                }
                for d in self.documents
            ],
            "entities": [e.model_dump(mode="json") for e in self.entities],
            "factors": [f.model_dump(mode="json") for f in self.factors],
            "references": [r.model_dump(mode="json", exclude={"data"}) for r in self.references],
        }
