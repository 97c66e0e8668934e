"""Section 8: factor evaluation — AHP weights with CRs, DEMATEL cause and effect, the EFE
matrix, and the TOPSIS ranking of product segments with its stability. All of it rests on
analyst judgments (the case's judgments file), labelled as such."""

from __future__ import annotations

from typing import Any

from pestle.present import charts
from pestle.present import format as fmt
from pestle.present.charts import segment_name
from pestle.present.i18n import N_
from pestle.present.i18n import gettext as _
from pestle.report import labels
from pestle.report.footnotes import Notes, num, refs
from pestle.report.sections import Body
from pestle.report.sections._common import chart, fill, numeric, table
from pestle.report.view import Bullets, Notice, Paragraph, Term, text
from pestle.results import Results

INTERPRETATION = {
    "above_average": N_("above the scale's average: the industry responds well to its environment"),
    "average": N_("at the scale's average"),
    "below_average": N_(
        "below the scale's average: opportunities are not captured, threats not avoided"
    ),
}


def build(results: Results, notes: Notes, body: Body) -> None:
    judgments = results.judgments
    source = judgments_note(notes, judgments)
    label = _("Illustrative judgments") if judgments.illustrative else _("Analyst judgments")
    body.intro.append(
        Paragraph(
            text(judgments.note, refs(source)), tone="judgment", label=label, badge="judgment"
        )
    )
    names = labels.factor_names(judgments)
    ahp = results.ahp
    body.sub("factors-ahp", _("AHP weights and consistency"), *_ahp(ahp, notes, source, names))
    body.sub(
        "factors-dematel",
        _("DEMATEL: causes, effects, direct and indirect influence"),
        *_dematel(results.dematel, notes, source, names),
    )
    body.sub(
        "factors-efe",
        _("External factor evaluation (EFE)"),
        *_efe(results.efe, notes, source, names, ahp),
    )
    body.sub(
        "factors-entropy",
        _("Entropy weights from indicator series"),
        *_entropy(results.entropy, notes, names),
    )
    body.sub(
        "factors-segments",
        _("Ranking of composite product segments"),
        *_topsis(results, notes, source),
    )


def judgments_note(notes: Notes, judgments: Any) -> int:
    file = str(judgments.path or "the judgments file").rsplit("/", 1)[-1]
    return notes.judgment(file, _("analyst judgments of the case"), judgments.note)


def ahp_note(h: Any, notes: Notes, source: int) -> int:
    return notes.computed(
        "AHP",
        description=_(
            "Weights from the principal eigenvector of each pairwise matrix (Saaty); global "
            "weight = dimension weight x weight within the dimension; consistency ratio CR = "
            "CI / RI with Saaty's random index ({table}); CR ≤ {threshold} is acceptable."
        ).format(table=h.top.random_index_table, threshold=fmt.decimal(h.top.threshold, 1)),
        inputs=[source],
    )


def dematel_note(d: Any, notes: Notes, source: int) -> int:
    return notes.computed(
        "DEMATEL",
        description=_(
            "Total relation T = D (I − D)⁻¹ of the normalised direct-influence matrix D; "
            "prominence D+R, relation D−R (cause if positive); indirect influence = T − D. "
            "Influence map threshold: {rule}."
        ).format(rule=d.threshold_rule),
        inputs=[source],
    )


def efe_note(e: Any, notes: Notes, source: int) -> int:
    return notes.computed(
        "EFE",
        description=_(
            "External factor evaluation (David): weight (AHP global weight) x rating of the "
            "response (from {low} poor to {high} superior); the total lies between the two, "
            "{average} is the average."
        ).format(
            low=fmt.number(e.scale_min),
            high=fmt.number(e.scale_max),
            average=fmt.number(e.scale_average),
        ),
        inputs=[source],
    )


def topsis_note(notes: Notes, source: int) -> int:
    return notes.computed(
        "TOPSIS",
        description=_(
            "Closeness to the ideal solution of each product segment (Hwang & Yoon, vector "
            "normalisation) on the criteria and weights of the analyst judgments."
        ),
        inputs=[source],
    )


def robustness_note(rob: Any, notes: Notes, topsis: int) -> int:
    return notes.computed(
        "rank stability",
        description=_(
            "Monte Carlo of the criterion weights: each multiplied by Uniform(1 − s, 1 + s), "
            "s = {spread}, {draws} draws, seed {seed}; share of draws keeping each segment's "
            "rank and Spearman correlation with the base ranking."
        ).format(spread=fmt.share(rob.spread, 0), draws=fmt.count(rob.draws), seed=rob.seed),
        inputs=[topsis],
    )


def _ahp(h: Any, notes: Notes, source: int, names: dict[str, str]) -> list:
    note = ahp_note(h, notes, source)
    rows = []
    for r in sorted(h.rows, key=lambda r: -r.global_weight):
        rows.append(
            (
                text(names.get(r.item, r.item)),
                text(fmt.words(r.group)),  # the dimension in the reader's words
                (num(fmt.decimal(r.group_weight), note),),
                (num(fmt.decimal(r.local_weight), note),),
                (num(fmt.decimal(r.global_weight), note, strong=True),),
            )
        )
    cr_rows = []
    for res in (h.top, *h.groups):
        cr_rows.append(
            (
                text(res.name),
                (num(fmt.count(len(res.labels)), note),),
                (num(fmt.decimal(res.lambda_max), note),),
                (num(fmt.decimal(res.cr), note, strong=not res.consistent),)
                if len(res.labels) > 2
                else (_("— (too few items)"),),
                text(_("consistent") if res.consistent else _("inconsistent")),
            )
        )
    return [
        table(
            "table-factors-ahp",
            _("AHP weights of the factors (global = dimension × within dimension)"),
            (
                _("Factor"),
                _("Dimension"),
                numeric(_("Dimension weight")),
                numeric(_("Within dimension")),
                numeric(_("Global weight")),
            ),
            rows,
        ),
        chart(
            "chart-factors-ahp",
            _("AHP global weights of the factors"),
            charts.ahp_weights(h, names),
            _("Bar chart: AHP global weight per factor, coloured by dimension"),
            _("Source: AHP weighting."),
            note,
        ),
        table(
            "table-factors-cr",
            _("Consistency of each pairwise matrix"),
            (_("Matrix"), numeric(_("Size")), numeric(_("λ max")), numeric(_("CR")), _("Verdict")),
            cr_rows,
        ),
    ]


def _dematel(d: Any, notes: Notes, source: int, names: dict[str, str]) -> list:
    note = dematel_note(d, notes, source)
    frame = d.to_frame()
    rows = []
    for key, label in charts.dematel_keys(d):
        r = frame.loc[label]
        name = names.get(label, label)
        rows.append(
            (
                text(key),
                text(name),
                text(
                    _(str(r["group"])) if r["group"] in charts.DEMATEL_GROUPS else str(r["group"])
                ),
                (num(fmt.decimal(r["d_plus_r"]), note),),
                (num(fmt.decimal(r["d_minus_r"]), note, strong=True),),
                (num(fmt.decimal(r["d_direct"]), note),),
                (num(fmt.decimal(r["d_indirect"]), note),),
            )
        )
    edges = [
        text(
            names.get(e.source, e.source),
            " → ",
            names.get(e.target, e.target),
            _(": "),
            *fill(
                _("{total} (direct {direct}, indirect {indirect})"),
                total=num(fmt.decimal(e.total), note),
                direct=num(fmt.decimal(e.direct), note),
                indirect=num(fmt.decimal(e.indirect), note),
            ),
        )
        for e in d.edges[:8]
    ]
    return [
        chart(
            "chart-factors-dematel",
            _("DEMATEL cause–effect diagram"),
            charts.dematel_diagram(d, names),
            _("Scatter chart: factors by prominence (D+R) and relation (D−R)"),
            _("Points are labelled with the keys of the table below. Source: DEMATEL."),
            note,
        ),
        table(
            "table-factors-dematel",
            _("Influence given and received (D: row sums of T, R: column sums)"),
            (
                _("Key"),
                _("Factor"),
                _("Group"),
                numeric(_("D+R")),
                numeric(_("D−R")),
                numeric(_("Given directly")),
                numeric(_("Given indirectly")),
            ),
            rows,
        ),
        Paragraph(
            text(
                _("The strongest links of the influence map (total influence above the threshold):")
            )
        ),
        Bullets(tuple(edges)),
    ]


def _efe(e: Any, notes: Notes, source: int, names: dict[str, str], ahp: Any) -> list:
    note = efe_note(e, notes, source)
    rows = []
    for r in sorted(e.rows, key=lambda r: -r.weighted_score):
        rows.append(
            (
                text(names.get(r.id, r.id)),
                text(fmt.words(r.kind)),
                (num(fmt.decimal(r.weight), note),),
                (num(fmt.count(r.rating), note),),
                (num(fmt.decimal(r.weighted_score), note),),
            )
        )
    rows.append(
        (
            text(Term(_("Total"))),
            text(""),
            ("",),
            ("",),
            (num(fmt.decimal(e.total, 2), note, strong=True),),
        )
    )
    return [
        Paragraph(
            text(
                *fill(
                    _(
                        "Total weighted score {total}, {interpretation} (opportunities "
                        "{opportunities}, threats {threats})."
                    ),
                    total=num(fmt.decimal(e.total, 2), note, strong=True),
                    interpretation=_(INTERPRETATION[e.interpretation])
                    if e.interpretation in INTERPRETATION
                    else e.interpretation,
                    opportunities=num(fmt.decimal(e.opportunities, 2), note),
                    threats=num(fmt.decimal(e.threats, 2), note),
                )
            ),
            tone="lead",
        ),
        table(
            "table-factors-efe",
            _("EFE matrix"),
            (
                _("Factor"),
                _("Kind"),
                numeric(_("Weight")),
                numeric(_("Rating")),
                numeric(_("Weighted score")),
            ),
            rows,
        ),
    ]


def _topsis(results: Results, notes: Notes, source: int) -> list:
    t, rob = results.topsis, results.stability
    judgments = results.judgments
    note = topsis_note(notes, source)
    stated = [c for c, spec in judgments.topsis.criteria.items() if spec.stated_input]
    rob_note = robustness_note(rob, notes, note)
    keep = dict(zip(rob.alternatives, rob.keep_share, strict=True))
    order = t.ranking()
    idx = {a: i for i, a in enumerate(t.alternatives)}
    rows = []
    for alt_ in order:
        i = idx[alt_]
        rows.append(
            (
                (num(fmt.count(t.rank[i]), note, strong=True),),
                text(segment_name(alt_)),
                (num(fmt.decimal(t.closeness[i]), note),),
                (num(fmt.share(keep[alt_], 0), rob_note),) if alt_ in keep else ("—",),
            )
        )
    blocks: list = [
        table(
            "table-factors-topsis",
            _("Ranking of composite product segments (TOPSIS) and its stability"),
            (
                numeric(_("Rank")),
                _("Segment"),
                numeric(_("Closeness")),
                numeric(_("Draws keeping the rank")),
            ),
            rows,
        ),
        chart(
            "chart-factors-topsis",
            _("TOPSIS closeness of the product segments"),
            charts.topsis_closeness(t),
            _("Bar chart: TOPSIS closeness per product segment"),
            _("Source: TOPSIS ranking."),
            note,
        ),
    ]
    blocks.append(
        Paragraph(
            text(
                *fill(
                    _(
                        "Under ±{spread} noise on the criterion weights the ranking correlates "
                        "with the base ranking at {mean} on average (Spearman; 5th percentile "
                        "{p5}, lowest {lowest})."
                    ),
                    spread=num(fmt.share(rob.spread, 0), rob_note),
                    mean=num(fmt.decimal(rob.spearman_mean, 2), rob_note),
                    p5=num(fmt.decimal(rob.spearman_p5, 2), rob_note),
                    lowest=num(fmt.decimal(rob.spearman_min, 2), rob_note),
                )
            )
        )
    )
    if stated:
        blocks.append(
            Paragraph(
                text(
                    _(
                        "Criteria entered as stated inputs in the judgments file: {criteria}. "
                        "Demand size: {source}."
                    ).format(
                        criteria=_(", ").join(fmt.words(c) for c in stated),
                        source=results.ranking.demand_size_source,
                    )
                ),
                tone="method",
            )
        )
    return blocks


def _entropy(e: Any, notes: Notes, names: dict[str, str]) -> list:
    """Objective weights of the factors that name indicator series (no analyst judgment)."""
    lead = Paragraph(
        text(
            _(
                "Entropy weighting gives more weight to the factor whose indicator series "
                "varies most across common periods; it needs no judgment, only data. Factors "
                "name their series in the case's factors file."
            )
        ),
        tone="lead",
    )
    if not e.applicable:
        return [lead, Notice(_("Not applicable to this case: {reason}").format(reason=e.reason))]
    note = notes.computed(
        "Entropy weights",
        description=_(
            "Entropy weight method over the {alignment} the linked series share; a factor's "
            "weight is the sum of its series' weights."
        ).format(alignment=e.alignment),
    )
    rows = [
        (
            text(names.get(factor, factor)),
            (num(fmt.decimal(weight), note),),
        )
        for factor, weight in sorted(e.factor_weights().items(), key=lambda kv: -kv[1])
    ]
    return [
        lead,
        table(
            "table-factors-entropy", _("Entropy weights"), (_("Factor"), numeric(_("Weight"))), rows
        ),
    ]
