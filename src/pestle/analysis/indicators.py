"""Indicators derived from a case: every number the report shows that is not stated as such.

- industry structure: shares of value added, contributions to growth in percentage points
  (share x growth, current-period shares, and the exact prior-period-weighted version),
  contribution rates, the weighted growth they imply;
- growth-implied prior-period bases: value / (1 + growth / 100), with the qualifier carried;
- trade structure by dimension (trade mode, product category, zone channel): shares are
  comparable only within one dimension and are never summed across dimensions;
- free-trade-zone permissions by section: shares, Herfindahl concentration (H, normalised
  H*, equivalent number of sections 1 / H);
- opening-platform inventory: counts by kind;
- industrial clusters: the stated and listed count, and cluster value added against a
  reference GDP of the same period.

Each derived row carries its inputs' evidence (`InputRef`): the case entity attribute it
used, the document passage and extracted claim behind it, or the reference entry with its
source and quality. Pure functions of a `Case`; no formatting here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from pestle.case.references import ReferenceEntry, unit_of
from pestle.errors import AnalysisError, CaseError
from pestle.model import Period

if TYPE_CHECKING:
    import pandas as pd

    from pestle.case import Case, CaseEntity

# Measure vocabulary of case indicators (see the case's entities/economy.yaml).
VALUE_ADDED = "added value, "  # "added value, secondary industry"
GDP = "GDP"
GROWTH_SUFFIX = ", year on year"  # "GDP growth, year on year"
GDP_SHARE = "share of regional GDP, "  # "share of regional GDP, eight major industrial clusters"
CLUSTER_COUNT = "major industrial clusters"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# -- evidence -------------------------------------------------------------------------------


class InputRef(_Frozen):
    """One input of a derived number: an entity attribute and the claim or reference behind it.

    From a document: `document`, `section`, `quote` (the evidence link) and, when the
    extractor read the number there, `claim` (its text) with its span `start`..`end`. From
    reference data: `reference` (entry id) with its `source` and `quality`.
    """

    entity: str | None = None
    attribute: str | None = None
    value: float | str | None = None
    unit: str | None = None
    qualifier: str = "="
    document: str | None = None
    section: str | None = None
    quote: str | None = None
    claim: str | None = None
    start: int | None = None
    end: int | None = None
    reference: str | None = None
    source: str | None = None
    quality: str | None = None
    note: str | None = None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def attribute_input(case: Case, entity: CaseEntity, attribute: str) -> InputRef:
    """The evidence of one numeric attribute of an entity, resolved to its claim."""
    attrs = entity.attributes
    value = attrs.get(attribute)
    unit = attrs.get("unit") if attribute == "value" else unit_of(attribute)
    qualifier = str(attrs.get("qualifier", "=")) if attribute == "value" else "="
    links = [e for e in entity.evidence if e.attribute == attribute] or list(entity.evidence[:1])
    base = InputRef(
        entity=entity.id,
        attribute=attribute,
        value=value if _number(value) or isinstance(value, str) else None,
        unit=str(unit) if unit is not None else None,
        qualifier=qualifier,
        note=entity.note,
    )
    if not links:
        return base
    link = links[0]
    found = case.resolve(link)
    claims = [
        c
        for c in found.claims
        if _number(value)
        and math.isclose(c.value, float(value), rel_tol=1e-9)
        and (unit is None or c.unit == unit)
    ]
    fields: dict[str, Any] = {
        "document": link.document,
        "section": link.section,
        "quote": link.quote,
    }
    if claims and link.attribute == attribute:
        claim = claims[0]
        fields.update(claim=claim.text, start=claim.start, end=claim.end)
    return base.model_copy(update=fields)


def reference_input(entry: ReferenceEntry) -> InputRef:
    """A reference statistic as an input, with its source and quality."""
    return InputRef(
        attribute="value",
        value=entry.value,
        unit=entry.unit,
        qualifier=entry.qualifier,
        reference=entry.id,
        source=entry.source,
        quality=entry.quality,
    )


# -- small arithmetic -----------------------------------------------------------------------


def shares(values: Sequence[float]) -> tuple[float, ...]:
    """Each value as a fraction of their sum (0..1)."""
    total = float(sum(values))
    if not values or total <= 0 or any(v < 0 for v in values):
        raise AnalysisError(f"shares need non-negative values with a positive sum, got {values}")
    return tuple(float(v) / total for v in values)


def herfindahl(fractions: Sequence[float]) -> tuple[float, float, float]:
    """(H, normalised H*, equivalent number 1/H) of shares given as fractions summing to 1.

    H = sum s_i^2 ranges 1/n..1; H* = (H - 1/n) / (1 - 1/n) ranges 0..1 (0 for n = 1).
    """
    n = len(fractions)
    h = float(sum(s * s for s in fractions))
    normalised = (h - 1 / n) / (1 - 1 / n) if n > 1 else 0.0
    return h, normalised, 1 / h


def implied_base(value: float, growth_pct: float) -> float:
    """The prior-period value a growth rate implies: value / (1 + growth / 100)."""
    if growth_pct <= -100:
        raise AnalysisError(f"growth of {growth_pct:g} % implies no prior-period value")
    return value / (1 + growth_pct / 100)


_DIRECTION = {"=": 0, ">": 1, ">=": 1, "<": -1, "<=": -1}


def base_qualifier(value_qualifier: str, growth_qualifier: str) -> str:
    """Qualifier of value / (1 + g): it follows the value's and runs against the growth's."""
    if "~" in (value_qualifier, growth_qualifier):
        return "~"
    d_value = _DIRECTION[value_qualifier]
    d_growth = -_DIRECTION[growth_qualifier]
    if d_value and d_growth and d_value != d_growth:
        return "~"  # bounds in opposite directions: no bound survives
    direction = d_value or d_growth
    if direction == 0:
        return "="
    strict = value_qualifier in (">", "<") or growth_qualifier in (">", "<")
    return (">" if direction > 0 else "<") + ("" if strict else "=")


def year_before(period: Period) -> Period:
    """The same calendar span one year earlier (29 February becomes 28 February)."""

    def back(d: date) -> date:
        try:
            return d.replace(year=d.year - 1)
        except ValueError:
            return d.replace(year=d.year - 1, day=28)

    return Period(start=back(period.start), end=back(period.end))


def holds(value: float, qualifier: str, bound: float) -> bool | None:
    """Whether `value` satisfies "qualifier bound" (50.4 satisfies "> 50"); None for "~"
    (an approximate statement has no tolerance to test against)."""
    if qualifier == "~":
        return None
    return {
        "=": math.isclose(value, bound, rel_tol=1e-9),
        ">": value > bound,
        ">=": value >= bound,
        "<": value < bound,
        "<=": value <= bound,
    }[qualifier]


# -- indicator entities ----------------------------------------------------------------------


def _indicators(case: Case) -> tuple[CaseEntity, ...]:
    return case.entities_of("indicator")


def _period(entity: CaseEntity) -> Period | None:
    text = entity.attributes.get("period")
    return Period.parse(str(text)) if text else None


def growth_measure_of(measure: str) -> str | None:
    """The measure a growth indicator is the growth of, or None if it is not a growth rate.

    "GDP growth, year on year" -> "GDP"; "added value growth, secondary industry, year on
    year" -> "added value, secondary industry".
    """
    if not measure.endswith(GROWTH_SUFFIX) or " growth" not in measure:
        return None
    return measure.removesuffix(GROWTH_SUFFIX).replace(" growth", "", 1)


def _key(entity: CaseEntity, measure: str) -> tuple[str, str | None, str | None]:
    a = entity.attributes
    return (measure, a.get("subject"), a.get("period"))  # type: ignore[return-value]


def growth_pairs(case: Case) -> tuple[tuple[CaseEntity, CaseEntity], ...]:
    """(value indicator, its growth indicator): same subject and period, growth in %."""
    values = {
        _key(e, str(e.attributes.get("measure"))): e
        for e in _indicators(case)
        if e.attributes.get("unit") != "%" and _number(e.attributes.get("value"))
    }
    pairs = []
    for g in _indicators(case):
        of = growth_measure_of(str(g.attributes.get("measure", "")))
        if of is None or g.attributes.get("unit") != "%":
            continue
        v = values.get(_key(g, of))
        if v is not None:
            pairs.append((v, g))
    return tuple(pairs)


# -- growth-implied bases ---------------------------------------------------------------------


class PriorBase(_Frozen):
    """The prior-period value a stated value and its year-on-year growth imply."""

    entity: str
    growth_entity: str
    name: str
    measure: str
    subject: str | None
    period: str | None
    prior_period: str | None
    value: float
    unit: str
    growth_pct: float
    base: float
    qualifier: str
    change: float  # value - base
    evidence: tuple[InputRef, ...]


def prior_bases(case: Case) -> tuple[PriorBase, ...]:
    """Every value with a stated growth rate, turned into its implied prior-period base."""
    rows = []
    for v, g in growth_pairs(case):
        a, ga = v.attributes, g.attributes
        value, growth = float(a["value"]), float(ga["value"])  # type: ignore[arg-type]
        period = _period(v)
        base = implied_base(value, growth)
        rows.append(
            PriorBase(
                entity=v.id,
                growth_entity=g.id,
                name=v.name,
                measure=str(a["measure"]),
                subject=a.get("subject"),  # type: ignore[arg-type]
                period=period.iso() if period else None,
                prior_period=year_before(period).iso() if period else None,
                value=value,
                unit=str(a.get("unit")),
                growth_pct=growth,
                base=base,
                qualifier=base_qualifier(
                    str(a.get("qualifier", "=")), str(ga.get("qualifier", "="))
                ),
                change=value - base,
                evidence=(attribute_input(case, v, "value"), attribute_input(case, g, "value")),
            )
        )
    return tuple(rows)


# -- industry structure ----------------------------------------------------------------------


class IndustryRow(_Frozen):
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


class IndustryStructure(_Frozen):
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
        _key(v, GDP): (v, g) for v, g in growth_pairs(case) if v.attributes.get("measure") == GDP
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


# -- trade structure -------------------------------------------------------------------------


class TradeCategory(_Frozen):
    entity: str
    name: str
    share_pct: float | None
    growth_pct: float | None
    evidence: tuple[InputRef, ...]


class TradeDimension(_Frozen):
    """Categories of one dimension; their shares are comparable with each other only."""

    dimension: str
    categories: tuple[TradeCategory, ...]
    stated_share_pct: float  # sum of the stated shares of this dimension
    unstated_share_pct: float  # 100 - stated: categories the report does not name


class TradeStructure(_Frozen):
    dimensions: tuple[TradeDimension, ...]
    note: str = (
        "Shares are comparable only within one dimension (trade mode, product category, zone "
        "channel); they are never added across dimensions. The report states no period for "
        "the structure table."
    )

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        rows = [
            {"dimension": d.dimension, **c.model_dump(exclude={"evidence"})}
            for d in self.dimensions
            for c in d.categories
        ]
        return pd.DataFrame(
            rows, columns=["dimension", "entity", "name", "share_pct", "growth_pct"]
        )


def _optional(entity: CaseEntity, name: str) -> float | None:
    value = entity.attributes.get(name)
    return float(value) if _number(value) else None  # type: ignore[arg-type]


def trade_structure(case: Case) -> TradeStructure:
    """Trade categories grouped by their `dimension`, in the order the case lists them."""
    groups: dict[str, list[CaseEntity]] = {}
    for e in case.entities_of("trade_category"):
        dimension = e.attributes.get("dimension")
        if not isinstance(dimension, str) or not dimension:
            raise CaseError(
                f"trade category {e.id} has no dimension (trade_mode, product_category, "
                "zone_channel, ...); shares are comparable only within one dimension",
                e.file,
                e.line,
            )
        groups.setdefault(dimension, []).append(e)
    dims = []
    for dimension, members in groups.items():
        categories = tuple(
            TradeCategory(
                entity=e.id,
                name=e.name,
                share_pct=_optional(e, "share_pct"),
                growth_pct=_optional(e, "growth_pct"),
                evidence=tuple(
                    attribute_input(case, e, a)
                    for a in ("share_pct", "growth_pct")
                    if a in e.attributes
                ),
            )
            for e in members
        )
        stated = sum(c.share_pct or 0.0 for c in categories)
        if stated > 100 + 1e-9:
            first = members[0]
            raise CaseError(
                f"trade categories of dimension {dimension!r} have shares summing to "
                f"{stated:g} % (> 100); a dimension's shares are parts of one whole",
                first.file,
                first.line,
            )
        dims.append(
            TradeDimension(
                dimension=dimension,
                categories=categories,
                stated_share_pct=stated,
                unstated_share_pct=100 - stated,
            )
        )
    return TradeStructure(dimensions=tuple(dims))


# -- free-trade-zone permissions -------------------------------------------------------------


class SectionPermissions(_Frozen):
    entity: str
    name: str
    permissions: float
    share_pct: float
    evidence: tuple[InputRef, ...]


class FtzPermissions(_Frozen):
    """Permissions of the sections of one free trade zone, their shares and concentration."""

    ftz: str
    name: str
    sections: tuple[SectionPermissions, ...]
    sections_total: float
    herfindahl: float  # sum of squared shares (fractions), 1/n..1
    herfindahl_normalised: float  # (H - 1/n) / (1 - 1/n), 0..1
    equivalent_sections: float  # 1 / H
    delegated_powers: float | None  # powers delegated to the zone as a whole, if stated
    evidence: tuple[InputRef, ...]  # of the delegated powers
    note: str | None = None


def ftz_permissions(case: Case) -> tuple[FtzPermissions, ...]:
    """Per free trade zone: permissions by section, shares and Herfindahl concentration."""
    by_zone: dict[str, list[CaseEntity]] = {}
    for e in case.entities_of("ftz_section"):
        if _number(e.attributes.get("permissions_count")):
            by_zone.setdefault(str(e.attributes.get("ftz")), []).append(e)
    out = []
    for zone_id, members in by_zone.items():
        counts = [float(e.attributes["permissions_count"]) for e in members]  # type: ignore[arg-type]
        fractions = shares(counts)
        h, h_norm, equivalent = herfindahl(fractions)
        zone = next((z for z in case.entities_of("free_trade_zone") if z.id == zone_id), None)
        delegations = [
            p
            for p in case.entities_of("policy")
            if p.attributes.get("target") == zone_id and _number(p.attributes.get("powers_count"))
        ]
        powers = (
            float(delegations[0].attributes["powers_count"])  # type: ignore[arg-type]
            if delegations
            else None
        )
        total = sum(counts)
        note = None
        if powers is not None and not math.isclose(total, powers):
            note = (
                f"The sections' permissions sum to {total:g}, the powers delegated to the zone "
                f"are {powers:g}: the section counts are not a split of the delegated powers."
            )
        out.append(
            FtzPermissions(
                ftz=zone_id,
                name=zone.name if zone is not None else zone_id,
                sections=tuple(
                    SectionPermissions(
                        entity=e.id,
                        name=e.name,
                        permissions=c,
                        share_pct=100 * s,
                        evidence=(attribute_input(case, e, "permissions_count"),),
                    )
                    for e, c, s in zip(members, counts, fractions, strict=True)
                ),
                sections_total=total,
                herfindahl=h,
                herfindahl_normalised=h_norm,
                equivalent_sections=equivalent,
                delegated_powers=powers,
                evidence=tuple(attribute_input(case, p, "powers_count") for p in delegations[:1]),
                note=note,
            )
        )
    return tuple(out)


# -- opening platforms ------------------------------------------------------------------------


class PlatformRow(_Frozen):
    entity: str
    name: str
    count: float
    evidence: tuple[InputRef, ...]


class PlatformInventory(_Frozen):
    platforms: tuple[PlatformRow, ...]
    kinds: int
    total: float  # platforms of all kinds together (zones, warehouses: different things)


def platform_inventory(case: Case) -> PlatformInventory:
    rows = tuple(
        PlatformRow(
            entity=e.id,
            name=e.name,
            count=float(e.attributes["count"]),  # type: ignore[arg-type]
            evidence=(attribute_input(case, e, "count"),),
        )
        for e in case.entities_of("platform_type")
        if _number(e.attributes.get("count"))
    )
    return PlatformInventory(platforms=rows, kinds=len(rows), total=sum(r.count for r in rows))


# -- clusters and GDP shares ------------------------------------------------------------------


class GdpShare(_Frozen):
    """A value against the reference GDP of the same period, beside the share the case states."""

    entity: str
    name: str
    period: str | None
    value: float
    reference_gdp: float
    reference_qualifier: str
    share_pct: float  # value / reference GDP x 100
    stated_share_pct: float | None
    stated_qualifier: str | None
    stated_holds: bool | None  # the computed share satisfies the stated "qualifier value"
    evidence: tuple[InputRef, ...]


class ClusterIndicators(_Frozen):
    names: tuple[str, ...]  # in the order the case gives (attribute `position`)
    listed_count: int
    stated_count: float | None
    gdp_shares: tuple[GdpShare, ...]
    evidence: tuple[InputRef, ...]  # of the stated count


def _reference_gdp(case: Case, entity: CaseEntity) -> ReferenceEntry | None:
    period = entity.attributes.get("period")
    for link in entity.references:
        entry = case.references.get(link.reference)
        if (
            isinstance(entry, ReferenceEntry)
            and entry.unit == entity.attributes.get("unit")
            and entry.period is not None
            and entry.period.iso() == period
        ):
            return entry
    return None


def gdp_shares(case: Case) -> tuple[GdpShare, ...]:
    """Value-added indicators linked to a reference GDP of the same period, as GDP shares."""
    indicators = _indicators(case)
    out = []
    for e in indicators:
        measure = str(e.attributes.get("measure", ""))
        if not measure.startswith(VALUE_ADDED) or not _number(e.attributes.get("value")):
            continue
        entry = _reference_gdp(case, e)
        if entry is None:
            continue
        what = measure.removeprefix(VALUE_ADDED)
        stated = next(
            (
                s
                for s in indicators
                if s.attributes.get("measure") == GDP_SHARE + what
                and s.attributes.get("period") == e.attributes.get("period")
                and s.attributes.get("subject") == e.attributes.get("subject")
            ),
            None,
        )
        value = float(e.attributes["value"])  # type: ignore[arg-type]
        share = 100 * value / entry.value
        stated_value = _optional(stated, "value") if stated is not None else None
        stated_q = str(stated.attributes.get("qualifier", "=")) if stated is not None else None
        evidence = [attribute_input(case, e, "value"), reference_input(entry)]
        if stated is not None:
            evidence.append(attribute_input(case, stated, "value"))
        out.append(
            GdpShare(
                entity=e.id,
                name=e.name,
                period=e.attributes.get("period"),  # type: ignore[arg-type]
                value=value,
                reference_gdp=entry.value,
                reference_qualifier=entry.qualifier,
                share_pct=share,
                stated_share_pct=stated_value,
                stated_qualifier=stated_q,
                stated_holds=(
                    holds(share, stated_q, stated_value)
                    if stated_value is not None and stated_q is not None and entry.qualifier == "="
                    else None
                ),
                evidence=tuple(evidence),
            )
        )
    return tuple(out)


def cluster_indicators(case: Case) -> ClusterIndicators:
    clusters = sorted(
        case.entities_of("industrial_cluster"),
        key=lambda e: (float(e.attributes.get("position", math.inf)), e.id),  # type: ignore[arg-type]
    )
    count = next(
        (e for e in _indicators(case) if e.attributes.get("measure") == CLUSTER_COUNT), None
    )
    return ClusterIndicators(
        names=tuple(e.name for e in clusters),
        listed_count=len(clusters),
        stated_count=_optional(count, "value") if count is not None else None,
        gdp_shares=gdp_shares(case),
        evidence=(attribute_input(case, count, "value"),) if count is not None else (),
    )


# -- all of them ------------------------------------------------------------------------------


class CaseIndicators(_Frozen):
    """Every derived indicator of a case (see the module docstring)."""

    case: str
    structure: tuple[IndustryStructure, ...]
    bases: tuple[PriorBase, ...]
    trade: TradeStructure
    ftz: tuple[FtzPermissions, ...]
    platforms: PlatformInventory
    clusters: ClusterIndicators

    def rows(self) -> Iterable[Mapping[str, Any]]:
        """Every derived number as (group, item, measure, value, unit, qualifier, period)."""
        for s in self.structure:
            grp, now, before = "industry structure", s.period, s.prior_period
            for r in s.rows:
                yield _row(grp, r.industry, "share", r.share_pct, "%", period=now)
                yield _row(
                    grp, r.industry, "contribution to growth", r.contribution_pp, "pp", period=now
                )
                yield _row(
                    grp,
                    r.industry,
                    "contribution to growth, prior-period weights",
                    r.contribution_base_pp,
                    "pp",
                    period=now,
                )
                yield _row(
                    grp, r.industry, "contribution rate", r.contribution_rate_pct, "%", period=now
                )
                yield _row(grp, r.industry, "prior-period base", r.base, s.unit, period=before)
            yield _row(grp, "total", "weighted growth", s.weighted_growth_pct, "%", period=now)
        for b in self.bases:
            yield _row(
                "prior-period base",
                b.name,
                b.measure,
                b.base,
                b.unit,
                qualifier=b.qualifier,
                period=b.prior_period,
            )
        for d in self.trade.dimensions:
            yield _row("trade structure", d.dimension, "stated share", d.stated_share_pct, "%")
        for z in self.ftz:
            for sec in z.sections:
                yield _row("ftz permissions", sec.name, "share", sec.share_pct, "%")
            yield _row("ftz permissions", z.name, "Herfindahl", z.herfindahl, "index")
            yield _row(
                "ftz permissions",
                z.name,
                "Herfindahl, normalised",
                z.herfindahl_normalised,
                "index",
            )
        yield _row("opening platforms", "all kinds", "count", self.platforms.total, "count")
        for g in self.clusters.gdp_shares:
            yield _row(
                "clusters", g.name, "share of reference GDP", g.share_pct, "%", period=g.period
            )

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(
            list(self.rows()),
            columns=["group", "item", "measure", "value", "unit", "qualifier", "period"],
        )

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def _row(
    group: str,
    item: str,
    measure: str,
    value: float | None,
    unit: str,
    *,
    qualifier: str = "=",
    period: str | None = None,
) -> dict[str, Any]:
    return {
        "group": group,
        "item": item,
        "measure": measure,
        "value": value,
        "unit": unit,
        "qualifier": qualifier,
        "period": period,
    }


def case_indicators(case: Case) -> CaseIndicators:
    """All derived indicators of a case."""
    return CaseIndicators(
        case=case.id,
        structure=industry_structure(case),
        bases=prior_bases(case),
        trade=trade_structure(case),
        ftz=ftz_permissions(case),
        platforms=platform_inventory(case),
        clusters=cluster_indicators(case),
    )


__all__ = [
    "CaseIndicators",
    "ClusterIndicators",
    "FtzPermissions",
    "GdpShare",
    "IndustryRow",
    "IndustryStructure",
    "InputRef",
    "PlatformInventory",
    "PriorBase",
    "TradeDimension",
    "TradeStructure",
    "attribute_input",
    "base_qualifier",
    "case_indicators",
    "cluster_indicators",
    "ftz_permissions",
    "gdp_shares",
    "growth_measure_of",
    "growth_pairs",
    "herfindahl",
    "holds",
    "implied_base",
    "industry_structure",
    "platform_inventory",
    "prior_bases",
    "reference_input",
    "shares",
    "trade_structure",
    "year_before",
]
