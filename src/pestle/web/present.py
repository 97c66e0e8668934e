"""Results as people read them: formatted text and chart records for pages and live updates.

Nothing here computes. Numbers become text through `pestle.present.format` (the one place a
number becomes a string), display units through `format.in_unit`, chart specs come from
`pestle.present.charts`; this module only picks fields and arranges them.

A chart spec holds its rows as one named dataset; the browser swaps those rows
(`view.data(name, rows)`) to redraw a chart live. `rows_of(spec)` gives the rows, and
`fan_records` gives the fan chart's rows without building a spec (the demand endpoint's hot
path); a test pins them to `charts.demand_fan`.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from pestle.analysis.ahp import ratio_text
from pestle.present import charts
from pestle.present import findings as said
from pestle.present import format as fmt
from pestle.present.charts import segment_name
from pestle.present.format import parameter_value
from pestle.present.i18n import N_, pick
from pestle.present.i18n import gettext as _

if TYPE_CHECKING:
    from pestle.analysis.ahp import AhpResult, HierarchyResult
    from pestle.analysis.demand import DemandResult
    from pestle.analysis.dematel import DematelResult
    from pestle.checks import CheckReport, Finding, ReportDiff
    from pestle.model import Claim
    from pestle.model.parameter import Parameter, ParameterSet

# display words, marked for the catalogue and shown in the request's language (`_word`)
STATUS_WORDS = {
    "fail": N_("Failed"),
    "ambiguous": N_("Ambiguous"),
    "unknown": N_("Unknown"),
    "pass": N_("Passed"),
}
GROUP_WORDS = {"cause": N_("Cause"), "effect": N_("Effect"), "neutral": N_("Neutral")}


def _word(table: dict[str, str], code: str) -> str:
    return _(table[code]) if code in table else code


FAN_SOURCE = "pestle demand model (Monte Carlo); band p5–p95, line median"


def dataset(spec: dict[str, Any]) -> str:
    """The name of the one named dataset holding a chart's rows."""
    names = list(spec.get("datasets", {}))
    if len(names) != 1:
        raise ValueError(f"chart {spec.get('description')!r} has datasets {names}, not one")
    return names[0]


def rows_of(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec["datasets"][dataset(spec)]


def live(spec: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """A spec and the name of the dataset the browser replaces to redraw it."""
    return spec, dataset(spec)


# -- claims and findings ----------------------------------------------------------------------


def claim_value(claim: Claim) -> str:
    return fmt.quantity(claim.value, claim.unit, claim.qualifier)


def claim_row(claim_id: int, document: str, claim: Claim) -> dict[str, Any]:
    """A claim as the API gives it: the contract fields, its id and document, and display."""
    return {
        "id": claim_id,
        "document": document,
        **claim.model_dump(mode="json"),
        "display": {
            "value": claim_value(claim),
            "canonical": f"{fmt.number(claim.value)} {claim.unit}",
            "period": fmt.period(claim.period) if claim.period else None,
        },
    }


def finding_row(f: Finding) -> dict[str, Any]:
    return {
        "id": f.id,
        "rule": f.rule,
        # what the check says, in the reader's language (English: as the checks stored it)
        "title": said.title(f),
        "status": f.status,
        "status_text": _word(STATUS_WORDS, f.status),
        "severity": f.severity,
        "severity_text": fmt.words(f.severity),
        "message": said.message(f),
        "expected": said.figure(f.expected) if f.expected else None,
        "actual": said.figure(f.actual) if f.actual else None,
        "tolerance": said.tolerance(f.tolerance) if f.tolerance else None,
        "readings": [r for r, _benign in said.readings(f)],
        "evidence": [evidence_text(e) for e in f.evidence],
    }


def finding_changes(diff: ReportDiff) -> list[dict[str, Any]]:
    """The findings an upload changes, as the upload page lists them: id, title, rule,
    severity, status before and after (None: new / gone), message and the kind of change."""
    return [c.model_dump(mode="json") for c in diff.changes]


def touched_rows(
    touched: Any, before: CheckReport, after: CheckReport, claims: tuple[Claim, ...]
) -> list[dict[str, Any]]:
    """The checks an upload bears on (`pestle.results.whatif.checks_touched`), as the upload
    page lists them: title, status before and after, and for each uploaded figure the case's
    figure it sits beside (same measure, unit and period) and any reference it agrees with."""
    findings = {f.id: f for f in (*before.findings, *after.findings)}
    rows = []
    for t in touched:
        f = findings[t.finding]
        bearings = []
        for b in t.bearings:
            claim = claims[b.claim]
            quoted = f.evidence[b.quoted]
            ref = f.evidence[b.reference] if b.reference is not None else None
            bearings.append(
                {
                    "claim": b.claim,
                    "text": claim.text,
                    "value": claim_value(claim),
                    "period": fmt.period(claim.period) if claim.period else None,
                    "quoted": quoted.text,
                    "quote": quoted.quote,
                    "ratio": b.ratio,
                    "ratio_text": "×" + fmt.number(b.ratio, 3),
                    "reference": evidence_text(ref)["label"] if ref is not None else None,
                }
            )
        rows.append(
            {
                "id": f.id,
                "title": said.title(f),
                "rule": f.rule,
                "message": said.message(f),
                "before": t.before,
                "after": t.after,
                "bearings": bearings,
            }
        )
    return rows


def evidence_text(e: Any) -> dict[str, Any]:
    """One piece of a finding's evidence in words: its kind, a label and the quote."""
    if e.kind == "claim":
        return {
            "kind": "claim",
            "kind_text": fmt.words("claim"),
            "label": f"“{e.text}”" + (f" ({e.section})" if e.section else ""),
            "quote": e.quote,
            "document": e.document,
            "start": e.start,
            "end": e.end,
        }
    if e.kind == "passage":
        return {
            "kind": "passage",
            "kind_text": fmt.words("passage"),
            "label": e.section or fmt.words("passage"),
            "quote": e.text,
        }
    if e.kind == "reference":
        value = e.display or (
            fmt.quantity(e.value, e.unit, e.qualifier) if e.value is not None and e.unit else ""
        )
        quality = _(", quality {quality}").format(quality=e.quality) if e.quality else ""
        return {
            "kind": "reference",
            "kind_text": fmt.words("reference"),
            "label": f"{fmt.words(e.series)} {e.label}: {value}".strip(),
            "quote": f"{e.source}{quality}",
        }
    value = e.display or ("" if e.value is None else str(e.value))
    attribute = f" · {fmt.words(e.attribute)}" if e.attribute else ""
    return {
        "kind": "entity",
        "kind_text": fmt.words("entity"),
        "label": f"{pick(e.name)}{attribute}",
        "quote": value,
    }


# -- demand -----------------------------------------------------------------------------------


def fan_records(d: DemandResult) -> list[dict[str, Any]]:
    """Yearly demand per segment in kt: p5, median and p95 (the fan chart's rows)."""
    rows = []
    for seg in d.segments:
        for year in d.years:
            s = d.get("demand_t", seg, year)
            rows.append(
                {
                    "segment": segment_name(seg),
                    "year": fmt.axis_year(year),
                    "p5": fmt.in_unit(s["p5"], "kt"),
                    "p50": fmt.in_unit(s["p50"], "kt"),
                    "p95": fmt.in_unit(s["p95"], "kt"),
                }
            )
    return rows


def compact(spec: dict[str, Any], width: int, height: int, title: str) -> dict[str, Any]:
    """A faceted chart with smaller panels and its own title (scenarios side by side)."""
    out = copy.deepcopy(spec)
    out["spec"] = {**out["spec"], "width": width, "height": height}
    heading = out.get("title")
    out["title"] = {**heading, "text": title} if isinstance(heading, dict) else title
    for layer in out["spec"].get("layer", ()):
        x = layer.get("encoding", {}).get("x")
        if isinstance(x, dict):
            x["axis"] = {**x.get("axis", {}), "labelOverlap": "greedy"}
    return out


def totals(d: DemandResult) -> list[dict[str, Any]]:
    """Cumulative demand over the horizon by segment and in total, as text."""
    rows = []
    for seg in (*d.segments, "total"):
        c = d.get("cumulative_demand_t", seg)
        rows.append(
            {
                "segment": seg,
                "name": segment_name(seg),
                "mean": fmt.mass(c["mean"]),
                "median": fmt.mass(c["p50"]),
                "range": fmt.value_range(c["p5"], c["p95"], "t"),
            }
        )
    return rows


def horizon(d: DemandResult) -> str:
    return fmt.years(d.years[0], d.years[-1])


def parameter_state(p: Parameter) -> str:
    """A parameter's current setting in a few words: `0.55`, `uniform 0.2–0.8`, `bases`."""
    if p.categorical:
        return fmt.choice(p, str(p.base))
    if p.distribution == "fixed" or p.range is None:
        return _("fixed at {value}").format(value=fmt.number(float(p.base)))
    low, high = p.range
    # the distribution's name is a word of a closed vocabulary: in the reader's language
    name = _(fmt.DISTRIBUTIONS.get(p.distribution, p.distribution))
    return f"{name} {fmt.value_range(low, high, '')}"


def parameter_states(params: ParameterSet) -> dict[str, str]:
    return {p.name: parameter_state(p) for p in params}


def slider(p: Parameter, rank: int | None) -> dict[str, Any]:
    """What the scenarios page needs to draw one parameter's control."""
    row: dict[str, Any] = {
        "name": p.name,
        "label": pick(p.label) if p.label else fmt.words(p.name).capitalize(),
        "unit": pick(p.unit),
        "state": parameter_state(p),
        "detail": parameter_value(p),
        "assumption": bool(p.assumption),
        "why": pick((p.reason if p.assumption else p.source) or ""),
        "rank": rank,
    }
    if p.categorical:
        row |= {
            "kind": "choice",
            "choices": list(p.choices or ()),
            "choice_words": {c: fmt.choice(p, c) for c in p.choices or ()},
            "value": p.base,
        }
    else:
        low, high = p.support if p.range is None else p.range
        row |= {
            "kind": "number",
            "min": low,
            "max": high,
            "value": p.base,
            "min_text": fmt.number(low),
            "max_text": fmt.number(high),
            "value_text": fmt.number(p.base),
        }
    return row


def demand_payload(
    result: Any, case_id: str, overrides: dict[str, Any], label: str | None = None
) -> dict[str, Any]:
    """The JSON answer of the demand endpoints: the model's own dict, plus display text
    (the scenario's `label` and description in the reader's language)."""
    d = result.demand
    data = d.to_dict()
    return {
        "case": case_id,
        "scenario": result.name,
        "description": result.description,
        "overrides": overrides,
        **{k: data[k] for k in ("samples", "seed", "years", "waste_years", "segments")},
        "unit": "t",
        "rows": data["rows"],
        "parameters": data["parameters"],
        "display": {
            "scenario": label or result.name,
            "description": pick(result.description),
            "horizon": horizon(d),
            "samples": fmt.count(d.samples),
            # the run in a line of the reader's words: samples, seed and years
            "run": _("{samples} samples · seed {seed} · {horizon}").format(
                samples=fmt.count(d.samples), seed=d.seed, horizon=horizon(d)
            ),
            "fan": fan_records(d),
            "totals": totals(d),
            "parameters": parameter_states(d.parameters),
        },
    }


# -- judgments --------------------------------------------------------------------------------


def ahp_matrix(r: AhpResult, names: dict[str, str]) -> dict[str, Any]:
    explanation = None
    if not r.consistent:
        triad = r.worst_triad
        explanation = (
            f"CR {fmt.decimal(r.cr)} is above {fmt.decimal(r.threshold, 2)}: these judgments "
            "contradict each other."
            + (
                f" Most inconsistent triad {triad.describe()}; revise one of these three "
                "comparisons."
                if triad
                else ""
            )
        )
    return {
        "name": r.name,
        "labels": list(r.labels),
        "weights": list(r.weights),
        "lambda_max": r.lambda_max,
        "ci": r.ci,
        "ri": r.ri,
        "cr": r.cr,
        "threshold": r.threshold,
        "consistent": r.consistent,
        "missing": [list(m) for m in r.missing],
        "completed": [list(row) for row in r.completed],
        "worst_triad": r.worst_triad.model_dump() if r.worst_triad else None,
        "explanation": explanation,
        "display": {
            "names": [names.get(x, fmt.words(x)) for x in r.labels],
            "weights": [fmt.share(w) for w in r.weights],
            "cr": fmt.decimal(r.cr),
            "completed": [[ratio_text(v) for v in row] for row in r.completed],
        },
    }


def global_weights(h: HierarchyResult, names: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "item": row.item,
            "group": row.group,
            "group_weight": row.group_weight,
            "local_weight": row.local_weight,
            "global_weight": row.global_weight,
            "name": names.get(row.item, fmt.words(row.item)),
            "label": fmt.share(row.global_weight),
        }
        for row in h.rows
    ]


def dematel_rows(r: DematelResult, names: dict[str, str]) -> list[dict[str, Any]]:
    """One row per factor, with the key (F1, F2, ...) the cause-effect diagram labels it by."""
    ordered = charts.dematel_keys(r)
    keys = {label: key for key, label in ordered}
    ranks = {label: k for k, (_key, label) in enumerate(ordered)}
    return [
        {
            "factor": label,
            "key": keys[label],
            "rank": ranks[label],  # tables list the factors by key (F1, F2, ...)
            "name": names.get(label, fmt.words(label)),
            "given": r.given[i],
            "received": r.received[i],
            "prominence": r.prominence[i],
            "relation": r.relation[i],
            "group": r.groups[i],
            "display": {
                "prominence": fmt.decimal(r.prominence[i]),
                "relation": fmt.decimal(r.relation[i]),
                "group": _word(GROUP_WORDS, r.groups[i]),
            },
        }
        for i, label in enumerate(r.labels)
    ]


def dematel_payload(r: DematelResult, names: dict[str, str]) -> dict[str, Any]:
    return {
        "labels": list(r.labels),
        "factors": dematel_rows(r, names),
        "cause": list(r.cause),
        "effect": list(r.effect),
        "threshold": r.threshold,
        "threshold_rule": r.threshold_rule,
        "edges": [e.model_dump() for e in r.edges],
        "display": {
            "cause": [names.get(x, fmt.words(x)) for x in r.cause],
            "effect": [names.get(x, fmt.words(x)) for x in r.effect],
        },
    }
