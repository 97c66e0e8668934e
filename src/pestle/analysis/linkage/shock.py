"""Composite demand -> final-demand shock by sector -> linkage effects.

A case's linkage file (read by `pestle.case.linkage_file`, given by `Case.linkage`) maps each
composite-demand segment to table sectors (value shares) and gives a price per tonne as a
range; prices and shares are flagged assumptions unless a source is given. Effects are
computed at the low end, the midpoint and the high end of every price range (the model is
linear, so these bound the effects for the stated ranges).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from pestle.analysis.linkage.io_table import Basis, IOTable, china_2020
from pestle.analysis.linkage.leontief import LeontiefModel, ShockEffects, leontief
from pestle.analysis.linkage.messages import SHOCK_NOTE
from pestle.case.linkage_file import (
    LinkageConfig,
    PriceCase,
    PriceRange,
    SectorShares,
    Segment,
    load_linkage,
)
from pestle.errors import AnalysisError

PRICE_CASES: tuple[PriceCase, ...] = ("low", "central", "high")
_TABLES = {"china_2020_153": 153, "china_2020_42": 42}


def load_config(path: str | Path) -> LinkageConfig:
    """Read and validate the linkage file at `path` (a case's own is `Case.linkage`)."""
    return load_linkage(path)


def table_of(config: LinkageConfig) -> IOTable:
    """The input-output table a linkage configuration names."""
    return china_2020(_TABLES[config.table])  # type: ignore[arg-type]


def final_demand(
    tonnes: Mapping[str, float],
    config: LinkageConfig,
    table: IOTable,
    price: PriceCase | Mapping[str, float] = "central",
) -> NDArray[np.float64]:
    """Final demand by table sector in yuan: tonnes x price per tonne x sector share.

    `price` is a case of the stated ranges, or CNY/t per segment (overrides; segments not
    named keep the midpoint).
    """
    index = {code: i for i, code in enumerate(table.codes)}
    f = np.zeros(table.n)
    for name, t in tonnes.items():
        segment = config.segments.get(name)
        if segment is None:
            known = ", ".join(sorted(config.segments))
            raise AnalysisError(
                f"{config.path}: no sector mapping for segment {name!r} (known: {known})"
            )
        if not (math.isfinite(t) and t >= 0):
            raise AnalysisError(f"tonnes for segment {name!r} must be >= 0, got {t!r}")
        p = _price(segment, name, price)
        for code, share in segment.sectors.shares.items():
            if code not in index:
                raise AnalysisError(
                    f"{config.path}: segment {name!r} maps to sector {code!r}, "
                    f"which is not in {table.source}"
                )
            f[index[code]] += t * p * share
    return f


def _price(segment: Segment, name: str, price: PriceCase | Mapping[str, float]) -> float:
    if isinstance(price, str):
        if price not in PRICE_CASES:
            raise AnalysisError(f"price case {price!r}: use low, central or high")
        return segment.price.value(price)
    if name in price:
        p = float(price[name])
        if not (math.isfinite(p) and p >= 0):
            raise AnalysisError(f"price for segment {name!r} must be >= 0 CNY/t, got {p!r}")
        return p
    return segment.price.value("central")


@dataclass(frozen=True, eq=False)
class CompositeEffects:
    """Linkage effects of composite demand at the low, central and high price of each range."""

    tonnes: dict[str, float]
    prices: dict[PriceCase, dict[str, float]]
    cases: dict[PriceCase, ShockEffects]
    note: str
    assumptions: tuple[str, ...]

    @property
    def central(self) -> ShockEffects:
        return self.cases["central"]

    def to_frame(self) -> pd.DataFrame:
        """Central effects by sector (yuan) with the low and high totals beside them; only
        sectors with a non-zero effect."""
        frame = self.central.to_frame()
        for case in ("low", "high"):
            other = self.cases[case].to_frame()
            for col in ("output_total", "value_added_total", "imports_total"):
                frame[f"{col}_{case}"] = other[col]
        return frame[frame["output_total_high"] != 0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "note": self.note,
            "unit": "CNY",
            "assumptions": list(self.assumptions),
            "tonnes": self.tonnes,
            "prices_cny_per_t": self.prices,
            "totals": {case: effects.totals() for case, effects in self.cases.items()},
            "sectors": self.to_frame().reset_index().to_dict(orient="records"),
        }


def composite_effects(
    tonnes: Mapping[str, float],
    *,
    config: LinkageConfig,
    model: LeontiefModel | None = None,
    basis: Basis = "domestic",
) -> CompositeEffects:
    """Output, value-added and import effects (direct / indirect, by sector, yuan) of tonnes of
    composites by segment, on the case's table (national coefficients)."""
    model = model or leontief(table_of(config), basis=basis)
    cases = {
        case: model.effects(final_demand(tonnes, config, model.table, case)) for case in PRICE_CASES
    }
    prices = {
        case: {name: config.segments[name].price.value(case) for name in tonnes}
        for case in PRICE_CASES
    }
    assumptions = tuple(
        f"{name}: price {s.price.range[0]:g}-{s.price.range[1]:g} CNY/t ({s.price.reason}); "
        f"sector shares {s.sectors.shares} ({s.sectors.reason})"
        for name, s in config.segments.items()
        if name in tonnes and (s.price.assumption or s.sectors.assumption)
    )
    note = SHOCK_NOTE.format(model=model.note, basis=config.price_basis)
    return CompositeEffects(
        tonnes={k: float(v) for k, v in tonnes.items()},
        prices=prices,  # type: ignore[arg-type]
        cases=cases,  # type: ignore[arg-type]
        note=note,
        assumptions=assumptions,
    )


__all__ = [
    "PRICE_CASES",
    "CompositeEffects",
    "LinkageConfig",
    "PriceCase",
    "PriceRange",
    "SectorShares",
    "Segment",
    "composite_effects",
    "final_demand",
    "load_config",
    "table_of",
]
