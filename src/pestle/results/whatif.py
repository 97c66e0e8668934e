"""What-if runs the dashboard asks for, beside the case's own results:

- `judgment_run`: AHP and DEMATEL on matrices an analyst is editing (the judgments page),
  every matrix not given being the case's own. The orchestrator's factor step refuses an
  inconsistent matrix; here an inconsistency is reported, not refused, so the page can show
  it while it is edited. With nothing edited the weights are those of the case's results.
- `checks_with_document`: the case's checks with one document added or replaced (an upload),
  to compare with the case's own findings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pestle.analysis.ahp import AhpResult, HierarchyResult, PairwiseMatrix
    from pestle.analysis.dematel import DematelResult, InfluenceMatrix
    from pestle.case import Case
    from pestle.checks import CheckReport
    from pestle.model import Claim
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


def checks_with_document(
    case: Case, name: str, text: str, claims: tuple[Claim, ...]
) -> CheckReport:
    """The checks of `case` with the document `name` added (or replaced by `text`)."""
    from pestle.checks import CheckInputs, run_checks
    from pestle.checks.inputs import DocumentText

    base = CheckInputs.from_case(case)
    documents = tuple(d for d in base.documents if d.id != name)
    inputs = CheckInputs(
        name=base.name,
        region=base.region,
        documents=(*documents, DocumentText(id=name, text=text, claims=claims)),
        entities=base.entities,
        references=base.references,
        statuses=base.statuses,
    )
    return run_checks(inputs)
