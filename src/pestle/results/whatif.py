"""What-if runs the dashboard asks for, beside the case's own results:

- `judgment_run`: AHP and DEMATEL on matrices an analyst is editing (the judgments page),
  every matrix not given being the case's own. The orchestrator's factor step refuses an
  inconsistent matrix; here an inconsistency is reported, not refused, so the page can show
  it while it is edited. With nothing edited the weights are those of the case's results.
- `checks_with_document`: the case's checks with one document added or replaced (an upload),
  to compare with the case's own findings.
- `checks_touched`: the checks an uploaded document bears on: those quoting a figure of the
  same measure, unit and period as one of the document's, with the ratio of the two.
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


# -- the checks an uploaded document bears on ------------------------------------------------

# words that say nothing about which quantity a measure is
_FILLER = frozenset({"of", "the", "and", "in", "for", "to", "a", "an", "by", "at", "on", "its"})
AGREES = 0.005  # an uploaded figure within 0.5 % of a reference figure is taken as the same


@dataclass(frozen=True)
class Bearing:
    """One uploaded claim beside a claim a finding quotes (same unit, period and measure)."""

    claim: int  # index in the uploaded claims
    quoted: int  # index in the finding's evidence (a claim)
    ratio: float  # uploaded value / quoted value
    reference: int | None = None  # index in the evidence of a reference the upload agrees with


@dataclass(frozen=True)
class Touched:
    """A check whose inputs an upload touches: its status before and after, and how."""

    finding: str
    before: str | None
    after: str | None
    bearings: tuple[Bearing, ...]


def _measure_words(text: str | None) -> frozenset[str]:
    from pestle.checks.match import tokens

    return frozenset(tokens(text)) - _FILLER


def _same_measure(a: str | None, b: str | None) -> bool:
    """Two measures name one quantity: the shorter's words are all in the longer, or they
    share at least three words ("total import and export value" ~ "import and export value
    of foreign trade")."""
    wa, wb = _measure_words(a), _measure_words(b)
    if not wa or not wb:
        return False
    common = wa & wb
    return common == min(wa, wb, key=len) or len(common) >= 3


def checks_touched(
    before: CheckReport,
    after: CheckReport,
    claims: tuple[Claim, ...],
    region: str | None = None,
    *,
    document: str | None = None,
) -> tuple[Touched, ...]:
    """The findings (of `before` or `after`) that quote a claim of the same unit, period and
    measure as one of the uploaded `claims` (of the document `document`, whose own claims a
    finding may quote too: those are not compared with themselves), with each such pair and
    its ratio; a reference of the finding that the uploaded figure agrees with is named too."""
    from pestle.checks.match import is_region

    new = {f.id: f for f in after.findings}
    old = {f.id: f for f in before.findings}
    out: list[Touched] = []
    for fid in [*old, *(k for k in new if k not in old)]:
        finding = new.get(fid) or old[fid]
        references = [
            (k, e)
            for k, e in enumerate(finding.evidence)
            if e.kind == "reference" and e.value is not None
        ]
        bearings: list[Bearing] = []
        for q, e in enumerate(finding.evidence):
            if e.kind != "claim" or not e.value or e.period is None:
                continue
            if document is not None and e.document == document:
                continue
            for k, c in enumerate(claims):
                period = c.period.iso() if c.period is not None else None
                if c.unit != e.unit or period != e.period or not c.value:
                    continue
                if not _same_measure(c.measure, e.measure):
                    continue
                other = c.subject and e.subject and c.subject != e.subject
                if other and not (is_region(c.subject, region) and is_region(e.subject, region)):
                    continue
                agrees = next(
                    (
                        r
                        for r, ref in references
                        if ref.unit == c.unit and abs(c.value / ref.value - 1) <= AGREES
                    ),
                    None,
                )
                bearings.append(Bearing(k, q, c.value / e.value, agrees))
        if bearings:
            out.append(
                Touched(
                    finding=fid,
                    before=old[fid].status if fid in old else None,
                    after=new[fid].status if fid in new else None,
                    bearings=tuple(bearings),
                )
            )
    return tuple(out)
