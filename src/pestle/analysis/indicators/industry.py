"""Industry structure: shares of value added, contributions to growth in percentage points
(share x growth, current-period shares, and the exact prior-period-weighted version),
contribution rates, the weighted growth they imply, and the gaps to the stated GDP and
its growth."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pestle.analysis.indicators.arithmetic import implied_base, shares, year_before
from pestle.analysis.indicators.growth import growth_pairs
from pestle.analysis.indicators.inputs import (
    GDP,
    VALUE_ADDED,
    Frozen,
    InputRef,
    attribute_input,
    measure_key,
)
from pestle.model import Period

if TYPE_CHECKING:
    import pandas as pd

    from pestle.case import Case, CaseEntity


class IndustryRow(Frozen):
    """One industry of a value-added table."""

    industry: str
    entity: str
    value: float  # CNY
    growth_pct: float
    share_pct: float  # of the industries' sum
    contribution_pp: float  # share x growth (current-period share)
    contribution_base_pp: float  # (value - base) / sum of bases x 100 (prior-period share)
    contribution_rate_pct: float | None  # contribution_pp / sum of contributions x 100
    base: float  # value / (1 + growth / 100)
    evidence: tuple[InputRef, ...]


class IndustryStructure(Frozen):
    """Value added by industry for one subject and period: shares and contributions."""

    subject: str | None
    period: str | None
    prior_period: str | None  # the period of the bases
    unit: str
    rows: tuple[IndustryRow, ...]
    total: float  # sum of the industries
    weighted_growth_pct: float  # sum of contribution_pp
    base_weighted_growth_pct: float  # sum of contribution_base_pp = sum(change) / sum(base)
    stated_total: float | None  # the stated GDP of the same subject and period
    stated_total_qualifier: str | None
    stated_growth_pct: float | None
    total_gap: float | None  # total - stated_total
    growth_gap_pp: float | None  # weighted_growth_pct - stated_growth_pct
    evidence: tuple[InputRef, ...]  # of the stated total and growth
    note: str = (
        "Contribution = share x growth, with current-period shares (the usual approximation); "
        "contribution_base uses prior-period shares (value / (1 + growth)) and sums exactly to "
        "the growth of the industries' total. Growth rates may be at constant prices while "
        "values are at current prices."
    )

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([r.model_dump(exclude={"evidence"}) for r in self.rows]).set_index(
            "industry"
        )


def industry_structure(case: Case) -> tuple[IndustryStructure, ...]:
    """One structure per subject and period with at least two industries' value and growth."""
    groups: dict[tuple[Any, Any], list[tuple[CaseEntity, CaseEntity]]] = {}
    for v, g in growth_pairs(case):
        measure = str(v.attributes["measure"])
        if measure.startswith(VALUE_ADDED) and v.attributes.get("unit") == "CNY":
            key = (v.attributes.get("subject"), v.attributes.get("period"))
            groups.setdefault(key, []).append((v, g))
    stated = {
        measure_key(v, GDP): (v, g)
        for v, g in growth_pairs(case)
        if v.attributes.get("measure") == GDP
    }
    out = []
    for (subject, period), pairs in groups.items():
        if len(pairs) < 2:
            continue
        values = [float(v.attributes["value"]) for v, _ in pairs]  # type: ignore[arg-type]
        growths = [float(g.attributes["value"]) for _, g in pairs]  # type: ignore[arg-type]
        fractions = shares(values)
        bases = [implied_base(x, r) for x, r in zip(values, growths, strict=True)]
        base_total = sum(bases)
        contributions = [s * r for s, r in zip(fractions, growths, strict=True)]
        weighted = sum(contributions)
        rows = tuple(
            IndustryRow(
                industry=str(v.attributes["measure"]).removeprefix(VALUE_ADDED),
                entity=v.id,
                value=x,
                growth_pct=r,
                share_pct=100 * s,
                contribution_pp=c,
                contribution_base_pp=100 * (x - b) / base_total,
                contribution_rate_pct=100 * c / weighted if weighted else None,
                base=b,
                evidence=(attribute_input(case, v, "value"), attribute_input(case, g, "value")),
            )
            for (v, g), x, r, s, c, b in zip(
                pairs, values, growths, fractions, contributions, bases, strict=True
            )
        )
        total = sum(values)
        gdp = stated.get((GDP, subject, period))
        stated_total = stated_growth = None
        evidence: tuple[InputRef, ...] = ()
        if gdp is not None:
            stated_total = float(gdp[0].attributes["value"])  # type: ignore[arg-type]
            stated_growth = float(gdp[1].attributes["value"])  # type: ignore[arg-type]
            evidence = (
                attribute_input(case, gdp[0], "value"),
                attribute_input(case, gdp[1], "value"),
            )
        out.append(
            IndustryStructure(
                subject=subject,
                period=period,
                prior_period=year_before(Period.parse(period)).iso() if period else None,
                unit="CNY",
                rows=rows,
                total=total,
                weighted_growth_pct=weighted,
                base_weighted_growth_pct=100 * (total - base_total) / base_total,
                stated_total=stated_total,
                stated_total_qualifier=(
                    str(gdp[0].attributes.get("qualifier", "=")) if gdp is not None else None
                ),
                stated_growth_pct=stated_growth,
                total_gap=total - stated_total if stated_total is not None else None,
                growth_gap_pp=weighted - stated_growth if stated_growth is not None else None,
                evidence=evidence,
            )
        )
    return tuple(out)
