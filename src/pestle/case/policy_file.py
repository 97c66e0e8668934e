"""Read a case's policy-measures file: each policy measure coded by level, instrument type
and target area, with the report's words as evidence and a rationale.

`load_policy_measures(path, default_document)` reads and checks the file (every problem one
`CaseError` naming file, line and the bad code); `check_against_case` checks that the
entities and quotes it names exist in the case. `Case.policy_measures` does both.
The policy mix computed from the coding is `pestle.analysis.policy`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pestle.case.models import Evidence
from pestle.case.yaml_lines import LineDict, LineList, line_of, load_yaml
from pestle.errors import CaseError
from pestle.model.text import CaseText, Text

if TYPE_CHECKING:
    from pestle.case.case import Case

Level = Literal["national", "regional", "zone"]
Instrument = Literal["supply", "demand", "environment"]
Target = Literal["energy", "trade_investment", "finance", "digital_economy", "industry", "services"]
LEVELS: tuple[str, ...] = get_args(Level)
LOCAL_LEVELS: tuple[str, ...] = ("regional", "zone")
INSTRUMENTS: tuple[str, ...] = get_args(Instrument)
TARGETS: tuple[str, ...] = get_args(Target)
CODES: dict[str, tuple[str, ...]] = {
    "level": LEVELS,
    "instrument": INSTRUMENTS,
    "target": TARGETS,
}
TYPOLOGY = "Rothwell and Zegveld (1981): supply-side, demand-side, environment-side instruments"
_FIELDS = (
    "id",
    "name",
    "level",
    "instrument",
    "target",
    "entities",
    "evidence",
    "rationale",
    "inferred",
)


class PolicyMeasure(BaseModel):
    """One coded measure: level, instrument, target, with evidence and a rationale."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: Text
    level: Level
    instrument: Instrument
    target: Target
    rationale: Text = Field(min_length=1)  # the report shows it, in the reader's language
    evidence: tuple[Evidence, ...] = ()
    entities: tuple[str, ...] = ()
    inferred: bool = False
    file: str | None = Field(default=None, exclude=True, repr=False)
    line: int | None = Field(default=None, exclude=True, repr=False)

    @field_validator("name")
    @classmethod
    def _named(cls, name: Text) -> Text:
        if not name.strip():
            raise ValueError("a measure needs a name")
        return name


class PolicyCoding(BaseModel):
    """The measures of one case as read from its policy-measures file."""

    model_config = ConfigDict(frozen=True)

    measures: tuple[PolicyMeasure, ...]
    typology: str = TYPOLOGY
    note: Text | None = None
    path: str | None = None


# -- reading --------------------------------------------------------------------------------


def load_policy_measures(path: str | Path, default_document: str | None = None) -> PolicyCoding:
    """Read and check a policy-measures file; every problem names file, line and code.
    An evidence link without `document` names `default_document` (the case's first)."""
    path = Path(path)
    raw = load_yaml(path)
    if not isinstance(raw, LineDict) or not isinstance(raw.get("measures"), list):
        line = line_of(raw) or 1
        raise CaseError("expected a mapping with a list under 'measures:'", path, line)
    items: LineList = raw["measures"]
    if not items:
        raise CaseError(
            "'measures:' is empty; code at least one measure", path, line_of(raw, "measures")
        )
    measures: list[PolicyMeasure] = []
    seen: dict[str, int | None] = {}
    for index, item in enumerate(items):
        line = line_of(items, index)
        measure = _measure(item, path, line, default_document)
        if measure.id in seen:
            raise CaseError(
                f"measure id {measure.id!r} is used twice (first at line {seen[measure.id]})",
                path,
                line,
            )
        seen[measure.id] = line
        measures.append(measure)
    return PolicyCoding(
        measures=tuple(measures),
        typology=str(raw.get("typology") or TYPOLOGY),
        note=_note(raw, path),
        path=str(path),
    )


def _note(raw: Any, path: Path) -> Text | None:
    """The file's `note` (a text, or a text per language), refused at its line if malformed."""
    if not raw.get("note"):
        return None
    try:
        return CaseText.of(raw["note"] if isinstance(raw["note"], dict) else str(raw["note"]))
    except ValueError as exc:
        raise CaseError(f"note: {exc}", path, line_of(raw, "note")) from None


def _measure(
    item: Any, path: Path, line: int | None, default_document: str | None
) -> PolicyMeasure:
    if not isinstance(item, LineDict):
        raise CaseError("each measure must be a mapping (id, name, level, ...)", path, line)
    name = item.get("id")
    who = f"measure {name!r}" if isinstance(name, str) else "measure"
    for key in item:
        if key not in _FIELDS:
            raise CaseError(
                f"{who}: unknown field {key!r} (fields: {', '.join(_FIELDS)})",
                path,
                item.key_line(key),
            )
    for key, allowed in CODES.items():
        if key not in item:
            raise CaseError(f"{who}: no {key} (one of {', '.join(allowed)})", path, item.line)
        value = item[key]
        if value not in allowed:
            raise CaseError(
                f"{who}: {key} {value!r} is not one of {', '.join(allowed)}",
                path,
                item.key_line(key),
            )
    fields: dict[str, Any] = {**item, "file": str(path), "line": item.line}
    links = item.get("evidence")
    if isinstance(links, list):
        fields["evidence"] = [
            {
                **({"document": default_document} if default_document else {}),
                **link,
                "file": str(path),
                "line": line_of(links, i),
            }
            if isinstance(link, dict)
            else link
            for i, link in enumerate(links)
        ]
    try:
        measure = PolicyMeasure.model_validate(fields)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = [p for p in error["loc"] if p not in ("str", "int", "bool")]
        where = line
        if loc and isinstance(loc[0], str) and loc[0] in item:
            where = item.key_line(loc[0])
        message = error["msg"].removeprefix("Value error, ")
        dotted = ".".join(str(p) for p in loc)
        raise CaseError(f"{who}: {dotted}: {message}", path, where) from None
    if not measure.evidence:
        raise CaseError(
            f"{who}: no evidence; quote the report's words (section + quote)", path, line
        )
    return measure


def check_against_case(coding: PolicyCoding, case: Case) -> None:
    """Every entity a measure names exists and every quote resolves in the case's documents."""
    from pestle.case.evidence import EvidenceError

    known = {e.id for e in case.entities}
    for m in coding.measures:
        for entity_id in m.entities:
            if entity_id not in known:
                raise CaseError(
                    f"measure {m.id!r} names entity {entity_id!r}, which the case does not define",
                    m.file,
                    m.line,
                )
        for link in m.evidence:
            try:
                case.resolve(link)
            except EvidenceError as exc:
                raise CaseError(f"measure {m.id!r}: {exc}", link.file, link.line) from None


__all__ = [
    "CODES",
    "INSTRUMENTS",
    "LEVELS",
    "LOCAL_LEVELS",
    "TARGETS",
    "TYPOLOGY",
    "Instrument",
    "Level",
    "PolicyCoding",
    "PolicyMeasure",
    "Target",
    "check_against_case",
    "load_policy_measures",
]
