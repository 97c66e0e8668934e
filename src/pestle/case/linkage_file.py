"""Read a case's linkage file: how composite demand becomes a final-demand shock by sector.

The file maps each composite-demand segment to input-output table sectors (value shares) and
gives a price per tonne as a range; prices and shares are flagged assumptions unless a source
is given. `load_linkage(path)` reads and validates it into a `LinkageConfig` (every problem one
`CaseError` naming file and line); `Case.linkage` gives the case's own, if it has one.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pestle.case.yaml_lines import line_at, load_yaml
from pestle.errors import CaseError
from pestle.model.text import Text

PriceCase = Literal["low", "central", "high"]
TableName = Literal["china_2020_153", "china_2020_42"]


class _Flagged(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    assumption: bool = False
    reason: Text = ""  # the report shows it, in the reader's language if the case gives it
    source: str | None = None

    @model_validator(mode="after")
    def _sourced_or_flagged(self) -> _Flagged:
        if self.source is None and not self.assumption:
            raise ValueError("no source: mark it `assumption: true` and give a `reason`")
        if self.assumption and not self.reason.strip():
            raise ValueError("an assumption needs a `reason`")
        return self


class PriceRange(_Flagged):
    """Price per tonne of a segment's composite, CNY/t, as a [low, high] range."""

    unit: Literal["CNY/t"]
    range: tuple[float, float]

    @model_validator(mode="after")
    def _ordered(self) -> PriceRange:
        low, high = self.range
        if not (math.isfinite(low) and math.isfinite(high) and 0 < low <= high):
            raise ValueError(f"range must be 0 < low <= high, got {list(self.range)}")
        return self

    def value(self, case: PriceCase) -> float:
        low, high = self.range
        return {"low": low, "central": (low + high) / 2, "high": high}[case]


class SectorShares(_Flagged):
    """Value shares of a segment's purchase by table sector (they sum to 1)."""

    shares: dict[str, float] = Field(min_length=1)

    @model_validator(mode="after")
    def _sum_to_one(self) -> SectorShares:
        if any(not 0 < s <= 1 for s in self.shares.values()):
            raise ValueError("every share must be in (0, 1]")
        total = sum(self.shares.values())
        if abs(total - 1) > 1e-9:
            raise ValueError(f"shares sum to {total:g}, not 1")
        return self


class Segment(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    description: str
    tonnes_of: str
    price: PriceRange
    sectors: SectorShares


class LinkageConfig(BaseModel):
    """The parsed `linkage.yaml` of a case."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    table: TableName
    price_basis: Text  # read in a note of the report: in the reader's language
    segments: dict[str, Segment] = Field(min_length=1)
    path: str = "<memory>"


def load_linkage(path: str | Path) -> LinkageConfig:
    """Read and validate the linkage file at `path`."""
    path = Path(path)
    if not path.exists():
        raise CaseError("no such file", path)
    data = load_yaml(path)  # not UTF-8, malformed YAML: one line naming file:line
    if not isinstance(data, dict):
        raise CaseError("expected a mapping with table, price_basis and segments", path, 1)
    try:
        return LinkageConfig.model_validate({**data, "path": str(path)})
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = [p for p in error["loc"] if not _is_type_tag(p)]
        message = error["msg"].removeprefix("Value error, ")
        where = ".".join(str(p) for p in loc)
        raise CaseError(f"{where}: {message}", path, line_at(data, loc)) from None


def _is_type_tag(part: Any) -> bool:
    """Parts of a pydantic error location that name a type, not a key of the data."""
    return isinstance(part, str) and ("[" in part or part in {"str", "int", "float", "bool"})


__all__ = [
    "LinkageConfig",
    "PriceCase",
    "PriceRange",
    "SectorShares",
    "Segment",
    "TableName",
    "load_linkage",
]
