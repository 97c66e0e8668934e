"""Relative statements: figures stated relative to another, checked against reference data.

1. **Gap to the national average**: "5.6 %, 0.2 percentage points higher than the
   national average" implies a national figure of 5.6 − 0.2 = 5.4 %; it is compared with
   the national reference of the same period. Tolerance: the rounding of the three
   figures (half the last digit of each, added up).
2. **Share of a whole**: "894 billion yuan, more than half of the region's GDP" is the
   ratio of the part to the whole of the same period. The whole comes from reference
   data (its source and quality are shown); if there is none, from the document itself.
   Tolerance: the rounding of part and whole carried into the ratio; an approximate share
   ("about half", "nearly a third") is read as ±5 percentage points, the width of a
   fraction rounded to the nearest tenth.

The severity of a failure follows the reference: `error` against a firm figure,
`warning` against one still marked "verify".
"""

from __future__ import annotations

from pestle.checks.compare import satisfies, words
from pestle.checks.facts import FRACTION_RE, Fact, collect, references
from pestle.checks.finding import Figure, Finding, Severity, Tolerance
from pestle.checks.inputs import (
    QUALITY_NOTES,
    CheckInputs,
    Reference,
    reference_evidence,
    short_source,
)
from pestle.checks.locate import fact_evidence
from pestle.checks.periods import label, same
from pestle.checks.units import fmt, reference_half_unit, unit_name

RULE = "relative"

#: Half-width of an approximate share stated in words ("about half"): ±5 pp.
APPROXIMATE_SHARE_PP = 5.0


def check(inputs: CheckInputs) -> list[Finding]:
    facts = collect(inputs)
    findings = [gap_finding(inputs, f, facts) for f in facts if f.kind == "gap"]
    findings += [share_finding(inputs, f, facts) for f in facts if f.kind == "share" and f.whole]
    return findings


def _slug(*parts: object) -> str:
    return "-".join(str(p).replace(" ", "") for p in parts if p)


def _severity(ref: Reference | None) -> Severity:
    return "error" if ref is not None and ref.quality in (None, "firm") else "warning"


def _quality(ref: Reference) -> str:
    note = QUALITY_NOTES.get(ref.quality or "")
    return f" Reference {note}." if note else ""


# -- gap to the national average ----------------------------------------------------------


def gap_finding(inputs: CheckInputs, gap: Fact, facts: tuple[Fact, ...]) -> Finding:
    what = f"{gap.measure.upper() if gap.measure == 'gdp' else gap.measure} growth"
    fid = f"{RULE}:{_slug(gap.measure, 'growth-gap', label(gap.period))}"
    title = f"{what} ({label(gap.period)}): implied national average against reference"
    base = {"rule": RULE, "id": fid, "title": title}
    own = [
        f
        for f in facts
        if f.kind == "growth"
        and f.measure == gap.measure
        and f.part == gap.part
        and same(f.period, gap.period).ok
    ]
    if not own:
        return Finding(
            **base,
            status="unknown",
            severity="info",
            message=f"The gap of {fmt(gap.value)} pp is stated, but no {what} of the region "
            f"for {label(gap.period)} to subtract it from.",
            evidence=(fact_evidence(inputs, gap),),
        )
    growth = own[0]
    implied = growth.value - gap.sign * gap.value
    sign = "−" if gap.sign > 0 else "+"
    places = max(growth.decimals, gap.decimals)
    arithmetic = (
        f"{fmt(growth.value, growth.decimals)} {sign} {fmt(gap.value, gap.decimals)} = "
        f"{fmt(implied, places)} %"
    )
    evidence = (fact_evidence(inputs, growth), fact_evidence(inputs, gap))
    refs = [
        r
        for r in references(inputs, gap.measure, "growth", "national")
        if same(r.period, gap.period).ok
    ]
    if not refs:
        return Finding(
            **base,
            status="unknown",
            severity="info",
            message=f"The report implies a national {what} of {arithmetic} for "
            f"{label(gap.period)}, but the case has no national reference for that period.",
            actual=Figure(value=implied, unit="%", text=arithmetic),
            evidence=evidence,
        )
    ref = refs[0]
    tol = growth.half_unit + gap.half_unit + reference_half_unit(ref.value)
    ok = satisfies(implied, ref.qualifier, ref.value, tol)
    ref_text = f"{words(ref.qualifier)}{fmt(ref.value)} % ({short_source(ref.source)})"
    if ok:
        message = (
            f"Implied national {what} for {label(gap.period)}: {arithmetic}; the reference "
            f"gives {ref_text}. They agree."
        )
    else:
        message = (
            f"Implied national {what} for {label(gap.period)}: {arithmetic}, but the "
            f"reference gives {ref_text}: the gap or the growth rate is wrong by "
            f"{fmt(abs(implied - ref.value))} pp."
        )
    return Finding(
        **base,
        status="pass" if ok else "fail",
        severity="info" if ok else _severity(ref),
        message=message + _quality(ref),
        expected=Figure(value=ref.value, unit="%", text=ref_text),
        actual=Figure(value=implied, unit="%", text=arithmetic),
        tolerance=Tolerance(
            value=tol, unit="pp", why="rounding of three figures, half the last digit each"
        ),
        evidence=(*evidence, reference_evidence(ref)),
    )


# -- share of a whole ---------------------------------------------------------------------


def share_finding(inputs: CheckInputs, share: Fact, facts: tuple[Fact, ...]) -> Finding:
    whole_name = share.whole.upper() if share.whole == "gdp" else str(share.whole)
    part_name = share.part or "the part"
    lead = part_name[:1].upper() + part_name[1:]
    fid = f"{RULE}:{_slug('share', share.part, share.whole, label(share.period))}"
    title = f"{part_name} ({label(share.period)}): {words(share.qualifier)}" + (
        f"{fmt(share.value)} % of {whole_name}"
    )
    base = {"rule": RULE, "id": fid, "title": title}
    parts = [
        f
        for f in facts
        if f.kind == "level"
        and f.part == share.part
        and f.unit not in ("%", "pp", "count")
        and same(f.period, share.period).ok
    ]
    if not parts:
        return Finding(
            **base,
            status="unknown",
            severity="info",
            message=f"The share of {part_name} in {whole_name} is stated, but not the value "
            f"of {part_name} for {label(share.period)}.",
            evidence=(fact_evidence(inputs, share),),
        )
    part = parts[0]
    refs = [
        r
        for r in references(inputs, share.whole or "", "level", "region")
        if same(r.period, share.period).ok and r.unit == part.unit
    ]
    stated = [
        f
        for f in facts
        if f.kind == "level"
        and f.measure == share.whole
        and f.part is None
        and same(f.period, share.period).ok
    ]
    evidence = (fact_evidence(inputs, part), fact_evidence(inputs, share))
    if refs:
        whole_value, whole_half = refs[0].value, reference_half_unit(refs[0].value)
        whole_source = f"reference: {short_source(refs[0].source)}"
        evidence = (*evidence, reference_evidence(refs[0]))
    elif stated:
        whole_value, whole_half = stated[0].value, stated[0].half_unit
        whole_source = "stated in the document"
        evidence = (*evidence, fact_evidence(inputs, stated[0]))
    else:
        return Finding(
            **base,
            status="unknown",
            severity="info",
            message=f"No {whole_name} for {label(share.period)} in the reference data or the "
            f"document; the share of {part_name} cannot be checked.",
            evidence=evidence,
        )
    scale = part.scale
    unit = unit_name(part.unit, scale)
    ratio = 100 * part.value / whole_value
    tol = ratio * (part.half_unit / part.value + whole_half / whole_value)
    why = "rounding of part and whole carried into the ratio"
    if share.qualifier == "~":
        tol += APPROXIMATE_SHARE_PP
        why += f", plus ±{fmt(APPROXIMATE_SHARE_PP)} pp for a share stated approximately"
    ok = satisfies(ratio, share.qualifier, share.value, tol)
    places = max(part.decimals, 3)
    arithmetic = (
        f"{fmt(part.value / scale, part.decimals)} / {fmt(whole_value / scale, places)} "
        f"{unit} = {ratio:.1f} %"
    )
    claim = f"{words(share.qualifier)}{fmt(share.value)} %"
    phrase = _phrase(inputs, share) or share.written or claim
    margin = ratio - share.value
    if ok:
        close = " (barely)" if abs(margin) < 1 else ""
        message = (
            f"{lead} ({label(share.period)}): {arithmetic} of {whole_name} "
            f"({whole_source}), so '{phrase}' holds{close}: "
            f"{abs(margin):.1f} pp from {fmt(share.value)} %."
        )
    else:
        message = (
            f"{lead} ({label(share.period)}): {arithmetic} of {whole_name} "
            f"({whole_source}), which is not '{phrase}' ({claim}): off by {abs(margin):.1f} pp."
        )
    if refs:
        message += _quality(refs[0])
    return Finding(
        **base,
        status="pass" if ok else "fail",
        severity="info" if ok else _severity(refs[0] if refs else None),
        message=message,
        expected=Figure(value=share.value, unit="%", text=claim),
        actual=Figure(value=ratio, unit="%", text=arithmetic),
        tolerance=Tolerance(value=tol, unit="pp", why=why),
        evidence=evidence,
    )


def _phrase(inputs: CheckInputs, fact: Fact) -> str | None:
    """The words of the document the share was read from ('more than half of ...')."""
    doc = next((d for d in inputs.documents if d.id == fact.document), None)
    if doc is None or fact.span is None:
        return None
    start, end = fact.span
    for m in FRACTION_RE.finditer(doc.text, max(0, start - 30), end + 80):
        if m.start() <= start and end <= m.end():
            return " ".join(m.group(0).split())
    return " ".join(doc.text[start:end].split())
