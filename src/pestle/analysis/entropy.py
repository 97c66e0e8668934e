"""Entropy weights: how much information each indicator's spread over periods carries.

Method (Shannon entropy weighting; Hwang & Yoon 1981, Multiple Attribute Decision Making,
Springer, ch. 4; Zeleny 1982): for m periods (rows) and indicators j (columns),
p_ij = x_ij / sum_i x_ij, e_j = -sum_i p_ij ln p_ij / ln m, d_j = 1 - e_j, w_j = d_j / sum d.
An indicator that barely moves between periods (e_j -> 1) gets a weight near 0.

Why hand-written: the report needs e_j and d_j, which pymcdm (`pymcdm.weights.entropy_weights`,
v1.4) does not return, and the weights are one line more; importing pymcdm also imports
matplotlib (0.5 s of every cold `pestle report`). Tests check the weights against pymcdm on
random panels and against two published examples (Xu 2004; Zavadskas & Podvezko 2016).
pymcdm treats any column containing a zero as entropy 0 (maximally informative), whereas
Shannon's convention is 0 ln 0 = 0; rather than choose silently, zero and negative values are
refused with an error naming the cell (shift or rescale the indicator).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel, ConfigDict, model_validator

from pestle.errors import AnalysisError

if TYPE_CHECKING:
    import pandas as pd


class IndicatorPanel(BaseModel):
    """Numeric indicators (columns) observed over periods (rows)."""

    model_config = ConfigDict(frozen=True)

    name: str
    periods: tuple[str, ...]
    indicators: tuple[str, ...]
    values: tuple[tuple[float, ...], ...]  # values[period][indicator]

    @model_validator(mode="after")
    def _check(self) -> IndicatorPanel:
        m, k = len(self.periods), len(self.indicators)
        if m < 2:
            raise AnalysisError(
                f"panel '{self.name}' has {m} period(s); entropy weights need at least two"
            )
        if k < 1:
            raise AnalysisError(f"panel '{self.name}' has no indicators")
        if len(self.values) != m or any(len(row) != k for row in self.values):
            raise AnalysisError(
                f"panel '{self.name}' must have {m} rows (periods) of {k} values (indicators)"
            )
        for i, j in np.ndindex(m, k):
            x = self.values[i][j]
            if not np.isfinite(x) or x <= 0:
                raise AnalysisError(
                    f"panel '{self.name}' cell ({self.periods[i]}, {self.indicators[j]}) = {x:g}: "
                    "entropy weights need strictly positive values; shift or rescale the "
                    "indicator (e.g. index it to a base period)"
                )
        return self


class EntropyResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    indicators: tuple[str, ...]
    entropy: tuple[float, ...]  # e_j
    divergence: tuple[float, ...]  # d_j = 1 - e_j
    weights: tuple[float, ...]  # w_j

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(
            {"entropy": self.entropy, "divergence": self.divergence, "weight": self.weights},
            index=pd.Index(self.indicators, name="indicator"),
        )

    def to_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json")


def entropy_weights(panel: IndicatorPanel) -> EntropyResult:
    """Entropy weights of the panel's indicators (see the module docstring)."""
    x = np.array(panel.values, dtype=float)
    p = x / x.sum(axis=0)
    entropy = -(p * np.log(p)).sum(axis=0) / np.log(x.shape[0])
    divergence = 1.0 - entropy
    if not np.any(divergence > 1e-12):
        raise AnalysisError(
            f"panel '{panel.name}': no indicator varies across periods, so entropy gives no "
            "information to weight them by"
        )
    weights = divergence / divergence.sum()
    return EntropyResult(
        name=panel.name,
        indicators=panel.indicators,
        entropy=tuple(float(v) for v in entropy),
        divergence=tuple(float(v) for v in divergence),
        weights=tuple(float(v) for v in weights),
    )
