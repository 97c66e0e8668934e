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

from pestle.checks.cause import cause_fields, column_rows, column_unit_cause
from pestle.checks.compare import satisfies
from pestle.checks.facts import Fact, collect, references
from pestle.checks.finding import Figure, Finding, Tolerance
from pestle.checks.inputs import CheckInputs, Reference, reference_evidence, short_source
from pestle.checks.locate import fact_evidence
from pestle.checks.periods import label, prior_year, same
from pestle.checks.said import Amount, Code, Natural, Num, Say, Text, join, said, say, when
from pestle.checks.units import power_of_ten, reference_half_unit, unit_name
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
) -> tuple[float, float, Say, Reference] | None:
    """(base, rounding, how, entry) from reference data for the base period, if any."""
    base_period = prior_year(period)
    # a reference of 0 (or a growth of -100 % or less) gives no base to compare with
    refs = [r for r in references(inputs, value.measure) if r.unit == value.unit and r.value]
    direct = [r for r in refs if same(r.period, base_period).ok]
    if direct:
        r = direct[0]
        how = say("implied_base.reference_for", period=when(base_period))
        return r.value, reference_half_unit(r.value), how, r
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
        how = say(
            "implied_base.from_reference",
            period=when(period),
            value=Natural(value=r.value, unit=r.unit or value.unit),
            factor=Num(value=1 + g / 100, spec=".3f"),
        )
        return base, rounding, how, r
    return None


def base_finding(inputs: CheckInputs, value: Fact, growth: Fact, period: Period) -> Finding:
    base_period = prior_year(period)
    scale = value.scale
    unit = unit_name(value.unit, scale)
    base, rounding = implied(value, growth)
    places = max(value.decimals, 2)
    arithmetic = say(
        "implied_base.arithmetic",
        value=Num(value=value.value / scale, places=value.decimals),
        factor=Num(value=1 + growth.value / 100, spec=".3f"),
        base=Amount(value=base, unit=value.unit, scale=scale, places=places),
    )
    what = value.name or value.measure
    fid = f"{RULE}:{value.measure.replace(' ', '-')}-{label(base_period).replace(' ', '')}"
    title = said(
        "title",
        "implied_base.title",
        measure=Code(code=value.measure),
        base_period=when(base_period),
        period=when(period),
    )
    evidence = (fact_evidence(inputs, value), fact_evidence(inputs, growth))
    actual = Figure(value=base / scale, unit=unit, **said("text", "say", say=arithmetic))
    found = _reference_base(inputs, value, period)
    if found is None:
        periods = {r.period for r in references(inputs, value.measure) if r.period}
        have = [when(p) for p in sorted(periods, key=lambda p: (p.start, p.end))]
        hint = say("implied_base.hint", periods=join(have, ", ")) if have else Text(text="")
        return Finding(
            rule=RULE,
            id=fid,
            **title,
            status="unknown",
            severity="info",
            **said(
                "message",
                "implied_base.no_reference",
                what=what,
                base_period=when(base_period),
                arithmetic=arithmetic,
                hint=hint,
            ),
            actual=actual,
            evidence=evidence,
        )
    ref_base, ref_rounding, how, ref = found
    tol = rounding + ref_rounding
    ok = satisfies(ref_base, value.qualifier, base, tol)
    ref_text = say(
        "implied_base.reference",
        base=Amount(value=ref_base, unit=value.unit, scale=scale, places=places),
        how=how,
        source=short_source(ref.source),
    )
    cause, k = None, 0
    # what the message says, whether the base agrees with the reference or not
    compared = {
        "what": what,
        "base_period": when(base_period),
        "arithmetic": arithmetic,
        "reference": ref_text,
    }
    if ok:
        message = say("implied_base.agrees", **compared)
    else:
        ratio = base / ref_base
        k = power_of_ten(ratio)
        slip = bool(k) and abs(ratio / 10.0**k - 1) < 0.05
        off = (
            say("implied_base.slip", factor=Num(value=10 ** abs(k), spec="g"))
            if slip
            else say("implied_base.ratio", ratio=Num(value=ratio, spec=".3g"))
        )
        cause = column_unit_cause(inputs, value) if slip else None
        message = say("implied_base.disagrees", **compared, off=off)
    return Finding(
        rule=RULE,
        id=fid,
        **title,
        status="pass" if ok else "fail",
        severity="info" if ok else "warning",
        **said("message", "say", say=message),
        expected=Figure(value=ref_base / scale, unit=unit, **said("text", "say", say=ref_text)),
        actual=actual,
        tolerance=Tolerance(value=tol / scale, unit=unit, **said("why", "implied_base.why")),
        evidence=(*evidence, reference_evidence(ref)),
        **cause_fields(cause),
        rows=column_rows(inputs, value, k) if cause else (),
    )


def _real_growth_finding(inputs: CheckInputs, real: list[tuple[Fact, Fact, Period]]) -> Finding:
    lines = []
    for value, growth, period in real:
        base, _ = implied(value, growth)
        scale = value.scale
        lines.append(
            say(
                "implied_base.real_line",
                what=value.name or value.measure,
                value=Num(
                    value=value.value / scale, places=value.decimals, qualifier=value.qualifier
                ),
                factor=Num(value=1 + growth.value / 100, spec=".3f"),
                base=Amount(
                    value=base, unit=value.unit, scale=scale, places=max(value.decimals, 2)
                ),
                base_period=when(prior_year(period)),
                period=when(period),
            )
        )
    return Finding(
        rule=RULE,
        id=f"{RULE}:constant-prices",
        **said("title", "implied_base.real_title"),
        status="unknown",
        severity="info",
        **said("message", "implied_base.real", count=len(real), lines=join(lines)),
        evidence=tuple(fact_evidence(inputs, f) for v, g, _ in real for f in (v, g)),
    )
