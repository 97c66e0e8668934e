"""Composite-product plants of a region, as a case's production file states them.

Types only; `pestle.case` reads them (`Case.production_plants`) and the demand model turns the
blade plants' capacity into the region's production opportunity.
"""

from __future__ import annotations

from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field


class Plant(BaseModel):
    """One plant: what it makes, how much a year (as its source states it), since when."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    company: str = ""
    city: str = ""
    product: str
    capacity: float | None = Field(default=None, ge=0)
    capacity_unit: str = ""
    start_year: int | None = None
    status: str = ""
    quality: str | None = None
    source: str = ""
    note: str = ""
    line: int | None = Field(default=None, exclude=True)

    @property
    def makes_blades(self) -> bool:
        return "blade" in self.product.lower()

    @property
    def blade_sets(self) -> float | None:
        """Capacity in sets of three blades a year, where the unit says blades or sets."""
        if self.capacity is None:
            return None
        unit = self.capacity_unit.lower()
        if unit.startswith("sets"):
            return self.capacity
        if unit.startswith("blades"):
            return self.capacity / 3.0
        return None

    @property
    def producing(self) -> bool:
        """In production or trial production (an announced or unknown plant is not)."""
        return self.status in ("in_production", "trial_production")


class ProductionPlants(NamedTuple):
    """The plants of a case's production file, the products searched for and not found,
    and the file (for messages and footnotes)."""

    plants: tuple[Plant, ...] = ()
    not_found: tuple[str, ...] = ()
    path: str | None = None


__all__ = ["Plant", "ProductionPlants"]
