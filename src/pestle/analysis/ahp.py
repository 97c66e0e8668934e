"""Analytic Hierarchy Process: priorities from pairwise comparisons and their consistency.

Method (Saaty 1980, *The Analytic Hierarchy Process*, McGraw-Hill; Saaty 1990, "How to make a
decision: the analytic hierarchy process", EJOR 48, 9-26):

- weights: the principal (Perron) eigenvector of the reciprocal matrix A, normalised to sum 1;
  the geometric mean of each row (the logarithmic least-squares solution) is reported beside it;
- consistency: lambda_max, CI = (lambda_max - n) / (n - 1), CR = CI / RI(n) with Saaty's random
  index (table below); CR > 0.1 is an error naming the most inconsistent triad (i, j, k), the
  one with the largest |log(a_ij a_jk / a_ik)|, unless the caller asks for a report;
- incomplete matrices (None or 0 for a missing comparison) are completed by Harker's method
  (Harker 1987, "Incomplete pairwise comparisons in the analytic hierarchy process",
  Mathematical Modelling 9, 837-848): missing entries become 0 and each diagonal entry becomes
  1 + the number of missing entries in its row; the principal eigenvector of that matrix gives
  the weights and its eigenvalue lambda_max. A matrix whose comparisons do not connect all items
  has no unique completion and is refused;
- groups: the analysts' matrices are aggregated entry by entry by the (weighted) geometric mean
  (aggregation of individual judgments, Aczel & Saaty 1983); every individual CR and the
  aggregate CR are reported;
- hierarchies: global weight = dimension weight x within-dimension weight.

Why hand-written: pymcdm's AHP uses Tummala & Ling's random index rather than Saaty's and has no
incomplete matrices, groups or triad diagnostics; the numerics are a few lines of numpy.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from itertools import combinations
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from pydantic import BaseModel, ConfigDict

from pestle.errors import AnalysisError, CaseError
from pestle.model.matrices import (
    RECIPROCITY_TOLERANCE,
    JudgmentError,
    PairwiseMatrix,
    ratio_text,
)

if TYPE_CHECKING:
    from pestle.model.judgment import Judgments

# Saaty's random consistency index RI(n), n = 1..15: the mean CI of random reciprocal matrices.
# "saaty1980": Saaty (1980) The Analytic Hierarchy Process, McGraw-Hill, the table behind the
# classic published consistency ratios (Saaty 1990 divides the house example's CI by 1.41).
# "saaty2005": Saaty (2005) Theory and Applications of the Analytic Network Process, RWS, p. 31.
RANDOM_INDEX: dict[str, tuple[float, ...]] = {
    "saaty1980": (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56,
                  1.57, 1.59),
    "saaty2005": (0.0, 0.0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56,
                  1.58, 1.59),
}  # fmt: skip
RandomIndexTable = Literal["saaty1980", "saaty2005"]
OnInconsistency = Literal["error", "report"]

CR_THRESHOLD = 0.1


def random_index(n: int, table: RandomIndexTable = "saaty1980") -> float:
    """Saaty's random index for an n x n matrix (n = 1..15)."""
    values = RANDOM_INDEX[table]
    if not 1 <= n <= len(values):
        raise AnalysisError(
            f"no random index for a {n} x {n} matrix (Saaty's table covers n = 1..{len(values)}); "
            "split the comparison into smaller groups"
        )
    return values[n - 1]


class Triad(BaseModel):
    """Three judgments that should satisfy a_ij x a_jk = a_ik."""

    model_config = ConfigDict(frozen=True)

    items: tuple[str, str, str]
    a_ij: float
    a_jk: float
    a_ik: float
    log_deviation: float  # |log(a_ij a_jk / a_ik)|

    def describe(self) -> str:
        i, j, k = self.items
        implied = self.a_ij * self.a_jk
        return (
            f"({i}, {j}, {k}): a({i},{j}) x a({j},{k}) = {ratio_text(self.a_ij)} x "
            f"{ratio_text(self.a_jk)} = {implied:.3g} but a({i},{k}) = {ratio_text(self.a_ik)}"
        )


class AhpResult(BaseModel):
    """Priorities of one pairwise matrix and how consistent its judgments are."""

    model_config = ConfigDict(frozen=True)

    name: str
    labels: tuple[str, ...]
    weights: tuple[float, ...]  # principal eigenvector
    weights_geometric: tuple[float, ...]  # row geometric means of the completed matrix
    lambda_max: float
    ci: float
    ri: float
    cr: float
    threshold: float
    consistent: bool  # cr <= threshold
    random_index_table: RandomIndexTable
    missing: tuple[tuple[str, str], ...]  # comparisons completed by Harker's method
    completed: tuple[tuple[float, ...], ...]  # the matrix with missing a_ij = w_i / w_j
    worst_triad: Triad | None

    def weight(self, label: str) -> float:
        return self.weights[self.labels.index(label)]

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            {"weight": self.weights, "weight_geometric": self.weights_geometric},
            index=pd.Index(self.labels, name="item"),
        )

    def to_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json")


def _principal(m: NDArray[np.float64]) -> tuple[float, NDArray[np.float64]]:
    values, vectors = np.linalg.eig(m)
    k = int(np.argmax(values.real))
    w = np.abs(vectors[:, k].real)
    return float(values[k].real), w / w.sum()


def _components(known: NDArray[np.bool_]) -> list[list[int]]:
    n = known.shape[0]
    seen: set[int] = set()
    groups: list[list[int]] = []
    for start in range(n):
        if start in seen:
            continue
        group, stack = [], [start]
        seen.add(start)
        while stack:
            i = stack.pop()
            group.append(i)
            for j in np.flatnonzero(known[i]):
                if int(j) not in seen:
                    seen.add(int(j))
                    stack.append(int(j))
        groups.append(sorted(group))
    return groups


def worst_triad(matrix: PairwiseMatrix) -> Triad | None:
    """The triad of given judgments furthest from a_ij a_jk = a_ik (None if there is none)."""
    a = matrix.judgments()
    best: Triad | None = None
    for i, j, k in combinations(range(matrix.n), 3):
        if np.isnan(a[i, j]) or np.isnan(a[j, k]) or np.isnan(a[i, k]):
            continue
        dev = abs(math.log(a[i, j] * a[j, k] / a[i, k]))
        if best is None or dev > best.log_deviation + 1e-12:
            labels = matrix.labels
            best = Triad(
                items=(labels[i], labels[j], labels[k]),
                a_ij=float(a[i, j]),
                a_jk=float(a[j, k]),
                a_ik=float(a[i, k]),
                log_deviation=dev,
            )
    return best


def ahp(
    matrix: PairwiseMatrix,
    *,
    on_inconsistency: OnInconsistency = "error",
    threshold: float = CR_THRESHOLD,
    random_index_table: RandomIndexTable = "saaty1980",
) -> AhpResult:
    """Weights, lambda_max, CI and CR of one pairwise matrix (see the module docstring).

    Raises AnalysisError if the comparisons do not connect all items, or if CR > threshold and
    on_inconsistency == "error" (the message names the most inconsistent triad).
    """
    n = matrix.n
    a = matrix.judgments()
    known = ~np.isnan(a)
    missing = matrix.missing()
    if missing:
        groups = _components(known & ~np.eye(n, dtype=bool))
        if len(groups) > 1:
            names = ["{" + ", ".join(matrix.labels[i] for i in g) + "}" for g in groups]
            raise AnalysisError(
                f"matrix '{matrix.name}' is incomplete and cannot be completed: "
                f"{' and '.join(names)} are not compared with each other, directly or through "
                "other items; add at least one judgment linking each group"
            )
        harker = np.where(known, a, 0.0)
        np.fill_diagonal(harker, 1.0 + (~known).sum(axis=1))
        lambda_max, w = _principal(harker)
    else:
        lambda_max, w = _principal(a)
    completed = np.where(known, a, np.outer(w, 1 / w))
    geometric = np.exp(np.log(completed).mean(axis=1))
    geometric = geometric / geometric.sum()

    ri = random_index(n, random_index_table)
    ci = max((lambda_max - n) / (n - 1), 0.0) if n > 2 else 0.0
    cr = ci / ri if ri > 0 else 0.0
    triad = worst_triad(matrix)
    if cr > threshold and on_inconsistency == "error":
        hint = f"; most inconsistent triad {triad.describe()}" if triad else ""
        raise AnalysisError(
            f"matrix '{matrix.name}' is inconsistent: CR = {cr:.3f} > {threshold:g}{hint}; "
            "revise one of these judgments (or ask for a report instead of an error)"
        )
    return AhpResult(
        name=matrix.name,
        labels=matrix.labels,
        weights=tuple(float(x) for x in w),
        weights_geometric=tuple(float(x) for x in geometric),
        lambda_max=lambda_max,
        ci=ci,
        ri=ri,
        cr=cr,
        threshold=threshold,
        consistent=cr <= threshold,
        random_index_table=random_index_table,
        missing=missing,
        completed=tuple(tuple(float(x) for x in row) for row in completed),
        worst_triad=triad,
    )


class GroupAhpResult(BaseModel):
    """Aggregate priorities of several analysts and every analyst's own consistency."""

    model_config = ConfigDict(frozen=True)

    name: str
    analysts: tuple[str, ...]
    analyst_weights: tuple[float, ...]
    aggregate_matrix: PairwiseMatrix
    aggregate: AhpResult
    individuals: tuple[AhpResult, ...]

    def to_frame(self) -> pd.DataFrame:
        """Weights by item: one column per analyst and the aggregate."""
        frame = pd.DataFrame(
            {a: r.weights for a, r in zip(self.analysts, self.individuals, strict=True)},
            index=pd.Index(self.aggregate.labels, name="item"),
        )
        frame["aggregate"] = self.aggregate.weights
        return frame

    def consistency_frame(self) -> pd.DataFrame:
        rows = [*zip(self.analysts, self.individuals, strict=True), ("aggregate", self.aggregate)]
        return pd.DataFrame(
            {
                "lambda_max": [r.lambda_max for _, r in rows],
                "ci": [r.ci for _, r in rows],
                "cr": [r.cr for _, r in rows],
                "consistent": [r.consistent for _, r in rows],
            },
            index=pd.Index([a for a, _ in rows], name="analyst"),
        )

    def to_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json")


def aggregate_judgments(
    matrices: Mapping[str, PairwiseMatrix],
    *,
    name: str | None = None,
    analyst_weights: Mapping[str, float] | None = None,
) -> PairwiseMatrix:
    """Entry-wise weighted geometric mean of several analysts' matrices (same labels, same order).

    An entry missing for some analysts is the mean of those who gave it; missing for all, it
    stays missing.
    """
    if not matrices:
        raise AnalysisError("group AHP needs at least one analyst's matrix")
    analysts = list(matrices)
    first = matrices[analysts[0]]
    for analyst in analysts[1:]:
        if matrices[analyst].labels != first.labels:
            raise AnalysisError(
                f"matrix '{matrices[analyst].name}' of analyst '{analyst}' compares "
                f"{list(matrices[analyst].labels)}, but '{first.name}' compares "
                f"{list(first.labels)}; every analyst must compare the same items in the same order"
            )
    raw = analyst_weights or {a: 1.0 for a in analysts}
    unknown = set(raw) - set(analysts)
    if unknown or any(raw.get(a, 0) <= 0 for a in analysts):
        raise AnalysisError(
            f"analyst weights must be positive for every analyst {analysts}, got {dict(raw)}"
        )
    stack = np.stack([matrices[a].judgments() for a in analysts])
    wts = np.array([raw[a] for a in analysts], dtype=float)[:, None, None]
    given = ~np.isnan(stack)
    total = (wts * given).sum(axis=0)
    logs = np.where(given, np.log(np.where(given, stack, 1.0)), 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.exp((wts * logs).sum(axis=0) / total)
    values = tuple(
        tuple(None if total[i, j] == 0 else float(mean[i, j]) for j in range(first.n))
        for i in range(first.n)
    )
    return PairwiseMatrix(name=name or first.name, labels=first.labels, values=values)


def group_ahp(
    matrices: Mapping[str, PairwiseMatrix],
    *,
    name: str | None = None,
    analyst_weights: Mapping[str, float] | None = None,
    on_inconsistency: OnInconsistency = "error",
    threshold: float = CR_THRESHOLD,
    random_index_table: RandomIndexTable = "saaty1980",
) -> GroupAhpResult:
    """AHP of the geometric-mean aggregate of several analysts' matrices.

    Individual matrices are always evaluated in report mode (their CRs are reported, flagged
    when above the threshold); on_inconsistency applies to the aggregate.
    """
    aggregate_matrix = aggregate_judgments(matrices, name=name, analyst_weights=analyst_weights)
    individuals = tuple(
        ahp(
            m,
            on_inconsistency="report",
            threshold=threshold,
            random_index_table=random_index_table,
        )
        for m in matrices.values()
    )
    aggregate = ahp(
        aggregate_matrix,
        on_inconsistency=on_inconsistency,
        threshold=threshold,
        random_index_table=random_index_table,
    )
    analysts = tuple(matrices)
    raw = analyst_weights or {a: 1.0 for a in analysts}
    total = sum(raw[a] for a in analysts)
    return GroupAhpResult(
        name=aggregate_matrix.name,
        analysts=analysts,
        analyst_weights=tuple(raw[a] / total for a in analysts),
        aggregate_matrix=aggregate_matrix,
        aggregate=aggregate,
        individuals=individuals,
    )


class GlobalWeight(BaseModel):
    model_config = ConfigDict(frozen=True)

    group: str
    item: str
    group_weight: float
    local_weight: float
    global_weight: float


class HierarchyResult(BaseModel):
    """Two-level AHP: group (dimension) weights times within-group (factor) weights."""

    model_config = ConfigDict(frozen=True)

    top: AhpResult
    groups: tuple[AhpResult, ...]  # in the order of top.labels
    rows: tuple[GlobalWeight, ...]

    def global_weights(self) -> dict[str, float]:
        return {r.item: r.global_weight for r in self.rows}

    def to_frame(self) -> pd.DataFrame:
        frame = pd.DataFrame([r.model_dump() for r in self.rows])
        return frame.set_index("item")

    def consistency_frame(self) -> pd.DataFrame:
        results = (self.top, *self.groups)
        return pd.DataFrame(
            {
                "n": [len(r.labels) for r in results],
                "lambda_max": [r.lambda_max for r in results],
                "ci": [r.ci for r in results],
                "cr": [r.cr for r in results],
                "consistent": [r.consistent for r in results],
            },
            index=pd.Index([r.name for r in results], name="matrix"),
        )

    def to_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json")


def hierarchy(
    top: PairwiseMatrix | AhpResult,
    groups: Mapping[str, PairwiseMatrix | AhpResult],
    *,
    on_inconsistency: OnInconsistency = "error",
    threshold: float = CR_THRESHOLD,
    random_index_table: RandomIndexTable = "saaty1980",
) -> HierarchyResult:
    """Global weights of a two-level hierarchy: groups[g] holds the items under top label g."""

    def solve(m: PairwiseMatrix | AhpResult) -> AhpResult:
        if isinstance(m, AhpResult):
            return m
        return ahp(
            m,
            on_inconsistency=on_inconsistency,
            threshold=threshold,
            random_index_table=random_index_table,
        )

    top_result = solve(top)
    absent = [g for g in top_result.labels if g not in groups]
    extra = [g for g in groups if g not in top_result.labels]
    if absent:
        raise AnalysisError(f"hierarchy '{top_result.name}': no within-group matrix for {absent}")
    if extra:
        raise AnalysisError(
            f"hierarchy '{top_result.name}': matrices {extra} are not items of '{top_result.name}'"
        )
    solved = tuple(solve(groups[g]) for g in top_result.labels)
    seen: dict[str, str] = {}
    rows: list[GlobalWeight] = []
    for group, group_weight, result in zip(
        top_result.labels, top_result.weights, solved, strict=True
    ):
        for item, local in zip(result.labels, result.weights, strict=True):
            if item in seen:
                raise AnalysisError(
                    f"hierarchy '{top_result.name}': item '{item}' appears under both "
                    f"'{seen[item]}' and '{group}'"
                )
            seen[item] = group
            rows.append(
                GlobalWeight(
                    group=group,
                    item=item,
                    group_weight=group_weight,
                    local_weight=local,
                    global_weight=group_weight * local,
                )
            )
    return HierarchyResult(top=top_result, groups=solved, rows=tuple(rows))


def consistent_matrix(name: str, weights: Mapping[str, float]) -> PairwiseMatrix:
    """The perfectly consistent matrix a_ij = w_i / w_j (for tests and what-if analyses)."""
    labels = tuple(weights)
    w = np.array([weights[x] for x in labels], dtype=float)
    if np.any(~np.isfinite(w)) or np.any(w <= 0):
        raise AnalysisError(f"weights for '{name}' must be positive, got {dict(weights)}")
    values = tuple(tuple(float(w[i] / w[j]) for j in range(len(w))) for i in range(len(w)))
    return PairwiseMatrix(name=name, labels=labels, values=values)


def check_judgments(judgments: Judgments) -> None:
    """Refuse a judgments file whose AHP matrices are inconsistent (CR above the threshold).

    The error is a `CaseError` at the line of the judgments file where the row of the first
    item of the worst triad is written (the file and lines come from `judgments.path` and
    `judgments.lines`), e.g. `judgments.yaml:42: matrix 'factors:political' is inconsistent:
    CR = 0.31 > 0.1; ... triad (a, b, c) ...`. The dimension matrix is checked first, then the
    within-dimension matrices in PESTLE order.
    """
    from pestle.model.judgment import within_name

    table = judgments.ahp.random_index
    specs = [(("ahp", "dimensions"), "dimensions", judgments.ahp.dimensions)]
    specs += [
        (("ahp", "within", d), within_name(d), judgments.ahp.within[d])
        for d in judgments.dimensions()
        if d in judgments.ahp.within
    ]
    for loc, name, spec in specs:
        matrix = spec.matrix(name)
        try:
            ahp(matrix, random_index_table=table)
        except AnalysisError as exc:
            triad = worst_triad(matrix)
            row = triad.items[0] if triad else matrix.labels[0]
            line = judgments.line(*loc, "rows", row)
            raise CaseError(str(exc), judgments.path, line) from None


__all__ = (
    "CR_THRESHOLD",
    "RANDOM_INDEX",
    "RECIPROCITY_TOLERANCE",
    "AhpResult",
    "GlobalWeight",
    "GroupAhpResult",
    "HierarchyResult",
    "JudgmentError",
    "PairwiseMatrix",
    "Triad",
    "aggregate_judgments",
    "ahp",
    "check_judgments",
    "consistent_matrix",
    "group_ahp",
    "hierarchy",
    "random_index",
    "ratio_text",
    "worst_triad",
)
