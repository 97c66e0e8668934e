"""Indicators derived from a case: every number the report shows that is not stated as such.

- industry structure (`industry`): shares of value added, contributions to growth in
  percentage points (share x growth, current-period shares, and the exact
  prior-period-weighted version), contribution rates, the weighted growth they imply;
- growth-implied prior-period bases (`growth`): value / (1 + growth / 100), with the
  qualifier carried;
- trade structure by dimension (`trade`: trade mode, product category, zone channel): shares
  are comparable only within one dimension and are never summed across dimensions;
- free-trade-zone permissions by section (`ftz`): shares, Herfindahl concentration (H,
  normalised H*, equivalent number of sections 1 / H);
- opening-platform inventory (`platforms`): counts by kind;
- industrial clusters (`clusters`): the stated and listed count, and cluster value added
  against a reference GDP of the same period (`gdp`).

Each derived row carries its inputs' evidence (`InputRef`, in `inputs`): the case entity
attribute it used, the document passage and extracted claim behind it, or the reference
entry with its source and quality. The arithmetic they share (shares, Herfindahl, implied
bases and their qualifiers) is in `arithmetic`; `case` gathers them all (`case_indicators`).
Pure functions of a `Case`; no formatting here.

    >>> import pestle
    >>> from pestle.analysis.indicators import case_indicators
    >>> case_indicators(pestle.load_case()).to_frame()  # doctest: +SKIP
"""

from pestle.analysis.indicators.arithmetic import (
    base_qualifier,
    herfindahl,
    holds,
    implied_base,
    shares,
    year_before,
)
from pestle.analysis.indicators.case import CaseIndicators, case_indicators
from pestle.analysis.indicators.clusters import ClusterIndicators, cluster_indicators
from pestle.analysis.indicators.ftz import FtzPermissions, SectionPermissions, ftz_permissions
from pestle.analysis.indicators.gdp import GdpShare, gdp_shares
from pestle.analysis.indicators.growth import (
    PriorBase,
    growth_measure_of,
    growth_pairs,
    prior_bases,
)
from pestle.analysis.indicators.industry import IndustryRow, IndustryStructure, industry_structure
from pestle.analysis.indicators.inputs import (
    CLUSTER_COUNT,
    GDP,
    GDP_SHARE,
    GROWTH_SUFFIX,
    VALUE_ADDED,
    InputRef,
    attribute_input,
    reference_input,
)
from pestle.analysis.indicators.platforms import PlatformInventory, PlatformRow, platform_inventory
from pestle.analysis.indicators.trade import (
    TradeCategory,
    TradeDimension,
    TradeStructure,
    trade_structure,
)

__all__ = [
    "CLUSTER_COUNT",
    "GDP",
    "GDP_SHARE",
    "GROWTH_SUFFIX",
    "VALUE_ADDED",
    "CaseIndicators",
    "ClusterIndicators",
    "FtzPermissions",
    "GdpShare",
    "IndustryRow",
    "IndustryStructure",
    "InputRef",
    "PlatformInventory",
    "PlatformRow",
    "PriorBase",
    "SectionPermissions",
    "TradeCategory",
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
