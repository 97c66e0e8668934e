"""The Finding: one check, its outcome, and everything a reader needs to redo it.

A finding says what was compared (`title`), the outcome (`status`: pass / fail /
unknown), how much it matters when it fails (`severity`: info / warning / error), a
message in plain words, the two sides of the comparison (`expected`, `actual`, each a
figure with the arithmetic written out), the `tolerance` with its reason, and the
`evidence`: claim spans quoted from the document with their section, passages (a
status in words), reference entries with their source and quality, case entities with
the attribute used.

A passing check is always `info`; an `unknown` is never a pass — its message says what
data is missing.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Status = Literal["pass", "fail", "unknown"]
Severity = Literal["info", "warning", "error"]

STATUS_ORDER: dict[str, int] = {"fail": 0, "unknown": 1, "pass": 2}
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


class Figure(BaseModel):
    """One side of a comparison: a number in a display unit, and how it was obtained."""

    model_config = ConfigDict(frozen=True)

    value: float | None = None
    unit: str | None = None
    text: str = Field(description="the number with its arithmetic, e.g. '142.45 + 6 = 148.45'")


class Tolerance(BaseModel):
    """How far apart two figures may be and still agree, and why that much."""

    model_config = ConfigDict(frozen=True)

    value: float
    unit: str
    why: str

    @property
    def text(self) -> str:
        if self.unit == "×":
            return f"within a factor of {_short(self.value)} ({self.why})"
        unit = f"× {self.unit}" if self.unit[:1].isdigit() else self.unit
        return f"±{_short(self.value)} {unit} ({self.why})"


class ClaimEvidence(BaseModel):
    """A claim of a document: its exact text and span, section, and the sentence around it."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["claim"] = "claim"
    document: str | None = None
    section: str | None = None
    text: str
    start: int
    end: int
    quote: str = Field(description="the sentence (or table row) the claim was read from")
    value: float
    unit: str
    qualifier: str = "="
    measure: str | None = None
    subject: str | None = None
    period: str | None = None
    entity: str | None = Field(default=None, description="the case entity this figure backs")


class PassageEvidence(BaseModel):
    """A passage of a document that states something other than a number (a status)."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["passage"] = "passage"
    document: str | None = None
    section: str | None = None
    text: str
    start: int
    end: int
    entity: str | None = None


class ReferenceEvidence(BaseModel):
    """An entry of reference data, with where it comes from and how firm it is."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["reference"] = "reference"
    series: str
    label: str = Field(description="the period, date or name that identifies the entry")
    value: float | None = None
    unit: str | None = None
    qualifier: str = "="
    quality: str | None = None
    source: str
    note: str | None = None
    display: str | None = Field(default=None, description="the value in words of its unit")


class EntityEvidence(BaseModel):
    """An entity of the case and the attribute the check used."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["entity"] = "entity"
    entity: str
    name: str
    attribute: str | None = None
    value: Any = None
    display: str | None = Field(default=None, description="the value in words of its unit")


Evidence = Annotated[
    ClaimEvidence | PassageEvidence | ReferenceEvidence | EntityEvidence,
    Field(discriminator="kind"),
]


class Finding(BaseModel):
    """The outcome of one check (see the module docstring)."""

    model_config = ConfigDict(frozen=True)

    rule: str
    id: str = Field(description="stable key: '<rule>:<what>'")
    title: str
    status: Status
    severity: Severity
    message: str
    expected: Figure | None = None
    actual: Figure | None = None
    tolerance: Tolerance | None = None
    evidence: tuple[Evidence, ...] = ()
    readings: tuple[str, ...] = Field(
        default=(), description="possible explanations when a figure does not add up"
    )

    @field_validator("title", "message")
    @classmethod
    def _sentence_case(cls, text: str) -> str:
        return text[:1].upper() + text[1:]

    @model_validator(mode="after")
    def _consistent(self) -> Finding:
        if self.status == "pass" and self.severity != "info":
            raise ValueError(f"{self.id}: a passing check is 'info', not {self.severity!r}")
        if not self.id.startswith(f"{self.rule}:"):
            raise ValueError(f"finding id {self.id!r} must start with its rule {self.rule!r}")
        return self

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (STATUS_ORDER[self.status], SEVERITY_ORDER[self.severity], self.id)


def _short(value: float) -> str:
    return f"{value:.4g}"
