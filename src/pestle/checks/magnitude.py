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

from pestle.checks.cause import cause_fields, column_rows, column_unit_cause
from pestle.checks.facts import Fact, collect, references
from pestle.checks.finding import Figure, Finding, Tolerance
from pestle.checks.inputs import CheckInputs, Reference, reference_evidence, short_source
from pestle.checks.locate import fact_evidence
from pestle.checks.periods import comparable, gap_days, label, same
from pestle.checks.said import Amount, Code, Natural, Num, Say, Unit, english, said, say, when
from pestle.checks.units import power_of_ten, reference_half_unit, unit_name

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
    period = when(fact.period)
    base = {
        "rule": RULE,
        "id": fid,
        **said("title", "magnitude.title", measure=Code(code=fact.measure), period=period),
    }
    stated = Amount(
        value=fact.value,
        unit=fact.unit,
        scale=scale,
        places=fact.decimals,
        qualifier=fact.qualifier,
    )
    refs = [r for r in refs if r.value]  # a reference of 0 gives no magnitude to compare with
    exact = [r for r in refs if same(fact.period, r.period).ok]
    ref = exact[0] if exact else _nearest(fact, refs)
    if ref is None or ref.period is None or fact.period is None:
        return Finding(
            **base,
            status="unknown",
            severity="info",
            **said("message", "magnitude.no_reference", stated=stated, period=period),
            evidence=(fact_evidence(inputs, fact),),
        )
    per_day = not exact
    ratio = fact.value / ref.value
    if per_day:
        ratio *= ref.period.days / fact.period.days
    ref_text = say(
        "magnitude.reference_per_day" if per_day else "magnitude.reference",
        value=Natural(value=ref.value, unit=ref.unit or fact.unit, qualifier=ref.qualifier),
        period=when(ref.period),
        source=short_source(ref.source),
    )
    evidence = (fact_evidence(inputs, fact), reference_evidence(ref))
    common = {
        **base,
        "expected": Figure(value=ref.value / scale, unit=unit, **said("text", "say", say=ref_text)),
        "actual": Figure(value=fact.value / scale, unit=unit, **said("text", "say", say=stated)),
        "tolerance": Tolerance(
            value=FACTOR,
            unit="×",
            **said("why", "magnitude.why_per_day" if per_day else "magnitude.why"),
        ),
        "evidence": evidence,
    }
    if 1 / FACTOR <= ratio <= FACTOR:
        return Finding(
            **common,
            status="pass",
            severity="info",
            **said(
                "message",
                "magnitude.same",
                stated=stated,
                period=period,
                reference=ref_text,
                ratio=Num(value=ratio, spec=".2f"),
            ),
        )
    k = power_of_ten(ratio)
    rounding = fact.half_unit / fact.value + reference_half_unit(ref.value) / ref.value
    is_exact = k != 0 and not per_day and abs(ratio / 10.0**k - 1) <= rounding
    fitting = (
        Unit(unit=fact.unit, scale=scale / 10.0**k) if k else Unit(unit=fact.unit, scale=scale)
    )
    stated_unit = Unit(unit=fact.unit, scale=scale)
    header = inputs.column_header(fact.document, fact.span[0]) if fact.span is not None else None
    if is_exact:
        how_far = say(
            "magnitude.exactly_smaller" if ratio < 1 else "magnitude.exactly_larger",
            times=Num(value=10 ** abs(k), spec="g"),
            reference=ref_text,
        )
    else:
        how_far = _times(ratio, ref_text)
    refit = Amount(
        value=fact.value * 10.0**-k, unit=fact.unit, scale=scale / 10.0**k, places=fact.decimals
    )
    if not k:
        fits = say("magnitude.not_a_power")
    else:
        fits = say(
            "magnitude.unit_error",
            fitting=fitting,
            unit=stated_unit,
            refit=refit,
            how=say("magnitude.matches")
            if is_exact
            else say("magnitude.ratio", ratio=Num(value=ratio / 10.0**k, spec=".2f")),
        )
    if k and header:
        fits = say("magnitude.header", fits=fits, header=header, fitting=fitting)
    readings: dict = {}
    if k:
        reading = say("magnitude.reading", fitting=fitting, unit=stated_unit)
        readings = {"readings": (english(reading),), "readings_said": (reading,)}
    cause = column_unit_cause(inputs, fact) if k and header else None
    return Finding(
        **common,
        status="fail",
        severity="warning" if per_day else "error",
        **said("message", "magnitude.fail", stated=stated, period=period, how=how_far, fits=fits),
        **readings,
        **cause_fields(cause),
        rows=column_rows(inputs, fact, k) if cause else (),
    )


def _times(ratio: float, reference: Say) -> Say:
    if ratio >= 1:
        return say("magnitude.larger", times=Num(value=ratio, spec=".3g"), reference=reference)
    if math.isfinite(1 / ratio):
        return say("magnitude.smaller", times=Num(value=1 / ratio, spec=".3g"), reference=reference)
    return say("magnitude.far", reference=reference)
