"""External Factor Evaluation (EFE) matrix: weight x rating per external factor.

Method (David, Strategic Management: Concepts and Cases, ch. 3 "The External Assessment",
section "The External Factor Evaluation (EFE) Matrix"): each key opportunity and threat gets a
weight (0.0 not important .. 1.0 very important; the weights sum to 1.0) and a rating of how
effectively current strategies respond to it (4 superior, 3 above average, 2 average, 1 poor).
The total weighted score lies between 1.0 and 4.0; 2.5 is the average: above 2.5 the
organisation (here: the regional industry) is responding well to its external environment,
4.0 is an outstanding response, 1.0 means opportunities are not captured nor threats avoided.
In pestle the weights are the AHP global weights of the factors.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict

from pestle.model.matrices import (
    WEIGHT_SUM_TOLERANCE,
    EfeFactor,
    EfeMatrix,
    FactorKind,
    efe_matrix,
)

EFE_MIN = 1.0
EFE_AVERAGE = 2.5
EFE_MAX = 4.0
Interpretation = Literal["above_average", "average", "below_average"]


class EfeRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    kind: FactorKind
    weight: float
    rating: int
    weighted_score: float


class EfeResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    rows: tuple[EfeRow, ...]
    total: float
    opportunities: float  # weighted score of the opportunities
    threats: float  # weighted score of the threats
    interpretation: Interpretation
    responding_well: bool  # total > 2.5
    scale_min: float = EFE_MIN
    scale_average: float = EFE_AVERAGE
    scale_max: float = EFE_MAX

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([r.model_dump() for r in self.rows]).set_index("id")

    def to_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json")


def interpret(total: float, tolerance: float = 1e-9) -> Interpretation:
    if total > EFE_AVERAGE + tolerance:
        return "above_average"
    if total < EFE_AVERAGE - tolerance:
        return "below_average"
    return "average"


def efe(matrix: EfeMatrix) -> EfeResult:
    rows = tuple(
        EfeRow(
            id=f.id,
            kind=f.kind,
            weight=f.weight,
            rating=f.rating,
            weighted_score=f.weight * f.rating,
        )
        for f in matrix.factors
    )
    total = sum(r.weighted_score for r in rows)
    return EfeResult(
        name=matrix.name,
        rows=rows,
        total=total,
        opportunities=sum(r.weighted_score for r in rows if r.kind == "opportunity"),
        threats=sum(r.weighted_score for r in rows if r.kind == "threat"),
        interpretation=interpret(total),
        responding_well=interpret(total) == "above_average",
    )


__all__ = [
    "EFE_AVERAGE",
    "EFE_MAX",
    "EFE_MIN",
    "WEIGHT_SUM_TOLERANCE",
    "EfeFactor",
    "EfeMatrix",
    "EfeResult",
    "EfeRow",
    "FactorKind",
    "Interpretation",
    "efe",
    "efe_matrix",
    "interpret",
]
