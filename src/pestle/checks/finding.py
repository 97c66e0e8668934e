"""The Finding: one check, its outcome, and everything a reader needs to redo it.

A finding says what was compared (`title`), the outcome (`status`: pass / fail /
ambiguous / unknown), how much it matters when it fails (`severity`: info / warning / error), a
message in plain words, the two sides of the comparison (`expected`, `actual`, each a
figure with the arithmetic written out), the `tolerance` with its reason, and the
`evidence`: claim spans quoted from the document with their section, passages (a
status in words), reference entries with their source and quality, case entities with
the attribute used.

A passing check is always `info`; an `unknown` is never a pass — its message says what
data is missing.

Readings and `ambiguous`: `readings` are the possible explanations of a figure that does
not add up; `benign_readings` are those of them under which nothing is wrong (the same
powers granted to several parts). A finding whose readings include a benign one cannot be
a `fail`: a `fail` with a benign reading becomes `ambiguous` (for every rule, here), and an
`ambiguous` finding shows at least one benign and one other reading.

Root causes: `cause` names the one error a finding is a symptom of ("unit of the ... column
('... (100 million yuan)') of the table in § ..."); findings of one cause are reported once
by `pestle.checks.cause.group` as a finding whose `members` are the findings it merged, and
whose `rows` are every place the cause affects, each marked confirmed by reference data or
only implied.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pestle.checks.said import Say
from pestle.model.text import CaseText

Status = Literal["pass", "fail", "ambiguous", "unknown"]
Severity = Literal["info", "warning", "error"]

STATUS_ORDER: dict[str, int] = {"fail": 0, "ambiguous": 1, "unknown": 2, "pass": 3}
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


class Figure(BaseModel):
    """One side of a comparison: a number in a display unit, and how it was obtained."""

    model_config = ConfigDict(frozen=True)

    value: float | None = None
    unit: str | None = None
    text: str = Field(description="the number with its arithmetic, e.g. '142.45 + 6 = 148.45'")
    text_said: Say | None = Field(default=None, description="`text` as a code and parameters")


class Tolerance(BaseModel):
    """How far apart two figures may be and still agree, and why that much."""

    model_config = ConfigDict(frozen=True)

    value: float
    unit: str
    why: str
    why_said: Say | None = Field(default=None, description="`why` as a code and parameters")

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
    name: CaseText  # the case's name, in its languages (JSON: the case's own form)
    attribute: str | None = None
    value: Any = None
    display: str | None = Field(default=None, description="the value in words of its unit")


Evidence = Annotated[
    ClaimEvidence | PassageEvidence | ReferenceEvidence | EntityEvidence,
    Field(discriminator="kind"),
]


class AffectedRow(BaseModel):
    """One place a root cause affects (a row of a table column), and how sure that is."""

    model_config = ConfigDict(frozen=True)

    label: str = Field(description="the row as the document labels it, e.g. 'First Half of 2023'")
    period: str | None = Field(default=None, description="the row's period in words")
    stated: str = Field(description="the figure as the document states it, with its unit")
    corrected: str | None = Field(default=None, description="the figure once the cause is fixed")
    confirmed: bool = Field(description="reference data confirms the corrected figure")
    basis: str = Field(description="the reference that confirms it, or why it is only implied")
    text_said: Say | None = Field(default=None, description="`text` as a code and parameters")
    document: str | None = None
    start: int | None = None
    end: int | None = None

    @property
    def text(self) -> str:
        fixed = f" → {self.corrected}" if self.corrected else ""
        how = "confirmed" if self.confirmed else "implied"
        return f"{self.label}: {self.stated}{fixed} ({how}: {self.basis})"


class Finding(BaseModel):
    """The outcome of one check (see the module docstring)."""

    model_config = ConfigDict(frozen=True)

    rule: str
    id: str = Field(description="stable key: '<rule>:<what>'")
    title: str
    status: Status
    severity: Severity
    message: str
    # what `title`, `message` and `readings` say, in no language: the report and the
    # dashboard write them in the reader's (pestle.present.findings); None for a rule that
    # writes English only
    title_said: Say | None = None
    message_said: Say | None = None
    expected: Figure | None = None
    actual: Figure | None = None
    tolerance: Tolerance | None = None
    evidence: tuple[Evidence, ...] = ()
    readings: tuple[str, ...] = Field(
        default=(), description="possible explanations when a figure does not add up"
    )
    benign_readings: tuple[str, ...] = Field(
        default=(), description="the readings (of `readings`) under which nothing is wrong"
    )
    readings_said: tuple[Say, ...] = Field(
        default=(), description="`readings` as codes and parameters, in their order (or none)"
    )
    cause: str | None = Field(
        default=None, description="the root cause this finding is a symptom of, if known"
    )
    cause_said: Say | None = None
    rows: tuple[AffectedRow, ...] = Field(
        default=(), description="every place the cause affects, confirmed or implied"
    )
    members: tuple[Finding, ...] = Field(
        default=(), description="for a finding of a root cause: the findings it merges"
    )

    @model_validator(mode="before")
    @classmethod
    def _benign_is_not_a_fail(cls, data: Any) -> Any:
        """A failure with a reading under which nothing is wrong is `ambiguous`."""
        if isinstance(data, dict) and data.get("status") == "fail" and data.get("benign_readings"):
            return {**data, "status": "ambiguous"}
        return data

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
        if self.readings_said and len(self.readings_said) != len(self.readings):
            raise ValueError(f"{self.id}: readings_said must say each reading, in order")
        stray = [r for r in self.benign_readings if r not in self.readings]
        if stray:
            raise ValueError(f"{self.id}: benign readings must be readings too: {stray}")
        if self.status == "ambiguous" and not (
            self.benign_readings and len(self.readings) > len(self.benign_readings)
        ):
            raise ValueError(
                f"{self.id}: an ambiguous finding shows a benign reading and one that is an error"
            )
        return self

    @property
    def is_group(self) -> bool:
        """Whether this finding reports a root cause for the findings in `members`."""
        return bool(self.members)

    @property
    def leaves(self) -> tuple[Finding, ...]:
        """The findings the rules produced: the members of a group, or the finding itself."""
        return tuple(m for f in self.members for m in f.leaves) if self.members else (self,)

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (STATUS_ORDER[self.status], SEVERITY_ORDER[self.severity], self.id)


def _short(value: float) -> str:
    return f"{value:.4g}"


Finding.model_rebuild()
