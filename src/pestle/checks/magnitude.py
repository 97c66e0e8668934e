"""Magnitude plausibility: a figure far from reference data is a probable unit error.

Every stated level of the region (GDP, trade, ...) that has reference data of the same
measure and unit is compared with it:

- **same period**: the ratio stated / reference. Within a factor of `FACTOR` (3) it is
  plausible (`pass`). Beyond, it fails with severity `error`; when the ratio is a power
  of ten within rounding ("exactly 10×"), the message names the unit that would make
  the figure fit ("billion yuan" instead of "100 million yuan") and the table column
  header that states the wrong one.
- **a comparable period** (no reference for the same period): amounts per day against
  the reference period nearest in time (at most two years apart, see `periods`).
  Seasonality makes this rough, hence the wide factor; beyond it the check fails with
  severity `warning`, naming the power of ten and the unit that would fit.
- no reference within reach: `unknown`.

A power of ten off in a table column names its root cause, the column's unit
(`cause.column_unit_cause`), with every row of the column (`cause.column_rows`): the
runner reports the findings of one column once.
"""

from __future__ import annotations

import math

from pestle.checks.cause import column_rows, column_unit_cause
from pestle.checks.compare import words
from pestle.checks.facts import Fact, collect, references
from pestle.checks.finding import Figure, Finding, Tolerance
from pestle.checks.inputs import CheckInputs, Reference, reference_evidence, short_source
from pestle.checks.locate import fact_evidence
from pestle.checks.periods import comparable, gap_days, label, same
from pestle.checks.units import amount, natural, power_of_ten, reference_half_unit, unit_name

RULE = "magnitude"

#: A figure within this factor of the reference is of plausible magnitude.
FACTOR = 3.0


def check(inputs: CheckInputs) -> list[Finding]:
    findings = []
    for fact in collect(inputs):
        if fact.kind != "level" or fact.part is not None or fact.unit in ("%", "pp", "count"):
            continue
        refs = [r for r in references(inputs, fact.measure) if r.unit == fact.unit]
        if refs and fact.value > 0:
            findings.append(magnitude_finding(inputs, fact, refs))
    return findings


def _nearest(fact: Fact, refs: list[Reference]) -> Reference | None:
    """The reference whose period is nearest in time to the fact's, if any is comparable."""
    period = fact.period
    if period is None:
        return None
    dated = [(r, p) for r in refs if (p := r.period) is not None and comparable(period, p).ok]
    if not dated:
        return None
    return min(dated, key=lambda pair: gap_days(period, pair[1]))[0]


def magnitude_finding(inputs: CheckInputs, fact: Fact, refs: list[Reference]) -> Finding:
    scale = fact.scale
    unit = unit_name(fact.unit, scale)
    fid = f"{RULE}:{fact.measure.replace(' ', '-')}-{label(fact.period).replace(' ', '')}"
    title = f"{fact.measure} ({label(fact.period)}): magnitude against reference data"
    base = {"rule": RULE, "id": fid, "title": title}
    stated = words(fact.qualifier) + amount(fact.value, fact.unit, scale, fact.decimals)
    refs = [r for r in refs if r.value]  # a reference of 0 gives no magnitude to compare with
    exact = [r for r in refs if same(fact.period, r.period).ok]
    ref = exact[0] if exact else _nearest(fact, refs)
    if ref is None or ref.period is None or fact.period is None:
        return Finding(
            **base,
            status="unknown",
            severity="info",
            message=f"{stated} for {label(fact.period)}: no reference of the same measure "
            "within two years to compare its magnitude with.",
            evidence=(fact_evidence(inputs, fact),),
        )
    per_day = not exact
    ratio = fact.value / ref.value
    if per_day:
        ratio *= ref.period.days / fact.period.days
    ref_value = words(ref.qualifier) + natural(ref.value, ref.unit or fact.unit)
    ref_text = f"{ref_value} for {label(ref.period)} ({short_source(ref.source)})"
    if per_day:
        ref_text += ", compared per day"
    evidence = (fact_evidence(inputs, fact), reference_evidence(ref))
    common = {
        **base,
        "expected": Figure(value=ref.value / scale, unit=unit, text=ref_text),
        "actual": Figure(value=fact.value / scale, unit=unit, text=stated),
        "tolerance": Tolerance(
            value=FACTOR,
            unit="×",
            why="same order of magnitude"
            + ("; periods differ, so amounts per day, seasonality included" if per_day else ""),
        ),
        "evidence": evidence,
    }
    if 1 / FACTOR <= ratio <= FACTOR:
        return Finding(
            **common,
            status="pass",
            severity="info",
            message=f"{stated} for {label(fact.period)} is of the same magnitude as the "
            f"reference: {ref_text} (ratio {ratio:.2f}).",
        )
    k = power_of_ten(ratio)
    rounding = fact.half_unit / fact.value + reference_half_unit(ref.value) / ref.value
    is_exact = k != 0 and not per_day and abs(ratio / 10.0**k - 1) <= rounding
    fitting = unit_name(fact.unit, scale / 10.0**k) if k else unit
    header = inputs.column_header(fact.document, fact.span[0]) if fact.span is not None else None
    direction = "smaller" if ratio < 1 else "larger"
    if is_exact:
        how_far = f"exactly {10 ** abs(k):g}× {direction} than the reference, {ref_text}"
    else:
        how_far = f"{_times(ratio)} the reference, {ref_text}"
    refit = amount(fact.value * 10.0**-k, fact.unit, scale / 10.0**k, fact.decimals)
    if not k:
        fits = "Not a power of ten: probably a different figure, not a unit slip."
    else:
        fits = (
            f"Probable unit or magnitude error: in {fitting} instead of {unit} the figure "
            f"would be {refit}, "
            + (
                "which matches the reference exactly."
                if is_exact
                else f"{ratio / 10.0**k:.2f} times the reference."
            )
        )
    if k and header:
        fits += f" The column header says '{header}'; it should say {fitting}."
    readings = ()
    if k:
        readings = (f"the unit should be {fitting}, not {unit}",)
    cause = column_unit_cause(inputs, fact) if k and header else None
    return Finding(
        **common,
        status="fail",
        severity="warning" if per_day else "error",
        message=f"{stated} for {label(fact.period)} is {how_far}. {fits}",
        readings=readings,
        cause=cause,
        rows=column_rows(inputs, fact, k) if cause else (),
    )


def _times(ratio: float) -> str:
    if ratio >= 1:
        return f"{ratio:.3g}× larger than"
    return f"{1 / ratio:.3g}× smaller than" if math.isfinite(1 / ratio) else "far from"
