"""Entities of a case (zones, projects, corridors, clusters, policies) and their evidence."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from pestle.model.text import Text

Scalar = str | int | float | bool | None


class EvidenceRef(BaseModel):
    """A stable key to a claim: the document, its section, and the quoted claim text."""

    model_config = ConfigDict(frozen=True)

    document: str = Field(description="document id in the case (e.g. 'source_report')")
    section: str | None = None
    quote: str = Field(description="the claim's text exactly as in the document")
    attribute: str | None = Field(
        default=None, description="the entity attribute this claim supports, if any"
    )


class Entity(BaseModel):
    """A named thing of the case with typed attributes and the evidence behind them."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    kind: str
    name: Text
    attributes: dict[str, Scalar] = Field(default_factory=dict)
    evidence: tuple[EvidenceRef, ...] = ()
