"""Analyst judgments of a case: pairwise (AHP) matrices, the DEMATEL influence matrix, EFE
ratings and the TOPSIS decision matrix, each judgment with a one-line rationale.

The file is YAML a person edits as rows of numbers under labels; fractions such as 1/3 are
allowed and ~ (or 0) marks a missing pairwise comparison:

    ahp:
      dimensions:
        labels: [political, economic, social]
        rows:
          political: [1,   2, 3]
          economic:  [1/2, 1, 2]
          social:    [1/3, ~, 1]
        why:
          political vs economic: "..."

These are the types; `pestle.case.judgments_file.load_judgments(path)` reads and checks the
file (every problem a ParseError naming file, line, matrix and cell), and
`pestle.analysis.ahp.check_judgments(judgments)` refuses inconsistent AHP matrices (CR > 0.1)
at the line of the row that starts the worst triad, using the lines kept in `Judgments.lines`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from pestle.model.matrices import (
    Criterion,
    DecisionMatrix,
    EfeMatrix,
    InfluenceMatrix,
    PairwiseMatrix,
    efe_matrix,
)
from pestle.model.number import _ratio
from pestle.model.text import Text

DIMENSIONS: tuple[str, ...] = (
    "political",
    "economic",
    "social",
    "technological",
    "legal",
    "environmental",
)
Dimension = Literal["political", "economic", "social", "technological", "legal", "environmental"]
FactorKind = Literal["opportunity", "threat"]
MAX_FILE_BYTES = 2_000_000
FACTOR_ID = re.compile(r"[a-z0-9_]+")


def _number(value: Any) -> Any:
    """A judgment as written: 3, 0.5, "1/3", "2.5" -> float; ~ -> None. The text goes through
    the one safe number parser (bounded length and exponent, finite values only)."""
    return _ratio(value)


Judgment = Annotated[float | None, BeforeValidator(_number)]
Score = Annotated[float, BeforeValidator(_number)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Factor(_Frozen):
    name: Text
    dimension: Dimension
    kind: FactorKind
    evidence: str = Field(min_length=1)


class PairwiseJudgments(_Frozen):
    """One AHP matrix: rows[label] = the row of judgments, why['a vs b'] = the rationale."""

    rationale: str = Field(min_length=1)
    labels: tuple[str, ...]
    rows: dict[str, tuple[Judgment, ...]]
    why: dict[str, str] = Field(default_factory=dict)

    def values(self) -> tuple[tuple[float | None, ...], ...]:
        return tuple(self.rows[label] for label in self.labels)

    def matrix(self, name: str) -> PairwiseMatrix:
        return PairwiseMatrix(name=name, labels=self.labels, values=self.values())


RandomIndexName = Literal["saaty1980", "saaty2005"]


class AhpJudgments(_Frozen):
    random_index: RandomIndexName = "saaty1980"
    dimensions: PairwiseJudgments
    within: dict[str, PairwiseJudgments] = Field(default_factory=dict)


class InfluenceJudgments(_Frozen):
    """DEMATEL direct influence: rows[factor] = its influence on each factor (0..4)."""

    rationale: str = Field(min_length=1)
    scale: str
    labels: tuple[str, ...]
    rows: dict[str, tuple[Score, ...]]
    why: dict[str, str] = Field(default_factory=dict)

    def matrix(self, name: str = "dematel") -> InfluenceMatrix:
        return InfluenceMatrix(
            name=name, labels=self.labels, values=tuple(self.rows[x] for x in self.labels)
        )


class EfeRating(_Frozen):
    rating: int = Field(ge=1, le=4)
    why: str = Field(min_length=1)


class CriterionJudgment(_Frozen):
    kind: Literal["benefit", "cost"]
    weight: float = Field(ge=0)
    scale: str
    stated_input: bool = False  # a placeholder until a model supplies the figure
    why: str = Field(min_length=1)


class TopsisJudgments(_Frozen):
    rationale: str = Field(min_length=1)
    alternatives: tuple[str, ...]
    criteria: dict[str, CriterionJudgment]
    rows: dict[str, tuple[Score, ...]]
    why: dict[str, dict[str, str]] = Field(default_factory=dict)

    def decision_matrix(self, name: str = "segments") -> DecisionMatrix:
        return DecisionMatrix(
            name=name,
            alternatives=self.alternatives,
            criteria=tuple(
                Criterion(id=c, kind=spec.kind, weight=spec.weight)
                for c, spec in self.criteria.items()
            ),
            values=tuple(self.rows[a] for a in self.alternatives),
        )


class Judgments(_Frozen):
    """Every analyst judgment of one case (see the module docstring for the file layout)."""

    illustrative: bool
    note: Text
    factors: dict[str, Factor]
    ahp: AhpJudgments
    dematel: InfluenceJudgments
    efe: dict[str, EfeRating]
    topsis: TopsisJudgments
    path: str | None = None
    lines: dict[str, int] = Field(
        default_factory=dict,
        exclude=True,
        repr=False,
        description="line in the file of each key path, dotted ('ahp.dimensions.rows.economic')",
    )

    @field_validator("note")
    @classmethod
    def _noted(cls, note: Text) -> Text:
        if not note.strip():
            raise ValueError("String should have at least 1 character")
        return note

    def line(self, *loc: str | int) -> int | None:
        """Line of the deepest part of the key path `loc` that the file has (None: unknown)."""
        for end in range(len(loc), -1, -1):
            key = dotted_key(loc[:end])
            if key in self.lines:
                return self.lines[key]
        return None

    def factor_ids(self) -> tuple[str, ...]:
        return tuple(self.factors)

    def dimensions(self) -> tuple[str, ...]:
        """Dimensions that have at least one factor, in the canonical PESTLE order."""
        used = {f.dimension for f in self.factors.values()}
        return tuple(d for d in DIMENSIONS if d in used)

    def factors_of(self, dimension: str) -> tuple[str, ...]:
        return tuple(k for k, f in self.factors.items() if f.dimension == dimension)

    def dimension_matrix(self) -> PairwiseMatrix:
        return self.ahp.dimensions.matrix("dimensions")

    def within_matrices(self) -> dict[str, PairwiseMatrix]:
        """One matrix per dimension; a dimension with a single factor gets the 1 x 1 matrix."""
        out: dict[str, PairwiseMatrix] = {}
        for d in self.dimensions():
            if d in self.ahp.within:
                out[d] = self.ahp.within[d].matrix(within_name(d))
            else:
                (only,) = self.factors_of(d)
                out[d] = PairwiseMatrix(name=within_name(d), labels=(only,), values=((1.0,),))
        return out

    def influence_matrix(self) -> InfluenceMatrix:
        return self.dematel.matrix("dematel")

    def decision_matrix(self) -> DecisionMatrix:
        return self.topsis.decision_matrix("segments")

    def efe_matrix(self, weights: dict[str, float]) -> EfeMatrix:
        """The EFE matrix with the given factor weights (normally the AHP global weights)."""
        return efe_matrix(
            "efe",
            weights,
            {f: r.rating for f, r in self.efe.items()},
            {f: spec.kind for f, spec in self.factors.items()},
        )


def within_name(dimension: str) -> str:
    return f"factors:{dimension}"


def dotted_key(loc: tuple[str | int, ...]) -> str:
    """The key of `Judgments.lines` for a key path: parts joined by dots."""
    return ".".join(str(part) for part in loc)
