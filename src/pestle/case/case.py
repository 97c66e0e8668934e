"""`Case`: one region + industry as a checked, frozen knowledge base, with pandas views.

`Case` is the one way in to a case's files. Documents, references, entities and factors are
read and checked by `load_case`; the other files case.yaml names are read on first use by an
accessor (`judgments`, `parameters`, `scenarios`, `overlaps`, `reference_additions`,
`linkage`, `policy_measures`). `files()` lists every file of the case by kind and
`fingerprint()` hashes their bytes (a key for caches of results computed from them).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from pestle.case import evidence as ev
from pestle.case.models import OPTIONAL_FILES, CaseEntity, Document, Factor
from pestle.case.references import References, frame
from pestle.errors import InputError, PestleError
from pestle.model import Claim, EvidenceRef
from pestle.model.capacity import ObservedCapacity, Overlaps, ReferenceAdditions
from pestle.model.production import ProductionPlants
from pestle.model.text import DEFAULT_LANGUAGE, Text, case_language

if TYPE_CHECKING:
    import pandas as pd

    from pestle.case.linkage_file import LinkageConfig
    from pestle.case.policy_file import PolicyCoding
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


# The kinds of file a case is made of, in the order `Case.files` and `Case.fingerprint` use.
FILE_KINDS: tuple[str, ...] = (
    "case",
    "documents",
    "references",
    "entities",
    "factors",
    *OPTIONAL_FILES,
)

# What each optional file is, for messages about a missing one.
_WHAT = {
    "judgments": "the analyst judgments of the case",
    "parameters": "the demand model's parameters",
    "scenarios": "the demand model's scenarios",
    "linkage": "the linkage of composite demand to input-output sectors",
    "policy_measures": "the case's policy measures, coded by level, instrument and target",
    "capacity_history": "the installed wind and solar capacity history of the region",
    "production_plants": "the region's composite-product plants",
}


class CasePaths(BaseModel):
    """Where the files of a case are (absolute paths), as case.yaml names them.

    An optional file is the path case.yaml names or its default name, whether or not it
    exists (None: case.yaml says the case has none).
    """

    model_config = ConfigDict(frozen=True)

    case: Path | None = None
    documents: tuple[Path, ...] = ()
    references: dict[str, Path] = Field(default_factory=dict)
    entities: tuple[Path, ...] = ()
    factors: tuple[Path, ...] = ()
    capacity_reference: str | None = Field(
        default=None, description="key of `references` that feeds the demand model's additions"
    )
    judgments: Path | None = None
    parameters: Path | None = None
    scenarios: Path | None = None
    linkage: Path | None = None
    policy_measures: Path | None = None
    capacity_history: Path | None = None
    production_plants: Path | None = None

    @classmethod
    def defaults(cls, folder: Path) -> CasePaths:
        """The default names of the optional files in `folder` (for a case built in memory)."""
        from pestle.case.models import CaseInfo

        fields = CaseInfo.model_fields
        return cls(
            **{
                kind: (Path(folder) / str(fields[kind].default)).resolve()
                for kind in OPTIONAL_FILES
                if fields[kind].default is not None
            }
        )


class Case(BaseModel):
    """A loaded case: documents and their claims, entities, factors, reference data.

    Built by `pestle.load_case`, which has already resolved and checked every link.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    id: str
    language: str = Field(
        default=DEFAULT_LANGUAGE, description="the language the case files are written in"
    )
    name: Text
    region: Text
    region_short: Text = Field(default="", description="short region name; defaults to region")
    target_industry: Text
    description: Text | None = None
    folder: Path
    documents: tuple[Document, ...]
    entities: tuple[CaseEntity, ...]
    factors: tuple[Factor, ...]
    references: References
    paths: CasePaths = Field(default=None, repr=False)  # type: ignore[assignment]

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = dict(data)
            if not data.get("region_short"):
                data["region_short"] = data.get("region")
            if data.get("paths") is None and data.get("folder") is not None:
                data["paths"] = CasePaths.defaults(Path(data["folder"]))
        return data

    _entities: dict[str, CaseEntity] = PrivateAttr(default_factory=dict)
    _factors: dict[str, Factor] = PrivateAttr(default_factory=dict)
    _indexes: dict[str, ev.DocumentIndex] = PrivateAttr(default_factory=dict)
    _lazy: dict[str, Any] = PrivateAttr(default_factory=dict)
    _digests: dict[str, str] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any) -> None:
        self._entities = {e.id: e for e in self.entities}
        self._factors = {f.id: f for f in self.factors}
        self._indexes = ev.index_documents(self.documents)
        # The files' content as loaded, kind by kind: a file saved (or removed) later does
        # not change what this case's results are keyed on (`fingerprint`).
        with contextlib.suppress(PestleError):
            self._digests = {kind: self._digest(kind) for kind in FILE_KINDS}

    def __repr__(self) -> str:
        return (
            f"Case(id={self.id!r}, documents={len(self.documents)}, claims={len(self.claims)}, "
            f"entities={len(self.entities)}, factors={len(self.factors)}, "
            f"references={len(self.references)})"
        )

    __str__ = __repr__

    def _repr_html_(self) -> str:
        """Jupyter's display: name, region, counts and documents."""
        from pestle.results.notebook import case_html

        return case_html(self)

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

    @property
    def drafts(self) -> tuple[str, ...]:
        """Ids of the entities and factors still marked `draft: true` (drafted by `pestle init
        --from`, not yet confirmed by an analyst): every surface shows the case as a draft
        while this is not empty."""
        return tuple(item.id for item in (*self.entities, *self.factors) if item.draft)

    def resolve(self, ref: EvidenceRef) -> ev.Resolution:
        """The passage a link names (raises `EvidenceError` if it does not resolve)."""
        index = self._indexes.get(ref.document)
        if index is None:
            raise ev.EvidenceError(f"no document {ref.document!r} in case {self.id}")
        return ev.resolve(ref, index)

    def claims_for(self, ref: EvidenceRef) -> tuple[Claim, ...]:
        """Claims a link points at: the extracted claims overlapping its quoted passage."""
        return self.resolve(ref).claims

    # -- the other files of the case (read on first use, once) -------------------------------
    def _once(self, key: str, read: Callable[[], T]) -> T:
        if key not in self._lazy:
            with case_language(self.language):  # a text written as one string is in it
                self._lazy[key] = read()
        return self._lazy[key]

    def _path(self, kind: str) -> Path | None:
        """The file of an optional kind if the case has it (it exists), else None."""
        path: Path | None = getattr(self.paths, kind)
        return path if path is not None and path.is_file() else None

    def _required(self, kind: str) -> Path:
        """The file of an optional kind; a case without it is an `InputError` naming it."""
        path = self._path(kind)
        if path is None:
            named: Path | None = getattr(self.paths, kind)
            where = named if named is not None else self.folder / "case.yaml"
            how = "" if named is not None else f"; case.yaml says {kind}: null"
            raise InputError(f"{where}: file not found ({_WHAT[kind]}{how})")
        return path

    @property
    def parameters(self) -> ParameterSet:
        """The demand model's parameters (the `parameters` file), read on first use."""
        from pestle.case.parameters_file import load_parameters

        return self._once("parameters", lambda: load_parameters(self._required("parameters")))

    @property
    def scenarios(self) -> tuple[Scenario, ...]:
        """Named parameter overrides (the `scenarios` file), checked against `parameters`;
        () when the case has no scenarios file."""
        from pestle.case.parameters_file import load_scenarios

        def read() -> tuple[Scenario, ...]:
            path = self._path("scenarios")
            return load_scenarios(path, self.parameters) if path is not None else ()

        return self._once("scenarios", read)

    @property
    def overlaps(self) -> Overlaps:
        """Which announced projects lie within others or may describe the same capacity (the
        `overlaps:` block of the parameters file); empty without a parameters file."""
        from pestle.case.parameters_file import load_overlaps

        def read() -> Overlaps:
            path = self._path("parameters")
            return load_overlaps(path) if path is not None else Overlaps()

        return self._once("overlaps", read)

    @property
    def reference_additions(self) -> ReferenceAdditions:
        """Yearly capacity additions of the reference case.yaml names as `capacity_reference`,
        with that file's path (for messages); empty (path None) when it names none."""
        from pestle.case.capacity_file import load_reference_additions

        def read() -> ReferenceAdditions:
            key = self.paths.capacity_reference
            if key is None:
                return ReferenceAdditions()
            return load_reference_additions(self.paths.references[key])

        return self._once("reference_additions", read)

    @property
    def observed_capacity(self) -> ObservedCapacity:
        """Installed wind and solar capacity by date and the additions sources state, from
        the file case.yaml names as `capacity_history`; empty (path None) without one."""
        from pestle.case.capacity_file import load_observed_capacity

        def read() -> ObservedCapacity:
            path = self._path("capacity_history")
            return load_observed_capacity(path) if path is not None else ObservedCapacity()

        return self._once("observed_capacity", read)

    @property
    def production_plants(self) -> ProductionPlants:
        """The region's composite-product plants (the file case.yaml names as
        `production_plants`); empty (path None) without one."""
        from pestle.case.plants_file import load_plants

        def read() -> ProductionPlants:
            path = self._path("production_plants")
            return load_plants(path) if path is not None else ProductionPlants()

        return self._once("production_plants", read)

    @property
    def linkage(self) -> LinkageConfig | None:
        """The linkage of composite demand to table sectors (the `linkage` file), or None
        when the case has none."""
        from pestle.case.linkage_file import load_linkage

        def read() -> LinkageConfig | None:
            path = self._path("linkage")
            return load_linkage(path) if path is not None else None

        return self._once("linkage", read)

    @property
    def policy_measures(self) -> PolicyCoding:
        """The coded policy measures (the `policy_measures` file), checked against the case:
        the entities they name exist and their quotes resolve."""
        from pestle.case.policy_file import check_against_case, load_policy_measures

        def read() -> PolicyCoding:
            default_document = self.documents[0].id if self.documents else None
            coding = load_policy_measures(self._required("policy_measures"), default_document)
            check_against_case(coding, self)
            return coding

        return self._once("policy_measures", read)

    @property
    def judgments(self) -> Judgments:
        """Analyst judgments (the `judgments` file), read on first use; their factors must be
        the case's factors, with the same dimension and direction (kind). Their consistency
        (AHP CR) is an analysis: `pestle.analysis.ahp.check_judgments`."""
        return self._once("judgments", self._read_judgments)

    def _read_judgments(self) -> Judgments:
        from pestle.case.judgments_file import load_judgments
        from pestle.errors import CaseError

        path = self._required("judgments")
        judgments = load_judgments(path)
        factors_file = self.paths.factors[0].name if self.paths.factors else "the factors file"
        for factor_id, judged in judgments.factors.items():
            line = judgments.line("factors", factor_id)
            if factor_id not in self._factors:
                raise CaseError(
                    f"factor {factor_id!r} is not a factor of the case ({factors_file})",
                    path,
                    line,
                )
            factor = self._factors[factor_id]
            for what, here, there in (
                ("dimension", judged.dimension, factor.dimension),
                ("kind", judged.kind, factor.direction),
            ):
                if here != there:
                    raise CaseError(
                        f"factor {factor_id!r} has {what} {here!r} here but {there!r} in "
                        f"{factors_file}",
                        path,
                        line,
                    )
        return judgments

    # -- the files ----------------------------------------------------------------------------
    def files(self) -> Mapping[str, tuple[Path, ...]]:
        """Every file the case is made of, by kind (`FILE_KINDS`: case, documents, references,
        entities, factors, judgments, parameters, scenarios, linkage, policy_measures), as
        absolute paths; an optional kind the case does not have is ()."""
        p = self.paths
        out: dict[str, tuple[Path, ...]] = {
            "case": (p.case,) if p.case is not None else (),
            "documents": p.documents,
            "references": tuple(p.references.values()),
            "entities": p.entities,
            "factors": p.factors,
        }
        for kind in OPTIONAL_FILES:
            path = self._path(kind)
            out[kind] = (path,) if path is not None else ()
        return MappingProxyType(out)

    def fingerprint(self, *kinds: str) -> str:
        """sha256 (hex) of the files of the given kinds (none given: all) as they were when
        the case was loaded: kinds in `FILE_KINDS` order, each kind's files in `files()`
        order, each hashed with its kind, its path relative to the case folder and its
        bytes."""
        unknown = [k for k in kinds if k not in FILE_KINDS]
        if unknown:
            raise ValueError(f"unknown kind(s) {unknown}; known: {', '.join(FILE_KINDS)}")
        digest = hashlib.sha256()
        for kind in FILE_KINDS:
            if kinds and kind not in kinds:
                continue
            digest.update(f"{kind}\0{self._digests.get(kind) or self._digest(kind)}\0".encode())
        return digest.hexdigest()

    def _digest(self, kind: str) -> str:
        """sha256 of one kind's files as they are on disk now."""
        digest = hashlib.sha256()
        for path in self.files()[kind]:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise InputError(f"{path}: cannot read ({exc.strerror})") from None
            name = os.path.relpath(path, self.folder).replace(os.sep, "/")
            for part in (name.encode(), str(len(data)).encode(), data):
                digest.update(part)
                digest.update(b"\0")
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
            "region_short": self.region_short,
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
