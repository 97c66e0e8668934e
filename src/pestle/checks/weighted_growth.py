"""Weighted growth: a total's growth against the share-weighted growth of its parts.

For the partitions of `additivity.PARTITIONS` (GDP = value added of the three industries),
when the document states the growth of the total and of every part for one period, and
the parts' values of that period:

    base_i  = value_i / (1 + g_i)                 each part in the prior period
    w_i     = base_i / Σ base                     prior-period weights
    g_w     = Σ w_i · g_i  ( = Σ value / Σ base − 1 )

and g_w is compared with the stated growth of the total.

Tolerance, and why: the rounding of the growth rates (half the last digit of the total's
rate plus the weighted half digit of the parts', 0.1 pp for rates given to one decimal)
plus `CHAIN_LINK_ALLOWANCE_PP` = 0.2 pp, because growth "at constant prices" is
chain-linked real growth: each industry is deflated with its own prices and the total
is not the exact weighted sum of its parts' real growth (weights from current-price
values are an approximation of the previous year's price structure).
"""

from __future__ import annotations

from pestle.checks.additivity import PARTITIONS, Partition
from pestle.checks.facts import Fact, collect
from pestle.checks.finding import Figure, Finding, Tolerance
from pestle.checks.inputs import CheckInputs
from pestle.checks.locate import fact_evidence
from pestle.checks.match import norm
from pestle.checks.periods import label, same
from pestle.checks.said import Code, Num, join, said, say, when

RULE = "weighted_growth"

#: Allowance for the non-additivity of chain-linked real growth, in percentage points.
CHAIN_LINK_ALLOWANCE_PP = 0.2


def check(inputs: CheckInputs) -> list[Finding]:
    return [f for p in PARTITIONS for f in check_partition(inputs, p)]


def check_partition(inputs: CheckInputs, partition: Partition) -> list[Finding]:
    facts = collect(inputs)
    names = {norm(p) for p in partition.parts}
    part_growth = [
        f
        for f in facts
        if f.kind == "growth" and f.measure == norm(partition.component) and f.part in names
    ]
    periods = list(dict.fromkeys(f.period for f in part_growth))
    return [weighted_finding(inputs, partition, period, facts) for period in periods]


def _pick(
    facts: tuple[Fact, ...], kind: str, measure: str, part: str | None, period
) -> Fact | None:
    return next(
        (
            f
            for f in facts
            if f.kind == kind
            and f.measure == measure
            and f.part == part
            and period is not None
            and same(f.period, period).ok
        ),
        None,
    )


def weighted_finding(
    inputs: CheckInputs, partition: Partition, period, facts: tuple[Fact, ...]
) -> Finding:
    component, total_measure = norm(partition.component), norm(partition.total)
    fid = f"{RULE}:{total_measure.replace(' ', '-')}-{label(period).replace(' ', '')}"
    when_ = when(period)
    base = {
        "rule": RULE,
        "id": fid,
        **said("title", "weighted_growth.title", total=Code(code=partition.total), period=when_),
    }
    parts = [norm(p) for p in partition.parts]
    growths = {p: _pick(facts, "growth", component, p, period) for p in parts}
    values = {p: _pick(facts, "level", component, p, period) for p in parts}
    total = _pick(facts, "growth", total_measure, None, period)
    found = [f for f in (*growths.values(), *values.values(), total) if f is not None]
    rows = [
        (p, g, v) for p in parts if (g := growths[p]) is not None and (v := values[p]) is not None
    ]
    missing = [say("relative.growth_of", measure=p) for p, g in growths.items() if g is None]
    missing += [say("weighted_growth.value_of", part=p) for p, v in values.items() if v is None]
    if total is None:
        missing.append(say("relative.growth_of", measure=Code(code=partition.total)))
    if period is None or total is None or len(rows) < len(parts):
        why = (
            say("weighted_growth.no_period")
            if period is None
            else say("weighted_growth.missing", period=when_, missing=join(missing, ", "))
        )
        return Finding(
            **base,
            status="unknown",
            severity="info",
            **said("message", "weighted_growth.cannot", why=why),
            evidence=tuple(fact_evidence(inputs, f) for f in found),
        )
    bases = [v.value / (1 + g.value / 100) for _, g, v in rows]
    weights = [b / sum(bases) for b in bases]
    weighted = sum(w * g.value for w, (_, g, _v) in zip(weights, rows, strict=True))
    rounding = total.half_unit + sum(
        w * g.half_unit for w, (_, g, _v) in zip(weights, rows, strict=True)
    )
    tol = rounding + CHAIN_LINK_ALLOWANCE_PP
    diff = weighted - total.value
    ok = abs(diff) <= tol
    terms = join(
        (
            say(
                "weighted_growth.term",
                weight=Num(value=w, spec=".3f"),
                growth=Num(value=g.value, places=g.decimals),
            )
            for w, (_, g, _v) in zip(weights, rows, strict=True)
        ),
        " + ",
    )
    result = Num(value=weighted, spec=".2f")
    arithmetic = say("weighted_growth.arithmetic", terms=terms, weighted=result)
    stated = say("relative.percent", value=Num(value=total.value, places=total.decimals))
    common = {"weighted": result, "stated": stated, "period": when_}
    difference = Num(value=diff, spec="+.2f")
    message = say(
        "weighted_growth.agrees" if ok else "weighted_growth.disagrees", **common, diff=difference
    )
    return Finding(
        **base,
        status="pass" if ok else "fail",
        severity="info" if ok else "warning",
        **said("message", "say", say=message),
        expected=Figure(
            value=total.value, unit="%", **said("text", "weighted_growth.stated", stated=stated)
        ),
        actual=Figure(value=weighted, unit="%", **said("text", "say", say=arithmetic)),
        tolerance=Tolerance(
            value=tol,
            unit="pp",
            **said(
                "why",
                "weighted_growth.why",
                rounding=Num(value=rounding, spec=".2f"),
                allowance=Num(value=CHAIN_LINK_ALLOWANCE_PP, spec=""),
            ),
        ),
        evidence=tuple(fact_evidence(inputs, f) for f in found),
    )
