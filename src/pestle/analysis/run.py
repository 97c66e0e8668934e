"""`analyze_case`: every driver analysis of a case, run once, collected in one frozen object.

    >>> import pestle
    >>> from pestle.analysis.run import analyze_case
    >>> result = analyze_case(pestle.load_case())          # doctest: +SKIP
    >>> result.ahp.global_weights()["new_energy_demand"]   # doctest: +SKIP

Steps: indicators of the case; the policy mix (policy_measures.yaml); the analyst judgments
(judgments.yaml): AHP hierarchy (dimension and factor weights with CRs, global weights),
DEMATEL (cause/effect groups, D+R, D-R, direct and indirect effects), EFE (weights = AHP
global weights); entropy weights of the factors from the reference series they name
(`factor_panel`, or why they do not apply); the composite-demand model (one scenario, seeded
Monte Carlo); TOPSIS of the product segments with the model's cumulative tonnes as the
demand-size criterion where the judgments mark it as a stated input, and its rank stability
under +/-20 % weight noise; the input-output linkage effects of the cumulative demand on
national coefficients.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pestle.analysis.ahp import HierarchyResult, hierarchy
from pestle.analysis.dematel import DematelResult, dematel
from pestle.analysis.efe import EfeResult, efe
from pestle.analysis.factor_panel import FactorEntropy, case_entropy
from pestle.analysis.indicators import CaseIndicators, case_indicators
from pestle.analysis.policy import PolicyMix, case_policy_mix
from pestle.analysis.robustness import RankStability, rank_stability
from pestle.analysis.topsis import DecisionMatrix, TopsisResult, topsis
from pestle.errors import AnalysisError, InputError

if TYPE_CHECKING:
    import pandas as pd

    from pestle.analysis.demand import DemandResult
    from pestle.analysis.linkage import CompositeEffects
    from pestle.case import Case
    from pestle.model.judgment import Judgments

DEMAND_CRITERION = "demand_size"  # the TOPSIS criterion the demand model can supply
DEFAULT_SAMPLES = 20_000
DEFAULT_SEED = 1
DEFAULT_DRAWS = 1_000  # rank-stability draws
WEIGHT_SPREAD = 0.2  # +/-20 % weight noise for rank stability


@dataclass(frozen=True)
class SegmentDemand:
    """Cumulative demand of one segment over the horizon, tonnes: mean and percentiles."""

    segment: str
    mean: float
    p5: float
    p50: float
    p95: float


@dataclass(frozen=True)
class DemandSummary:
    """The composite-demand model under one scenario, summarised for the driver analysis."""

    scenario: str
    description: str
    samples: int
    seed: int
    years: tuple[int, ...]
    cumulative: tuple[SegmentDemand, ...]  # by segment, then "total"
    yearly_total_mean: tuple[float, ...]  # all segments, per year of `years`
    waste: SegmentDemand | None  # cumulative end-of-life blade waste over the waste horizon
    waste_years: tuple[int, ...]

    def tonnes(self) -> dict[str, float]:
        """Mean cumulative tonnes by segment (without the total)."""
        return {s.segment: s.mean for s in self.cumulative if s.segment != "total"}

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "description": self.description,
            "samples": self.samples,
            "seed": self.seed,
            "years": list(self.years),
            "unit": "t",
            "cumulative": [vars(s) for s in self.cumulative],
            "yearly_total_mean": list(self.yearly_total_mean),
            "waste": vars(self.waste) if self.waste is not None else None,
            "waste_years": list(self.waste_years),
        }


@dataclass(frozen=True)
class CaseAnalysis:
    """Indicators, policy mix, factor evaluation, segment ranking, demand and linkage."""

    case_id: str
    case_name: str
    indicators: CaseIndicators
    policy: PolicyMix
    illustrative: bool  # the judgments are illustrative, not an expert panel's
    judgments_note: str
    factors: dict[str, dict[str, str]]  # id -> name, dimension, kind
    ahp: HierarchyResult
    dematel: DematelResult
    efe: EfeResult
    entropy: FactorEntropy  # entropy weights of the factors' series, or why not applicable
    topsis: TopsisResult
    topsis_stated: TopsisResult  # on the judgments as written (stated demand-size index)
    demand_size_source: str
    stability: RankStability
    demand: DemandSummary
    linkage: CompositeEffects = field(repr=False)
    linkage_shock: str  # which tonnes make the shock

    def rows(self) -> Iterator[dict[str, Any]]:
        """Every headline number as (group, item, measure, value, unit, qualifier, period)."""
        yield from self.indicators.rows()

        def row(group: str, item: str, measure: str, value: float, unit: str) -> dict[str, Any]:
            return {
                "group": group,
                "item": item,
                "measure": measure,
                "value": float(value),
                "unit": unit,
                "qualifier": "=",
                "period": None,
            }

        p = self.policy
        yield row("policy mix", "all cells", "superposition index", p.index, "share")
        for factor, weight in self.ahp.global_weights().items():
            yield row("ahp", factor, "global weight", weight, "share")
        for r in (self.ahp.top, *self.ahp.groups):
            yield row("ahp", r.name, "consistency ratio", r.cr, "ratio")
        for factor, plus, minus in zip(
            self.dematel.labels, self.dematel.prominence, self.dematel.relation, strict=True
        ):
            yield row("dematel", factor, "prominence D+R", plus, "index")
            yield row("dematel", factor, "relation D-R", minus, "index")
        yield row("efe", "all factors", "total weighted score", self.efe.total, "score 1-4")
        for factor, weight in self.entropy.factor_weights().items():
            yield row("entropy", factor, "entropy weight", weight, "share")
        for alt, c, keep in zip(
            self.topsis.alternatives, self.topsis.closeness, self.stability.keep_share, strict=True
        ):
            yield row("topsis", alt, "closeness", c, "index")
            yield row("topsis", alt, "share of draws keeping the rank", keep, "share")
        for s in self.demand.cumulative:
            yield row("demand", s.segment, "cumulative demand, mean", s.mean, "t")
        for key, value in self.linkage.central.totals().items():
            yield row("linkage", "all sectors", f"{key}, central price", value, "CNY")

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(
            list(self.rows()),
            columns=["group", "item", "measure", "value", "unit", "qualifier", "period"],
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data; a non-finite number (none expected) becomes None, so the JSON is
        strict."""
        return _finite(self._data())

    def _data(self) -> dict[str, Any]:
        return {
            "case": {"id": self.case_id, "name": self.case_name},
            "indicators": self.indicators.to_dict(),
            "policy_mix": self.policy.to_dict(),
            "judgments": {"illustrative": self.illustrative, "note": self.judgments_note},
            "factors": self.factors,
            "ahp": {
                "global_weights": self.ahp.global_weights(),
                "consistency": self.ahp.consistency_frame().reset_index().to_dict("records"),
                **self.ahp.to_dict(),
            },
            "dematel": {
                "factors": self.dematel.to_frame().reset_index().to_dict("records"),
                **self.dematel.to_dict(),
            },
            "efe": self.efe.to_dict(),
            "entropy": self.entropy.to_dict(),
            "topsis": {
                "demand_size_source": self.demand_size_source,
                "ranking": list(self.topsis.ranking()),
                **self.topsis.to_dict(),
                "stated": {
                    "ranking": list(self.topsis_stated.ranking()),
                    **self.topsis_stated.to_dict(),
                },
            },
            "stability": self.stability.to_dict(),
            "demand": self.demand.to_dict(),
            "linkage": {"shock": self.linkage_shock, **self.linkage.to_dict()},
        }


def _finite(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _finite(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(v) for v in data]
    if isinstance(data, float) and not math.isfinite(data):
        return None
    return data


# -- steps ------------------------------------------------------------------------------------


def load_case_judgments(case: Case) -> Judgments:
    from pestle.analysis.ahp import check_judgments

    judgments = case.judgments
    check_judgments(judgments)  # an inconsistent AHP matrix (CR > 0.1) is refused at its line
    return judgments


def ahp_of(judgments: Judgments) -> HierarchyResult:
    return hierarchy(
        judgments.dimension_matrix(),
        judgments.within_matrices(),
        random_index_table=judgments.ahp.random_index,
    )


def demand_summary(
    case: Case, *, scenario: str | None, samples: int, seed: int
) -> tuple[DemandSummary, DemandResult]:
    """Run the demand model on one scenario (default: the case's first)."""
    from pestle.analysis.demand import compare_scenarios, load_demand_inputs

    inputs = load_demand_inputs(Path(case.folder))
    name = scenario or inputs.scenarios[0].name
    comparison = compare_scenarios(
        inputs.build_out,
        inputs.parameters,
        inputs.scenarios,
        names=[name],
        samples=samples,
        seed=seed,
        sobol_samples=None,
    )
    run = comparison[name]
    d = run.demand

    def stats(measure: str, segment: str) -> SegmentDemand:
        s = d.get(measure, segment)
        return SegmentDemand(segment, s["mean"], s["p5"], s["p50"], s["p95"])

    try:
        waste: SegmentDemand | None = stats("cumulative_eol_blade_waste_t", "wind_blades")
    except KeyError:
        waste = None
    summary = DemandSummary(
        scenario=run.name,
        description=run.description,
        samples=d.samples,
        seed=d.seed,
        years=d.years,
        cumulative=tuple(stats("cumulative_demand_t", s) for s in (*d.segments, "total")),
        yearly_total_mean=tuple(d.get("demand_t", "total", y)["mean"] for y in d.years),
        waste=waste,
        waste_years=d.waste_years,
    )
    return summary, d


def segment_of(alternative: str, segments: tuple[str, ...]) -> str | None:
    """The demand-model segment a TOPSIS alternative stands for: the same id, or the longest
    segment id the alternative extends ("transmission_insulators_cores" ->
    "transmission_insulators")."""
    if alternative in segments:
        return alternative
    found = [s for s in segments if alternative.startswith(s + "_")]
    return max(found, key=len) if found else None


def with_model_demand(
    matrix: DecisionMatrix, judgments: Judgments, demand: DemandSummary
) -> tuple[DecisionMatrix, str]:
    """Replace the stated demand-size criterion with the model's cumulative mean tonnes."""
    spec = judgments.topsis.criteria.get(DEMAND_CRITERION)
    stated = "stated input (index in judgments.yaml)"
    if spec is None or not spec.stated_input:
        return matrix, stated
    tonnes = demand.tonnes()
    mapping = {a: segment_of(a, tuple(tonnes)) for a in matrix.alternatives}
    unmatched = [a for a, s in mapping.items() if s is None]
    if unmatched:
        return matrix, f"{stated}; no demand-model segment for {', '.join(unmatched)}"
    j = [c.id for c in matrix.criteria].index(DEMAND_CRITERION)
    values = tuple(
        tuple(tonnes[mapping[a]] if k == j else v for k, v in enumerate(row))  # type: ignore[index]
        for a, row in zip(matrix.alternatives, matrix.values, strict=True)
    )
    renamed = [f"{a} <- {s}" for a, s in mapping.items() if a != s]
    source = (
        f"demand model: mean cumulative demand {demand.years[0]}-{demand.years[-1]}, t, "
        f"scenario {demand.scenario}" + (f" ({'; '.join(renamed)})" if renamed else "")
    )
    return matrix.model_copy(update={"values": values}), source


def linkage_of(case: Case, demand: DemandSummary) -> tuple[CompositeEffects, str]:
    from pestle.analysis.linkage import composite_effects

    config = case.linkage
    if config is None:
        raise InputError(f"{case.folder}: the case has no linkage file (`linkage:` in case.yaml)")
    effects = composite_effects(demand.tonnes(), config=config)
    shock = (
        f"mean cumulative composite demand {demand.years[0]}-{demand.years[-1]} by segment "
        f"(scenario {demand.scenario}, {demand.samples:,} samples, seed {demand.seed})"
    )
    return effects, shock


# -- all of it --------------------------------------------------------------------------------


def analyze_case(
    case: Case,
    *,
    scenario: str | None = None,
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
    draws: int = DEFAULT_DRAWS,
) -> CaseAnalysis:
    """Every driver analysis of `case`, deterministic given `seed`."""
    if samples < 1:
        raise AnalysisError(f"samples must be at least 1, got {samples}")
    if seed < 0:
        raise AnalysisError(f"seed must be a non-negative integer, got {seed}")
    indicators = case_indicators(case)
    policy = case_policy_mix(case)
    judgments = load_case_judgments(case)
    weights = ahp_of(judgments)
    influence = dematel(judgments.influence_matrix())
    efe_result = efe(judgments.efe_matrix(weights.global_weights()))
    demand, _ = demand_summary(case, scenario=scenario, samples=samples, seed=seed)
    stated_matrix = judgments.decision_matrix()
    matrix, source = with_model_demand(stated_matrix, judgments, demand)
    stability = rank_stability(matrix, draws=draws, spread=WEIGHT_SPREAD, seed=seed)
    linkage, shock = linkage_of(case, demand)
    return CaseAnalysis(
        case_id=case.id,
        case_name=case.name,
        indicators=indicators,
        policy=policy,
        illustrative=judgments.illustrative,
        judgments_note=judgments.note,
        factors={
            k: {"name": f.name, "dimension": f.dimension, "kind": f.kind}
            for k, f in judgments.factors.items()
        },
        ahp=weights,
        dematel=influence,
        efe=efe_result,
        entropy=case_entropy(case),
        topsis=topsis(matrix),
        topsis_stated=topsis(stated_matrix),
        demand_size_source=source,
        stability=stability,
        demand=demand,
        linkage=linkage,
        linkage_shock=shock,
    )


__all__ = [
    "CaseAnalysis",
    "DemandSummary",
    "SegmentDemand",
    "analyze_case",
    "demand_summary",
    "segment_of",
    "with_model_demand",
]
