"""Sobol' sensitivity indices (first and total order) through SALib.

`sobol_indices(func, problem, ...)` is a thin typed wrapper: it samples Saltelli's scheme on
a scrambled Sobol' sequence (`saltelli_sample`: the matrix of `SALib.sample.sobol.sample`,
built with array operations instead of SALib's loop over rows), evaluates
the vectorised `func` on all rows at once (in chunks), and analyses with
`SALib.analyze.sobol.analyze`. `demand_sensitivity` applies it to the total composite
demand (all segments, whole horizon) of the demand model: every uncertain parameter is
sampled on [0, 1] and mapped through its own inverse CDF, so uniform and triangular
parameters are handled by the same path as the Monte Carlo.

Following SALib's guidance:
- the base sample N must be a power of 2 (the balance properties of Sobol' sequences);
  the model is evaluated N(D + 2) times, or N(2D + 2) with `calc_second_order`. Second
  order is off by default: only first and total order are reported, and it would double
  the cost.
- SALib's first-order estimator can come out slightly negative for a parameter whose true
  index is ~0 (sampling error; SALib issue #102: if the confidence interval includes zero,
  treat it as zero). We keep the raw estimate and its 95% confidence interval, and clip it
  to 0 (`S1_clipped`) only for ranking. Parameters are ranked by total order (ST), which
  includes interactions; a parameter that does not enter the output in this scenario has
  ST = S1 = 0 exactly and is marked `inert`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel, ConfigDict, model_validator

from pestle.analysis.demand.capacity import BuildOut
from pestle.analysis.demand.model import SLICE, draw, evaluate, uncertain_names
from pestle.errors import AnalysisError
from pestle.model.parameter import ParameterSet

if TYPE_CHECKING:
    import pandas as pd

Func = Callable[[np.ndarray], np.ndarray]


class SobolProblem(BaseModel):
    """Names and (uniform) bounds of the inputs, as SALib's problem dictionary wants."""

    model_config = ConfigDict(frozen=True)

    names: tuple[str, ...]
    bounds: tuple[tuple[float, float], ...]

    @model_validator(mode="after")
    def _consistent(self) -> SobolProblem:
        if len(self.names) != len(self.bounds):
            raise ValueError("one (low, high) bound per name")
        if len(set(self.names)) != len(self.names):
            raise ValueError("names must be unique")
        for low, high in self.bounds:
            if not low < high:
                raise ValueError(f"bound ({low}, {high}) must have low < high")
        return self

    def to_salib(self) -> dict[str, Any]:
        return {
            "num_vars": len(self.names),
            "names": list(self.names),
            "bounds": [list(b) for b in self.bounds],
        }


@dataclass(frozen=True)
class SensitivityResult:
    """Sobol' indices of one output; one row per input."""

    output: str
    names: tuple[str, ...]
    S1: np.ndarray = field(repr=False)
    S1_conf: np.ndarray = field(repr=False)
    ST: np.ndarray = field(repr=False)
    ST_conf: np.ndarray = field(repr=False)
    base_samples: int
    evaluations: int
    calc_second_order: bool
    seed: int
    assumption: tuple[bool, ...] = ()
    conf_level: float = 0.95

    @property
    def S1_clipped(self) -> np.ndarray:
        """First order with negative estimates set to 0 (used for ranking only)."""
        return np.maximum(self.S1, 0.0)

    @property
    def S1_includes_zero(self) -> np.ndarray:
        return self.S1 - self.S1_conf <= 0.0

    @property
    def inert(self) -> np.ndarray:
        """Inputs that do not change the output at all (both indices exactly 0)."""
        return (self.ST == 0.0) & (self.S1 == 0.0)

    @property
    def ranking(self) -> tuple[str, ...]:
        """Input names, most influential first (total order, then clipped first order)."""
        order = sorted(
            range(len(self.names)),
            key=lambda i: (-self.ST[i], -self.S1_clipped[i], self.names[i]),
        )
        return tuple(self.names[i] for i in order)

    def top(self, k: int = 5) -> pd.DataFrame:
        """The k most influential inputs (inert inputs left out)."""
        frame = self.to_frame()
        return frame[~frame["inert"]].head(k)

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        rank = {name: i + 1 for i, name in enumerate(self.ranking)}
        flags = self.assumption or tuple(False for _ in self.names)
        frame = pd.DataFrame(
            {
                "parameter": self.names,
                "S1": self.S1,
                "S1_conf": self.S1_conf,
                "S1_low": self.S1 - self.S1_conf,
                "S1_high": self.S1 + self.S1_conf,
                "S1_clipped": self.S1_clipped,
                "S1_includes_zero": self.S1_includes_zero,
                "ST": self.ST,
                "ST_conf": self.ST_conf,
                "assumption": flags,
                "inert": self.inert,
                "rank": [rank[n] for n in self.names],
            }
        )
        return frame.sort_values("rank").reset_index(drop=True)

    def to_dict(self) -> dict[str, Any]:
        return {
            "output": self.output,
            "method": "Sobol (SALib: sample.sobol, analyze.sobol)",
            "base_samples": self.base_samples,
            "evaluations": self.evaluations,
            "calc_second_order": self.calc_second_order,
            "conf_level": self.conf_level,
            "seed": self.seed,
            "note": (
                "negative first-order estimates are sampling error; S1_clipped sets them to "
                "0 for ranking, S1_low..S1_high is the confidence interval"
            ),
            "indices": [
                {k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
                for row in self.to_frame().to_dict(orient="records")
            ],
        }


def is_power_of_two(n: int) -> bool:
    return n > 0 and (n & (n - 1)) == 0


def saltelli_sample(
    spec: dict[str, Any], base_samples: int, *, calc_second_order: bool, seed: int
) -> np.ndarray:
    """The model inputs of `SALib.sample.sobol.sample(spec, base_samples, ...)`, value for
    value (scrambled Sobol' sequence from scipy, scaled by SALib), for a problem without
    groups. SALib fills the matrix in a Python loop over every row and column: 0.15 s at the
    default N=1,024, most of a rebuild's Sobol' step; here the same rows come from array
    operations. Per base row: A, A with column k from B (k = 1..D), [B with column k from A,
    when second order,] then B."""
    from SALib.util import scale_samples
    from scipy.stats import qmc

    d = int(spec["num_vars"])
    base = qmc.Sobol(d=2 * d, scramble=True, seed=seed).random(base_samples)
    a, b = base[:, :d], base[:, d:]
    swap = np.eye(d, dtype=bool)  # row k of the block: column k taken from the other matrix
    ab = np.where(swap[None, :, :], b[:, None, :], a[:, None, :])  # (N, D, D)
    blocks = [a[:, None, :], ab]
    if calc_second_order:
        blocks.append(np.where(swap[None, :, :], a[:, None, :], b[:, None, :]))
    blocks.append(b[:, None, :])
    rows = np.concatenate(blocks, axis=1).reshape(-1, d)
    return scale_samples(rows, dict(spec))


def sobol_indices(
    func: Func,
    problem: SobolProblem,
    *,
    base_samples: int = 2**13,
    seed: int = 0,
    calc_second_order: bool = False,
    num_resamples: int = 100,
    conf_level: float = 0.95,
    output: str = "y",
    assumption: tuple[bool, ...] = (),
    executor: Executor | None = None,
) -> SensitivityResult:
    """Sobol' first and total order indices of `func` (rows of X -> one value each).

    The rows are evaluated in slices, in this thread or on `executor` (then `func` must
    pickle); the slices come back in order, so the indices do not depend on the executor."""
    if not is_power_of_two(base_samples):
        raise AnalysisError(
            f"Sobol base samples must be a power of 2 (e.g. {2**12} or {2**13}); got {base_samples}"
        )
    if not problem.names:
        raise AnalysisError("no uncertain inputs: nothing to analyse")
    # SALib imports scipy.stats (~0.4 s): only a Sobol' run pays for it
    from SALib.analyze import sobol as sobol_analyze

    spec = problem.to_salib()
    x = saltelli_sample(spec, base_samples, calc_second_order=calc_second_order, seed=seed)
    slices = [x[i : i + SLICE] for i in range(0, len(x), SLICE)]
    y = np.concatenate(list(executor.map(func, slices)) if executor else [func(s) for s in slices])
    if y.shape != (len(x),):
        raise AnalysisError(f"the model returned shape {y.shape}; expected ({len(x)},)")
    d = len(problem.names)
    if np.ptp(y) == 0.0:  # constant output: no variance to share out
        zeros = np.zeros(d)
        s1, s1c, st, stc = zeros, zeros, zeros, zeros
    else:
        # SALib draws its bootstrap with the global RNG when seed is falsy (0): derive one.
        boot_seed = int(np.random.SeedSequence(seed).generate_state(1)[0]) | 1
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            si = sobol_analyze.analyze(
                spec,
                y,
                calc_second_order=calc_second_order,
                num_resamples=num_resamples,
                conf_level=conf_level,
                seed=boot_seed,
            )
        s1, s1c = np.asarray(si["S1"], float), np.asarray(si["S1_conf"], float)
        st, stc = np.asarray(si["ST"], float), np.asarray(si["ST_conf"], float)
    for arr in (s1, s1c, st, stc):
        arr.setflags(write=False)
    return SensitivityResult(
        output=output,
        names=problem.names,
        S1=s1,
        S1_conf=s1c,
        ST=st,
        ST_conf=stc,
        base_samples=base_samples,
        evaluations=len(x),
        calc_second_order=calc_second_order,
        seed=seed,
        assumption=assumption,
        conf_level=conf_level,
    )


def demand_sensitivity(
    build_out: BuildOut,
    parameters: ParameterSet,
    *,
    base_samples: int = 2**13,
    seed: int = 0,
    calc_second_order: bool = False,
    executor: Executor | None = None,
) -> SensitivityResult:
    """Sobol' indices of total composite demand (t, all segments over the horizon)."""
    names = uncertain_names(parameters)
    if not names:
        raise AnalysisError("every parameter is fixed: there is no uncertainty to analyse")
    problem = SobolProblem(names=names, bounds=tuple((0.0, 1.0) for _ in names))
    return sobol_indices(
        TotalDemand(build_out, parameters),
        problem,
        base_samples=base_samples,
        seed=seed,
        calc_second_order=calc_second_order,
        output="cumulative_demand_t/total",
        assumption=tuple(parameters[n].assumption for n in names),
        executor=executor,
    )


@dataclass(frozen=True)
class TotalDemand:
    """Total composite demand of Sobol' sample rows (in [0, 1]^D): a picklable function, so
    the evaluation can run on another process or a Dask worker."""

    build_out: BuildOut
    parameters: ParameterSet

    def __call__(self, x: np.ndarray) -> np.ndarray:
        u = np.clip(x.T, 0.0, 1.0)
        return evaluate(self.build_out, self.parameters, draw(self.parameters, u), n=len(x)).total_t
