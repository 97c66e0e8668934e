"""The typed contents of a case folder: documents, entities, factors, evidence, sources.

Everything is frozen. Objects read from a file remember `file` and `line` (excluded from
`model_dump`, so the JSON shapes stay those of `pestle.model`), which is how every later
error can name the place a person has to edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pestle.model import Claim, Entity, EvidenceRef, Source
from pestle.model.text import LANGUAGES, Text

Dimension = Literal["political", "economic", "social", "technological", "legal", "environmental"]
Direction = Literal["opportunity", "threat"]
Origin = Literal["report", "analyst"]
Quality = Literal["firm", "verify", "weak", "rough"]

DIMENSIONS: tuple[str, ...] = get_args(Dimension)
DIRECTIONS: tuple[str, ...] = get_args(Direction)

ENTITY_KINDS: tuple[str, ...] = (
    "policy",
    "free_trade_zone",
    "ftz_section",
    "energy_base",
    "hydrogen_project",
    "uhv_corridor",
    "industrial_cluster",
    "platform_type",
    "indicator",
    "trade_category",
)

_ID = r"^[a-z0-9_]+$"
# `pestle init --from` marks what it drafted; an analyst deletes the flag on confirming it.
_DRAFT = "drafted by `pestle init --from`, not yet confirmed by an analyst"


def _where() -> dict:
    return {"default": None, "exclude": True, "repr": False}


class Evidence(EvidenceRef):
    """An `EvidenceRef` read from a case file; `file`/`line` say where it was written."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str | None = Field(**_where())
    line: int | None = Field(**_where())

    @property
    def key(self) -> tuple[str, str | None, str]:
        """The stable key of the passage: (document, section, quote)."""
        return (self.document, self.section, self.quote)


class ExternalSource(BaseModel):
    """A public source outside the case documents (a law, a paper, an encyclopaedia)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    publisher: str | None = None
    date: str | None = None
    address: str | None = None
    note: str | None = None
    quality: Quality | None = None


class ReferenceLink(BaseModel):
    """A link to an entry of the case's reference data (`sources/*.yaml`).

    `attributes` maps an attribute of the linking entity to a field of the entry; the
    loader checks that the two values agree.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    reference: str = Field(description="reference entry id, e.g. 'uhv_corridors@Hami - Chongqing'")
    attributes: dict[str, str] = Field(default_factory=dict)
    file: str | None = Field(**_where())
    line: int | None = Field(**_where())


class CaseEntity(Entity):
    """An `Entity` as written in a case file, with reference links and public sources."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    evidence: tuple[Evidence, ...] = ()
    references: tuple[ReferenceLink, ...] = ()
    sources: tuple[ExternalSource, ...] = ()
    note: str | None = None
    draft: bool = Field(default=False, description=_DRAFT)
    file: str | None = Field(**_where())
    line: int | None = Field(**_where())
    attribute_lines: dict[str, int] = Field(default_factory=dict, exclude=True, repr=False)

    def attribute_line(self, name: str) -> int | None:
        return self.attribute_lines.get(name, self.line)


class Factor(BaseModel):
    """One point of the PESTLE analysis: a dimension, a direction, and what supports it.

    A factor taken from the report (`origin: report`) must link to the report; a factor an
    analyst added (`origin: analyst`) must name at least one public source.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=_ID)
    name: Text
    dimension: Dimension
    direction: Direction
    origin: Origin
    statement: Text
    entities: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    references: tuple[ReferenceLink, ...] = ()
    series: tuple[str, ...] = Field(
        default=(),
        description="reference series that measure the factor over periods, e.g. 'gdp_cny' or "
        "'installed_capacity_w.wind' (used for entropy weights)",
    )
    sources: tuple[ExternalSource, ...] = ()
    draft: bool = Field(default=False, description=_DRAFT)
    file: str | None = Field(**_where())
    line: int | None = Field(**_where())
    series_lines: tuple[int | None, ...] = Field(default=(), exclude=True, repr=False)

    def series_line(self, index: int) -> int | None:
        """Line of item `index` of `series` in the file, else the factor's line."""
        if 0 <= index < len(self.series_lines) and self.series_lines[index] is not None:
            return self.series_lines[index]
        return self.line

    @model_validator(mode="after")
    def _supported(self) -> Factor:
        if not self.statement.strip():
            raise ValueError("statement must not be empty")
        if any("\n" in form.strip() for form in self.statement.forms.values()):
            raise ValueError("statement must be one line")
        if self.origin == "report" and not self.evidence:
            raise ValueError("a factor with origin 'report' needs at least one evidence link")
        if self.origin == "analyst" and not self.sources:
            raise ValueError("a factor with origin 'analyst' needs at least one public source")
        return self


class Section(BaseModel):
    """A section of a document: its title (innermost heading, unnumbered) and body span."""

    model_config = ConfigDict(frozen=True)

    title: str | None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Document(BaseModel):
    """A source document of the case, its text, sections, and the claims extracted from it."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(pattern=_ID)
    title: str
    path: Path = Field(description="absolute path of the text file")
    source: Source
    text: str = Field(repr=False)
    sections: tuple[Section, ...] = Field(default=(), repr=False)
    claims: tuple[Claim, ...] = Field(default=(), repr=False)


class ReferenceFile(BaseModel):
    """A reference-data file of the case (`sources/*.yaml`)."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(pattern=_ID)
    path: Path
    title: str | None = None


# The files of a case besides documents, references, entities and factors, each named by a key
# of case.yaml (a path relative to the case folder; null: the case has none). A key left out
# takes the generic default name; a default file that is absent is simply absent.
OPTIONAL_FILES: tuple[str, ...] = (
    "judgments",
    "parameters",
    "scenarios",
    "linkage",
    "policy_measures",
    "capacity_history",
    "production_plants",
)


class CaseInfo(BaseModel):
    """What `case.yaml` says about the case."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=_ID)
    language: str = Field(
        default=LANGUAGES[0],
        description="the language the case files are written in: a text written as one "
        "string is in it, and a text written per language must give it "
        f"({', '.join(LANGUAGES)})",
        json_schema_extra={"enum": list(LANGUAGES)},
    )
    name: Text
    region: Text
    region_short: Text | None = Field(
        default=None, description="short region name for titles; defaults to `region`"
    )
    target_industry: Text
    description: Text | None = None

    @field_validator("language")
    @classmethod
    def _known_language(cls, language: str) -> str:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; use {', '.join(LANGUAGES)}")
        return language

    documents: dict[str, DocumentSpec] = Field(min_length=1)
    references: dict[str, ReferenceSpec] = Field(default_factory=dict)
    capacity_reference: str | None = Field(
        default=None,
        description="the entry of `references` whose installed capacity feeds the demand "
        "model's observed additions (none: no reference additions)",
    )
    entities: tuple[str, ...] = ("entities.yaml", "entities/*.yaml")
    factors: tuple[str, ...] = ("factors.yaml",)
    judgments: str | None = "judgments.yaml"
    parameters: str | None = "parameters.yaml"
    scenarios: str | None = "scenarios.yaml"
    linkage: str | None = "linkage.yaml"
    policy_measures: str | None = "policy_measures.yaml"
    capacity_history: str | None = None  # no default: a case names its history or has none
    production_plants: str | None = None  # no default: the region's composite plants


class DocumentSpec(BaseModel):
    """A `documents:` entry of case.yaml."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    title: str
    language: str = "en"
    origin: str | None = Field(default=None, description="where the copy came from")


class ReferenceSpec(BaseModel):
    """A `references:` entry of case.yaml."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    title: str | None = None
    origin: str | None = None
    labels: dict[str, Text] = Field(
        default_factory=dict,
        description="the file's series in plain words, as a report names them: series -> "
        "label, or series.measure -> label for a series of dated rows",
    )


CaseInfo.model_rebuild()
