"""Rank stability of a TOPSIS ranking under uncertain criterion weights (seeded Monte Carlo).

Each draw multiplies every criterion weight by an independent Uniform(1 - spread, 1 + spread)
factor (spread = 0.2 for +/-20 %), renormalises the weights to sum 1 and re-ranks the
alternatives. Reported per alternative: the share of draws in which it keeps its base rank and
the distribution of its ranks; overall: the Spearman rank correlation of each draw's ranking
with the base ranking (mean, 5th percentile, minimum).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel, ConfigDict

from pestle.analysis.seed import rng
from pestle.analysis.topsis import DecisionMatrix, closeness, rank_descending
from pestle.errors import AnalysisError

if TYPE_CHECKING:
    import pandas as pd


class RankStability(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    alternatives: tuple[str, ...]
    base_rank: tuple[int, ...]
    draws: int
    spread: float
    seed: int | None  # None when a Generator (or nothing) was passed
    keep_share: tuple[float, ...]  # share of draws keeping the base rank
    rank_share: tuple[tuple[float, ...], ...]  # [alternative][rank - 1] share of draws
    spearman_mean: float
    spearman_p5: float
    spearman_min: float

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        frame = pd.DataFrame(
            {"base_rank": self.base_rank, "keep_share": self.keep_share},
            index=pd.Index(self.alternatives, name="alternative"),
        )
        for k in range(len(self.alternatives)):
            frame[f"rank_{k + 1}"] = [row[k] for row in self.rank_share]
        return frame.sort_values("base_rank", kind="stable")

    def to_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json")


def perturbed_weights(
    weights: np.ndarray, draws: int, spread: float, generator: np.random.Generator
) -> np.ndarray:
    """draws x k weight vectors: w * U(1 - spread, 1 + spread), each row renormalised to 1."""
    factors = generator.uniform(1.0 - spread, 1.0 + spread, size=(draws, weights.size))
    w = weights[None, :] * factors
    return w / w.sum(axis=1, keepdims=True)


def rank_stability(
    matrix: DecisionMatrix,
    *,
    draws: int = 2000,
    spread: float = 0.2,
    seed: int | np.random.Generator | None = None,
) -> RankStability:
    """Monte Carlo rank stability of TOPSIS under +/-spread multiplicative weight noise."""
    if draws < 1:
        raise AnalysisError(
            f"rank stability needs at least one draw, got {draws}", parameter="draws"
        )
    if not 0.0 <= spread < 1.0:
        raise AnalysisError(f"weight spread must be in [0, 1), got {spread}")
    generator = rng(seed)
    base = rank_descending(closeness(matrix))
    weights = perturbed_weights(matrix.weights(), draws, spread, generator)
    m = len(matrix.alternatives)
    ranks = rank_descending(closeness(matrix, weights))  # (draws, m), all draws at once
    # a draw that keeps the base ranking correlates 1 with it, even if that ranking is all ties
    rho = np.where((ranks == base).all(axis=1), 1.0, spearman(base, ranks))
    rank_share = np.stack([(ranks == r).mean(axis=0) for r in range(1, m + 1)], axis=1)
    finite = rho[np.isfinite(rho)]
    if finite.size == 0:
        raise AnalysisError(
            f"decision matrix '{matrix.name}': every draw ties all alternatives; "
            "rank correlation is undefined"
        )
    return RankStability(
        name=matrix.name,
        alternatives=matrix.alternatives,
        base_rank=tuple(int(r) for r in base),
        draws=draws,
        spread=spread,
        seed=seed if isinstance(seed, int) else None,
        keep_share=tuple(float(v) for v in (ranks == base[None, :]).mean(axis=0)),
        rank_share=tuple(tuple(float(v) for v in row) for row in rank_share),
        spearman_mean=float(finite.mean()),
        spearman_p5=float(np.percentile(finite, 5)),
        spearman_min=float(finite.min()),
    )


def _average_ranks(x: np.ndarray) -> np.ndarray:
    """Ranks 1..m of each row, ties sharing their mean rank (what Spearman's rho ranks by)."""
    below = (x[..., None, :] < x[..., :, None]).sum(axis=-1)
    tied = (x[..., None, :] == x[..., :, None]).sum(axis=-1)
    return below + (tied + 1) / 2.0


def spearman(base: np.ndarray, ranks: np.ndarray) -> np.ndarray:
    """Spearman's rank correlation of `base` (m,) with each row of `ranks` (draws, m), as
    scipy.stats.spearmanr gives it one row at a time; NaN where either side is constant."""
    a = _average_ranks(np.asarray(base, dtype=float))
    b = _average_ranks(np.asarray(ranks, dtype=float))
    a = a - a.mean()
    b = b - b.mean(axis=-1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        rho = (b @ a) / np.sqrt((a @ a) * (b * b).sum(axis=-1))
    return np.clip(rho, -1.0, 1.0)
