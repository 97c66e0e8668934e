"""DEMATEL: direct and indirect influence among factors, cause and effect groups.

Method (Gabus & Fontela 1972/1976, Battelle Geneva; as summarised by Si, You, Liu & Zhang 2018,
"DEMATEL technique: a systematic review", Mathematical Problems in Engineering, 3696457):

1. X: direct-influence matrix, x_ij = how strongly factor i influences factor j on a 0-4 scale
   (0 none, 1 low, 2 medium, 3 high, 4 very high); the diagonal is 0;
2. D = X / s with s = max(largest row sum, largest column sum);
3. T = D (I - D)^-1 = D + D^2 + D^3 + ... (pestle.analysis.propagation.total_relation, the same
   series as the Leontief inverse); T - D is the indirect part, reported separately;
4. per factor: given d_i (row sum of T, "D"), received r_i (column sum, "R"), prominence d + r,
   relation d - r; relation > 0: cause group, relation < 0: effect group;
5. influence map: the edges i -> j with t_ij above a threshold (the mean of T by default).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from pydantic import BaseModel, ConfigDict

from pestle.analysis.propagation import total_relation
from pestle.errors import AnalysisError
from pestle.model.matrices import InfluenceMatrix, JudgmentError

Group = Literal["cause", "effect", "neutral"]
MatrixKind = Literal["direct", "normalised", "total", "indirect"]
_RELATION_TOL = 1e-12


class Edge(BaseModel):
    model_config = ConfigDict(frozen=True)

    source: str
    target: str
    total: float
    direct: float  # normalised direct part d_ij
    indirect: float  # t_ij - d_ij


class DematelResult(BaseModel):
    """Total, direct and indirect influence, prominence, relation and the influence map."""

    model_config = ConfigDict(frozen=True)

    name: str
    labels: tuple[str, ...]
    direct: tuple[tuple[float, ...], ...]  # X as given
    scale: float  # s, the normaliser
    normalised: tuple[tuple[float, ...], ...]  # D = X / s
    total: tuple[tuple[float, ...], ...]  # T = D (I - D)^-1
    given: tuple[float, ...]  # d: row sums of T
    received: tuple[float, ...]  # r: column sums of T
    prominence: tuple[float, ...]  # d + r
    relation: tuple[float, ...]  # d - r
    groups: tuple[Group, ...]
    threshold: float
    threshold_rule: str
    edges: tuple[Edge, ...]  # t_ij > threshold, strongest first

    @property
    def cause(self) -> tuple[str, ...]:
        return tuple(x for x, g in zip(self.labels, self.groups, strict=True) if g == "cause")

    @property
    def effect(self) -> tuple[str, ...]:
        return tuple(x for x, g in zip(self.labels, self.groups, strict=True) if g == "effect")

    def indirect(self) -> NDArray[np.float64]:
        return np.array(self.total) - np.array(self.normalised)

    def matrix(self, kind: MatrixKind = "total") -> pd.DataFrame:
        data = {
            "direct": np.array(self.direct),
            "normalised": np.array(self.normalised),
            "total": np.array(self.total),
            "indirect": self.indirect(),
        }[kind]
        index = pd.Index(self.labels, name="from")
        return pd.DataFrame(data, index=index, columns=pd.Index(self.labels, name="to"))

    def edges_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            [e.model_dump() for e in self.edges],
            columns=["source", "target", "total", "direct", "indirect"],
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per factor: d, r, d + r, d - r, group, and the direct/indirect split of d."""
        t = np.array(self.total)
        d = np.array(self.normalised)
        return pd.DataFrame(
            {
                "d": self.given,
                "r": self.received,
                "d_plus_r": self.prominence,
                "d_minus_r": self.relation,
                "group": self.groups,
                "d_direct": d.sum(axis=1),
                "d_indirect": (t - d).sum(axis=1),
            },
            index=pd.Index(self.labels, name="factor"),
        )

    def to_dict(self) -> dict[str, object]:
        data = self.model_dump(mode="json")
        data["indirect"] = self.indirect().tolist()
        data["cause"] = list(self.cause)
        data["effect"] = list(self.effect)
        return data


def dematel(matrix: InfluenceMatrix, *, threshold: float | None = None) -> DematelResult:
    """DEMATEL of one direct-influence matrix; threshold defaults to the mean of T."""
    x = matrix.array()
    scale = float(max(x.sum(axis=1).max(), x.sum(axis=0).max()))
    if scale == 0:
        raise AnalysisError(f"matrix '{matrix.name}' has no influence at all (every cell is 0)")
    d = x / scale
    try:
        t = total_relation(d, name=f"D of matrix '{matrix.name}'")
    except AnalysisError as exc:
        raise AnalysisError(
            f"matrix '{matrix.name}': {exc}; the normalised matrix has a closed group of "
            "factors whose influence never dissipates — lower at least one rating in it"
        ) from exc
    given = t.sum(axis=1)
    received = t.sum(axis=0)
    relation = given - received
    groups: tuple[Group, ...] = tuple(
        "cause" if v > _RELATION_TOL else "effect" if v < -_RELATION_TOL else "neutral"
        for v in relation
    )
    if threshold is None:
        cut, rule = float(t.mean()), "mean of T"
    else:
        if not np.isfinite(threshold) or threshold < 0:
            raise AnalysisError(f"DEMATEL threshold must be a non-negative number, got {threshold}")
        cut, rule = float(threshold), "given"
    labels = matrix.labels
    edges = sorted(
        (
            Edge(
                source=labels[i],
                target=labels[j],
                total=float(t[i, j]),
                direct=float(d[i, j]),
                indirect=float(t[i, j] - d[i, j]),
            )
            for i, j in zip(*np.nonzero(t > cut), strict=True)
        ),
        key=lambda e: (-e.total, e.source, e.target),
    )

    def rows(m: NDArray[np.float64]) -> tuple[tuple[float, ...], ...]:
        return tuple(tuple(float(v) for v in row) for row in m)

    return DematelResult(
        name=matrix.name,
        labels=labels,
        direct=rows(x),
        scale=scale,
        normalised=rows(d),
        total=rows(t),
        given=tuple(float(v) for v in given),
        received=tuple(float(v) for v in received),
        prominence=tuple(float(v) for v in given + received),
        relation=tuple(float(v) for v in relation),
        groups=groups,
        threshold=cut,
        threshold_rule=rule,
        edges=tuple(edges),
    )


__all__ = [
    "DematelResult",
    "Edge",
    "Group",
    "InfluenceMatrix",
    "JudgmentError",
    "MatrixKind",
    "dematel",
]
