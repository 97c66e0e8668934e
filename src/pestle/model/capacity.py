"""Declarations about the energy build-out a case makes beside its entities: which announced
projects lie within others or may describe the same capacity (the `overlaps:` block of the
parameters file), and the yearly capacity additions of a reference file.

Types only; `pestle.case` reads them from the case files and `pestle.analysis.demand` uses them.
"""

from __future__ import annotations

from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from pestle.model.text import Text


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Nesting(_Frozen):
    """`child` lies within `parent`: its capacity is part of the parent's."""

    child: str
    parent: str
    reason: Text = Field(min_length=1)


class OverlapGroup(_Frozen):
    """Announcements that may describe the same physical capacity."""

    members: tuple[str, ...] = Field(min_length=2)
    reason: Text = Field(min_length=1)


class ReferenceAddition(_Frozen):
    """New-energy capacity added in one year, from reference statistics."""

    year: int
    capacity_w: float = Field(ge=0)
    source: str
    derived: bool = Field(default=False, description="arithmetic on a source's figures")
    note: str = ""


class CapacityObservation(_Frozen):
    """Installed wind and solar capacity at one date, as a source states it (W), or a gap."""

    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    wind_w: float | None = Field(default=None, ge=0)
    solar_w: float | None = Field(default=None, ge=0)
    total_w: float | None = Field(default=None, ge=0, description="wind + solar, no split")
    qualifier: str = "="
    quality: str | None = None
    source: str = ""
    gap: bool = Field(default=False, description="no public figure found for this date")
    note: str = ""
    line: int | None = Field(default=None, exclude=True)

    @property
    def year(self) -> int:
        return int(self.date[:4])

    @property
    def year_end(self) -> bool:
        """Stated at the very end of its year (a figure of 30 or 31 December)."""
        return self.date[5:] in ("12-30", "12-31")


class StatedAddition(_Frozen):
    """Capacity added in one calendar year as a source states it (W): by technology, or
    wind + solar together."""

    year: int
    wind_w: float | None = Field(default=None, ge=0)
    solar_w: float | None = Field(default=None, ge=0)
    total_w: float | None = Field(default=None, ge=0)
    quality: str | None = None
    source: str = ""
    line: int | None = Field(default=None, exclude=True)


class ObservedCapacity(NamedTuple):
    """The installed-capacity history a case declares (`observed_capacity:` in case.yaml):
    stocks by date, additions a source states by year, and the file (for messages)."""

    observations: tuple[CapacityObservation, ...] = ()
    additions: tuple[StatedAddition, ...] = ()
    path: str | None = None


class Overlaps(NamedTuple):
    """The `overlaps:` block of a parameters file: nestings and overlap groups."""

    nested: tuple[Nesting, ...] = ()
    groups: tuple[OverlapGroup, ...] = ()


class ReferenceAdditions(NamedTuple):
    """Yearly additions read from a reference file, and that file (for messages)."""

    additions: tuple[ReferenceAddition, ...] = ()
    path: str | None = None


__all__ = [
    "CapacityObservation",
    "ObservedCapacity",
    "OverlapGroup",
    "Overlaps",
    "ReferenceAddition",
    "ReferenceAdditions",
    "StatedAddition",
]
