"""The policy mix: policy measures coded by level, instrument type and target area.

Typology (Rothwell & Zegveld 1981, *Reindustrialization and Technology*, Longman; the usual
frame of Chinese industrial-policy studies): supply-side instruments supply inputs (capital,
infrastructure, technology, talent, information); demand-side instruments create or open
markets (procurement, market access, trade control); environment-side instruments shape the
conditions (goals and planning, regulation, finance, tax).

The coding lives in the case file `policy_measures.yaml`, one entry per measure with its
codes, the report's words as evidence and a rationale. From it:

- the coverage matrix level x instrument x target (counts and measure ids);
- the superposition index: of the instrument x target cells that any measure addresses,
  the share addressed both at national level and at local level (regional or zone).
  1 means every addressed cell is covered from both sides, 0 that national and local
  measures never meet. It is also given without measures marked `inferred`.

Errors name the file, the line and the bad code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pestle.case.models import Evidence
from pestle.case.yaml_lines import LineDict, LineList, line_of, load_yaml
from pestle.errors import AnalysisError, CaseError, InputError

if TYPE_CHECKING:
    import pandas as pd

    from pestle.case import Case

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
FILE_NAME = "policy_measures.yaml"
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
    name: str = Field(min_length=1)
    level: Level
    instrument: Instrument
    target: Target
    rationale: str = Field(min_length=1)
    evidence: tuple[Evidence, ...] = ()
    entities: tuple[str, ...] = ()
    inferred: bool = False
    file: str | None = Field(default=None, exclude=True, repr=False)
    line: int | None = Field(default=None, exclude=True, repr=False)


class PolicyCoding(BaseModel):
    """The measures of one case as read from its policy_measures.yaml."""

    model_config = ConfigDict(frozen=True)

    measures: tuple[PolicyMeasure, ...]
    typology: str = TYPOLOGY
    note: str | None = None
    path: str | None = None


# -- reading --------------------------------------------------------------------------------


def load_policy_measures(path: str | Path, default_document: str = "source_report") -> PolicyCoding:
    """Read and check a policy_measures.yaml; every problem names file, line and code."""
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
        note=str(raw["note"]) if raw.get("note") else None,
        path=str(path),
    )


def _measure(item: Any, path: Path, line: int | None, default_document: str) -> PolicyMeasure:
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
            {"document": default_document, **link, "file": str(path), "line": line_of(links, i)}
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


# -- the mix --------------------------------------------------------------------------------


class PolicyCell(BaseModel):
    """One instrument x target cell: the measures addressing it at each level."""

    model_config = ConfigDict(frozen=True)

    instrument: Instrument
    target: Target
    national: tuple[str, ...] = ()
    regional: tuple[str, ...] = ()
    zone: tuple[str, ...] = ()

    @property
    def local(self) -> tuple[str, ...]:
        return self.regional + self.zone

    @property
    def addressed(self) -> bool:
        return bool(self.national or self.local)

    @property
    def superposed(self) -> bool:
        return bool(self.national and self.local)

    def coverage(self) -> str:
        """ "both", "national", "local" or "none"."""
        if self.superposed:
            return "both"
        return "national" if self.national else "local" if self.local else "none"


class PolicyMix(BaseModel):
    """Coverage of the instrument x target cells by level, and the superposition index."""

    model_config = ConfigDict(frozen=True)

    measures: tuple[PolicyMeasure, ...]
    cells: tuple[PolicyCell, ...]  # every instrument x target cell, in canonical order
    addressed: int  # cells with at least one measure
    superposed: int  # cells with a national and a local measure
    national_only: int
    local_only: int
    index: float  # superposed / addressed
    index_stated: float | None  # the same without measures marked inferred
    typology: str = TYPOLOGY
    note: str | None = None

    def cell(self, instrument: str, target: str) -> PolicyCell:
        for c in self.cells:
            if c.instrument == instrument and c.target == target:
                return c
        raise KeyError((instrument, target))

    def counts(self) -> dict[str, dict[str, dict[str, int]]]:
        """counts[level][instrument][target] = number of measures."""
        out = {lv: {i: dict.fromkeys(TARGETS, 0) for i in INSTRUMENTS} for lv in LEVELS}
        for m in self.measures:
            out[m.level][m.instrument][m.target] += 1
        return out

    def totals(self) -> dict[str, dict[str, int]]:
        """Measures by level, by instrument and by target (the matrix's margins)."""
        return {
            "level": {x: sum(m.level == x for m in self.measures) for x in LEVELS},
            "instrument": {x: sum(m.instrument == x for m in self.measures) for x in INSTRUMENTS},
            "target": {x: sum(m.target == x for m in self.measures) for x in TARGETS},
        }

    def shares_pct(self) -> dict[str, dict[str, float]]:
        """The margins as percentages of all measures (e.g. environment-side 80 %)."""
        n = len(self.measures)
        return {
            axis: {code: 100 * count / n for code, count in counts.items()}
            for axis, counts in self.totals().items()
        }

    def matrix(self) -> pd.DataFrame:
        """Counts of measures: rows (level, instrument), columns target."""
        import pandas as pd

        counts = self.counts()
        index = pd.MultiIndex.from_product([LEVELS, INSTRUMENTS], names=["level", "instrument"])
        rows = [[counts[lv][i][t] for t in TARGETS] for lv in LEVELS for i in INSTRUMENTS]
        return pd.DataFrame(rows, index=index, columns=pd.Index(TARGETS, name="target"))

    def to_frame(self) -> pd.DataFrame:
        """One row per instrument x target cell: measures by level and the coverage."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "instrument": c.instrument,
                    "target": c.target,
                    "national": len(c.national),
                    "regional": len(c.regional),
                    "zone": len(c.zone),
                    "coverage": c.coverage(),
                }
                for c in self.cells
            ]
        ).set_index(["instrument", "target"])

    def to_dict(self) -> dict[str, Any]:
        return {
            "typology": self.typology,
            "note": self.note,
            "levels": list(LEVELS),
            "local_levels": list(LOCAL_LEVELS),
            "instruments": list(INSTRUMENTS),
            "targets": list(TARGETS),
            "index": self.index,
            "index_stated": self.index_stated,
            "addressed": self.addressed,
            "superposed": self.superposed,
            "national_only": self.national_only,
            "local_only": self.local_only,
            "counts": self.counts(),
            "totals": self.totals(),
            "shares_pct": self.shares_pct(),
            "cells": [
                {
                    **c.model_dump(mode="json"),
                    "coverage": c.coverage(),
                }
                for c in self.cells
            ],
            "measures": [m.model_dump(mode="json") for m in self.measures],
        }


def _cells(measures: Sequence[PolicyMeasure]) -> tuple[PolicyCell, ...]:
    cells = []
    for instrument in INSTRUMENTS:
        for target in TARGETS:
            here = [m for m in measures if m.instrument == instrument and m.target == target]
            cells.append(
                PolicyCell(
                    instrument=instrument,  # type: ignore[arg-type]
                    target=target,  # type: ignore[arg-type]
                    national=tuple(m.id for m in here if m.level == "national"),
                    regional=tuple(m.id for m in here if m.level == "regional"),
                    zone=tuple(m.id for m in here if m.level == "zone"),
                )
            )
    return tuple(cells)


def superposition_index(cells: Sequence[PolicyCell]) -> float | None:
    """Share of addressed cells covered at national and local level (None if none addressed)."""
    addressed = [c for c in cells if c.addressed]
    if not addressed:
        return None
    return sum(c.superposed for c in addressed) / len(addressed)


def policy_mix(
    measures: Sequence[PolicyMeasure], *, typology: str = TYPOLOGY, note: str | None = None
) -> PolicyMix:
    """The coverage matrix and superposition index of a set of coded measures."""
    if not measures:
        raise AnalysisError("the policy mix needs at least one coded measure")
    ids = [m.id for m in measures]
    dup = sorted({x for x in ids if ids.count(x) > 1})
    if dup:
        raise AnalysisError(f"policy measures repeat the id(s) {dup}")
    cells = _cells(measures)
    addressed = sum(c.addressed for c in cells)  # >= 1: every measure addresses a cell
    superposed = sum(c.superposed for c in cells)
    stated = [m for m in measures if not m.inferred]
    return PolicyMix(
        measures=tuple(measures),
        cells=cells,
        addressed=addressed,
        superposed=superposed,
        national_only=sum(c.addressed and not c.local for c in cells),
        local_only=sum(c.addressed and not c.national for c in cells),
        index=superposed / addressed,
        index_stated=superposition_index(_cells(stated)) if stated else None,
        typology=typology,
        note=note,
    )


def case_policy_mix(case: Case, path: str | Path | None = None) -> PolicyMix:
    """The policy mix of a case from its policy_measures.yaml (checked against the case)."""
    path = Path(path) if path is not None else Path(case.folder) / FILE_NAME
    if not path.is_file():
        raise InputError(
            f"{path}: file not found (the case's policy measures, coded by level, instrument "
            "and target)"
        )
    default_document = case.documents[0].id if case.documents else "source_report"
    coding = load_policy_measures(path, default_document)
    check_against_case(coding, case)
    return policy_mix(coding.measures, typology=coding.typology, note=coding.note)


__all__ = [
    "CODES",
    "INSTRUMENTS",
    "LEVELS",
    "LOCAL_LEVELS",
    "TARGETS",
    "PolicyCell",
    "PolicyCoding",
    "PolicyMeasure",
    "PolicyMix",
    "case_policy_mix",
    "check_against_case",
    "load_policy_measures",
    "policy_mix",
    "superposition_index",
]
