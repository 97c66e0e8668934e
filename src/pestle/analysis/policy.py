"""The policy mix: policy measures coded by level, instrument type and target area.

Typology (Rothwell & Zegveld 1981, *Reindustrialization and Technology*, Longman; the usual
frame of Chinese industrial-policy studies): supply-side instruments supply inputs (capital,
infrastructure, technology, talent, information); demand-side instruments create or open
markets (procurement, market access, trade control); environment-side instruments shape the
conditions (goals and planning, regulation, finance, tax).

The coding lives in a file of the case (`pestle.case.policy_file`, `Case.policy_measures`),
one entry per measure with its codes, the report's words as evidence and a rationale. From it:

- the coverage matrix level x instrument x target (counts and measure ids);
- the superposition index: of the instrument x target cells that any measure addresses,
  the share addressed both at national level and at local level (regional or zone).
  1 means every addressed cell is covered from both sides, 0 that national and local
  measures never meet. It is also given without measures marked `inferred`.

Errors name the file, the line and the bad code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from pestle.case.policy_file import (
    CODES,
    INSTRUMENTS,
    LEVELS,
    LOCAL_LEVELS,
    TARGETS,
    TYPOLOGY,
    Instrument,
    Level,
    PolicyCoding,
    PolicyMeasure,
    Target,
    check_against_case,
)
from pestle.errors import AnalysisError
from pestle.model.text import Text

if TYPE_CHECKING:
    import pandas as pd

    from pestle.case import Case

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
    note: Text | None = None  # the case's text: a report shows it in the reader's language

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


def case_policy_mix(case: Case) -> PolicyMix:
    """The policy mix of a case from its policy measures (`Case.policy_measures`, read and
    checked against the case); a case without that file is an `InputError` naming it."""
    coding = case.policy_measures
    return policy_mix(coding.measures, typology=coding.typology, note=coding.note)


__all__ = [
    "CODES",
    "INSTRUMENTS",
    "LEVELS",
    "LOCAL_LEVELS",
    "TARGETS",
    "TYPOLOGY",
    "Instrument",
    "Level",
    "PolicyCell",
    "PolicyCoding",
    "PolicyMeasure",
    "PolicyMix",
    "Target",
    "case_policy_mix",
    "check_against_case",
    "policy_mix",
    "superposition_index",
]
