"""What-if runs of the factor evaluation: AHP and DEMATEL on matrices an analyst is editing
(the dashboard's judgments page), every matrix not given being the case's own.

The orchestrator's factor step (`stages._factor_weights`) refuses an inconsistent matrix;
here an inconsistency is reported, not refused, so the page can show it while it is edited.
With nothing edited the weights are those of the case's results.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pestle.analysis.ahp import AhpResult, HierarchyResult, PairwiseMatrix
    from pestle.analysis.dematel import DematelResult, InfluenceMatrix
    from pestle.model.judgment import Judgments


@dataclass(frozen=True)
class JudgmentRun:
    matrices: tuple[AhpResult, ...]  # dimensions first, then one per dimension
    hierarchy: HierarchyResult
    dematel: DematelResult
    names: dict[str, str]  # factor id -> name


def judgment_run(
    judgments: Judgments,
    *,
    dimensions: PairwiseMatrix | None = None,
    within: Mapping[str, PairwiseMatrix] | None = None,
    influence: InfluenceMatrix | None = None,
) -> JudgmentRun:
    """AHP weights with consistency, and DEMATEL groups, of the case's judgments with the
    given matrices in place of its own."""
    from pestle.analysis.ahp import ahp, hierarchy
    from pestle.analysis.dematel import dematel

    table = judgments.ahp.random_index
    top = dimensions or judgments.dimension_matrix()
    groups = dict(judgments.within_matrices())
    sent = dict(within or {})
    groups = {d: sent.get(d) or groups[d] for d in top.labels if d in sent or d in groups}
    solved_top = ahp(top, on_inconsistency="report", random_index_table=table)
    solved = {
        d: ahp(m, on_inconsistency="report", random_index_table=table) for d, m in groups.items()
    }
    weights = hierarchy(solved_top, solved, on_inconsistency="report", random_index_table=table)
    return JudgmentRun(
        matrices=(solved_top, *(solved[d] for d in solved_top.labels if d in solved)),
        hierarchy=weights,
        dematel=dematel(influence or judgments.influence_matrix()),
        names={k: f.name for k, f in judgments.factors.items()},
    )
