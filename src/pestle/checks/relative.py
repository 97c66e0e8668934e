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

from pestle.checks.compare import satisfies
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
from pestle.checks.said import Code, Num, Say, Text, Unit, english, join, said, say, when
from pestle.checks.units import reference_half_unit

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


def _quality(ref: Reference) -> Say | Text:
    quality = ref.quality or ""
    if quality not in QUALITY_NOTES:
        return Text(text="")
    return say("relative.quality", note=say(f"relative.quality_{quality}"))


# -- gap to the national average ----------------------------------------------------------


def gap_finding(inputs: CheckInputs, gap: Fact, facts: tuple[Fact, ...]) -> Finding:
    measure = gap.measure.upper() if gap.measure == "gdp" else gap.measure
    what = say("relative.growth_of", measure=Code(code=measure))
    fid = f"{RULE}:{_slug(gap.measure, 'growth-gap', label(gap.period))}"
    period = when(gap.period)
    base = {
        "rule": RULE,
        "id": fid,
        **said("title", "relative.gap_title", what=what, period=period),
    }
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
            **said(
                "message", "relative.gap_alone", gap=Num(value=gap.value), what=what, period=period
            ),
            evidence=(fact_evidence(inputs, gap),),
        )
    growth = own[0]
    implied = growth.value - gap.sign * gap.value
    places = max(growth.decimals, gap.decimals)
    arithmetic = say(
        "relative.minus" if gap.sign > 0 else "relative.plus",
        growth=Num(value=growth.value, places=growth.decimals),
        gap=Num(value=gap.value, places=gap.decimals),
        implied=Num(value=implied, places=places),
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
            **said(
                "message",
                "relative.no_national",
                what=what,
                arithmetic=arithmetic,
                period=period,
            ),
            actual=Figure(value=implied, unit="%", **said("text", "say", say=arithmetic)),
            evidence=evidence,
        )
    ref = refs[0]
    tol = growth.half_unit + gap.half_unit + reference_half_unit(ref.value)
    ok = satisfies(implied, ref.qualifier, ref.value, tol)
    ref_text = say(
        "relative.percent_source",
        value=Num(value=ref.value, qualifier=ref.qualifier),
        source=short_source(ref.source),
    )
    if ok:
        message = say(
            "relative.gap_agrees", what=what, period=period, arithmetic=arithmetic, ref=ref_text
        )
    else:
        message = say(
            "relative.gap_wrong",
            what=what,
            period=period,
            arithmetic=arithmetic,
            ref=ref_text,
            off=Num(value=abs(implied - ref.value)),
        )
    return Finding(
        **base,
        status="pass" if ok else "fail",
        severity="info" if ok else _severity(ref),
        **said("message", "say", say=join((message, _quality(ref)), "")),
        expected=Figure(value=ref.value, unit="%", **said("text", "say", say=ref_text)),
        actual=Figure(value=implied, unit="%", **said("text", "say", say=arithmetic)),
        tolerance=Tolerance(value=tol, unit="pp", **said("why", "relative.gap_why")),
        evidence=(*evidence, reference_evidence(ref)),
    )


# -- share of a whole ---------------------------------------------------------------------


def share_finding(inputs: CheckInputs, share: Fact, facts: tuple[Fact, ...]) -> Finding:
    # GDP is a word of pestle's; any other whole is named as the case names it
    whole_name = Code(code="GDP") if share.whole == "gdp" else Text(text=str(share.whole))
    part_name = share.part or "the part"
    period = when(share.period)
    fid = f"{RULE}:{_slug('share', share.part, share.whole, label(share.period))}"
    claim = say("relative.percent", value=Num(value=share.value, qualifier=share.qualifier))
    title = said(
        "title",
        "relative.share_title",
        part=part_name,
        period=period,
        claim=claim,
        whole=whole_name,
    )
    base = {"rule": RULE, "id": fid, **title}
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
            **said("message", "relative.no_part", part=part_name, whole=whole_name, period=period),
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
        whole_source = say("relative.whole_reference", source=short_source(refs[0].source))
        evidence = (*evidence, reference_evidence(refs[0]))
    elif stated:
        whole_value, whole_half = stated[0].value, stated[0].half_unit
        whole_source = say("relative.whole_stated")
        evidence = (*evidence, fact_evidence(inputs, stated[0]))
    else:
        return Finding(
            **base,
            status="unknown",
            severity="info",
            **said("message", "relative.no_whole", whole=whole_name, period=period, part=part_name),
            evidence=evidence,
        )
    scale = part.scale
    ratio = 100 * part.value / whole_value
    tol = ratio * (part.half_unit / part.value + whole_half / whole_value)
    why = say("relative.share_why")
    if share.qualifier == "~":
        tol += APPROXIMATE_SHARE_PP
        why = say("relative.share_why_approximate", pp=Num(value=APPROXIMATE_SHARE_PP))
    ok = satisfies(ratio, share.qualifier, share.value, tol)
    places = max(part.decimals, 3)
    arithmetic = say(
        "relative.share_arithmetic",
        part=Num(value=part.value / scale, places=part.decimals),
        whole=Num(value=whole_value / scale, places=places),
        unit=Unit(unit=part.unit, scale=scale),
        ratio=Num(value=ratio, spec=".1f"),
    )
    phrase = _phrase(inputs, share) or share.written or english(claim)
    margin = ratio - share.value
    common = {
        "part": say("say", say=part_name).model_copy(update={"capital": True}),
        "period": period,
        "arithmetic": arithmetic,
        "whole": whole_name,
        "source": whole_source,
        "phrase": phrase,
        "margin": Num(value=abs(margin), spec=".1f"),
    }
    if ok:
        message = say(
            "relative.share_barely" if abs(margin) < 1 else "relative.share_holds",
            **common,
            stated=Num(value=share.value),
        )
    else:
        message = say("relative.share_wrong", **common, claim=claim)
    quality = _quality(refs[0]) if refs else Text(text="")
    return Finding(
        **base,
        status="pass" if ok else "fail",
        severity="info" if ok else _severity(refs[0] if refs else None),
        **said("message", "say", say=join((message, quality), "")),
        expected=Figure(value=share.value, unit="%", **said("text", "say", say=claim)),
        actual=Figure(value=ratio, unit="%", **said("text", "say", say=arithmetic)),
        tolerance=Tolerance(value=tol, unit="pp", why=english(why), why_said=why),
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
