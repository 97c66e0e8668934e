"""TOPSIS ranking of alternatives (here: composite product segments) on weighted criteria.

Method (Hwang & Yoon 1981, Multiple Attribute Decision Making, Springer, pp. 128-140): vector
normalisation r_ij = x_ij / sqrt(sum_i x_ij^2), weighting v_ij = w_j r_ij, positive ideal = best
v of each criterion (max for benefit, min for cost), negative ideal = worst, Euclidean
separations S+ and S-, closeness C = S- / (S+ + S-), ranked by C descending.

Why hand-written (numpy, a dozen lines): the method is the formula above, and the report needs
its intermediate tables and, for rank stability, closeness under thousands of weight vectors at
once (`closeness` takes a batch). pymcdm 1.4's `TOPSIS` with `vector_normalization` computes the
same closeness, but importing pymcdm imports matplotlib (0.5 s of every cold `pestle report`)
and it scores one weight vector per call. pymcdm stays the test oracle: tests check this code
against it on random matrices, and against Hwang & Yoon's fighter-aircraft example.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel, ConfigDict

from pestle.errors import AnalysisError
from pestle.model.matrices import Criterion, CriterionKind, DecisionMatrix

if TYPE_CHECKING:
    import pandas as pd


class TopsisResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    alternatives: tuple[str, ...]
    criteria: tuple[str, ...]
    weights: tuple[float, ...]  # normalised to sum 1
    normalised: tuple[tuple[float, ...], ...]  # r_ij (vector normalisation)
    weighted: tuple[tuple[float, ...], ...]  # v_ij
    ideal: tuple[float, ...]  # best v per criterion
    anti_ideal: tuple[float, ...]  # worst v per criterion
    distance_ideal: tuple[float, ...]  # S+
    distance_anti_ideal: tuple[float, ...]  # S-
    closeness: tuple[float, ...]  # C
    rank: tuple[int, ...]  # 1 = best; ties share the best rank

    def ranking(self) -> tuple[str, ...]:
        order = sorted(range(len(self.alternatives)), key=lambda i: (self.rank[i], i))
        return tuple(self.alternatives[i] for i in order)

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(
            {
                "distance_ideal": self.distance_ideal,
                "distance_anti_ideal": self.distance_anti_ideal,
                "closeness": self.closeness,
                "rank": self.rank,
            },
            index=pd.Index(self.alternatives, name="alternative"),
        ).sort_values("rank", kind="stable")

    def to_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json")


def rank_descending(scores: np.ndarray) -> np.ndarray:
    """1 = highest score; ties share the best (lowest) rank. A 2-D array is ranked by row."""
    x = np.asarray(scores, dtype=float)
    # rank = 1 + how many score strictly higher (scipy's rankdata(-x, method="min"))
    return 1 + (x[..., None, :] > x[..., :, None]).sum(axis=-1)


def _separations(
    x: np.ndarray, weights: np.ndarray, benefit: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """S+ and S- of every alternative, for one weight vector (k,) or a batch (draws, k)."""
    r = x / np.sqrt((x**2).sum(axis=0))
    v = weights[..., None, :] * r  # (..., m, k)
    best = np.where(benefit, v.max(axis=-2), v.min(axis=-2))[..., None, :]
    worst = np.where(benefit, v.min(axis=-2), v.max(axis=-2))[..., None, :]
    return np.sqrt(((v - best) ** 2).sum(axis=-1)), np.sqrt(((v - worst) ** 2).sum(axis=-1))


def _types(matrix: DecisionMatrix) -> np.ndarray:
    return np.array([c.kind == "benefit" for c in matrix.criteria])


def closeness(matrix: DecisionMatrix, weights: np.ndarray | None = None) -> np.ndarray:
    """TOPSIS closeness: (m,) for the matrix's weights or one vector (k,), (draws, m) for a
    batch of weight vectors (draws, k) — the hot path of the rank-stability Monte Carlo.
    NaN where every alternative sits on both ideals (nothing separates them)."""
    x = np.array(matrix.values, dtype=float)
    w = matrix.weights() if weights is None else np.asarray(weights, dtype=float)
    s_plus, s_minus = _separations(x, w, _types(matrix))
    with np.errstate(invalid="ignore", divide="ignore"):
        return s_minus / (s_plus + s_minus)


def topsis(matrix: DecisionMatrix) -> TopsisResult:
    """TOPSIS of one decision matrix (Hwang & Yoon's vector normalisation)."""
    x = np.array(matrix.values, dtype=float)
    w = matrix.weights()
    benefit = _types(matrix)
    s_plus, s_minus = _separations(x, w, benefit)
    with np.errstate(invalid="ignore", divide="ignore"):
        c = s_minus / (s_plus + s_minus)
    if not np.all(np.isfinite(c)):
        raise AnalysisError(
            f"decision matrix '{matrix.name}': every alternative scores the same on every "
            "weighted criterion, so TOPSIS cannot separate them"
        )
    r = x / np.sqrt((x**2).sum(axis=0))
    v = r * w
    ideal = np.where(benefit, v.max(axis=0), v.min(axis=0))
    anti = np.where(benefit, v.min(axis=0), v.max(axis=0))

    def rows(m: np.ndarray) -> tuple[tuple[float, ...], ...]:
        return tuple(tuple(float(v) for v in row) for row in m)

    return TopsisResult(
        name=matrix.name,
        alternatives=matrix.alternatives,
        criteria=tuple(cr.id for cr in matrix.criteria),
        weights=tuple(float(v) for v in w),
        normalised=rows(r),
        weighted=rows(v),
        ideal=tuple(float(v) for v in ideal),
        anti_ideal=tuple(float(v) for v in anti),
        distance_ideal=tuple(float(v) for v in s_plus),
        distance_anti_ideal=tuple(float(v) for v in s_minus),
        closeness=tuple(float(v) for v in c),
        rank=tuple(int(v) for v in rank_descending(c)),
    )


__all__ = [
    "Criterion",
    "CriterionKind",
    "DecisionMatrix",
    "TopsisResult",
    "closeness",
    "rank_descending",
    "topsis",
]
