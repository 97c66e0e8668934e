"""Growth-implied bases: value / (1 + growth) is the value of the same period a year before.

For every stated value with a year-on-year growth rate of the same measure, part and
period, the implied prior-period base is compared with reference data:

- a reference value for the base period itself, or else
- the base the reference implies from its own value and growth for the same period
  (reference value / (1 + reference growth)).

Tolerance: the rounding of value and growth carried into the base, plus the rounding of
the reference figures. Without a reference for the base period the check is `unknown`
and shows the implied base. Growth "at constant prices" (GDP and value added, by the
convention of national accounts, unless the document says "current prices") implies a
base in this period's prices, which no nominal reference can confirm: those are listed
in one `unknown` finding, with their bases.

A base off by a power of ten from a value in a table column has the column's unit as its
root cause (`cause.column_unit_cause`): the same cause the magnitude rule finds.
"""

from __future__ import annotations

from pestle.checks.cause import column_rows, column_unit_cause
from pestle.checks.compare import satisfies, words
from pestle.checks.facts import Fact, collect, references
from pestle.checks.finding import Figure, Finding, Tolerance
from pestle.checks.inputs import CheckInputs, Reference, reference_evidence, short_source
from pestle.checks.locate import fact_evidence
from pestle.checks.periods import label, prior_year, same
from pestle.checks.units import amount, fmt, natural, power_of_ten, reference_half_unit, unit_name
from pestle.errors import CheckError
from pestle.model import Period

RULE = "implied_base"


def pairs(facts: tuple[Fact, ...]) -> list[tuple[Fact, Fact, Period]]:
    """(value, growth, period): facts of the same measure, part and (stated) period."""
    out = []
    for growth in facts:
        period = growth.period
        if growth.kind != "growth" or period is None:
            continue
        value = next(
            (
                f
                for f in facts
                if f.kind == "level"
                and f.measure == growth.measure
                and f.part == growth.part
                and f.unit not in ("%", "pp")
                and same(f.period, growth.period).ok
            ),
            None,
        )
        if value is not None:
            out.append((value, growth, period))
    return out


def check(inputs: CheckInputs) -> list[Finding]:
    found = pairs(collect(inputs))
    findings = [base_finding(inputs, v, g, p) for v, g, p in found if not g.is_real_growth]
    real = [(v, g, p) for v, g, p in found if g.is_real_growth]
    if real:
        findings.append(_real_growth_finding(inputs, real))
    return findings


def implied(value: Fact, growth: Fact) -> tuple[float, float]:
    """The implied base and its rounding (canonical units)."""
    if growth.value <= -100 or value.value == 0:
        raise CheckError(
            f"{value.measure}: a value of {value.value:g} after a growth of {growth.value:g} % "
            "implies no base"
        )
    base = value.value / (1 + growth.value / 100)
    rounding = base * (value.half_unit / value.value + growth.half_unit / (100 + growth.value))
    return base, rounding


def _reference_base(
    inputs: CheckInputs, value: Fact, period: Period
) -> tuple[float, float, str, Reference] | None:
    """(base, rounding, how, entry) from reference data for the base period, if any."""
    base_period = prior_year(period)
    # a reference of 0 (or a growth of -100 % or less) gives no base to compare with
    refs = [r for r in references(inputs, value.measure) if r.unit == value.unit and r.value]
    direct = [r for r in refs if same(r.period, base_period).ok]
    if direct:
        r = direct[0]
        return r.value, reference_half_unit(r.value), f"reference for {label(base_period)}", r
    derived = [
        r
        for r in refs
        if same(r.period, period).ok and r.growth_pct is not None and r.growth_pct > -100
    ]
    if derived:
        r = derived[0]
        g = r.growth_pct or 0.0
        base = r.value / (1 + g / 100)
        rounding = base * (
            reference_half_unit(r.value) / r.value + reference_half_unit(g) / (100 + g)
        )
        how = (
            f"from the reference for {label(period)}: "
            f"{natural(r.value, r.unit or value.unit)} / {1 + g / 100:.3f}"
        )
        return base, rounding, how, r
    return None


def base_finding(inputs: CheckInputs, value: Fact, growth: Fact, period: Period) -> Finding:
    base_period = prior_year(period)
    scale = value.scale
    unit = unit_name(value.unit, scale)
    base, rounding = implied(value, growth)
    places = max(value.decimals, 2)
    arithmetic = (
        f"{fmt(value.value / scale, value.decimals)} / {1 + growth.value / 100:.3f} = "
        f"{amount(base, value.unit, scale, places)}"
    )
    what = value.name or value.measure
    fid = f"{RULE}:{value.measure.replace(' ', '-')}-{label(base_period).replace(' ', '')}"
    title = f"{value.measure}, {label(base_period)}, implied by {label(period)} growth"
    evidence = (fact_evidence(inputs, value), fact_evidence(inputs, growth))
    actual = Figure(value=base / scale, unit=unit, text=arithmetic)
    found = _reference_base(inputs, value, period)
    if found is None:
        periods = {r.period for r in references(inputs, value.measure) if r.period}
        have = [label(p) for p in sorted(periods, key=lambda p: (p.start, p.end))]
        hint = f" (reference periods: {', '.join(have)})" if have else ""
        return Finding(
            rule=RULE,
            id=fid,
            title=title,
            status="unknown",
            severity="info",
            message=f"{what}: the implied {label(base_period)} base is {arithmetic}; the case "
            f"has no reference for {label(base_period)} to compare it with{hint}.",
            actual=actual,
            evidence=evidence,
        )
    ref_base, ref_rounding, how, ref = found
    tol = rounding + ref_rounding
    ok = satisfies(ref_base, value.qualifier, base, tol)
    ref_text = f"{amount(ref_base, value.unit, scale, places)} ({how}; {short_source(ref.source)})"
    cause, k = None, 0
    if ok:
        message = (
            f"{what}: the implied {label(base_period)} base {arithmetic} agrees with the "
            f"reference, {ref_text}."
        )
    else:
        ratio = base / ref_base
        k = power_of_ten(ratio)
        slip = bool(k) and abs(ratio / 10.0**k - 1) < 0.05
        off = (
            f"off by a factor of {10 ** abs(k):g}, the same power of ten as a unit slip"
            if slip
            else f"a ratio of {ratio:.3g}"
        )
        cause = column_unit_cause(inputs, value) if slip else None
        message = (
            f"{what}: the implied {label(base_period)} base is {arithmetic}, but the reference "
            f"gives {ref_text}: {off}."
        )
    return Finding(
        rule=RULE,
        id=fid,
        title=title,
        status="pass" if ok else "fail",
        severity="info" if ok else "warning",
        message=message,
        expected=Figure(value=ref_base / scale, unit=unit, text=ref_text),
        actual=actual,
        tolerance=Tolerance(
            value=tol / scale,
            unit=unit,
            why="rounding of value and growth carried into the base, and of the reference",
        ),
        evidence=(*evidence, reference_evidence(ref)),
        cause=cause,
        rows=column_rows(inputs, value, k) if cause else (),
    )


def _real_growth_finding(inputs: CheckInputs, real: list[tuple[Fact, Fact, Period]]) -> Finding:
    lines = []
    for value, growth, period in real:
        base, _ = implied(value, growth)
        scale = value.scale
        lines.append(
            f"{value.name or value.measure}: {words(value.qualifier)}"
            f"{fmt(value.value / scale, value.decimals)} / {1 + growth.value / 100:.3f} = "
            f"{amount(base, value.unit, scale, max(value.decimals, 2))} "
            f"({label(prior_year(period))} in {label(period)} prices)"
        )
    return Finding(
        rule=RULE,
        id=f"{RULE}:constant-prices",
        title="bases implied by growth at constant prices",
        status="unknown",
        severity="info",
        message=f"{len(real)} growth rate(s) are real (at constant prices), so value / (1 + "
        "growth) is the prior period in this period's prices, not comparable with a nominal "
        "reference: " + "; ".join(lines) + ".",
        evidence=tuple(fact_evidence(inputs, f) for v, g, _ in real for f in (v, g)),
    )
