"""The matrices analysts fill in, as validated types: AHP pairwise comparisons, the DEMATEL
direct-influence matrix, the TOPSIS decision matrix and the EFE matrix.

Each validates its shape and cells when built (a bad cell is a `JudgmentError` naming the
matrix and the cell); the methods that solve them live in `pestle.analysis` (`ahp`, `dematel`,
`topsis`, `efe`), which re-export these types.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from itertools import combinations
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, ConfigDict, model_validator

from pestle.errors import AnalysisError

CriterionKind = Literal["benefit", "cost"]
FactorKind = Literal["opportunity", "threat"]
WEIGHT_SUM_TOLERANCE = 1e-6

# a_ij * a_ji may differ from 1 by this much before the pair is called non-reciprocal: it admits
# reciprocals written as rounded decimals (0.33 for 1/3, 0.14 for 1/7) and nothing coarser.
RECIPROCITY_TOLERANCE = 0.05


class JudgmentError(AnalysisError):
    """A judgment matrix has a bad cell; carries the matrix name and the cell's labels."""

    def __init__(self, message: str, matrix: str, cell: tuple[str, str] | None = None) -> None:
        self.matrix = matrix
        self.cell = cell
        super().__init__(message)


def ratio_text(x: float) -> str:
    """A judgment as a person writes it: 3, 1/3, 2.5."""
    if x > 0 and abs(x - round(x)) < 1e-9:
        return str(round(x))
    if x > 0 and abs(1 / x - round(1 / x)) < 1e-9:
        return f"1/{round(1 / x)}"
    return f"{x:.3g}"


class PairwiseMatrix(BaseModel):
    """A reciprocal pairwise-comparison matrix: values[i][j] = how many times i outweighs j.

    Missing comparisons are None (or 0). When only one of a_ij, a_ji is given, the other is its
    reciprocal; when both are given they must be reciprocal (within RECIPROCITY_TOLERANCE).
    """

    model_config = ConfigDict(frozen=True)

    name: str
    labels: tuple[str, ...]
    values: tuple[tuple[float | None, ...], ...]

    @model_validator(mode="after")
    def _check(self) -> PairwiseMatrix:
        n = len(self.labels)
        if n == 0:
            raise JudgmentError(f"matrix '{self.name}' has no items", self.name)
        if len(set(self.labels)) != n:
            dup = sorted({x for x in self.labels if self.labels.count(x) > 1})
            raise JudgmentError(f"matrix '{self.name}' repeats the label(s) {dup}", self.name)
        if len(self.values) != n:
            raise JudgmentError(
                f"matrix '{self.name}' has {len(self.values)} rows for {n} labels", self.name
            )
        for i, row in enumerate(self.values):
            if len(row) != n:
                raise JudgmentError(
                    f"matrix '{self.name}' row '{self.labels[i]}' has {len(row)} entries, "
                    f"expected {n}",
                    self.name,
                    (self.labels[i], self.labels[i]),
                )
        for i, j in np.ndindex(n, n):
            a = self.values[i][j]
            cell = (self.labels[i], self.labels[j])
            where = f"matrix '{self.name}' cell ({cell[0]}, {cell[1]})"
            if a is None:
                continue
            if not math.isfinite(a) or a < 0:
                raise JudgmentError(
                    f"{where} = {a:g}: judgments are positive ratios (1/9..9); "
                    "leave a missing comparison empty",
                    self.name,
                    cell,
                )
            if i == j and a not in (0, 1):
                raise JudgmentError(
                    f"{where} = {ratio_text(a)}: an item compared with itself is 1",
                    self.name,
                    cell,
                )
        for i, j in combinations(range(n), 2):
            a, b = self.values[i][j], self.values[j][i]
            if a and b and abs(a * b - 1) > RECIPROCITY_TOLERANCE:
                raise JudgmentError(
                    f"matrix '{self.name}' cell ({self.labels[i]}, {self.labels[j]}) = "
                    f"{ratio_text(a)} but ({self.labels[j]}, {self.labels[i]}) = {ratio_text(b)}; "
                    f"expected {ratio_text(1 / a)}",
                    self.name,
                    (self.labels[j], self.labels[i]),
                )
        return self

    @property
    def n(self) -> int:
        return len(self.labels)

    def judgments(self) -> NDArray[np.float64]:
        """The reciprocal matrix with NaN where a comparison is missing (diagonal = 1).

        A pair given both ways is made exactly reciprocal by the geometric mean sqrt(a_ij/a_ji).
        """
        n = self.n
        a = np.full((n, n), np.nan)
        np.fill_diagonal(a, 1.0)
        for i, j in combinations(range(n), 2):
            x, y = self.values[i][j] or None, self.values[j][i] or None
            if x is not None and y is not None:
                v = math.sqrt(x / y)
            elif x is not None:
                v = x
            elif y is not None:
                v = 1 / y
            else:
                continue
            a[i, j], a[j, i] = v, 1 / v
        return a

    def missing(self) -> tuple[tuple[str, str], ...]:
        a = self.judgments()
        return tuple(
            (self.labels[i], self.labels[j])
            for i, j in combinations(range(self.n), 2)
            if np.isnan(a[i, j])
        )


class InfluenceMatrix(BaseModel):
    """Direct influence of row factor on column factor, on a 0..scale_max scale."""

    model_config = ConfigDict(frozen=True)

    name: str
    labels: tuple[str, ...]
    values: tuple[tuple[float, ...], ...]
    scale_max: float = 4.0

    @model_validator(mode="after")
    def _check(self) -> InfluenceMatrix:
        n = len(self.labels)
        if n < 2:
            raise JudgmentError(f"matrix '{self.name}' needs at least two factors", self.name)
        if len(set(self.labels)) != n:
            dup = sorted({x for x in self.labels if self.labels.count(x) > 1})
            raise JudgmentError(f"matrix '{self.name}' repeats the label(s) {dup}", self.name)
        if len(self.values) != n or any(len(row) != n for row in self.values):
            raise JudgmentError(
                f"matrix '{self.name}' must be {n} x {n} (one row and one column per label)",
                self.name,
            )
        for i, j in np.ndindex(n, n):
            x = self.values[i][j]
            cell = (self.labels[i], self.labels[j])
            where = f"matrix '{self.name}' cell ({cell[0]}, {cell[1]}) = {x:g}"
            if not np.isfinite(x) or x < 0 or x > self.scale_max:
                raise JudgmentError(
                    f"{where}: influence is rated 0..{self.scale_max:g}", self.name, cell
                )
            if i == j and x != 0:
                raise JudgmentError(
                    f"{where}: a factor's influence on itself is 0", self.name, cell
                )
        return self

    def array(self) -> NDArray[np.float64]:
        return np.array(self.values, dtype=float)


class Criterion(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    kind: CriterionKind
    weight: float


class DecisionMatrix(BaseModel):
    """Alternatives (rows) scored on criteria (columns), with criterion weights and kinds."""

    model_config = ConfigDict(frozen=True)

    name: str
    alternatives: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    values: tuple[tuple[float, ...], ...]  # values[alternative][criterion]

    @model_validator(mode="after")
    def _check(self) -> DecisionMatrix:
        m, k = len(self.alternatives), len(self.criteria)
        ids = [c.id for c in self.criteria]
        if m < 2 or k < 1:
            raise AnalysisError(
                f"decision matrix '{self.name}' needs at least two alternatives and one "
                f"criterion, got {m} and {k}"
            )
        for what, names in (("alternative", list(self.alternatives)), ("criterion", ids)):
            dup = sorted({x for x in names if names.count(x) > 1})
            if dup:
                raise AnalysisError(f"decision matrix '{self.name}' repeats the {what}(s) {dup}")
        if len(self.values) != m or any(len(row) != k for row in self.values):
            raise AnalysisError(
                f"decision matrix '{self.name}' must have {m} rows (alternatives) of {k} values "
                "(criteria)"
            )
        for c in self.criteria:
            if not np.isfinite(c.weight) or c.weight < 0:
                raise AnalysisError(
                    f"decision matrix '{self.name}' criterion '{c.id}' has weight {c.weight}; "
                    "weights are non-negative"
                )
        if sum(c.weight for c in self.criteria) <= 0:
            raise AnalysisError(f"decision matrix '{self.name}': all criterion weights are 0")
        for i, j in np.ndindex(m, k):
            x = self.values[i][j]
            if not np.isfinite(x) or x < 0:
                raise AnalysisError(
                    f"decision matrix '{self.name}' cell ({self.alternatives[i]}, {ids[j]}) = "
                    f"{x:g}: TOPSIS scores are non-negative numbers"
                )
        x = np.array(self.values, dtype=float)
        for j in np.flatnonzero(~x.any(axis=0)):
            raise AnalysisError(
                f"decision matrix '{self.name}' criterion '{ids[j]}' is 0 for every alternative; "
                "it cannot be normalised (drop it or score it)"
            )
        return self

    def weights(self) -> np.ndarray:
        w = np.array([c.weight for c in self.criteria], dtype=float)
        return w / w.sum()

    def with_weights(self, weights: np.ndarray) -> DecisionMatrix:
        criteria = tuple(
            c.model_copy(update={"weight": float(w)})
            for c, w in zip(self.criteria, weights, strict=True)
        )
        return self.model_copy(update={"criteria": criteria})


class EfeFactor(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    kind: FactorKind
    weight: float
    rating: int


class EfeMatrix(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    factors: tuple[EfeFactor, ...]

    @model_validator(mode="after")
    def _check(self) -> EfeMatrix:
        if not self.factors:
            raise AnalysisError(f"EFE matrix '{self.name}' has no factors")
        ids = [f.id for f in self.factors]
        dup = sorted({x for x in ids if ids.count(x) > 1})
        if dup:
            raise AnalysisError(f"EFE matrix '{self.name}' lists factor(s) {dup} twice")
        for f in self.factors:
            if not 0.0 <= f.weight <= 1.0:
                raise AnalysisError(
                    f"EFE matrix '{self.name}' factor '{f.id}' weight {f.weight:g} is outside 0..1"
                )
            if f.rating not in (1, 2, 3, 4):
                raise AnalysisError(
                    f"EFE matrix '{self.name}' factor '{f.id}' rating {f.rating} is not 1, 2, 3 "
                    "or 4 (4 superior response, 3 above average, 2 average, 1 poor)"
                )
        total = sum(f.weight for f in self.factors)
        if abs(total - 1.0) > WEIGHT_SUM_TOLERANCE:
            raise AnalysisError(
                f"EFE matrix '{self.name}' weights sum to {total:.6f}, not 1.0; use normalised "
                "weights (e.g. the AHP global weights)"
            )
        return self


def efe_matrix(
    name: str,
    weights: Mapping[str, float],
    ratings: Mapping[str, int],
    kinds: Mapping[str, FactorKind],
) -> EfeMatrix:
    """Assemble an EFE matrix from (AHP) weights, ratings and factor kinds keyed by factor id."""
    missing = sorted((set(weights) ^ set(ratings)) | (set(weights) - set(kinds)))
    if missing:
        raise AnalysisError(
            f"EFE matrix '{name}': factors {missing} lack a weight, a rating or a kind"
        )
    return EfeMatrix(
        name=name,
        factors=tuple(
            EfeFactor(id=f, kind=kinds[f], weight=weights[f], rating=ratings[f]) for f in weights
        ),
    )


__all__ = [
    "RECIPROCITY_TOLERANCE",
    "WEIGHT_SUM_TOLERANCE",
    "Criterion",
    "CriterionKind",
    "DecisionMatrix",
    "EfeFactor",
    "EfeMatrix",
    "FactorKind",
    "InfluenceMatrix",
    "JudgmentError",
    "PairwiseMatrix",
    "efe_matrix",
    "ratio_text",
]
