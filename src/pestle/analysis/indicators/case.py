"""Every derived indicator of a case at once (`case_indicators`), and all of them as one
table of rows (`CaseIndicators.rows`, `to_frame`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from pestle.analysis.indicators.clusters import ClusterIndicators, cluster_indicators
from pestle.analysis.indicators.ftz import FtzPermissions, ftz_permissions
from pestle.analysis.indicators.growth import PriorBase, prior_bases
from pestle.analysis.indicators.industry import IndustryStructure, industry_structure
from pestle.analysis.indicators.inputs import Frozen
from pestle.analysis.indicators.platforms import PlatformInventory, platform_inventory
from pestle.analysis.indicators.trade import TradeStructure, trade_structure

if TYPE_CHECKING:
    import pandas as pd

    from pestle.case import Case


class CaseIndicators(Frozen):
    """Every derived indicator of a case (see `pestle.analysis.indicators`)."""

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
